"""The report's figures: each a chart function with its data, drawn on first use, then kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from assessment.analysis.investment import add_months
from assessment.analysis.scoring import Assessment
from assessment.report import charts
from assessment.report.score_view import ActivityGrid, ChartSeries
from assessment.text import clean


@dataclass(frozen=True)
class Chart:
    """A drawn figure (PNG at 150 dpi, for Word, PowerPoint and the PDF) and its caption."""

    png: bytes = field(repr=False)
    caption: str


class Charts(Mapping[str, Chart]):
    """The figures of this engagement, each drawn on first use and then kept.

    Drawing lazily lets the renderers that run side by side draw only what they place. A
    recipe is a chart function with its data (no closures), so the context can be pickled
    into worker processes under any start method.
    """

    def __init__(self, recipes: dict[str, tuple[Callable[[], Any], str]]):
        self._recipes = recipes
        self._drawn: dict[str, Chart] = {}

    def __getitem__(self, name: str) -> Chart:
        if name not in self._drawn:
            draw, caption = self._recipes[name]
            self._drawn[name] = Chart(charts.png(draw()), caption)
        return self._drawn[name]

    def __contains__(self, name: object) -> bool:
        return name in self._recipes  # asking does not draw

    def __iter__(self) -> Iterator[str]:
        return iter(self._recipes)

    def __len__(self) -> int:
        return len(self._recipes)


def figures(
    assessment: Assessment,
    series: ChartSeries,
    activities: ActivityGrid,
    start: dt.date | None = None,
) -> Charts:
    """The recipes of every figure this engagement has data for."""
    by_perspective = "Current and target maturity by perspective"
    labels, current, target = series.labels, series.current, series.target
    recipes: dict[str, tuple[Callable[[], Any], str]] = {
        "radar": (partial(charts.radar, labels, current, target), by_perspective),
        "bars": (partial(charts.bars, labels, current, target), by_perspective),
    }
    if assessment.plan.items:
        recipes["timeline"] = (
            partial(charts.timeline, *_timeline(assessment, start)),
            "Roadmap by workstream: recommendations and person-days per window; ◆ dated milestones",
        )
    if activities.rows:
        recipes["heatmap"] = (
            partial(charts.heatmap, activities.rows, activities.columns, activities.values),
            "Current maturity by key activity and perspective",
        )
    return Charts(recipes)


def _timeline(assessment: Assessment, start: dt.date | None) -> tuple[Any, ...]:
    """Workstreams (perspectives) across the windows; month edges dated from the start; a
    milestone at every window end."""
    plan = assessment.plan
    lanes = [
        p
        for p in assessment.pack.info.perspectives
        if any(i.perspective_id == p.id for i in plan.items)
    ]
    cells = {}
    for lane, perspective in enumerate(lanes):
        for window in range(len(plan.windows)):
            items = [i for i in plan.in_window(window) if i.perspective_id == perspective.id]
            if items:
                days = sum(i.days for i in items)
                cells[(lane, window)] = f"{len(items)} recs · {days:.0f} d"
    windows = [
        (clean(w.name), w.start, w.end if w.end is not None else w.start + 12)  # drawn as a year
        for w in plan.windows
    ]
    edges = {w.start for w in plan.windows} | {w.end for w in plan.windows if w.end is not None}
    dates = {e: f"{add_months(start, int(e)):%b %Y}" for e in edges} if start else {}
    milestones = sorted({0.0} | {float(w.end) for w in plan.windows if w.end is not None})
    return [clean(p.name) for p in lanes], windows, cells, dates, milestones
