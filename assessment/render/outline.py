"""A tiny document model: the blocks a report is made of, written once, placed by each writer.

An outline (a list of blocks) is built from the context; the Word writer and the HTML/PDF
writer each place the same outline, so the two formats of a report cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.report.context import Chart


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


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | lead | note


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


@dataclass(frozen=True)
class Figure:
    chart: Chart = field(repr=False)
    caption: str
    width_cm: float = 14.0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Cover | Toc | Heading | Para | Bullets | Quote | Table | Figure | PageBreak


@dataclass(frozen=True)
class Outline:
    """A whole document: what it is called, its running header, and its blocks."""

    title: str
    subject: str
    header: str
    blocks: tuple[Block, ...]
