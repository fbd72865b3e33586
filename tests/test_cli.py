"""The command line on bad input: one clear line per problem, exit 1, nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_PACK, interview, snapshot, write_engagement


def fails_cleanly(result, *fragments: str) -> None:
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in result.err, result.err
    for line in result.err.strip().splitlines():
        assert line.startswith("error: ")


def test_missing_engagement_file(cli, tmp_path: Path) -> None:
    (tmp_path / "e").mkdir()
    result = cli("score", tmp_path / "e")
    fails_cleanly(result, "engagement.yaml: missing", "assess init")


def test_unknown_pack_names_the_line_and_the_choices(cli, tmp_path: Path) -> None:
    folder = write_engagement(tmp_path / "e", {"pack": "nonesuch"})
    before = snapshot(folder)
    result = cli("generate", folder, "--out", tmp_path / "out")
    fails_cleanly(result, "engagement.yaml:2: pack: unknown pack 'nonesuch'")
    assert snapshot(folder) == before and not (tmp_path / "out").exists()


def test_malformed_engagement_yaml(cli, tmp_path: Path) -> None:
    folder = tmp_path / "e"
    folder.mkdir()
    (folder / "engagement.yaml").write_text("customer: [Acme\n")
    fails_cleanly(cli("score", folder), "engagement.yaml:", "malformed YAML")


def test_a_level_of_seven_is_refused_with_the_allowed_values(cli, tmp_path: Path) -> None:
    folder = write_engagement(tmp_path / "e", {}, {"a": interview("A", "manager", SP_PEO_01=7)})
    before = snapshot(folder)
    for command in ("validate", "score", "generate"):
        result = (
            cli(command, folder)
            if command != "generate"
            else cli(command, folder, "--out", tmp_path / "out")
        )
        fails_cleanly(
            result,
            "interviews/a.yaml:6: answers.SP-PEO-01.level:",
            "0..5, `na` or `unknown`",
            "(got '7')",
        )
    assert snapshot(folder) == before and not (tmp_path / "out").exists()


def test_unknown_question_and_option_ids_are_named(cli, tmp_path: Path) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {"ratings": {"XX-01": {"level": 2, "rationale": "r"}}},
        {
            "a": interview(
                "A", "engineer", SP_NOPE_01=2, SP_PRO_02={"selected": ["review", "magic"]}
            ),
        },
    )
    result = cli("validate", folder)
    fails_cleanly(
        result,
        "engagement.yaml:",
        "XX-01: unknown question id",
        "a.yaml:5: SP-NOPE-01: unknown question id",
        "unknown option 'magic'; allowed: review, test, sign-off",
    )


def test_a_customer_name_like_a_path_stays_inside_outputs(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = write_engagement(
        tmp_path / "e", {"customer": "../../x"}, {"a": interview("A", "manager", SP_PEO_01=2)}
    )
    result = cli("generate", folder, "--only", "scores")
    assert result.code == 0, result.err
    assert (tmp_path / "outputs" / "x" / "scores.xlsx").is_file()


def test_init_with_an_unknown_pack_creates_nothing(cli, tmp_path: Path) -> None:
    result = cli("init", tmp_path / "new", "--customer", "Acme", "--pack", "nonesuch")
    fails_cleanly(result, "unknown pack 'nonesuch'")
    assert not (tmp_path / "new").exists()


def test_init_then_validate(cli, tmp_path: Path) -> None:
    result = cli("init", tmp_path / "new", "--customer", "Acme & Sons <Ltd>", "--pack", SAMPLE_PACK)
    assert result.code == 0, result.err
    assert "valid: 0 interviews" in cli("validate", tmp_path / "new").out


def test_validate_something_else(cli, tmp_path: Path) -> None:
    fails_cleanly(cli("validate", tmp_path), "neither a pack", "nor an engagement")


def test_usage_errors_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assessment.cli", "score"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("deliverable", ["nonesuch"])
def test_unknown_deliverable(cli, small: Path, tmp_path: Path, deliverable: str) -> None:
    fails_cleanly(
        cli("generate", small, "--out", tmp_path / "o", "--only", deliverable),
        "unknown deliverable nonesuch",
    )


def test_score_table_treats_customer_text_as_text(cli, tmp_path: Path, capsys) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {"customer": "[bold]Acme[/] [/x]"},
        {
            "a": interview("[red]A", "[/]manager", SP_PEO_01=1),
            "b": interview("B", "engineer", SP_PEO_01=4),
        },
    )
    result = cli("score", folder)
    assert result.code == 0, result.err
    assert "[bold]Acme[/] [/x]" in result.out
    assert "[/]manager 1.00" in result.out


def test_an_engagement_without_a_pack_is_refused_with_the_fix(cli, tmp_path: Path) -> None:
    folder = tmp_path / "e"
    (folder / "interviews").mkdir(parents=True)
    (folder / "engagement.yaml").write_text("customer: Acme\n")
    fails_cleanly(cli("score", folder), "engagement.yaml:1: pack: is required")


def test_demo_names_the_examples_when_asked_for_one_that_does_not_exist(cli) -> None:
    fails_cleanly(cli("demo", "--example", "nope"), "no example 'nope'", "northwind-release")
