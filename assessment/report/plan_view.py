"""The plan as the documents show it: roadmap items, wins, alternatives, unaddressed gaps, and
the rules in words. Formatting only: the plan itself is computed once in the analysis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessment.analysis.plan import Plan
from assessment.analysis.score_document import fmt
from assessment.analysis.scoring import Assessment
from assessment.text import clean, fill


def roadmap(assessment: Assessment) -> list[dict[str, Any]]:
    """The plan's items in start order, titles filled, what they build on by title."""
    plan, text = assessment.plan, texts(assessment)
    titles = {i.id: text(i.title) for i in plan.items}
    ranks = {i.id: str(i.rank) for i in plan.items}
    roles = {r.id: clean(r.name) for r in assessment.pack.info.interviewees}
    owners = {r.id: roles.get(r.owner or "", "") for r in assessment.pack.recommendations}
    return [
        {
            "rank": str(i.rank),
            "id": i.id,
            "title": titles[i.id],
            "perspective": clean(i.perspective),
            "phase": clean(i.phase),
            "window": clean(plan.windows[i.window].name),
            "horizon": i.horizon,
            "effort": i.effort,
            "days": f"{i.days:.0f}",
            "builds_on": [titles[d] for d in i.depends_on],
            "after": [ranks[d] for d in i.depends_on],  # what it builds on, by rank
            "owner": owners.get(i.id, ""),
            "quick_win": i.quick_win,
            "initial_win": i.initial_win,
            "prerequisite": i.prerequisite,
            "customer_priority": i.customer_priority,
        }
        for i in plan.items
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


def initial_wins(assessment: Assessment) -> list[dict[str, Any]]:
    """The plan's initial wins, with the pack's initial-win name and benefits where it has one."""
    text = texts(assessment)
    wins = {w.recommendation: w for w in assessment.pack.knowledge.initial_wins}
    recs = {r.id: r for r in assessment.pack.recommendations}
    by_id = {item["id"]: item for item in roadmap(assessment)}
    rows = []
    for rid in assessment.plan.initial_wins:
        win, item = wins.get(rid), by_id[rid]
        benefits = text(win.benefits) if win else text(recs[rid].benefits)
        rows.append(
            {
                **item,
                "name": text(win.name) if win else item["title"],
                "benefits": benefits,
                "milestones": [text(m) for m in win.milestones] if win else [],
            }
        )
    return rows


def unaddressed(assessment: Assessment) -> list[dict[str, str]]:
    text = texts(assessment)
    q = assessment.questions
    return [
        {
            "question": u.question,
            "text": text(str(q.at[u.question, "text"])),
            "perspective": clean(assessment.pack.perspective_name(u.perspective)),
            "current": fmt(u.current),
            "target": fmt(u.target),
            "reaches": fmt(u.reaches),
            "action": u.action,
        }
        for u in assessment.plan.unaddressed
    ]


def alternatives(assessment: Assessment) -> list[dict[str, Any]]:
    names = {p.id: clean(p.name) for p in assessment.pack.info.perspectives}
    return [
        {
            "name": a.name,
            "description": a.description,
            "count": str(len(a.recommendations)),
            "recommendations": list(a.recommendations),
            "days": f"{a.days:.0f}",
            "fewer": str(a.fewer),
            "fewer_days": f"{a.fewer_days:.0f}",
            "overall": fmt(a.overall),
            "reaches": [(names[pid], fmt(value)) for pid, value in a.reaches.items()],
            "open_gaps": str(len(a.open_gaps)),
        }
        for a in assessment.plan.alternatives
    ]
