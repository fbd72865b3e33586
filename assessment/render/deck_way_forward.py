"""Deck slides on the way forward: recommendations, roadmap, quick wins, effort, alternatives."""

from __future__ import annotations

from typing import Any

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from assessment.render import pptx_blocks as blocks
from assessment.render.pptx_blocks import AMBER, INK, NAVY, PAPER, TEAL, Box, Para
from assessment.report.context import Context

TOP = 5  # recommendations on the "top recommendations" slide
LISTED = 6  # titles listed per horizon on the roadmap slide
WINS = 8  # quick wins listed


def recommendations(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", f"Top {TOP} recommendations")
    when = {item["id"]: item["horizon"] for item in context.roadmap}
    top = context.recommendations[:TOP]
    widths = [0.5, 6.2, 1.5, 1.4, 1.0, 1.0]
    title_width = int(box.w * widths[1] / sum(widths))
    rows = [
        (
            r["rank"],
            [
                Para(blocks.shorten(r["title"], 2 * blocks.fits(title_width, 15) - 8), 15, True),
                Para(blocks.shorten(r["rationale"], 2 * blocks.fits(title_width, 11) - 8), 11),
            ],
            r["perspective"],
            when.get(r["id"], r["horizon"]),
            r["effort"],
            r["impact"],
        )
        for r in top
    ]
    height = min(Inches(0.92), int((box.h - Inches(0.45)) / max(1, len(rows))))
    header = ["#", "Recommendation", "Perspective", "When", "Effort", "Impact"]
    blocks.table(slide, box, header, rows, widths, 14, height)
    blocks.notes(
        slide,
        [
            "Ranked in the customer's priority order first, then by how much each closes the "
            f"largest gaps. All {len(context.recommendations)} are in the analysis report.",
            *(
                f"{r['rank']}. {r['title']} ({r['perspective']}, "
                f"{when.get(r['id'], r['horizon'])}, "
                f"effort {r['effort']}, impact {r['impact']}"
                + (", customer priority" if r["customer_priority"] else "")
                + (", quick win" if r["quick_win"] else "")
                + f"). Why: {r['rationale']}"
                for r in top
            ),
        ],
    )


def roadmap(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Roadmap by horizon")
    columns = box.columns([1] * max(1, len(context.horizons)), gap=Inches(0.25))
    for index, (horizon, column) in enumerate(zip(context.horizons, columns, strict=False)):
        head, sub, body = column.rows([0.62, 0.32, 3.6], gap=Inches(0.08))
        arrow = blocks.panel(
            slide,
            head,
            (TEAL, NAVY, AMBER)[index % 3],
            0.0,
            MSO_SHAPE.PENTAGON if index == 0 else MSO_SHAPE.CHEVRON,
        )
        blocks.write(
            arrow.text_frame,
            [Para(horizon["horizon"], 18, True, PAPER)],
            PP_ALIGN.CENTER,
            MSO_ANCHOR.MIDDLE,
        )
        blocks.text(
            slide,
            sub,
            [
                Para(
                    f"{horizon['recommendations']} recommendation"
                    f"{'' if horizon['recommendations'] == '1' else 's'} · "
                    f"{horizon['days']} person-days",
                    13,
                    True,
                    INK,
                )
            ],
            PP_ALIGN.CENTER,
        )
        items = [r for r in context.roadmap if r["horizon"] == horizon["horizon"]]
        lines = [
            Para("▪ " + blocks.shorten(r["title"], 2 * blocks.fits(body.w, 13) - 6), 13)
            for r in items[:LISTED]
        ]
        if len(items) > LISTED:
            lines.append(
                Para(f"+ {len(items) - LISTED} more in the strategic plan", 12, colour=TEAL)
            )
        shape = blocks.text(slide, body, lines)
        for paragraph in shape.text_frame.paragraphs:
            paragraph.space_after = blocks.Pt(5)
    blocks.notes(
        slide,
        [
            "Recommendations are placed by effort and dependencies: quick, low-effort work first; "
            "foundations before what builds on them.",
            *(
                f"{h['horizon']}: {h['recommendations']} recommendations, {h['days']} person-days: "
                + "; ".join(r["title"] for r in context.roadmap if r["horizon"] == h["horizon"])
                + "."
                for h in context.horizons
            ),
        ],
    )


def quick_wins(deck: Any, context: Context) -> None:
    wins = context.quick_wins
    slide, box = blocks.add_slide(deck, "Title Only", "Initial wins: quick wins to start now")
    if not wins:
        blocks.text(
            slide,
            box,
            [
                Para(
                    "No quick wins were identified: every recommendation "
                    "needs medium or high effort.",
                    18,
                )
            ],
        )
        blocks.notes(
            slide,
            [
                "A quick win is a low-effort recommendation that closes at least "
                "one level; none qualified in this assessment."
            ],
        )
        return
    days = {item["id"]: item["days"] for item in context.roadmap}
    main, note = box.rows([1, 0.08], gap=Inches(0.1))
    rows = [
        (
            blocks.shorten(r["title"], blocks.fits(int(main.w * 0.62), 14) - 4),
            r["perspective"],
            r["impact"],
            days.get(r["id"], ""),
        )
        for r in wins[:WINS]
    ]
    height = min(Inches(0.5), int(main.h / (len(rows) + 1)))
    blocks.table(
        slide,
        main,
        ["Quick win", "Perspective", "Impact", "Person-days"],
        rows,
        [6.2, 1.6, 1.1, 1.2],
        14,
        height,
    )
    more = f"{len(wins)} quick wins in all" + (
        f"; {len(wins) - WINS} more in the analysis report." if len(wins) > WINS else "."
    )
    blocks.text(slide, note, [Para(more, 12, colour=TEAL)])
    blocks.notes(
        slide,
        [
            "Quick wins are low-effort recommendations that each close at least one maturity "
            "level. "
            "They build momentum and credibility for the longer programme.",
            *(
                f"- {r['title']} ({r['perspective']}, {days.get(r['id'], '?')} person-days)."
                for r in wins
            ),
        ],
    )


def effort(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Effort by horizon")
    left, right = box.columns([1.1, 1], gap=Inches(0.5))
    chart = blocks.chart(
        slide,
        left,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        [h["horizon"] for h in context.horizons],
        [("Person-days", [h["days_value"] for h in context.horizons])],
        number_format="0",
        font_size=14,
    )
    blocks.scale_axis(chart, None, None)
    chart.has_title = False
    chart.plots[0].gap_width = 80
    series = chart.plots[0].series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.theme_color = TEAL
    blocks.label_values(series, 14, "0", XL_LABEL_POSITION.OUTSIDE_END)
    grid = Box(right.x, right.y + Inches(0.4), right.w, right.h - Inches(0.4))
    rows = [(h["horizon"], h["recommendations"], h["days"]) for h in context.horizons]
    below = grid.y + Inches(0.45 + 0.5 * len(rows) + 0.3)
    key = Box(grid.x, below, grid.w, max(Inches(0.3), grid.y + grid.h - below))
    header = ["Horizon", "Recommendations", "Person-days"]
    blocks.table(slide, grid, header, rows, [1.6, 2.2, 1.6], 15, Inches(0.5), header_size=14)
    explain = (
        "Person-days size each recommendation by its effort class and cover the customer's "
        "and the consultants' time, so horizons can be compared and resourced."
    )
    blocks.text(slide, key, [Para(explain, 13, colour=INK)])
    blocks.notes(
        slide,
        [
            "Person-days are the consultant's sizing of each recommendation by its effort class; "
            "they cover the customer's and the consultants' time together.",
            *(
                f"- {h['horizon']}: {h['recommendations']} recommendations, "
                f"{h['days']} person-days."
                for h in context.horizons
            ),
        ],
    )


def alternatives(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Alternatives for reaching the target")
    main, note = box.rows([1, 0.1], gap=Inches(0.15))
    widths = [4.4, 2.0, 1.6, 1.8, 1.7]
    describe = 3 * blocks.fits(int(main.w * widths[0] / sum(widths)), 13) - 8
    rows = [
        (
            [Para(a["name"], 16, bold=True), Para(blocks.shorten(a["description"], describe), 13)],
            a["count"],
            a["days"],
            a["overall"],
            a["open_gaps"],
        )
        for a in context.alternatives
    ]
    height = min(Inches(1.2), int((main.h - Inches(0.45)) / max(1, len(rows))))
    header = ["Alternative", "Recommendations", "Person-days", "Overall reached", "Gaps left open"]
    blocks.table(slide, main, header, rows, widths, 16, height, header_size=14)
    blocks.text(
        slide,
        note,
        [
            Para(
                f"Today {context.overall['current']} · target "
                f"{context.overall['target']} (out of 5)",
                13,
                colour=TEAL,
            )
        ],
    )
    blocks.notes(
        slide,
        [
            f"Where each alternative takes {context.customer}, against "
            f"{context.overall['current']} "
            f"today and a target of {context.overall['target']}:",
            *(
                f"- {a['name']}: {a['description']} {a['count']} recommendations, {a['days']} "
                f"person-days, overall {a['overall']}, {a['open_gaps']} question gaps left open. "
                "By "
                "perspective: " + ", ".join(f"{name} {value}" for name, value in a["reaches"]) + "."
                for a in context.alternatives
            ),
        ],
    )


def next_steps(deck: Any, context: Context) -> None:
    slide, box = blocks.add_slide(deck, "Title Only", "Next steps: size and scope")
    widths = [1.5, 6.0, 1.5, 1.9]
    step_width = int(box.w * widths[1] / sum(widths))
    rows = [
        (
            s["horizon"],
            blocks.shorten(s["step"], 4 * blocks.fits(step_width, 14) - 10),
            s["size"],
            blocks.shorten(s["scope"], 4 * blocks.fits(int(box.w * widths[3] / 11), 14) - 8),
        )
        for s in context.next_steps
    ]
    height = min(Inches(1.25), int((box.h - Inches(0.45)) / max(1, len(rows))))
    header = ["Horizon", "Step", "Size", "Scope (phases)"]
    blocks.table(slide, box, header, rows, widths, 14, height)
    blocks.notes(
        slide,
        [
            "The initial strategic plan sizes each step in person-days and scopes it by the "
            f"{context.method_name} phases it touches.",
            *(
                f"- {s['horizon']}: {s['step']} Size: {s['size']}. Scope: {s['scope']}."
                for s in context.next_steps
            ),
        ],
    )


SLIDES = [recommendations, roadmap, quick_wins, effort, alternatives, next_steps]
