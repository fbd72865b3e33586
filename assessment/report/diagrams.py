"""Box-and-arrow diagrams (matplotlib) from plain nodes and links: workflows, architectures.

A small layered layout: each node's layer is its longest distance from a source (back links of a
cycle are ignored), nodes within a layer are ordered by the mean position of their predecessors
to keep crossings down. Boxes never overlap because every node has its own grid cell. Shades are
chosen by lightness, and kinds also differ by border style, so a greyscale print still reads.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch, Polygon

from assessment.report import charts

# light → mid fills with black text: distinct in colour and in lightness
FILLS = ("#DCE6F0", "#F3E2C7", "#D5EAE4", "#E9D8E8", "#F0F0D0", "#E1E1E1", "#CFE0C3")
STORE_FILL = "#9FB3C8"
INK = "#1A1A1A"


@dataclass(frozen=True)
class Node:
    """A box: its id, its label, an optional second line and the group that sets its shade."""

    id: str
    label: str
    note: str = ""
    group: str = ""
    store: bool = False  # drawn as a data store (darker fill, square corners)
    decision: bool = False  # drawn as a diamond; its links say yes or no


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    label: str = ""


def layers(nodes: Sequence[Node], links: Sequence[Link]) -> list[list[str]]:
    """Node ids by layer, ordered to reduce crossings.

    A link that spans several layers gets a waypoint (id `~N.L`, N its index in `links`) in each
    layer it crosses, so no line is drawn through a box.
    """
    ids = [n.id for n in nodes]
    succ: dict[str, list[str]] = {i: [] for i in ids}
    for link in links:
        if link.source in succ and link.target in succ:
            succ[link.source].append(link.target)
    back = _back_links(ids, succ)
    forward = [(s, t) for s in ids for t in succ[s] if (s, t) not in back]
    level = _levels(ids, forward)
    grid: list[list[str]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for node_id in ids:
        grid[level[node_id]].append(node_id)
    preds: dict[str, list[str]] = {i: [] for i in ids}
    for number, link in enumerate(links):
        if (link.source, link.target) not in forward:
            continue
        chain = [link.source]
        for layer in range(level[link.source] + 1, level[link.target]):
            waypoint = f"~{number}.{layer}"
            grid[layer].append(waypoint)
            chain.append(waypoint)
        chain.append(link.target)
        for a, b in itertools.pairwise(chain):
            preds.setdefault(b, []).append(a)
    for index in range(1, len(grid)):
        position = {n: p for p, n in enumerate(grid[index - 1])}

        def weight(node: str, position: dict[str, int] = position) -> float:
            found = [position[p] for p in preds.get(node, []) if p in position]
            return sum(found) / len(found) if found else float(len(position))

        grid[index].sort(key=weight)
    return grid


def _levels(ids: list[str], forward: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from a source; a source then moves as close to its targets as it can."""
    level = dict.fromkeys(ids, 0)
    for _ in ids:  # at most len(ids) relaxation passes on a DAG
        changed = False
        for s, t in forward:
            if level[t] < level[s] + 1:
                level[t], changed = level[s] + 1, True
        if not changed:
            break
    has_pred = {t for _, t in forward}
    for node in ids:
        targets = [level[t] for s, t in forward if s == node]
        if node not in has_pred and targets:
            level[node] = min(targets) - 1
    return level


def _back_links(ids: list[str], succ: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Links that close a cycle, found by depth-first search in declaration order."""
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in succ[node]:
            if state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                visit(nxt)
        state[node] = 2

    for node in ids:
        if node not in state:
            visit(node)
    return back


def flow_diagram(
    nodes: Sequence[Node],
    links: Sequence[Link],
    direction: str = "down",
    legend: Sequence[tuple[str, str]] = (),
    numbered: bool = False,
) -> Figure:
    """Draw nodes in layers (top→down or left→right) with arrows for links.

    `legend` maps group ids to the names listed under the figure. With `numbered`, each link
    gets a numbered marker between two layers (the caller lists what the numbers mean).
    """
    grid = layers(nodes, links)
    by_id = {n.id: n for n in nodes}
    shade = {
        g: FILLS[i % len(FILLS)]
        for i, g in enumerate(dict.fromkeys(n.group for n in nodes if n.group))
    }
    down = direction == "down"
    box = _Box.sized(nodes, 3.1 if down else 1.65)
    along, cross = (box.h, box.w) if down else (box.w, box.h)
    gap_along, gap_cross = (0.26, 0.3) if down else (0.55, 0.22)
    spans = [_span(layer, cross, gap_cross) for layer in grid]
    cross_size = max(spans, default=cross) + 0.4
    along_size = len(grid) * along + (len(grid) - 1) * gap_along + 0.4
    legend_h = 0.2 * len(legend) + (0.2 if legend else 0)
    legend_w = max((len(name) for _, name in legend), default=0) * 0.075 + 0.8
    fig_w, fig_h = (cross_size, along_size) if down else (along_size, cross_size)
    fig_w, fig_h = max(fig_w, legend_w), fig_h + legend_h
    figure = Figure(figsize=(fig_w, fig_h), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, fig_w)
    axes.set_ylim(0, fig_h)
    axes.axis("off")
    point: dict[str, tuple[float, float]] = {}
    for li, layer in enumerate(grid):
        a = 0.2 + li * (along + gap_along) + along / 2
        c = (cross_size - spans[li]) / 2
        for item in layer:
            size = _WAYPOINT if item.startswith("~") else cross
            c_mid, c = c + size / 2, c + size + gap_cross
            point[item] = (
                (fig_w / 2 - cross_size / 2 + c_mid, fig_h - a)
                if down
                else (a, fig_h - (fig_h - legend_h - cross_size) / 2 - c_mid)
            )
    for item, (x, y) in point.items():
        if not item.startswith("~"):
            box.draw(axes, by_id[item], x, y, shade)
    for number, link in enumerate(links):
        if link.source in point and link.target in point:
            chain = [point[link.source]]
            for w in sorted(
                (w for w in point if w.startswith(f"~{number}.")),
                key=lambda w: int(w.rsplit(".", 1)[1]),
            ):
                (x, y), half = point[w], along / 2  # run straight through the layer's lane
                chain += [(x, y + half), (x, y - half)] if down else [(x - half, y), (x + half, y)]
            chain.append(point[link.target])
            _link(axes, chain, box, down, str(number + 1) if numbered else "", link.label)
    if legend:
        handles = [
            Patch(facecolor=shade.get(g, "white"), edgecolor=INK, label=name) for g, name in legend
        ]
        axes.legend(
            handles=handles,
            loc="lower left",
            ncol=1,
            frameon=False,
            fontsize=8,
            bbox_to_anchor=(0.02, 0.0),
        )
    return figure


_WAYPOINT = 0.12


def _span(layer: list[str], cross: float, gap: float) -> float:
    sizes = [_WAYPOINT if item.startswith("~") else cross for item in layer]
    return sum(sizes) + gap * (len(sizes) - 1)


@dataclass(frozen=True)
class _Box:
    """Box size fitted to the longest label and note, and how to draw one node in it."""

    w: float
    h: float
    label_lines: int
    note_lines: int

    @classmethod
    def sized(cls, nodes: Sequence[Node], width: float) -> _Box:
        chars = int(width * 11)
        label = max((len(textwrap.wrap(n.label, chars)) for n in nodes), default=1)
        note = max((len(textwrap.wrap(n.note, int(chars * 1.35))) for n in nodes), default=0)
        label, note = min(label, 3), min(note, 2)
        return cls(width, 0.2 + 0.19 * label + 0.16 * note, label, note)

    def draw(
        self,
        axes,
        node: Node,
        x: float,
        y: float,  # type: ignore[no-untyped-def]
        shade: dict[str, str],
    ) -> None:
        if node.decision:
            half_w, half_h = self.w * 0.42, self.h / 2
            corners = [(x, y + half_h), (x + half_w, y), (x, y - half_h), (x - half_w, y)]
            axes.add_patch(Polygon(corners, facecolor="#FFFFFF", edgecolor=INK, zorder=2))
            text = "\n".join(textwrap.wrap(node.label, int(self.w * 7))[:3])
            axes.text(x, y, text, ha="center", va="center", fontsize=8, color=INK, zorder=3)
            return
        fill = STORE_FILL if node.store else shade.get(node.group, "#FFFFFF")
        style = "square,pad=0.02" if node.store else "round,pad=0.02,rounding_size=0.1"
        axes.add_patch(
            FancyBboxPatch(
                (x - self.w / 2, y - self.h / 2),
                self.w,
                self.h,
                boxstyle=style,
                facecolor=fill,
                edgecolor=INK,
                linewidth=1.8 if node.store else 1.0,
                zorder=2,
            )
        )
        chars = int(self.w * 11)
        label = "\n".join(textwrap.wrap(node.label, chars)[: self.label_lines])
        note_lines = textwrap.wrap(node.note, int(chars * 1.35))
        if len(note_lines) > self.note_lines:  # too long: cut the last line that fits
            note_lines = note_lines[: self.note_lines]
            note_lines[-1] = note_lines[-1].rstrip(",;.") + " …"
        note = "\n".join(note_lines)
        label_h, note_h = 0.19 * (label.count("\n") + 1), 0.16 * len(note_lines)
        top = y + (label_h + note_h) / 2
        _centred(axes, x, top - label_h / 2, label, fontsize=9.5, weight="bold")
        if note:
            _centred(axes, x, top - label_h - note_h / 2, note, fontsize=8, style="italic")


def _centred(axes: Any, x: float, y: float, text: str, **style: Any) -> None:
    """A box's text, centred on (x, y), in ink above the box."""
    axes.text(x, y, text, ha="center", va="center", color=INK, zorder=3, linespacing=1.1, **style)


def _link(
    axes,
    chain: list[tuple[float, float]],
    box: _Box,  # type: ignore[no-untyped-def]
    down: bool,
    number: str,
    label: str = "",
) -> None:
    """A polyline from box edge through waypoints to box edge, with an arrowhead at the end."""
    (x0, y0), (x1, y1) = chain[0], chain[-1]
    forward = (y1 < y0) if down else (x1 > x0)
    if not forward:  # a back link: an arc beside the boxes
        a = (x0 + box.w / 2, y0) if down else (x0, y0 - box.h / 2)
        b = (x1 + box.w / 2, y1) if down else (x1, y1 - box.h / 2)
        if label:
            axes.text(a[0] + 0.08, a[1] + 0.05, label, fontsize=8, color=INK, zorder=4)
        axes.add_patch(
            FancyArrowPatch(
                a,
                b,
                arrowstyle="-|>",
                mutation_scale=14,
                color=INK,
                linewidth=1.2,
                linestyle="--",
                connectionstyle="arc3,rad=-0.5",
                zorder=1,
            )
        )
        return
    if down:
        points = [(x0, y0 - box.h / 2), *chain[1:-1], (x1, y1 + box.h / 2)]
    else:
        points = [(x0 + box.w / 2, y0), *chain[1:-1], (x1 - box.w / 2, y1)]
    for a, b in itertools.pairwise(points):
        axes.plot([a[0], b[0]], [a[1], b[1]], color=INK, linewidth=1.2, zorder=1)
    if label:
        (ax, ay), (bx, by) = points[0], points[1]
        axes.text((ax + bx) / 2 + 0.06, (ay + by) / 2, label, fontsize=8, color=INK, zorder=4)
    axes.add_patch(
        FancyArrowPatch(
            points[-2],
            points[-1],
            arrowstyle="-|>",
            mutation_scale=14,
            color=INK,
            linewidth=1.2,
            shrinkA=0,
            shrinkB=1,
            zorder=1,
        )
    )
    if number:
        (ax, ay), (bx, by) = points[0], points[1]
        axes.text(
            (ax + bx) / 2,
            (ay + by) / 2,
            number,
            ha="center",
            va="center",
            fontsize=7,
            color=INK,
            zorder=4,
            bbox={
                "boxstyle": "circle,pad=0.2",
                "facecolor": "white",
                "edgecolor": INK,
                "linewidth": 0.8,
            },
        )


def png(figure: Figure) -> bytes:
    """PNG at 200 dpi for Word (≥150 dpi keeps small labels sharp in print)."""
    return charts.png(figure, dpi=200)
