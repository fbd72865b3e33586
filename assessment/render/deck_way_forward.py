"""Deck slides on the way forward: recommendations, roadmap, quick wins, effort, alternatives."""

from __future__ import annotations

from typing import Any

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from assessment.render import pptx_blocks, pptx_fit
from assessment.render.pptx_blocks import AMBER, INK, NAVY, PAPER, TEAL, Box, SlideText
from assessment.report.context import Context
from assessment.report.plan_view import AlternativeRow, RoadmapRow

TOP = 5  # recommendations on the "top recommendations" slide
LISTED = 5  # titles listed per horizon on the roadmap slide
WINS = 8  # quick wins listed


def recommendations(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["recommendations"])
    top = context.recommendations[:TOP]
    widths = [0.5, 6.2, 1.5, 1.4, 1.0, 1.0]
    title_width = int(box.w * widths[1] / sum(widths))
    rows = [
        (
            r.rank,
            [
                SlideText(
                    pptx_fit.abridge(r.title, 2 * pptx_fit.fits(title_width, 15) - 8),
                    15,
                    True,
                ),
                SlideText(
                    pptx_fit.abridge(r.rationale, 2 * pptx_fit.fits(title_width, 11) - 8),
                    11,
                ),
            ],
            r.perspective,
            r.window,
            r.effort,
            r.impact,
        )
        for r in top
    ]
    height = min(Inches(0.92), int((box.h - Inches(0.45)) / max(1, len(rows))))
    header = ["#", "Recommendation", "Perspective", "When", "Effort", "Impact"]
    pptx_blocks.table(slide, box, header, rows, widths, 14, height)
    pptx_blocks.notes(
        slide,
        [
            "Ranked in the customer's priority order first, then by how much each closes the "
            f"largest gaps. All {len(context.recommendations)} are in the analysis report.",
            *(
                f"{r.rank}. {r.title} ({r.perspective}, "
                f"{r.window}, "
                f"effort {r.effort}, impact {r.impact}"
                + (", customer priority" if r.customer_priority else "")
                + (", quick win" if r.quick_win else "")
                + f"). Why: {r.rationale}"
                for r in top
            ),
        ],
    )


def roadmap(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["roadmap"])
    columns = box.columns([1] * max(1, len(context.windows)), gap=Inches(0.25))
    for index, (horizon, column) in enumerate(zip(context.windows, columns, strict=False)):
        head, sub, body = column.rows([0.62, 0.32, 3.6], gap=Inches(0.08))
        arrow = pptx_blocks.panel(
            slide,
            head,
            (TEAL, NAVY, AMBER)[index % 3],
            0.0,
            MSO_SHAPE.PENTAGON if index == 0 else MSO_SHAPE.CHEVRON,
        )
        pptx_blocks.write(
            arrow.text_frame,
            [SlideText(horizon.window, 18, True, PAPER)],
            PP_ALIGN.CENTER,
            MSO_ANCHOR.MIDDLE,
        )
        pptx_blocks.text(
            slide,
            sub,
            [
                SlideText(
                    f"{horizon.recommendations} recommendation"
                    f"{'' if horizon.recommendations == '1' else 's'} · "
                    f"{horizon.days} person-days",
                    13,
                    True,
                    INK,
                )
            ],
            PP_ALIGN.CENTER,
        )
        items = [r for r in context.roadmap if r.window == horizon.window]
        titled = pptx_fit.fit_all(
            [_titled(r) for r in items[:LISTED]],
            body.w - Inches(0.2),
            13,
            pptx_fit.lines(body.h, 13) - 3,  # room for the spacing and the "more" line
        )
        lines = [SlideText("▪ " + t, 13) for t in titled]
        if len(items) > LISTED:
            lines.append(
                SlideText(f"+ {len(items) - LISTED} more in the strategic plan", 12, colour=TEAL)
            )
        shape = pptx_blocks.text(slide, body, lines)
        for paragraph in shape.text_frame.paragraphs:
            paragraph.space_after = pptx_blocks.Pt(5)
    pptx_blocks.notes(
        slide,
        [
            context.horizon_rule,
            *(
                f"{h.window}: {h.recommendations} recommendations, {h.days} person-days: "
                + "; ".join(_titled(r) for r in context.roadmap if r.window == h.window)
                + "."
                for h in context.windows
            ),
        ],
    )


def _titled(item: RoadmapRow) -> str:
    return item.title + (" (prerequisite)" if item.prerequisite else "")


def initial_wins(deck: Any, context: Context) -> None:
    wins, quick = context.initial_wins, context.quick_wins
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["initial_wins"])
    if not wins:
        pptx_blocks.text(
            slide,
            box,
            [SlideText("No initial wins: every recommendation needs medium or high effort.", 18)],
        )
        pptx_blocks.notes(slide, [QUICK_WIN + " None qualified in this assessment."])
        return
    main, note = box.rows([1, 0.08], gap=Inches(0.1))
    rows = [
        (
            pptx_fit.fit(w.name, int(main.w * 0.56), 13, 2),
            w.window,
            "yes" if w.quick_win else "",
            w.days,
        )
        for w in wins[:WINS]
    ]
    height = min(Inches(0.5), int(main.h / (len(rows) + 1)))
    pptx_blocks.table(
        slide,
        main,
        ["Initial win", "Starts", "Quick win", "Person-days"],
        rows,
        [6.0, 1.8, 1.2, 1.2],
        14,
        height,
    )
    more = f"{len(wins)} initial wins, {len(quick)} of them quick wins" + (
        f"; {len(wins) - WINS} more in the analysis report." if len(wins) > WINS else "."
    )
    pptx_blocks.text(slide, note, [SlideText(more, 12, colour=TEAL)])
    pptx_blocks.notes(
        slide,
        [
            QUICK_WIN + " Initial wins are the quick wins and the pack's foundation steps that "
            "start within the first year; they build momentum for the longer programme.",
            *(
                f"- {w.name} ({w.window}, {w.days} person-days"
                + (", quick win" if w.quick_win else "")
                + ")."
                for w in wins
            ),
        ],
    )


QUICK_WIN = (
    "A quick win is a small-effort recommendation that closes at least one maturity level and "
    "can start in the first window, because nothing it builds on starts later."
)


def effort(deck: Any, context: Context) -> None:
    slide, chart, right = pptx_blocks.chart_slide(
        deck,
        context.headlines["effort"],
        0.9 / 1.1,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        [h.window for h in context.windows],
        [("Person-days", [h.days_value for h in context.windows])],
        number_format="0",
        font_size=14,
    )
    pptx_blocks.scale_axis(chart, None, None)
    chart.has_title = False
    chart.plots[0].gap_width = 80
    series = chart.plots[0].series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.theme_color = TEAL
    pptx_blocks.label_values(series, 14, "0", XL_LABEL_POSITION.OUTSIDE_END)
    grid = Box(right.x, right.y + Inches(0.4), right.w, right.h - Inches(0.4))
    rows = [(w.window, w.recommendations, w.days, w.cost) for w in context.ask.windows]
    below = grid.y + Inches(0.45 + 0.5 * len(rows) + 0.3)
    key = Box(grid.x, below, grid.w, max(Inches(0.3), grid.y + grid.h - below))
    header = ["Window", "Recommendations", "Person-days", "Cost"]
    pptx_blocks.table(
        slide, grid, header, rows, [1.5, 2.3, 1.6, 2.1], 13, Inches(0.5), header_size=12
    )
    explain = (
        "Person-days size each recommendation by its effort class and cover the customer's "
        f"and the consultants' time; cost at {context.ask.day_rate} a day. "
        + context.ask.assumption
    )
    pptx_blocks.text(slide, key, [SlideText(explain, 13, colour=INK)])
    pptx_blocks.notes(
        slide,
        [
            "Person-days are the consultant's sizing of each recommendation by its effort class; "
            "they cover the customer's and the consultants' time together.",
            *(
                f"- {h.window}: {h.recommendations} recommendations, {h.days} person-days."
                for h in context.windows
            ),
        ],
    )


def alternatives(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["alternatives"])
    main, note = box.rows([1, 0.1], gap=Inches(0.15))
    widths = [4.4, 2.0, 1.6, 1.8, 1.7]
    describe = 3 * pptx_fit.fits(int(main.w * widths[0] / sum(widths)), 13) - 8
    rows = [
        (
            [
                SlideText(a.name, 16, bold=True),
                SlideText(pptx_fit.abridge(a.description, describe), 13),
            ],
            a.count,
            a.days,
            a.overall,
            a.open_gaps,
        )
        for a in context.alternatives
    ]
    height = min(Inches(1.2), int((main.h - Inches(0.45)) / max(1, len(rows))))
    header = ["Alternative", "Recommendations", "Person-days", "Overall reached", "Gaps left open"]
    pptx_blocks.table(slide, main, header, rows, widths, 16, height, header_size=14)
    pptx_blocks.text(
        slide,
        note,
        [
            SlideText(
                f"Today {context.overall.current} · target {context.overall.target} (out of 5)",
                13,
                colour=TEAL,
            )
        ],
    )
    pptx_blocks.notes(
        slide,
        [
            f"Where each alternative takes {context.customer}, against "
            f"{context.overall.current} "
            f"today and a target of {context.overall.target}:",
            *(
                f"- {a.name}: {a.description} {a.count} recommendations, {a.days} "
                f"person-days{_smaller(a)}, overall {a.overall}, {a.open_gaps} question "
                "gaps left open. By perspective: "
                + ", ".join(f"{name} {value}" for name, value in a.reaches)
                + "."
                for a in context.alternatives
            ),
            *context.not_offered,
            f"{len(context.unaddressed)} question gaps stay open even on the full path; the "
            "analysis report lists them with what to do about each."
            if context.unaddressed
            else "The full path closes every gap.",
        ],
    )


def _smaller(path: AlternativeRow) -> str:
    if path.fewer == "0":
        return ""
    return f" ({path.fewer} fewer and {path.fewer_days} person-days less than the full path)"


SLIDES = [recommendations, roadmap, initial_wins, effort, alternatives]
