"""The deliverable registry and the runner that renders the chosen ones, two at a time.

Each deliverable names its files and the jobs that write them: plain functions of the report
context and the output folder. Jobs get the context as an argument, so rendering works with
any multiprocessing start method (fork, forkserver, spawn).
"""

from __future__ import annotations

import datetime as dt
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
from assessment.render.docx_writer import write_docx
from assessment.render.outline import Outline
from assessment.render.pdf_writer import write_pdf
from assessment.report.context import Context

Job = Callable[[Context, Path], list[Path]]


@dataclass(frozen=True)
class Deliverable:
    """One deliverable: the files it writes and the independent jobs that write them."""

    files: tuple[str, ...]
    jobs: tuple[Job, ...]


@dataclass(frozen=True)
class OutlineJob:
    """Write one outline document (Word or PDF) of the report context."""

    outline: Callable[[Context], Outline]
    write: Callable[[Outline, dt.datetime, Path], Path]
    file: str

    def __call__(self, context: Context, out: Path) -> list[Path]:
        return [self.write(self.outline(context), context.generated, out / self.file)]

    @property
    def slow(self) -> bool:
        return self.write is write_pdf  # a PDF takes longest: it starts first


def outline_document(
    name: str, outline: Callable[[Context], Outline], pdf: bool = False
) -> Deliverable:
    """A document written from one outline: `name`.docx, and `name`.pdf from the same outline."""
    jobs = [OutlineJob(outline, write_pdf, f"{name}.pdf")] if pdf else []
    jobs.append(OutlineJob(outline, write_docx, f"{name}.docx"))
    return Deliverable(tuple(sorted(job.file for job in jobs)), tuple(jobs))


DELIVERABLES: dict[str, Deliverable] = {
    analysis_report.NAME: outline_document(analysis_report.NAME, analysis_report.outline, pdf=True),
    strategic_plan.NAME: outline_document(strategic_plan.NAME, strategic_plan.outline),
    training_plan.NAME: outline_document(training_plan.NAME, training_plan.outline),
    process_guide.NAME: outline_document(process_guide.NAME, process_guide.outline, pdf=True),
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
    jobs.sort(key=lambda job: not getattr(job, "slow", False))  # the PDFs first, as listed
    if len(jobs) < 2 or (os.cpu_count() or 1) < 2:
        return [path for job in jobs for path in job(context, out)]
    methods = multiprocessing.get_all_start_methods()
    method = start_method or ("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        futures = [pool.submit(job, context, out) for job in jobs]
        return [path for future in futures for path in future.result()]
