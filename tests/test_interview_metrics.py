"""Core and extended interviews, metric questions, probe versus help, and metric form cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from assessment.engagement.model import Answer
from assessment.interview import flow
from assessment.pack.load import load_pack
from assessment.pack.model import Pack
from tests.conftest import MEASURED_PACK, drive_interview, write_engagement

ANA = {"respondent": "Ana Lima", "role": "lead"}


pytestmark = pytest.mark.usefixtures("wide_terminal")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MEASURED_PACK)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An engagement of the measured pack (in place of the sample pack's)."""
    return write_engagement(tmp_path / "eng", {"customer": "Acme", "pack": str(MEASURED_PACK)})


def drive(folder: Path, keys: str, **options: Any) -> str:
    """Run an interview on `keys` (the input then ends); returns what was shown."""
    return drive_interview(folder, keys, **options)[1]


def saved(folder: Path, name: str = "ana-lima") -> dict[str, Any]:
    return yaml.safe_load((folder / "interviews" / f"{name}.yaml").read_text())["answers"]


def shown(out: str) -> list[str]:
    return [line.split()[-1] for line in out.splitlines() if line.startswith("──")]


@pytest.mark.parametrize(
    ("role", "extended", "expected"),
    [
        ("lead", False, ["MP-PRO-01", "MP-TEC-DEPLOYS", "MP-TEC-FAILED", "MP-TEC-EMERGENCY"]),
        (
            "lead",
            True,
            [
                "MP-PRO-01",
                "MP-TEC-DEPLOYS",
                "MP-TEC-FAILED",
                "MP-TEC-EMERGENCY",
                "MP-ORG-01",
                "MP-ORG-02",
            ],
        ),
        ("engineer", False, ["MP-PRO-02", "MP-TEC-DEPLOYS", "MP-TEC-FAILED"]),
        ("engineer", True, ["MP-PRO-01", "MP-PRO-02", "MP-TEC-DEPLOYS", "MP-TEC-FAILED"]),
        ("sponsor", False, ["MP-ORG-01", "MP-ORG-02"]),
    ],
)
def test_a_role_gets_its_core_questions_and_extended_adds_the_rest(
    pack: Pack, role: str, extended: bool, expected: list[str]
) -> None:
    # the derived change failure rate (MP-TEC-CFR) is never offered: it is computed
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, role), extended=extended)
    assert [q.id for q in plan.questions] == expected


@pytest.mark.parametrize(
    ("qid", "typed", "expected"),
    [
        ("MP-TEC-DEPLOYS", "12", Answer(value=12)),
        ("MP-TEC-DEPLOYS", " 1 200 ", Answer(value=1200)),
        ("MP-TEC-DEPLOYS", "unknown", Answer(value="unknown")),
        (
            "MP-TEC-DEPLOYS",
            "lots",
            "'lots' is not a number; type the number of deployments per "
            "quarter (0–10000), or `unknown` if it is not measured",
        ),
        (
            "MP-TEC-EMERGENCY",
            "140",
            "140 is outside the plausible range; type the number of % per "
            "month (0–100), or `unknown` if it is not measured",
        ),
    ],
)
def test_a_typed_measure_is_a_number_in_range_or_unknown(
    pack: Pack, qid: str, typed: str, expected: Answer | str
) -> None:
    assert flow.measure_answer(pack.question(qid), typed) == expected


def test_metric_questions_are_asked_as_numbers_with_unit_and_period(folder: Path) -> None:
    keys = "\r"  # unit
    keys += "2\r\r"  # MP-PRO-01: level 2, no note
    keys += "lots\r" + "12\r" + "pipeline dashboard\r"  # deployments: refused, then 12
    keys += "\r" + "d\r" + "\r"  # failed deployments: nothing typed → menu → don't know
    keys += "140\r" + "22\r" + "\r"  # emergency share: out of range, then 22
    keys += "f\r"
    out = drive(folder, keys, **ANA)
    assert shown(out) == ["MP-PRO-01", "MP-TEC-DEPLOYS", "MP-TEC-FAILED", "MP-TEC-EMERGENCY"]
    assert (
        "'lots' is not a number; type the number of deployments per quarter (0–10000), or "
        "`unknown` if it is not measured" in out
    )
    assert "140 is outside the plausible range" in out
    assert "✓ saved MP-TEC-DEPLOYS: 12 deployments per quarter" in out
    assert saved(folder) == {
        "MP-PRO-01": {"level": 2},
        "MP-TEC-DEPLOYS": {"value": 12.0, "note": "pipeline dashboard"},
        "MP-TEC-FAILED": {"value": "unknown"},
        "MP-TEC-EMERGENCY": {"value": 22.0},
    }


def test_the_extended_interview_adds_the_roles_other_questions(folder: Path) -> None:
    out = drive(folder, "\r" + "q\r", **ANA, extended=True)
    assert "overall 1/6" in out


def test_the_consultant_sees_the_probe_and_the_respondent_only_the_help(folder: Path) -> None:
    consultant = drive(folder, "\rh\rq\r", **ANA)
    assert "Probe: Ask for the plan of the last release and who signed it." in consultant
    assert "Think of the last release you took part in" in consultant
    respondent = drive(folder, "\rh\rq\r", **ANA, self_service=True)
    assert "Think of the last release you took part in" in respondent
    assert "Ask for the plan" not in respondent


def test_the_form_shows_help_not_probe_and_reads_metric_cells(
    folder: Path, tmp_path: Path, cli
) -> None:
    form = tmp_path / "form.xlsx"
    assert cli("export-form", folder, "--out", form, "--role", "lead").code == 0
    book = openpyxl.load_workbook(form)
    sheet = book["Questionnaire"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=6, values_only=True) if r[1]}
    assert list(rows) == ["MP-PRO-01", "MP-TEC-DEPLOYS", "MP-TEC-FAILED", "MP-TEC-EMERGENCY"]
    assert "Type the number of deployments per quarter (0–10000)" in rows["MP-TEC-DEPLOYS"][3]
    assert all("Ask for" not in (r[3] or "") for r in rows.values())
    answers = {"MP-TEC-DEPLOYS": "12", "MP-TEC-FAILED": "Don't know", "MP-TEC-EMERGENCY": "22"}
    for row in sheet.iter_rows(min_row=6):
        if row[1].value in answers:
            row[4].value = answers[row[1].value]
    sheet["C1"] = "Ana Lima"
    book.save(form)
    result = cli("import", folder, form)
    assert result.code == 0, result.err
    assert saved(folder) == {
        "MP-TEC-DEPLOYS": {"value": 12.0},
        "MP-TEC-FAILED": {"value": "unknown"},
        "MP-TEC-EMERGENCY": {"value": 22.0},
    }


def test_a_form_metric_out_of_range_is_reported_by_row(folder: Path, tmp_path: Path, cli) -> None:
    form = tmp_path / "form.xlsx"
    cli("export-form", folder, "--out", form, "--role", "lead")
    book = openpyxl.load_workbook(form)
    sheet = book["Questionnaire"]
    row = next(r for r in sheet.iter_rows(min_row=6) if r[1].value == "MP-TEC-EMERGENCY")
    row[4].value = "140"
    sheet["C1"] = "Ana Lima"
    book.save(form)
    result = cli("import", folder, form)
    assert result.code == 1
    assert f"row {row[4].row}: MP-TEC-EMERGENCY: 140 is outside the plausible range" in result.err
    assert not (folder / "interviews" / "ana-lima.yaml").exists()
