"""Offline forms: import a filled questionnaire as an interview, all of it or nothing.

The form is read and checked whole (`form_reader`); then, under the engagement's writer lock,
it becomes a new interview, or replaces the respondent's one when asked to.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assessment.engagement import store
from assessment.engagement.open import read_with_pack
from assessment.errors import InvalidInput, Problem
from assessment.files.durable import ABSENT
from assessment.files.xlsxsafe import check_package
from assessment.interview.form_reader import read_form
from assessment.text import Shown


def import_form(
    folder: Path,
    path: Path,
    respondent: str | None = None,
    replace: bool = False,
    today: dt.date | None = None,
) -> tuple[Path, int]:
    """Read a filled form as an interview: every cell checked, all saved or nothing."""
    found, pack = read_with_pack(folder)
    texts = Shown(found.engagement.customer, found.engagement.organisation)
    data = check_package(path)
    interview = read_form(path, pack, texts, respondent, today or dt.date.today(), data)
    name = interview.respondent.name
    with store.writer_lock(folder, "import"):
        found = store.read_engagement(folder)  # as it is now, under the lock
        keys = store.interviews_of(found, name)
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
            person_id = found.interviews[key].respondent.id or store.new_respondent_id()
        else:
            target, expect, person_id = (
                store.free_interview_path(folder, name),
                ABSENT,
                store.new_respondent_id(),
            )
        respondent_ = interview.respondent.model_copy(update={"id": person_id})
        interview = interview.model_copy(update={"respondent": respondent_})
        store.write_interview(folder, interview, target, expect)
    return target, len(interview.answers)
