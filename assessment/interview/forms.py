"""Offline forms: export a blank questionnaire workbook, import a filled one as an interview.

The workbook has an Instructions sheet, a Questionnaire sheet (a respondent block, then one row
per question; multi questions get one Yes/No row per option) and a hidden Lists sheet holding
the drop-down values and what the form was made from. Only answer, note and respondent cells
are unlocked. Text from packs and customers is written as literal text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessment.engagement.model import Answer, Interview
from assessment.engagement.open import read_with_pack
from assessment.engagement.store import (
    free_interview_path,
    interviews_of,
    new_respondent_id,
    read_engagement,
    write_interview,
    writer_lock,
)
from assessment.errors import InvalidInput, Problem
from assessment.files.atomic import CHANGED, FOREIGN, OURS, make_folder, refusal, replacing
from assessment.files.durable import ABSENT
from assessment.files.sheets import fit_to_page_width, put
from assessment.files.xlsxsafe import check_package
from assessment.interview import flow
from assessment.pack.model import LEVEL_LABELS, Pack, Question
from assessment.text import clean, fill

FORMAT = "assess-form-1"
QUESTIONNAIRE, INSTRUCTIONS, LISTS = "Questionnaire", "Instructions", "Lists"
NAME_ROW, ROLE_ROW, UNIT_ROW, HEADER_ROW = 1, 2, 3, 5
FIRST_ROW = HEADER_ROW + 1
HEADERS = ("Perspective", "ID", "Question", "Help", "Your answer", "Notes / evidence", "key")
WIDTHS = (14, 12, 60, 44, 56, 40, 10)
PERSPECTIVE, QID, QUESTION, HELP, ANSWER, NOTE, KEY = range(1, 8)
NOT_APPLICABLE, DONT_KNOW, YES, NO = "Not applicable", "Don't know", "Yes", "No"
SCALE = {
    0: "nobody does it, or nobody knows who does",
    1: "done ad hoc by individuals; success depends on heroes; nothing written down",
    2: "the same people do it the same way most times; informal, undocumented, not enforced",
    3: "documented, agreed, trained and followed by everyone; exceptions are visible",
    4: "measured: KPIs collected and reviewed; deviations trigger action",
    5: "continually improved from the measures; automated where it pays; benchmarked",
}


def level_items(question: Question, shown: Any) -> list[str]:
    """The drop-down values of a scale question, level 0..5, as the respondent sees them."""
    return [f"{n} {LEVEL_LABELS[n]}: {shown(question.levels[n])}" for n in range(6)]


@dataclass(frozen=True)
class _Texts:
    customer: str
    organisation: str

    def __call__(self, text: str) -> str:
        return clean(fill(text, self.customer, self.organisation)).strip()


# --- export ----------------------------------------------------------------------------------


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
    texts = _Texts(found.engagement.customer, found.engagement.organisation)
    plan = flow.Plan.make(pack, chosen, extended=extended)
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
    from assessment.interview.form_reader import filled_cells

    try:
        filled = filled_cells(path, check_package(path))
    except InvalidInput:
        return FOREIGN
    if filled is None:
        return FOREIGN
    return CHANGED if filled else OURS


def _workbook(pack: Pack, plan: flow.Plan, texts: _Texts, role: str) -> Any:
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


def _instructions(ws: Any, pack: Pack, texts: _Texts, role: str) -> None:
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


def _meta(lists: Any, pack: Pack, texts: _Texts, role: str) -> None:
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


def _respondent_block(sheet: Any, lists: Any, pack: Pack, texts: _Texts, role: str) -> None:
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
    sheet: Any, lists: Any, q: Question, plan: flow.Plan, texts: _Texts, row: int, list_row: int
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


def _help(q: Question, plan: flow.Plan, texts: _Texts) -> str:
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


# --- import ----------------------------------------------------------------------------------


def import_form(
    folder: Path,
    path: Path,
    respondent: str | None = None,
    replace: bool = False,
    today: dt.date | None = None,
) -> tuple[Path, int]:
    """Read a filled form as an interview: every cell checked, all saved or nothing."""
    found, pack = read_with_pack(folder)
    texts = _Texts(found.engagement.customer, found.engagement.organisation)
    data = check_package(path)
    from assessment.interview.form_reader import read_form

    interview = read_form(path, pack, texts, respondent, today or dt.date.today(), data)
    name = interview.respondent.name
    with writer_lock(folder, "import"):
        found = read_engagement(folder)  # as it is now, under the lock
        keys = interviews_of(found, name)
        if len(keys) > 1:
            files = ", ".join(found.interview_paths[k].name for k in keys)
            raise InvalidInput(
                Problem(
                    str(path),
                    0,
                    "",
                    f"several interviews record {name} ({files}); nothing imported. Pass "
                    "--respondent with a name that tells them apart",
                )
            )
        if keys and not replace:
            raise InvalidInput(
                Problem(
                    str(found.interview_paths[keys[0]]),
                    0,
                    "",
                    f"{name} already has an interview; nothing imported. "
                    "Pass --replace to overwrite it with this form, or --respondent NAME",
                )
            )
        if keys:
            key = keys[0]
            target, expect = found.interview_paths[key], found.interview_docs[key].digest
            person_id = found.interviews[key].respondent.id or new_respondent_id()
        else:
            target, expect, person_id = (
                free_interview_path(folder, name),
                ABSENT,
                new_respondent_id(),
            )
        respondent_ = interview.respondent.model_copy(update={"id": person_id})
        interview = interview.model_copy(update={"respondent": respondent_})
        write_interview(folder, interview, target, expect)
    return target, len(interview.answers)


def answer_for(question: Question, value: str, texts: _Texts) -> Answer | str:
    """A scale, metric or not-scored answer from a cell; a problem message when it is not one."""
    if value == NOT_APPLICABLE:
        return Answer(level=flow.NOT_APPLICABLE)
    if value == DONT_KNOW:
        return (
            Answer(value=flow.UNKNOWN) if question.type == "metric" else Answer(level=flow.UNKNOWN)
        )
    if question.type == "metric":
        return flow.measure_answer(question, value)
    items = level_items(question, texts) if question.type == "scale" else []
    if value in items:
        return Answer(level=items.index(value))
    if question.type == "scale":
        level = _typed_level(value)
        if isinstance(level, int):
            return Answer(level=level)
        if level:
            return level
    allowed = "a level statement, " if question.type == "scale" else "empty, "
    return f"{value[:60]!r} is not a choice; pick {allowed}{NOT_APPLICABLE!r} or {DONT_KNOW!r}"


def _typed_level(value: str) -> int | str | None:
    """`3`, `3 Defined` or `3 Defined: ...` as typed over the list; a message when they clash."""
    number, _, rest = " ".join(value.split()).partition(" ")
    if number not in {str(n) for n in range(6)}:
        return None
    label = rest.split(":")[0].strip()
    expected = LEVEL_LABELS[int(number)]
    if not label or label.casefold() == expected.casefold():
        return int(number)
    return f"{value[:60]!r}: level {number} is {expected!r}; pick one statement from the list"


def imported(
    respondent: dict[str, str], answers: dict[str, Answer], fingerprint: str, today: dt.date
) -> Interview:
    return Interview.model_validate(
        {
            "respondent": respondent,
            "date": today,
            "pack_fingerprint": fingerprint,
            "answers": answers,
            "source": "form",
        }
    )
