"""Create a new pack folder from the commented template: a valid pack to start writing from."""

from __future__ import annotations

import re
from pathlib import Path

from assessment.errors import InvalidInput, Problem

TEMPLATE = Path(__file__).resolve().parent / "template"


def new_pack(folder: Path) -> list[Path]:
    """Write a minimal, valid, commented pack into `folder`, named after it; never overwrites."""
    if folder.exists() and any(folder.iterdir()):
        raise InvalidInput(Problem(str(folder), 0, "", "is not empty; choose a new folder"))
    pack_id = re.sub(r"[^A-Za-z0-9_]+", "_", folder.name).strip("_").lower()
    if not pack_id:
        raise InvalidInput(Problem(str(folder), 0, "", "needs a name with letters or digits"))
    words = {
        "__ID__": pack_id,
        "__NAME__": pack_id.replace("_", " ").title(),
        "__PREFIX__": "".join(part[0] for part in pack_id.split("_") if part).upper().ljust(2, "X"),
    }
    written = []
    for source in sorted(TEMPLATE.rglob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        for placeholder, value in words.items():
            text = text.replace(placeholder, value)
        target = folder / source.relative_to(TEMPLATE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
