"""The pack format's measured questions, checklist caps, core sets, standards and owners."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from assessment.engagement.open import open_engagement
from assessment.errors import InvalidInput
from assessment.pack.load import load_pack
from tests.conftest import MEASURED_PACK, interview, write_engagement


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(MEASURED_PACK, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


def test_the_measured_pack_is_valid_and_keeps_every_new_field(cli) -> None:
    assert cli("validate", MEASURED_PACK).code == 0
    pack = load_pack(MEASURED_PACK)
    cfr = pack.question("MP-TEC-CFR")
    assert cfr.derive is not None and cfr.derive.ratio == ("MP-TEC-FAILED", "MP-TEC-DEPLOYS")
    assert not cfr.asked and cfr.scored
    assert not pack.question("MP-TEC-EMERGENCY").scored  # no bands: a baseline only
    plan = pack.question("MP-PRO-01")
    assert plan.probe.startswith("Ask for the plan") and plan.help.startswith("Think of")
    assert plan.is_core_for("lead") and not plan.is_core_for("engineer")
    assert pack.question("MP-PRO-02").is_core_for("engineer")  # no `core`: core for its roles
    assert plan.standards.named()[1] == ("iso20000", "8.5.3")
    assert pack.question("MP-ORG-01").desired_state
    rec = next(r for r in pack.recommendations if r.id == "REC-REVIEW")
    assert (rec.owner, rec.success_measure) == (
        "sponsor",
        "Four quarterly reviews held with figures.",
    )
    assert pack.info.weighting.startswith("Core controls weigh 3")


@pytest.mark.parametrize(
    ("value", "level"),
    [(0.5, 0), (1, 2), (2.9, 2), (3, 3), (12, 4), (89, 4), (90, 5), (5000, 5)],
)
def test_higher_is_better_bands_give_the_highest_level_reached(value: float, level: int) -> None:
    # bands {5: 90, 4: 12, 3: 3, 2: 1}: level 1 is not listed, so below 1 scores 0
    assert load_pack(MEASURED_PACK).question("MP-TEC-DEPLOYS").band_level(value) == level


@pytest.mark.parametrize(("value", "level"), [(0, 5), (5, 5), (5.1, 4), (15, 3), (30, 2), (31, 0)])
def test_lower_is_better_bands_give_the_highest_level_reached(value: float, level: int) -> None:
    # bands {5: 5, 4: 10, 3: 15, 2: 30}
    assert load_pack(MEASURED_PACK).question("MP-TEC-CFR").band_level(value) == level


def test_a_cap_applies_until_every_listed_option_is_ticked() -> None:
    checks = load_pack(MEASURED_PACK).question("MP-PRO-02")
    assert checks.capped(["documented", "tested", "measured"]) == 2
    assert checks.capped(["measured", "reviewed"]) is None


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "questions/technology.yaml",
            "bands: {5: 90, 4: 12, 3: 3, 2: 1}",
            "bands: {5: 90, 4: 2, 3: 3, 2: 1}",
            "technology.yaml:13: MP-TEC-DEPLOYS.bands: bands out of order for better: higher: "
            "level 4 needs a threshold above level 3's (2 vs 3)",
        ),
        (
            "questions/technology.yaml",
            "bands: {5: 5, 4: 10, 3: 15, 2: 30}",
            "bands: {5: 5, 4: 20, 3: 15, 2: 30}",
            "technology.yaml:32: MP-TEC-CFR.bands: bands out of order for better: lower: "
            "level 4 needs a threshold below level 3's (20 vs 15)",
        ),
        (
            "questions/technology.yaml",
            "ratio: [MP-TEC-FAILED, MP-TEC-DEPLOYS]",
            "ratio: [MP-TEC-FALED, MP-TEC-DEPLOYS]",
            "technology.yaml:30: MP-TEC-CFR.derive: no such question",
        ),
        (
            "questions/technology.yaml",
            "ratio: [MP-TEC-FAILED, MP-TEC-DEPLOYS]",
            "ratio: [MP-TEC-FAILED, MP-PRO-01]",
            "technology.yaml:30: MP-TEC-CFR.derive: MP-PRO-01 is a scale question; "
            "a ratio needs two metric questions",
        ),
        (
            "recommendations.yaml",
            "owner: sponsor",
            "owner: chief-executive",
            "recommendations.yaml:50: REC-REVIEW.owner: unknown role 'chief-executive'",
        ),
        (
            "questions/process.yaml",
            "cap: {level: 2, unless: [measured, reviewed]}",
            "cap: {level: 2, unless: [measured, audited]}",
            "process.yaml:32: MP-PRO-02.cap: option 'audited' not in",
        ),
        (
            "questions/process.yaml",
            "    core: [lead]\n",
            "    core: [sponsor]\n",
            "process.yaml:5: MP-PRO-01.core: role 'sponsor' is not in the question's "
            "`interviewees`",
        ),
        (
            "questions/technology.yaml",
            "kpi: KPI-EMERGENCY",
            "kpi: KPI-URGENT",
            "technology.yaml:44: MP-TEC-EMERGENCY.kpi: 'KPI-URGENT' is not a kpi id",
        ),
        (
            "questions/technology.yaml",
            "    range: [0, 100]\n",
            "",
            "technology.yaml:35: MP-TEC-EMERGENCY: an asked metric needs `range: [lowest, highest]",
        ),
        (
            "questions/technology.yaml",
            "range: [0, 100]",
            "range: [100, 0]",
            "technology.yaml:42: MP-TEC-EMERGENCY.range: `range` is [lowest, highest]",
        ),
        (
            "questions/process.yaml",
            "    type: multi\n",
            "    type: multi\n    unit: checks\n",
            "process.yaml:21: MP-PRO-02: only a metric question takes unit",
        ),
        (
            "questions/organization.yaml",
            "  - id: MP-ORG-02\n",
            "  - id: MP-ORG-02\n    desired_state: true\n",
            "organization.yaml:11: MP-ORG-02: `desired_state: true` belongs on a text question",
        ),
        (
            "questions/technology.yaml",
            "    probe: Ask for the pipeline dashboard or the change records.\n",
            "    probe: Ask for the pipeline dashboard.\n    standards: {itil: x}\n",
            "technology.yaml:9: MP-TEC-DEPLOYS.standards.itil: unknown key; did you mean `itil4`?",
        ),
    ],
)
def test_wrong_new_fields_are_reported_with_file_and_line(
    pack: Path, file: str, old: str, new: str, expected: str
) -> None:
    edit(pack / file, old, new)
    found = problems_of(pack)
    assert any(expected in p for p in found), found


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def measured_interview(tmp_path: Path, name: str, role: str, **answers: Any) -> Path:
    """An engagement of the measured pack with one interview, saved as `name` in lower case."""
    respondent = interview(name, role, **answers)
    return write_engagement(
        tmp_path / "eng", {"pack": str(MEASURED_PACK)}, {name.lower(): respondent}
    )


def engagement_problems(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        open_engagement(folder)
    return [str(p) for p in caught.value.problems]


def test_metric_answers_are_checked_against_their_question(tmp_path: Path) -> None:
    folder = measured_interview(
        tmp_path,
        "Ana",
        "Process lead",
        MP_TEC_DEPLOYS={"value": 12, "note": "from the pipeline dashboard"},
        MP_TEC_FAILED={"value": "unknown"},
        MP_TEC_EMERGENCY={"value": 140},
        MP_TEC_CFR={"value": 10},
        MP_PRO_01={"value": 3},
    )
    found = engagement_problems(folder)
    ana = folder / "interviews" / "ana.yaml"
    expected = [
        f"{ana}:{line_of(ana, 'value: 140')}: MP-TEC-EMERGENCY: value 140 is outside "
        "the plausible range 0..100 %; check the figure or answer `unknown`",
        f"{ana}:{line_of(ana, 'MP-TEC-CFR')}: MP-TEC-CFR: is derived "
        "(MP-TEC-FAILED ÷ MP-TEC-DEPLOYS), never answered",
        f"{ana}:{line_of(ana, 'value: 3')}: MP-PRO-01: a scale question takes no `value`",
    ]
    for want in expected:
        assert any(p.startswith(want) for p in found), (want, found)
    assert len(found) == len(expected)


def test_a_metric_value_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    folder = measured_interview(tmp_path, "Ben", "Engineer", MP_TEC_DEPLOYS={"value": "lots"})
    ben = folder / "interviews" / "ben.yaml"
    assert engagement_problems(folder) == [
        f"{ben}:{line_of(ben, 'value: lots')}: answers.MP-TEC-DEPLOYS.value: "
        "value must be a number or `unknown` (got 'lots')"
    ]


def test_measured_and_unknown_values_are_read(tmp_path: Path) -> None:
    folder = measured_interview(
        tmp_path,
        "Ana",
        "Process lead",
        MP_TEC_DEPLOYS={"value": "12.5", "note": "from the pipeline dashboard"},
        MP_TEC_FAILED={"value": "unknown"},
    )
    answers = open_engagement(folder).interviews["ana"].answers
    assert answers["MP-TEC-DEPLOYS"].measured == 12.5
    assert answers["MP-TEC-FAILED"].measured is None
    assert answers["MP-TEC-FAILED"].not_scored == "unknown"
