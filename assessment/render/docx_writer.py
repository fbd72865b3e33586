"""Place an outline into a Word document built on the reference styles."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm

from assessment.files import replacing
from assessment.render import docx_blocks as parts
from assessment.render.blocks import (
    Bullets,
    Cover,
    Figure,
    Heading,
    Outline,
    PageBreak,
    Para,
    Quote,
    Table,
    Toc,
)


def write_docx(outline: Outline, generated: dt.datetime, target: Path) -> Path:
    """Write `outline` to `target` (whole or not at all)."""
    doc = parts.new_document(outline.title, outline.subject, generated)
    parts.running_header_footer(doc, outline.header)
    for block, following in zip(outline.blocks, (*outline.blocks[1:], None), strict=True):
        _place(doc, block, following)
    parts.finish(doc)
    with replacing(target) as temp:
        doc.save(str(temp))
    return target


def _place(doc, block, following) -> None:  # type: ignore[no-untyped-def]
    if isinstance(block, Cover):
        for _ in range(6):
            doc.add_paragraph()
        doc.add_paragraph(block.title, style="Title")
        doc.add_paragraph(block.subtitle, style="Subtitle")
        for line in block.lines:
            doc.add_paragraph(line)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, Toc):
        parts.table_of_contents(doc, block.title)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, Heading):
        doc.add_heading(block.text, level=block.level)
    elif isinstance(block, Para):
        paragraph = doc.add_paragraph(block.text)
        if block.style == "lead":
            for run in paragraph.runs:
                run.bold = True
        elif block.style == "note":
            paragraph.style = "Caption"
        # A paragraph that introduces a list, table or figure stays on its page.
        if block.style != "body" or isinstance(following, Bullets | Table | Figure | Quote):
            paragraph.paragraph_format.keep_with_next = True
    elif isinstance(block, Bullets):
        if block.numbered:
            parts.numbered(doc, block.items)
        else:
            parts.bullets(doc, block.items)
    elif isinstance(block, Quote):
        quoted = doc.add_paragraph(f"“{block.text}”", style="Quote")
        quoted.paragraph_format.keep_with_next = True  # never part from its attribution
        doc.add_paragraph(f"— {block.attribution}", style="Caption")
    elif isinstance(block, Table):
        parts.table(
            doc,
            block.header,
            block.rows,
            block.widths,
            emphasis=[i in block.emphasis for i in range(len(block.rows))],
            numeric=block.numeric,
        )
        if block.caption:
            parts.caption(doc, block.caption)
    elif isinstance(block, Figure):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(block.chart.png), width=Cm(block.width_cm))
        parts.caption(doc, block.caption)
    elif isinstance(block, PageBreak):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
