"""Open an engagement with its pack and check every answer, target and rating against the pack."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assessment.engagement.model import Answer, Engagement, Interview
from assessment.engagement.store import Folder, read_engagement
from assessment.errors import InvalidInput, Problem
from assessment.files.yamlfile import Document
from assessment.pack.load import load_pack, resolve_pack
from assessment.pack.model import Pack
from assessment.pack.questions import Question


@dataclass
class Opened:
    """A checked engagement: the only input scoring and rendering accept."""

    folder: Path
    engagement: Engagement
    interviews: dict[str, Interview]
    pack: Pack
    digest: str = ""  # sha256 over the files read: tells which engagement state a run used


def open_engagement(folder: Path) -> Opened:
    """Read an engagement and its pack; raise InvalidInput naming every inconsistency."""
    with _bulk_reading():
        found, pack = read_with_pack(folder)
        problems = check_engagement(found, pack)
    if problems:
        raise InvalidInput(problems)
    return Opened(folder, found.engagement, found.interviews, pack, found.digest())


def read_with_pack(folder: Path) -> tuple[Folder, Pack]:
    """Read an engagement folder and load its pack, without the cross-checks (for progress)."""
    with _bulk_reading():
        found = read_engagement(folder)
        return found, pack_of(found)


@contextmanager
def _bulk_reading() -> Iterator[None]:
    """Pause the cycle collector while thousands of answers are read. Reading makes no
    reference cycles, so each pass would only rescan every answer read so far: at 1,000
    interviews that was a third of the opening time. Collection resumes as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def pack_of(found: Folder) -> Pack:
    """Load the pack an engagement names; an unknown pack is reported on its `pack:` line."""
    doc = found.engagement_doc
    try:
        return load_pack(resolve_pack(found.engagement.pack, found.path))
    except InvalidInput as exc:
        if len(exc.problems) == 1 and exc.problems[0].message.startswith("unknown pack"):
            line = doc.line_of(("pack",))
            raise InvalidInput(Problem(doc.name, line, "pack", exc.problems[0].message)) from None
        raise


def check_engagement(found: Folder, pack: Pack) -> list[Problem]:
    problems = _check_settings(found.engagement, found.engagement_doc, pack)
    questions = {q.id: q for q in pack.questions}
    options = {q.id: q.option_ids() for q in pack.questions if q.type == "multi"}
    for name, interview in found.interviews.items():
        problems += _check_answers(interview, found.interview_docs[name], questions, options)
    return problems


def _unknown_question(doc: Document, at: tuple[str, ...], qid: str) -> Problem:
    return Problem(
        doc.name,
        doc.line_of(at),
        qid,
        "unknown question id; `assess validate` on the pack lists its questions",
    )


def _check_settings(engagement: Engagement, doc: Document, pack: Pack) -> list[Problem]:
    problems = []
    perspectives = {p.id for p in pack.info.perspectives}
    for pid in engagement.targets.perspectives:
        if pid not in perspectives:
            problems.append(
                Problem(
                    doc.name,
                    doc.line_of(("targets", "perspectives", pid)),
                    f"targets.perspectives.{pid}",
                    f"unknown perspective; use one of {sorted(perspectives)}",
                )
            )
    for qid in engagement.targets.questions:
        if not pack.has_question(qid):
            problems.append(_unknown_question(doc, ("targets", "questions", qid), qid))
    for qid in engagement.ratings:
        if not pack.has_question(qid):
            problems.append(_unknown_question(doc, ("ratings", qid), qid))
        elif not pack.question(qid).scored:
            problems.append(
                Problem(
                    doc.name,
                    doc.line_of(("ratings", qid)),
                    qid,
                    f"a {pack.question(qid).type} question without a score cannot be rated",
                )
            )
    kpis = pack.knowledge.ids("kpi") or set()
    for kid in engagement.kpi_goals:
        if kid not in kpis:
            problems.append(
                Problem(
                    doc.name, doc.line_of(("kpi_goals", kid)), kid, "unknown KPI id in `kpi_goals`"
                )
            )
    rec_ids = {r.id for r in pack.recommendations}
    for index, rid in enumerate(engagement.priorities):
        if rid not in rec_ids:
            problems.append(
                Problem(
                    doc.name,
                    doc.line_of(("priorities", index)),
                    rid,
                    "unknown recommendation id in `priorities`",
                )
            )
    return problems


def _check_answers(
    interview: Interview,
    doc: Document,
    questions: dict[str, Question],
    options: dict[str, list[str]],
) -> list[Problem]:
    """Each answer against its question (`options`: the option ids of each checklist)."""
    problems = []
    for qid, answer in interview.answers.items():
        question = questions.get(qid)
        if question is None:
            problems.append(_unknown_question(doc, ("answers", qid), qid))
            continue
        if question.type == "scale" and answer.value is None and answer.level.__class__ is int:
            continue  # the usual answer, and a right one: a level to a scale question
        at = ("answers", qid)
        if question.type == "metric" or answer.value is not None:
            problems += _check_metric(question, answer, doc, at)
            continue
        if answer.not_scored:
            continue
        if question.type == "scale" and not isinstance(answer.level, int):
            problems.append(
                Problem(
                    doc.name,
                    doc.line_of(at),
                    qid,
                    "a scale question needs `level: 0..5`, `na` or `unknown`",
                )
            )
        elif question.type == "multi":
            if answer.selected is None:
                problems.append(
                    Problem(
                        doc.name,
                        doc.line_of(at),
                        qid,
                        "a checklist question needs `selected: [option ids]`",
                    )
                )
                continue
            allowed = options[qid]
            for index, option in enumerate(answer.selected):
                if option not in allowed:
                    problems.append(
                        Problem(
                            doc.name,
                            doc.line_of((*at, "selected", index)),
                            f"{qid}.selected",
                            f"unknown option {option!r}; allowed: {', '.join(allowed)}",
                        )
                    )
        elif question.type == "text" and answer.text is None:
            problems.append(
                Problem(doc.name, doc.line_of(at), qid, "a text question needs `text: ...`")
            )
    return problems


def _check_metric(
    question: Question, answer: Answer, doc: Document, at: tuple[str, ...]
) -> list[Problem]:
    """A metric takes `value: N` within its range (or `unknown`); other questions take no value."""

    def problem(message: str, key: str = "") -> list[Problem]:
        loc = (*at, key) if key else at
        return [Problem(doc.name, doc.line_of(loc), question.id, message)]

    if question.type != "metric":
        return problem(f"a {question.type} question takes no `value`", "value")
    if not question.asked:
        parts = " ÷ ".join(question.derive.ratio) if question.derive else ""
        return problem(f"is derived ({parts}), never answered; answer those questions instead")
    if answer.not_scored:
        return []
    number = answer.measured
    if number is None:
        return problem(
            f"a metric question needs `value: <number of {question.unit}>` or `value: unknown`"
        )
    if not question.in_range(number):
        low, high = question.range or (number, number)
        return problem(
            f"value {number:g} is outside the plausible range {low:g}..{high:g} "
            f"{question.unit}; check the figure or answer `unknown`",
            "value",
        )
    return []
