"""Write the senior-management deck (PowerPoint): findings, targets, recommendations, direction.

Native, editable charts (radar, bars) and tables, speaker notes on every slide, a footer with
page numbers. Slides only place the report context; long text is shortened on the slide and
given in full in the notes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assessment.files.atomic import replacing
from assessment.render import deck_current_state as deck_state
from assessment.render import deck_decision as deck_decision
from assessment.render import deck_way_forward as deck_plan
from assessment.render import pptx_blocks, pptx_fit
from assessment.render.pptx_blocks import SlideText
from assessment.report.context import Context

FILE_NAME = "executive-deck.pptx"
AGENDA = [
    "How we assessed: the method, the perspectives, who we interviewed",
    "Where {customer} stands today: overall, by perspective and by key activity",
    "What holds it back: the findings and their evidence",
    "What we recommend, and when",
    "What it costs, and the alternatives",
    "What we ask you to decide today",
]


def render(context: Context, out: Path) -> list[Path]:
    title = f"{context.process} Maturity Assessment"
    deck = pptx_blocks.new_deck(
        title, f"Senior-management presentation for {context.customer}", context.generated
    )
    for slide in slides():
        slide(deck, context)
    pptx_blocks.footers(deck, f"{context.customer} · {title} · {context.date:%d %B %Y}")
    pptx_fit.complete_notes(deck)
    target = out / FILE_NAME
    with replacing(target) as temp:
        deck.save(str(temp))
    return [target]


def _title(deck: Any, context: Context) -> None:
    slide, _ = pptx_blocks.add_slide(deck, "Title Slide", context.headlines["title"], 34)
    subtitle = pptx_blocks.placeholder(
        slide, pptx_blocks.PP_PLACEHOLDER.SUBTITLE, pptx_blocks.PP_PLACEHOLDER.BODY
    )
    lines = [
        SlideText(
            pptx_fit.abridge(f"{context.process} maturity assessment: findings and plan", 70), 22
        ),
        SlideText(f"{pptx_fit.abridge(context.organisation, 60)} · {context.date:%d %B %Y}", 16),
    ]
    if subtitle is not None:
        pptx_blocks.write(subtitle.text_frame, lines)
    pptx_blocks.drop_empty_placeholders(slide)
    pptx_blocks.notes(
        slide,
        [
            f"Purpose: present the results of the {context.process} maturity assessment for "
            f"{context.customer} to senior management, and agree the direction and next steps.",
            context.overall_sentence,
            "Flow: what we did, where you stand, what we found, what we recommend and when, what "
            "it costs, and the decisions we ask for today.",
        ],
    )


def _agenda(deck: Any, context: Context) -> None:
    slide, box = pptx_blocks.add_slide(deck, "Title and Content", context.headlines["agenda"])
    items = [item.format(customer=pptx_fit.abridge(context.customer, 40)) for item in AGENDA]
    pptx_blocks.bullets(slide, box, items, 22)
    pptx_blocks.drop_empty_placeholders(slide)
    pptx_blocks.notes(
        slide,
        [
            "About 30 minutes of presentation, then discussion.",
            "Every number in this deck comes from the same scoring as the analysis report, so the "
            "report, the plan and this presentation agree.",
        ],
    )


def _closing(deck: Any, context: Context) -> None:
    slide, _ = pptx_blocks.add_slide(deck, "Section Header", context.headlines["closing"], 34)
    body = pptx_blocks.placeholder(
        slide, pptx_blocks.PP_PLACEHOLDER.BODY, pptx_blocks.PP_PLACEHOLDER.SUBTITLE
    )
    a = context.ask
    if body is not None and a.decision_topics:
        pptx_blocks.write(
            body.text_frame,
            [
                SlideText(
                    f"Then {a.decision_count} decisions: "
                    + ", ".join(a.decision_topics).lower()
                    + ".",
                    18,
                )
            ],
        )
    pptx_blocks.drop_empty_placeholders(slide)
    pptx_blocks.notes(
        slide,
        [
            "Invite questions. Then go back to the ask and take each decision in turn:",
            *(f"- {d}" for d in context.ask.decisions),
            "The analysis report, the strategic plan and the training plan carry the detail behind "
            "every slide.",
        ],
    )


def slides() -> list[Callable[[Any, Context], None]]:
    """The slides in order: why and how, where we stand, what to do, what next."""
    return [
        _title,
        *deck_decision.SUMMARY,
        _agenda,
        *deck_state.SLIDES,
        *deck_plan.SLIDES,
        *deck_decision.ASK,
        _closing,
    ]
