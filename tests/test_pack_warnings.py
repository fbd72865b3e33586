"""`assess validate` warns about mistakes that load but spoil documents; `--strict` fails on them.

Each test copies a built-in pack, makes one deliberate mistake and expects exactly one warning
at the file and line of the mistake: exit 0 without `--strict`, exit 1 with it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessment.pack.load import load_pack
from tests.conftest import ROOT

PACKS = ROOT / "questionnaires"


def copy_pack(tmp_path: Path, name: str = "release_management") -> Path:
    target = tmp_path / name
    shutil.copytree(PACKS / name, target)
    return target


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in `path`; the line (1-based) where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def replace_section(path: Path, key: str, next_key: str, new: str = "") -> int:
    """Replace the top-level `key:` up to `next_key:` with `new`; the line where `key:` stood."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n{key}:")
    end = text.index(f"\n{next_key}:")
    path.write_text(text[:start] + new + text[end:], encoding="utf-8")
    return text[: start + 1].count("\n") + 1


def insert_after(path: Path, line: str, new: str) -> int:
    """Insert the line `new` after the one line equal to `line`; the inserted line's number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    where = [i for i, text in enumerate(lines) if text.rstrip("\n") == line]
    assert len(where) == 1, f"{line!r} is on lines {where} of {path}"
    lines.insert(where[0] + 1, new + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return where[0] + 2


def expect_one_warning(cli, pack: Path, starts: str, says: str) -> None:
    """Exactly one warning, at `starts`, saying `says`; exit 0, and 1 with --strict."""
    relaxed = cli("validate", pack)
    assert relaxed.code == 0, relaxed.err
    assert "1 warning" in relaxed.out
    warnings = relaxed.err.strip().splitlines()
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{starts}: warning: "), warnings[0]
    assert says in warnings[0], warnings[0]
    strict = cli("validate", pack, "--strict")
    assert strict.code == 1
    assert strict.err.strip().splitlines() == warnings


@pytest.mark.parametrize("name", ["release_management", "change_enablement"])
def test_the_built_in_packs_have_no_warnings(cli, name: str) -> None:
    result = cli("validate", PACKS / name, "--strict")
    assert result.code == 0, result.err
    assert result.err == ""


def test_a_missing_guide_section_is_reported_at_the_knowledge_folder(cli, tmp_path: Path) -> None:
    pack = copy_pack(tmp_path)
    replace_section(pack / "knowledge" / "vision.yaml", "mission", "goal")
    expect_one_warning(cli, pack, f"{pack}/knowledge", "mission: is missing")


def test_an_empty_guide_section_is_reported_at_its_line(cli, tmp_path: Path) -> None:
    pack = copy_pack(tmp_path)
    appendices = pack / "knowledge" / "appendices.yaml"
    empty = "\nreporting_templates: []"
    line = replace_section(appendices, "reporting_templates", "form_templates", empty)
    expect_one_warning(cli, pack, f"{appendices}:{line}", "reporting_templates: is empty")


def test_a_pack_without_knowledge_warns_once(cli, tmp_path: Path) -> None:
    made = cli("pack", "new", tmp_path / "incident_management")
    assert made.code == 0, made.err
    pack = tmp_path / "incident_management"
    shutil.rmtree(pack / "knowledge")
    expect_one_warning(cli, pack, f"{pack}/knowledge", "no process knowledge")


@pytest.mark.parametrize(
    ("file", "old", "new", "offset", "says"),
    [
        pytest.param(
            "knowledge/tools.yaml",
            "    question: RM-TEC-20\n",
            "    question: RM-PRO-01\n",
            0,
            "distribution-lists.question: `question` RM-PRO-01 is a scale",
            id="a-tool-type-linked-to-a-scale-question",
        ),
        pytest.param(
            "knowledge/resources.yaml",
            "questions: [RM-PEO-01, RM-PEO-13, RM-PEO-17]",
            "questions: [RM-PEO-01, RM-PEO-13, RM-PEO-17, RM-TEC-20]",
            0,
            "organization.questions: RM-TEC-20 is an unscored text",
            id="a-skill-linked-to-a-text-question",
        ),
        pytest.param(
            "knowledge/vision.yaml",
            "  Implement changes to the services {organisation} runs",
            "  Implement changes to the services {organization} runs",
            -1,  # reported at `mission:`, the line above the text
            "mission: unknown placeholder",
            id="an-unknown-placeholder",
        ),
    ],
)
def test_a_changed_line_warns_at_its_line(
    cli, tmp_path: Path, file: str, old: str, new: str, offset: int, says: str
) -> None:
    pack = copy_pack(tmp_path)
    line = replace_once(pack / file, old, new)
    expect_one_warning(cli, pack, f"{pack / file}:{line + offset}", says)


@pytest.mark.parametrize(
    ("file", "after", "new", "says"),
    [
        pytest.param(
            "knowledge/resources.yaml",
            "skills:",
            "  - {id: juggling, name: Juggling}",
            "juggling: no process role needs",
            id="a-skill-no-role-needs",
        ),
        pytest.param(
            "knowledge/workflow.yaml",
            "activities:",
            "  - {id: idle, name: Wait and see}",
            "idle: no workflow step",
            id="an-activity-nothing-names",
        ),
        pytest.param(
            "pack.yaml",
            "interviewees:",
            "  - {id: astronaut, name: Astronaut}",
            "astronaut: no question lists",
            id="an-interviewee-role-no-question-is-asked-of",
        ),
    ],
)
def test_an_added_item_nothing_uses_warns_at_its_line(
    cli, tmp_path: Path, file: str, after: str, new: str, says: str
) -> None:
    pack = copy_pack(tmp_path)
    line = insert_after(pack / file, after, new)
    expect_one_warning(cli, pack, f"{pack / file}:{line}", says)


def test_warnings_follow_the_errors(cli, tmp_path: Path) -> None:
    pack = copy_pack(tmp_path)
    resources = pack / "knowledge" / "resources.yaml"
    line = insert_after(resources, "skills:", "  - {id: juggling, name: Juggling}")
    integration = pack / "questions" / "integration.yaml"
    replace_once(integration, "    text: How are releases planned outside", "    txet: How are")
    result = cli("validate", pack)
    assert result.code == 1
    *errors, last = result.err.strip().splitlines()
    assert errors and all(e.startswith(f"error: {integration}:") for e in errors), errors
    assert last.startswith(f"{resources}:{line}: warning: juggling: "), last


def test_activities_are_not_called_unused_while_no_workflow_or_sipoc_is_written(
    cli, tmp_path: Path
) -> None:
    assert cli("pack", "new", tmp_path / "incident_management").code == 0
    result = cli("validate", tmp_path / "incident_management")
    assert result.code == 0
    warned = [line.split(": warning: ")[1].split(":")[0] for line in result.err.splitlines()]
    assert "workflow" in warned and "sipoc" in warned
    activities = {a.id for a in load_pack(tmp_path / "incident_management").knowledge.activities}
    assert activities and not activities & set(warned), warned
