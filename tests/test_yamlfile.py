"""The YAML reader: strings stay strings, danger is refused before anything is built."""

from __future__ import annotations

import pytest

from assessment.errors import InvalidInput
from assessment.files.yamlfile import parse_yaml


def refused(text: str) -> str:
    with pytest.raises(InvalidInput) as caught:
        parse_yaml(text, "x.yaml")
    return str(caught.value)


def test_scalars_stay_the_strings_they_look_like() -> None:
    doc = parse_yaml("a: no\nb: 1.10\nc: 012\nd: ~\ne: ''\n", "x.yaml")
    assert doc.data == {"a": "no", "b": "1.10", "c": "012", "d": None, "e": ""}


def test_lines_are_recorded_for_nested_items() -> None:
    doc = parse_yaml("top:\n  - id: A\n    weight: 2\n", "x.yaml")
    assert doc.line_of(("top", 0, "weight")) == 3
    assert doc.line_of(("top", 0, "missing")) == 2


def test_alias_bomb_is_refused_at_the_first_anchor() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    assert "x.yaml:1: anchors and aliases" in refused(bomb)


def test_nesting_past_our_limit_is_refused_by_our_rule_on_its_line() -> None:
    # 30 nested mappings, one per line: the 25th opens on line 25 and breaks our 24-level rule.
    deep = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(30)) + "  " * 30 + "x\n"
    assert refused(deep) == "x.yaml:25: nesting deeper than 24 levels is not allowed"


def test_extreme_nesting_is_one_clear_line_whichever_layer_refuses_it() -> None:
    # The bundled C parser of newer PyYAML releases may refuse this before our rule sees it;
    # either way the message is one line naming the file, never a traceback.
    message = refused("[" * 5000 + "]" * 5000)
    assert message.startswith("x.yaml:")
    assert "\n" not in message


def test_tags_are_refused() -> None:
    assert "x.yaml:2: YAML tags" in refused("a: 1\nb: !!python/object/apply:os.system [ls]\n")


def test_duplicate_keys_are_problems_with_lines() -> None:
    doc = parse_yaml("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert [str(p) for p in doc.problems] == [
        "x.yaml:3: a: duplicate key; each key may appear once"
    ]


def test_malformed_yaml_names_the_line() -> None:
    assert refused("a: [1, 2\nb: 3\n").startswith("x.yaml:")


def test_several_documents_are_refused() -> None:
    assert "only one YAML document" in refused("a: 1\n---\nb: 2\n")
