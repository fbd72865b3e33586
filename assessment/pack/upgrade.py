"""Rewrite a pack written in an earlier format to the current one, keeping every comment.

The changes, each made only where the old form is written:

- pack.yaml `roles:` (who is interviewed) becomes `interviewees:`, so that `roles:` only ever
  means the process roles of the knowledge;
- a question's `roles:` (the interviewees it suits) becomes `interviewees:`.

Each key is renamed on its own line, so comments, order and layout stay as written. Before a
file is replaced, the rewritten text is parsed again and must hold exactly the old data with the
keys renamed; otherwise nothing is written. Files are replaced whole through a temporary file.
A pack already in the current format is left untouched: a second run has nothing to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessment.errors import InvalidInput, Problem
from assessment.files.atomic import replacing
from assessment.files.yamlfile import Document, parse_yaml, read_yaml

OLD, NEW = "roles", "interviewees"
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class _Rewrite:
    path: Path
    text: str
    change: str


def upgrade_pack(folder: Path) -> list[str]:
    """Upgrade the pack in `folder` in place; one `file: what` line per change made."""
    if not (folder / "pack.yaml").is_file():
        raise InvalidInput(
            Problem(str(folder), 0, "", "is not a pack folder (no pack.yaml); give the pack folder")
        )
    rewrites = []
    info = _plan(folder / "pack.yaml", _info_keys, "interviewee `roles:` → `interviewees:`")
    rewrites += [info] if info else []
    for path in sorted((folder / "questions").glob("*.yaml")):
        found = _plan(path, _question_keys, "question `roles:` → `interviewees:`")
        rewrites += [found] if found else []
    for rewrite in rewrites:
        with replacing(rewrite.path) as temp:
            temp.write_text(rewrite.text, encoding="utf-8")
    return [rewrite.change for rewrite in rewrites]


def earlier_format(doc: Document, kind: str) -> Problem | None:
    """One problem when `doc` (pack.yaml, or a `questions` file) uses the earlier `roles:`, read
    as `interviewees:` so that the rest of the pack is still checked against it."""
    keys = (_info_keys if kind == "pack" else _question_keys)(doc.data)
    if not keys:
        return None
    line = doc.line_of(keys[0])
    doc.data = _renamed(doc, keys)
    wanted = set(keys)
    renamed: dict[Path_, int] = {}
    for path, number in doc.lines.items():
        cut = next((n for n in range(1, len(path) + 1) if path[:n] in wanted), None)
        key = path if cut is None else (*path[: cut - 1], NEW, *path[cut:])
        renamed[key] = number
    doc.lines = renamed
    return Problem(
        doc.name,
        line,
        OLD,
        f"is now `{NEW}:` (who is interviewed; `roles:` are the process roles of the "
        "knowledge); run `assess pack upgrade` on the pack folder to rewrite it",
    )


def _info_keys(data: Any) -> list[Path_]:
    if isinstance(data, dict) and OLD in data and NEW not in data:
        return [(OLD,)]
    return []


def _question_keys(data: Any) -> list[Path_]:
    items = data.get("questions") if isinstance(data, dict) else None
    return [
        ("questions", i, OLD)
        for i, item in enumerate(items if isinstance(items, list) else [])
        if isinstance(item, dict) and OLD in item and NEW not in item
    ]


def _plan(path: Path, keys_of: Any, what: str) -> _Rewrite | None:
    """The rewritten text of one file, checked to hold the same data, or None: nothing to do."""
    if not path.is_file():
        return None
    shown = str(path)
    doc = read_yaml(path, shown)
    keys = keys_of(doc.data)
    if not keys:
        return None
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    for key in keys:
        number = doc.lines.get(key, 0)
        renamed = _rename_on_line(lines[number - 1]) if number else None
        if renamed is None:
            raise InvalidInput(
                Problem(
                    shown,
                    number,
                    str(key[-1]),
                    f"could not rename `{OLD}:` here; rename it to `{NEW}:` by hand",
                )
            )
        lines[number - 1] = renamed
    new_text = "".join(lines)
    if parse_yaml(new_text, shown).data != _renamed(doc, keys):
        raise InvalidInput(
            Problem(
                shown,
                0,
                "",
                f"the rewrite would change more than the `{OLD}:` keys; "
                "nothing was written; rename them by hand",
            )
        )
    count = f" ({len(keys)} question{'s' if len(keys) > 1 else ''})" if len(keys[0]) > 1 else ""
    return _Rewrite(path, new_text, f"{shown}: {what}{count}")


_KEY = re.compile(rf"(^|[\s{{,-])({OLD})(\s*:)")


def _rename_on_line(line: str) -> str | None:
    """The line with its first `roles:` key renamed (block or flow style), or None."""
    match = _KEY.search(line)
    if match is None:
        return None
    return line[: match.start(2)] + NEW + line[match.end(2) :]


def _renamed(doc: Document, keys: list[Path_]) -> Any:
    """The document's data with each key at `keys` renamed, in its place."""

    def rename(node: Any, path: Path_) -> Any:
        if isinstance(node, dict):
            return {
                (NEW if (*path, k) in wanted else k): rename(v, (*path, k)) for k, v in node.items()
            }
        if isinstance(node, list):
            return [rename(v, (*path, i)) for i, v in enumerate(node)]
        return node

    wanted = set(keys)
    return rename(doc.data, ())
