"""The report context as plain JSON data: a reviewable snapshot of everything the documents show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from pydantic import BaseModel

from assessment.report.context import Context


def snapshot(context: Context) -> dict[str, Any]:
    """Every field of the context as JSON-ready data; charts as their captions only."""
    data = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    data["charts"] = {name: context.charts[name].caption for name in context.charts}
    return {name: _plain(value) for name, value in data.items()}


def snapshot_json(context: Context) -> str:
    """The snapshot as indented JSON text, keys in field order, ending with a newline."""
    return json.dumps(snapshot(context), indent=1, ensure_ascii=False) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
