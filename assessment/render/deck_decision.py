"""Deck slides for the decision: the answer-first summary and the ask.

The summary says where the customer stands, what it costs them today, what we recommend and
what we need from them; the ask puts figures and dates on the last of those.
"""

from __future__ import annotations

from typing import Any

from pptx.util import Inches

from assessment.render import pptx_blocks, pptx_fit
from assessment.render.pptx_blocks import AMBER, NAVY, TEAL, Box, SlideText
from assessment.report.ask import Milestone
from assessment.report.context import Context

HEAD, BODY = 16, 14  # point sizes of a summary box's heading and its lines
COSTS_SHOWN = 3  # facts and measures in "what it costs you today"
MILESTONES = 5


def summary(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["summary"])
    top, bottom = box.rows([1, 1], gap=Inches(0.2))
    quadrants = [*top.columns([1, 1], gap=Inches(0.25)), *bottom.columns([1, 1], gap=Inches(0.25))]
    contents = [
        ("Where you are", _where(context), NAVY),
        ("What it costs you today", _costs(context), AMBER),
        ("What we recommend", _recommend(context), TEAL),
        ("What we need from you", _needs(context), NAVY),
    ]
    for quadrant, (heading, items, colour) in zip(quadrants, contents, strict=True):
        inner = quadrant.inset()
        shown = pptx_fit.fit_all(items, inner.w, BODY, pptx_fit.lines(inner.h, BODY) - 2)
        pptx_blocks.card(
            slide,
            quadrant,
            [
                SlideText(heading, HEAD, bold=True, colour=colour),
                *(SlideText("▪ " + item, BODY) for item in shown),
            ],
            colour,
        )
    pptx_blocks.notes(
        slide,
        [
            "The answer first: the rest of the deck is the evidence behind these four boxes.",
            *(f"{heading}: " + " ".join(items) for heading, items, _ in contents),
        ],
    )


def _where(c: Context) -> list[str]:
    lines = [c.overall_sentence]
    if c.findings:
        lines.append(c.findings[0])
    return lines + (
        [f"We interviewed {c.interviewed_count} people {c.interviewed}."] if c.interviewed else []
    )


def _costs(c: Context) -> list[str]:
    measured = [b.line for b in c.baselines if b.weak]
    found = [f.statement for f in c.practice_findings]
    return (c.facts + measured + found)[:COSTS_SHOWN] or ["No gap was found."]


def _recommend(c: Context) -> list[str]:
    lines = []
    priorities = [r.title for r in c.recommendations if r.customer_priority]
    if priorities:
        lines.append("Start with your priorities: " + "; ".join(priorities) + ".")
    if c.initial_wins:
        lines.append(
            f"{len(c.initial_wins)} initial wins in {c.first_window}, "
            f"{len(c.quick_wins)} of them quick wins."
        )
    lines.append(
        f"{len(c.recommendations)} recommendations in all, {c.ask.total_days} person-days "
        f"({c.ask.total_cost})."
    )
    return lines


def _needs(c: Context) -> list[str]:
    return list(c.ask.decisions[:3]) or ["Nothing: the target is met."]


def ask(deck: Any, context: Context) -> None:
    a = context.ask
    slide, box = pptx_blocks.add_slide(deck, "Title Only", context.headlines["ask"])
    upper, strip, note = box.rows([3.1, 1.45, 0.3], gap=Inches(0.15))
    left, right = upper.columns([1, 1.1], gap=Inches(0.35))
    inner = left.inset()
    decisions = pptx_fit.fit_all(a.decisions, inner.w, 13, pptx_fit.lines(inner.h, 13) - 2)
    pptx_blocks.card(
        slide,
        left,
        [
            SlideText("Decisions we ask for today", HEAD, bold=True, colour=NAVY),
            *(SlideText("▪ " + d, 13) for d in decisions),
        ],
    )
    rows = [(w.window, w.period, w.days, w.cost) for w in a.windows] + [
        ("Total", "", a.total_days, a.total_cost)
    ]
    height = min(Inches(0.55), int((right.h - Inches(0.45)) / max(1, len(rows))))
    header = ["Window", "Dates", "Person-days", "Cost"]
    grid = pptx_blocks.table(
        slide, right, header, rows, [1.3, 2.7, 1.3, 1.9], 12, height, header_size=12
    )
    for cell in grid.rows[len(rows)].cells:
        for paragraph in cell.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.bold = True
    _milestones(slide, strip, a.milestones[:MILESTONES])
    basis = (
        f"Person-days at a blended {a.day_rate} a day, customer and consultant time alike "
        f"(about {a.staff_years} staff-years in all). " + a.assumption
    )
    pptx_blocks.text(slide, note, [SlideText(pptx_fit.fit(basis, note.w, 11, 2), 11, colour=TEAL)])
    pptx_blocks.notes(
        slide,
        [
            "The ask. Decisions:",
            *(f"- {d}" for d in a.decisions),
            "Investment by window: "
            + "; ".join(
                f"{w.window} ({w.period}): {w.recommendations} recommendations, "
                f"{w.days} person-days, {w.cost}"
                for w in a.windows
            )
            + f". Total {a.total_days} person-days, {a.total_cost}.",
            "Milestones: " + "; ".join(f"{m.date}: {m.milestone}" for m in a.milestones),
            basis,
        ],
    )


def _milestones(slide: Any, strip: Box, milestones: tuple[Milestone, ...]) -> None:
    """Dated milestones left to right, each a date over what is done by then."""
    if not milestones:
        return
    for milestone, column in zip(
        milestones, strip.columns([1] * len(milestones), gap=Inches(0.12)), strict=True
    ):
        pptx_blocks.panel(slide, Box(column.x, column.y, column.w, Inches(0.06)), AMBER)
        body = Box(column.x, column.y + Inches(0.1), column.w, column.h - Inches(0.1))
        date = SlideText(milestone.date, 12, bold=True, colour=NAVY)
        pptx_blocks.text(slide, body, pptx_blocks.titled(date, milestone.milestone, body, 11, 1))


SUMMARY, ASK = [summary], [ask]
