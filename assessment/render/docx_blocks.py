"""Building blocks for Word deliverables: a document from the reference styles, tables, fields."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from docx.table import Table

from assessment.render import measure
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
    """A TOC field; `finish` fills its result with the headings, so it reads without updating."""
    doc.add_paragraph(title, style="TOC Heading")
    field(doc.add_paragraph(), TOC_FIELD, "")


TOC_FIELD = r'TOC \o "1-2" \h \z \u'
TOC_STYLES = {"Heading 1": "toc 1", "Heading 2": "toc 2"}


def finish(doc: DocxDocument) -> None:
    """Complete a document before saving: the table of contents lists its headings."""
    instructions = [i for i in doc.element.body.iter(qn("w:instrText")) if "TOC" in (i.text or "")]
    if instructions:
        _fill_toc(doc, instructions[0].getparent().getparent())


def _fill_toc(doc: DocxDocument, marker) -> None:  # type: ignore[no-untyped-def]
    """Replace the TOC field's paragraph by one hyperlinked entry per level-1/2 heading.

    Word and LibreOffice show a field's cached result as it is, so the contents read right on
    opening; updating the field in Word adds page numbers and keeps the same entries.
    """
    styles = {doc.styles[h].style_id: doc.styles[t].style_id for h, t in TOC_STYLES.items()}
    entries = []
    for index, paragraph in enumerate(doc.paragraphs):
        toc_style = styles.get(paragraph._p.style or "")
        if toc_style and paragraph.text.strip():
            entries.append((toc_style, paragraph.text, _bookmark(paragraph, index)))
    if not entries:
        return
    for number, (style, text, anchor) in enumerate(entries):
        paragraph = OxmlElement("w:p")
        paragraph.get_or_add_pPr().style = style
        if number == 0:
            paragraph.extend(
                [_field_char("begin"), _field_code(TOC_FIELD), _field_char("separate")]
            )
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        run.append(_text(text))
        link.append(run)
        paragraph.append(link)
        if number == len(entries) - 1:
            paragraph.append(_field_char("end"))
        marker.addprevious(paragraph)
    marker.getparent().remove(marker)


def _field_char(kind: str):  # type: ignore[no-untyped-def]
    run, char = OxmlElement("w:r"), OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _field_code(instruction: str):  # type: ignore[no-untyped-def]
    run, code = OxmlElement("w:r"), OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run.append(code)
    return run


def _text(value: str):  # type: ignore[no-untyped-def]
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = value
    return element


def _bookmark(paragraph, index: int) -> str:  # type: ignore[no-untyped-def]
    """Mark a heading as a link target (Word's hidden _Toc bookmarks) and return its name."""
    name = f"_Toc{index:06d}"
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(index))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(index))
    properties = paragraph._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)
    return name


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


def numbered(doc: DocxDocument, items: Iterable[str], style: str = "List Number") -> None:
    """A numbered list that starts at 1: its own numbering instance of the style's list."""
    numbering = doc.part.numbering_part.element
    style_numbering = doc.styles[style].element.pPr.numPr
    abstract = numbering.num_having_numId(style_numbering.numId.val).abstractNumId.val
    instance = numbering.add_num(abstract)
    instance.add_lvlOverride(ilvl=0).add_startOverride(1)
    for item in items:
        paragraph = doc.add_paragraph(item, style=style)
        numbers = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbers.get_or_add_ilvl().val = 0
        numbers.get_or_add_numId().val = instance.numId


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
    """A table filled row by row (python-docx's cell() is quadratic), header repeated per page.

    Columns are at least as wide as their longest word, so no word is ever broken.
    """
    rows = [[str(value) for value in values] for values in rows]
    result = doc.add_table(rows=1, cols=len(header))
    result.style = doc.styles["Table Grid"]
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    result.autofit = False  # the widths below are the layout, in Word and LibreOffice alike
    _fill_row(result.rows[0].cells, header, header=True)
    _repeat_header(result.rows[0])
    flags = list(emphasis) if emphasis is not None else []
    widths = [Cm(w) for w in column_widths(header, rows, widths_cm)]
    for column, width in zip(result.columns, widths, strict=False):
        column.width = width
    _set_widths(result.rows[0].cells, widths)
    plain: Any = None  # a finished row of plain cells: the later full rows are copies of it
    for index, values in enumerate(rows):
        bold = index < len(flags) and flags[index]
        if plain is not None and len(values) == len(header):
            _copy_row(result, plain, values, bold)
            continue
        cells = result.add_row().cells
        _fill_row(cells, values, header=False, bold=bold)
        _set_widths(cells, widths)
        for column in numeric:
            cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if len(values) == len(header):
            plain = copy.deepcopy(result.rows[-1]._tr)
    return result


def _copy_row(result: Table, plain: Any, values: Sequence[str], bold: bool) -> None:
    """A row as a copy of `plain` with its own texts: the same XML python-docx writes cell by
    cell, built in a fraction of the time (setting styles and widths per cell is most of a
    long table's cost)."""
    row = copy.deepcopy(plain)
    for cell, value in zip(row.tc_lst, values, strict=True):
        run = cell.p_lst[0].r_lst[0]
        run.text = value
        mark = run.rPr.find(qn("w:b"))  # as python-docx writes it: <w:b/> or <w:b w:val="0"/>
        if bold:
            mark.attrib.pop(qn("w:val"), None)
        else:
            mark.set(qn("w:val"), "0")
    result._tbl.append(row)


TABLE_TEXT_PT = 9  # the reference's Table Text size
CELL_PADDING_CM = 0.38 + 0.12  # Table Grid's left and right cell margins, and a little air


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths_cm: Sequence[float]
) -> list[float]:
    """`widths_cm` adjusted so each column holds its longest word (header words in bold)."""
    if len(widths_cm) != len(header):
        return list(widths_cm)
    minimums = [
        max(
            measure.longest_word_cm([name], TABLE_TEXT_PT, bold=True),
            measure.longest_word_cm(
                [row[index] for row in rows if index < len(row)], TABLE_TEXT_PT
            ),
        )
        + CELL_PADDING_CM
        for index, name in enumerate(header)
    ]
    return measure.fit_columns(list(widths_cm), minimums)


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
