"""The offline form of each built-in pack asks every asked question once and no derived rate.

A derived metric (a rate computed from two other answers) is never a question to answer: it
must not appear on the form, for the whole questionnaire or for any role.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from assessment.pack.load import load_pack
from tests.conftest import ROOT

EXAMPLES = {"release_management": "northwind-release", "change_enablement": "northwind-change"}


def form_question_ids(path: Path) -> list[str]:
    """The question keys of a form (the hidden key column), option rows left out."""
    sheet = openpyxl.load_workbook(path)["Questionnaire"]
    keys = [row[6].value for row in sheet.iter_rows(min_row=6) if row[6].value]
    return [str(key) for key in keys if "#" not in str(key)]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_form_offers_no_derived_rate(cli, tmp_path: Path, name: str) -> None:
    pack = load_pack(ROOT / "questionnaires" / name)
    derived = {q.id for q in pack.questions if not q.asked}
    assert derived, f"{name} has derived rates to leave out"
    engagement = tmp_path / "e"
    shutil.copytree(ROOT / "examples" / EXAMPLES[name], engagement)
    roles = [None, *(role.id for role in pack.info.interviewees)]
    for role in roles:
        out = tmp_path / f"form-{role or 'all'}.xlsx"
        args = ["export-form", engagement, "--out", out, *(["--role", role] if role else [])]
        result = cli(*args)
        assert result.code == 0, result.err
        offered = form_question_ids(out)
        assert not derived & set(offered), (role, sorted(derived & set(offered)))
        assert len(offered) == len(set(offered))
        assert f": {len(offered)} questions" in result.out
        if role is None:
            assert set(offered) == {q.id for q in pack.questions if q.asked}
