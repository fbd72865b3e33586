"""The training plan as the documents show it: needs by role and skill, and the course
schedule with attendees, quarter, days and cost at the engagement's rate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from assessment.analysis.investment import Investment, add_months
from assessment.analysis.score_document import DASH
from assessment.analysis.scoring import Assessment
from assessment.analysis.training import courses
from assessment.report.ask import day, money
from assessment.text import clean

TO_BE_CONFIRMED = "to be confirmed"
COURSE_RULE = (
    "Each course runs in the programme quarter in which the first recommendation that needs "
    "the skill starts, so people are trained before the work calls on them; a course no "
    "recommendation needs runs in the first quarter. Attendees are the process roles that need "
    "the skill, counted from the interviewees in that role; a role nobody was interviewed in "
    "is to be confirmed and adds no days. Training days = course days × attendees; cost = "
    "training days × the day rate."
)


@dataclass(frozen=True, slots=True)
class CourseRow:
    """A course of the training schedule: who attends, when, how many days and the cost."""

    order: str
    skill: str
    format: str
    days: str
    attendees: tuple[tuple[str, str], ...]  # (role, how many, or to be confirmed)
    people: str
    training_days: str
    cost: str
    quarter: str  # `Q2`
    period: str
    needed_by: str
    covers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CourseSchedule:
    """The training schedule and its totals; empty where no course is needed."""

    rows: tuple[CourseRow, ...] = ()
    training_days: str = ""
    cost: str = ""
    day_rate: str = ""
    start: str = ""
    rule: str = ""
    quarters: tuple[tuple[str, str], ...] = ()  # (quarter, its dates), in order


def schedule(assessment: Assessment, dated: Investment) -> CourseSchedule:
    """The training schedule: per course its attendees, quarter, training days and cost."""
    schedule = courses(
        assessment.pack, assessment.training, assessment.plan, assessment.respondents
    )
    rate, currency = dated.day_rate, dated.currency
    rows = []
    for order, course in enumerate(schedule, start=1):
        starts = add_months(dated.start, 3 * (course.quarter - 1))
        ends = add_months(dated.start, 3 * course.quarter) - dt.timedelta(days=1)
        rows.append(
            CourseRow(
                order=str(order),
                skill=clean(course.skill),
                format=clean(course.format) or "to be agreed",
                days="to be agreed" if course.days is None else f"{course.days:g}",
                attendees=tuple(
                    (clean(a.role), TO_BE_CONFIRMED if a.count is None else str(a.count))
                    for a in course.attendees
                ),
                people=str(course.people),
                training_days=f"{course.training_days:g}" if course.people else TO_BE_CONFIRMED,
                cost=money(course.training_days * rate, currency)
                if course.people
                else TO_BE_CONFIRMED,
                quarter=f"Q{course.quarter}",
                period=f"{day(starts)} – {day(ends)}",
                needed_by=str(len(course.needed_by)),
                covers=tuple(clean(c) for c in course.covers),
            )
        )
    total = sum(c.training_days for c in schedule)
    quarters = {course.quarter: row for course, row in zip(schedule, rows, strict=True)}
    return CourseSchedule(
        rows=tuple(rows),
        training_days=f"{total:g}",
        cost=money(total * rate, currency),
        day_rate=money(rate, currency),
        start=day(dated.start),
        rule=COURSE_RULE,
        quarters=tuple((quarters[q].quarter, quarters[q].period) for q in sorted(quarters)),
    )


@dataclass(frozen=True, slots=True)
class TrainingNeedRow:
    """A role's training need in one skill: required and current level, the gap."""

    role: str
    skill: str
    required: str
    current: str
    gap: str
    covers: tuple[str, ...]
    format: str
    days: str


def needs(assessment: Assessment) -> list[TrainingNeedRow]:
    return [
        TrainingNeedRow(
            role=clean(t.role),
            skill=clean(t.skill),
            required=str(t.required),
            current="to be confirmed" if t.current is None else f"{t.current:.1f}",
            gap=DASH if t.gap is None else f"{t.gap:.1f}",
            covers=tuple(clean(c) for c in t.covers),
            format=clean(t.format),
            days=DASH if t.days is None else f"{t.days:g}",
        )
        for t in assessment.training
    ]


def skill_levels(assessment: Assessment) -> list[tuple[str, str, str]]:
    """The pack's skill expertise levels: level, name, description."""
    return [(str(s.level), s.name, s.description) for s in assessment.pack.knowledge.skill_levels]


def audiences(
    assessment: Assessment, shown: Callable[[str], str]
) -> list[tuple[str, str, str, str]]:
    """The pack's awareness and process training by audience: audience, need, format, timing."""
    return [
        (shown(t.audience), shown(t.need), shown(t.format), shown(t.timing))
        for t in assessment.pack.knowledge.training_needs
    ]
