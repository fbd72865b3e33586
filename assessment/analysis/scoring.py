"""Turn answers into the Assessment: maturity, targets and gaps per question, perspective, overall.

The formula (also printed in the report's method appendix):
- a respondent's value is the level (scale) or 5 × selected weight ÷ all option weight (multi),
  at most the checklist's `cap` level unless its listed options are all selected;
  `na` and `unknown` are counted but not scored;
- question current = mean over respondents with a value, replaced by a consultant rating; for a
  banded metric, the band level of the respondents' median value (see assessment.metrics);
- question target = targets.questions › targets.perspectives › targets.default;
- question gap = max(0, target − current);
- perspective current/target = question-weighted means over its scored questions;
  perspective gap = max(0, target − current); overall = plain mean of the scored perspectives,
  its gap max(0, target − current). A gap is never negative: an exceeded target is met.
Numbers are rounded to 2 decimals here, once, and gaps computed from the rounded values, so
every deliverable shows numbers that add up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from assessment.analysis.means import weighted_means
from assessment.analysis.metrics import band_levels, derived_rows, medians
from assessment.analysis.plan import Plan, build_plan
from assessment.analysis.recommend import Ranked, recommend
from assessment.analysis.training import RoleTrainingNeed, training_needs
from assessment.analysis.views import (
    ConsensusItem,
    consensus_agenda,
    informs_view,
    respondent_view,
    role_view,
)
from assessment.engagement.model import Answer, Engagement, Interview
from assessment.engagement.open import Opened
from assessment.pack.model import Pack
from assessment.pack.questions import LEVEL_LABELS

CONSENSUS_SPREAD = 2.0
RAW_COLUMNS = ["respondent", "role", "question", "level", "selected", "note", "text"]
ANSWER_COLUMNS = ["respondent", "role", "question", "value", "status", "note", "text", "measure"]


@dataclass(frozen=True)
class Assessment:
    """The one result every renderer and notebook reads."""

    customer: str
    pack: Pack
    engagement: Engagement
    respondents: pd.DataFrame
    answers: pd.DataFrame
    questions: pd.DataFrame
    perspectives: pd.DataFrame
    overall: dict[str, Any]
    plan: Plan
    recommendations: list[Ranked] = field(default_factory=list)
    by_respondent: pd.DataFrame = field(default_factory=pd.DataFrame)
    by_role: pd.DataFrame = field(default_factory=pd.DataFrame)
    activities: pd.DataFrame = field(default_factory=pd.DataFrame)
    consensus: list[ConsensusItem] = field(default_factory=list)
    training: list[RoleTrainingNeed] = field(default_factory=list)


def level_of(value: float | None) -> int | None:
    """The maturity level a score has reached (2.9 is still Repeatable)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return math.floor(value + 1e-9)


def label_of(value: float | None) -> str | None:
    level = level_of(value)
    return None if level is None else LEVEL_LABELS[level]


def score(opened: Opened) -> Assessment:
    """Score a checked engagement."""
    pack, engagement = opened.pack, opened.engagement
    respondents = respondent_frame(opened.interviews)
    answers = answer_frame(pack, opened.interviews)
    questions = question_frame(pack, engagement, answers)
    perspectives = perspective_frame(pack, questions)
    overall = overall_scores(perspectives)
    ranked = recommend(pack, engagement, questions)
    return Assessment(
        customer=engagement.customer,
        pack=pack,
        engagement=engagement,
        respondents=respondents,
        answers=answers,
        questions=questions,
        perspectives=perspectives,
        overall=overall,
        recommendations=ranked,
        by_respondent=respondent_view(pack, answers),
        by_role=role_view(pack, answers),
        activities=informs_view(pack, questions, "activity"),
        consensus=consensus_agenda(pack, questions, answers),
        plan=build_plan(pack, ranked, questions),
        training=training_needs(pack, questions),
    )


def respondent_frame(interviews: dict[str, Interview]) -> pd.DataFrame:
    rows = [
        {
            "respondent": key,
            "name": iv.respondent.name,
            "role": iv.respondent.role,
            "unit": iv.respondent.unit,
            "date": iv.date,
            "answered": len(iv.answers),
        }
        for key, iv in sorted(interviews.items())
    ]
    columns = ["respondent", "name", "role", "unit", "date", "answered"]
    return pd.DataFrame(rows, columns=columns).set_index("respondent")


def answer_frame(pack: Pack, interviews: dict[str, Interview]) -> pd.DataFrame:
    """One row per answer (and per derived metric): its score value (NaN when not scored), its
    status, and for metrics the measured number."""
    raw = pd.DataFrame(
        [
            _answer_row(key, iv, qid, a)
            for key, iv in sorted(interviews.items())
            for qid, a in iv.answers.items()
        ],
        columns=[*RAW_COLUMNS, "declined", "measure"],
    )
    raw["measure"] = raw["measure"].astype(float)
    derived = derived_rows(pack, raw.dropna(subset=["measure"]))
    if not derived.empty:
        raw = pd.concat([raw, derived.assign(note="", text="")], ignore_index=True)
    kind = raw["question"].map({q.id: q.type for q in pack.questions})
    banded = raw["question"].map({q.id: q.scored for q in pack.questions}).fillna(False)
    declined = raw["declined"].notna()
    status = np.select(
        [declined, kind == "text", (kind == "metric") & ~banded],
        [raw["declined"].astype(str), "text", "measured"],
        "scored",
    )
    value = pd.to_numeric(raw["level"].where((kind == "scale") & ~declined), errors="coerce")
    multi = raw[(kind == "multi") & ~declined]
    if not multi.empty:
        value = value.fillna(_multi_values(pack, multi))
    value = value.fillna(band_levels(pack, raw["question"], raw["measure"]))
    frame = raw.assign(value=value.astype(float), status=status)
    return frame[ANSWER_COLUMNS]


def _answer_row(key: str, iv: Interview, qid: str, a: Answer) -> tuple[Any, ...]:
    return (
        key,
        iv.respondent.role,
        qid,
        a.level,
        a.selected,
        a.note,
        a.text or "",
        a.not_scored,
        a.measured,
    )


def _multi_values(pack: Pack, multi: pd.DataFrame) -> pd.Series:
    """5 × weight of the options selected ÷ weight of all options, per answer row."""
    weights = pd.DataFrame(
        [(q.id, o.id, o.weight) for q in pack.questions if q.type == "multi" for o in q.options],
        columns=["question", "option", "weight"],
    )
    totals = weights.groupby("question")["weight"].sum()
    chosen = (
        multi[["question", "selected"]]
        .assign(option=multi["selected"].map(lambda s: sorted(set(s or ()))))
        .explode("option")
        .reset_index()
    )
    chosen = chosen.merge(weights, on=["question", "option"], how="left")
    picked = chosen.groupby("index")["weight"].sum()
    values = (5.0 * picked / multi["question"].map(totals)).reindex(multi.index)
    return np.fmin(values, _caps(pack, multi))


def _caps(pack: Pack, multi: pd.DataFrame) -> pd.Series:
    """The level each checklist answer is capped at (NaN when its cap does not apply)."""
    capped = {q.id: q for q in pack.questions if q.cap is not None}
    limits = [
        capped[qid].capped(selected or ()) if qid in capped else None
        for qid, selected in zip(multi["question"], multi["selected"], strict=True)
    ]
    return pd.Series(limits, index=multi.index, dtype=float)


def question_frame(pack: Pack, engagement: Engagement, answers: pd.DataFrame) -> pd.DataFrame:
    """Per question: current, target, gap, level, responses, na, unknown, spread, rated."""
    frame = pd.DataFrame(
        [
            {
                "id": q.id,
                "perspective": q.perspective,
                "type": q.type,
                "weight": q.weight,
                "text": q.text,
                "scored": q.scored,
            }
            for q in pack.questions
        ]
    ).set_index("id")
    scored = answers[answers["status"] == "scored"].groupby("question")["value"]
    counts = pd.crosstab(answers["question"], answers["status"])

    def count(*statuses: str) -> pd.Series:
        present = [s for s in statuses if s in counts]
        total = counts[present].sum(axis=1) if present else pd.Series(dtype=int)
        return total.reindex(frame.index).fillna(0).astype(int)

    frame["responses"] = count("scored", "text", "measured")
    frame["na"] = count("na")
    frame["unknown"] = count("unknown")
    frame["measure"] = medians(answers).reindex(frame.index)
    bands = band_levels(pack, frame.index.to_series(), frame["measure"])
    frame["mean"] = bands.fillna(scored.mean().reindex(frame.index))
    frame["spread"] = (scored.max() - scored.min()).reindex(frame.index)

    ratings = {qid: r.level for qid, r in engagement.ratings.items()}
    frame["rated"] = frame.index.isin(list(ratings))
    frame["rating_rationale"] = pd.Series(
        {qid: r.rationale for qid, r in engagement.ratings.items()}, dtype=object
    ).reindex(frame.index)
    frame["current"] = pd.Series(ratings, dtype=float).reindex(frame.index).fillna(frame["mean"])
    frame["current"] = frame["current"].round(2)
    frame["spread"] = frame["spread"].round(2)

    targets = engagement.targets
    target = frame["perspective"].map(targets.perspectives).fillna(targets.default)
    target = pd.Series(targets.questions, dtype=float).reindex(frame.index).fillna(target)
    frame["target"] = target.where(frame["scored"]).astype(float)
    frame["gap"] = (frame["target"] - frame["current"]).clip(lower=0).round(2)
    frame["level"] = frame["current"].map(level_of)
    frame["label"] = frame["current"].map(label_of)
    frame["consensus"] = frame["spread"] >= CONSENSUS_SPREAD
    return frame


def perspective_frame(pack: Pack, questions: pd.DataFrame) -> pd.DataFrame:
    """Question-weighted current and target per perspective, over its scored questions."""
    scoreable = questions[questions["scored"]]
    scored = scoreable.dropna(subset=["current"])
    order = [p.id for p in pack.info.perspectives]
    frame = pd.DataFrame(index=pd.Index(order, name="id"))
    frame["name"] = [p.name for p in pack.info.perspectives]
    frame["current"] = weighted_means(scored, "current", "perspective").reindex(order)
    frame["target"] = weighted_means(scored, "target", "perspective").reindex(order)
    frame["gap"] = (frame["target"] - frame["current"]).clip(lower=0).round(2)
    frame["scored"] = scored.groupby("perspective").size().reindex(order).fillna(0).astype(int)
    frame["questions"] = scoreable.groupby("perspective").size().reindex(order).fillna(0)
    frame["questions"] = frame["questions"].astype(int)
    frame["level"] = frame["current"].map(level_of)
    frame["label"] = frame["current"].map(label_of)
    return frame


def overall_scores(perspectives: pd.DataFrame) -> dict[str, Any]:
    """Plain mean of the perspectives that have scores."""
    scored = perspectives.dropna(subset=["current"])
    if scored.empty:
        return {"current": None, "target": None, "gap": None, "level": None, "label": None}
    current = round(float(scored["current"].mean()), 2)
    target = round(float(scored["target"].mean()), 2)
    return {
        "current": current,
        "target": target,
        "gap": round(max(0.0, target - current), 2),
        "level": level_of(current),
        "label": label_of(current),
    }
