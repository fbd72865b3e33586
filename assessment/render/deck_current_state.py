"""Deck slides on the current state: approach, who was heard, maturity, heat map, findings."""

from __future__ import annotations

from typing import Any

from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from assessment.render import pptx_blocks as blocks
from assessment.render.pptx_blocks import AMBER, INK, NAVY, PAPER, TEAL, Box, Para
from assessment.report.context import Context, fmt

ROLES = 7  # rows of the interviews-by-role table
FINDINGS = 6  # bullets on the key-findings slide


def approach(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Context and approach")
    label, chevrons, texts, label2, cards = box.rows([0.3, 0.55, 1.0, 0.3, 2.5], gap=Inches(0.1))
    first = context.phases[0]["name"] if context.phases else ""
    heading = f"{context.method_name} phases: this engagement is the {first} phase"
    blocks.text(slide, label, [Para(heading, 15, bold=True, colour=NAVY)])
    count = max(1, len(context.phases))
    heads = chevrons.columns([1] * count, gap=Inches(0.08))
    bodies = texts.columns([1] * count, gap=Inches(0.08))
    for index, (phase, head, body) in enumerate(zip(context.phases, heads, bodies, strict=False)):
        shape = MSO_SHAPE.CHEVRON if index else MSO_SHAPE.PENTAGON
        arrow = blocks.panel(slide, head, AMBER if index == 0 else NAVY, 0.0, shape)
        name = Para(blocks.shorten(phase["name"], 2 * blocks.fits(head.w, 14)), 14, True, PAPER)
        blocks.write(arrow.text_frame, [name], PP_ALIGN.CENTER, MSO_ANCHOR.MIDDLE)
        limit = 4 * blocks.fits(body.w, 12) - 8
        blocks.text(slide, body, [Para(blocks.shorten(phase["description"], limit), 12)])
    heading = (
        f"{context.perspective_count.capitalize()} perspectives, "
        "each scored from 0 (Non-existent) to 5 (Optimized)"
    )
    blocks.text(slide, label2, [Para(heading, 15, bold=True, colour=NAVY)])
    count = max(1, len(context.perspective_info))
    for info, card in zip(
        context.perspective_info, cards.columns([1] * count, gap=Inches(0.15)), strict=False
    ):
        blocks.panel(slide, card, NAVY, 0.9)
        inner = Box(
            card.x + Inches(0.12), card.y + Inches(0.1), card.w - Inches(0.24), card.h - Inches(0.2)
        )
        limit = 7 * blocks.fits(inner.w, 12) - 10
        blocks.text(
            slide,
            inner,
            [
                Para(info["name"], 16, bold=True, colour=NAVY),
                Para(blocks.shorten(info["description"], limit), 12),
            ],
        )
    blocks.notes(
        slide,
        [
            f"We assessed {context.process} with the {context.method_name} approach. "
            "Its phases are:",
            *(f"- {p['name']}: {p['description']}" for p in context.phases),
            f"This engagement is the {first} phase; the roadmap later in the deck maps each "
            "recommendation to the phase that delivers it. Each phase looks at "
            f"{context.perspective_count} perspectives:",
            *(f"- {p['name']}: {p['description']}" for p in context.perspective_info),
        ],
    )


def interviews(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Who we interviewed and what it covers")
    tables, callout = box.rows([4, 0.9], gap=Inches(0.3))
    left, right = tables.columns([1, 1.3], gap=Inches(0.6))
    shown = ROLES if len(context.respondents_by_role) <= ROLES else ROLES - 1
    roles = [(blocks.shorten(role, 40), str(n)) for role, n in context.respondents_by_role[:shown]]
    if len(context.respondents_by_role) > shown:
        roles.append((f"+ {len(context.respondents_by_role) - shown} more roles (see notes)", ""))
    blocks.table(slide, left, ["Role", "Interviews"], roles, [3, 1], 16, Inches(0.5))
    perspectives = [(p["name"], p["coverage"], p["label"]) for p in context.perspectives]
    header = ["Perspective", "Questions scored", "Level today"]
    blocks.table(slide, right, header, perspectives, [1.3, 1.2, 1.2], 16, Inches(0.5))
    blocks.panel(slide, callout, AMBER, 0.8)
    message = (
        f"Interviewees' answers differed by two levels or more on {len(context.consensus)} "
        "questions: a short consensus workshop should settle them before the plan is fixed."
        if context.consensus
        else "Interviewees broadly agreed: no question needs a consensus workshop."
    )
    inner = Box(callout.x + Inches(0.2), callout.y, callout.w - Inches(0.4), callout.h)
    blocks.text(slide, inner, [Para(message, 16, colour=INK)], anchor=MSO_ANCHOR.MIDDLE)
    blocks.notes(
        slide,
        [
            "Interviews by role: "
            + "; ".join(f"{role}: {n}" for role, n in context.respondents_by_role)
            + ".",
            "Questions scored shows how many of each perspective's questions got at least one "
            "scored answer; the rest were answered 'not applicable' or 'don't know', or not asked.",
            f"{len(context.consensus)} questions had answers two or more levels apart; they are "
            "listed in the analysis report for a consensus workshop.",
        ],
    )


def overall(deck: Any, context: Context) -> None:
    overall = context.overall
    slide, box = blocks.add_slide(deck, "Title Only", "Overall maturity today")
    top, scale, sentence = box.rows([2.3, 1.05, 0.8], gap=Inches(0.3))
    number, target, gap = top.columns([1.6, 1, 1], gap=Inches(0.4))
    big, caption = number.rows([1.6, 1], gap=Inches(0.0))
    blocks.text(
        slide, big, [Para(overall["current"], 80, bold=True, colour=NAVY)], anchor=MSO_ANCHOR.BOTTOM
    )
    blocks.text(
        slide,
        caption,
        [
            Para("out of 5", 18, colour=INK),
            Para(f"Level {overall['level']} · {overall['label']}", 24, bold=True, colour=TEAL),
        ],
    )
    for tile, name, value, colour in (
        (target, "Target", overall["target"], TEAL),
        (gap, "Gap to close", overall["gap"], AMBER),
    ):
        blocks.panel(slide, tile, colour, 0.85)
        blocks.text(
            slide,
            tile,
            [Para(name, 18, colour=INK), Para(value, 54, bold=True, colour=colour)],
            PP_ALIGN.CENTER,
            MSO_ANCHOR.MIDDLE,
        )
    _scale(slide, scale, context)
    blocks.text(slide, sentence, [Para(blocks.shorten(context.overall_sentence, 180), 16)])
    blocks.notes(
        slide,
        [
            context.overall_sentence,
            "The overall score is the plain mean of the "
            f"{context.perspective_count} perspective scores; each perspective "
            "is the question-weighted mean of its scored questions, 0 Non-existent to 5 Optimized.",
            "The scale: " + ", ".join(f"{level} {label}" for level, label in context.levels) + ".",
        ],
    )


def _scale(slide: Any, box: Box, context: Context) -> None:
    """The 0–5 scale with today's score (navy) and the target (amber) marked on it."""
    labels, bar = box.rows([1, 0.45], gap=Inches(0.05))
    for (level, name), cell in zip(context.levels, labels.columns([1] * 6, gap=0), strict=True):
        blocks.text(
            slide,
            cell,
            [Para(f"{level} {name}", 12, colour=INK)],
            PP_ALIGN.CENTER,
            MSO_ANCHOR.BOTTOM,
        )
    blocks.panel(slide, bar, NAVY, 0.85)
    step = bar.w / 6
    for key, colour, name in (("current", NAVY, "today"), ("target", AMBER, "target")):
        value, shown = context.overall_values[key], context.overall[key]
        if value is None:
            continue
        x = int(bar.x + step * (value + 0.5))
        blocks.panel(
            slide,
            Box(x - Inches(0.05), bar.y - Inches(0.08), Inches(0.1), bar.h + Inches(0.16)),
            colour,
        )
        blocks.text(
            slide,
            Box(x - Inches(0.8), bar.y + bar.h + Inches(0.05), Inches(1.6), Inches(0.3)),
            [Para(f"{name} {shown}", 12, True, colour)],
            PP_ALIGN.CENTER,
        )


def radar(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Maturity by perspective: current and target")
    left, right = box.columns([1.35, 1], gap=Inches(0.4))
    chart = blocks.chart(
        slide,
        left,
        XL_CHART_TYPE.RADAR_MARKERS,
        context.series["labels"],
        [("Current", context.series["current"]), ("Target", context.series["target"])],
    )
    blocks.scale_axis(chart, 5, 1)
    chart.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE  # rings, not numbers
    _style_lines(chart)
    grid = Box(right.x, right.y + Inches(0.3), right.w, right.h - Inches(0.3))
    rows = [(p["name"], p["current"], p["target"], p["gap"]) for p in context.perspectives]
    header = ["Perspective", "Current", "Target", "Gap"]
    blocks.table(slide, grid, header, rows, [1.6, 1, 1, 1], 16, Inches(0.5))
    below = grid.y + Inches(0.45 + 0.5 * len(rows) + 0.3)
    key = Box(grid.x, below, grid.w, max(Inches(0.3), grid.y + grid.h - below))
    legend = (
        "Rings mark levels 1 to 5. Solid line with dots: today; dashed line with squares: target."
    )
    blocks.text(slide, key, [Para(legend, 13, colour=INK)])
    blocks.notes(
        slide,
        [
            "The solid navy line with round markers is today; the dashed amber line with square "
            "markers is the agreed target. The further apart they are, the bigger the gap.",
            *(
                f"- {p['name']}: {p['current']} today ({p['label']}), target {p['target']}, "
                f"gap {p['gap']}."
                for p in context.perspectives
            ),
        ],
    )


def _style_lines(chart: Any) -> None:
    current, target = chart.plots[0].series
    for series, colour, marker, dash in (
        (current, NAVY, XL_MARKER_STYLE.CIRCLE, MSO_LINE_DASH_STYLE.SOLID),
        (target, AMBER, XL_MARKER_STYLE.SQUARE, MSO_LINE_DASH_STYLE.DASH),
    ):
        series.format.line.color.theme_color = colour
        series.format.line.width = Pt(2.5)
        series.format.line.dash_style = dash
        series.marker.style, series.marker.size = marker, 9
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.theme_color = colour
        series.marker.format.line.color.theme_color = colour
    blocks.label_values(current, 12)


def bars(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Where the gaps are: current against target")
    chart = blocks.chart(
        slide,
        box,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        context.series["labels"],
        [("Current", context.series["current"]), ("Target", context.series["target"])],
        font_size=14,
    )
    blocks.scale_axis(chart, 5, 1)
    chart.plots[0].gap_width, chart.plots[0].overlap = 70, -5
    for series, colour in zip(chart.plots[0].series, (NAVY, AMBER), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.theme_color = colour
        blocks.label_values(series, 13, position=XL_LABEL_POSITION.OUTSIDE_END)
    blocks.notes(
        slide,
        [
            "Dark bars are today's score, amber bars the target; each bar carries its value.",
            *(f"- {p['name']}: gap {p['gap']}." for p in context.perspectives),
        ],
    )


def heatmap(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Maturity by key activity and perspective")
    activities = context.activities
    if not activities["rows"]:
        blocks.text(slide, box, [Para("No key activities were scored in this engagement.", 18)])
        blocks.notes(slide, ["No question in this pack was linked to a key activity."])
        return
    grid_box = Box(box.x, box.y, box.w, box.h - Inches(0.5))
    rows = [
        [blocks.shorten(name, 2 * blocks.fits(int(grid_box.w * 0.44), 13) - 8)]
        + [fmt(v) for v in values]
        for name, values in zip(activities["rows"], activities["values"], strict=True)
    ]
    height = min(Inches(0.55), int((grid_box.h - Inches(0.45)) / len(rows)))
    widths = [4.4] + [5.6 / max(1, len(activities["columns"]))] * len(activities["columns"])
    grid = blocks.table(
        slide,
        grid_box,
        ["Key activity", *activities["columns"]],
        rows,
        widths,
        13,
        height,
        header_size=12,
    )
    legend = Box(
        box.x, box.y + Inches(0.45) + height * len(rows) + Inches(0.15), box.w, Inches(0.35)
    )
    for row, values in zip(list(grid.rows)[1:], activities["values"], strict=True):
        for cell, value in zip(list(row.cells)[1:], values, strict=True):
            cell.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
            if value is None:
                blocks.shade(cell, PAPER, 0.0, INK)
            else:
                blocks.shade(cell, NAVY, 0.9 - 1.15 * value / 5, PAPER if value >= 2.5 else INK)
    blocks.text(
        slide,
        legend,
        [
            Para(
                "Scores 0 (Non-existent) to 5 (Optimized): the darker the "
                "cell, the more mature. – means not assessed.",
                12,
            )
        ],
    )
    blocks.notes(
        slide,
        [
            "Each cell is the mean current score of the questions that inform that key activity "
            "from that perspective. Light cells are where the process is weakest.",
            "Key activities: " + "; ".join(activities["rows"]) + ".",
        ],
    )


def findings(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title and Content", "Key findings")
    shown = context.findings[:FINDINGS] or ["No answers have been scored yet."]
    size = 18
    lines = int(Emu(box.h).pt / (size * 1.2) - 0.5 * len(shown)) // len(shown)  # space_after
    limit = lines * blocks.fits(box.w - Inches(0.4), size) - 10
    blocks.bullets(slide, box, [blocks.shorten(f, limit) for f in shown], size)
    blocks.drop_empty_placeholders(slide)
    blocks.notes(slide, ["What we found, in full:", *(f"- {f}" for f in context.findings)])


SLIDES = [approach, interviews, overall, radar, bars, heatmap, findings]
