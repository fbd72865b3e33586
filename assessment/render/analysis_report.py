"""The analysis report (deliverable 1), in Word and PDF from one outline.

Current state by perspective with interview evidence, desired future state, gap analysis with
charts, consensus items, alternatives, prioritised tactical recommendations, method appendix.
"""

from __future__ import annotations

from assessment.render.outline import (
    Block,
    Bullets,
    Figure,
    Heading,
    Outline,
    Para,
    Quote,
    Table,
)
from assessment.render.outline_parts import (
    Column,
    chapter,
    document,
    phases_table,
    records_table,
    yes,
)
from assessment.render.report_summary import perspective_table, summary
from assessment.report.context import Context
from assessment.report.plan_view import InitialWinRow, RecommendationRow, UnaddressedRow

NAME = "analysis-report"


def outline(c: Context) -> Outline:
    sections = (
        summary,
        _approach,
        _current_state,
        _desired_state,
        _gaps,
        _consensus,
        _alternatives,
        _unaddressed,
        _initial_wins,
        _recommendations,
        _appendices,
    )
    title = f"{c.process} Maturity Assessment"
    return document(c, "Analysis report", title, sections, header_note="Analysis report")


def _approach(c: Context) -> list[Block]:
    return [
        *chapter(
            "Scope and approach",
            f"This assessment examined how {c.organisation} runs {c.process}: the procedures, "
            "who does the work, the tools that support it, how it is organised and how it "
            "connects with the other service management processes. It follows the "
            f"{c.phase_count}-phase {c.method_name} approach; this report completes the first "
            "phase.",
        ),
        phases_table(c, "Table 2: Phases of the approach"),
        Para(f"Every finding is scored across {c.perspective_count} perspectives:"),
        Table(
            ("Perspective", "What it covers"),
            tuple((p.name, p.description) for p in c.perspective_info),
            (4, 12),
            f"Table 3: The {c.perspective_count} perspectives",
        ),
        Para(
            f"{c.interviewed_count} people were interviewed. Findings are "
            "attributed by role, never by name."
        ),
        records_table(
            [("Role", 12, lambda rn: rn[0]), ("Interviews", 4, lambda rn: str(rn[1]))],
            c.respondents_by_role,
            "Table 4: Interviews by role",
            numeric=(1,),
        ),
    ]


def _current_state(c: Context) -> list[Block]:
    blocks = chapter(
        "Current state",
        "For each perspective: its score, the practices with the widest gaps and what the "
        "interviewees said about them.",
    )
    by_id = {p.id: p for p in c.perspectives}
    for pid, perspective in by_id.items():
        blocks.append(Heading(perspective.name, 2))
        blocks.append(
            Para(
                f"Current maturity {perspective.current} ({perspective.label}) "
                f"against a target of {perspective.target}; "
                f"{perspective.coverage} questions scored."
            )
        )
        widest = c.widest_gaps.get(pid, [])
        if widest:
            blocks.append(
                Bullets(
                    tuple(
                        f"{q.statement} ({q.id}: current {q.current}, target {q.target})"
                        for q in widest
                    )
                )
            )
        measured = [b.line for b in c.baselines if b.perspective == pid]
        if measured:
            blocks += [Para("Measured baselines:"), Bullets(tuple(measured))]
        for item in c.evidence.get(pid, []):
            blocks.append(Quote(item.note, f"{item.role}, on {item.question}"))
    return blocks


def _desired_state(c: Context) -> list[Block]:
    blocks: list[Block] = [
        *chapter(
            "Desired future state",
            f"{c.customer} set the following target maturity levels. A question's target comes "
            "from the most specific line that applies.",
        ),
        Table(
            ("Applies to", "Target level"),
            tuple((t.scope, t.target) for t in c.targets),
            (12, 4),
            "Table 5: Agreed targets",
            numeric=(1,),
        ),
    ]
    if c.ratings:
        blocks += [
            Para(
                "The consultant rated these questions after review; the rating "
                "replaces the interview mean and is marked (rated) in every table."
            ),
            Table(
                ("Question", "Rating", "Rationale"),
                tuple((r.question, r.level, r.rationale) for r in c.ratings),
                (3, 2, 11),
                "Table 6: Consultant ratings",
            ),
        ]
    if c.desired_state:
        blocks.append(Heading("Expectations in the customer's own words", 2))
        blocks += [Quote(d.text, f"{d.role}, on {d.question}") for d in c.desired_state]
    return blocks


def _gaps(c: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading("Gap analysis", 1),
        perspective_table(c, "Table 7: Gap by perspective"),
    ]
    if "radar" in c.charts:
        blocks.append(Figure(c.charts["radar"], "Figure 1: " + c.charts["radar"].caption, 12))
    if "heatmap" in c.charts:
        blocks.append(Figure(c.charts["heatmap"], "Figure 2: " + c.charts["heatmap"].caption, 16))
    return blocks


def _consensus(c: Context) -> list[Block]:
    if not c.consensus:
        return []
    rows = tuple(
        (
            item.question,
            item.text,
            item.spread,
            "; ".join(f"{v.role}: {v.said}" for v in item.voices)
            + (f". Settled: rated {item.current}" if item.rated else ""),
        )
        for item in c.consensus
    )
    return [
        *chapter(
            "Consensus items",
            "Respondents placed these practices two levels or more apart. Settled by a rating: "
            f"{c.consensus_settled} of {len(c.consensus)}; a consensus workshop "
            f"should agree a rating for the other {c.consensus_open} before the plan is fixed.",
        ),
        Table(
            ("Question", "Practice", "Spread", "What each role said"),
            rows,
            (2.2, 7.3, 1.5, 5),
            "Table 8: Consensus workshop agenda",
            numeric=(2,),
        ),
    ]


def _alternatives(c: Context) -> list[Block]:
    if not c.alternatives:
        return []
    names = [name for name, _ in c.alternatives[0].reaches]
    rows = tuple(
        (a.name, a.count, a.days, a.overall, *(value for _, value in a.reaches))
        for a in c.alternatives
    )
    width = 8.2 / max(len(names), 1)
    return [
        *chapter(
            "Alternatives",
            "Ways to reach the desired state, assuming each recommendation brings the practices "
            "it addresses to the level it serves or to their target, whichever is lower. Every "
            "path keeps the customer's priorities.",
        ),
        Bullets(
            tuple(
                f"{a.name}: {a.description}"
                + (
                    f" {a.fewer} recommendations and {a.fewer_days} person-days fewer "
                    "than the full path."
                    if a.fewer != "0"
                    else ""
                )
                for a in c.alternatives
            )
        ),
        *(Para(text) for text in c.not_offered),
        Table(
            ("Path", "Recs", "Days", "Overall", *names),
            rows,
            (3, 1.4, 1.6, 1.8, *(width,) * len(names)),
            "Table 9: Alternatives compared",
            numeric=tuple(range(1, 4 + len(names))),
        ),
    ]


def _unaddressed(c: Context) -> list[Block]:
    if not c.unaddressed:
        return []
    opening = (
        f"Even the full path leaves {len(c.unaddressed)} practices short of their target: "
        "the pack has no advice that takes them all the way. For each, what the consultant "
        "should do:"
    )
    caption = "Table 10: Gaps no recommendation addresses"
    return [
        *chapter("Gaps no recommendation addresses", opening),
        records_table(UNADDRESSED_COLUMNS, c.unaddressed, caption, numeric=(1, 2, 3)),
    ]


def _initial_wins(c: Context) -> list[Block]:
    if not c.initial_wins:
        return []
    return [
        *chapter(
            "Initial wins",
            f"What starts first: {len(c.initial_wins)} initial wins, {len(c.quick_wins)} of them "
            f"quick wins that can start in the first window ({c.first_window}).",
        ),
        records_table(INITIAL_WIN_COLUMNS, c.initial_wins, "Table 11: Initial wins", numeric=(0,)),
    ]


UNADDRESSED_COLUMNS: list[Column[UnaddressedRow]] = [
    ("Practice", 5.5, lambda u: f"{u.question} {u.text}"),
    ("Current", 1.5, lambda u: u.current),
    ("Target", 1.5, lambda u: u.target),
    ("Plan reaches", 1.7, lambda u: u.reaches),
    ("What to do", 5.8, lambda u: u.action),
]
INITIAL_WIN_COLUMNS: list[Column[InitialWinRow]] = [
    ("#", 1, lambda w: w.rank),
    ("Initial win", 9.5, lambda w: w.name),
    ("Starts", 3, lambda w: w.window),
    ("Quick win", 2.5, lambda w: yes(w.quick_win)),
]
RECOMMENDATION_COLUMNS: list[Column[RecommendationRow]] = [
    ("#", 1, lambda r: r.rank),
    ("Recommendation", 7.4, lambda r: r.title),
    ("Perspective", 2.6, lambda r: r.perspective),
    ("Starts", 2, lambda r: r.window),
    ("Effort", 1.5, lambda r: r.effort),
    ("Quick win", 1.5, lambda r: yes(r.quick_win)),
]


def _recommendations(c: Context) -> list[Block]:
    blocks = chapter(
        "Recommendations",
        "Tactical and strategic recommendations in the customer's priority order, then by "
        "priority score (gap × weight × impact ÷ effort), never before one they depend on.",
    )
    blocks.append(
        records_table(
            RECOMMENDATION_COLUMNS, c.recommendations, "Table 12: Recommendations", numeric=(0,)
        )
    )
    for r in c.recommendations:
        tags = [r.perspective, f"{r.window} ({r.horizon})", f"effort {r.effort}"]
        tags += [f"impact {r.impact}"] + ["quick win"] * r.quick_win
        tags += ["prerequisite"] * r.prerequisite
        tags += ["customer priority"] * r.customer_priority
        blocks += [
            Heading(f"{r.rank}. {r.title}", 3),
            Para(" · ".join(tags), "note"),
            Para(r.rationale),
            Bullets(tuple(r.steps), numbered=True),
        ]
        if r.triggered_by:
            blocks.append(Para("Triggered by " + "; ".join(r.triggered_by), "note"))
        accountable = [
            f"{label}: {value}"
            for label, value in (("Owner", r.owner), ("Success measure", r.success_measure))
            if value
        ]
        if accountable:
            blocks.append(Para(". ".join(accountable), "note"))
    return blocks


def _appendices(c: Context) -> list[Block]:
    return [
        Heading("Appendix A: Method", 1),
        Table(("Level", "Label"), tuple(c.levels), (3, 13), "Table 13: The maturity scale"),
        *(Para(text) for text in c.method),
        Heading("Appendix B: Question-level scores", 1),
        Table(
            ("Question", "Perspective", "Current", "Target", "Gap", "n", "Spread"),
            tuple(
                (
                    f"{q.id} {q.text}",
                    q.perspective,
                    q.current,
                    q.target,
                    q.gap,
                    q.responses,
                    q.spread,
                )
                for q in c.questions
            ),
            (7, 2.3, 1.7, 1.4, 1.2, 0.9, 1.5),
            "Table 14: Every scored question",
            numeric=(2, 3, 4, 5, 6),
        ),
        *_standards(c),
    ]


def _standards(c: Context) -> list[Block]:
    if not c.standards:
        return []
    return [
        Heading("Appendix C: Standards mapping", 1),
        Para("What each question evidences for an auditor, where the pack maps it."),
        Table(
            ("Question", "ITIL 4", "ISO/IEC 20000-1:2018", "COBIT 2019"),
            tuple((f"{s.id} {s.text}", s.itil4, s.iso20000, s.cobit) for s in c.standards),
            (6.4, 4, 2.8, 2.8),
            "Table 13: Standards mapping",
        ),
    ]
