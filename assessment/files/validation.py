"""Validate parsed YAML against a model and turn every error into a `file:line: item: message`."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assessment.errors import Problem
from assessment.files.yamlfile import Document

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], data: Any, doc: Document, at: tuple[str | int, ...] = ()
) -> tuple[M | None, list[Problem]]:
    """Build `model` from `data` (found at `at` inside `doc`); problems instead of exceptions."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [problem_from_error(model, err, doc, at) for err in exc.errors()]


def validate_document(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    """`validate` of a whole file. A file from the cache is validated straight from its JSON,
    which skips building the plain data first; if that fails, the plain data says why."""
    if doc.cached is not None:
        try:
            return model.model_validate_json(doc.cached), []
        except ValidationError:
            pass
    return validate(model, doc.data, doc)


def problem_from_error(
    model: type[BaseModel], err: Any, doc: Document, at: tuple[str | int, ...] = ()
) -> Problem:
    """One pydantic error as `file:line: item: message`."""
    loc = tuple(part for part in err["loc"] if isinstance(part, str | int) and part != "[key]")
    full = (*at, *loc)
    return Problem(
        doc.name, doc.line_of(full), item_name(doc.data, full), _message(model, err, loc)
    )


def item_name(data: Any, loc: tuple[str | int, ...]) -> str:
    """Name an item the way a pack author thinks of it: `RM-PEO-07.weight`, `targets.default`."""
    owner, rest = "", list(loc)
    node = data
    for index, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            owner, rest = node["id"], list(loc[index + 1 :])
    if not owner:
        rest = [part for part in rest if not isinstance(part, int)] or rest
    text = ".".join(str(part) for part in rest)
    return f"{owner}.{text}" if owner and text else owner or text


def _message(model: type[BaseModel], err: Any, loc: tuple[str | int, ...]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if hint:
            return f"unknown key; did you mean `{hint[0]}`?"
        return "unknown key; allowed: " + ", ".join(allowed) if allowed else "unknown key"
    if kind == "missing":
        return "is required; add it"
    message = str(err["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind in {
        "int_parsing",
        "float_parsing",
        "less_than_equal",
        "greater_than_equal",
        "greater_than",
        "less_than",
        "literal_error",
        "string_pattern_mismatch",
    }:
        message = f"{message} (got {err.get('input')!r})"
    return message[:1].lower() + message[1:]


def _allowed_keys(model: Any, loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the model found by walking `loc` down from `model`."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return []
            current = field.annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """The model inside Optional[...], list[...], tuple[..., ...] or dict[str, ...]."""
    for _ in range(5):
        origin = typing.get_origin(annotation)
        if origin is None:
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not Ellipsis]
        if origin in (typing.Union, types.UnionType):
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        elif origin is typing.Annotated:
            annotation = args[0]
        elif args:
            annotation = args[-1]
        else:
            return annotation
    return annotation
