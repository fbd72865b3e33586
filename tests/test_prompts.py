"""Interviews driven through the questionary prompter with pipe input: every flow, every escape."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from assessment.engagement.store import writer_lock
from assessment.errors import Interrupted, InvalidInput
from assessment.files.yamlfile import dump_yaml
from assessment.interview.prompts import TERMINAL_REQUIRED, QuestionaryPrompter
from assessment.interview.session import Session, run_interview
from tests.conftest import drive_interview as drive
from tests.conftest import interview, snapshot

DOWN, CTRL_C = "\x1b[B", "\x03"
JANE = {"respondent": "Jane Doe", "role": "manager"}


pytestmark = pytest.mark.usefixtures("wide_terminal")


def unchanged(folder: Path) -> dict[str, bytes]:
    """The folder's files, less the lock file any writer leaves (it holds no data)."""
    return {k: v for k, v in snapshot(folder).items() if k != ".assess.lock"}


def saved(folder: Path, name: str = "jane-doe") -> dict[str, Any]:
    return yaml.safe_load((folder / "interviews" / f"{name}.yaml").read_text())


def shown(out: str) -> list[str]:
    """The ids of the questions shown, in order (from their header lines)."""
    return [line.split()[-1] for line in out.splitlines() if line.startswith("──")]


def answer(level: int | str, note: str = "") -> str:
    return f"{level}\r{note}\r"


def test_answers_and_notes_are_saved_as_given(folder: Path) -> None:
    result, out = drive(folder, "IT Ops\r" + answer(2, "training log") + answer(3) + "q\r", **JANE)
    data = saved(folder)
    assert len(data["respondent"].pop("id")) == 16  # a stable respondent id is stored
    assert data["respondent"] == {"name": "Jane Doe", "role": "Manager", "unit": "IT Ops"}
    assert data["answers"] == {
        "SP-PEO-01": {"level": 2, "note": "training log"},
        "SP-PEO-02": {"level": 3},
    }
    assert data["pack_fingerprint"]
    assert "✓ saved SP-PEO-01: 2 Repeatable" in out
    assert "People 1/2 · overall 1/4" in out
    assert result.startswith("2 answers saved for Jane Doe")


def test_help_is_shown_on_request(folder: Path) -> None:
    _, out = drive(folder, "\rh\r" + answer(1) + "q\r", **JANE)
    assert "Ask for the training records." in out
    assert saved(folder)["answers"] == {"SP-PEO-01": {"level": 1}}


def test_not_applicable_and_dont_know(folder: Path) -> None:
    drive(folder, "\r" + answer("n") + answer("d") + "q\r", **JANE)
    assert saved(folder)["answers"] == {
        "SP-PEO-01": {"level": "na"},
        "SP-PEO-02": {"level": "unknown"},
    }


def test_back_changes_an_earlier_answer_and_returns(folder: Path) -> None:
    _, out = drive(folder, "\r" + answer(2, "old") + "b\r" + "4\r\r" + "q\r", **JANE)
    assert "saved answer: 2 Repeatable" in out
    assert saved(folder)["answers"] == {"SP-PEO-01": {"level": 4, "note": "old"}}
    assert shown(out) == ["SP-PEO-01", "SP-PEO-02", "SP-PEO-01", "SP-PEO-02"]


def test_back_at_the_first_question_says_so(folder: Path) -> None:
    _, out = drive(folder, "\rb\rq\r", **JANE)
    assert "This is the first question." in out


def test_skipped_questions_are_offered_again_at_the_end(folder: Path) -> None:
    keys = "\r" + "s\r" + answer(2) + answer(3) + "Ann Lee\r\r"  # skip 1, answer 2-4 (4 is text)
    keys += "s\r" + answer(1) + "f\r"  # the end menu: answer the skipped one, then finish
    result, out = drive(folder, keys, **JANE)
    assert "3 of 4 questions answered; 1 skipped." in out
    assert "All 4 questions answered." in out
    assert saved(folder)["answers"]["SP-PEO-01"] == {"level": 1}
    assert saved(folder)["answers"]["SP-PRO-03"] == {"text": "Ann Lee"}
    assert result.startswith("4 answers saved")


def test_stop_then_resume_at_the_first_unanswered_question(folder: Path) -> None:
    drive(folder, "\r" + answer(2) + answer(3) + "q\r", **JANE)
    _, out = drive(folder, answer(4) + "\rq\r", respondent="Jane Doe")  # PRO-03 is text
    assert shown(out) == ["SP-PRO-01", "SP-PRO-03"]
    assert saved(folder)["answers"] == {
        "SP-PEO-01": {"level": 2},
        "SP-PEO-02": {"level": 3},
        "SP-PRO-01": {"level": 4},
    }


def test_resume_picks_the_respondent_from_existing_interviews(folder: Path) -> None:
    drive(folder, "\r" + answer(2) + "q\r", **JANE)
    _, out = drive(folder, "\r" + answer(3) + "q\r")  # Enter on "Resume Jane Doe (Manager)"
    assert "Resume Jane Doe (Manager) — 1 answers saved" in out
    assert saved(folder)["answers"]["SP-PEO-02"] == {"level": 3}


def test_a_new_respondent_is_asked_name_role_and_unit(folder: Path) -> None:
    drive(folder, "Bo Chen\r" + DOWN + "\r" + "Dev\r" + answer(2) + "q\r")
    data = saved(folder, "bo-chen")
    assert data["respondent"].pop("id")
    assert data["respondent"] == {"name": "Bo Chen", "role": "Engineer", "unit": "Dev"}


def test_skip_logic_and_multi_and_text_questions(folder: Path) -> None:
    keys = "\r" + answer(2) + answer(0)  # engineer: PEO-01, PRO-01 = 0 hides TEC-01
    keys += "t\r" + " " + DOWN + " \r" + "\r"  # PRO-02: tick the first two options
    keys += "Ann Lee\r\r" + "f\r"
    _, out = drive(folder, keys, respondent="Jane Doe", role="engineer")
    answers = saved(folder)["answers"]
    assert answers["SP-PRO-02"] == {"selected": ["review", "test"]}
    assert "SP-TEC-01" not in answers and "SP-TEC-01" not in out
    assert "All 4 questions answered." in out


def test_the_all_flag_offers_every_question(folder: Path) -> None:
    _, out = drive(folder, "\r" + answer(2) + "q\r", **JANE, every_question=True)
    assert "overall 1/5" in out  # six questions; SP-TEC-01 waits for SP-PRO-01


def test_ctrl_c_stores_nothing_for_the_open_question(folder: Path) -> None:
    with pytest.raises(Interrupted, match="interrupted; 1 answer saved") as caught:
        drive(folder, "\r" + answer(2) + "3" + CTRL_C, **JANE)
    assert caught.value.exit_code == 130
    assert saved(folder)["answers"] == {"SP-PEO-01": {"level": 2}}


def test_ctrl_c_at_the_note_stores_nothing_either(folder: Path) -> None:
    with pytest.raises(Interrupted, match="0 answers saved"):
        drive(folder, "\r" + "3\r" + "half a no" + CTRL_C, **JANE)
    assert not (folder / "interviews" / "jane-doe.yaml").exists()


def test_end_of_input_is_a_clear_error_and_changes_nothing(folder: Path) -> None:
    before = unchanged(folder)
    with pytest.raises(InvalidInput, match=r"input ended \(Ctrl-D\) before any answer was saved"):
        drive(folder, "", **JANE)
    assert unchanged(folder) == before


def test_without_a_terminal_the_command_refuses_in_one_line(folder: Path, cli) -> None:
    before = unchanged(folder)
    result = cli("interview", folder, "--respondent", "Jane Doe")
    assert result.code == 1
    assert result.err.strip() == f"error: {TERMINAL_REQUIRED}"
    assert unchanged(folder) == before


def test_a_changed_pack_is_said_plainly_and_can_be_declined(folder: Path) -> None:
    old = interview("Jane Doe", "manager", SP_PEO_01=2, SP_GONE_01=3)
    old["pack_fingerprint"] = "0123456789abcdef"
    (folder / "interviews" / "jane-doe.yaml").write_text(dump_yaml(old))
    before = unchanged(folder)
    result, out = drive(folder, "n", respondent="Jane Doe")
    assert "The question pack has changed since this interview started" in out
    assert "nothing is re-mapped" in out
    assert "SP-GONE-01" in out
    assert result == "Stopped; nothing changed."
    assert unchanged(folder) == before


def test_continuing_on_a_changed_pack_keeps_lost_answers(folder: Path) -> None:
    old = interview("Jane Doe", "manager", SP_PEO_01=2, SP_GONE_01=3)
    old["pack_fingerprint"] = "0123456789abcdef"
    (folder / "interviews" / "jane-doe.yaml").write_text(dump_yaml(old))
    drive(folder, "y" + answer(3) + "q\r", respondent="Jane Doe")
    data = saved(folder)
    assert data["answers"]["SP-GONE-01"] == {"level": 3}
    assert data["answers"]["SP-PEO-02"] == {"level": 3}
    assert data["pack_fingerprint"] != "0123456789abcdef"


def test_a_second_writer_is_refused(folder: Path) -> None:
    with (
        writer_lock(folder, "interview"),
        pytest.raises(InvalidInput, match="is open for writing by `assess interview`"),
    ):
        drive(folder, "", **JANE)


def test_an_unknown_role_names_the_roles(folder: Path) -> None:
    with pytest.raises(
        InvalidInput, match=r"unknown role 'janitor'; use one of: manager \(Manager\)"
    ):
        drive(folder, "", respondent="Jane Doe", role="janitor")


def test_stray_temp_files_are_cleaned_on_start(folder: Path) -> None:
    stray = folder / "interviews" / ".jane-doe.yaml.tmp-999"
    stray.write_text("half")
    drive(folder, "\rq\r", **JANE)
    assert not stray.exists()


def test_shown_text_is_filled_and_cleaned(folder: Path) -> None:
    from assessment.engagement.model import Engagement

    engagement = Engagement(customer="Acme\x1b[2J", organisation="", pack="sample")
    session = Session(folder, engagement, None, None)  # type: ignore[arg-type]
    assert session.t("Does {customer} test?\x1b]0;pwned\x07 \x00") == "Does Acme test?"


def test_a_failed_save_is_not_shown_as_saved(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drive(folder, "\r" + answer(2) + "q\r", **JANE)
    path = folder / "interviews" / "jane-doe.yaml"
    before = path.read_bytes()

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full_disk)
    out = io.StringIO()
    with create_pipe_input() as pipe, pytest.raises(InvalidInput, match="No space left"):
        pipe.send_text(answer(3))
        run_interview(folder, QuestionaryPrompter(pipe, DummyOutput(), out), "Jane Doe")
    assert "saved SP-PEO-02" not in out.getvalue()
    assert path.read_bytes() == before


def test_a_damaged_interview_file_is_refused_with_the_way_back(folder: Path) -> None:
    drive(folder, "\r" + answer(2) + answer(3) + "q\r", **JANE)
    path = folder / "interviews" / "jane-doe.yaml"
    path.write_text(path.read_text()[:60] + "\n  SP-PEO-0: {level: [")
    before = unchanged(folder)
    with pytest.raises(InvalidInput, match=r"copy back the previous version \.jane-doe\.yaml\.bak"):
        drive(folder, "", respondent="Jane Doe")
    assert unchanged(folder) == before
