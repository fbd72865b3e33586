"""The deliverable registry and the runner that renders the chosen ones, two at a time.

Each deliverable names its files and the jobs that write them: plain functions of the report
context and the output folder. The longest job goes to a worker process (`ahead`); then each
process takes the next job not yet taken. Jobs get the context as an argument, so any start
method works.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
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
from assessment.render.ahead import Ahead
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


Writer = Callable[[Outline, dt.datetime, Path], Path]


@dataclass(frozen=True)
class OutlineJob:
    """Write an outline of the report context as one or more documents (Word, PDF): the
    outline, and every chart or diagram in it, is built once for all of them."""

    outline: Callable[[Context], Outline]
    writes: tuple[tuple[Writer, str], ...]  # (writer, file name)

    def __call__(self, context: Context, out: Path) -> list[Path]:
        return self.built(context)(context, out)

    @property
    def slow(self) -> bool:
        return any(write is write_pdf for write, _ in self.writes)  # a PDF: it starts first

    def built(self, context: Context) -> BuiltOutline:
        """This job with its outline built now (its charts drawn here, kept in `context`)."""
        return BuiltOutline(self.outline(context), self.writes)


@dataclass(frozen=True)
class BuiltOutline:
    """An outline job whose outline is built: it only writes the documents."""

    outline: Outline
    writes: tuple[tuple[Writer, str], ...]

    def __call__(self, context: Context, out: Path) -> list[Path]:
        return [write(self.outline, context.generated, out / file) for write, file in self.writes]


def outline_document(
    name: str, outline: Callable[[Context], Outline], pdf: bool = False, apart: bool = False
) -> Deliverable:
    """A document written from one outline: `name`.docx, and `name`.pdf from the same outline.

    Both are written by one job, unless `apart`: then the PDF and the Word file are two jobs
    that run side by side (for the longest PDF, which the Word file should not wait behind).
    """
    writes: tuple[tuple[Writer, str], ...] = ((write_pdf, f"{name}.pdf"),) if pdf else ()
    writes += ((write_docx, f"{name}.docx"),)
    jobs = (
        [OutlineJob(outline, (write,)) for write in writes]
        if apart
        else [OutlineJob(outline, writes)]
    )
    return Deliverable(tuple(sorted(file for _, file in writes)), tuple(jobs))


DELIVERABLES: dict[str, Deliverable] = {
    analysis_report.NAME: outline_document(
        analysis_report.NAME, analysis_report.outline, pdf=True, apart=True
    ),
    strategic_plan.NAME: outline_document(strategic_plan.NAME, strategic_plan.outline),
    training_plan.NAME: outline_document(training_plan.NAME, training_plan.outline),
    process_guide.NAME: outline_document(process_guide.NAME, process_guide.outline, pdf=True),
    "sipoc": Deliverable(("sipoc.docx", "sipoc.xlsx"), (sipoc.render,)),
    "executive-deck": Deliverable(("executive-deck.pptx",), (executive_deck.render,)),
    "scores": Deliverable(("scores.xlsx",), (scores_workbook.render,)),
}


# Every job, longest first (as measured on the example): the PDFs, then the rest, so the
# two processes end together instead of one finishing a long job alone.
LONGEST_FIRST: list[Job] = [
    job
    for name in (
        "analysis-report",
        "process-guide",
        "scores",
        "strategic-plan",
        "executive-deck",
        "sipoc",
        "training-plan",
    )
    for job in DELIVERABLES[name].jobs
]
assert len(LONGEST_FIRST) == sum(len(d.jobs) for d in DELIVERABLES.values())


def render_all(
    context: Context,
    out: Path,
    only: list[str] | None = None,
    ahead: Ahead | None = None,
) -> list[Path]:
    """Render the chosen deliverables (all by default) into `out`, two at a time where we can.

    The PDFs go first. The worker `ahead` (one is started here when none is given) takes the
    first job; then each process takes the next job not yet taken.
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
    jobs = sorted(
        (job for name in names for job in DELIVERABLES[name].jobs),
        key=lambda job: (not getattr(job, "slow", False), LONGEST_FIRST.index(job)),
    )
    if len(jobs) < 2:
        return [path for job in jobs for path in job(context, out)]
    with contextlib.ExitStack() as stack:
        worker = ahead or stack.enter_context(Ahead())
        if worker.running and isinstance(jobs[0], OutlineJob):
            # The worker's first job gets its outline built here, while the worker still loads
            # WeasyPrint: its charts are drawn once, here, for the Word file of the same outline.
            jobs[0] = jobs[0].built(context)
        return [path for files in worker.share(jobs, context, out) for path in files]
