"""Deck slides on the current state: approach, who was heard, maturity, heat map, findings."""

from __future__ import annotations

from typing import Any

from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from assessment.render import pptx_blocks, pptx_fit
from assessment.render.pptx_blocks import AMBER, INK, NAVY, PAPER, TEAL, Box, SlideText
from assessment.report.context import DASH, Context
from assessment.report.findings import Finding

ROLES = 7  # rows of the interviews-by-role table
FINDINGS = 3  # practices on the findings slide, each with its evidence


def approach(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["approach"])
    label, chevrons, texts, label2, cards = box.rows([0.3, 0.55, 1.0, 0.3, 2.5], gap=Inches(0.1))
    first = context.phases[0].name if context.phases else ""
    heading = f"{context.method_name} phases: this engagement is the {first} phase"
    pptx_blocks.text(slide, label, [SlideText(heading, 15, bold=True, colour=NAVY)])
    count = max(1, len(context.phases))
    heads = chevrons.columns([1] * count, gap=Inches(0.08))
    bodies = texts.columns([1] * count, gap=Inches(0.08))
    for index, (phase, head, body) in enumerate(zip(context.phases, heads, bodies, strict=False)):
        shape = MSO_SHAPE.CHEVRON if index else MSO_SHAPE.PENTAGON
        arrow = pptx_blocks.panel(slide, head, AMBER if index == 0 else NAVY, 0.0, shape)
        name = SlideText(
            pptx_fit.abridge(phase.name, 2 * pptx_fit.fits(head.w, 14)), 14, True, PAPER
        )
        pptx_blocks.write(arrow.text_frame, [name], PP_ALIGN.CENTER, MSO_ANCHOR.MIDDLE)
        description = pptx_fit.fit(phase.description, body.w, 12, pptx_fit.lines(body.h, 12))
        pptx_blocks.text(slide, body, [SlideText(description, 12)])
    heading = (
        f"{context.perspective_count.capitalize()} perspectives, "
        "each scored from 0 (Non-existent) to 5 (Optimized)"
    )
    pptx_blocks.text(slide, label2, [SlideText(heading, 15, bold=True, colour=NAVY)])
    count = max(1, len(context.perspective_info))
    for info, card in zip(
        context.perspective_info, cards.columns([1] * count, gap=Inches(0.15)), strict=False
    ):
        name = SlideText(info.name, 16, bold=True, colour=NAVY)
        pptx_blocks.card(
            slide, card, pptx_blocks.titled(name, info.description, card.inset(), 12, 2)
        )
    pptx_blocks.notes(
        slide,
        [
            f"We assessed {context.process} with the {context.method_name} approach. "
            "Its phases are:",
            *(f"- {p.name}: {p.description}" for p in context.phases),
            f"This engagement is the {first} phase; the roadmap later in the deck maps each "
            "recommendation to the phase that delivers it. Each phase looks at "
            f"{context.perspective_count} perspectives:",
            *(f"- {p.name}: {p.description}" for p in context.perspective_info),
        ],
    )


def interviews(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["interviews"])
    tables, callout = box.rows([4, 0.9], gap=Inches(0.3))
    left, right = tables.columns([1, 1.3], gap=Inches(0.6))
    shown = ROLES if len(context.respondents_by_role) <= ROLES else ROLES - 1
    roles = [
        (pptx_fit.abridge(role, 40), str(n)) for role, n in context.respondents_by_role[:shown]
    ]
    if len(context.respondents_by_role) > shown:
        roles.append((f"+ {len(context.respondents_by_role) - shown} more roles (see notes)", ""))
    pptx_blocks.table(slide, left, ["Role", "Interviews"], roles, [3, 1], 16, Inches(0.5))
    perspectives = [(p.name, p.coverage, p.label) for p in context.perspectives]
    header = ["Perspective", "Questions scored", "Level today"]
    pptx_blocks.table(slide, right, header, perspectives, [1.3, 1.2, 1.2], 16, Inches(0.5))
    pptx_blocks.panel(slide, callout, AMBER, 0.8)
    message = (
        f"Interviewees' answers differed by two levels or more on {context.consensus_open} "
        "questions not yet settled: a short consensus workshop should settle them before the "
        "plan is fixed."
        if context.consensus_open
        else "No question is left for a consensus workshop: interviewees agreed, or a rating "
        "settled it."
    )
    inner = Box(callout.x + Inches(0.2), callout.y, callout.w - Inches(0.4), callout.h)
    pptx_blocks.text(slide, inner, [SlideText(message, 16, colour=INK)], anchor=MSO_ANCHOR.MIDDLE)
    pptx_blocks.notes(
        slide,
        [
            "Interviews by role: "
            + "; ".join(f"{role}: {n}" for role, n in context.respondents_by_role)
            + ".",
            "Questions scored shows how many of each perspective's questions got at least one "
            "scored answer; the rest were answered 'not applicable' or 'don't know', or not asked.",
            f"{len(context.consensus)} questions had answers two or more levels apart; "
            f"settled by a rating: {context.consensus_settled}; listed in "
            f"the analysis report for a consensus workshop: {context.consensus_open}.",
        ],
    )


def overall(deck: Any, context: Context) -> None:
    overall = context.overall
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["overall"])
    top, scale, sentence = box.rows([2.3, 1.05, 0.8], gap=Inches(0.3))
    number, target, gap = top.columns([1.6, 1, 1], gap=Inches(0.4))
    big, caption = number.rows([1.6, 1], gap=Inches(0.0))
    pptx_blocks.text(
        slide,
        big,
        [SlideText(overall.current, 80, bold=True, colour=NAVY)],
        anchor=MSO_ANCHOR.BOTTOM,
    )
    pptx_blocks.text(
        slide,
        caption,
        [
            SlideText("out of 5", 18, colour=INK),
            SlideText(f"Level {overall.level} · {overall.label}", 24, bold=True, colour=TEAL),
        ],
    )
    for tile, name, value, colour in (
        (target, "Target", overall.target, TEAL),
        (gap, "Gap to close", overall.gap, AMBER),
    ):
        pptx_blocks.panel(slide, tile, colour, 0.85)
        pptx_blocks.text(
            slide,
            tile,
            [SlideText(name, 18, colour=INK), SlideText(value, 54, bold=True, colour=colour)],
            PP_ALIGN.CENTER,
            MSO_ANCHOR.MIDDLE,
        )
    _scale(slide, scale, context)
    pptx_blocks.text(
        slide, sentence, [SlideText(pptx_fit.abridge(context.overall_sentence, 180), 16)]
    )
    pptx_blocks.notes(
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
        pptx_blocks.text(
            slide,
            cell,
            [SlideText(f"{level} {name}", 12, colour=INK)],
            PP_ALIGN.CENTER,
            MSO_ANCHOR.BOTTOM,
        )
    pptx_blocks.panel(slide, bar, NAVY, 0.85)
    step = bar.w / 6
    marks = (
        (context.overall_values.current, context.overall.current, NAVY, "today"),
        (context.overall_values.target, context.overall.target, AMBER, "target"),
    )
    for value, shown, colour, name in marks:
        if value is None:
            continue
        x = int(bar.x + step * (value + 0.5))
        pptx_blocks.panel(
            slide,
            Box(x - Inches(0.05), bar.y - Inches(0.08), Inches(0.1), bar.h + Inches(0.16)),
            colour,
        )
        pptx_blocks.text(
            slide,
            Box(x - Inches(0.8), bar.y + bar.h + Inches(0.05), Inches(1.6), Inches(0.3)),
            [SlideText(f"{name} {shown}", 12, True, colour)],
            PP_ALIGN.CENTER,
        )


def radar(deck: Any, context: Context) -> None:
    slide, chart, right = pptx_blocks.chart_slide(
        deck,
        context.headlines["perspectives"],
        1.35,
        XL_CHART_TYPE.RADAR_MARKERS,
        context.series.labels,
        [("Current", context.series.current), ("Target", context.series.target)],
    )
    pptx_blocks.scale_axis(chart, 5, 1)
    chart.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE  # rings, not numbers
    _style_lines(chart)
    grid = Box(right.x, right.y + Inches(0.3), right.w, right.h - Inches(0.3))
    rows = [(p.name, p.current, p.target, p.gap) for p in context.perspectives]
    header = ["Perspective", "Current", "Target", "Gap"]
    pptx_blocks.table(slide, grid, header, rows, [1.6, 1, 1, 1], 16, Inches(0.5))
    below = grid.y + Inches(0.45 + 0.5 * len(rows) + 0.3)
    key = Box(grid.x, below, grid.w, max(Inches(0.3), grid.y + grid.h - below))
    legend = (
        "Rings mark levels 1 to 5. Solid line with dots: today; dashed line with squares: target."
    )
    pptx_blocks.text(slide, key, [SlideText(legend, 13, colour=INK)])
    pptx_blocks.notes(
        slide,
        [
            "The solid navy line with round markers is today; the dashed amber line with square "
            "markers is the agreed target. The further apart they are, the bigger the gap.",
            *(
                f"- {p.name}: {p.current} today ({p.label}), target {p.target}, gap {p.gap}."
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
    pptx_blocks.label_values(current, 12)


def heatmap(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["activities"])
    activities = context.activities
    if not activities.rows:
        pptx_blocks.text(
            slide, box, [SlideText("No key activities were scored in this engagement.", 18)]
        )
        pptx_blocks.notes(slide, ["No question in this pack was linked to a key activity."])
        return
    grid_box = Box(box.x, box.y, box.w, box.h - Inches(0.5))
    room = 2 * pptx_fit.fits(int(grid_box.w * 0.44), 13) - 8
    rows = [
        [pptx_fit.abridge(name, room), *cells]
        for name, cells in zip(activities.rows, activities.cells, strict=True)
    ]
    height = min(Inches(0.55), int((grid_box.h - Inches(0.45)) / len(rows)))
    widths = [4.4] + [5.6 / max(1, len(activities.columns))] * len(activities.columns)
    grid = pptx_blocks.table(
        slide,
        grid_box,
        ["Key activity", *activities.columns],
        rows,
        widths,
        13,
        height,
        header_size=12,
    )
    legend = Box(
        box.x, box.y + Inches(0.45) + height * len(rows) + Inches(0.15), box.w, Inches(0.35)
    )
    for row, values in zip(list(grid.rows)[1:], activities.values, strict=True):
        for cell, value in zip(list(row.cells)[1:], values, strict=True):
            cell.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
            if value is None:
                pptx_blocks.shade(cell, PAPER, 0.0, INK)
            else:
                pptx_blocks.shade(
                    cell, NAVY, 0.9 - 1.15 * value / 5, PAPER if value >= 2.5 else INK
                )
    pptx_blocks.text(
        slide,
        legend,
        [
            SlideText(
                "Scores 0 (Non-existent) to 5 (Optimized): the darker the "
                "cell, the more mature. – means not assessed.",
                12,
            )
        ],
    )
    pptx_blocks.notes(
        slide,
        [
            "Each cell is the mean current score of the questions that inform that key activity "
            "from that perspective. Light cells are where the process is weakest.",
            "Key activities: " + "; ".join(activities.rows) + ".",
        ],
    )


def findings(deck: Any, context: Context) -> None:
    """The practices that hold the process back most, each a statement with its evidence."""
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["findings"])
    shown = context.practice_findings[:FINDINGS]
    if not shown:
        pptx_blocks.text(slide, box, [SlideText("No practice falls short of its target.", 18)])
        pptx_blocks.notes(slide, context.findings)
        return
    for finding, column in zip(shown, box.columns([1] * len(shown), gap=Inches(0.25)), strict=True):
        inner = column.inset()
        said = f"“{finding.quote[0]}” ({finding.quote[1]})" if finding.quote else ""
        more = [*finding.facts, *finding.measured][:1]
        statement = pptx_fit.fit(finding.statement, inner.w, 15, 4)
        taken = (
            2
            + 1.25 * pptx_fit.lines_of(statement, inner.w, 15)
            + pptx_fit.lines_of(finding.evidence, inner.w, 11)
        )
        said_more = pptx_fit.fit_all(
            [said, *more] if said else more,
            inner.w,
            12,
            int(pptx_fit.lines(inner.h, 12) - taken),
        )
        pptx_blocks.card(
            slide,
            column,
            [
                SlideText(f"{finding.perspective} · {finding.question}", 12, colour=TEAL),
                SlideText(statement, 15, bold=True),
                SlideText(finding.evidence, 11, colour=NAVY),
                *(
                    SlideText(line, 12, colour=AMBER if line in more else None)
                    for line in said_more
                ),
            ],
        )
    pptx_blocks.notes(
        slide,
        [
            "Each finding is the practice's level today in the pack's words, with what the "
            "interviews and the engagement's records say about it.",
            *(_finding_note(f) for f in context.practice_findings),
            "Also found: " + " ".join(context.findings),
        ],
    )


def _finding_note(f: Finding) -> str:
    parts = [f"- {f.question} ({f.perspective}): {f.statement} {f.evidence}"]
    parts += [f"Asked: {f.practice}"]
    if f.quote:
        parts.append(f"{f.quote[1]}: “{f.quote[0]}”")
    parts += [*f.facts, *f.measured]
    if f.rating:
        parts.append(f"Rating: {f.rating}")
    if f.triggers:
        parts.append("Recommended: " + "; ".join(f.triggers) + ".")
    return " ".join(parts)


BASELINES = 7  # rows of the measured-baselines table


def baselines(deck: Any, context: Context) -> None:
    """Measured KPI baselines with their band and its source; no slide when nothing is measured."""
    if not context.baselines:
        return
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["baselines"])
    main, note = box.rows([1, 0.2], gap=Inches(0.1))
    rows = [
        (pptx_fit.fit(b.name, int(main.w * 0.5), 12, 2), b.value, b.band or DASH)
        for b in context.baselines[:BASELINES]
    ]
    height = min(Inches(0.5), int((main.h - Inches(0.45)) / max(1, len(rows))))
    pptx_blocks.table(slide, main, ("KPI", "Measured today", "Band"), rows, (5, 3, 2), 14, height)
    sources = sorted({b.source for b in context.baselines[:BASELINES] if b.source})
    if sources:
        line = pptx_fit.fit("Bands: " + "; ".join(sources), note.w, 11, pptx_fit.lines(note.h, 11))
        pptx_blocks.text(slide, note, [SlideText(line, 11, colour=TEAL)])
    pptx_blocks.notes(
        slide, ["Every measured baseline:", *(f"- {b.line}" for b in context.baselines)]
    )


SLIDES = [approach, interviews, overall, radar, heatmap, findings, baselines]
