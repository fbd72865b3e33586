"""The deliverable registry and the runner that renders the chosen ones, two at a time.

Each deliverable names its files and the jobs that write them: plain functions of the report
context and the output folder. Jobs get the context as an argument, so rendering works with
any multiprocessing start method (fork, forkserver, spawn).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from assessment.errors import InvalidInput
from assessment.render import (
    analysis_report,
    executive_deck,
    process_guide,
    scores_workbook,
    sipoc,
    strategic_plan,
    training_plan,
)
from assessment.report.context import Context

Job = Callable[[Context, Path], list[Path]]


@dataclass(frozen=True)
class Deliverable:
    """One deliverable: the files it writes and the independent jobs that write them."""

    files: tuple[str, ...]
    jobs: tuple[Job, ...]


DELIVERABLES: dict[str, Deliverable] = {
    "analysis-report": Deliverable(
        ("analysis-report.docx", "analysis-report.pdf"),
        # the PDF is the slowest job: listed first, it starts first and the rest run beside it
        (analysis_report.render_pdf, analysis_report.render_docx),
    ),
    "strategic-plan": Deliverable(("strategic-plan.docx",), (strategic_plan.render,)),
    "training-plan": Deliverable(("training-plan.docx",), (training_plan.render,)),
    "process-guide": Deliverable(
        ("process-guide.docx", "process-guide.pdf"),
        (process_guide.render_pdf, process_guide.render_docx),
    ),
    "sipoc": Deliverable(("sipoc.docx", "sipoc.xlsx"), (sipoc.render,)),
    "executive-deck": Deliverable(("executive-deck.pptx",), (executive_deck.render,)),
    "scores": Deliverable(("scores.xlsx",), (scores_workbook.render,)),
}


def render_all(
    context: Context,
    out: Path,
    only: list[str] | None = None,
    start_method: str | None = None,
) -> list[Path]:
    """Render the chosen deliverables (all by default) into `out`, two at a time where we can.

    `start_method` picks how worker processes start; by default `fork` where the platform
    has it (the workers inherit the loaded libraries), else the platform's default.
    """
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
    jobs = [job for name in names for job in DELIVERABLES[name].jobs]
    jobs.sort(key=lambda job: job is not analysis_report.render_pdf)  # the slowest first
    if len(jobs) < 2 or (os.cpu_count() or 1) < 2:
        return [path for job in jobs for path in job(context, out)]
    methods = multiprocessing.get_all_start_methods()
    method = start_method or ("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        futures = [pool.submit(job, context, out) for job in jobs]
        return [path for future in futures for path in future.result()]
