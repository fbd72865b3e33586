"""Pack loading: every problem at once, each as file:line: item: message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessment.errors import InvalidInput
from assessment.pack.load import load_pack
from tests.conftest import FIXTURES, ROOT, SAMPLE_PACK


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, target)
    return target


def test_the_sample_pack_is_valid(cli) -> None:
    result = cli("validate", SAMPLE_PACK)
    assert result.code == 0
    assert "6 questions, 4 recommendations" in result.out


def test_five_mistakes_are_all_reported_with_file_and_line(cli) -> None:
    result = cli("validate", FIXTURES / "packs" / "five_mistakes")
    assert result.code == 1
    lines = [line for line in result.err.strip().splitlines() if line.startswith("error: ")]
    expected = [
        ("questions/people.yaml:4: FM-01.wieght:", "did you mean `weight`"),
        ("questions/people.yaml:15: FM-02.weight:", "'heavy'"),
        ("questions/people.yaml:33: FM-03.levels.7:", "less than or equal to 5"),
        ("questions/people.yaml:34: FM-02:", "duplicate id"),
        ("recommendations.yaml:5: REC-X.triggers.FM-99:", "no such question"),
    ]
    assert len(lines) == len(expected)
    for line, (where, what) in zip(lines, expected, strict=True):
        assert where in line and what in line, line
    assert "Traceback" not in result.err


def test_unknown_references_are_named(pack: Path) -> None:
    text = (pack / "questions" / "technology.yaml").read_text()
    text = text.replace("interviewees: [engineer]", "interviewees: [engineer, astronaut]")
    text = text.replace("perspective: technology", "perspective: magic")
    (pack / "questions" / "technology.yaml").write_text(text)
    recs = (
        (pack / "recommendations.yaml")
        .read_text()
        .replace("phase: implementation", "phase: someday")
    )
    (pack / "recommendations.yaml").write_text(recs)
    found = "\n".join(problems_of(pack))
    assert "technology.yaml:3: SP-TEC-01.perspective: unknown perspective 'magic'" in found
    assert "technology.yaml:5: SP-TEC-01.interviewees: unknown role 'astronaut'" in found
    assert "REC-AUTOMATE.phase: unknown phase 'someday'" in found


def test_dependency_cycles_are_refused(pack: Path) -> None:
    recs = (pack / "recommendations.yaml").read_text()
    recs = recs.replace(
        "    initial_win: true\n", "    initial_win: true\n    depends_on: [REC-AUTOMATE]\n"
    )
    (pack / "recommendations.yaml").write_text(recs)
    found = "\n".join(problems_of(pack))
    assert "dependency cycle" in found


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("ask_when: {SP-PRO-01: sometimes}", "condition 'sometimes' not understood"),
        ("ask_when: {SP-PRO-02: includes nothing}", "option 'nothing' not in"),
        ("ask_when: {SP-TEC-01: at least 1}", "cannot depend on itself"),
    ],
)
def test_bad_skip_logic_is_explained(pack: Path, snippet: str, message: str) -> None:
    path = pack / "questions" / "technology.yaml"
    path.write_text(path.read_text().replace("ask_when: {SP-PRO-01: at least 1}", snippet))
    assert any(message in p for p in problems_of(pack))


def test_scale_questions_need_all_six_levels(pack: Path) -> None:
    path = pack / "questions" / "technology.yaml"
    path.write_text(
        path.read_text().replace("      5: Automation is extended from the measures.\n", "")
    )
    assert any("needs levels 0..5; missing [5]" in p for p in problems_of(pack))


def test_python_tags_are_rejected_and_never_run(pack: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = pack / "questions" / "people.yaml"
    path.write_text(
        path.read_text().replace(
            "text: How are people trained for the process?",
            f"text: !!python/object/apply:os.system ['touch {marker}']",
        )
    )
    found = problems_of(pack)
    assert any("people.yaml:6:" in p and "tags" in p for p in found)
    assert not marker.exists()


def test_knowledge_sections_may_not_repeat_across_files(pack: Path) -> None:
    (pack / "knowledge").mkdir(exist_ok=True)
    (pack / "knowledge" / "a.yaml").write_text("mission: one\n")
    (pack / "knowledge" / "b.yaml").write_text("mission: two\n")
    found = "\n".join(problems_of(pack))
    assert "knowledge/b.yaml:1: mission: section already defined in" in found


def test_template_syntax_in_pack_text_stays_literal(pack: Path) -> None:
    path = pack / "questions" / "people.yaml"
    path.write_text(
        path.read_text().replace(
            "How are people trained for the process?", "\"{{ ''.__class__ }} {% for x in y %}\""
        )
    )
    loaded = load_pack(pack)
    assert loaded.question("SP-PEO-01").text == "{{ ''.__class__ }} {% for x in y %}"


def test_fingerprint_changes_when_the_pack_changes(pack: Path) -> None:
    before = load_pack(pack).fingerprint
    path = pack / "questions" / "people.yaml"
    path.write_text(path.read_text().replace("Nobody is trained.", "No one is trained."))
    assert load_pack(pack).fingerprint != before


# --- one mistake, one line: problems are checked against the whole merged pack ---------------


def _copy_pack(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def _errors(cli, pack: Path) -> list[str]:
    result = cli("validate", pack)
    assert result.code == 1 and "Traceback" not in result.err
    return result.err.strip().splitlines()


def test_one_knowledge_typo_is_one_problem_on_its_own_line(cli, tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path, ROOT / "questionnaires" / "release_management")
    vision = pack / "knowledge" / "vision.yaml"
    lines = vision.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("principles:"))
    lines[line - 1] = lines[line - 1].replace("principles:", "principals:")
    vision.write_text("".join(lines), encoding="utf-8")
    assert _errors(cli, pack) == [
        f"error: {vision}:{line}: principals: unknown key; did you mean `principles`?"
    ]


def test_each_dangling_knowledge_reference_is_its_own_line(cli, tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path, SAMPLE_PACK)
    resources = pack / "knowledge" / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    text = text.replace("{skill: planning, level: 3}", "{skill: planing, level: 3}")
    text = text.replace("{skill: planning, level: 1}", "{skill: plannin, level: 1}")
    resources.write_text(text, encoding="utf-8")
    errors = _errors(cli, pack)
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"error: {resources}:") and "unknown skill 'planing'" in errors[0]
    assert "unknown skill 'plannin'" in errors[1] and ";" not in errors[1]
    assert errors[0].split(":")[2] != errors[1].split(":")[2]  # each on its own line


def test_an_invalid_question_is_reported_once_not_again_by_its_triggers(
    cli, tmp_path: Path
) -> None:
    pack = _copy_pack(tmp_path, SAMPLE_PACK)
    process = pack / "questions" / "process.yaml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("text: How is the work planned?", "txet: x"),
        encoding="utf-8",
    )
    errors = _errors(cli, pack)
    assert not [e for e in errors if "no such question" in e], errors
    assert any("SP-PRO-01.txet" in e for e in errors), errors


def test_broken_knowledge_does_not_hide_the_other_problems(cli, tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path, SAMPLE_PACK)
    (pack / "knowledge" / "vision.yaml").write_text("mision: typo\n", encoding="utf-8")
    process = pack / "questions" / "process.yaml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("perspective: process", "perspective: proces"),
        encoding="utf-8",
    )
    errors = _errors(cli, pack)
    assert any("vision.yaml:1: mision" in e for e in errors), errors
    assert any("unknown perspective 'proces'" in e for e in errors), errors
