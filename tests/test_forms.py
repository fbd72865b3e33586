"""Offline forms: export, fill with openpyxl, import; unsafe and bad workbooks are refused."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from assessment.files import xlsxsafe
from assessment.files.yamlfile import dump_yaml
from tests.conftest import SAMPLE_PACK, snapshot, write_engagement

STATEMENT_2 = "2 Repeatable: The same senior person shows newcomers the ropes."


@pytest.fixture
def form(folder: Path, cli) -> Path:
    out = folder.parent / "form.xlsx"
    result = cli("export-form", folder, "--out", out)
    assert result.code == 0, result.err
    return out


def rows_by_key(sheet: Any) -> dict[str, int]:
    return {row[6].value: row[0].row for row in sheet.iter_rows(min_row=6) if row[6].value}


def fill(path: Path, respondent: tuple[str, str, str], cells: dict[str, tuple[str, str]]) -> None:
    """Fill a form as a respondent would: name/role/unit, then answer and note per row key."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Questionnaire"]
    for row, value in zip((1, 2, 3), respondent, strict=True):
        sheet.cell(row=row, column=3).value = value
    rows = rows_by_key(sheet)
    for key, (value, note) in cells.items():
        sheet.cell(row=rows[key], column=5).value = value or None
        sheet.cell(row=rows[key], column=6).value = note or None
    workbook.save(path)


def interview_file(folder: Path, name: str = "jane-doe") -> dict[str, Any]:
    return yaml.safe_load((folder / "interviews" / f"{name}.yaml").read_text())


def test_the_form_is_locked_frozen_and_has_drop_downs(form: Path) -> None:
    workbook = openpyxl.load_workbook(form)
    assert workbook.sheetnames == ["Instructions", "Lists", "Questionnaire"]
    assert workbook["Lists"].sheet_state == "hidden"
    sheet = workbook["Questionnaire"]
    assert sheet.freeze_panes == "A6"
    assert sheet.protection.sheet and workbook["Instructions"].protection.sheet
    assert sheet.column_dimensions["G"].hidden
    rows = rows_by_key(sheet)
    scale = sheet.cell(row=rows["SP-PEO-01"], column=5)
    assert (
        not scale.protection.locked
        and sheet.cell(row=rows["SP-PEO-01"], column=3).protection.locked
    )
    checks = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    lists = workbook["Lists"]
    first, last = checks[scale.coordinate].split("!")[1].replace("$", "").split(":")
    values = [c.value for c in lists[first:last][0]]
    assert values[2] == STATEMENT_2 and values[6:] == ["Not applicable", "Don't know"]
    assert "SP-PRO-02#review" in rows  # a multi question: one Yes/No row per option
    instructions = " ".join(
        str(c.value) for row in workbook["Instructions"].iter_rows() for c in row
    )
    assert "Optimized" in instructions and "Questionnaire for Acme" in instructions


def test_export_for_a_role_has_only_its_questions(folder: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "manager.xlsx"
    assert cli("export-form", folder, "--out", out, "--role", "Manager").code == 0
    sheet = openpyxl.load_workbook(out)["Questionnaire"]
    assert sorted(rows_by_key(sheet)) == ["SP-PEO-01", "SP-PEO-02", "SP-PRO-01", "SP-PRO-03"]
    assert sheet["C2"].value == "Manager"


def test_round_trip_reproduces_the_filled_values(folder: Path, form: Path, cli) -> None:
    fill(
        form,
        ("Jane Doe", "engineer", "IT Ops"),
        {
            "SP-PEO-01": (STATEMENT_2, "seen the training log"),
            "SP-PEO-02": ("Not applicable", ""),
            "SP-PRO-01": ("Don't know", ""),
            "SP-PRO-02#review": ("Yes", ""),
            "SP-PRO-02#test": ("No", ""),
            "SP-PRO-02": ("", "only reviews"),
            "SP-PRO-03": ("Ann Lee", ""),
        },
    )
    result = cli("import", folder, form)
    assert result.code == 0, result.err
    assert "Imported 5 answers" in result.out
    data = interview_file(folder)
    assert data["respondent"].pop("id")  # a stable respondent id is stored
    assert data["respondent"] == {"name": "Jane Doe", "role": "Engineer", "unit": "IT Ops"}
    assert data["answers"] == {
        "SP-PEO-01": {"level": 2, "note": "seen the training log"},
        "SP-PEO-02": {"level": "na"},
        "SP-PRO-01": {"level": "unknown"},
        "SP-PRO-02": {"selected": ["review"], "note": "only reviews"},
        "SP-PRO-03": {"text": "Ann Lee"},
    }
    assert cli("validate", folder).code == 0


def test_cells_like_na_none_007_and_1_2_stay_text(folder: Path, form: Path, cli) -> None:
    fill(form, ("None", "", "1-2"), {"SP-PRO-03": ("007", "NA"), "SP-PEO-01": ("3", "None")})
    assert cli("import", folder, form).code == 0
    data = interview_file(folder, "none")
    assert data["respondent"].pop("id")
    assert data["respondent"] == {"name": "None", "unit": "1-2"}
    assert data["answers"]["SP-PRO-03"] == {"text": "007", "note": "NA"}
    assert data["answers"]["SP-PEO-01"] == {"level": 3, "note": "None"}


def test_bad_cells_are_reported_row_by_row_and_nothing_is_written(
    folder: Path, form: Path, cli
) -> None:
    fill(
        form,
        ("Jane Doe", "", ""),
        {
            "SP-PEO-01": ("maybe", ""),
            "SP-PEO-02": ("", "a note without an answer"),
            "SP-PRO-02#test": ("perhaps", ""),
        },
    )
    rows = rows_by_key(openpyxl.load_workbook(form)["Questionnaire"])
    before = snapshot(folder)
    result = cli("import", folder, form)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert lines[0] == (
        f"error: {form}: row {rows['SP-PEO-01']}: SP-PEO-01: 'maybe' is not a choice; "
        "pick a level statement, 'Not applicable' or \"Don't know\""
    )
    assert f"row {rows['SP-PEO-02']}: SP-PEO-02: has a note but no answer" in lines[1]
    assert f"row {rows['SP-PRO-02#test']}: SP-PRO-02.test: 'perhaps': choose Yes or No" in lines[2]
    assert snapshot(folder) == before


def test_an_existing_interview_is_replaced_only_on_request(folder: Path, form: Path, cli) -> None:
    fill(form, ("Jane Doe", "", ""), {"SP-PEO-01": (STATEMENT_2, "")})
    assert cli("import", folder, form).code == 0
    fill(form, ("Jane Doe", "", ""), {"SP-PEO-01": ("5", "")})
    refused = cli("import", folder, form)
    assert refused.code == 1 and "already has an interview" in refused.err
    assert "--replace" in refused.err
    assert interview_file(folder)["answers"]["SP-PEO-01"] == {"level": 2}
    assert cli("import", folder, form, "--replace").code == 0
    assert interview_file(folder)["answers"]["SP-PEO-01"] == {"level": 5}


def test_respondent_option_names_an_unnamed_form(folder: Path, form: Path, cli) -> None:
    fill(form, ("", "", ""), {"SP-PEO-01": (STATEMENT_2, "")})
    assert "row 1: name: empty" in cli("import", folder, form).err
    assert cli("import", folder, form, "--respondent", "Bo Chen").code == 0
    assert interview_file(folder, "bo-chen")["respondent"]["name"] == "Bo Chen"


def test_formula_like_pack_and_customer_text_is_exported_literally(tmp_path: Path, cli) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    people = pack / "questions" / "people.yaml"
    data = yaml.safe_load(people.read_text())
    data["questions"][0]["text"] = '=HYPERLINK("http://evil.example","click")'
    data["questions"][0]["help"] = "+1 call us"
    data["questions"][0]["levels"][0] = "@x"
    people.write_text(dump_yaml(data))
    folder = write_engagement(tmp_path / "eng", {"customer": "-2+3 Ltd", "pack": str(pack)})
    out = tmp_path / "form.xlsx"
    assert cli("export-form", folder, "--out", out).code == 0
    with zipfile.ZipFile(out) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.endswith(".xml"))
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["Questionnaire"]
    row = rows_by_key(sheet)["SP-PEO-01"]
    for cell in (sheet.cell(row=row, column=3), sheet.cell(row=row, column=4)):
        assert cell.data_type == "s" and cell.quotePrefix
    assert sheet.cell(row=row, column=3).value.startswith("=HYPERLINK(")
    assert sheet.cell(row=row, column=4).value == "+1 call us"
    lists = [c.value for row in workbook["Lists"].iter_rows() for c in row]
    assert "-2+3 Ltd" in lists and "0 Non-existent: @x" in lists


def rewrite(path: Path, part: str, change: Any) -> None:
    """Rewrite one part of an xlsx zip (the rest copied as is)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if openpyxl is ever asked to parse the workbook."""

    def parsed(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the workbook reached the XML parser")

    monkeypatch.setattr(openpyxl, "load_workbook", parsed)


def test_a_doctype_or_entity_is_refused_before_parsing(
    folder: Path, form: Path, cli, no_parsing: None
) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    rewrite(form, "xl/worksheets/sheet3.xml", lambda data: bomb + data.split(b"?>", 1)[-1])
    before = snapshot(folder)
    result = cli("import", folder, form)
    assert result.code == 1
    assert "xl/worksheets/sheet3.xml declares a DOCTYPE or ENTITY" in result.err
    assert snapshot(folder) == before


def test_a_zip_bomb_is_refused_before_parsing(
    folder: Path, form: Path, cli, no_parsing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsxsafe, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    rewrite(form, "docProps/app.xml", lambda data: data + b" " * (2 * 1024 * 1024))
    assert form.stat().st_size < 200_000  # small on disk, large once inflated
    result = cli("import", folder, form)
    assert result.code == 1 and "refusing a zip bomb" in result.err


def test_a_file_that_is_not_a_workbook_is_refused(folder: Path, tmp_path: Path, cli) -> None:
    fake = tmp_path / "form.xlsx"
    fake.write_text("name,answer\nJane,3\n")
    result = cli("import", folder, fake)
    assert result.code == 1 and "is not an .xlsx workbook" in result.err
