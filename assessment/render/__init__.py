"""Deliverable renderers: each places the one report context into one kind of file."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from assessment.errors import InvalidInput
from assessment.render.context import Context

# deliverable name → module under assessment.render exposing `render(context, out) -> [Path]`
DELIVERABLES: dict[str, str] = {
    "analysis-report": "analysis_report",
}


def render_all(context: Context, out: Path, only: list[str] | None = None) -> list[Path]:
    """Render the chosen deliverables (all by default) into `out`."""
    names = only or list(DELIVERABLES)
    unknown = [name for name in names if name not in DELIVERABLES]
    if unknown:
        raise InvalidInput(
            f"unknown deliverable {', '.join(unknown)}; choose from {', '.join(DELIVERABLES)}"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"{out}: cannot create the output folder ({exc.strerror})") from None
    written: list[Path] = []
    for name in names:
        render: Callable[[Context, Path], list[Path]] = importlib.import_module(
            f"assessment.render.{DELIVERABLES[name]}"
        ).render
        written += render(context, out)
    return written
