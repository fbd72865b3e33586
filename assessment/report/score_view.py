"""The score document as the documents show it: perspective and question rows formatted once,
the widest gaps, the consensus agenda, the targets, the key-activity grid and the chart series."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from assessment.analysis.score_document import DASH, fmt, fmt_gap
from assessment.analysis.scoring import Assessment
from assessment.pack.questions import LEVEL_LABELS
from assessment.report import plan_view
from assessment.report.findings import statement
from assessment.text import clean, fill

WIDEST = 3  # gaps shown per perspective in the current state


@dataclass(frozen=True, slots=True)
class PerspectiveRow:
    """A perspective's scores as printed, and how many of its questions were scored."""

    id: str
    name: str
    current: str
    target: str
    gap: str
    label: str
    coverage: str  # `7/9`


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """A scored question: what is true today, its scores and its answers, as printed."""

    id: str
    perspective: str
    text: str
    statement: str
    current: str  # `2.50 (rated)` where a rating replaced the mean
    target: str
    gap: str
    responses: str
    na: str
    unknown: str
    spread: str


@dataclass(frozen=True, slots=True)
class VoiceRow:
    """What one role said on a consensus question, and how many of them."""

    role: str
    said: str
    respondents: str


@dataclass(frozen=True, slots=True)
class ConsensusRow:
    """A question respondents placed two levels or more apart, with each role's answer."""

    question: str
    text: str
    perspective: str
    spread: str
    current: str
    rated: bool
    voices: tuple[VoiceRow, ...]


@dataclass(frozen=True, slots=True)
class TargetRow:
    """A line of the agreed targets: what it applies to, and the level."""

    scope: str
    target: str


def perspective_row(p: dict[str, Any]) -> PerspectiveRow:
    return PerspectiveRow(
        id=p["id"],
        name=clean(p["name"]),
        current=fmt(p["current"]),
        target=fmt(p["target"]),
        gap=fmt_gap(p["gap"], p["current"], p["target"]),
        label=LEVEL_LABELS[p["level"]] if p["level"] is not None else DASH,
        coverage=f"{p['scored']}/{p['questions']}",
    )


def question_rows(assessment: Assessment, doc: dict[str, Any]) -> list[QuestionRow]:
    texts = {q.id: q.text for q in assessment.pack.questions}
    names = {p.id: p.name for p in assessment.pack.info.perspectives}
    customer, organisation = clean(assessment.customer), clean(assessment.engagement.organisation)
    text = plan_view.texts(assessment)
    rows = []
    for q in doc["questions"]:
        if not assessment.pack.question(q["id"]).scored:
            continue
        rows.append(
            QuestionRow(
                id=q["id"],
                perspective=clean(names[q["perspective"]]),
                text=fill(clean(texts[q["id"]]), customer, organisation),
                statement=statement(assessment, q["id"], text),
                current=fmt(q["current"]) + (" (rated)" if q["rated"] else ""),
                target=fmt(q["target"]),
                gap=fmt_gap(q["gap"], q["current"], q["target"]),
                responses=str(q["responses"]),
                na=str(q["na"]),
                unknown=str(q["unknown"]),
                spread=fmt(q["spread"]),
            )
        )
    return rows


def widest_gaps(assessment: Assessment, doc: dict[str, Any]) -> dict[str, list[QuestionRow]]:
    """Per perspective, its three widest open gaps (question text, current, target)."""
    rows = {row.id: row for row in question_rows(assessment, doc)}
    result: dict[str, list[QuestionRow]] = {p.id: [] for p in assessment.pack.info.perspectives}
    scored = [q for q in doc["questions"] if q["type"] != "text" and q["gap"]]
    for q in sorted(scored, key=lambda q: -q["gap"]):
        if len(result[q["perspective"]]) < WIDEST:
            result[q["perspective"]].append(rows[q["id"]])
    return result


def consensus_items(assessment: Assessment) -> list[ConsensusRow]:
    return [
        ConsensusRow(
            question=c.question,
            text=clean(c.text),
            perspective=clean(c.perspective),
            spread=fmt(c.spread),
            current=fmt(c.current),
            rated=c.rated,
            voices=tuple(
                VoiceRow(
                    role=clean(v.role),
                    said=fmt(v.value) if v.value is not None else v.status,
                    respondents=str(v.respondents),
                )
                for v in c.voices
            ),
        )
        for c in assessment.consensus
    ]


def target_rows(assessment: Assessment) -> list[TargetRow]:
    targets = assessment.engagement.targets
    rows = [TargetRow("Default for every question", str(targets.default))]
    rows += [
        TargetRow(f"{assessment.pack.perspective_name(pid)} perspective", str(level))
        for pid, level in sorted(targets.perspectives.items())
    ]
    rows += [
        TargetRow(f"Question {qid}", str(level)) for qid, level in sorted(targets.questions.items())
    ]
    return rows


@dataclass(frozen=True, slots=True)
class ActivityGrid:
    """Key activity (rows) × perspective (columns): current maturity, None where unscored,
    and the same as printed in the grid's cells."""

    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    values: tuple[tuple[float | None, ...], ...] = ()
    cells: tuple[tuple[str, ...], ...] = ()


def activity_grid(assessment: Assessment) -> ActivityGrid:
    """Key activity (rows) × perspective (columns): current maturity, None where unscored."""
    frame = assessment.activities
    names = {a.id: clean(a.name) for a in getattr(assessment.pack.knowledge, "activities", ())}
    if frame.empty:
        return ActivityGrid()
    grid = frame.pivot(index="activity", columns="perspective", values="current")
    columns = [p.id for p in assessment.pack.info.perspectives if p.id in grid.columns]
    rows = [a for a in names if a in grid.index] + [a for a in grid.index if a not in names]
    grid = grid.reindex(index=rows, columns=columns)
    values = tuple(tuple(None if math.isnan(v) else float(v) for v in row) for row in grid.values)
    return ActivityGrid(
        rows=tuple(names.get(a, a) for a in rows),
        columns=tuple(clean(assessment.pack.perspective_name(p)) for p in columns),
        values=values,
        cells=tuple(tuple(fmt(v) for v in row) for row in values),
    )


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """The perspectives' names with their current and target scores, for charts."""

    labels: tuple[str, ...]
    current: tuple[float | None, ...]
    target: tuple[float | None, ...]


def chart_series(doc: dict[str, Any]) -> ChartSeries:
    return ChartSeries(
        labels=tuple(clean(p["name"]) for p in doc["perspectives"]),
        current=tuple(p["current"] for p in doc["perspectives"]),
        target=tuple(p["target"] for p in doc["perspectives"]),
    )
