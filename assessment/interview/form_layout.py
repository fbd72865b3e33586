"""The offline form's layout, shared by the writer and the reader: sheets, rows, columns and
the drop-down values a respondent picks from."""

from __future__ import annotations

from collections.abc import Callable

from assessment.pack.questions import LEVEL_LABELS, Question

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


def level_items(question: Question, shown: Callable[[str], str]) -> list[str]:
    """The drop-down values of a scale question, level 0..5, as the respondent sees them."""
    return [f"{n} {LEVEL_LABELS[n]}: {shown(question.levels[n])}" for n in range(6)]
