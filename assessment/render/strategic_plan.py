"""The initial strategic plan (deliverable 2): roadmap by phase and horizon, next steps."""

from __future__ import annotations

from assessment.render.outline import Block, Bullets, Figure, Heading, Outline, Para, Table
from assessment.render.outline_parts import chapter, document, phases_table
from assessment.report.context import Context
from assessment.report.plan_view import RoadmapRow

NAME = "strategic-plan"


def outline(c: Context) -> Outline:
    sections = (_direction, _roadmap, _by_phase, _effort, _dependencies, _next_steps)
    return document(c, "Initial strategic plan", f"{c.process} Strategic Plan", sections)


def _direction(c: Context) -> list[Block]:
    return [
        Heading("Strategic direction", 1),
        Para(c.overall_sentence, "lead"),
        Para(
            f"This plan sets out how {c.organisation} moves from today's {c.process} practice "
            f"to the agreed target across the {c.perspective_count} perspectives. It follows the "
            f"phases of the {c.method_name} approach; each recommendation is placed in the phase "
            "where its "
            "work happens and in a time window that respects what it depends on."
        ),
        phases_table(c, "Table 1: Phases of the programme"),
        Heading("Where the plan leads", 2),
        Table(
            ("Perspective", "Today", "Target", "Gap"),
            tuple((p.name, p.current, p.target, p.gap) for p in c.perspectives),
            (7, 3, 3, 3),
            "Table 2: Today and the target by perspective",
            numeric=(1, 2, 3),
        ),
    ]


def _roadmap(c: Context) -> list[Block]:
    blocks: list[Block] = [Heading("Roadmap by window", 1), Para(c.horizon_rule)]
    if "timeline" in c.charts:
        blocks.append(Figure(c.charts["timeline"], "Figure 1: " + c.charts["timeline"].caption, 16))
    blocks += _milestones(c)
    blocks.append(
        Para(
            "Each window's recommendations are listed in start order: a recommendation never "
            "comes before the ones it builds on (column 'After #'). The owner is the role that "
            "answers for the recommendation's delivery."
        )
    )
    dated = {w.window: w for w in c.ask.windows}
    for window in c.windows:
        items = [i for i in c.roadmap if i.window == window.window]
        if not items:
            continue
        cost = dated.get(window.window)
        period = f" ({cost.period})" if cost else ""
        blocks.append(Heading(f"{window.window}{period}", 2))
        blocks.append(
            Para(
                f"{window.recommendations} recommendations, {window.days} person-days"
                + (f", {cost.cost}" if cost else "")
                + f"; {window.horizon} horizon."
            )
        )
        blocks.append(
            Table(
                ("#", "Recommendation", "Owner", "Effort", "Days", "After #"),
                tuple(
                    (
                        i.rank,
                        i.title + _marks(i),
                        i.owner or "to be named",
                        i.effort,
                        i.days,
                        ", ".join(i.after),
                    )
                    for i in items
                ),
                (1, 7, 3.4, 1.6, 1.2, 1.8),
                numeric=(0, 4),
            )
        )
    return blocks


def _milestones(c: Context) -> list[Block]:
    milestones = c.ask.milestones
    if not milestones:
        return []
    return [
        Heading("Milestones", 2),
        Table(
            ("Date", "Milestone"),
            tuple((m.date, m.milestone) for m in milestones),
            (3.6, 12.4),
            "Table 3: Dated milestones",
        ),
    ]


def _by_phase(c: Context) -> list[Block]:
    blocks: list[Block] = [Heading("Roadmap by phase", 1)]
    for phase in c.phases:
        items = [i for i in c.roadmap if i.phase == phase.name]
        if items:
            blocks += [
                Heading(phase.name, 2),
                Para(phase.description),
                Bullets(tuple(f"{i.title} ({i.window})" for i in items)),
            ]
    return blocks


def _effort(c: Context) -> list[Block]:
    a = c.ask
    windows = a.windows
    blocks = chapter(
        "Effort and cost",
        f"The full roadmap is estimated at {c.total_days} person-days (about "
        f"{a.staff_years} staff-years), {a.total_cost} at a blended "
        f"day rate of {a.day_rate}, sized from the pack's effort scale; person-days "
        "count the customer's and the consultants' time alike. The estimate is for planning "
        "and should be refined per project.",
    )
    if a.assumption:
        blocks.append(Para(a.assumption))
    blocks += [
        Table(
            ("Window", "Period", "Recommendations", "Person-days", "Cost"),
            (
                *((w.window, w.period, w.recommendations, w.days, w.cost) for w in windows),
                (
                    "Total",
                    "",
                    str(len(c.roadmap)),
                    a.total_days,
                    a.total_cost,
                ),
            ),
            (2.6, 5.6, 2.8, 2.2, 2.8),
            "Table 4: Effort and cost by window",
            numeric=(2, 3, 4),
            emphasis=(len(windows),),
        ),
        Table(
            ("Path", "Recommendations", "Person-days", "Fewer than full", "Overall reached"),
            tuple((a.name, a.count, a.days, a.fewer, a.overall) for a in c.alternatives),
            (5, 3, 2.8, 2.6, 2.6),
            "Table 5: Alternative paths to the target",
            numeric=(1, 2, 3, 4),
        ),
        *(Para(text) for text in c.not_offered),
    ]
    return blocks


def _marks(item: RoadmapRow) -> str:
    marks = ["quick win"] * item.quick_win + ["prerequisite"] * item.prerequisite
    return f" ({', '.join(marks)})" if marks else ""


def _dependencies(c: Context) -> list[Block]:
    rows = tuple(
        (i.rank, i.title + _marks(i), "; ".join(i.builds_on)) for i in c.roadmap if i.builds_on
    )
    if not rows:
        return []
    return [
        *chapter(
            "Dependencies",
            "No recommendation starts in a window before the ones it builds on. A "
            "recommendation marked prerequisite was not called for by the scores, but others in "
            "the plan build on it.",
        ),
        Table(
            ("#", "Recommendation", "Builds on"),
            rows,
            (1, 7.5, 7.5),
            "Table 6: Dependencies",
            numeric=(0,),
        ),
    ]


def _next_steps(c: Context) -> list[Block]:
    return [
        Heading("Next steps", 1),
        Para("What to mobilise, how big it is and what it covers:"),
        Table(
            ("When", "Step", "Size", "Scope (phases)"),
            tuple((s.window, s.step, s.size, s.scope) for s in c.next_steps),
            (2.6, 8, 2.4, 3),
            "Table 7: Next steps with size and scope",
        ),
        *_decisions(c),
    ]


def _decisions(c: Context) -> list[Block]:
    decisions = tuple(c.ask.decisions)
    return [Heading("Decisions asked of the sponsor", 2), Bullets(decisions)] if decisions else []
