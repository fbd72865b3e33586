"""Page layout for Word deliverables: orientation sections, fitted pictures, kept blocks."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import Image


def lead(doc: DocxDocument, text: str, style: str | None = None) -> Paragraph:
    """A paragraph that introduces what follows (a table, a list): kept on its page."""
    paragraph = doc.add_paragraph(text, style=style)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def labelled(doc: DocxDocument, label: str, text: str) -> None:
    """A bold label followed by its text in one paragraph ('Mission: ...')."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def picture(doc: DocxDocument, png: bytes, width_cm: float, max_height_cm: float) -> None:
    """A PNG scaled to the text width, or smaller if it would be taller than `max_height_cm`."""
    with Image.open(io.BytesIO(png)) as image:
        ratio = image.height / image.width
    width = min(width_cm, max_height_cm / ratio)
    doc.add_picture(io.BytesIO(png), width=Cm(width))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def orientation_section(doc: DocxDocument, landscape: bool, margin_cm: float | None = None) -> None:
    """Start a new page section in landscape or portrait, swapping the page size if needed."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if (width > height) != landscape:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if margin_cm is not None:
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(margin_cm))


def keep_rows_whole(result: Table) -> None:
    """Never split a table row across pages (a row moves whole to the next page)."""
    for row in result.rows:
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            element = OxmlElement("w:cantSplit")
            element.set(qn("w:val"), "true")
            properties.append(element)
