"""Choose and rank recommendations from the gap patterns the pack defines.

A recommendation is triggered when one of its trigger questions scores below the trigger level
and still has a gap to its target. Its priority score is

    priority = Σ (question gap × question weight) × impact ÷ effort

over its triggered questions, with impact low/medium/high = 1/2/3 and effort the position of its
size in the pack's effort scale (1 = smallest). The customer's `priorities` come first, in their
order; the rest follow by priority score (ties by id), moved only as far as needed to come after
the recommendations they depend on.
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
    quick_win: bool

    @property
    def id(self) -> str:
        return self.recommendation.id


def triggered_questions(rec: Recommendation, questions: pd.DataFrame) -> tuple[str, ...]:
    """Trigger questions whose current score is below the trigger level and short of target."""
    hits = []
    for qid, cond in rec.triggers.items():
        row = questions.loc[qid]
        current, gap = row["current"], row["gap"]
        if pd.isna(current) or not gap > 0:
            continue
        if (cond.op == "below" and current < cond.level) or (
            cond.op == "at least" and current >= cond.level
        ):
            hits.append(qid)
    return tuple(hits)


def recommend(pack: Pack, engagement: Engagement, questions: pd.DataFrame) -> list[Ranked]:
    """The ranked list of recommendations for this engagement."""
    effort_rank = {size.id: index + 1 for index, size in enumerate(pack.info.effort)}
    smallest = pack.info.effort[0].id if pack.info.effort else None
    candidates = {}
    for rec in pack.recommendations:
        hits = triggered_questions(rec, questions)
        if not hits and rec.id not in engagement.priorities:
            continue
        rows = questions.loc[list(hits)]
        points = round(float((rows["gap"] * rows["weight"]).sum()), 2)
        priority = round(points * IMPACT[rec.impact] / effort_rank.get(rec.effort, 1), 2)
        closes_a_level = bool(hits) and float(rows["gap"].max()) >= 1
        candidates[rec.id] = (
            rec,
            hits,
            points,
            priority,
            rec.effort == smallest and closes_a_level,
        )

    first = [rid for rid in engagement.priorities if rid in candidates]
    rest = sorted(
        (rid for rid in candidates if rid not in first), key=lambda rid: (-candidates[rid][3], rid)
    )
    ordered = first + _after_dependencies(rest, candidates, set(first))
    return [
        Ranked(
            rank=index + 1,
            recommendation=candidates[rid][0],
            questions=candidates[rid][1],
            gap_points=candidates[rid][2],
            priority=candidates[rid][3],
            customer_priority=rid in first,
            quick_win=candidates[rid][4],
        )
        for index, rid in enumerate(ordered)
    ]


def _after_dependencies(order: list[str], candidates: dict, placed: set[str]) -> list[str]:
    """Keep `order` but never list a recommendation before one it depends on."""
    pending, result, done = list(order), [], set(placed)

    def ready(rid: str) -> bool:
        return all(d in done for d in candidates[rid][0].depends_on if d in candidates)

    while pending:
        # the first one whose dependencies are placed; a cycle cannot pass pack validation,
        # but if one slipped through, keep the score order rather than loop forever
        rid = next((r for r in pending if ready(r)), pending[0])
        pending.remove(rid)
        result.append(rid)
        done.add(rid)
    return result
