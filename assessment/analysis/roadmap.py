"""Place ranked recommendations on the roadmap, and compare alternative paths to the target.

Horizon rules: a quick win, or a tactical recommendation of the smallest effort, starts in
0–3 months; other tactical work in 3–12 months; strategic work after 12 months. Nothing starts
in an earlier window than a recommendation it depends on.

Alternatives assume that carrying out a recommendation brings its triggered questions to
target. The minimal path is the fewest recommendations (greedy set cover, smaller effort first
on ties) whose triggered questions cover every gap any recommendation addresses, plus what they
depend on; the full path is every recommendation; quick wins only is the cheapest first step.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.analysis.means import weighted_means
from assessment.analysis.recommend import Ranked
from assessment.pack.model import Pack

HORIZONS = ("0–3 months", "3–12 months", "12+ months")
HORIZON_MONTHS = ((0, 3), (3, 12), (12, 24))  # the last window is open-ended; drawn as a year


@dataclass(frozen=True)
class RoadmapItem:
    rank: int
    id: str
    title: str
    perspective: str
    phase: str
    horizon: str
    effort: str
    days: float
    depends_on: tuple[str, ...]
    quick_win: bool


@dataclass(frozen=True)
class Alternative:
    name: str
    description: str
    recommendations: tuple[str, ...]
    days: float
    reaches: dict[str, float | None]  # perspective id → current after the path
    overall: float | None
    open_gaps: tuple[str, ...]  # questions still short of target


def roadmap(pack: Pack, ranked: list[Ranked]) -> list[RoadmapItem]:
    """Every recommendation with its phase, horizon window and effort in days."""
    days = {size.id: size.days for size in pack.info.effort}
    smallest = pack.info.effort[0].id if pack.info.effort else None
    phases = {phase.id: phase.name for phase in pack.info.phases}
    window: dict[str, int] = {}
    for item in ranked:
        rec = item.recommendation
        if rec.horizon == "strategic":
            window[rec.id] = 2
        else:
            window[rec.id] = 0 if item.quick_win or rec.effort == smallest else 1
    changed = True
    while changed:  # push dependants into the window of their latest dependency
        changed = False
        for item in ranked:
            latest = max(
                (window[d] for d in item.recommendation.depends_on if d in window), default=0
            )
            if latest > window[item.id]:
                window[item.id], changed = latest, True
    return [
        RoadmapItem(
            rank=item.rank,
            id=item.id,
            title=item.recommendation.title,
            perspective=pack.perspective_name(item.recommendation.perspective),
            phase=phases.get(item.recommendation.phase, item.recommendation.phase),
            horizon=HORIZONS[window[item.id]],
            effort=item.recommendation.effort,
            days=days.get(item.recommendation.effort, 0.0),
            depends_on=item.recommendation.depends_on,
            quick_win=item.quick_win,
        )
        for item in ranked
    ]


def horizon_totals(items: list[RoadmapItem]) -> pd.DataFrame:
    """Recommendations and effort days per horizon window, in window order."""
    frame = pd.DataFrame([(i.horizon, i.days) for i in items], columns=["horizon", "days"])
    totals = frame.groupby("horizon")["days"].agg(["count", "sum"]).reindex(list(HORIZONS))
    return totals.fillna(0).rename(columns={"count": "recommendations", "sum": "days"})


def alternatives(pack: Pack, ranked: list[Ranked], questions: pd.DataFrame) -> list[Alternative]:
    """Minimal, quick-wins-only and full paths, each with effort and the maturity it reaches."""
    if not ranked:
        return []
    days = {size.id: size.days for size in pack.info.effort}
    by_id = {item.id: item for item in ranked}

    def build(name: str, description: str, chosen: list[str]) -> Alternative:
        chosen = _with_dependencies(chosen, by_id)
        covered = {q for rid in chosen for q in by_id[rid].questions}
        after = questions["current"].where(
            ~questions.index.isin(list(covered)), questions[["current", "target"]].max(axis=1)
        )
        reaches = _perspective_means(pack, questions.assign(current=after))
        scored = [v for v in reaches.values() if v is not None]
        gaps = questions[(questions["target"] - after).round(2) > 0].index
        return Alternative(
            name,
            description,
            tuple(chosen),
            sum(days.get(by_id[r].recommendation.effort, 0) for r in chosen),
            reaches,
            round(sum(scored) / len(scored), 2) if scored else None,
            tuple(gaps),
        )

    paths = [
        build(
            "Minimal path",
            "The fewest recommendations that close every gap the recommendations address.",
            _set_cover(ranked, days),
        )
    ]
    quick = [item.id for item in ranked if item.quick_win]
    if quick:
        paths.append(
            build(
                "Quick wins only",
                "Low-effort recommendations that each close at "
                "least one level: a first step, not the destination.",
                quick,
            )
        )
    paths.append(
        build("Full path", "Every recommendation, in priority order.", [item.id for item in ranked])
    )
    return paths


def _set_cover(ranked: list[Ranked], days: dict[str, float]) -> list[str]:
    uncovered = {q for item in ranked for q in item.questions}
    chosen: list[str] = []
    while uncovered:
        best = max(
            ranked,
            key=lambda item: (
                len(uncovered & set(item.questions)),
                -days.get(item.recommendation.effort, 0),
                -item.rank,
            ),
        )
        chosen.append(best.id)
        uncovered -= set(best.questions)
    order = {item.id: item.rank for item in ranked}
    return sorted(chosen, key=order.__getitem__)


def _with_dependencies(chosen: list[str], by_id: dict[str, Ranked]) -> list[str]:
    result, stack = set(chosen), list(chosen)
    while stack:
        for dep in by_id[stack.pop()].recommendation.depends_on:
            if dep in by_id and dep not in result:
                result.add(dep)
                stack.append(dep)
    return sorted(result, key=lambda rid: by_id[rid].rank)


def _perspective_means(pack: Pack, questions: pd.DataFrame) -> dict[str, float | None]:
    scored = questions[questions["type"] != "text"].dropna(subset=["current"])
    means = weighted_means(scored, "current", "perspective")
    return {
        p.id: (float(means[p.id]) if p.id in means.index else None) for p in pack.info.perspectives
    }
