"""Write the analysis report (Word): current state, desired state, gaps, recommendations, method."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_BREAK

from assessment.render import docx_blocks as blocks
from assessment.render.context import Context
from assessment.render.files import replacing

FILE_NAME = "analysis-report.docx"


def render(context: Context, out: Path) -> list[Path]:
    title = f"{context.process} Maturity Assessment"
    doc = blocks.new_document(title, f"Analysis report for {context.customer}", context.generated)
    blocks.running_header_footer(doc, f"{context.customer} · {title} · Analysis report")

    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(f"Analysis report for {context.customer}", style="Subtitle")
    doc.add_paragraph(f"{context.date:%d %B %Y} · {context.pack_name} pack {context.pack_version}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    blocks.table_of_contents(doc)

    doc.add_heading("Executive summary", level=1)
    doc.add_paragraph(context.overall_sentence)
    _perspective_table(doc, context)
    top = context.recommendations[:5]
    if top:
        doc.add_paragraph("The five recommendations with the highest priority are:")
        blocks.bullets(doc, [r["title"] for r in top], style="List Number")

    doc.add_heading("Scope and approach", level=1)
    doc.add_paragraph(
        f"Staff of {context.organisation} were interviewed about the {context.process} process "
        f"across five perspectives. Respondents by role:"
    )
    blocks.table(
        doc,
        ["Role", "Interviews"],
        [(role, str(n)) for role, n in context.respondents_by_role],
        [10, 3],
    )

    doc.add_heading("Gap analysis", level=1)
    doc.add_paragraph("Current and target maturity for every scored question.")
    blocks.table(
        doc,
        ["Question", "Perspective", "Current", "Target", "Gap", "Responses", "Spread"],
        [
            (
                f"{q['id']} {q['text']}",
                q["perspective"],
                q["current"],
                q["target"],
                q["gap"],
                q["responses"],
                q["spread"],
            )
            for q in context.questions
        ],
        [7.2, 2.4, 1.6, 1.4, 1.2, 1.6, 1.4],
    )
    blocks.caption(doc, "Table 2: Question-level maturity, target and gap")

    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("In the customer's priority order, then by priority score.")
    for rec in context.recommendations:
        doc.add_heading(f"{rec['rank']}. {rec['title']}", level=2)
        tags = [
            rec["perspective"],
            rec["horizon"],
            f"effort {rec['effort']}",
            f"impact {rec['impact']}",
        ]
        if rec["quick_win"]:
            tags.append("quick win")
        if rec["customer_priority"]:
            tags.append("customer priority")
        doc.add_paragraph(" · ".join(tags), style="Caption")
        doc.add_paragraph(rec["rationale"])
        blocks.bullets(doc, rec["steps"])

    doc.add_heading("Appendix: method", level=1)
    blocks.table(doc, ["Level", "Label"], context.levels, [2, 6])
    for paragraph in context.method:
        doc.add_paragraph(paragraph)

    target = out / FILE_NAME
    with replacing(target) as temp:
        doc.save(str(temp))
    return [target]


def _perspective_table(doc, context: Context) -> None:  # type: ignore[no-untyped-def]
    blocks.table(
        doc,
        ["Perspective", "Current", "Target", "Gap", "Level", "Scored"],
        [
            (p["name"], p["current"], p["target"], p["gap"], p["label"], p["coverage"])
            for p in context.perspectives
        ]
        + [
            (
                "Overall",
                context.overall["current"],
                context.overall["target"],
                context.overall["gap"],
                context.overall["label"],
                "",
            )
        ],
        [4, 2, 2, 2, 3, 2],
        emphasis=[False] * len(context.perspectives) + [True],
    )
    blocks.caption(doc, "Table 1: Maturity by perspective")
