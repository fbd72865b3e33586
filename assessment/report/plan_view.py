"""The plan as the documents show it: roadmap items, wins, alternatives, unaddressed gaps, and
the rules in words. Formatting only: the plan itself is computed once in the analysis."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assessment.analysis.plan import Plan
from assessment.analysis.score_document import fmt
from assessment.analysis.scoring import Assessment
from assessment.report.findings import triggered_by
from assessment.text import clean, fill

Lines = tuple[str, ...]  # texts shown one a line or joined


@dataclass(frozen=True, slots=True)
class RoadmapRow:
    """A plan item as the roadmap shows it."""

    rank: str
    id: str
    title: str
    perspective: str
    phase: str
    window: str
    horizon: str
    effort: str
    days: str
    builds_on: Lines  # titles of what it builds on
    after: Lines  # what it builds on, by rank
    owner: str
    quick_win: bool
    initial_win: bool
    prerequisite: bool
    customer_priority: bool


@dataclass(frozen=True, slots=True)
class InitialWinRow(RoadmapRow):
    """A plan item that starts first, with the pack's initial-win name, benefits, milestones."""

    name: str
    benefits: str
    milestones: Lines


@dataclass(frozen=True, slots=True)
class RecommendationRow:
    """A ranked recommendation with its place in the plan, texts filled for the customer."""

    rank: str
    id: str
    title: str
    perspective: str
    horizon: str
    window: str
    effort: str
    impact: str
    quick_win: bool
    initial_win: bool
    prerequisite: bool
    customer_priority: bool
    priority: str
    rationale: str
    steps: Lines
    questions: str
    owner: str
    success_measure: str
    triggered_by: Lines


@dataclass(frozen=True, slots=True)
class WindowRow:
    """A plan window's totals: texts, and `days_value` for charts."""

    window: str
    horizon: str
    recommendations: str
    days: str
    days_value: float


@dataclass(frozen=True, slots=True)
class AlternativeRow:
    """A path to the desired state compared with the full path."""

    name: str
    description: str
    count: str
    recommendations: Lines
    days: str
    fewer: str
    fewer_days: str
    overall: str
    reaches: tuple[tuple[str, str], ...]  # (perspective, the level it reaches)
    open_gaps: str


@dataclass(frozen=True, slots=True)
class UnaddressedRow:
    """A practice even the full path leaves short of its target, and what to do about it."""

    question: str
    text: str
    perspective: str
    current: str
    target: str
    reaches: str
    action: str


def roadmap(assessment: Assessment) -> list[RoadmapRow]:
    """The plan's items in start order, titles filled, what they build on by title."""
    plan, text = assessment.plan, texts(assessment)
    titles = {i.id: text(i.title) for i in plan.items}
    ranks = {i.id: str(i.rank) for i in plan.items}
    roles = {r.id: clean(r.name) for r in assessment.pack.info.interviewees}
    owners = {r.id: roles.get(r.owner or "", "") for r in assessment.pack.recommendations}
    return [
        RoadmapRow(
            rank=str(i.rank),
            id=i.id,
            title=titles[i.id],
            perspective=clean(i.perspective),
            phase=clean(i.phase),
            window=clean(plan.windows[i.window].name),
            horizon=i.horizon,
            effort=i.effort,
            days=f"{i.days:.0f}",
            builds_on=tuple(titles[d] for d in i.depends_on),
            after=tuple(ranks[d] for d in i.depends_on),
            owner=owners.get(i.id, ""),
            quick_win=i.quick_win,
            initial_win=i.initial_win,
            prerequisite=i.prerequisite,
            customer_priority=i.customer_priority,
        )
        for i in plan.items
    ]


def recommendations(assessment: Assessment) -> list[RecommendationRow]:
    """The ranked recommendations with their place in the plan."""
    names = {p.id: p.name for p in assessment.pack.info.perspectives}
    roles = {r.id: r.name for r in assessment.pack.info.interviewees}
    plan, text = assessment.plan, texts(assessment)
    return [
        RecommendationRow(
            rank=str(r.rank),
            id=r.id,
            title=text(r.recommendation.title),
            perspective=clean(names[r.recommendation.perspective]),
            horizon=plan.item(r.id).horizon,
            window=clean(plan.windows[plan.item(r.id).window].name),
            effort=r.recommendation.effort,
            impact=r.recommendation.impact,
            quick_win=plan.item(r.id).quick_win,
            initial_win=plan.item(r.id).initial_win,
            prerequisite=r.prerequisite,
            customer_priority=r.customer_priority,
            priority=fmt(r.priority),
            rationale=text(r.recommendation.rationale),
            steps=tuple(text(step) for step in r.recommendation.steps),
            questions=", ".join(r.questions),
            owner=clean(roles.get(r.recommendation.owner or "", "")),
            success_measure=text(r.recommendation.success_measure),
            triggered_by=tuple(triggered_by(assessment, r.questions, text)),
        )
        for r in assessment.recommendations
    ]


def windows(plan: Plan) -> list[WindowRow]:
    """Each plan window's recommendations and person-days."""
    return [
        WindowRow(
            window=clean(t.window.name),
            horizon=t.window.horizon,
            recommendations=str(t.recommendations),
            days=f"{t.days:,.0f}",
            days_value=t.days,
        )
        for t in plan.totals
    ]


def texts(assessment: Assessment) -> Callable[[str], str]:
    customer, organisation = clean(assessment.customer), clean(assessment.engagement.organisation)
    return lambda value: fill(clean(value), customer, organisation)


def not_offered(plan: Plan) -> list[str]:
    return [
        f"The {n.name.lower()} is not offered: it is the same as the {n.like.lower()}"
        + ("." if not n.differs_by else f" but for {n.differs_by} recommendation(s).")
        for n in plan.not_offered
    ]


def initial_wins(assessment: Assessment) -> list[InitialWinRow]:
    """The plan's initial wins, with the pack's initial-win name and benefits where it has one."""
    text = texts(assessment)
    wins = {w.recommendation: w for w in assessment.pack.knowledge.initial_wins}
    recs = {r.id: r for r in assessment.pack.recommendations}
    by_id = {item.id: item for item in roadmap(assessment)}
    rows = []
    for rid in assessment.plan.initial_wins:
        win, item = wins.get(rid), by_id[rid]
        rows.append(
            InitialWinRow(
                **{f: getattr(item, f) for f in RoadmapRow.__dataclass_fields__},
                name=text(win.name) if win else item.title,
                benefits=text(win.benefits) if win else text(recs[rid].benefits),
                milestones=tuple(text(m) for m in win.milestones) if win else (),
            )
        )
    return rows


def unaddressed(assessment: Assessment) -> list[UnaddressedRow]:
    text = texts(assessment)
    q = assessment.questions
    return [
        UnaddressedRow(
            question=u.question,
            text=text(str(q.at[u.question, "text"])),
            perspective=clean(assessment.pack.perspective_name(u.perspective)),
            current=fmt(u.current),
            target=fmt(u.target),
            reaches=fmt(u.reaches),
            action=u.action,
        )
        for u in assessment.plan.unaddressed
    ]


def alternatives(assessment: Assessment) -> list[AlternativeRow]:
    names = {p.id: clean(p.name) for p in assessment.pack.info.perspectives}
    return [
        AlternativeRow(
            name=a.name,
            description=a.description,
            count=str(len(a.recommendations)),
            recommendations=tuple(a.recommendations),
            days=f"{a.days:.0f}",
            fewer=str(a.fewer),
            fewer_days=f"{a.fewer_days:.0f}",
            overall=fmt(a.overall),
            reaches=tuple((names[pid], fmt(value)) for pid, value in a.reaches.items()),
            open_gaps=str(len(a.open_gaps)),
        )
        for a in assessment.plan.alternatives
    ]
