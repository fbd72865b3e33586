"""Deliverable renderers: each places the one report context into one kind of file."""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

from assessment.errors import InvalidInput
from assessment.report.context import Context

# deliverable name → module under assessment.render exposing `render(context, out) -> [Path]`
DELIVERABLES: dict[str, str] = {
    "analysis-report": "analysis_report",
    "strategic-plan": "strategic_plan",
    "training-plan": "training_plan",
    "process-guide": "process_guide",
    "sipoc": "sipoc",
    "executive-deck": "executive_deck",
    "scores": "scores_workbook",
}


def render_all(context: Context, out: Path, only: list[str] | None = None) -> list[Path]:
    """Render the chosen deliverables (all by default) into `out`, two at a time where we can."""
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
    jobs = [(DELIVERABLES[name], job) for name in names for job in _jobs(DELIVERABLES[name])]
    jobs.sort(key=lambda job: job[1] != "render_pdf")  # the slowest first, so it overlaps
    global _CONTEXT
    _CONTEXT = context
    try:
        if len(jobs) > 1 and _can_fork():
            # The context is built once; forked workers inherit it, nothing is pickled.
            with multiprocessing.get_context("fork").Pool(2) as pool:
                results = pool.starmap(_run, [(module, job, out) for module, job in jobs], 1)
        else:
            results = [_run(module, job, out) for module, job in jobs]
    finally:
        _CONTEXT = None
    return [path for paths in results for path in paths]


_CONTEXT: Context | None = None


def _jobs(module: str) -> tuple[str, ...]:
    """A module renders with `render`, or lists its independent jobs in JOBS."""
    return tuple(
        getattr(importlib.import_module(f"assessment.render.{module}"), "JOBS", ("render",))
    )


def _run(module: str, job: str, out: Path) -> list[Path]:
    assert _CONTEXT is not None
    render: Callable[[Context, Path], list[Path]] = getattr(
        importlib.import_module(f"assessment.render.{module}"), job
    )
    return render(_CONTEXT, out)


def _can_fork() -> bool:
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
