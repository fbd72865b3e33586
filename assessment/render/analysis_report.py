"""The analysis report (deliverable 1), in Word and PDF from one outline.

Current state by perspective with interview evidence, desired future state, gap analysis with
charts, consensus items, alternatives, prioritised tactical recommendations, method appendix.
"""

from __future__ import annotations

from pathlib import Path

from assessment.render.docx_writer import write_docx
from assessment.render.outline import (
    Block,
    Bullets,
    Figure,
    Heading,
    Outline,
    Para,
    Quote,
    Table,
)
from assessment.render.outline_parts import front_matter, phases_table
from assessment.render.pdf_writer import write_pdf
from assessment.report.context import Context

NAME = "analysis-report"


def render_docx(context: Context, out: Path) -> list[Path]:
    return [write_docx(outline(context), context.generated, out / f"{NAME}.docx")]


def render_pdf(context: Context, out: Path) -> list[Path]:
    return [write_pdf(outline(context), context.generated, out / f"{NAME}.pdf")]


def outline(c: Context) -> Outline:
    title = f"{c.process} Maturity Assessment"
    blocks: list[Block] = [
        *front_matter(c, "Analysis report", title),
        *_summary(c),
        *_approach(c),
        *_current_state(c),
        *_desired_state(c),
        *_gaps(c),
        *_consensus(c),
        *_alternatives(c),
        *_recommendations(c),
        *_appendices(c),
    ]
    return Outline(
        title=title,
        subject=f"Analysis report for {c.customer}",
        header=f"{c.customer} · {title} · Analysis report",
        blocks=tuple(blocks),
    )


def _summary(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Executive summary", 1),
        Para(c.overall_sentence, "lead"),
        _perspective_table(c, "Table 1: Maturity by perspective"),
        Heading("Key findings", 2),
        Bullets(tuple(c.findings)),
    ]
    if c.recommendations:
        blocks += [
            Heading(f"Top {c.top_count} recommendations", 2),
            Bullets(
                tuple(
                    f"{r['title']} ({r['horizon']}, effort {r['effort']})"
                    for r in c.top_recommendations
                ),
                numbered=True,
            ),
        ]
    return blocks


def _perspective_table(c: Context, caption: str) -> Table:
    rows = [
        (p["name"], p["current"], p["target"], p["gap"], p["label"], p["coverage"])
        for p in c.perspectives
    ]
    rows.append(
        (
            "Overall",
            c.overall["current"],
            c.overall["target"],
            c.overall["gap"],
            c.overall["label"],
            "",
        )
    )
    return Table(
        ("Perspective", "Current", "Target", "Gap", "Level", "Scored"),
        tuple(rows),
        (4.2, 2, 2, 2, 3.4, 2.4),
        caption,
        numeric=(1, 2, 3),
        emphasis=(len(rows) - 1,),
    )


def _approach(c: Context) -> list[Block]:
    return [
        Heading("Scope and approach", 1),
        Para(
            f"This assessment examined how {c.organisation} runs {c.process}: the procedures, "
            "who does the work, the tools that support it, how it is organised and how it "
            "connects with the other service management processes. It follows the "
            f"{c.phase_count}-phase {c.method_name} approach; this report completes the first "
            "phase."
        ),
        phases_table(c, "Table 2: Phases of the approach"),
        Para(f"Every finding is scored across {c.perspective_count} perspectives:"),
        Table(
            ("Perspective", "What it covers"),
            tuple((p["name"], p["description"]) for p in c.perspective_info),
            (4, 12),
            f"Table 3: The {c.perspective_count} perspectives",
        ),
        Para(
            f"{sum(n for _, n in c.respondents_by_role)} people were interviewed. Findings are "
            "attributed by role, never by name."
        ),
        Table(
            ("Role", "Interviews"),
            tuple((role, str(n)) for role, n in c.respondents_by_role),
            (12, 4),
            "Table 4: Interviews by role",
            numeric=(1,),
        ),
    ]


def _current_state(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Current state", 1),
        Para(
            "For each perspective: its score, the practices with the widest gaps and what the "
            "interviewees said about them."
        ),
    ]
    by_id = {p["id"]: p for p in c.perspectives}
    for pid, perspective in by_id.items():
        blocks.append(Heading(perspective["name"], 2))
        blocks.append(
            Para(
                f"Current maturity {perspective['current']} ({perspective['label']}) "
                f"against a target of {perspective['target']}; "
                f"{perspective['coverage']} questions scored."
            )
        )
        widest = c.widest_gaps.get(pid, [])
        if widest:
            blocks.append(
                Bullets(
                    tuple(
                        f"{q['text']} Current {q['current']}, target {q['target']}." for q in widest
                    )
                )
            )
        for item in c.evidence.get(pid, []):
            blocks.append(Quote(item["note"], f"{item['role']}, on {item['question']}"))
    return blocks


def _desired_state(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Desired future state", 1),
        Para(
            f"{c.customer} set the following target maturity levels. A question's target comes "
            "from the most specific line that applies."
        ),
        Table(
            ("Applies to", "Target level"),
            tuple((t["scope"], t["target"]) for t in c.targets),
            (12, 4),
            "Table 5: Agreed targets",
            numeric=(1,),
        ),
    ]
    if c.ratings:
        blocks += [
            Para(
                "The consultant rated these questions after review; the rating "
                "replaces the interview mean and is marked (rated) in every table."
            ),
            Table(
                ("Question", "Rating", "Rationale"),
                tuple((r["question"], r["level"], r["rationale"]) for r in c.ratings),
                (3, 2, 11),
                "Table 6: Consultant ratings",
            ),
        ]
    return blocks


def _gaps(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Gap analysis", 1),
        _perspective_table(c, "Table 7: Gap by perspective"),
    ]
    if "radar" in c.charts:
        blocks.append(Figure(c.charts["radar"], "Figure 1: " + c.charts["radar"].caption, 12))
    if "heatmap" in c.charts:
        blocks.append(Figure(c.charts["heatmap"], "Figure 2: " + c.charts["heatmap"].caption, 16))
    return blocks


def _consensus(c: Context) -> list[Block]:
    if not c.consensus:
        return []
    rows = tuple(
        (
            item["question"],
            item["text"],
            item["spread"],
            "; ".join(f"{v['role']}: {v['said']}" for v in item["voices"])
            + (f". Settled: rated {item['current']}" if item["rated"] else ""),
        )
        for item in c.consensus
    )
    return [
        Heading("Consensus items", 1),
        Para(
            "Respondents placed these practices two levels or more apart. A consensus "
            "workshop should agree a rating for each before the plan is fixed."
        ),
        Table(
            ("Question", "Practice", "Spread", "What each role said"),
            rows,
            (2.2, 7.3, 1.5, 5),
            "Table 8: Consensus workshop agenda",
            numeric=(2,),
        ),
    ]


def _alternatives(c: Context) -> list[Block]:
    if not c.alternatives:
        return []
    names = [name for name, _ in c.alternatives[0]["reaches"]]
    rows = tuple(
        (a["name"], a["count"], a["days"], a["overall"], *(value for _, value in a["reaches"]))
        for a in c.alternatives
    )
    width = 8.2 / max(len(names), 1)
    return [
        Heading("Alternatives", 1),
        Para(
            f"{c.alternative_count.capitalize()} ways to reach the desired state, assuming each "
            "recommendation brings the "
            "practices it addresses to their target."
        ),
        Bullets(tuple(f"{a['name']}: {a['description']}" for a in c.alternatives)),
        Table(
            ("Path", "Recs", "Days", "Overall", *names),
            rows,
            (3, 1.4, 1.6, 1.8, *(width,) * len(names)),
            "Table 9: Alternatives compared",
            numeric=tuple(range(1, 4 + len(names))),
        ),
    ]


def _recommendations(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Recommendations", 1),
        Para(
            "Tactical and strategic recommendations in the customer's priority order, then by "
            "priority score (gap × weight × impact ÷ effort), never before one they depend on."
        ),
    ]
    rows = tuple(
        (
            r["rank"],
            r["title"],
            r["perspective"],
            r["horizon"],
            r["effort"],
            "yes" if r["quick_win"] else "",
        )
        for r in c.recommendations
    )
    blocks.append(
        Table(
            ("#", "Recommendation", "Perspective", "Horizon", "Effort", "Quick win"),
            rows,
            (1, 7.4, 2.6, 2, 1.5, 1.5),
            "Table 10: Recommendations",
            numeric=(0,),
        )
    )
    for r in c.recommendations:
        tags = [r["perspective"], r["horizon"], f"effort {r['effort']}", f"impact {r['impact']}"]
        tags += ["quick win"] * r["quick_win"] + ["customer priority"] * r["customer_priority"]
        blocks += [
            Heading(f"{r['rank']}. {r['title']}", 3),
            Para(" · ".join(tags), "note"),
            Para(r["rationale"]),
            Bullets(tuple(r["steps"]), numbered=True),
        ]
    return blocks


def _appendices(c: Context) -> list[Block]:
    return [
        Heading("Appendix A: Method", 1),
        Table(("Level", "Label"), tuple(c.levels), (3, 13), "Table 11: The maturity scale"),
        *(Para(text) for text in c.method),
        Heading("Appendix B: Question-level scores", 1),
        Table(
            ("Question", "Perspective", "Current", "Target", "Gap", "n", "Spread"),
            tuple(
                (
                    f"{q['id']} {q['text']}",
                    q["perspective"],
                    q["current"],
                    q["target"],
                    q["gap"],
                    q["responses"],
                    q["spread"],
                )
                for q in c.questions
            ),
            (7, 2.3, 1.7, 1.4, 1.2, 0.9, 1.5),
            "Table 12: Every scored question",
            numeric=(2, 3, 4, 5, 6),
        ),
    ]
