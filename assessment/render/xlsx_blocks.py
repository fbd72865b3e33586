"""Building blocks for Excel deliverables: table sheets that print readably.

LibreOffice does not grow a row to fit wrapped text that openpyxl wrote, so wrapped rows
printed over one another. Every row height here is set from the text, wrapped word by word
at the column's width, measured with a real font.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Any

from assessment.files.sheets import fit_to_page_width, put
from assessment.render import measure

HEADER_FILL = "1F3A5F"
FONT_PT = 11  # the workbook's default font size
LINE_PT = 14.5  # the height of one line of 11 pt text
CELL_PADDING_CM = 0.25 + 0.35  # the cell's margins and the one-step indent of text cells


def _unit_cm() -> float:
    """One unit of column width: the width of "0" in the default font (the spreadsheet rule),
    measured in the same font as the text, so the ratio holds whichever font prints it."""
    return measure.text_width_cm("0", FONT_PT)


def wrapped_lines(text: str, width_chars: float, size_pt: float = FONT_PT) -> int:
    """How many lines `text` takes in a wrapped cell `width_chars` wide."""
    room = max(0.95 * width_chars * _unit_cm() - CELL_PADDING_CM, 0.5)  # 5% to spare
    space = measure.text_width_cm(" ", size_pt)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            width = measure.text_width_cm(word, size_pt)
            if used and used + space + width > room:
                lines += 1
                used = 0.0
            used += (space if used else 0.0) + width
            lines += max(0, math.ceil(width / room) - 1)  # a word longer than the column
    return max(lines, 1)


def fit_row_heights(sheet: Any, first_row: int) -> None:
    """Set each row's height from its tallest wrapped cell, from `first_row` down."""
    from openpyxl.utils import get_column_letter

    widths = {
        column: sheet.column_dimensions[get_column_letter(column)].width or 8.43
        for column in range(1, sheet.max_column + 1)
    }
    for row in sheet.iter_rows(min_row=first_row):
        lines = max(
            (
                wrapped_lines(cell.value, widths[cell.column], _size(cell))
                for cell in row
                if isinstance(cell.value, str) and cell.value
            ),
            default=1,
        )
        sheet.row_dimensions[row[0].row].height = lines * LINE_PT + 2


def _size(cell: Any) -> float:
    return float(cell.font.sz or FONT_PT) if cell.font is not None else FONT_PT


def table_sheet(
    book: Any,
    name: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    title: str = "",
    number_format: str = "0.00",
) -> Any:
    """A sheet holding one table: optional title, styled header repeated on every printed
    page, wrapped top-aligned cells, rows as tall as their text, one page wide."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    line = Side(style="thin", color="C9CFD6")
    ruled = Border(bottom=line)
    top = 1
    if title:
        put(sheet, 1, 1, title).font = Font(bold=True, size=12, color=HEADER_FILL)
        top = 3
    # Numbers right, text left and indented: a number never runs into the text beside it.
    text = Alignment(wrap_text=True, vertical="top", horizontal="left", indent=1)
    number = Alignment(wrap_text=True, vertical="top", horizontal="right")
    numeric = [
        bool(rows) and all(isinstance(r[i], int | float) or r[i] is None for r in rows)
        for i in range(len(header))
    ]
    for column, name in enumerate(header, start=1):
        cell = put(sheet, top, column, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = number if numeric[column - 1] else text
    styled: dict[tuple[bool, bool, bool], Any] = {}  # a body cell's look, by kind
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = put(sheet, top + offset, column, value)
            kind = (isinstance(value, int | float), isinstance(value, float), cell.quotePrefix)
            if kind in styled:  # the same look as the first cell of its kind, copied whole
                cell._style = copy.copy(styled[kind])
                continue
            cell.border = ruled
            cell.alignment = number if kind[0] else text
            if kind[1]:
                cell.number_format = number_format
            styled[kind] = cell._style
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=top + 1, column=2)
    sheet.print_title_rows = f"{top}:{top}"
    if rows:
        sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(header))}{top + len(rows)}"
    fit_row_heights(sheet, top)
    fit_to_page_width(sheet)
    return sheet


def content_widths(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widest: float = 45
) -> list[float]:
    """Column widths (characters) from the content: the longest value, at most `widest`
    (longer text wraps), at least the header's longest word."""
    widths = []
    for index, name in enumerate(header):
        values = [str(row[index]) for row in rows if row[index] is not None]
        longest = max((len(v) for v in values), default=0)
        word = max((len(w) for w in str(name).split()), default=0)
        widths.append(min(max(word + 3, longest + 2, 6), widest))
    return widths
