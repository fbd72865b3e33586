"""Place an outline into a Word document built on the reference styles."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm

from assessment.files.atomic import replacing
from assessment.render import docx_blocks as parts
from assessment.render import docx_pages as pages
from assessment.render import outline as o


def write_docx(outline: o.Outline, generated: dt.datetime, target: Path) -> Path:
    """Write `outline` to `target` (whole or not at all)."""
    doc = parts.new_document(outline.title, outline.subject, generated)
    parts.running_header_footer(doc, outline.header)
    for block, following in zip(outline.blocks, (*outline.blocks[1:], None), strict=True):
        _place(doc, block, following)
    for table in doc.tables:
        pages.keep_rows_whole(table)
    parts.finish(doc)
    with replacing(target) as temp:
        doc.save(str(temp))
    return target


def _page_break(doc, following: o.Block | None) -> None:  # type: ignore[no-untyped-def]
    """End the page, unless what follows starts a page itself (no blank page between)."""
    if isinstance(following, o.Orientation) or (
        isinstance(following, o.Heading) and following.new_page
    ):
        return
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _place(doc, block: o.Block, following: o.Block | None) -> None:  # type: ignore[no-untyped-def]
    if isinstance(block, o.Cover):
        for _ in range(6):
            doc.add_paragraph()
        doc.add_paragraph(block.title, style="Title")
        doc.add_paragraph(block.subtitle, style="Subtitle")
        for line in block.lines:
            doc.add_paragraph(line)
        _page_break(doc, following)
    elif isinstance(block, o.Toc):
        parts.table_of_contents(doc, block.title)
        _page_break(doc, following)
    elif isinstance(block, o.Heading):
        heading = doc.add_heading(block.text, level=block.level)
        heading.paragraph_format.keep_with_next = True
        if block.new_page:
            heading.paragraph_format.page_break_before = True
    elif isinstance(block, o.Para):
        _paragraph(doc, block, following)
    elif isinstance(block, o.Bullets):
        if block.numbered:
            parts.numbered(doc, block.items)
        else:
            parts.bullets(doc, block.items)
    elif isinstance(block, o.Quote):
        quoted = doc.add_paragraph(f"“{block.text}”", style="Quote")
        quoted.paragraph_format.keep_with_next = True  # never part from its attribution
        doc.add_paragraph(f"— {block.attribution}", style="Caption")
    elif isinstance(block, o.Table):
        _table(doc, block)
    elif isinstance(block, o.Figure):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        picture = io.BytesIO(block.chart.png)
        paragraph.add_run().add_picture(picture, width=Cm(block.fitted_width_cm()))
        parts.caption(doc, block.caption)
    elif isinstance(block, o.PageBreak):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, o.Orientation):
        pages.orientation_section(doc, block.landscape, block.margin_cm)


def _paragraph(doc, block: o.Para, following: o.Block | None) -> None:  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph()
    if block.label:
        paragraph.add_run(f"{block.label}: ").bold = True
    run = paragraph.add_run(block.text)
    if block.style in ("lead", "strong"):
        run.bold = True
    elif block.style == "note":
        paragraph.style = "Caption"
    # A paragraph that introduces a list, table or figure stays on its page.
    if block.style != "body" or isinstance(following, o.Bullets | o.Table | o.Figure | o.Quote):
        paragraph.paragraph_format.keep_with_next = True


def _table(doc, block: o.Table) -> None:  # type: ignore[no-untyped-def]
    result = parts.table(
        doc,
        block.header,
        block.rows,
        block.widths,
        emphasis=[i in block.emphasis for i in range(len(block.rows))],
        numeric=block.numeric,
    )
    if block.row_height_cm:
        for row in result.rows[1:]:
            row.height = Cm(block.row_height_cm)
    if block.caption:
        parts.caption(doc, block.caption)
