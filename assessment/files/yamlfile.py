"""Read YAML as plain data with the line of every item, refusing anything unsafe; write it back.

Scalars are kept as the strings they look like (`no`, `1.10`, `012` stay text); pydantic types
them later against the model, so a value is only a number where a number is expected.
Tags, anchors, aliases, duplicate keys, several documents and deep nesting are refused before
any object is built, so a hostile file costs no more than its own size.
Lines are only worked out when one is asked for (an error to report), and a file read before
is taken from the cache of parsed files (files/yamlcache.py) instead of being parsed again.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assessment.errors import InvalidInput, Problem
from assessment.files import yamlcache
from assessment.files.inputs import read_input

MAX_DEPTH = 24
MAX_BYTES = 4 * 1024 * 1024
_NULLS = {"", "~", "null", "Null", "NULL"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Parsed YAML plus where each item came from.

    The line of every item is worked out the first time one is asked for (only an error needs
    one), by reading the same text again with line bookkeeping; `source` holds that text.
    """

    name: str
    data: Any  # a file from the cache: decoded from `cached` the first time it is read
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # sha256 of the bytes read, so a later save can tell the file changed
    source: str | None = field(default=None, repr=False)
    _lines: dict[Path_, int] | None = field(default=None, repr=False)
    cached: bytes | None = field(default=None, repr=False)  # `data` as JSON, from the cache

    def __post_init__(self) -> None:
        if self.cached is not None:
            del self.data  # until first read: a model may be validated from the JSON instead

    def __getattr__(self, name: str) -> Any:
        cached = self.__dict__.get("cached")
        if name != "data" or cached is None:
            raise AttributeError(name)
        try:
            self.data = json.loads(cached)
        except ValueError:  # a tampered cache entry: read the file's own text instead
            self.data = parse_yaml(self.__dict__.get("source") or "", self.name).data
        return self.data

    @property
    def lines(self) -> dict[Path_, int]:
        """Path of every item → the line it starts on."""
        if self._lines is None:
            self._lines = {} if self.source is None else _lines_of(self.source, self.name)
        return self._lines

    @lines.setter
    def lines(self, value: dict[Path_, int]) -> None:
        self._lines, self.source = value, None

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """Line of the deepest known item on `loc` (a pydantic error location or a data path)."""
        lines = self.lines
        best = lines.get((), 1)
        current: Path_ = ()
        for part in loc:
            if not isinstance(part, str | int):
                continue
            candidate = (*current, part)
            if candidate in lines:
                current = candidate
                best = lines[candidate]
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
    try:
        data = _plain_data(yaml.parse(io.StringIO(text), Loader=_Loader))
    except (_Unusual, yaml.YAMLError):  # the careful reader says what is wrong, and where
        return _careful(text, name)
    return Document(name, data, source=text)


class _Unusual(Exception):
    """Something `_plain_data` leaves to the careful reader: a refusal, a problem, an error."""


def _plain_data(events: Iterable[Any]) -> Any:
    """The data of an ordinary file, quickly: no lines, and anything that the careful reader
    would refuse or report (tags, anchors, aliases, duplicate keys, several documents, deep
    nesting, a collection as a key) raises _Unusual instead."""
    stack: list[list[Any]] = []  # [container, pending key] from the outermost in
    documents, data = 0, None
    for event in events:
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            if event.anchor or (event.tag and event.tag != "!"):
                raise _Unusual
            value = event.value
            if (event.style is None or event.style == "") and value in _NULLS:
                value = None
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor or (event.tag and event.tag != "!") or len(stack) >= MAX_DEPTH:
                raise _Unusual
            if stack and stack[-1][1] is _NO_KEY and stack[-1][0].__class__ is dict:
                raise _Unusual
            stack.append([{} if kind is yaml.MappingStartEvent else [], _NO_KEY])
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()[0]
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        elif kind is yaml.AliasEvent:
            raise _Unusual
        else:
            continue
        if not stack:
            data = value
            continue
        frame = stack[-1]
        container, key = frame
        if container.__class__ is list:
            container.append(value)
        elif key is _NO_KEY:
            key = "" if value is None else value
            if key in container:
                raise _Unusual
            frame[1] = key
        else:
            container[key] = value
            frame[1] = _NO_KEY
    return data


def _lines_of(text: str, name: str) -> dict[Path_, int]:
    """The line of every item of a text already parsed once (so it parses again)."""
    try:
        return _careful(text, name).lines
    except InvalidInput:  # not the text that was parsed: no lines rather than a crash
        return {}


def _careful(text: str, name: str) -> Document:
    """Parse with the line of every item, saying what is refused or wrong and where."""
    builder = _Builder(name)
    try:
        for event in yaml.parse(io.StringIO(text), Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or "malformed YAML"
        raise InvalidInput(Problem(name, line, "", f"malformed YAML: {reason}")) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        shown = "a NUL byte" if code == 0 else f"the control character U+{code:04X}"
        raise InvalidInput(
            Problem(name, line, "", f"{shown} is not allowed in YAML; delete it")
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidInput(Problem(name, 0, "", f"malformed YAML: {exc}")) from None
    return builder.doc


def read_yaml(path: Path, name: str | None = None, root: Path | None = None) -> Document:
    """Read and parse one YAML file: a regular file (inside `root` when given), capped, UTF-8."""
    shown = name or str(path)
    raw = read_input(path, MAX_BYTES, shown, root)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(
            Problem(shown, line, "", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")
        ) from None
    digest = hashlib.sha256(raw).hexdigest()
    cached = yamlcache.load(digest)
    if cached is not None:
        return Document(shown, None, digest=digest, source=text, cached=cached)
    doc = parse_yaml(text, shown)
    doc.digest = digest
    if not doc.problems:
        yamlcache.store(digest, doc.data)
    return doc


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
