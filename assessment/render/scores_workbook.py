"""scores.xlsx: every score table of the assessment, for the consultant's own analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessment.files.atomic import replacing
from assessment.files.sheets import fit_to_page_width, put
from assessment.report.context import Context

NAME = "scores.xlsx"
HEADER_FILL = "1F3A5F"


def render(context: Context, out: Path) -> list[Path]:
    from openpyxl import Workbook

    doc = context.scores
    book = Workbook()
    book.remove(book.active)
    _sheet(
        book,
        "Summary",
        ("Perspective", "Current", "Target", "Gap", "Level", "Scored", "Questions"),
        [
            (
                p["name"],
                p["current"],
                p["target"],
                p["gap"],
                p["level"],
                p["scored"],
                p["questions"],
            )
            for p in doc["perspectives"]
        ]
        + [
            (
                "Overall",
                doc["overall"]["current"],
                doc["overall"]["target"],
                doc["overall"]["gap"],
                doc["overall"]["level"],
                None,
                None,
            )
        ],
        title=f"{context.customer} · {context.process} · maturity by perspective",
    )
    _sheet(
        book,
        "Questions",
        (
            "Question",
            "Perspective",
            "Type",
            "Weight",
            "Current",
            "Target",
            "Gap",
            "Responses",
            "NA",
            "Unknown",
            "Spread",
            "Rated",
            "Consensus",
            "Text",
        ),
        [
            (
                q["id"],
                q["perspective"],
                q["type"],
                q["weight"],
                q["current"],
                q["target"],
                q["gap"],
                q["responses"],
                q["na"],
                q["unknown"],
                q["spread"],
                "yes" if q["rated"] else "",
                "yes" if q["consensus"] else "",
                text,
            )
            for q, text in zip(doc["questions"], _question_texts(context), strict=True)
        ],
    )
    roles = doc["by_role"]
    perspective_ids = [p["id"] for p in doc["perspectives"]]
    _sheet(
        book,
        "By role",
        ("Role", *(p["name"] for p in doc["perspectives"])),
        [(role, *(values.get(pid) for pid in perspective_ids)) for role, values in roles.items()],
    )
    _sheet(
        book,
        "Consensus",
        ("Question", "Spread", "Current", "Role", "Said"),
        [
            (
                c["question"],
                c["spread"],
                c["current"],
                v["role"],
                v["value"] if v["value"] is not None else v["status"],
            )
            for c in doc["consensus"]
            for v in c["voices"]
        ],
    )
    _sheet(
        book,
        "Recommendations",
        (
            "Rank",
            "Id",
            "Title",
            "Perspective",
            "Horizon",
            "Phase",
            "Effort",
            "Impact",
            "Priority",
            "Quick win",
            "Customer priority",
            "Questions",
        ),
        [
            (
                r["rank"],
                r["id"],
                r["title"],
                r["perspective"],
                r["horizon"],
                r["phase"],
                r["effort"],
                r["impact"],
                r["priority"],
                "yes" if r["quick_win"] else "",
                "yes" if r["customer_priority"] else "",
                ", ".join(r["questions"]),
            )
            for r in doc["recommendations"]
        ],
    )
    _sheet(
        book,
        "Roadmap",
        ("Rank", "Id", "Phase", "Horizon", "Effort", "Days", "Depends on"),
        [
            (
                r["rank"],
                r["id"],
                r["phase"],
                r["horizon"],
                r["effort"],
                r["days"],
                ", ".join(r["depends_on"]),
            )
            for r in doc["roadmap"]
        ],
    )
    _sheet(
        book,
        "Alternatives",
        ("Path", "Recommendations", "Days", "Overall", *perspective_ids, "Open gaps"),
        [
            (
                a["name"],
                len(a["recommendations"]),
                a["days"],
                a["overall"],
                *(a["reaches"][pid] for pid in perspective_ids),
                len(a["open_gaps"]),
            )
            for a in doc["alternatives"]
        ],
    )
    _sheet(
        book,
        "Training",
        ("Role", "Skill", "Required", "Current", "Gap"),
        [(t["role"], t["skill"], t["required"], t["current"], t["gap"]) for t in doc["training"]],
    )
    target = out / NAME
    with replacing(target) as temp:
        book.save(temp)
    return [target]


def _question_texts(context: Context) -> list[str]:
    texts = {q["id"]: q["text"] for q in context.questions}
    return [texts.get(q["id"], "") for q in context.scores["questions"]]


def _sheet(
    book: Any, name: str, header: tuple[str, ...], rows: list[tuple[Any, ...]], title: str = ""
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    top = 1
    if title:
        put(sheet, 1, 1, title).font = Font(bold=True, size=12, color=HEADER_FILL)
        top = 3
    for column, text in enumerate(header, start=1):
        cell = put(sheet, top, column, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            put(sheet, top + offset, column, value)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=2)
    fit_to_page_width(sheet)
    for column, text in enumerate(header, start=1):
        longest = max([len(str(text))] + [len(str(r[column - 1] or "")) for r in rows[:200]])
        sheet.column_dimensions[get_column_letter(column)].width = min(max(10, longest + 2), 60)
    if rows:
        sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(header))}{top + len(rows)}"
