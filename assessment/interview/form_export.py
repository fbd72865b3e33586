"""Offline forms: export a blank questionnaire workbook for the engagement.

The workbook has an Instructions sheet, a Questionnaire sheet (a respondent block, then one row
per question; multi questions get one Yes/No row per option) and a hidden Lists sheet holding
the drop-down values and what the form was made from. Only answer, note and respondent cells
are unlocked. Text from packs and customers is written as literal text, never as a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessment.engagement.open import read_with_pack
from assessment.errors import InvalidInput, Problem
from assessment.files.atomic import CHANGED, FOREIGN, OURS, make_folder, refusal, replacing
from assessment.files.sheets import fit_to_page_width, put
from assessment.files.xlsxsafe import check_package
from assessment.interview import flow
from assessment.interview.form_layout import (
    ANSWER,
    DONT_KNOW,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    HEADERS,
    HELP,
    INSTRUCTIONS,
    KEY,
    LISTS,
    NAME_ROW,
    NO,
    NOT_APPLICABLE,
    NOTE,
    PERSPECTIVE,
    QID,
    QUESTION,
    QUESTIONNAIRE,
    ROLE_ROW,
    SCALE,
    UNIT_ROW,
    WIDTHS,
    YES,
    level_items,
)
from assessment.interview.form_reader import filled_cells
from assessment.pack.model import Pack
from assessment.pack.questions import LEVEL_LABELS, Question
from assessment.text import Shown


def export_form(
    folder: Path,
    out: Path,
    role: str | None = None,
    force: bool = False,
    extended: bool = False,
) -> tuple[Path, int]:
    """Write a blank questionnaire for the engagement (optionally one role's core questions;
    `extended` adds the role's other questions).

    Only a new path or a blank form this command wrote is replaced; a form filled in since
    needs `force`; anything else (an interview, `engagement.yaml`, a device) never is.
    """
    refused = refusal(out, form_verdict, force, "assess export-form")
    if refused:
        raise InvalidInput(refused)
    if out.suffix.lower() != ".xlsx":
        raise InvalidInput(
            Problem(
                str(out),
                0,
                "",
                f"a form is an Excel workbook; name the file {out.stem or 'form'}.xlsx",
            )
        )
    found, pack = read_with_pack(folder)
    chosen = flow.find_role(pack, role) if role else None
    if role and chosen is None:
        names = ", ".join(f"{r.id} ({r.name})" for r in pack.info.interviewees) or "none defined"
        raise InvalidInput(f"unknown role {role!r}; use one of: {names}")
    texts = Shown(found.engagement.customer, found.engagement.organisation)
    plan = flow.QuestionPlan.make(pack, chosen, extended=extended)
    workbook = _workbook(pack, plan, texts, chosen.name if chosen else "")
    make_folder(out.parent)
    refused = refusal(out, form_verdict, force, "assess export-form")
    if refused:
        raise InvalidInput(refused)
    with replacing(out) as temp:
        workbook.save(temp)
    return out, len(plan.questions)


def form_verdict(path: Path) -> str:
    """OURS for a blank form made by export-form, CHANGED once filled in, else FOREIGN."""
    try:
        filled = filled_cells(path, check_package(path))
    except InvalidInput:
        return FOREIGN
    if filled is None:
        return FOREIGN
    return CHANGED if filled else OURS


def _workbook(pack: Pack, plan: flow.QuestionPlan, texts: Shown, role: str) -> Any:
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    workbook = Workbook()
    _instructions(workbook.active, pack, texts, role)
    lists = workbook.create_sheet(LISTS)
    sheet = workbook.create_sheet(QUESTIONNAIRE)
    _meta(lists, pack, texts, role)
    _respondent_block(sheet, lists, pack, texts, role)
    row, list_row = FIRST_ROW, 10
    for question in plan.questions:
        row, list_row = _question_rows(sheet, lists, question, plan, texts, row, list_row)
    _finish_sheet(sheet, row)
    lists.sheet_state = "hidden"
    workbook.active = workbook.index(workbook[INSTRUCTIONS])
    workbook.security = WorkbookProtection(lockStructure=True)
    return workbook


def _instructions(ws: Any, pack: Pack, texts: Shown, role: str) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = INSTRUCTIONS
    fit_to_page_width(ws)
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 90
    put(ws, 1, 1, texts(pack.info.name)).font = Font(bold=True, size=14)
    who = f"Questionnaire for {texts.customer}" + (f", for the role: {role}" if role else "")
    put(ws, 2, 1, who).font = Font(italic=True)
    steps = [
        "How to fill it in (about a minute per question):",
        f"1. Open the {QUESTIONNAIRE} sheet and type your name, role and unit at the top.",
        "2. For each question, click the 'Your answer' cell and pick from its drop-down list the "
        "statement that best describes how things are done today, not how they should be.",
        f"   If a question does not apply to you choose '{NOT_APPLICABLE}'; if you cannot say, "
        f"choose '{DONT_KNOW}'. Leave it empty to skip it.",
        f"3. Checklist questions list their options in the rows below: choose '{YES}' or '{NO}' "
        "for each option.",
        "4. Questions without a list take a short typed answer.",
        "5. Add evidence, examples or a quote in 'Notes / evidence' whenever you can.",
        "6. Save the file (keep the .xlsx format) and send it back. The layout is locked on "
        "purpose: only the answer and note cells can be changed.",
    ]
    for index, line in enumerate(steps, start=4):
        put(ws, index, 1, line)
    row = len(steps) + 5
    put(ws, row, 1, "The maturity scale every statement climbs:").font = Font(bold=True)
    for level in range(6):
        put(ws, row + 1 + level, 1, str(level))
        put(ws, row + 1 + level, 2, LEVEL_LABELS[level]).font = Font(bold=True)
        put(ws, row + 1 + level, 3, SCALE[level])
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=cell.column == 3, vertical="top")
    ws.protection.sheet = True


def _meta(lists: Any, pack: Pack, texts: Shown, role: str) -> None:
    rows = [("format", FORMAT), ("pack", pack.info.id), ("fingerprint", pack.fingerprint)]
    rows += [("customer", texts.customer), ("role", role)]
    for index, (key, value) in enumerate(rows, start=1):
        put(lists, index, 1, key)
        put(lists, index, 2, value)
    for column, item in enumerate([texts(r.name) for r in pack.info.interviewees], start=1):
        put(lists, 7, column, item)
    for column, item in enumerate((NOT_APPLICABLE, DONT_KNOW), start=1):
        put(lists, 8, column, item)
    for column, item in enumerate((YES, NO), start=1):
        put(lists, 9, column, item)
    lists.protection.sheet = True


def _respondent_block(sheet: Any, lists: Any, pack: Pack, texts: Shown, role: str) -> None:
    from openpyxl.styles import Font

    labels = {NAME_ROW: "Your name", ROLE_ROW: "Your role", UNIT_ROW: "Your unit or team"}
    for row, label in labels.items():
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        put(sheet, row, 1, label).font = Font(bold=True)
        _answer_cell(put(sheet, row, QUESTION, role if row == ROLE_ROW else ""))
    if pack.info.interviewees:
        from openpyxl.utils import get_column_letter

        last = get_column_letter(len(pack.info.interviewees))
        _validation(sheet, f"{LISTS}!$A$7:${last}$7", f"C{ROLE_ROW}", strict=False)
    put(sheet, 4, 1, "Pick your answers in column E from the drop-down lists; notes in column F.")


def _question_rows(
    sheet: Any,
    lists: Any,
    q: Question,
    plan: flow.QuestionPlan,
    texts: Shown,
    row: int,
    list_row: int,
) -> tuple[int, int]:
    """Write one question (and its option rows); returns the next free sheet and list rows."""
    put(sheet, row, PERSPECTIVE, texts(plan.pack.perspective_name(q.perspective)))
    put(sheet, row, QID, q.id)
    put(sheet, row, QUESTION, texts(q.text))
    put(sheet, row, HELP, _help(q, plan, texts))
    put(sheet, row, KEY, q.id)
    answer = _answer_cell(sheet.cell(row=row, column=ANSWER))
    _answer_cell(sheet.cell(row=row, column=NOTE))
    if q.type == "scale":
        for column, item in enumerate([*level_items(q, texts), NOT_APPLICABLE, DONT_KNOW], 1):
            put(lists, list_row, column, item)
        _validation(sheet, f"{LISTS}!$A${list_row}:$H${list_row}", answer.coordinate)
        return row + 1, list_row + 1
    if q.type == "text":
        return row + 1, list_row
    if q.type == "metric":  # a number, or a choice from the list: the list is a suggestion only
        _validation(sheet, f"{LISTS}!$A$8:$B$8", answer.coordinate, strict=False)
        return row + 1, list_row
    _validation(sheet, f"{LISTS}!$A$8:$B$8", answer.coordinate)
    put(sheet, row, ANSWER, "")
    for option in q.options:
        row += 1
        put(sheet, row, QUESTION, f"    • {texts(option.label)}")
        put(sheet, row, KEY, f"{q.id}#{option.id}")
        cell = _answer_cell(sheet.cell(row=row, column=ANSWER))
        _validation(sheet, f"{LISTS}!$A$9:$B$9", cell.coordinate)
    return row + 1, list_row


def _help(q: Question, plan: flow.QuestionPlan, texts: Shown) -> str:
    parts = [texts(q.help)] if q.help else []
    if q.type == "multi":
        parts.append(f"Choose {YES} or {NO} for each option below (or {NOT_APPLICABLE}).")
    if q.type == "metric":
        parts.append(f"Type the number of {texts(flow.measure_unit(q))}, or choose {DONT_KNOW}.")
    offered = plan.ids()
    conditions = [f"{qid} is {cond}" for qid, cond in q.ask_when.items() if qid in offered]
    if conditions:
        parts.append("Answer only if your answer to " + " and ".join(conditions) + ".")
    return "\n".join(parts)


def _answer_cell(cell: Any) -> Any:
    from openpyxl.styles import PatternFill, Protection

    cell.protection = Protection(locked=False)
    cell.number_format = "@"  # text: Excel keeps 007 and 1-2 as typed
    cell.fill = PatternFill("solid", start_color="FFF8E1")
    return cell


def _validation(sheet: Any, source: str, coordinate: str, strict: bool = True) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    check = DataValidation(type="list", formula1=source, allow_blank=True)
    check.showErrorMessage = strict
    check.errorTitle = "Please choose from the list"
    check.error = "Pick one of the statements in the drop-down list, or leave the cell empty."
    check.add(coordinate)
    sheet.add_data_validation(check)


def _finish_sheet(sheet: Any, end: int) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        put(sheet, HEADER_ROW, column, header).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.column_dimensions[get_column_letter(KEY)].hidden = True
    for line in sheet.iter_rows(min_row=HEADER_ROW, max_row=end):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=1)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may widen columns and rows
    sheet.protection.formatRows = False
    fit_to_page_width(sheet)
