"""Read a filled questionnaire workbook back: every cell as text, every row checked.

Cells are read as the text they show: `NA`, `None`, `007` and `1-2` stay strings; nothing is
turned into NaN or a date. Problems are collected for the whole form and raised at once as
`FILE.xlsx: row 12: RM-PRO-03: message`, so a form is imported whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from assessment.engagement.model import Answer, Interview
from assessment.errors import InvalidInput, Problem
from assessment.interview import flow
from assessment.interview import form_layout as layout
from assessment.pack.model import Pack
from assessment.pack.questions import LEVEL_LABELS, Question
from assessment.text import Shown, clean


def cell_text(value: Any) -> str:
    """A cell value as the text it shows; never NaN, never a date object."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return clean(str(value)).strip()


def _open(name: str, data: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for damaged files; all mean the same
        raise InvalidInput(
            Problem(name, 0, "", f"cannot be read as a workbook ({exc}); save it again as .xlsx")
        ) from None


def _sheets(name: str, workbook: Any) -> tuple[dict[str, str], list[tuple[int, list[str]]]]:
    """The form's hidden facts and its numbered Questionnaire rows; refuses another workbook."""
    if layout.QUESTIONNAIRE not in workbook.sheetnames:
        raise InvalidInput(
            Problem(
                name,
                0,
                "",
                "is not a form made by `assess export-form` "
                f"(no {layout.QUESTIONNAIRE!r} sheet); export one and fill that in",
            )
        )
    if layout.LISTS not in workbook.sheetnames:
        raise InvalidInput(
            Problem(
                name,
                0,
                "",
                f"its hidden {layout.LISTS!r} sheet (which pack the form was made for) was "
                "deleted; export a new form with `assess export-form` and copy the answers into it",
            )
        )
    meta = {r[0]: r[1] for r in _rows(workbook[layout.LISTS], 1, 2) if r[0]}
    return meta, list(_numbered(workbook[layout.QUESTIONNAIRE]))


def filled_cells(path: Path, data: bytes) -> int | None:
    """How many answer, note and respondent cells are filled; None when not one of our forms."""
    workbook = _open(str(path), data)
    try:
        meta, rows = _sheets(str(path), workbook)
    except InvalidInput:
        return None
    finally:
        workbook.close()
    if meta.get("format") != layout.FORMAT:
        return None
    filled = 0
    for number, row in rows:
        if number in (layout.NAME_ROW, layout.UNIT_ROW) or (
            number == layout.ROLE_ROW and row[layout.QUESTION - 1] != meta.get("role", "")
        ):
            filled += bool(row[layout.QUESTION - 1])
        elif number >= layout.FIRST_ROW:
            filled += bool(row[layout.ANSWER - 1]) + bool(row[layout.NOTE - 1])
    return filled


def read_form(
    path: Path,
    pack: Pack,
    texts: Shown,
    respondent: str | None,
    today: dt.date,
    data: bytes | None = None,
) -> Interview:
    """The interview a filled form holds; raises InvalidInput listing every bad cell."""
    name = str(path)
    workbook = _open(name, data if data is not None else path.read_bytes())
    try:
        meta, rows = _sheets(name, workbook)
    finally:
        workbook.close()
    reader = _FormReader(name, pack, texts)
    if meta.get("format") != layout.FORMAT or meta.get("pack") != pack.info.id:
        reader.problem(
            0,
            "",
            f"was made for pack {meta.get('pack')!r}, this engagement uses "
            f"{pack.info.id!r}; export a new form with `assess export-form`",
        )
    person = reader.respondent(rows, respondent)
    answers = reader.answers(rows)
    if not answers and not reader.problems:
        reader.problem(
            0,
            "",
            "has no answers (every answer cell is empty); nothing imported. Fill in the form, "
            "or check that this is the returned copy",
        )
    if reader.problems:
        raise InvalidInput(reader.problems)
    return imported(person, answers, meta.get("fingerprint", ""), today)


def _rows(sheet: Any, first: int, width: int) -> list[list[str]]:
    return [
        [cell_text(v) for v in row]
        for row in sheet.iter_rows(min_row=first, max_col=width, values_only=True)
    ]


def _numbered(sheet: Any) -> list[tuple[int, list[str]]]:
    rows = _rows(sheet, 1, layout.KEY)
    return [
        (index, row + [""] * (layout.KEY - len(row))) for index, row in enumerate(rows, start=1)
    ]


class _FormReader:
    """Turns rows into an interview, collecting one problem per bad cell."""

    def __init__(self, name: str, pack: Pack, texts: Shown):
        self.name, self.pack, self.texts = name, pack, texts
        self.problems: list[Problem] = []

    def problem(self, row: int, item: str, message: str) -> None:
        where = f"row {row}: {item}" if item else f"row {row}"
        self.problems.append(Problem(self.name, 0, where if row else item, message))

    def respondent(self, rows: list[tuple[int, list[str]]], given: str | None) -> dict[str, str]:
        cells = {
            number: row[layout.QUESTION - 1] for number, row in rows if number <= layout.UNIT_ROW
        }
        name = clean(given).strip() if given else cells.get(layout.NAME_ROW, "")
        if not name:
            self.problem(
                layout.NAME_ROW,
                "name",
                "empty; type the respondent's name in C1, or pass --respondent NAME",
            )
        role = cells.get(layout.ROLE_ROW, "")
        found = flow.find_role(self.pack, role) if role else None
        if role and found is None and self.pack.info.interviewees:
            names = ", ".join(r.name for r in self.pack.info.interviewees)
            self.problem(
                layout.ROLE_ROW,
                "role",
                f"{role[:60]!r} is not one of the roles: {names}; pick one from the list in C2 "
                "or leave it empty",
            )
        return {
            "name": name,
            "role": found.name if found else role,
            "unit": cells.get(layout.UNIT_ROW, ""),
        }

    def answers(self, rows: list[tuple[int, list[str]]]) -> dict[str, Answer]:
        answers: dict[str, Answer] = {}
        options: dict[str, dict[str, tuple[int, str]]] = {}
        heads: dict[str, tuple[int, list[str]]] = {}
        for number, row in rows:
            key = row[layout.KEY - 1]
            if number < layout.FIRST_ROW or not key:
                continue
            qid, _, option = key.partition("#")
            if not self.pack.has_question(qid):
                self.problem(number, qid, "unknown question id; export a new form for this pack")
            elif option and option not in self.pack.question(qid).option_ids():
                self.problem(number, key, "unknown option; export a new form for this pack")
            elif option:
                options.setdefault(qid, {})[option] = (number, row[layout.ANSWER - 1])
            elif qid in heads:
                self.problem(number, qid, f"appears twice (also row {heads[qid][0]})")
            else:
                heads[qid] = (number, row)
        for qid, (number, row) in heads.items():
            question = self.pack.question(qid)
            answer = self._answer(question, number, row, options.get(qid, {}))
            if answer is not None:
                answers[qid] = answer
        return answers

    def _answer(
        self, q: Question, number: int, row: list[str], ticks: dict[str, tuple[int, str]]
    ) -> Answer | None:
        value, note = row[layout.ANSWER - 1], row[layout.NOTE - 1]
        if q.type == "multi":
            draft = self._multi(q, number, value, ticks)
        elif q.type == "text":
            draft = Answer(text=value) if value else None
        else:
            draft = self._choice(q, number, value) if value else None
        if draft is None:
            if note:
                self.problem(number, q.id, "has a note but no answer; answer it or clear the note")
            return None
        return Answer.model_validate({**draft.model_dump(exclude_none=True), "note": note})

    def _choice(self, q: Question, number: int, value: str) -> Answer | None:
        result = answer_for(q, value, self.texts)
        if isinstance(result, str):
            self.problem(number, q.id, result)
            return None
        return result

    def _multi(
        self, q: Question, number: int, value: str, ticks: dict[str, tuple[int, str]]
    ) -> Answer | None:
        selected, seen = [], False
        for option in q.options:
            row, tick = ticks.get(option.id, (number, ""))
            if tick.casefold() == layout.YES.casefold():
                selected.append(option.id)
            elif tick and tick.casefold() != layout.NO.casefold():
                self.problem(
                    row, f"{q.id}.{option.id}", f"{tick[:40]!r}: choose {layout.YES} or {layout.NO}"
                )
            seen = seen or bool(tick)
        if value:
            if seen:
                self.problem(number, q.id, f"{value!r} and options both filled; keep one")
                return None
            return self._choice(q, number, value)
        return Answer(selected=selected) if seen else None


def answer_for(question: Question, value: str, texts: Shown) -> Answer | str:
    """A scale, metric or not-scored answer from a cell; a problem message when it is not one."""
    if value == layout.NOT_APPLICABLE:
        return Answer(level=flow.NOT_APPLICABLE)
    if value == layout.DONT_KNOW:
        return (
            Answer(value=flow.UNKNOWN) if question.type == "metric" else Answer(level=flow.UNKNOWN)
        )
    if question.type == "metric":
        return flow.measure_answer(question, value)
    items = layout.level_items(question, texts) if question.type == "scale" else []
    if value in items:
        return Answer(level=items.index(value))
    if question.type == "scale":
        level = _typed_level(value)
        if isinstance(level, int):
            return Answer(level=level)
        if level:
            return level
    allowed = "a level statement, " if question.type == "scale" else "empty, "
    either = f"{layout.NOT_APPLICABLE!r} or {layout.DONT_KNOW!r}"
    return f"{value[:60]!r} is not a choice; pick {allowed}{either}"


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
