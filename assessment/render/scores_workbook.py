"""scores.xlsx: every score table of the assessment, for the consultant's own analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessment.files.atomic import replacing
from assessment.pack.questions import LEVEL_LABELS
from assessment.render.xlsx_blocks import content_widths, table_sheet
from assessment.report.context import Context

NAME = "scores.xlsx"


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
                _level(p["level"]),
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
                _level(doc["overall"]["level"]),
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
            "Text",
            "Perspective",
            "Current",
            "Level",
            "Target",
            "Gap",
            "Type",
            "Weight",
            "Responses",
            "NA",
            "Unknown",
            "Spread",
            "Rated",
            "Consensus",
        ),
        [
            (
                q["id"],
                text,
                q["perspective"],
                q["current"],
                _labelled(q["current"]),
                q["target"],
                q["gap"],
                q["type"],
                q["weight"],
                q["responses"],
                q["na"],
                q["unknown"],
                q["spread"],
                "yes" if q["rated"] else "",
                "yes" if q["consensus"] else "",
            )
            for q, text in zip(doc["questions"], _question_texts(context), strict=True)
        ],
    )
    roles = doc["by_role"]
    perspective_ids = [p["id"] for p in doc["perspectives"]]
    windows = {w["id"]: w["name"] for w in doc["plan"]["windows"]}
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
        ("Rank", "Id", "Phase", "Window", "Horizon", "Effort", "Days", "Depends on", "Marks"),
        [
            (
                r["rank"],
                r["id"],
                r["phase"],
                windows[r["window"]],
                r["horizon"],
                r["effort"],
                r["days"],
                ", ".join(r["depends_on"]),
                ", ".join(
                    mark
                    for mark, on in (
                        ("quick win", r["quick_win"]),
                        ("initial win", r["initial_win"]),
                        ("prerequisite", r["prerequisite"]),
                    )
                    if on
                ),
            )
            for r in doc["plan"]["items"]
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
            for a in doc["plan"]["alternatives"]
        ],
    )
    _sheet(
        book,
        "Unaddressed gaps",
        ("Question", "Perspective", "Current", "Target", "Plan reaches", "What to do"),
        [
            (u["question"], u["perspective"], u["current"], u["target"], u["reaches"], u["action"])
            for u in doc["plan"]["unaddressed"]
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


def _labelled(current: float | None) -> str:
    """The name of the level a score reaches, printed next to it: 2.40 | Repeatable."""
    if current is None:
        return ""
    return LEVEL_LABELS[min(int(current), max(LEVEL_LABELS))]


def _level(level: int | None) -> str:
    """A level with its name: "2 Repeatable"."""
    return "" if level is None else f"{level} {LEVEL_LABELS[level]}"


def _sheet(
    book: Any, name: str, header: tuple[str, ...], rows: list[tuple[Any, ...]], title: str = ""
) -> None:
    table_sheet(book, name, header, rows, content_widths(header, rows), title)
