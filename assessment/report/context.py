"""Build the report context once: every number formatted, every list sorted, all text cleaned.

Renderers only place what is here; they never compute, so no two deliverables can disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from assessment.analysis.investment import investment
from assessment.analysis.score_document import DASH, TARGET_MET, fmt, fmt_gap, score_document
from assessment.analysis.scoring import Assessment
from assessment.analysis.views import still_open
from assessment.pack.knowledge import Knowledge
from assessment.pack.questions import LEVEL_LABELS
from assessment.report import measures, narrative, plan_view, training_view
from assessment.report.anonymise import anonymise, by_role
from assessment.report.ask import Ask, ask
from assessment.report.figures import Chart, figures
from assessment.report.findings import Finding, findings, informed_evidence
from assessment.report.headlines import headlines
from assessment.report.measures import Baseline, DesiredStateRow, StandardRow, TextAnswer
from assessment.report.method import horizon_rule, method_appendix
from assessment.report.narrative import EvidenceNote, NextStep
from assessment.report.plan_view import (
    AlternativeRow,
    InitialWinRow,
    RecommendationRow,
    RoadmapRow,
    UnaddressedRow,
    WindowRow,
)
from assessment.report.score_sheets import ScoreSheet, score_sheets
from assessment.report.score_view import (
    ActivityGrid,
    ChartSeries,
    ConsensusRow,
    PerspectiveRow,
    QuestionRow,
    TargetRow,
    activity_grid,
    chart_series,
    consensus_items,
    perspective_row,
    question_rows,
    target_rows,
    widest_gaps,
)
from assessment.report.training_view import CourseSchedule, TrainingNeedRow
from assessment.text import Shown, clean, count_word, fill


@dataclass(frozen=True, slots=True)
class Described:
    """A phase or a perspective of the method: its name and what it is for."""

    name: str
    description: str


@dataclass(frozen=True)
class Context:
    """Everything a deliverable shows."""

    customer: str
    organisation: str
    consultant: str
    process: str
    pack_name: str
    pack_version: str
    date: dt.date
    generated: dt.datetime
    overall: Overall
    overall_values: OverallValues  # the same numbers, for placing marks on a scale
    overall_sentence: str
    perspectives: list[PerspectiveRow]
    questions: list[QuestionRow]
    recommendations: list[RecommendationRow]
    respondents_by_role: list[tuple[str, int]]
    interviewed_count: int  # people interviewed, all roles
    role_count: int  # roles they were interviewed in
    method: list[str]
    method_name: str  # the assessment method the pack names
    phase_count: str  # counts as words: "five"
    perspective_count: str
    alternative_count: str
    top_recommendations: list[RecommendationRow]  # the first few, for the summary
    top_count: str
    levels: list[tuple[str, str]]
    phases: list[Described]
    perspective_info: list[Described]
    findings: list[str]
    evidence: dict[str, list[EvidenceNote]]
    consensus: list[ConsensusRow]
    consensus_open: int  # items no rating has settled yet
    consensus_settled: int  # items a rating has settled
    ratings: list[RatingRow]
    targets: list[TargetRow]
    activities: ActivityGrid
    roadmap: list[RoadmapRow]
    windows: list[WindowRow]
    total_days: str
    widest_gaps: dict[str, list[QuestionRow]]  # perspective id → its widest gaps, widest first
    horizon_rule: str
    alternatives: list[AlternativeRow]
    not_offered: list[str]
    initial_wins: list[InitialWinRow]
    unaddressed: list[UnaddressedRow]
    training: list[TrainingNeedRow]
    next_steps: list[NextStep]
    series: ChartSeries
    charts: Mapping[str, Chart] = field(repr=False, default_factory=dict)
    knowledge: Knowledge = field(repr=False, default_factory=Knowledge)  # for the guide views
    kpi_goals: dict[str, str] = field(default_factory=dict)
    text_answers: dict[str, list[TextAnswer]] = field(repr=False, default_factory=dict)
    scores: dict[str, Any] = field(repr=False, default_factory=dict)
    score_sheets: tuple[ScoreSheet, ...] = field(repr=False, default=())  # scores.xlsx
    baselines: list[Baseline] = field(default_factory=list)  # measured KPI baselines
    desired_state: list[DesiredStateRow] = field(default_factory=list)  # the customer's words
    standards: list[StandardRow] = field(default_factory=list)  # question → ITIL/ISO/COBIT
    ask: Ask = field(default_factory=Ask)  # cost, milestones, decisions
    courses: CourseSchedule = field(
        default_factory=CourseSchedule
    )  # the training schedule and its cost
    practice_findings: list[Finding] = field(default_factory=list)  # statements + evidence
    facts: list[str] = field(default_factory=list)  # the engagement's facts, as written
    interviewed: str = ""  # when the interviews took place, in words
    headlines: dict[str, str] = field(default_factory=dict)  # slide key → message title
    principle_evidence: dict[str, str] = field(default_factory=dict)  # principle id → evidence
    skill_levels: list[tuple[str, str, str]] = field(default_factory=list)  # level, name, text
    training_audiences: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def quick_wins(self) -> list[RoadmapRow]:
        """The plan's quick wins, in start order."""
        return [r for r in self.roadmap if r.quick_win]

    @property
    def first_window(self) -> str:
        return self.windows[0].window if self.windows else ""

    def text(self, value: str) -> str:
        """Pack text with placeholders filled for this customer."""
        return fill(value, self.customer, self.organisation)


TOP = 5  # recommendations in the executive summary
PRACTICE_FINDINGS = 8  # findings stated with their evidence


@dataclass(frozen=True, slots=True)
class Overall:
    """The overall scores as printed: current, target, the gap, the level and its label."""

    current: str
    target: str
    gap: str  # or `target met`
    label: str
    level: str


@dataclass(frozen=True, slots=True)
class OverallValues:
    """The overall scores as numbers, None where nothing is scored yet."""

    current: float | None
    target: float | None
    gap: float | None


def tailor(context: Context) -> Shown:
    """Pack text as this customer's documents show it."""
    return Shown(context.customer, context.organisation)


def build_context(assessment: Assessment, generated: dt.datetime) -> Context:
    """Build the context from the Assessment and the one clock."""
    engagement = assessment.engagement
    customer = clean(assessment.customer)
    organisation = clean(engagement.organisation) or f"{customer} IT"
    info = assessment.pack.info
    doc = score_document(assessment)
    series, activities = chart_series(doc), activity_grid(assessment)
    recommendations = plan_view.recommendations(assessment)
    scored = doc["overall"]
    overall = Overall(
        current=fmt(scored["current"]),
        target=fmt(scored["target"]),
        gap=fmt_gap(scored["gap"], scored["current"], scored["target"]),
        label=scored["label"] or "not yet scored",
        level=DASH if scored["level"] is None else str(scored["level"]),
    )
    text_answers = _text_answers(assessment)
    dated = investment(assessment.plan, engagement, engagement.date or generated.date())
    baselines = measures.baselines(assessment, doc)
    roles = _roles(assessment)
    questions = question_rows(assessment, doc)
    sheet_title = f"{customer} · {clean(info.process)} · maturity by perspective"

    def shown(value: str) -> str:
        return fill(clean(value), customer, clean(engagement.organisation))

    context = Context(
        customer=customer,
        organisation=organisation,
        consultant=clean(engagement.consultant),
        process=clean(info.process),
        pack_name=clean(info.name),
        pack_version=info.version,
        date=engagement.date or generated.date(),
        generated=generated,
        overall=overall,
        overall_values=OverallValues(scored["current"], scored["target"], scored["gap"]),
        overall_sentence=_overall_sentence(customer, clean(info.process), doc["overall"]),
        perspectives=[perspective_row(p) for p in doc["perspectives"]],
        questions=questions,
        recommendations=recommendations,
        respondents_by_role=roles,
        interviewed_count=sum(n for _, n in roles),
        role_count=len(roles),
        method=method_appendix(assessment.pack, assessment.plan),
        method_name=clean(info.method) or "assessment",
        phase_count=count_word(len(info.phases)),
        perspective_count=count_word(len(info.perspectives)),
        alternative_count=count_word(len(assessment.plan.alternatives)),
        top_recommendations=recommendations[:TOP],
        top_count=count_word(len(recommendations[:TOP])),
        levels=[(str(level), label) for level, label in LEVEL_LABELS.items()],
        phases=[Described(clean(p.name), clean(p.description)) for p in info.phases],
        perspective_info=[
            Described(clean(p.name), clean(p.description)) for p in info.perspectives
        ],
        findings=narrative.key_findings(assessment),
        evidence=narrative.evidence(assessment),
        consensus=consensus_items(assessment),
        consensus_open=len(still_open(assessment.consensus)),
        consensus_settled=len(assessment.consensus) - len(still_open(assessment.consensus)),
        ratings=[
            RatingRow(qid, str(r.level), clean(r.rationale))
            for qid, r in sorted(engagement.ratings.items())
        ],
        targets=target_rows(assessment),
        activities=activities,
        roadmap=plan_view.roadmap(assessment),
        windows=plan_view.windows(assessment.plan),
        total_days=f"{assessment.plan.days:,.0f}",
        widest_gaps=widest_gaps(assessment, doc),
        horizon_rule=horizon_rule(assessment.plan),
        alternatives=plan_view.alternatives(assessment),
        not_offered=plan_view.not_offered(assessment.plan),
        initial_wins=plan_view.initial_wins(assessment),
        unaddressed=plan_view.unaddressed(assessment),
        training=training_view.needs(assessment),
        next_steps=narrative.next_steps(assessment),
        series=series,
        charts=figures(assessment, series, activities, dated.start),
        knowledge=assessment.pack.knowledge,
        kpi_goals={k: clean(v) for k, v in engagement.kpi_goals.items()},
        text_answers=text_answers,
        scores=doc,
        score_sheets=score_sheets(doc, {q.id: q.text for q in questions}, sheet_title),
        baselines=baselines,
        desired_state=measures.desired_state(assessment.pack, text_answers, shown),
        standards=measures.standards(assessment.pack, shown),
        ask=ask(assessment, dated),
        courses=training_view.schedule(assessment, dated),
        practice_findings=findings(assessment, baselines, PRACTICE_FINDINGS),
        facts=[anonymise(clean(f.text), by_role(assessment.respondents)) for f in engagement.facts],
        interviewed=_interviewed(assessment),
        principle_evidence=informed_evidence(assessment, "principle"),
        skill_levels=training_view.skill_levels(assessment),
        training_audiences=training_view.audiences(assessment, shown),
    )
    return replace(context, headlines=headlines(context))


def _overall_sentence(customer: str, process: str, overall: dict[str, Any]) -> str:
    if overall["current"] is None:
        return f"No answers have been scored yet for {customer}'s {process} process."
    gap = fmt_gap(overall["gap"], overall["current"], overall["target"])
    return (
        f"{customer}'s {process} process scores {fmt(overall['current'])} out of 5 "
        f"(level {overall['level']}, {overall['label']}) against a target of "
        f"{fmt(overall['target'])}: "
        + ("the target is met." if gap == TARGET_MET else f"a gap of {gap}.")
    )


def _interviewed(assessment: Assessment) -> str:
    """`between 10 and 13 November 2026`, or `on 12 November 2026`; empty without dates."""
    dates = sorted(d for d in assessment.respondents["date"] if isinstance(d, dt.date))
    if not dates:
        return ""
    first, last = dates[0], dates[-1]
    if first == last:
        return f"on {first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"between {first.day} and {last.day} {last:%B %Y}"
    return f"between {first.day} {first:%B %Y} and {last.day} {last:%B %Y}"


def _roles(assessment: Assessment) -> list[tuple[str, int]]:
    roles = assessment.respondents["role"].map(lambda r: clean(r) or "unspecified")
    counts = roles.value_counts()
    return sorted(((str(role), int(n)) for role, n in counts.items()), key=lambda x: x[0])


@dataclass(frozen=True, slots=True)
class RatingRow:
    """The consultant's rating of a question, replacing the interview mean."""

    question: str
    level: str
    rationale: str


def _text_answers(assessment: Assessment) -> dict[str, list[TextAnswer]]:
    """Facts respondents gave to text questions, per question, attributed by role."""
    answers = assessment.answers[assessment.answers["status"] == "text"]
    people = by_role(assessment.respondents)
    result: dict[str, list[TextAnswer]] = {}
    for answer in answers.itertuples():
        result.setdefault(str(answer.question), []).append(
            TextAnswer(
                role=clean(str(answer.role)) or "respondent",
                text=anonymise(clean(str(answer.text)), people),
            )
        )
    return result
