"""`assess pack upgrade DIR` rewrites a pack in the earlier format (interviewees as `roles:`).

The earlier pack is the Release Management pack as released before the rename (read from the
repository's history), so the test upgrades what authors really have.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

EARLIER = "4182b345faf863842d22b1eefe196cf4d10df4c5"  # the last release with `roles:`
PACK = "questionnaires/release_management"


@pytest.fixture
def earlier_pack(tmp_path: Path) -> Path:
    """The Release Management pack as it was written before the rename."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", EARLIER, PACK],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the repository history is not available")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp_path, filter="data")
    return tmp_path / PACK


def files_of(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.yaml"))
    }


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_an_earlier_pack_is_refused_with_one_line_per_file_naming_the_upgrade(
    cli, earlier_pack: Path
) -> None:
    result = cli("validate", earlier_pack)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error: ")]
    written = ["pack.yaml"] + [
        f"questions/{p.name}" for p in (earlier_pack / "questions").iterdir()
    ]
    assert sorted(e.split(":")[1].removeprefix(f" {earlier_pack}/") for e in errors) == sorted(
        written
    )
    assert all("run `assess pack upgrade`" in e for e in errors)


def test_upgrade_renames_the_interviewees_and_loses_nothing(cli, earlier_pack: Path) -> None:
    before = files_of(earlier_pack)
    result = cli("pack", "upgrade", earlier_pack)
    assert result.code == 0, result.err
    after = files_of(earlier_pack)
    changed = [line for line in result.out.splitlines() if "→" in line]
    assert sorted(line.split(":")[0] for line in changed) == sorted(
        f"{earlier_pack}/{name}" for name in after if after[name] != before[name]
    )
    assert sorted(after) == sorted(before)
    for name, text in after.items():
        assert comments(text) == comments(before[name]), name
        old, new = yaml.safe_load(before[name]), yaml.safe_load(text)
        assert json.dumps(new).replace('"interviewees"', '"roles"') == json.dumps(old), name
    info = yaml.safe_load(after["pack.yaml"])
    assert "roles" not in info and info["interviewees"]
    assert cli("validate", earlier_pack, "--strict").code == 0


def test_a_second_upgrade_has_nothing_to_change(cli, earlier_pack: Path) -> None:
    assert cli("pack", "upgrade", earlier_pack).code == 0
    once = files_of(earlier_pack)
    again = cli("pack", "upgrade", earlier_pack)
    assert again.code == 0
    assert (
        again.out.strip() == f"{earlier_pack}: nothing to change; the pack is in the current format"
    )
    assert files_of(earlier_pack) == once


def test_the_upgraded_pack_scores_an_engagement_as_the_built_in_pack_does(
    cli, earlier_pack: Path, tmp_path: Path
) -> None:
    engagement = tmp_path / "northwind"
    shutil.copytree(ROOT / "examples" / "northwind-release", engagement)
    built_in = json.loads(cli("score", engagement, "--json").out)
    info = engagement / "engagement.yaml"
    text = info.read_text(encoding="utf-8")
    assert "pack: release_management\n" in text
    info.write_text(text.replace("pack: release_management\n", f"pack: {earlier_pack}\n"), "utf-8")
    refused = cli("score", engagement, "--json")
    assert refused.code == 1 and "assess pack upgrade" in refused.err  # it reads the earlier pack
    assert cli("pack", "upgrade", earlier_pack).code == 0
    upgraded = cli("score", engagement, "--json")
    assert upgraded.code == 0, upgraded.err
    assert json.loads(upgraded.out) == built_in
    assert built_in["overall"]["current"] is not None and built_in["recommendations"]


def test_upgrade_refuses_a_folder_that_is_not_a_pack(cli, tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("roles: [a]\n")
    result = cli("pack", "upgrade", tmp_path)
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        f"error: {tmp_path}: is not a pack folder (no pack.yaml); give the pack folder"
    ]
    assert (tmp_path / "notes.yaml").read_text() == "roles: [a]\n"


def test_upgrade_writes_nothing_when_a_rename_would_touch_other_text(cli, tmp_path: Path) -> None:
    pack = tmp_path / "tricky"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: tricky\nroles: [{id: a, name: A}]\n")
    tricky = '  - {id: T-1, type: text, text: "Which roles: who?", roles: [a]}\n'
    (pack / "questions" / "q.yaml").write_text("questions:\n" + tricky)
    before = files_of(pack)
    result = cli("pack", "upgrade", pack)
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        f"error: {pack / 'questions' / 'q.yaml'}: the rewrite would change more than the "
        "`roles:` keys; nothing was written; rename them by hand"
    ]
    assert files_of(pack) == before
