"""Replace interviewees' names by their roles in every quote and note a document shows.

The report promises evidence by role, never by name; people name each other in their notes
("Tomasz coordinates everything"). Full names, then surnames, then first names of everyone
interviewed are replaced by "the <role>" wherever notes and text answers enter the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial

import pandas as pd


def by_role(respondents: pd.DataFrame) -> list[tuple[str, str]]:
    """(name, role) of each interviewee with a name, from the analysis' respondent frame."""
    return [
        (str(name).strip(), str(role or "").strip() or "respondent")
        for name, role in zip(respondents["name"], respondents["role"], strict=True)
        if str(name or "").strip()
    ]


def anonymise(text: str, people: Iterable[tuple[str, str]]) -> str:
    """`text` with each interviewee's full name, surname and first name replaced by their role.

    Longer names are replaced first, so "Karen Oduya" becomes one "the Process Owner", not
    two. A replacement that starts the text or a sentence is capitalised.
    """
    names: dict[str, str] = {}
    for name, role in people:
        parts = name.split()
        for form in (name, parts[-1], parts[0]) if parts else ():
            names.setdefault(form, role)
    for form in sorted(names, key=len, reverse=True):
        if len(form) < 2:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
        text = pattern.sub(partial(_role, role=names[form]), text)
    return text


def _role(match: re.Match[str], role: str) -> str:
    before = match.string[: match.start()].rstrip(" '\"“‘(")
    starts = not before or before.endswith((".", "!", "?", ":", "\n"))
    return f"{'The' if starts else 'the'} {role}"
