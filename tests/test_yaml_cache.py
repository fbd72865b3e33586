"""The cache of parsed files: a file read before opens the same way, errors and lines included."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.engagement.open import Opened, open_engagement
from assessment.errors import InvalidInput
from tests.conftest import snapshot

HEAD = "respondent: {name: Bo Chen, role: engineer}\nanswers:\n  SP-PEO-01: {level: 3}\n"
# one file the model refuses, one the pack refuses (checked only once every file reads)
BROKEN = {
    "model": (
        HEAD + "  SP-PEO-02:\n    level: 7\n  SP-TEC-01:\n    level: high\n",
        ["level: 7", "level: high"],
    ),
    "pack": (
        HEAD + "  SP-PRO-02:\n    selected: [test, nonsense]\n  SP-XXX-99: {level: 2}\n",
        ["nonsense", "SP-XXX-99"],
    ),
}


def opening_errors(folder: Path) -> str:
    with pytest.raises(InvalidInput) as caught:
        open_engagement(folder)
    return str(caught.value)


def line_with(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def same_engagement(a: Opened, b: Opened) -> None:
    assert a.engagement == b.engagement
    assert a.interviews == b.interviews
    assert a.pack == b.pack
    assert a.digest == b.digest


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ASSESS_CACHE_DIR", str(folder))
    return folder


def test_a_cached_read_opens_the_same_engagement(small: Path, cache: Path) -> None:
    cold = open_engagement(small)
    assert entries(cache), "the first read fills the cache"
    warm = open_engagement(small)
    same_engagement(warm, cold)


@pytest.mark.parametrize("refused_by", sorted(BROKEN))
def test_a_cached_read_names_the_same_files_and_lines(
    small: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, refused_by: str
) -> None:
    text, fragments = BROKEN[refused_by]
    (small / "interviews" / "bo-chen.yaml").write_text(text, "utf-8")
    cold = opening_errors(small)
    assert entries(cache)
    warm = opening_errors(small)
    monkeypatch.setenv("ASSESS_CACHE_DIR", "off")
    uncached = opening_errors(small)
    assert warm == cold == uncached
    shown = str(small / "interviews" / "bo-chen.yaml")
    lines = sorted(
        {n for n, line in enumerate(text.splitlines(), 1) if any(f in line for f in fragments)}
    )
    assert [f"{shown}:{n}: " in warm for n in lines] == [True] * len(lines)
    assert len(warm.splitlines()) == len(lines)


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda blob: blob[: len(blob) // 2],
        lambda blob: b"\x00\xff not json at all",
        lambda blob: b"",
        # the header still matches the file, the data does not match the header
        lambda blob: blob.replace(b"Ann Lee", b"Someone Else"),
    ],
    ids=["truncated", "garbage", "empty", "altered data"],
)
def test_a_corrupted_cache_entry_is_ignored(small: Path, cache: Path, corrupt) -> None:
    cold = open_engagement(small)
    for entry in entries(cache):
        entry.write_bytes(corrupt(entry.read_bytes()))
    same_engagement(open_engagement(small), cold)


def test_an_entry_that_checks_out_but_is_not_json_is_read_from_the_file(
    small: Path, cache: Path
) -> None:
    import hashlib
    import json

    cold = open_engagement(small)
    for entry in entries(cache):  # as only someone writing the entry and its sha256 could
        payload = b"\x00 not json"
        header = {"source": entry.stem, "data": hashlib.sha256(payload).hexdigest()}
        entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    same_engagement(open_engagement(small), cold)


def test_an_unusable_cache_folder_never_fails_opening(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ASSESS_CACHE_DIR", str(blocker))
    opened = open_engagement(small)
    assert sorted(opened.interviews) == ["ann-lee", "bo-chen"]
    assert blocker.read_text() == "not a folder"


def test_the_engagement_folder_never_holds_the_cache(small: Path, cache: Path) -> None:
    before = snapshot(small)
    open_engagement(small)
    open_engagement(small)
    assert snapshot(small) == before


def test_the_cache_sits_in_the_users_cache_folder(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ASSESS_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    open_engagement(small)
    assert entries(tmp_path / "xdg" / "assess")
    monkeypatch.delenv("XDG_CACHE_HOME")
    open_engagement(small)
    assert entries(tmp_path / "home" / ".cache" / "assess")


def test_the_cache_can_be_turned_off(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSESS_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    open_engagement(small)
    assert sorted(tmp_path.rglob("*")) == before


def test_duplicate_keys_are_reported_on_every_read(small: Path, cache: Path) -> None:
    text = "respondent: {name: Bo Chen, role: engineer}\nanswers:\n  SP-PEO-01: {level: 3}\n"
    text += "  SP-PEO-01: {level: 4}\n"
    (small / "interviews" / "bo-chen.yaml").write_text(text, "utf-8")
    first, second = opening_errors(small), opening_errors(small)
    assert first == second
    assert f"bo-chen.yaml:{line_with(text, 'level: 4')}: SP-PEO-01: duplicate key" in second
