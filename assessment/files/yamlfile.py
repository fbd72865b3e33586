"""Read YAML as plain data with the line of every item, refusing anything unsafe; write it back.

Scalars are kept as the strings they look like (`no`, `1.10`, `012` stay text); pydantic types
them later against the model, so a value is only a number where a number is expected.
Tags, anchors, aliases, duplicate keys, several documents and deep nesting are refused before
any object is built, so a hostile file costs no more than its own size.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assessment.errors import InvalidInput, Problem

MAX_DEPTH = 24
MAX_BYTES = 4 * 1024 * 1024
_NULLS = {"", "~", "null", "Null", "NULL"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Parsed YAML plus where each item came from."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """Line of the deepest known item on `loc` (a pydantic error location or a data path)."""
        best = self.lines.get((), 1)
        current: Path_ = ()
        for part in loc:
            if not isinstance(part, str | int):
                continue
            candidate = (*current, part)
            if candidate in self.lines:
                current = candidate
                best = self.lines[candidate]
        return best


class _Builder:
    """Turns parser events into dicts, lists and strings, recording lines and refusing danger."""

    def __init__(self, name: str):
        self.name = name
        self.doc = Document(name, None)
        self.stack: list[list[Any]] = []  # [container, path, pending_key]
        self.documents = 0

    def fail(self, line: int, message: str) -> InvalidInput:
        return InvalidInput(Problem(self.name, line, "", message))

    def check_node(self, event: Any) -> int:
        line = event.start_mark.line + 1
        if getattr(event, "anchor", None):
            raise self.fail(line, "anchors and aliases (&, *) are not allowed; write the value out")
        if getattr(event, "tag", None) and event.tag != "!":
            raise self.fail(
                line, f"YAML tags such as {event.tag!r} are not allowed; remove the tag"
            )
        return line

    def child_path(self, line: int) -> Path_ | None:
        """Path of the next value in the innermost container (None: the value is a mapping key)."""
        if not self.stack:
            return ()
        container, path, key = self.stack[-1]
        if isinstance(container, list):
            return (*path, len(container))
        if key is _NO_KEY:
            return None
        return (*path, key)

    def attach(self, value: Any, line: int) -> None:
        if not self.stack:
            self.doc.data = value
            self.doc.lines[()] = line
            return
        frame = self.stack[-1]
        container, path, key = frame
        if isinstance(container, list):
            self.doc.lines.setdefault((*path, len(container)), line)
            container.append(value)
        elif key is _NO_KEY:
            if isinstance(value, dict | list):
                raise self.fail(line, "a mapping key must be plain text")
            key = "" if value is None else value
            if key in container:
                self.doc.problems.append(
                    Problem(self.name, line, str(key), "duplicate key; each key may appear once")
                )
            frame[2] = key
            self.doc.lines.setdefault((*path, key), line)
        else:
            container[key] = value
            frame[2] = _NO_KEY

    def feed(self, event: Any) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(line, "only one YAML document per file")
        elif isinstance(event, yaml.AliasEvent):
            raise self.fail(line, "anchors and aliases (&, *) are not allowed")
        elif isinstance(event, yaml.ScalarEvent):
            line = self.check_node(event)
            plain = event.style in (None, "")
            self.attach(None if plain and event.value in _NULLS else event.value, line)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            line = self.check_node(event)
            if len(self.stack) >= MAX_DEPTH:
                raise self.fail(line, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
            path = self.child_path(line)
            if path is None:
                raise self.fail(line, "a mapping key must be plain text")
            self.doc.lines.setdefault(path, line)
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.stack.append([container, path, _NO_KEY])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            container, path, _ = self.stack.pop()
            self.attach(container, self.doc.lines.get(path, 1))


_NO_KEY = object()


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text into a Document; raise InvalidInput for anything unsafe or malformed."""
    builder = _Builder(name)
    try:
        for event in yaml.parse(io.StringIO(text), Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or "malformed YAML"
        raise InvalidInput(Problem(name, line, "", f"malformed YAML: {reason}")) from None
    except yaml.YAMLError as exc:
        raise InvalidInput(Problem(name, 0, "", f"malformed YAML: {exc}")) from None
    return builder.doc


def read_yaml(path: Path, name: str | None = None) -> Document:
    """Read and parse one YAML file; its size is capped and it must be UTF-8."""
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(
                Problem(shown, 0, "", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(Problem(shown, 0, "", "file not found")) from None
    except IsADirectoryError:
        raise InvalidInput(Problem(shown, 0, "", "is a folder, expected a YAML file")) from None
    except PermissionError:
        raise InvalidInput(Problem(shown, 0, "", "cannot be read (permission denied)")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            Problem(shown, 0, "", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")
        ) from None
    return parse_yaml(text, shown)


def dump_yaml(data: Any) -> str:
    """Serialise plain data as readable block YAML, keys in the order given."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
