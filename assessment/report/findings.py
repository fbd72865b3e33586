"""Findings as statements, each tied to its evidence: the scores, the roles that said it, a quote,
the engagement's facts, the measured KPIs and the recommendations it triggered.

A finding is a practice with a gap. Its statement is the pack's description of the level the
practice is at today (the question's `levels`), so it reads as what is true, not as a question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from assessment.analysis.score_document import fmt
from assessment.analysis.scoring import Assessment, level_of
from assessment.pack.questions import LEVEL_LABELS
from assessment.report.anonymise import anonymise, by_role
from assessment.report.measures import Baseline
from assessment.text import clean, fill

PER_PERSPECTIVE = 2  # findings taken from one perspective before the next is considered
QUOTE_LENGTH = 260  # longest note quoted on its own
MEASURED = 2  # KPI lines cited per finding


@dataclass(frozen=True)
class Finding:
    question: str
    perspective: str
    statement: str  # what is true today, in the pack's words for the current level
    practice: str  # the question as asked
    current: str
    target: str
    gap: str
    rated: bool
    said: tuple[tuple[str, str], ...]  # (role, value) of each respondent who scored it
    quote: tuple[str, str] | None  # (note, role)
    facts: tuple[str, ...]
    measured: tuple[str, ...]  # KPI lines the practice informs
    rating: str  # the consultant's rationale where a rating replaced the mean
    triggers: tuple[str, ...]  # titles of the recommendations it made fire
    evidence: str  # the evidence in one sentence, for a table cell or a speaker note


def _evidence(rated: bool, current: str, target: str, said: tuple[tuple[str, str], ...]) -> str:
    """`Scored 1.50 against a target of 4.00; 2 interviewees: Engineer, Process lead.`"""
    parts = [f"{'Rated' if rated else 'Scored'} {current} against a target of {target}"]
    if said:
        roles = sorted({role for role, _ in said})
        people = f"{len(said)} interviewee{'s' if len(said) != 1 else ''}"
        parts.append(f"{people}: " + ", ".join(roles))
    return "; ".join(parts) + "."


def findings(assessment: Assessment, baselines: list[Baseline], limit: int) -> list[Finding]:
    """The practices with the widest weighted gaps, at most two per perspective in a first
    pass, as statements with their evidence."""
    q = assessment.questions
    gaps = q[q["scored"] & (q["gap"] > 0) & q["current"].notna()]
    gaps = gaps.assign(weighted=gaps["gap"] * gaps["weight"]).sort_values(
        ["weighted", "current"], ascending=[False, True], kind="stable"
    )
    chosen: list[str] = []
    taken: dict[str, int] = {}
    for qid, row in gaps.iterrows():
        if taken.get(row["perspective"], 0) < PER_PERSPECTIVE:
            chosen.append(str(qid))
            taken[row["perspective"]] = taken.get(row["perspective"], 0) + 1
    chosen += [str(qid) for qid in gaps.index if str(qid) not in chosen]
    return [_finding(assessment, qid, baselines) for qid in chosen[:limit]]


def _shown(assessment: Assessment) -> Callable[[str], str]:
    """Pack or customer text as a document shows it: cleaned, placeholders filled,
    interviewees' names replaced by their roles."""
    customer = clean(assessment.customer)
    organisation = clean(assessment.engagement.organisation)
    people = by_role(assessment.respondents)
    return lambda value: anonymise(fill(clean(value), customer, organisation), people)


def _finding(assessment: Assessment, qid: str, baselines: list[Baseline]) -> Finding:
    pack, engagement = assessment.pack, assessment.engagement
    text = _shown(assessment)
    question = pack.question(qid)
    row = assessment.questions.loc[qid]
    answers = assessment.answers[assessment.answers["question"] == qid]
    scored = answers[answers["status"] == "scored"]
    said = tuple(
        (clean(r.role) or "respondent", fmt(r.value))
        for r in scored.sort_values(["role"], kind="stable").itertuples()
    )
    informs = set(question.informs.get("kpi", ()))
    rating = engagement.ratings.get(qid)
    rated, current, target = bool(row.get("rated", False)), fmt(row["current"]), fmt(row["target"])
    return Finding(
        question=qid,
        perspective=clean(pack.perspective_name(question.perspective)),
        statement=statement(assessment, qid, text),
        practice=text(question.text),
        current=current,
        target=target,
        gap=fmt(row["gap"]),
        rated=rated,
        said=said,
        quote=_quote(answers, text),
        facts=tuple(text(f.text) for f in engagement.facts if qid in f.questions),
        measured=tuple(b.line for b in baselines if b.kpi in informs and b.measured)[:MEASURED],
        rating=text(rating.rationale) if rating else "",
        triggers=tuple(text(i.title) for i in assessment.plan.items if qid in i.questions),
        evidence=_evidence(rated, current, target, said),
    )


def statement(assessment: Assessment, qid: str, text: Callable[[str], str]) -> str:
    """What is true of a practice today: the pack's words for its current level, else the
    question itself."""
    question = assessment.pack.question(qid)
    current = assessment.questions.at[qid, "current"]
    level = None if current != current else level_of(float(current))  # NaN: not scored
    described = question.levels.get(level) if level is not None else None
    if described:
        return text(described)
    if level is None:
        return text(question.text)
    return f"At level {level} ({LEVEL_LABELS[level]}) today: {text(question.text)}"


def triggered_by(
    assessment: Assessment, questions: Iterable[str], text: Callable[[str], str]
) -> list[str]:
    """`RM-PRO-12 (1.00, target 4.00): Back-out is improvised …` for each question named."""
    q = assessment.questions
    return [
        f"{qid} ({fmt(q.at[qid, 'current'])}, target {fmt(q.at[qid, 'target'])}): "
        + statement(assessment, qid, text)
        for qid in questions
    ]


def informed_evidence(assessment: Assessment, kind: str) -> dict[str, str]:
    """Knowledge item id (of `kind`, e.g. `principle`) → what this engagement showed about it:
    a fact the consultant tied to a question that informs it, else the most telling interview
    note on such a question, attributed by role."""
    engagement, text = assessment.engagement, _shown(assessment)
    by_item: dict[str, list[str]] = {}
    for question in assessment.pack.questions:
        for item in question.informs.get(kind, ()):
            by_item.setdefault(item, []).append(question.id)
    result = {}
    for item, questions in by_item.items():
        facts = [text(f.text) for f in engagement.facts if set(f.questions) & set(questions)]
        if facts:
            result[item] = facts[0]
            continue
        answers = assessment.answers[assessment.answers["question"].isin(questions)]
        quote = _quote(answers, text)
        if quote:
            result[item] = f"“{quote[0]}” ({quote[1]})"
    return result


def _quote(answers: Any, text: Callable[[str], str]) -> tuple[str, str] | None:
    """The most telling note: the longest that still reads as one quote."""
    notes = [
        (text(r.note), clean(r.role) or "respondent")
        for r in answers.itertuples()
        if r.note and len(r.note) <= QUOTE_LENGTH
    ]
    return max(notes, key=lambda n: len(n[0])) if notes else None
