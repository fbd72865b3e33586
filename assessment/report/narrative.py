"""The words around the numbers: key findings, interview evidence, next steps.

Pure functions of the Assessment; every sentence states a number the score document holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.analysis.score_document import fmt
from assessment.analysis.scoring import Assessment
from assessment.analysis.views import still_open
from assessment.pack.questions import LEVEL_LABELS
from assessment.report.anonymise import anonymise, by_role
from assessment.report.findings import statement
from assessment.text import clean, fill, shorten

EVIDENCE_PER_PERSPECTIVE = 4


@dataclass(frozen=True, slots=True)
class EvidenceNote:
    """An interview note on a widest-gap question, attributed by role."""

    question: str
    text: str  # the question, shortened
    role: str
    note: str
    value: str  # what the respondent answered


@dataclass(frozen=True, slots=True)
class NextStep:
    """One plan window's work: what, how big, what it covers."""

    window: str
    step: str
    size: str
    scope: str


def key_findings(assessment: Assessment) -> list[str]:
    """Three to five findings a senior manager can act on, strongest signal first."""
    p = assessment.perspectives.dropna(subset=["current"])
    if p.empty:
        return ["No answers have been scored yet."]
    findings = []
    weakest = p.sort_values(["gap", "current"], ascending=[False, True]).iloc[0]
    findings.append(
        f"{weakest['name']} shows the widest gap: {fmt(weakest['current'])} against a target "
        f"of {fmt(weakest['target'])} (gap {fmt(weakest['gap'])})."
    )
    strongest = p.sort_values("current", ascending=False).iloc[0]
    if strongest.name != weakest.name:
        findings.append(
            f"{strongest['name']} is the strongest perspective at {fmt(strongest['current'])} "
            f"({LEVEL_LABELS[int(strongest['level'])]}): a base to build on."
        )
    q = assessment.questions[assessment.questions["scored"]]
    low = q[q["current"] < 2].sort_values(["current", "weight"], ascending=[True, False])
    if not low.empty:
        findings.append(
            f"{len(low)} of {int(q['current'].notna().sum())} scored practices are below "
            f"Repeatable (2); the lowest ({low.index[0]}): "
            + statement(assessment, str(low.index[0]), lambda value: _filled(value, assessment))
        )
    open_items = still_open(assessment.consensus)
    if open_items:
        findings.append(
            f"Respondents disagree by two levels or more on {len(open_items)} "
            f"question{'s' if len(open_items) != 1 else ''} not yet settled; a consensus "
            "workshop should settle them before the plan is fixed."
        )
    plan = assessment.plan
    if plan.quick_wins:
        first = plan.item(plan.quick_wins[0])
        findings.append(
            f"{len(plan.quick_wins)} quick wins (small effort, each closing at least one level) "
            f"can start in the first window ({clean(plan.windows[0].name)}), beginning with: "
            f"{_short(first.title, assessment)}."
        )
    return findings[:5]


def _filled(text: str, assessment: Assessment) -> str:
    return fill(clean(text), clean(assessment.customer), clean(assessment.engagement.organisation))


def _short(text: str, assessment: Assessment) -> str:
    return shorten(_filled(text, assessment), 140, at_word=True)


def evidence(assessment: Assessment) -> dict[str, list[EvidenceNote]]:
    """Per perspective, notes from the interviews on the widest-gap questions, by role."""
    notes = assessment.answers[assessment.answers["note"].str.len() > 0]
    q = assessment.questions
    asked = q[["perspective", "gap", "text"]].rename(columns={"text": "asked"})
    joined = notes.merge(asked, left_on="question", right_index=True)
    joined = joined.sort_values(
        ["gap", "question", "role"], ascending=[False, True, True], kind="stable"
    )
    people = by_role(assessment.respondents)
    result: dict[str, list[EvidenceNote]] = {}
    for pid, group in joined.groupby("perspective", sort=False):
        rows = group.drop_duplicates("question").head(EVIDENCE_PER_PERSPECTIVE)
        result[str(pid)] = [
            EvidenceNote(
                question=str(r.question),
                text=_short(str(r.asked), assessment),
                role=clean(str(r.role)) or "respondent",
                note=anonymise(clean(str(r.note)), people),
                value=fmt(r.value) if r.status == "scored" else str(r.status),
            )
            for r in rows.itertuples()
        ]
    return result


def next_steps(assessment: Assessment) -> list[NextStep]:
    """One step per plan window that has work: what, how big, what it covers."""
    plan = assessment.plan
    steps = []
    for index, total in enumerate(plan.totals):
        count = total.recommendations
        if not count:
            continue
        items = plan.in_window(index)
        phases = sorted({i.phase for i in items})
        steps.append(
            NextStep(
                window=clean(total.window.name),
                step=f"Deliver {count} recommendation{'s' if count > 1 else ''}: "
                + "; ".join(_short(i.title, assessment) for i in items[:3])
                + ("; …" if count > 3 else ""),
                size=f"{total.days:.0f} person-days",
                scope=", ".join(clean(p) for p in phases),
            )
        )
    return steps
