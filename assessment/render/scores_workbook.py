"""scores.xlsx: every score table of the assessment, for the consultant's own analysis."""

from __future__ import annotations

from pathlib import Path

from assessment.files.atomic import replacing
from assessment.render.xlsx_blocks import content_widths, table_sheet
from assessment.report.context import Context

NAME = "scores.xlsx"


def render(context: Context, out: Path) -> list[Path]:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in context.score_sheets:
        rows = list(sheet.rows)
        table_sheet(
            book, sheet.name, sheet.header, rows, content_widths(sheet.header, rows), sheet.title
        )
    target = out / NAME
    with replacing(target) as temp:
        book.save(temp)
    return [target]
