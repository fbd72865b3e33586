"""The score document: the Assessment as plain JSON-ready data (`assess score --json`)."""

from __future__ import annotations

import math
from typing import Any

from assessment.analysis.plan import Plan
from assessment.analysis.scoring import Assessment

DASH = "–"


def fmt(value: Any) -> str:
    """A score as printed everywhere: two decimals, or an en dash when there is none."""
    number = _num(value)
    return DASH if number is None else f"{number:.2f}"


TARGET_MET = "target met"


def fmt_gap(gap: Any, current: Any, target: Any) -> str:
    """A gap as printed everywhere: never negative; `target met` once current reaches target."""
    met = _met(current, target)
    return TARGET_MET if met else fmt(gap)


def _num(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), 2)


def _level(value: Any) -> int | None:
    number = _num(value)
    return None if number is None else int(number)


def score_document(assessment: Assessment) -> dict[str, Any]:
    """Everything DESIGN.md promises, numbers rounded to 2 decimals, nulls where unscored."""
    q = assessment.questions
    p = assessment.perspectives
    plan = assessment.plan
    return {
        "customer": assessment.customer,
        "pack": assessment.pack.info.id,
        "pack_version": assessment.pack.info.version,
        "respondents": len(assessment.respondents),
        "overall": {
            key: _num(v) if key in ("current", "target", "gap") else v
            for key, v in assessment.overall.items()
        },
        "perspectives": [
            {
                "id": pid,
                "name": row["name"],
                "current": _num(row["current"]),
                "target": _num(row["target"]),
                "gap": _num(row["gap"]),
                "target_met": _met(row["current"], row["target"]),
                "level": _level(row["level"]),
                "scored": int(row["scored"]),
                "questions": int(row["questions"]),
            }
            for pid, row in p.iterrows()
        ],
        "questions": [
            {
                "id": qid,
                "perspective": row["perspective"],
                "type": row["type"],
                "weight": _num(row["weight"]),
                "current": _num(row["current"]),
                "target": _num(row["target"]),
                "gap": _num(row["gap"]),
                "responses": int(row["responses"]),
                "na": int(row["na"]),
                "unknown": int(row["unknown"]),
                "spread": _num(row["spread"]),
                "rated": bool(row["rated"]),
                "consensus": bool(row["consensus"]),
                **_metric(assessment, qid, row),
            }
            for qid, row in q.iterrows()
        ],
        "recommendations": [
            {
                "rank": r.rank,
                "id": r.id,
                "title": r.recommendation.title,
                "perspective": r.recommendation.perspective,
                "horizon": plan.item(r.id).horizon,
                "window": plan.windows[plan.item(r.id).window].id,
                "quick_win": plan.item(r.id).quick_win,
                "initial_win": plan.item(r.id).initial_win,
                "prerequisite": r.prerequisite,
                "questions": list(r.questions),
                "effort": r.recommendation.effort,
                "impact": r.recommendation.impact,
                "phase": r.recommendation.phase,
                "priority": r.priority,
                "customer_priority": r.customer_priority,
            }
            for r in assessment.recommendations
        ],
        **_analysis(assessment),
    }


def _met(current: Any, target: Any) -> bool | None:
    """True when the current score reaches the target (the gap is then 0, never negative)."""
    c, t = _num(current), _num(target)
    return None if c is None or t is None else c >= t


def plan_document(plan: Plan) -> dict[str, Any]:
    """The plan as other tools check it: windows, start order, wins, paths, open gaps."""
    return {
        "windows": [
            {
                "id": t.window.id,
                "name": t.window.name,
                "start": t.window.start,
                "end": t.window.end,
                "horizon": t.window.horizon,
                "recommendations": t.recommendations,
                "days": _num(t.days),
            }
            for t in plan.totals
        ],
        "days": _num(plan.days),
        "items": [
            {
                "id": i.id,
                "rank": i.rank,
                "title": i.title,
                "window": plan.windows[i.window].id,
                "horizon": i.horizon,
                "phase": i.phase,
                "effort": i.effort,
                "days": _num(i.days),
                "depends_on": list(i.depends_on),
                "prerequisite": i.prerequisite,
                "customer_priority": i.customer_priority,
                "quick_win": i.quick_win,
                "initial_win": i.initial_win,
            }
            for i in plan.items
        ],
        "quick_wins": list(plan.quick_wins),
        "initial_wins": list(plan.initial_wins),
        "alternatives": [
            {
                "name": a.name,
                "recommendations": list(a.recommendations),
                "count": len(a.recommendations),
                "days": _num(a.days),
                "fewer": a.fewer,
                "fewer_days": _num(a.fewer_days),
                "overall": _num(a.overall),
                "reaches": {k: _num(v) for k, v in a.reaches.items()},
                "open_gaps": list(a.open_gaps),
            }
            for a in plan.alternatives
        ],
        "not_offered": [
            {"name": n.name, "like": n.like, "differs_by": n.differs_by} for n in plan.not_offered
        ],
        "unaddressed": [
            {
                "question": u.question,
                "perspective": u.perspective,
                "current": _num(u.current),
                "target": _num(u.target),
                "reaches": _num(u.reaches),
                "pack_reaches": u.pack_reaches,
                "action": u.action,
            }
            for u in plan.unaddressed
        ],
    }


def _metric(assessment: Assessment, qid: str, row: Any) -> dict[str, Any]:
    """For a metric question: its measured value (the respondents' median) and how it is read."""
    question = assessment.pack.question(str(qid))
    if question.type != "metric":
        return {}
    value = _num(row["measure"])
    return {
        "metric": {
            "value": value,
            "unit": question.unit,
            "period": question.period or None,
            "better": question.better,
            "band": question.band_level(value) if question.bands and value is not None else None,
            "bands_source": question.bands_source or None,
            "kpi": question.kpi,
            "derived": not question.asked,
        }
    }


def _analysis(assessment: Assessment) -> dict[str, Any]:
    """Beyond the contract: consensus agenda, the plan, training needs, role view."""
    return {
        "consensus": [
            {
                "question": c.question,
                "spread": _num(c.spread),
                "current": _num(c.current),
                "rated": c.rated,
                "voices": [
                    {
                        "role": v.role,
                        "value": _num(v.value),
                        "status": v.status,
                        "respondents": v.respondents,
                    }
                    for v in c.voices
                ],
            }
            for c in assessment.consensus
        ],
        "plan": plan_document(assessment.plan),
        "training": [
            {
                "role": t.role,
                "skill": t.skill,
                "required": t.required,
                "current": _num(t.current),
                "gap": _num(t.gap),
            }
            for t in assessment.training
        ],
        "by_role": {
            str(role): {str(k): _num(v) for k, v in row.items()}
            for role, row in assessment.by_role.iterrows()
        },
    }
