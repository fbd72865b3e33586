"""The report's figures: each a chart function with its data, drawn on first use, then kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from assessment.analysis.roadmap import HORIZON_MONTHS, HORIZONS
from assessment.analysis.scoring import Assessment
from assessment.report import charts
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

    def __iter__(self) -> Iterator[str]:
        return iter(self._recipes)

    def __len__(self) -> int:
        return len(self._recipes)


def figures(
    assessment: Assessment, series: dict[str, list[Any]], activities: dict[str, Any]
) -> Charts:
    """The recipes of every figure this engagement has data for."""
    by_perspective = "Current and target maturity by perspective"
    labels, current, target = series["labels"], series["current"], series["target"]
    recipes: dict[str, tuple[Callable[[], Any], str]] = {
        "radar": (partial(charts.radar, labels, current, target), by_perspective),
        "bars": (partial(charts.bars, labels, current, target), by_perspective),
    }
    if assessment.roadmap:
        recipes["timeline"] = (
            partial(charts.timeline, *_timeline(assessment)),
            "Roadmap: work by phase and horizon",
        )
    if activities["rows"]:
        recipes["heatmap"] = (
            partial(
                charts.heatmap, activities["rows"], activities["columns"], activities["values"]
            ),
            "Current maturity by key activity and perspective",
        )
    return Charts(recipes)


def _timeline(assessment: Assessment) -> tuple[list[str], list[Any], dict[tuple[int, int], str]]:
    lanes = [
        p.name
        for p in assessment.pack.info.phases
        if any(i.phase == p.name for i in assessment.roadmap)
    ]
    cells = {}
    for lane, phase in enumerate(lanes):
        for window, horizon in enumerate(HORIZONS):
            items = [i for i in assessment.roadmap if i.phase == phase and i.horizon == horizon]
            if items:
                days = sum(i.days for i in items)
                cells[(lane, window)] = f"{len(items)} recs · {days:.0f} d"
    windows = [(h, start, end) for h, (start, end) in zip(HORIZONS, HORIZON_MONTHS, strict=True)]
    return [clean(lane) for lane in lanes], windows, cells
