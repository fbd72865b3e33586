"""The installed `assess interview` in a pseudo-terminal: kill -9 and Ctrl-C lose no answer."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import write_engagement

pexpect = pytest.importorskip("pexpect")
ASSESS = Path(sys.executable).with_name("assess")
TIMEOUT = 15
pytestmark = pytest.mark.skipif(
    not ASSESS.exists(), reason="`assess` is not installed in this environment"
)


def spawn(folder: Path) -> pexpect.spawn:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "COLUMNS": "120"}
    args = ["interview", str(folder), "--respondent", "Jane Doe", "--role", "manager"]
    child = pexpect.spawn(
        str(ASSESS), args, env=env, timeout=TIMEOUT, encoding="utf-8", dimensions=(40, 120)
    )
    return child


def answer(child: pexpect.spawn, qid: str, level: int, note: str = "") -> None:
    """Wait for the question, pick a level, confirm the note, wait until it is shown saved."""
    child.expect_exact(qid)
    child.expect_exact("(key or")
    child.send(str(level))
    child.send("\r")
    child.expect_exact("Note (evidence")
    child.send(f"{note}\r")
    child.expect_exact(f"saved {qid}")


def answers(folder: Path) -> dict:
    return yaml.safe_load((folder / "interviews" / "jane-doe.yaml").read_text())["answers"]


def start(tmp_path: Path, unit: str = "") -> tuple[Path, pexpect.spawn]:
    """A new engagement and a new respondent's interview on it, past the unit question."""
    folder = write_engagement(tmp_path / "eng", {"customer": "Acme"})
    child = spawn(folder)
    child.expect_exact("unit or team")
    child.send(f"{unit}\r")
    return folder, child


def exit_status(child: pexpect.spawn) -> int:
    """Wait until the interview has ended; its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_kill_9_after_saved_answers_then_resume_finds_them_all(tmp_path: Path) -> None:
    folder, child = start(tmp_path, "Ops")
    answer(child, "SP-PEO-01", 2, "two people know")
    answer(child, "SP-PEO-02", 3)
    child.expect_exact("SP-PRO-01")
    child.kill(signal.SIGKILL)
    child.wait()
    assert answers(folder) == {
        "SP-PEO-01": {"level": 2, "note": "two people know"},
        "SP-PEO-02": {"level": 3},
    }

    child = spawn(folder)
    child.expect_exact("── Process 1/2")  # resumes at the first unanswered question
    answer(child, "SP-PRO-01", 4)
    child.expect_exact("SP-PRO-03")
    child.send("\r")  # a text question: an empty line opens its menu
    child.expect_exact("No answer typed")
    child.send("q\r")
    child.expect_exact("3 answers saved")
    assert exit_status(child) == 0
    assert answers(folder)["SP-PRO-01"] == {"level": 4}
    assert not list((folder / "interviews").glob(".*.tmp-*"))


def test_ctrl_c_exits_130_and_stores_nothing_blank(tmp_path: Path) -> None:
    folder, child = start(tmp_path)
    answer(child, "SP-PEO-01", 1)
    child.expect_exact("SP-PEO-02")
    child.expect_exact("(key or")
    child.send("4")
    child.sendcontrol("c")
    child.expect_exact("interrupted; 1 answer saved")
    assert exit_status(child) == 130
    assert answers(folder) == {"SP-PEO-01": {"level": 1}}


def test_a_multi_line_paste_stays_in_the_note(tmp_path: Path) -> None:
    """RELIABILITY case 24 (class 5): without bracketed paste, lines arrive split by Enter."""
    folder, child = start(tmp_path)
    child.expect_exact("SP-PEO-01")
    child.expect_exact("(key or")
    child.send("2\r")
    child.expect_exact("Note (evidence")
    child.send("first line\rsecond, rated 4\rthird\r")  # one paste: three lines at once
    child.expect_exact("saved SP-PEO-01")
    child.expect_exact("SP-PEO-02")
    child.expect_exact("(key or")
    child.send("q\r")
    child.expect_exact("1 answer saved")
    assert exit_status(child) == 0
    assert answers(folder) == {
        "SP-PEO-01": {"level": 2, "note": "first line\nsecond, rated 4\nthird"}
    }
