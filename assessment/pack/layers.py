"""A pack laid over its base: merged keys, and for every key or list item the file it came from.

A pack that names `base: NAME` in pack.yaml builds on `_base/NAME.yaml` of a packs folder (the
built-in `questionnaires/_base/method.yaml` holds the method: perspectives, phases, effort sizes,
windows, SARCI codes and skill levels). The base file has two parts, `pack:` (pack.yaml keys) and
`knowledge:` (knowledge sections). The merge rule, for pack.yaml keys and knowledge sections:

- a key the pack does not write comes from the base;
- a key the pack writes replaces the base's, except a list whose items all have a key
  (`id`; `code` for SARCI codes, `level` for skill levels) on both sides: those merge item by
  item: a pack item replaces the base item with the same key in its place, new items follow;
- a key pack.yaml lists in `replaces:` is taken from the pack in full, never merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessment.errors import Problem
from assessment.files.validation import item_name, problem_from_error
from assessment.files.yamlfile import Document

BASE_FOLDER = "_base"
BASE_PARTS = ("pack", "knowledge")
ITEM_KEYS = ("id", "code", "level")
Path_ = tuple[str | int, ...]


@dataclass
class Layered:
    """Merged data and where each part of it was written: (file, path inside that file)."""

    home: Document | None = None  # where problems with no written place go (the pack's file)
    replaces: frozenset[str] = frozenset()  # keys the pack writes in full, never merged
    data: dict[str, Any] = field(default_factory=dict)
    origin: dict[Path_, tuple[Document, Path_]] = field(default_factory=dict)

    def lay(self, doc: Document, at: Path_ = ()) -> None:
        """Lay every key of the mapping at `at` in `doc` over the merged data."""
        node = doc.data
        for part in at:
            node = node[part]
        for key, value in node.items():
            self.put(str(key), value, doc, (*at, key))

    def put(self, key: str, value: Any, doc: Document, at: Path_) -> None:
        """Lay `value` (written at `at` in `doc`) over what `key` holds, by the merge rule."""
        below = self.data.get(key)
        keys = _item_keys(below), _item_keys(value)
        if keys[0] is None or keys[0] != keys[1] or key in self.replaces:
            self.data[key] = value
            self.origin = {p: o for p, o in self.origin.items() if p[:1] != (key,)}
            self.origin[(key,)] = (doc, at)
            for i in range(len(value) if isinstance(value, list) else 0):
                self.origin[(key, i)] = (doc, (*at, i))
            return
        merged, field_ = list(below or ()), keys[0]
        places = {str(item[field_]): i for i, item in enumerate(merged)}
        origins = [self.origin[(key, i)] for i in range(len(merged))]
        for j, item in enumerate(value):
            spot = places.get(str(item[field_]))
            if spot is None:
                merged.append(item)
                origins.append((doc, (*at, j)))
            else:
                merged[spot], origins[spot] = item, (doc, (*at, j))
        self.data[key] = merged
        self.origin[(key,)] = (doc, at)
        for i, where in enumerate(origins):
            self.origin[(key, i)] = where

    def locate(self, path: Path_) -> tuple[Document, Path_] | None:
        """The file that wrote `path` of the merged data, and the path inside that file (the
        home file when nothing wrote it, e.g. a required key that is missing)."""
        for depth in (2, 1):
            found = self.origin.get(tuple(path[:depth]))
            if found is not None:
                doc, at = found
                return doc, (*at, *path[depth:])
        return None if self.home is None else (self.home, path)

    def problem(self, path: Path_, message: str, item: str | None = None) -> Problem | None:
        """A problem at `path`, named and placed in the file that wrote it."""
        found = self.locate(path)
        if found is None:
            return None
        doc, at = found
        return Problem(
            doc.name, doc.line_of(at), item_name(doc.data, at) if item is None else item, message
        )

    def error(self, model: Any, err: Any) -> Problem | None:
        """A pydantic error on the merged data, in the file and line that wrote the value."""
        loc = tuple(part for part in err["loc"] if isinstance(part, str | int))
        found = self.locate(loc) if loc else None
        if found is None:
            return None
        doc, at = found
        message = problem_from_error(model, err, doc).message  # the message reads the model
        return Problem(doc.name, doc.line_of(at), item_name(doc.data, at), message)

    def written(self, key: str) -> Document | None:
        """The file whose `key` is in the merged data, or None."""
        found = self.origin.get((key,))
        return found[0] if found else None

    def files(self) -> set[str]:
        return {doc.name for doc, _ in self.origin.values()}


def _item_keys(value: Any) -> str | None:
    """The key field every item of a list has (`id`, `code` or `level`), else None."""
    if not isinstance(value, list) or not value or not all(isinstance(i, dict) for i in value):
        return None
    return next((k for k in ITEM_KEYS if all(k in item for item in value)), None)
