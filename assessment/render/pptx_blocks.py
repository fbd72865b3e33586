"""Building blocks for PowerPoint deliverables: a deck from the reference, text, tables, charts.

Everything is placed by explicit geometry with explicit font sizes, word wrap on and autofit
off, so text never depends on PowerPoint shrinking it. Colours come from the theme (accents,
text), so a consultancy rebrands by replacing report_templates/reference.pptx.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from assessment.render.pptx_fit import abridge, fit, fits, lines, start_shortening
from assessment.resources import TEMPLATES

REFERENCE_PPTX = TEMPLATES / "reference.pptx"

NAVY, TEAL, AMBER = MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3
INK, PAPER = MSO_THEME_COLOR.TEXT_1, MSO_THEME_COLOR.BACKGROUND_1
FOOTER_HEIGHT = Inches(0.62)  # kept free at the bottom of every slide for the footer line


class Box(NamedTuple):
    """A rectangle in EMU."""

    x: int
    y: int
    w: int
    h: int

    def columns(self, weights: Sequence[float], gap: int = Inches(0.3)) -> list[Box]:
        """Split side by side in proportion to `weights`, `gap` apart."""
        free = self.w - gap * (len(weights) - 1)
        boxes, x = [], self.x
        for weight in weights:
            width = int(free * weight / sum(weights))
            boxes.append(Box(x, self.y, width, self.h))
            x += width + gap
        return boxes

    def inset(self, margin: int = Inches(0.12)) -> Box:
        """The same box with `margin` kept free on every side."""
        return Box(self.x + margin, self.y + margin, self.w - 2 * margin, self.h - 2 * margin)

    def rows(self, weights: Sequence[float], gap: int = Inches(0.2)) -> list[Box]:
        """Split top to bottom in proportion to `weights`, `gap` apart."""
        free = self.h - gap * (len(weights) - 1)
        boxes, y = [], self.y
        for weight in weights:
            height = int(free * weight / sum(weights))
            boxes.append(Box(self.x, y, self.w, height))
            y += height + gap
        return boxes


@dataclass(frozen=True)
class SlideText:
    """One paragraph of a cell or box: its text and how it looks."""

    text: str
    size: float
    bold: bool = False
    colour: MSO_THEME_COLOR | None = None


def card(slide: Any, box: Box, paragraphs: Sequence[SlideText], colour: Any = NAVY) -> Any:
    """A pale panel in `colour` with `paragraphs` inside its margin."""
    panel(slide, box, colour, 0.9)
    return text(slide, box.inset(), paragraphs)


def new_deck(title: str, subject: str, generated: dt.datetime) -> Any:
    """An empty deck carrying the reference master, with reproducible core properties."""
    deck = Presentation(str(REFERENCE_PPTX))
    start_shortening()
    # The size type must agree with the size: a 13.33 x 7.5 in slide is "custom" (PowerPoint's
    # widescreen), not "screen4x3" (which would tell readers the slides are 4:3).
    deck.part._element.find(qn("p:sldSz")).attrib.pop("type", None)
    props = deck.core_properties
    # core properties hold at most 255 characters (python-pptx raises beyond that)
    props.title, props.subject = abridge(title, 255), abridge(subject, 255)
    props.author = "ITSM assessment toolkit"
    props.created = props.modified = generated.replace(tzinfo=None)
    props.last_modified_by, props.revision = "", 1
    return deck


def layout(deck: Any, name: str) -> Any:
    """The layout called `name`, else the closest one by its placeholders, else the first."""
    layouts = list(deck.slide_layouts)
    for candidate in layouts:
        if candidate.name == name:
            return candidate

    def kinds(candidate: Any) -> set[Any]:
        return {p.placeholder_format.type for p in candidate.placeholders}

    wanted = {
        "Title Slide": lambda k: PP_PLACEHOLDER.CENTER_TITLE in k,
        "Section Header": lambda k: PP_PLACEHOLDER.CENTER_TITLE in k,
        "Title and Content": lambda k: (
            PP_PLACEHOLDER.TITLE in k and bool(k & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT})
        ),
        "Title Only": lambda k: (
            PP_PLACEHOLDER.TITLE in k
            and not k & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.PICTURE}
        ),
    }.get(name, lambda k: PP_PLACEHOLDER.TITLE in k)
    return next((c for c in layouts if wanted(kinds(c))), layouts[0])


def add_slide(deck: Any, layout_name: str, title: str, size: float = 24) -> tuple[Any, Box]:
    """A new slide with its message title (up to two lines) set; returns the slide and the
    free content box below it."""
    slide = deck.slides.add_slide(layout(deck, layout_name))
    width, height = deck.slide_width, deck.slide_height
    margin = Inches(0.6)
    heading = slide.shapes.title
    if heading is None:
        heading = slide.shapes.add_textbox(margin, Inches(0.3), width - 2 * margin, Inches(0.9))
    frame = heading.text_frame
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    frame.text = fit(title, heading.width, size, 2)
    frame.paragraphs[0].runs[0].font.size = Pt(size)
    top = heading.top + heading.height + Inches(0.2)
    if top > height / 2:  # a cover layout: the title sits low, the content area is unused
        top = Inches(1.45)
    left = min(heading.left, margin)
    return slide, Box(left, top, width - 2 * left, height - FOOTER_HEIGHT - top)


def placeholder(slide: Any, *kinds: Any) -> Any:
    """The slide's first placeholder of one of `kinds`, or None."""
    return next((p for p in slide.placeholders if p.placeholder_format.type in kinds), None)


def drop_empty_placeholders(slide: Any) -> None:
    """Remove placeholders nothing was written into, so no 'Click to add text' remains."""
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def write(
    frame: Any, paragraphs: Sequence[SlideText], align: Any = None, anchor: Any = None
) -> None:
    """Fill a text frame with `paragraphs`, each with its size set explicitly."""
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    if anchor is not None:
        frame.vertical_anchor = anchor
    for index, para in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = para.text
        run.font.size, run.font.bold = Pt(para.size), para.bold
        if para.colour is not None:
            run.font.color.theme_color = para.colour


def text(
    slide: Any,
    box: Box,
    paragraphs: Sequence[SlideText],
    align: Any = None,
    anchor: Any = MSO_ANCHOR.TOP,
) -> Any:
    """A text box at `box` holding `paragraphs`."""
    shape = slide.shapes.add_textbox(*box)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = Inches(0.05)
    write(frame, paragraphs, align, anchor)
    return shape


def bullets(slide: Any, box: Box, items: Sequence[str], size: float) -> Any:
    """A bulleted list in the layout's body placeholder (its bullets), else in a text box."""
    body = placeholder(slide, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
    if body is None:
        return text(slide, box, [SlideText(f"•  {item}", size) for item in items])
    body.left, body.top, body.width, body.height = box
    write(body.text_frame, [SlideText(item, size) for item in items])
    for paragraph in body.text_frame.paragraphs:
        paragraph.space_after = Pt(size * 0.6)
    return body


def panel(slide: Any, box: Box, colour: Any, brightness: float = 0.0, shape: Any = 1) -> Any:
    """A filled, borderless shape (rectangle by default) in a theme colour."""
    drawn = slide.shapes.add_shape(shape, *box)
    drawn.fill.solid()
    drawn.fill.fore_color.theme_color = colour
    drawn.fill.fore_color.brightness = brightness
    drawn.line.fill.background()
    drawn.shadow.inherit = False
    return drawn


Cell = str | Sequence[SlideText]


def table(
    slide: Any,
    box: Box,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    size: float = 12,
    row_height: int = Inches(0.4),
    header_height: int = Inches(0.45),
    header_size: float | None = None,
) -> Any:
    """A native table: header row in the theme's style, column widths in proportion."""
    height = header_height + row_height * len(rows)
    grid = slide.shapes.add_table(len(rows) + 1, len(header), box.x, box.y, box.w, height).table
    for column, weight in zip(grid.columns, widths, strict=True):
        column.width = int(box.w * weight / sum(widths))
    for index, row in enumerate(grid.rows):
        row.height = row_height if index else header_height
    for cell, name in zip(grid.rows[0].cells, header, strict=True):
        _fill_cell(cell, [SlideText(name, header_size or size, bold=True)])
    for row, values in zip(list(grid.rows)[1:], rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            _fill_cell(cell, [SlideText(value, size)] if isinstance(value, str) else value)
    return grid


def _fill_cell(cell: Any, paragraphs: Sequence[SlideText]) -> None:
    cell.margin_left = cell.margin_right = Inches(0.08)
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    write(cell.text_frame, paragraphs)


def shade(cell: Any, colour: Any, brightness: float, text_colour: Any) -> None:
    """Fill a table cell with a theme colour and recolour its text to stay readable."""
    cell.fill.solid()
    cell.fill.fore_color.theme_color = colour
    cell.fill.fore_color.brightness = brightness
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.color.theme_color = text_colour


def chart_slide(
    deck: Any, headline: str, chart_share: float, kind: Any, *chart_args: Any, **chart_options: Any
) -> tuple[Any, Any, Box]:
    """A slide with a native chart on the left (`chart_share` times as wide as the right-hand
    column) and the right-hand column left free for its table and key."""
    slide, box = add_slide(deck, "Title Only", headline)
    left, right = box.columns([chart_share, 1], gap=Inches(0.4))
    return slide, chart(slide, left, kind, *chart_args, **chart_options), right


def titled(head: SlideText, body: str, box: Box, size: float, reserve: int) -> list[SlideText]:
    """`head`, then `body` fitted at `size` points into `box` less `reserve` lines for the head."""
    return [head, SlideText(fit(body, box.w, size, lines(box.h, size) - reserve), size)]


def chart(
    slide: Any,
    box: Box,
    kind: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    number_format: str = "0.00",
    font_size: float = 12,
) -> Any:
    """A native, editable chart; the caller styles its series."""
    data = CategoryChartData(number_format=number_format)
    data.categories = list(categories)
    for name, values in series:
        data.add_series(name, list(values))
    drawn = slide.shapes.add_chart(kind, *box, data).chart
    drawn.font.size = Pt(font_size)
    drawn.has_legend = len(series) > 1
    if drawn.has_legend:
        drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
        drawn.legend.include_in_layout = False
    return drawn


def scale_axis(drawn: Any, maximum: float | None, unit: float | None) -> None:
    """Fix the value axis (0 to `maximum`), with light gridlines and no clutter."""
    axis = drawn.value_axis
    axis.minimum_scale = 0
    if maximum is not None:
        axis.maximum_scale = maximum
    if unit is not None:
        axis.major_unit = unit
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.theme_color = INK
    axis.major_gridlines.format.line.color.brightness = 0.8


def label_values(
    series: Any, size: float, number_format: str = "0.00", position: Any = None
) -> None:
    """Print each value on the chart, so it reads without colour and without the axis."""
    labels = series.data_labels
    labels.show_value = True
    labels.number_format, labels.number_format_is_linked = number_format, False
    labels.font.size = Pt(size)
    if position is not None:
        labels.position = position


def notes(slide: Any, lines: Sequence[str]) -> None:
    """Speaker notes: what to say on this slide."""
    slide.notes_slide.notes_text_frame.text = "\n".join(line for line in lines if line)


def footers(
    deck: Any, left: str, covers: Sequence[str] = ("Title Slide", "Section Header")
) -> None:
    """Footer text and 'n / total' on every slide (python-pptx copies no footer placeholders)."""
    width, height = deck.slide_width, deck.slide_height
    total = len(deck.slides)
    box = Box(Inches(0.6), height - Inches(0.48), width - Inches(1.2), Inches(0.32))
    left_box, right_box = box.columns([5, 1], gap=Inches(0.2))
    for number, slide in enumerate(deck.slides, start=1):
        colour = PAPER if slide.slide_layout.name in covers else INK
        text(
            slide,
            left_box,
            [SlideText(abridge(left, fits(left_box.w, 10)), 10, colour=colour)],
            anchor=MSO_ANCHOR.MIDDLE,
        )
        text(
            slide,
            right_box,
            [SlideText(f"{number} / {total}", 10, colour=colour)],
            align=PP_ALIGN.RIGHT,
            anchor=MSO_ANCHOR.MIDDLE,
        )
