"""Building blocks for Word deliverables: a document from the reference styles, tables, fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from docx.table import Table

from assessment.resources import TEMPLATES

REFERENCE_DOCX = TEMPLATES / "reference.docx"
HEADER_FILL = "1F3A5F"


def new_document(title: str, subject: str, generated: dt.datetime) -> DocxDocument:
    """An empty document carrying the reference styles, with reproducible core properties."""
    doc = Document(str(REFERENCE_DOCX))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = doc.core_properties
    # Office core properties hold at most 255 characters (python-docx raises beyond that).
    props.title, props.subject = title[:255], subject[:255]
    props.author = "ITSM assessment toolkit"
    props.created = props.modified = generated.replace(tzinfo=None)
    props.last_modified_by, props.revision = "", 1
    _update_fields_on_open(doc)
    _cache_style_ids(doc)
    return doc


def _cache_style_ids(doc: DocxDocument) -> None:
    """Resolve each style name once per document.

    python-docx re-scans every style to find the default on each `style=` assignment; with a
    thousand table cells that was 80% of a report's render time. Styles never change while
    we write, so the answer for a name can be kept.
    """
    part = doc.part
    lookup = part.get_style_id
    cache: dict[tuple[str, object], str | None] = {}

    def get_style_id(style_or_name: object, style_type: object) -> str | None:
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)  # type: ignore[arg-type]
        key = (style_or_name, style_type)
        if key not in cache:
            cache[key] = lookup(style_or_name, style_type)  # type: ignore[arg-type]
        return cache[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]


def _update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to compute the table of contents and page fields when the file is opened."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields")
        element.set(qn("w:val"), "true")
        settings.append(element)


def field(paragraph, instruction: str, placeholder: str = "") -> None:  # type: ignore[no-untyped-def]
    """Insert a Word field (PAGE, NUMPAGES, TOC ...) into a paragraph."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, placeholder),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text or ""
        run._r.append(element)


def table_of_contents(doc: DocxDocument, title: str = "Contents") -> None:
    doc.add_paragraph(title, style="TOC Heading")
    field(
        doc.add_paragraph(),
        r'TOC \o "1-2" \h \z \u',
        "Right-click and choose Update Field to refresh the table of contents.",
    )


def running_header_footer(doc: DocxDocument, header: str) -> None:
    """Running header with the document name; footer 'Page X of Y'."""
    for section in doc.sections:
        section.header.paragraphs[0].text = header
        footer = section.footer.paragraphs[0]
        footer.text = ""
        footer.add_run("Page ")
        field(footer, "PAGE", "1")
        footer.add_run(" of ")
        field(footer, "NUMPAGES", "1")


def bullets(doc: DocxDocument, items: Iterable[str], style: str = "List Bullet") -> None:
    for item in items:
        doc.add_paragraph(item, style=style)


def caption(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph(text, style="Caption")


def table(
    doc: DocxDocument,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths_cm: Sequence[float],
    emphasis: Iterable[bool] | None = None,
    numeric: Sequence[int] = (),
) -> Table:
    """A table filled row by row (python-docx's cell() is quadratic), header repeated per page."""
    result = doc.add_table(rows=1, cols=len(header))
    result.style = doc.styles["Table Grid"]
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fill_row(result.rows[0].cells, header, header=True)
    _repeat_header(result.rows[0])
    flags = list(emphasis) if emphasis is not None else []
    widths = [Cm(w) for w in widths_cm]
    for column, width in zip(result.columns, widths, strict=False):
        column.width = width
    _set_widths(result.rows[0].cells, widths)
    for index, values in enumerate(rows):
        cells = result.add_row().cells
        _fill_row(cells, values, header=False, bold=index < len(flags) and flags[index])
        _set_widths(cells, widths)
        for column in numeric:
            cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return result


def _set_widths(cells, widths) -> None:  # type: ignore[no-untyped-def]
    """Cell widths too: Word reads the cells, LibreOffice the columns."""
    for cell, width in zip(cells, widths, strict=False):
        cell.width = width


def _fill_row(cells, values: Sequence[str], header: bool, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    for cell, value in zip(cells, values, strict=False):
        paragraph = cell.paragraphs[0]
        paragraph.style = "Table Text"
        run = paragraph.add_run(str(value))
        run.bold = header or bold
        if header:
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            _shade(cell, HEADER_FILL)


def _shade(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)
