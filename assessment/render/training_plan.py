"""The training plan: requirements by role and skill, then the plan (audience, content, order)."""

from __future__ import annotations

from assessment.render.outline import Block, Bullets, Heading, Outline, Para, Table
from assessment.render.outline_parts import chapter, document
from assessment.report.context import Context

NAME = "training-plan"


def outline(c: Context) -> Outline:
    sections = (_requirements, _plan, _courses)
    return document(c, "Training plan", f"{c.process} Training Plan", sections)


def _requirements(c: Context) -> list[Block]:
    blocks = chapter(
        "Training requirements",
        f"The roles that run {c.process} need the skills below at the levels shown. "
        "The current level is estimated from the people-perspective answers that "
        "evidence each skill; 'to be confirmed' means no interviewee spoke to it.",
    )
    if c.skill_levels:
        blocks.append(
            Table(
                ("Level", "Expertise", "Description"),
                tuple(c.skill_levels),
                (1.5, 3, 11.5),
                "Table 1: Skill expertise levels",
                numeric=(0,),
            )
        )
    if not c.training:
        return [*blocks, Para("No training gap was found: every required level is reached.")]
    blocks.append(
        Table(
            ("Role", "Skill", "Required", "Current", "Gap"),
            tuple((t.role, t.skill, t.required, t.current, t.gap) for t in c.training),
            (4.6, 4.4, 2.2, 2.8, 2),
            "Table 2: Training requirements by role and skill",
            numeric=(2, 3, 4),
        )
    )
    return blocks


def _plan(c: Context) -> list[Block]:
    schedule = c.courses
    if not c.training or not schedule.rows:
        return []
    rows = schedule.rows
    blocks: list[Block] = [
        *chapter(
            "Training plan",
            f"{len(rows)} courses, {schedule.training_days} training days in all, "
            f"{schedule.cost} at {schedule.day_rate} a day; the programme starts on "
            f"{schedule.start}.",
            "lead",
        ),
        Para(schedule.rule),
        Bullets(tuple(f"{q}: {period}" for q, period in schedule.quarters)),
    ]
    if c.ask.assumption:
        blocks.append(Para(c.ask.assumption))
    blocks.append(
        Table(
            ("#", "Course", "Attendees", "Quarter", "Days each", "Training days", "Cost"),
            (
                *(
                    (
                        r.order,
                        f"{r.skill} ({r.format})",
                        "; ".join(f"{role}: {n}" for role, n in r.attendees),
                        r.quarter,
                        r.days,
                        r.training_days,
                        r.cost,
                    )
                    for r in rows
                ),
                ("", "Total", "", "", "", schedule.training_days, schedule.cost),
            ),
            (0.7, 4.6, 4.6, 1.5, 1.4, 1.6, 2.2),
            "Table 3: Training schedule, attendees and cost",
            numeric=(0, 4, 5, 6),
            emphasis=(len(rows),),
        )
    )
    for r in rows:
        if r.covers:
            blocks += [Heading(f"{r.order}. {r.skill}", 2), Bullets(tuple(r.covers))]
    return blocks


def _courses(c: Context) -> list[Block]:
    if not c.training_audiences:
        return []
    return [
        Heading("Planned awareness and process training", 1),
        Table(
            ("Audience", "Need", "Format", "Timing"),
            tuple(c.training_audiences),
            (3.5, 6.5, 3, 3),
            "Table 4: Training by audience",
        ),
    ]
