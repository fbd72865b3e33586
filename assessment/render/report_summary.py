"""The analysis report's executive summary: when and whom, the scores, what matters most with
its evidence, what happened, the key findings, the top recommendations and what it takes."""

from __future__ import annotations

from assessment.render.outline import Block, Bullets, Heading, Para, Quote, Table
from assessment.report.context import Context
from assessment.report.findings import Finding


def summary(c: Context) -> list[Block]:
    people, roles = c.interviewed_count, c.role_count
    who = f"{c.consultant} assessed" if c.consultant else "We assessed"
    when = f" {c.interviewed}" if c.interviewed else ""
    blocks: list[Block] = [
        Heading("Executive summary", 1),
        Para(
            f"{who} how {c.organisation} runs {c.process} for {c.customer}, in interviews with "
            f"{people} people in {roles} role{'s' if roles != 1 else ''}{when}. "
            + c.overall_sentence,
            "lead",
        ),
        perspective_table(c, "Table 1: Maturity by perspective"),
    ]
    if c.practice_findings:
        blocks.append(Heading("What matters most", 2))
        for f in c.practice_findings[:3]:
            blocks += [Para(f"{f.statement} {f.evidence}"), *_finding_evidence(f)]
    if c.facts:
        blocks += [Heading("What happened", 2), Bullets(tuple(c.facts))]
    blocks += [Heading("Key findings", 2), Bullets(tuple(c.findings))]
    if c.recommendations:
        blocks += [
            Heading(f"Top {c.top_count} recommendations", 2),
            Bullets(
                tuple(f"{r.title} ({r.window}, effort {r.effort})" for r in c.top_recommendations),
                numbered=True,
            ),
        ]
    return blocks + _investment(c)


def _finding_evidence(f: Finding) -> list[Block]:
    """A finding's quote, facts and measures, attributed by role."""
    blocks: list[Block] = []
    if f.quote:
        blocks.append(Quote(f.quote[0], f"{f.quote[1]}, on {f.question}"))
    more = [*f.facts, *f.measured]
    if more:
        blocks.append(Bullets(tuple(more)))
    return blocks


def _investment(c: Context) -> list[Block]:
    a = c.ask
    if not a.windows:
        return []
    first = a.windows[0]
    return [
        Heading("What it takes", 2),
        Para(
            f"The plan needs {a.total_days} person-days ({a.total_cost}, about "
            f"{a.staff_years} staff-years) at a blended {a.day_rate} a day. The first "
            f"window ({first.window}, {first.period}) needs {first.days} person-days "
            f"({first.cost}). " + a.assumption
        ),
        Bullets(tuple(a.decisions)),
    ]


def perspective_table(c: Context, caption: str) -> Table:
    rows = [(p.name, p.current, p.target, p.gap, p.label, p.coverage) for p in c.perspectives]
    rows.append(
        (
            "Overall",
            c.overall.current,
            c.overall.target,
            c.overall.gap,
            c.overall.label,
            "",
        )
    )
    return Table(
        ("Perspective", "Current", "Target", "Gap", "Level", "Scored"),
        tuple(rows),
        (4.2, 2, 2, 2, 3.4, 2.4),
        caption,
        numeric=(1, 2, 3),
        emphasis=(len(rows) - 1,),
    )
