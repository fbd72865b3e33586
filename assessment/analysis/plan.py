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

from dataclasses import dataclass

import pandas as pd

from assessment.analysis.paths import Alternative, NotOffered, alternatives, reach
from assessment.analysis.recommend import Ranked, serves_on
from assessment.pack.model import Pack, PlanWindow

CLOSES_A_LEVEL = 1.0


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
    days_of = {i.id: i.days for i in items}
    quick_ids = {i.id for i in items if i.quick_win}
    paths, not_offered = alternatives(pack, ranked, days_of, quick_ids, questions)
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
