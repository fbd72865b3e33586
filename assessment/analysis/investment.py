"""What the plan costs and when each window starts and ends, computed once from the plan.

Rules (the README says the same, and every document that prints a cost states its rate):
- Cost = person-days × the engagement's blended day rate (`investment.day_rate`, in
  `investment.currency`). Person-days size each recommendation by its effort class and cover the
  customer's and the consultants' time alike.
- The programme starts on `investment.start`; without one, on the first Monday at least four
  weeks after the document date. A window runs from start + its first month to start + its last
  month; the open-ended last window has a start and no end.
- Whatever the engagement leaves out is defaulted and listed in `assumed`, so every document can
  label it as an assumption.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from assessment.analysis.plan import Plan
from assessment.engagement.model import Engagement

DEFAULT_DAY_RATE = 1000.0
DEFAULT_CURRENCY = "EUR"
LEAD_TIME = dt.timedelta(weeks=4)  # from the document date to the default start
WORKING_DAYS_A_YEAR = 220  # for "about N staff-years"


@dataclass(frozen=True)
class WindowCost:
    """One window of the plan, dated and costed."""

    name: str
    recommendations: int
    days: float
    cost: float
    starts: dt.date
    ends: dt.date | None  # None: open-ended


@dataclass(frozen=True)
class Investment:
    day_rate: float
    currency: str
    start: dt.date
    sponsor: str  # empty: to be named
    assumed: tuple[str, ...]  # which of day_rate, currency, start the engagement left out
    windows: tuple[WindowCost, ...]

    @property
    def days(self) -> float:
        return sum(w.days for w in self.windows)

    @property
    def cost(self) -> float:
        return sum(w.cost for w in self.windows)

    @property
    def staff_years(self) -> float:
        return self.days / WORKING_DAYS_A_YEAR


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month, `months` later (the month's last day where it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_start(document_date: dt.date) -> dt.date:
    """The first Monday at least four weeks after the document date."""
    earliest = document_date + LEAD_TIME
    return earliest + dt.timedelta(days=(7 - earliest.weekday()) % 7)


def investment(plan: Plan, engagement: Engagement, document_date: dt.date) -> Investment:
    given = engagement.investment
    assumed = tuple(
        name
        for name, value in (
            ("day_rate", given.day_rate),
            ("currency", given.currency),
            ("start", given.start),
        )
        if value is None
    )
    rate = given.day_rate if given.day_rate is not None else DEFAULT_DAY_RATE
    start = given.start or default_start(document_date)
    windows = tuple(
        WindowCost(
            name=t.window.name,
            recommendations=t.recommendations,
            days=t.days,
            cost=t.days * rate,
            starts=add_months(start, t.window.start),
            ends=None if t.window.end is None else add_months(start, t.window.end),
        )
        for t in plan.totals
    )
    return Investment(
        day_rate=rate,
        currency=given.currency or DEFAULT_CURRENCY,
        start=start,
        sponsor=given.sponsor or "",
        assumed=assumed,
        windows=windows,
    )
