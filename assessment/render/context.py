"""Build the report context once: every number formatted, every list sorted, all text cleaned.

Renderers only place what is here; they never compute, so no two deliverables can disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from assessment.model import LEVEL_LABELS
from assessment.scoredoc import score_document
from assessment.scoring import Assessment
from assessment.text import clean, fill

DASH = "–"


def fmt(value: Any) -> str:
    """A score as printed everywhere: two decimals, or an en dash when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return f"{float(value):.2f}"


@dataclass(frozen=True)
class Row:
    """A table row ready to place: cells already formatted as text."""

    cells: tuple[str, ...]
    emphasis: bool = False


@dataclass(frozen=True)
class Context:
    """Everything a deliverable shows."""

    customer: str
    organisation: str
    process: str
    pack_name: str
    pack_version: str
    date: dt.date
    generated: dt.datetime
    overall: dict[str, str]
    overall_sentence: str
    perspectives: list[dict[str, str]]
    questions: list[dict[str, str]]
    recommendations: list[dict[str, Any]]
    respondents_by_role: list[tuple[str, int]]
    method: list[str]
    levels: list[tuple[str, str]]
    scores: dict[str, Any] = field(repr=False, default_factory=dict)

    def text(self, value: str) -> str:
        """Pack text with placeholders filled for this customer."""
        return fill(value, self.customer, self.organisation)


METHOD = [
    "Each interviewee placed the organisation on a six-level scale for every question: "
    "0 Non-existent, 1 Initial, 2 Repeatable, 3 Defined, 4 Managed, 5 Optimized.",
    "For a checklist question, a respondent's value is 5 × (weight of the options selected ÷ "
    "weight of all options). Answers of 'not applicable' and 'don't know' are counted and "
    "reported but not scored.",
    "A question's current score is the mean of the respondents' values. Where the consultant "
    "recorded a rating (for example after a consensus workshop), that rating replaces the mean "
    "and is marked as such.",
    "A question's target is the desired level agreed for that question, else for its "
    "perspective, else the engagement's default target. Its gap is target − current, never "
    "below zero.",
    "A perspective's current and target scores are the question-weighted means over its "
    "scored questions; its gap is target − current. The overall score is the plain mean of the "
    "perspectives that have scores.",
    "A question whose respondents differ by two levels or more is flagged for a consensus "
    "workshop. Scores are rounded to two decimals once, and gaps are computed from the rounded "
    "values, so every table in this document adds up.",
]


def build_context(assessment: Assessment, generated: dt.datetime) -> Context:
    """Build the context from the Assessment and the one clock."""
    engagement = assessment.engagement
    customer = clean(assessment.customer)
    organisation = clean(engagement.organisation) or f"{customer} IT"
    info = assessment.pack.info
    doc = score_document(assessment)
    overall = {key: fmt(doc["overall"][key]) for key in ("current", "target", "gap")}
    overall["label"] = doc["overall"]["label"] or "not yet scored"
    overall["level"] = DASH if doc["overall"]["level"] is None else str(doc["overall"]["level"])
    return Context(
        customer=customer,
        organisation=organisation,
        process=clean(info.process),
        pack_name=clean(info.name),
        pack_version=info.version,
        date=engagement.date or generated.date(),
        generated=generated,
        overall=overall,
        overall_sentence=_overall_sentence(customer, clean(info.process), doc["overall"]),
        perspectives=[_perspective(p) for p in doc["perspectives"]],
        questions=_questions(assessment, doc),
        recommendations=_recommendations(assessment),
        respondents_by_role=_roles(assessment),
        method=METHOD,
        levels=[(str(level), label) for level, label in LEVEL_LABELS.items()],
        scores=doc,
    )


def _overall_sentence(customer: str, process: str, overall: dict[str, Any]) -> str:
    if overall["current"] is None:
        return f"No answers have been scored yet for {customer}'s {process} process."
    return (
        f"{customer}'s {process} process scores {fmt(overall['current'])} out of 5 "
        f"(level {overall['level']}, {overall['label']}) against a target of "
        f"{fmt(overall['target'])}: a gap of {fmt(overall['gap'])}."
    )


def _perspective(p: dict[str, Any]) -> dict[str, str]:
    return {
        "id": p["id"],
        "name": clean(p["name"]),
        "current": fmt(p["current"]),
        "target": fmt(p["target"]),
        "gap": fmt(p["gap"]),
        "label": LEVEL_LABELS[p["level"]] if p["level"] is not None else DASH,
        "coverage": f"{p['scored']}/{p['questions']}",
    }


def _questions(assessment: Assessment, doc: dict[str, Any]) -> list[dict[str, str]]:
    texts = {q.id: q.text for q in assessment.pack.questions}
    names = {p.id: p.name for p in assessment.pack.info.perspectives}
    customer, organisation = clean(assessment.customer), clean(assessment.engagement.organisation)
    rows = []
    for q in doc["questions"]:
        if q["type"] == "text":
            continue
        rows.append(
            {
                "id": q["id"],
                "perspective": clean(names[q["perspective"]]),
                "text": fill(clean(texts[q["id"]]), customer, organisation),
                "current": fmt(q["current"]) + (" (rated)" if q["rated"] else ""),
                "target": fmt(q["target"]),
                "gap": fmt(q["gap"]),
                "responses": str(q["responses"]),
                "na": str(q["na"]),
                "unknown": str(q["unknown"]),
                "spread": fmt(q["spread"]),
            }
        )
    return rows


def _recommendations(assessment: Assessment) -> list[dict[str, Any]]:
    customer, organisation = clean(assessment.customer), clean(assessment.engagement.organisation)
    names = {p.id: p.name for p in assessment.pack.info.perspectives}

    def text(value: str) -> str:
        return fill(clean(value), customer, organisation)

    return [
        {
            "rank": str(r.rank),
            "id": r.id,
            "title": text(r.recommendation.title),
            "perspective": clean(names[r.recommendation.perspective]),
            "horizon": r.recommendation.horizon,
            "effort": r.recommendation.effort,
            "impact": r.recommendation.impact,
            "quick_win": r.quick_win,
            "customer_priority": r.customer_priority,
            "priority": fmt(r.priority),
            "rationale": text(r.recommendation.rationale),
            "steps": [text(step) for step in r.recommendation.steps],
            "questions": ", ".join(r.questions),
        }
        for r in assessment.recommendations
    ]


def _roles(assessment: Assessment) -> list[tuple[str, int]]:
    roles = assessment.respondents["role"].map(lambda r: clean(r) or "unspecified")
    counts = roles.value_counts()
    return sorted(((str(role), int(n)) for role, n in counts.items()), key=lambda x: x[0])
