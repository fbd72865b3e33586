"""The ask, in words and figures: what the plan costs, when it is delivered, who decides.

Every figure comes from the plan and the one Investment computed from it; this module only
formats them, so the deck, the report and the strategic plan say the same.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from assessment.analysis.investment import Investment, add_months
from assessment.analysis.scoring import Assessment
from assessment.analysis.views import still_open
from assessment.text import clean, count_word

OWNERS_NAMED = 3  # owner roles named in the owner decision
WORKSHOP_BEFORE = dt.timedelta(weeks=2)  # the consensus workshop, before the start


@dataclass(frozen=True, slots=True)
class AskWindow:
    """A plan window's cost and dates: texts, and `days_value` for charts."""

    window: str
    recommendations: str
    days: str
    days_value: float
    cost: str
    starts: str
    period: str  # `1 January 2027 – 31 March 2027`, or `from 1 January 2028`


@dataclass(frozen=True, slots=True)
class Ask:
    """What the plan costs, when it is delivered and what we ask the customer to decide."""

    day_rate: str = ""
    total_days: str = ""
    total_cost: str = ""
    staff_years: str = ""
    assumption: str = ""  # what was defaulted, said as an assumption
    windows: tuple[AskWindow, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    decisions: tuple[str, ...] = ()  # `Topic: what to decide`
    decision_topics: tuple[str, ...] = ()  # `Sponsor`, `Funding`, in the same order
    decision_count: str = ""  # in words: "five"


def money(value: float, currency: str) -> str:
    """`EUR 145,000`; `EUR 2.11 million` from a million on."""
    if value >= 1_000_000:
        return f"{currency} {value / 1_000_000:.2f} million"
    return f"{currency} {value:,.0f}"


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def ask(assessment: Assessment, inv: Investment) -> Ask:
    """The investment, the dated milestones and the decisions, formatted once."""
    windows = tuple(
        AskWindow(
            window=clean(w.name),
            recommendations=str(w.recommendations),
            days=f"{w.days:,.0f}",
            days_value=w.days,
            cost=money(w.cost, inv.currency),
            starts=day(w.starts),
            period=f"{day(w.starts)} – {day(w.ends)}" if w.ends else f"from {day(w.starts)}",
        )
        for w in inv.windows
    )
    decisions = _decisions(assessment, inv, windows)
    return Ask(
        day_rate=money(inv.day_rate, inv.currency),
        total_days=f"{inv.days:,.0f}",
        total_cost=money(inv.cost, inv.currency),
        staff_years=f"{inv.staff_years:.1f}",
        assumption=_assumption(inv),
        windows=windows,
        milestones=_milestones(assessment, inv),
        decisions=tuple(f"{topic}: {what}" for topic, what in decisions),
        decision_topics=tuple(topic for topic, _ in decisions),
        decision_count=count_word(len(decisions)),
    )


def _assumption(inv: Investment) -> str:
    """What was defaulted, said as an assumption, with where to set it."""
    parts = []
    if "day_rate" in inv.assumed or "currency" in inv.assumed:
        parts.append(f"a blended day rate of {money(inv.day_rate, inv.currency)}")
    if "start" in inv.assumed:
        parts.append(f"a start on {day(inv.start)}")
    if not parts:
        return ""
    keys = ", ".join(f"investment.{k}" for k in inv.assumed)
    return f"Assumption: {' and '.join(parts)} (set {keys} in engagement.yaml)."


def _owners(assessment: Assessment) -> list[tuple[str, int]]:
    """Owner roles of the first window's recommendations, most recommendations first."""
    roles = {r.id: clean(r.name) for r in assessment.pack.info.interviewees}
    recs = {r.id: r for r in assessment.pack.recommendations}
    first = assessment.plan.in_window(0) if assessment.plan.windows else ()
    counts = Counter(roles.get(recs[i.id].owner or "", "") for i in first)
    counts.pop("", None)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass(frozen=True, slots=True)
class Milestone:
    """A date, and what is done by then."""

    date: str
    milestone: str


def _milestones(assessment: Assessment, inv: Investment) -> tuple[Milestone, ...]:
    """Dated milestones: the consensus workshop, the start, the first review, each window's
    end (the last tactical one with the re-assessment)."""
    plan = assessment.plan
    open_items = len(still_open(assessment.consensus))
    dated = []
    if open_items:
        dated.append(
            (
                inv.start - WORKSHOP_BEFORE,
                f"Consensus workshop settles the {open_items} open questions.",
            )
        )
    dated.append((inv.start, "Programme starts: sponsor and owners named, first window staffed."))
    dated.append((add_months(inv.start, 1), "First monthly progress review with the sponsor."))
    priorities = sum(1 for i in plan.items if i.customer_priority)
    tactical = [n for n, t in enumerate(plan.totals) if t.window.horizon == "tactical"]
    for index, window in enumerate(inv.windows):
        if window.ends is None:
            continue
        done = f"{window.name} window done: {window.recommendations} recommendations"
        if index == 0 and priorities:
            done += f", including the {count_word(priorities)} customer priorities"
        if tactical and index == tactical[-1]:
            done += f"; {clean(assessment.pack.info.process)} maturity re-assessed"
        dated.append((window.ends, done + "."))
    dated.sort(key=lambda pair: pair[0])
    return tuple(Milestone(day(when), what) for when, what in dated)


def _decisions(
    assessment: Assessment, inv: Investment, windows: tuple[AskWindow, ...]
) -> list[tuple[str, str]]:
    """Each decision we ask for: its topic, and what to decide."""
    sponsor = clean(inv.sponsor)
    decisions = [
        (
            "Sponsor",
            f"{sponsor} sponsors the programme and chairs a monthly progress review."
            if sponsor
            else "name an executive sponsor who chairs a monthly progress review.",
        )
    ]
    owners = _owners(assessment)[:OWNERS_NAMED]
    if owners:
        named = ", ".join(f"the {role} ({n})" for role, n in owners)
        decisions.append(("Owners", f"name the people who own the first window's work: {named}."))
    if windows:
        first = windows[0]
        decisions.append(
            (
                "Funding",
                f"approve the {first.window} window, {first.days} person-days "
                f"({first.cost}), starting {first.starts}.",
            )
        )
    priorities = sum(1 for i in assessment.plan.items if i.customer_priority)
    if priorities:
        decisions.append(
            (
                "Priorities",
                f"confirm that the {count_word(priorities)} customer priorities go first.",
            )
        )
    open_items = len(still_open(assessment.consensus))
    if open_items:
        decisions.append(
            (
                "Consensus",
                f"settle the {open_items} open question{'s' if open_items != 1 else ''} "
                f"in a workshop before {day(inv.start)}.",
            )
        )
    return decisions
