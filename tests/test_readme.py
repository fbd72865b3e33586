"""The README documents every command the CLI offers."""

from __future__ import annotations

import re

from assessment.cli import build_parser
from tests.conftest import ROOT


def test_every_command_is_documented_with_an_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = [name for name in commands if not re.search(rf"^\s*assess {name}\b", readme, re.M)]
    assert not missing, f"README.md has no example of: {missing}"
    assert "make demo" in readme and "make test" in readme
