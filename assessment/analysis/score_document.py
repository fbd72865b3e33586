"""The score document: the Assessment as plain JSON-ready data (`assess score --json`)."""

from __future__ import annotations

import math
from typing import Any

from assessment.analysis.scoring import Assessment

DASH = "–"


def fmt(value: Any) -> str:
    """A score as printed everywhere: two decimals, or an en dash when there is none."""
    number = _num(value)
    return DASH if number is None else f"{number:.2f}"


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
            }
            for qid, row in q.iterrows()
        ],
        "recommendations": [
            {
                "rank": r.rank,
                "id": r.id,
                "title": r.recommendation.title,
                "perspective": r.recommendation.perspective,
                "horizon": r.recommendation.horizon,
                "quick_win": r.quick_win,
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


def _analysis(assessment: Assessment) -> dict[str, Any]:
    """Beyond the contract: consensus agenda, roadmap, alternatives, training needs, role view."""
    totals = assessment.horizons
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
        "roadmap": [
            {
                "rank": i.rank,
                "id": i.id,
                "phase": i.phase,
                "horizon": i.horizon,
                "effort": i.effort,
                "days": _num(i.days),
                "depends_on": list(i.depends_on),
            }
            for i in assessment.roadmap
        ],
        "horizons": [
            {
                "horizon": str(h),
                "recommendations": int(row["recommendations"]),
                "days": _num(row["days"]),
            }
            for h, row in totals.iterrows()
        ],
        "alternatives": [
            {
                "name": a.name,
                "recommendations": list(a.recommendations),
                "days": _num(a.days),
                "overall": _num(a.overall),
                "reaches": {k: _num(v) for k, v in a.reaches.items()},
                "open_gaps": list(a.open_gaps),
            }
            for a in assessment.alternatives
        ],
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
