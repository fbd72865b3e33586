"""The initial strategic plan (deliverable 2): roadmap by phase and horizon, next steps."""

from __future__ import annotations

from pathlib import Path

from assessment.render.docx_writer import write_docx
from assessment.render.outline import Block, Bullets, Figure, Heading, Outline, Para, Table
from assessment.render.outline_parts import front_matter, phases_table
from assessment.report.context import Context

NAME = "strategic-plan"


def render(context: Context, out: Path) -> list[Path]:
    return [write_docx(outline(context), context.generated, out / f"{NAME}.docx")]


def outline(c: Context) -> Outline:
    title = f"{c.process} Strategic Plan"
    blocks: list[Block] = [
        *front_matter(c, "Initial strategic plan", title),
        *_direction(c),
        *_roadmap(c),
        *_by_phase(c),
        *_effort(c),
        *_dependencies(c),
        *_next_steps(c),
    ]
    return Outline(
        title=title,
        subject=f"Initial strategic plan for {c.customer}",
        header=f"{c.customer} · {title}",
        blocks=tuple(blocks),
    )


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
            tuple((p["name"], p["current"], p["target"], p["gap"]) for p in c.perspectives),
            (7, 3, 3, 3),
            "Table 2: Today and the target by perspective",
            numeric=(1, 2, 3),
        ),
    ]


def _roadmap(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Roadmap by horizon", 1),
        Para(
            "Quick wins and small tactical steps start in the first three months; larger tactical "
            "work follows within the year; strategic work builds on both."
        ),
    ]
    if "timeline" in c.charts:
        blocks.append(Figure(c.charts["timeline"], "Figure 1: " + c.charts["timeline"].caption, 16))
    for horizon in c.horizons:
        items = [i for i in c.roadmap if i["horizon"] == horizon["horizon"]]
        if not items:
            continue
        blocks.append(
            Heading(
                f"{horizon['horizon']}: {horizon['recommendations']} "
                f"recommendations, {horizon['days']} person-days",
                2,
            )
        )
        blocks.append(
            Table(
                ("#", "Recommendation", "Phase", "Effort", "Days"),
                tuple(
                    (
                        str(i["rank"]),
                        i["title"] + (" (quick win)" if i["quick_win"] else ""),
                        i["phase"],
                        i["effort"],
                        i["days"],
                    )
                    for i in items
                ),
                (1, 8.6, 3.4, 1.6, 1.4),
                numeric=(0, 4),
            )
        )
    return blocks


def _by_phase(c: Context) -> list[Block]:
    blocks: list[Block] = [Heading("Roadmap by phase", 1)]
    for phase in c.phases:
        items = [i for i in c.roadmap if i["phase"] == phase["name"]]
        if items:
            blocks += [
                Heading(phase["name"], 2),
                Para(phase["description"]),
                Bullets(tuple(f"{i['title']} ({i['horizon']})" for i in items)),
            ]
    return blocks


def _effort(c: Context) -> list[Block]:
    return [
        Heading("Effort", 1),
        Para(
            f"The full roadmap is estimated at {c.total_days} person-days, sized from the pack's "
            "effort scale; the estimate is for planning and should be refined per project."
        ),
        Table(
            ("Horizon", "Recommendations", "Person-days"),
            tuple((h["horizon"], h["recommendations"], h["days"]) for h in c.horizons),
            (7, 4.5, 4.5),
            "Table 3: Effort by horizon",
            numeric=(1, 2),
        ),
        Table(
            ("Path", "Recommendations", "Person-days", "Overall reached"),
            tuple((a["name"], a["count"], a["days"], a["overall"]) for a in c.alternatives),
            (6, 3.4, 3.3, 3.3),
            "Table 4: Alternative paths to the target",
            numeric=(1, 2, 3),
        ),
    ]


def _dependencies(c: Context) -> list[Block]:
    titles = {i["id"]: i["title"] for i in c.roadmap}
    rows = tuple(
        (str(i["rank"]), i["title"], "; ".join(titles.get(d, d) for d in i["depends_on"]))
        for i in c.roadmap
        if i["depends_on"]
    )
    if not rows:
        return []
    return [
        Heading("Dependencies", 1),
        Para("No recommendation starts before the ones it builds on."),
        Table(
            ("#", "Recommendation", "Builds on"),
            rows,
            (1, 7.5, 7.5),
            "Table 5: Dependencies",
            numeric=(0,),
        ),
    ]


def _next_steps(c: Context) -> list[Block]:
    return [
        Heading("Next steps", 1),
        Para("What to mobilise, how big it is and what it covers:"),
        Table(
            ("When", "Step", "Size", "Scope (phases)"),
            tuple((s["horizon"], s["step"], s["size"], s["scope"]) for s in c.next_steps),
            (2.6, 8, 2.4, 3),
            "Table 6: Next steps with size and scope",
        ),
    ]
