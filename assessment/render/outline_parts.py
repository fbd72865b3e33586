"""Outline pieces every Word/PDF deliverable shares: the cover and the document control page."""

from __future__ import annotations

from assessment.render.outline import Block, Cover, Heading, Table, Toc
from assessment.report.context import Context


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
        tuple((p["name"], p["description"]) for p in c.phases),
        (4, 12),
        caption,
    )
