"""Choose and rank recommendations from the gap patterns the pack defines.

A recommendation serves a band: it brings the practices it names to a level (its `band`, or
the level of its `below N` trigger). It fires on a named question when that question's current
score is below the band and below the question's target; carrying it out brings the question to
the band or the target, whichever is lower. Its priority score is

    priority = Σ (question gap × question weight) × impact ÷ effort

over the questions it fires on, with impact low/medium/high = 1/2/3 and effort the position of
its size in the pack's effort scale (1 = smallest). A recommendation that did not fire but that a
chosen one depends on joins the list as a prerequisite (no questions, priority 0).

Order: the customer's `priorities` first, in their order; the rest by priority score (ties by
id), each prerequisite just before the first recommendation that needs it, and nothing listed
before a recommendation it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.engagement.model import Engagement
from assessment.pack.model import Pack, Recommendation

IMPACT = {"low": 1, "medium": 2, "high": 3}


@dataclass(frozen=True)
class Ranked:
    """A recommendation placed in the customer's list."""

    rank: int
    recommendation: Recommendation
    questions: tuple[str, ...]
    gap_points: float
    priority: float
    customer_priority: bool
    prerequisite: bool = False
    reaches: tuple[tuple[str, float], ...] = ()  # (question, the level carrying it out reaches)
    gains: tuple[tuple[str, float], ...] = ()  # (question, reached − current)

    @property
    def id(self) -> str:
        return self.recommendation.id

    @property
    def levels_closed(self) -> float:
        """The most a single question of it rises: max(reached − current), 0 when none."""
        return max((gain for _, gain in self.gains), default=0.0)


def serves_on(rec: Recommendation, qid: str) -> int:
    """The level this recommendation brings question `qid` to."""
    cond = rec.triggers[qid]
    return cond.level if cond.op == "below" else rec.serves


def triggered_questions(rec: Recommendation, questions: pd.DataFrame) -> tuple[str, ...]:
    """Named questions below the band the recommendation serves and below their target."""
    hits = []
    for qid, cond in rec.triggers.items():
        row = questions.loc[qid]
        current, target = row["current"], row["target"]
        if pd.isna(current) or pd.isna(target) or not current < target:
            continue
        if (cond.op == "below" and current < cond.level) or (
            cond.op == "at least" and current >= cond.level
        ):
            hits.append(qid)
    return tuple(hits)


def reached_levels(
    rec: Recommendation, hits: tuple[str, ...], questions: pd.DataFrame
) -> tuple[tuple[str, float], ...]:
    """For each question it fires on: min(band, target), the level carrying it out reaches."""
    return tuple(
        (qid, float(min(serves_on(rec, qid), questions.at[qid, "target"]))) for qid in hits
    )


def recommend(pack: Pack, engagement: Engagement, questions: pd.DataFrame) -> list[Ranked]:
    """The ranked list of recommendations for this engagement, prerequisites included."""
    effort_rank = {size.id: index + 1 for index, size in enumerate(pack.info.effort)}
    by_id = {rec.id: rec for rec in pack.recommendations}
    fired: dict[str, tuple[tuple[str, ...], float, float]] = {}
    for rec in pack.recommendations:
        hits = triggered_questions(rec, questions)
        if not hits and rec.id not in engagement.priorities:
            continue
        rows = questions.loc[list(hits)]
        points = round(float((rows["gap"] * rows["weight"]).sum()), 2)
        priority = round(points * IMPACT[rec.impact] / effort_rank.get(rec.effort, 1), 2)
        fired[rec.id] = (hits, points, priority)

    first = [rid for rid in engagement.priorities if rid in fired]
    rest = sorted((r for r in fired if r not in first), key=lambda r: (-fired[r][2], r))
    # what the priorities build on leads the rest, so the priorities stay first in their order
    needed = [d for rid in first for d in _closure(rid, by_id) if d not in first]
    ordered = first + _with_prerequisites(needed + rest, by_id, set(first))
    result = []
    for index, rid in enumerate(ordered):
        hits, points, priority = fired.get(rid, ((), 0.0, 0.0))
        reaches = reached_levels(by_id[rid], hits, questions)
        result.append(
            Ranked(
                rank=index + 1,
                recommendation=by_id[rid],
                questions=hits,
                gap_points=points,
                priority=priority,
                customer_priority=rid in first,
                prerequisite=rid not in fired,
                reaches=reaches,
                gains=tuple(
                    (qid, round(level - float(questions.at[qid, "current"]), 2))
                    for qid, level in reaches
                ),
            )
        )
    return result


def _closure(rid: str, by_id: dict[str, Recommendation]) -> list[str]:
    """Everything `rid` builds on, directly or not, nearest first."""
    seen: list[str] = []
    stack = list(by_id[rid].depends_on)
    while stack:
        dep = stack.pop(0)
        if dep in by_id and dep not in seen and dep != rid:
            seen.append(dep)
            stack += by_id[dep].depends_on
    return seen


def _with_prerequisites(
    order: list[str], by_id: dict[str, Recommendation], placed: set[str] | None = None
) -> list[str]:
    """Keep `order`, but list what each one depends on (fired or not) just before it."""
    done = set(placed or ())
    result: list[str] = []

    def place(rid: str, trail: tuple[str, ...]) -> None:
        if rid in done or rid in trail:  # a cycle cannot pass pack validation; never loop
            return
        for dep in by_id[rid].depends_on:
            if dep in by_id:
                place(dep, (*trail, rid))
        done.add(rid)
        result.append(rid)

    for rid in order:
        place(rid, ())
    return result
