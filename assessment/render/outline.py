"""A tiny document model: the blocks a report is made of, written once, placed by each writer.

An outline (a list of blocks) is built from the context; the Word writer and the HTML/PDF
writer each place the same outline, so the two formats of a report cannot drift apart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from assessment.report.figures import Chart


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Toc:
    title: str = "Contents"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    new_page: bool = False  # a chapter that starts on a fresh page


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | lead | note | strong
    label: str = ""  # a bold label before the text: "Mission: ..."


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # centimetres on A4 portrait (16 cm of text width)
    caption: str = ""
    numeric: tuple[int, ...] = ()  # columns aligned right
    emphasis: tuple[int, ...] = ()  # rows in bold (indexes into rows)
    row_height_cm: float = 0.0  # a minimum body row height (forms filled in by hand)


@dataclass(frozen=True)
class Figure:
    chart: Chart = field(repr=False)
    caption: str
    width_cm: float = 14.0
    max_height_cm: float = 0.0  # 0: no limit; else narrower so it is at most this tall

    def fitted_width_cm(self) -> float:
        """The printed width: `width_cm`, or less if the picture would be too tall."""
        if not self.max_height_cm:
            return self.width_cm
        from PIL import Image

        with Image.open(io.BytesIO(self.chart.png)) as image:
            ratio = image.height / image.width
        return min(self.width_cm, self.max_height_cm / ratio)


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Orientation:
    """Continue on a new page in landscape (wide tables, diagrams) or back in portrait."""

    landscape: bool
    margin_cm: float = 2.0  # left and right margins of the new pages


Block = Cover | Toc | Heading | Para | Bullets | Quote | Table | Figure | PageBreak | Orientation


@dataclass(frozen=True)
class Outline:
    """A whole document: what it is called, its running header, and its blocks."""

    title: str
    subject: str
    header: str
    blocks: tuple[Block, ...]
