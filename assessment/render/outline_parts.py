"""Outline pieces the Word/PDF deliverables share: the cover and document control page, numbered
sections with their overview, named items and tables of text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from assessment.render.outline import Block, Bullets, Cover, Heading, Outline, Para, Table, Toc
from assessment.report.context import Context
from assessment.report.guide import NamedText


def document(
    c: Context,
    kind: str,
    title: str,
    sections: Sequence[Callable[[Context], list[Block]]],
    header_note: str = "",
) -> Outline:
    """A deliverable: its front matter, then each section, with the header every page shows."""
    blocks = front_matter(c, kind, title)
    for section in sections:
        blocks += section(c)
    header = " · ".join(part for part in (c.customer, title, header_note) if part)
    return Outline(
        title=title, subject=f"{kind} for {c.customer}", header=header, blocks=tuple(blocks)
    )


def chapter(title: str, introduction: str, style: str = "body") -> list[Block]:
    """A chapter's heading and its opening paragraph."""
    return [Heading(title, 1), Para(introduction, style)]


def front_matter(c: Context, document: str, title: str) -> list[Block]:
    """Cover, document control (what, for whom, when, version) and the table of contents."""
    return [
        Cover(
            title,
            f"{document} for {c.customer}",
            (
                c.organisation,
                f"{c.date:%d %B %Y}",
                f"Assessment pack: {c.pack_name}, version {c.pack_version}",
            ),
        ),
        Heading("Document control", 1),
        Table(
            ("Item", "Detail"),
            (
                ("Document", document),
                ("Customer", c.customer),
                ("Organisation assessed", c.organisation),
                ("Process", c.process),
                ("Assessment date", f"{c.date:%d %B %Y}"),
                ("Prepared by", c.consultant or "To be completed"),
                ("Generated", f"{c.generated:%d %B %Y %H:%M} UTC"),
                ("Status", "Draft for review with the customer"),
            ),
            (5, 11),
        ),
        Table(
            ("Version", "Date", "Change"),
            (("0.1", f"{c.date:%d %B %Y}", "First draft from the assessment"),),
            (2.5, 4, 9.5),
        ),
        Toc(),
    ]


def phases_table(c: Context, caption: str) -> Table:
    """The delivery method's phases and what each is for."""
    return Table(
        ("Phase", "Purpose"),
        tuple((p.name, p.description) for p in c.phases),
        (4, 12),
        caption,
    )


def section(title: str, introduction: str, body: list[Block], more: str = "") -> list[Block]:
    """A numbered section; its overview lists the topics (the level-2 headings) that follow."""
    topics = tuple(b.text for b in body if isinstance(b, Heading) and b.level == 2)
    return [
        Heading(title, 1),
        Heading("Overview", 2),
        Para(introduction),
        *([Para(more)] if more else []),
        Para("This section contains the following topics:"),
        Bullets(topics),
        *body,
    ]


def named_item(item: NamedText, level: int = 3) -> list[Block]:
    """A named item: heading, paragraph, bullets."""
    return [
        Heading(item.name, level),
        *([Para(item.text)] if item.text else []),
        *([Bullets(tuple(item.lines))] if item.lines else []),
    ]


def text_table(header: Any, rows: Any, widths: Any, **options: Any) -> Table:
    return Table(
        tuple(header), tuple(tuple(str(v) for v in row) for row in rows), tuple(widths), **options
    )


R = TypeVar("R")
Column = tuple[str, float, Callable[[R], str]]  # header, width in cm, the cell of a record


def records_table(
    columns: Sequence[Column[R]], records: Iterable[R], caption: str = "", **options: Any
) -> Table:
    """A table with one row a record: each column's header, width and how to get its cell."""
    return Table(
        tuple(header for header, _, _ in columns),
        tuple(tuple(cell(record) for _, _, cell in columns) for record in records),
        tuple(width for _, width, _ in columns),
        caption,
        **options,
    )


def yes(flag: bool) -> str:
    """A flag column's cell: `yes`, or empty."""
    return "yes" if flag else ""


def blank_table(header: Any, widths: Any, rows: int) -> Table:
    """A table to fill in by hand: empty rows tall enough to write or sign in."""
    return text_table(header, [[""] * len(header)] * rows, widths, row_height_cm=0.9)


def bold_list(label: str, lines: Any) -> list[Block]:
    return [Para(label, "strong"), Bullets(tuple(lines))] if lines else []
