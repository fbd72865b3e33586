"""Write spreadsheet cells safely: customer and pack text stay text, never become formulas."""

from __future__ import annotations

from typing import Any

from assessment.text import clean

# Excel and LibreOffice treat a cell starting with these as a formula (formula injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write `value` into a cell: numbers as numbers, text as literal text, cleaned."""
    cell = sheet.cell(row=row, column=column)
    if value is None or isinstance(value, bool | int | float):
        cell.value = value
        return cell
    text = clean(str(value))
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def fit_to_page_width(sheet: Any, landscape: bool = True) -> None:
    """Print the sheet one page wide (as many pages tall as needed), repeating nothing else."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
