"""Write the SIPOC table as a landscape Word document and as a styled Excel sheet."""

from __future__ import annotations

from pathlib import Path

from assessment.files.atomic import replacing
from assessment.files.sheets import fit_to_page_width, put
from assessment.render import docx_blocks
from assessment.render import docx_pages as pages
from assessment.render.xlsx_blocks import fit_row_heights
from assessment.report.context import Context
from assessment.report.sipoc_view import Sipoc, build_sipoc

DOCX_NAME = "sipoc.docx"
XLSX_NAME = "sipoc.xlsx"
A4 = (29.7, 21.0)  # landscape width, height in cm
WIDTHS_CM = (6.6, 5.6, 4.2, 5.6, 4.7)
XLSX_WIDTHS = (40, 44, 30, 44, 34)  # characters
HEADER_FILL = "1F3A5F"


def render(context: Context, out: Path) -> list[Path]:
    sipoc = build_sipoc(context)
    return [_docx(sipoc, context, out / DOCX_NAME), _xlsx(sipoc, out / XLSX_NAME)]


def _docx(sipoc: Sipoc, context: Context, target: Path) -> Path:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    doc = docx_blocks.new_document(sipoc.title, f"SIPOC for {sipoc.customer}", context.generated)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(A4[0]), Cm(A4[1])
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2.2)  # room for the running header/footer
    docx_blocks.running_header_footer(doc, f"{sipoc.customer} · {sipoc.title}")
    doc.add_heading(sipoc.title, level=1)
    doc.add_paragraph(
        f"Suppliers, inputs, key activities, outputs and customers of the {sipoc.process} "
        f"process at {sipoc.customer}. Prepared {context.date:%d %B %Y}."
    )
    table = docx_blocks.table(doc, sipoc.header, sipoc.rows, WIDTHS_CM)
    pages.keep_rows_whole(table)
    with replacing(target) as temp:
        doc.save(str(temp))
    return target


def _xlsx(sipoc: Sipoc, target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "SIPOC"
    title = Font(bold=True, size=14)
    put(sheet, 1, 1, sipoc.title).font = title
    put(sheet, 1, 3, sipoc.customer).font = title  # its own cell: the customer's text, verbatim
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    sheet.merge_cells(start_row=1, start_column=3, end_row=1, end_column=len(sipoc.header))
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, name in enumerate(sipoc.header, start=1):
        cell = put(sheet, 2, column, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = wrap
    ruled = Border(bottom=Side(style="thin", color="C9CFD6"))
    for row_index, row in enumerate(sipoc.rows, start=3):
        for column, value in enumerate(row, start=1):
            cell = put(sheet, row_index, column, value)
            cell.alignment, cell.border = wrap, ruled
    for column, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(sipoc.header))}{len(sipoc.rows) + 2}"
    sheet.print_title_rows = "2:2"
    fit_row_heights(sheet, 2)  # LibreOffice prints wrapped rows over each other otherwise
    fit_to_page_width(sheet)
    with replacing(target) as temp:
        book.save(str(temp))
    return target
