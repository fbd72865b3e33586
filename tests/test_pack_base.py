"""Shared method defaults: a pack names `base: NAME` and takes what it does not write itself.

The merge rule: a key the pack writes replaces the base's, except lists of items with ids,
which merge item by item (same id: replaced in place; new id: added after the base's items).
Mistakes are reported in the file and at the line that wrote them, base or pack.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assessment.pack.load import load_pack
from tests.conftest import ROOT

METHOD = ROOT / "questionnaires" / "_base" / "method.yaml"


def new_pack(cli, folder: Path) -> Path:
    made = cli("pack", "new", folder)
    assert made.code == 0, made.err
    return folder


def add_to_pack_yaml(pack: Path, text: str) -> int:
    """Append `text` to pack.yaml; the line number of its first line."""
    info = pack / "pack.yaml"
    before = info.read_text(encoding="utf-8")
    info.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def set_base(pack: Path, base: str) -> Path:
    """Point the pack at another base (or none, with ""); the pack.yaml path."""
    info = pack / "pack.yaml"
    line = f"base: {base}\n" if base else ""
    info.write_text(info.read_text().replace("base: method\n", line), encoding="utf-8")
    return info


def errors_of(cli, pack: Path) -> list[str]:
    """`assess validate` fails; its error lines (the warnings that follow left out)."""
    result = cli("validate", pack)
    assert result.code == 1
    return [line for line in result.err.splitlines() if line.startswith("error: ")]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("name", ["release_management", "change_enablement"])
def test_the_built_in_packs_take_the_method_from_the_base(name: str) -> None:
    method = yaml.safe_load(METHOD.read_text(encoding="utf-8"))
    pack = load_pack(ROOT / "questionnaires" / name)
    assert [p.id for p in pack.info.perspectives] == [
        p["id"] for p in method["pack"]["perspectives"]
    ]
    assert [p.name for p in pack.info.phases] == [p["name"] for p in method["pack"]["phases"]]
    assert [e.days for e in pack.info.effort] == [e["days"] for e in method["pack"]["effort"]]
    assert [s.code for s in pack.knowledge.sarci] == [
        s["code"] for s in method["knowledge"]["sarci"]
    ]
    assert len(pack.knowledge.skill_levels) == len(method["knowledge"]["skill_levels"])
    written = yaml.safe_load((ROOT / "questionnaires" / name / "pack.yaml").read_text())
    assert not {"phases", "effort", "windows"} & set(written)


def test_a_pack_item_replaces_the_base_item_in_place_and_new_ids_follow(
    cli, tmp_path: Path
) -> None:
    pack = new_pack(cli, tmp_path / "incident_management")
    add_to_pack_yaml(
        pack,
        "perspectives:\n"
        "  - {id: process, name: Practice}\n"
        "  - {id: value, name: Value, description: What the business gets.}\n",
    )
    method = yaml.safe_load(METHOD.read_text(encoding="utf-8"))["pack"]["perspectives"]
    expected = [p["name"] if p["id"] != "process" else "Practice" for p in method] + ["Value"]
    assert [p.name for p in load_pack(pack).info.perspectives] == expected


def test_a_plain_key_the_pack_writes_replaces_the_base_key(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "packs"
    (packs / "_base").mkdir(parents=True)
    house = yaml.safe_load(METHOD.read_text(encoding="utf-8"))
    house["pack"]["weighting"] = "Every question weighs 1."
    (packs / "_base" / "house.yaml").write_text(yaml.safe_dump(house), encoding="utf-8")
    monkeypatch.setenv("ASSESS_PACKS", str(packs))
    pack = new_pack(cli, packs / "incident_management")
    set_base(pack, "house")
    assert load_pack(pack).info.weighting == "Every question weighs 1."
    add_to_pack_yaml(pack, "weighting: Core controls weigh 3.\n")
    assert load_pack(pack).info.weighting == "Core controls weigh 3."


def test_a_mistake_in_the_base_is_reported_at_its_line_in_the_base(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "packs"
    (packs / "_base").mkdir(parents=True)
    text = METHOD.read_text(encoding="utf-8").replace(
        "{id: medium, name: Medium, days: 20}", "{id: medium, name: Medium, days: 0}"
    )
    house = packs / "_base" / "house.yaml"
    house.write_text(text, encoding="utf-8")
    monkeypatch.setenv("ASSESS_PACKS", str(packs))
    pack = new_pack(cli, tmp_path / "incident_management")
    set_base(pack, "house")
    line = line_of(house, "days: 0")
    assert errors_of(cli, pack) == [
        f"error: {house}:{line}: medium.days: input should be greater than 0 (got '0')"
    ]


def test_a_mistake_in_a_pack_item_over_the_base_is_reported_in_the_pack(
    cli, tmp_path: Path
) -> None:
    pack = new_pack(cli, tmp_path / "incident_management")
    line = add_to_pack_yaml(pack, "effort:\n  - {id: high, name: High, days: lots}\n")
    errors = errors_of(cli, pack)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"error: {pack / 'pack.yaml'}:{line + 1}: high.days: "), errors


def test_an_unknown_base_names_the_bases(cli, tmp_path: Path) -> None:
    pack = new_pack(cli, tmp_path / "incident_management")
    info = set_base(pack, "methd")
    line = line_of(info, "base: methd")
    assert errors_of(cli, pack) == [
        f"error: {info}:{line}: base: unknown base 'methd'; the bases are ['method']"
    ]


def test_a_pack_without_a_base_must_write_its_perspectives(cli, tmp_path: Path) -> None:
    pack = new_pack(cli, tmp_path / "incident_management")
    info = pack / "pack.yaml"
    info.write_text(info.read_text().replace("base: method\n", ""), encoding="utf-8")
    result = cli("validate", pack)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {info}:{line_of(info, 'id: incident')}: perspectives: is required; add it"
    ]


def test_replaces_takes_a_list_from_the_pack_in_full(cli, tmp_path: Path) -> None:
    pack = new_pack(cli, tmp_path / "incident_management")
    (pack / "knowledge" / "levels.yaml").write_text(
        "skill_levels:\n  - {level: 1, name: Aware}\n  - {level: 2, name: Expert}\n", "utf-8"
    )
    method = yaml.safe_load(METHOD.read_text(encoding="utf-8"))["knowledge"]["skill_levels"]
    merged = load_pack(pack).knowledge.skill_levels
    assert [s.name for s in merged] == ["Aware", "Expert", *(s["name"] for s in method[2:])]
    add_to_pack_yaml(pack, "replaces: [skill_levels]\n")
    assert [s.name for s in load_pack(pack).knowledge.skill_levels] == ["Aware", "Expert"]
