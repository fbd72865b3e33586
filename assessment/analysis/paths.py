"""Paths to the target: the full plan, the minimal path and quick wins first, as the plan's
rules define them (see `assessment.analysis.plan`), and how far each one gets.

The minimal path is searched exactly while the number of subsets stays small, then greedily.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from assessment.analysis.recommend import Ranked
from assessment.pack.model import Pack

NEAR_SHARE = 0.10  # paths differing in at most this share of recommendations are "the same"
EXACT_SEARCH_LIMIT = 20_000  # subsets tried for the exact minimal path before settling greedy


@dataclass(frozen=True)
class Alternative:
    """A path to the target: which recommendations, what it costs, where it gets to."""

    name: str
    description: str
    recommendations: tuple[str, ...]
    days: float
    reaches: dict[str, float | None]  # perspective id → current after the path
    overall: float | None
    open_gaps: tuple[str, ...]  # questions still short of target
    fewer: int  # recommendations fewer than the full path
    fewer_days: float


@dataclass(frozen=True)
class NotOffered:
    """A path left out because it is almost the same as one offered."""

    name: str
    like: str
    differs_by: int


def reach(ranked: Iterable[Ranked], questions: pd.DataFrame) -> pd.Series:
    """Each question's current after carrying out these recommendations (never lower)."""
    best: dict[str, float] = {}
    for r in ranked:
        for qid, level in r.reaches:
            best[qid] = max(level, best.get(qid, level))
    lifted = pd.Series(best, dtype=float).reindex(questions.index)
    return questions["current"].combine(lifted, _higher)


def _higher(a: float, b: float) -> float:
    if pd.isna(b):
        return a
    return b if pd.isna(a) else max(a, b)


def alternatives(
    pack: Pack,
    ranked: list[Ranked],
    days: dict[str, float],
    quick_wins: set[str],
    questions: pd.DataFrame,
) -> tuple[tuple[Alternative, ...], tuple[NotOffered, ...]]:
    """The paths offered (full, minimal, quick wins first) and those left out as near twins."""
    if not ranked:
        return (), ()
    by_id = {r.id: r for r in ranked}
    base = _closure([r.id for r in ranked if r.customer_priority], by_id)
    full_ids = [r.id for r in ranked]
    full_reach = reach(ranked, questions)
    need = {
        q: float(full_reach[q])
        for q in questions.index
        if not pd.isna(full_reach[q]) and full_reach[q] > questions.at[q, "current"]
    }
    minimal = _minimal(by_id, base, need, days)
    quick = _closure(sorted(base | quick_wins, key=_rank(by_id)), by_id)
    full_days = sum(days.values())

    def build(name: str, description: str, chosen: Iterable[str]) -> Alternative:
        ordered = sorted(set(chosen), key=_rank(by_id))
        after = reach((by_id[rid] for rid in ordered), questions)
        means = _perspective_means(pack, questions.assign(current=after))
        scored = [v for v in means.values() if v is not None]
        total = sum(days[rid] for rid in ordered)
        return Alternative(
            name=name,
            description=description,
            recommendations=tuple(ordered),
            days=total,
            reaches=means,
            overall=round(sum(scored) / len(scored), 2) if scored else None,
            open_gaps=tuple(questions.index[(questions["target"] - after).round(2) > 0]),
            fewer=len(full_ids) - len(ordered),
            fewer_days=full_days - total,
        )

    full = build("Full path", "Every recommendation in the plan, in priority order.", full_ids)
    candidates = [
        build(
            "Minimal path",
            "The customer's priorities and the fewest other recommendations, with what they "
            "build on, that close every gap the full path closes.",
            minimal,
        )
    ]
    if quick_wins:
        candidates.append(
            build(
                "Quick wins first",
                "The customer's priorities and the quick wins, with what they build on: a first "
                "step, not the destination.",
                quick,
            )
        )
    offered, skipped = [full], []
    for path in candidates:
        twin = next((o for o in offered if _near(path.recommendations, o.recommendations)), None)
        if twin is None:
            offered.append(path)
        else:
            differs = len(set(path.recommendations) ^ set(twin.recommendations))
            skipped.append(NotOffered(path.name, twin.name, differs))
    order = [c.name for c in candidates] + [full.name]
    return tuple(sorted(offered, key=lambda a: order.index(a.name))), tuple(skipped)


def _near(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Almost the same path: at most max(1, 10 % of the larger) recommendations differ."""
    return len(set(a) ^ set(b)) <= max(1, math.floor(NEAR_SHARE * max(len(a), len(b))))


def _rank(by_id: dict[str, Ranked]) -> Callable[[str], int]:
    return lambda rid: by_id[rid].rank


def _closure(chosen: Iterable[str], by_id: dict[str, Ranked]) -> set[str]:
    """These recommendations and everything they build on."""
    result, stack = set(), list(chosen)
    while stack:
        rid = stack.pop()
        if rid in by_id and rid not in result:
            result.add(rid)
            stack += by_id[rid].recommendation.depends_on
    return result


def _minimal(
    by_id: dict[str, Ranked], base: set[str], need: dict[str, float], days: dict[str, float]
) -> set[str]:
    """Priorities plus the fewest others (prerequisites counted) that meet `need` everywhere."""

    def covers(rids: Iterable[str]) -> set[str]:
        return {q for rid in rids for q, level in by_id[rid].reaches if level >= need.get(q, 99)}

    def cost(rids: set[str]) -> tuple[int, float, int]:
        return len(rids), sum(days[r] for r in rids), sum(by_id[r].rank for r in rids)

    chosen = set(base)
    uncovered = set(need) - covers(_closure(chosen, by_id))
    # a gap only one recommendation closes forces that recommendation
    for q in sorted(uncovered):
        only = [rid for rid in by_id if q in covers([rid])]
        if len(only) == 1:
            chosen.add(only[0])
    chosen = _closure(chosen, by_id)
    uncovered -= covers(chosen)
    if not uncovered:
        return chosen
    pool = sorted(
        (rid for rid in by_id if rid not in chosen and covers([rid]) & uncovered),
        key=_rank(by_id),
    )
    best: set[str] | None = None
    for k in range(1, len(pool) + 1):
        if math.comb(len(pool), k) > EXACT_SEARCH_LIMIT:
            break
        if best is not None and len(chosen) + k >= len(best):
            return best
        for combo in combinations(pool, k):
            if uncovered <= covers(combo):
                option = _closure(chosen | set(combo), by_id)
                if best is None or cost(option) < cost(best):
                    best = option
    if best is not None:
        return best
    return _greedy(by_id, chosen, uncovered, pool, covers)


def _greedy(
    by_id: dict[str, Ranked],
    chosen: set[str],
    uncovered: set[str],
    pool: list[str],
    covers: Callable[[Iterable[str]], set[str]],
) -> set[str]:
    """Most gaps closed per recommendation added, then drop any that turned out redundant."""
    needed, roots, picked = set(uncovered), set(chosen), []
    while uncovered:
        added = _closure(roots, by_id)
        candidates = [r for r in pool if r not in added]
        if not candidates or not any(covers([r]) & uncovered for r in candidates):
            break  # nothing left closes another gap
        rid = max(
            candidates,
            key=lambda r: (
                len(covers([r]) & uncovered) / len(_closure(added | {r}, by_id) - added),
                -by_id[r].rank,
            ),
        )
        picked.append(rid)
        roots.add(rid)
        uncovered = uncovered - covers(_closure(roots, by_id))
    for rid in reversed(picked):
        if needed <= covers(_closure(roots - {rid}, by_id)):
            roots.discard(rid)
    return _closure(roots, by_id)


def _perspective_means(pack: Pack, questions: pd.DataFrame) -> dict[str, float | None]:
    from assessment.analysis.scoring import perspective_frame  # the one weighted mean

    frame = perspective_frame(pack, questions)
    return {str(pid): (None if pd.isna(v) else float(v)) for pid, v in frame["current"].items()}
