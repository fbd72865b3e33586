"""Writing a pack without reading Python: a new pack that works at once, a schema for editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from assessment.files.atomic import MANIFEST
from assessment.files.yamlfile import dump_yaml
from tests.conftest import ROOT


def test_a_new_pack_validates_and_generates_every_deliverable_with_no_edits(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    made = cli("pack", "new", "incident_management")
    assert made.code == 0, made.err
    assert "pack incident_management 0.1.0 is valid" in cli("validate", "incident_management").out
    assert cli("init", "e", "--customer", "Contoso", "--pack", "incident_management").code == 0
    answers = {"IM-PEO-01": 1, "IM-PRO-01": 2, "IM-TEC-01": 2, "IM-ORG-01": 1, "IM-INT-01": 2}
    for name, role in (("Ann Lee", "process-owner"), ("Bo Chen", "practitioner")):
        interview = {
            "respondent": {"name": name, "role": role},
            "answers": {qid: {"level": level} for qid, level in answers.items()},
        }
        (tmp_path / "e" / "interviews" / f"{name.split()[0].lower()}.yaml").write_text(
            dump_yaml(interview), encoding="utf-8"
        )
    generated = cli("generate", "e", "--out", "out")
    assert generated.code == 0, generated.err
    written = [p.name for p in (tmp_path / "out").iterdir() if p.name != MANIFEST]
    assert len(written) == 10  # every deliverable, the process guide PDF included
    document = json.loads(cli("score", "e", "--json").out)
    assert len(document["recommendations"]) == 4


def test_a_new_pack_never_overwrites_a_folder(cli, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    result = cli("pack", "new", tmp_path / "mine")
    assert result.code == 1 and "is not empty; choose a new folder" in result.err
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_every_file_of_the_built_in_packs_fits_the_printed_schema(cli) -> None:
    printed = cli("pack", "schema")
    assert printed.code == 0
    validator = jsonschema.Draft202012Validator(json.loads(printed.out))
    files = sorted((ROOT / "questionnaires").glob("*/**/*.yaml"))
    assert files
    for path in files:  # read as an editor's YAML plugin reads it (numbers as numbers)
        error = jsonschema.exceptions.best_match(
            validator.iter_errors(yaml.safe_load(path.read_text()))
        )
        assert error is None, f"{path}: {error.json_path}: {error.message[:300]}"


def test_the_schema_catches_a_misspelt_key(cli) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(cli("pack", "schema").out))
    question = {"id": "X-1", "perspective": "people", "type": "text", "text": "Who owns it?"}
    assert validator.is_valid({"questions": [question]})
    wrong = {"questions": [{**question, "wieght": 2}]}
    assert "wieght" in str(jsonschema.exceptions.best_match(validator.iter_errors(wrong)))
