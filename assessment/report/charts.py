"""Radar, heat-map and bar figures (matplotlib), readable in colour and in greyscale.

Each function takes plain data and returns a Figure; callers save it as PNG (150 dpi, for
Word, PowerPoint and the PDF) or show it in a notebook. Current and target differ in line
style and marker as well as colour, so a black-and-white print still reads.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # matplotlib loads when a figure is first drawn: building the report
    from matplotlib.figure import Figure  # model does not wait for it

NAVY = "#1F3A5F"
TEAL = "#1B6E7A"
AMBER = "#C9822B"
GREY = "#8A8F98"
FONT = {"family": "DejaVu Sans", "size": 9}


def load_library() -> None:
    """Load matplotlib, its fonts and its PNG writer ahead of the first real figure."""
    figure, axes = _figure(1, 1)
    axes.set_title("Warm-up")
    png(figure, dpi=10)


def _figure(width: float, height: float, polar: bool = False) -> tuple[Figure, Any]:
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rc("font", **FONT)
    figure = Figure(figsize=(width, height), dpi=100)
    axes = figure.add_subplot(111, polar=polar)
    return figure, axes


def radar(
    labels: Sequence[str], current: Sequence[float | None], target: Sequence[float | None]
) -> Figure:
    """Current (solid, filled) against target (dashed) on a 0–5 scale per perspective."""
    figure, axes = _figure(5.2, 4.6, polar=True)
    angles = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    closed = [*angles, angles[0]]
    for values, style in (
        (target, {"color": AMBER, "linestyle": "--", "marker": "s", "label": "Target"}),
        (current, {"color": NAVY, "linestyle": "-", "marker": "o", "label": "Current"}),
    ):
        points = [v if v is not None else 0.0 for v in values]
        axes.plot(closed, [*points, points[0]], linewidth=2, **style)
        if style["label"] == "Current":
            axes.fill(closed, [*points, points[0]], color=NAVY, alpha=0.15)
    axes.set_theta_offset(math.pi / 2)  # first perspective at the top, then clockwise
    axes.set_theta_direction(-1)
    axes.set_xticks(angles)
    axes.set_xticklabels(labels)
    axes.set_ylim(0, 5)
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.set_yticklabels(["1", "2", "3", "4", "5"], color=GREY, fontsize=7)
    axes.legend(loc="upper right", bbox_to_anchor=(1.25, 1.12), frameon=False)
    figure.tight_layout()
    return figure


def bars(
    labels: Sequence[str], current: Sequence[float | None], target: Sequence[float | None]
) -> Figure:
    """Grouped horizontal bars: current (solid) and target (hatched) per perspective."""
    figure, axes = _figure(6.0, 0.55 * len(labels) + 1.2)
    positions = list(range(len(labels)))
    axes.barh(
        [p + 0.2 for p in positions],
        [v or 0 for v in current],
        height=0.38,
        color=NAVY,
        label="Current",
    )
    axes.barh(
        [p - 0.2 for p in positions],
        [v or 0 for v in target],
        height=0.38,
        color="white",
        edgecolor=AMBER,
        hatch="///",
        label="Target",
    )
    for p, value in zip(positions, current, strict=False):
        if value is not None:
            axes.text(value + 0.05, p + 0.2, f"{value:.2f}", va="center", fontsize=8)
    axes.set_yticks(positions)
    axes.set_yticklabels(labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 5.4)
    axes.set_xlabel("Maturity (0 Non-existent … 5 Optimized)")
    axes.legend(loc="lower right", frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float | None]],
    title: str = "",
) -> Figure:
    """A grid of scores (0–5) with the number written in each cell; blank where none.

    Long row labels (activity names) are wrapped; columns should be short (perspectives).
    """
    rows = [textwrap.fill(label, 34) for label in rows]
    figure, axes = _figure(7.6, 0.55 * len(rows) + 1.4)
    grid = [[math.nan if v is None else v for v in row] for row in values]
    image = axes.imshow(grid, cmap="Blues", vmin=0, vmax=5, aspect="auto")
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if not math.isnan(value):
                axes.text(
                    c,
                    r,
                    f"{value:.1f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if value >= 3 else "black",
                )
    axes.set_xticks(range(len(columns)))
    axes.set_xticklabels(columns, fontsize=8)
    axes.xaxis.tick_top()
    from matplotlib.patches import Rectangle

    for r, row in enumerate(grid):  # unscored cells: hatched, so "not assessed" ≠ "zero"
        for c, value in enumerate(row):
            if math.isnan(value):
                axes.add_patch(
                    Rectangle(
                        (c - 0.5, r - 0.5),
                        1,
                        1,
                        fill=False,
                        hatch="..",
                        edgecolor="#c9cfd6",
                        linewidth=0,
                    )
                )
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels(rows)
    if title:
        axes.set_title(title)
    figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02, label="Current maturity")
    figure.tight_layout()
    return figure


def png(figure: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (for Word and PowerPoint)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def timeline(
    lanes: Sequence[str],
    windows: Sequence[tuple[str, float, float]],
    cells: dict[tuple[int, int], str],
    dates: dict[float, str] | None = None,
    milestones: Sequence[float] = (),
) -> Figure:
    """Swimlanes (workstreams) across time windows (months); a labelled bar where work is
    planned. `dates` labels month edges with a date; `milestones` are months marked ◆."""
    figure, axes = _figure(7.6, 0.75 * len(lanes) + 1.6)
    shades = [NAVY, TEAL, AMBER, GREY]
    hatches = ["", "//", "..", "xx"]
    for (lane, window), label in sorted(cells.items()):
        _, start, end = windows[window]
        inset = 0.12 if dates else 0.0  # a gap between windows, so each reads as its own bar
        axes.barh(
            lane,
            end - start - 2 * inset,
            left=start + inset,
            height=0.55,
            color=shades[lane % 4],
            hatch=hatches[lane % 4],
            edgecolor="white",
            alpha=0.9,
        )
        axes.text(
            (start + end) / 2,
            lane,
            label if end - start > 4 else label.replace(" · ", "\n"),
            ha="center",
            va="center",
            fontsize=7.5,
            color="white",
            fontweight="bold",
            bbox={"facecolor": "black", "alpha": 0.35, "pad": 1.5, "linewidth": 0},
        )
    axes.set_yticks(range(len(lanes)))
    axes.set_yticklabels([textwrap.fill(lane, 20) for lane in lanes])
    axes.invert_yaxis()
    edges = sorted({edge for _, start, end in windows for edge in (start, end)})
    axes.set_xticks(edges)
    if dates:
        axes.set_xticklabels(
            [f"{dates[e]}\nmonth {e:g}" if e in dates else "open-ended →" for e in edges],
            fontsize=7.5,
        )
    axes.set_xlim(0, edges[-1])
    axes.set_xlabel("Months from the start of the programme")
    for month in milestones:
        axes.plot(month, len(lanes) - 0.5, marker="D", color=AMBER, markersize=7, clip_on=False)
    for edge in edges:
        axes.axvline(edge, color=GREY, linewidth=0.6, linestyle=":")
    for label, start, end in windows:
        axes.text((start + end) / 2, -0.75, label, ha="center", va="bottom", fontsize=8, color=NAVY)
    axes.set_ylim(len(lanes) - 0.5, -0.9)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure
