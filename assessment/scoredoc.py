"""The score document: the Assessment as plain JSON-ready data (`assess score --json`)."""

from __future__ import annotations

import math
from typing import Any

from assessment.scoring import Assessment


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
        "overall": {key: _num(v) if key in ("current", "target", "gap") else v
                    for key, v in assessment.overall.items()},
        "perspectives": [
            {"id": pid, "name": row["name"], "current": _num(row["current"]),
             "target": _num(row["target"]), "gap": _num(row["gap"]),
             "level": _level(row["level"]),
             "scored": int(row["scored"]), "questions": int(row["questions"])}
            for pid, row in p.iterrows()
        ],
        "questions": [
            {"id": qid, "perspective": row["perspective"], "type": row["type"],
             "weight": _num(row["weight"]), "current": _num(row["current"]),
             "target": _num(row["target"]), "gap": _num(row["gap"]),
             "responses": int(row["responses"]), "na": int(row["na"]),
             "unknown": int(row["unknown"]), "spread": _num(row["spread"]),
             "rated": bool(row["rated"]), "consensus": bool(row["consensus"])}
            for qid, row in q.iterrows()
        ],
        "recommendations": [
            {"rank": r.rank, "id": r.id, "title": r.recommendation.title,
             "perspective": r.recommendation.perspective, "horizon": r.recommendation.horizon,
             "quick_win": r.quick_win, "questions": list(r.questions),
             "effort": r.recommendation.effort, "impact": r.recommendation.impact,
             "phase": r.recommendation.phase, "priority": r.priority,
             "customer_priority": r.customer_priority}
            for r in assessment.recommendations
        ],
    }
