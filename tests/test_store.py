"""Engagement folder I/O: atomic saves, kept previous versions, the writer lock, safe names."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.engagement.model import Interview
from assessment.engagement.store import (
    init_engagement,
    inside,
    read_engagement,
    save_interview,
    writer_lock,
)
from assessment.errors import InvalidInput
from assessment.files.durable import atomic_write, clean_stray_temps
from tests.conftest import SAMPLE_PACK, snapshot


def test_atomic_write_keeps_the_previous_version(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    atomic_write(target, "one\n")
    atomic_write(target, "two\n")
    assert target.read_text() == "two\n"
    assert (tmp_path / ".a.yaml.bak").read_text() == "one\n"
    assert not list(tmp_path.glob(".*.tmp-*"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_fails_loudly_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    atomic_write(target, "one\n")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(InvalidInput, match="could not save"):
            atomic_write(target, "two\n")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_text() == "one\n"


def test_a_failed_replace_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.yaml"
    atomic_write(target, "one\n")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(InvalidInput, match="No space left on device"):
        atomic_write(target, "two\n")
    assert target.read_text() == "one\n"
    assert not list(tmp_path.glob(".*.tmp-*"))


def test_stray_temps_from_a_killed_save_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("intact\n")
    (tmp_path / ".a.yaml.tmp-999").write_text("half writ")
    assert clean_stray_temps(tmp_path) == [tmp_path / ".a.yaml.tmp-999"]
    assert (tmp_path / "a.yaml").read_text() == "intact\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x", "x"),
        ("/abs", "abs"),
        ("CON", "con-file"),
        ("a:b", "a-b"),
        ("x" * 300, "x" * 60),
        ("", "unnamed"),
        ("Zoë O'Brien", "zoe-o-brien"),
    ],
)
def test_names_become_safe_paths_inside_their_root(
    tmp_path: Path, name: str, expected: str
) -> None:
    path = inside(tmp_path, name, ".yaml")
    assert path == tmp_path.resolve() / f"{expected}.yaml"


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from assessment.engagement.store import writer_lock\n"
            f"with writer_lock(Path({str(tmp_path)!r}), 'interview'):\n"
            "    print('locked', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = pytest.raises(InvalidInput, match=r"open for writing by `assess interview`")
        with refused, writer_lock(tmp_path, "import"):
            pass
    finally:
        holder.kill()
        holder.wait()
    with writer_lock(tmp_path, "import"):  # the lock died with its holder: never stale
        pass


def test_init_never_touches_an_existing_engagement(tmp_path: Path) -> None:
    folder = init_engagement(tmp_path / "e", "Acme", str(SAMPLE_PACK), dt.date(2026, 11, 20))
    before = snapshot(folder)
    with pytest.raises(InvalidInput, match="already exists"):
        init_engagement(folder, "Other", str(SAMPLE_PACK), dt.date(2026, 11, 21))
    assert snapshot(folder) == before


def test_interviews_round_trip_through_disk(tmp_path: Path) -> None:
    folder = init_engagement(tmp_path / "e", "Acme", str(SAMPLE_PACK), dt.date(2026, 11, 20))
    interview = Interview.model_validate(
        {
            "respondent": {"name": "Jane Doe", "role": "manager", "unit": "IT Ops"},
            "answers": {
                "SP-PEO-01": {"level": 2, "note": "007 said: no"},
                "SP-PRO-02": {"selected": ["review"]},
                "SP-TEC-01": {"level": "na"},
            },
        }
    )
    with writer_lock(folder, "test"):
        path = save_interview(folder, interview)
    assert path == (folder / "interviews" / "jane-doe.yaml").resolve()
    again = read_engagement(folder).interviews["jane-doe"]
    assert again == interview


def test_a_corrupt_interview_is_refused_with_its_name(tmp_path: Path) -> None:
    folder = init_engagement(tmp_path / "e", "Acme", str(SAMPLE_PACK), dt.date(2026, 11, 20))
    (folder / "interviews" / "bad.yaml").write_text("respondent: {name: X\nanswers: [")
    before = snapshot(folder)
    with pytest.raises(InvalidInput, match=r"interviews/bad.yaml:\d+: malformed YAML"):
        read_engagement(folder)
    assert snapshot(folder) == before
