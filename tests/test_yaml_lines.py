"""Lines are worked out only when asked for, and are the same for every way a file is written."""

from __future__ import annotations

import pytest

from assessment.files.yamlfile import parse_yaml

SHAPES = {
    "block": "a:\n  b:\n    - x\n    - c: ~\n      d: ''\n",
    "flow": "a: {b: [x, {c: null, d: ''}]}\n",
    "mixed": 'a:\n  b: [x, {c: , d: ""}]\n',
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_reads_to_the_same_data(shape: str) -> None:
    assert parse_yaml(SHAPES[shape], "x.yaml").data == {"a": {"b": ["x", {"c": None, "d": ""}]}}


def test_lines_asked_for_later_name_the_line_of_the_item() -> None:
    text = SHAPES["block"]
    doc = parse_yaml(text, "x.yaml")
    lines = text.splitlines()
    assert doc.line_of(("a", "b", 1, "d")) == 1 + next(i for i, s in enumerate(lines) if "d:" in s)
    assert doc.line_of(("a", "b", 0)) == 1 + next(i for i, s in enumerate(lines) if "- x" in s)
    assert doc.line_of(("a", "missing")) == 1 + next(i for i, s in enumerate(lines) if "a:" in s)


def test_quoted_null_words_and_empty_documents_stay_what_they_say() -> None:
    assert parse_yaml("a: '~'\nb: \"null\"\n'': x\n", "x.yaml").data == {
        "a": "~",
        "b": "null",
        "": "x",
    }
    assert parse_yaml("", "x.yaml").data is None
    assert parse_yaml("# only a comment\n", "x.yaml").data is None
