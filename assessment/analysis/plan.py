"""The plan, computed once from the ranked recommendations: every document prints from it.

Rules (the README and the report's method appendix say the same):
- Windows come from the pack (`windows:` in pack.yaml). A recommendation's own window: strategic
  work → the first strategic window; tactical work of the smallest effort → the first window;
  other tactical work → the last tactical window. Then
      window(r) = max(own window(r), window(d) for every d that r depends on),
  so nothing starts in a window before one it builds on. Its horizon is the horizon of the
  window it lands in: tactical = the tactical windows (within the year), strategic = the rest.
- Start order: by window, then rank, and never before what it builds on.
- Quick win: smallest effort, closes at least one level on a question it fires on
  (min(band, target) − current ≥ 1), and in the first window (so nothing it depends on is later).
- Initial wins: never in the open-ended last window; flagged by the pack (`initial_win: true`, or
  named by the process knowledge's initial wins) or a quick win; in start order.
- Reach: after a set of recommendations S, question q reaches
      max(current(q), max over r in S that fire on q of min(band(r), target(q))).
- Alternatives keep the customer's priorities (and what they build on) on every path. Full path:
  everything. Minimal path: the fewest recommendations, prerequisites counted, with which every
  question reaches what the full path reaches. Quick wins first: the priorities and the quick
  wins. A path whose recommendations differ from an offered one by at most max(1, 10 % of the
  larger) is not offered.
- Unaddressed gaps: questions still short of target after the full path, with what to do.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from assessment.analysis.recommend import Ranked, serves_on
from assessment.pack.model import Pack, PlanWindow

CLOSES_A_LEVEL = 1.0
NEAR_SHARE = 0.10  # paths differing in at most this share of recommendations are "the same"
EXACT_SEARCH_LIMIT = 20_000  # subsets tried for the exact minimal path before settling greedy


@dataclass(frozen=True)
class PlanItem:
    """One recommendation on the plan."""

    rank: int
    id: str
    title: str
    perspective: str  # the perspective's name
    perspective_id: str
    phase: str  # the phase's name
    window: int  # index into Plan.windows
    horizon: str  # the window's horizon: tactical | strategic
    effort: str
    days: float
    depends_on: tuple[str, ...]  # ids of plan items it builds on
    questions: tuple[str, ...]  # questions it fires on
    customer_priority: bool
    prerequisite: bool  # did not fire; in the plan because another builds on it
    quick_win: bool
    initial_win: bool


@dataclass(frozen=True)
class WindowTotal:
    window: PlanWindow
    recommendations: int
    days: float


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


@dataclass(frozen=True)
class UnaddressedGap:
    """A question the full plan leaves short of target, and what the consultant should do."""

    question: str
    perspective: str  # id
    current: float
    target: float
    reaches: float  # after the full path
    pack_reaches: int | None  # highest level any recommendation in the pack serves on it
    action: str


@dataclass(frozen=True)
class Plan:
    """Windows, the items in start order, totals, wins, alternatives and unaddressed gaps."""

    windows: tuple[PlanWindow, ...]
    items: tuple[PlanItem, ...]
    totals: tuple[WindowTotal, ...]
    quick_wins: tuple[str, ...]
    initial_wins: tuple[str, ...]
    alternatives: tuple[Alternative, ...]
    not_offered: tuple[NotOffered, ...]
    unaddressed: tuple[UnaddressedGap, ...]

    def item(self, rid: str) -> PlanItem:
        return next(i for i in self.items if i.id == rid)

    def in_window(self, index: int) -> tuple[PlanItem, ...]:
        return tuple(i for i in self.items if i.window == index)

    @property
    def days(self) -> float:
        return sum(i.days for i in self.items)

    def horizon_windows(self, horizon: str) -> tuple[PlanWindow, ...]:
        """The windows a horizon maps onto (the one mapping of tactical/strategic)."""
        return tuple(w for w in self.windows if w.horizon == horizon)


def build_plan(pack: Pack, ranked: list[Ranked], questions: pd.DataFrame) -> Plan:
    """The plan for these ranked recommendations and question scores."""
    windows = pack.info.windows
    window = _windows(pack, ranked)
    days = {size.id: size.days for size in pack.info.effort}
    smallest = pack.info.effort[0].id if pack.info.effort else None
    flagged = {r.id for r in pack.recommendations if r.initial_win} | {
        w.recommendation for w in pack.knowledge.initial_wins if w.recommendation
    }
    phases = {phase.id: phase.name for phase in pack.info.phases}
    ids = {r.id for r in ranked}
    items = []
    for r in _start_order(ranked, window):
        rec = r.recommendation
        quick = rec.effort == smallest and r.levels_closed >= CLOSES_A_LEVEL and window[r.id] == 0
        items.append(
            PlanItem(
                rank=r.rank,
                id=r.id,
                title=rec.title,
                perspective=pack.perspective_name(rec.perspective),
                perspective_id=rec.perspective,
                phase=phases.get(rec.phase, rec.phase),
                window=window[r.id],
                horizon=windows[window[r.id]].horizon,
                effort=rec.effort,
                days=days.get(rec.effort, 0.0),
                depends_on=tuple(d for d in rec.depends_on if d in ids),
                questions=r.questions,
                customer_priority=r.customer_priority,
                prerequisite=r.prerequisite,
                quick_win=quick,
                initial_win=windows[window[r.id]].end is not None and (quick or r.id in flagged),
            )
        )
    totals = tuple(
        WindowTotal(
            w, len(inside := [i for i in items if i.window == n]), sum(i.days for i in inside)
        )
        for n, w in enumerate(windows)
    )
    paths, not_offered = _alternatives(pack, ranked, items, questions)
    return Plan(
        windows=windows,
        items=tuple(items),
        totals=totals,
        quick_wins=tuple(i.id for i in items if i.quick_win),
        initial_wins=tuple(i.id for i in items if i.initial_win),
        alternatives=paths,
        not_offered=not_offered,
        unaddressed=_unaddressed(pack, ranked, questions),
    )


def _windows(pack: Pack, ranked: list[Ranked]) -> dict[str, int]:
    windows = pack.info.windows
    tactical = [n for n, w in enumerate(windows) if w.horizon == "tactical"]
    strategic = [n for n, w in enumerate(windows) if w.horizon == "strategic"]
    smallest = pack.info.effort[0].id if pack.info.effort else None
    own = {}
    for r in ranked:
        rec = r.recommendation
        if rec.horizon == "strategic":
            own[r.id] = strategic[0]
        else:
            own[r.id] = tactical[0] if rec.effort == smallest else tactical[-1]
    by_id = {r.id: r for r in ranked}
    placed: dict[str, int] = {}

    def place(rid: str, trail: tuple[str, ...] = ()) -> int:
        if rid not in placed:
            deps = [
                d for d in by_id[rid].recommendation.depends_on if d in by_id and d not in trail
            ]
            placed[rid] = max([own[rid], *(place(d, (*trail, rid)) for d in deps)])
        return placed[rid]

    for r in ranked:
        place(r.id)
    return placed


def _start_order(ranked: list[Ranked], window: dict[str, int]) -> list[Ranked]:
    """By window, then rank; a recommendation never listed before one it builds on."""
    pending = sorted(ranked, key=lambda r: (window[r.id], r.rank))
    ids = {r.id for r in ranked}
    done: set[str] = set()
    result = []
    while pending:
        ready = next(
            (r for r in pending if all(d in done for d in r.recommendation.depends_on if d in ids)),
            pending[0],  # a cycle cannot pass pack validation; keep going rather than loop
        )
        pending.remove(ready)
        done.add(ready.id)
        result.append(ready)
    return result


# --- alternatives ---------------------------------------------------------------------------


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


def _alternatives(
    pack: Pack, ranked: list[Ranked], items: list[PlanItem], questions: pd.DataFrame
) -> tuple[tuple[Alternative, ...], tuple[NotOffered, ...]]:
    if not ranked:
        return (), ()
    by_id = {r.id: r for r in ranked}
    days = {i.id: i.days for i in items}
    base = _closure([r.id for r in ranked if r.customer_priority], by_id)
    full_ids = [r.id for r in ranked]
    full_reach = reach(ranked, questions)
    need = {
        q: float(full_reach[q])
        for q in questions.index
        if not pd.isna(full_reach[q]) and full_reach[q] > questions.at[q, "current"]
    }
    minimal = _minimal(by_id, base, need, days)
    quick = _closure(sorted(base | {i.id for i in items if i.quick_win}, key=_rank(by_id)), by_id)
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
    if any(i.quick_win for i in items):
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


# --- gaps the plan leaves open --------------------------------------------------------------


def _unaddressed(
    pack: Pack, ranked: list[Ranked], questions: pd.DataFrame
) -> tuple[UnaddressedGap, ...]:
    after = reach(ranked, questions)
    result = []
    for qid, row in questions.iterrows():
        if row["type"] == "text" or pd.isna(row["current"]):
            continue
        if round(row["target"] - after[qid], 2) <= 0:
            continue
        bands = [serves_on(r, str(qid)) for r in pack.recommendations if qid in r.triggers]
        top = max(bands) if bands else None
        result.append(
            UnaddressedGap(
                question=str(qid),
                perspective=str(row["perspective"]),
                current=float(row["current"]),
                target=float(row["target"]),
                reaches=float(after[qid]),
                pack_reaches=top,
                action=_action(top, float(row["target"])),
            )
        )
    return tuple(result)


def _action(top: int | None, target: float) -> str:
    goal = f"{target:g}"
    if top is None:
        return (
            "No recommendation in the pack names this practice: agree an action for it with the "
            "process owner and add it to the plan, or confirm the target."
        )
    if top < target:
        return (
            f"The pack's advice takes this practice to level {top}: plan the step to level "
            f"{goal} with the process owner, or agree {top} as the target for now."
        )
    return (
        "The recommendations that name this practice do not apply at this score: review the "
        "evidence with the process owner and plan the step by hand."
    )
