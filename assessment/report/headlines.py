"""Message titles: each slide's point as one sentence a board member can repeat.

Every headline is built from figures the context already holds, so a title never says what the
slide's table or chart does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessment.analysis.score_document import DASH, TARGET_MET
from assessment.text import count_word

if TYPE_CHECKING:
    from assessment.report.context import Context


def headlines(c: Context) -> dict[str, str]:
    """Slide key → its message title, for the Context `c`."""
    scored = c.overall.current != DASH
    process, customer = c.process, c.customer
    first = c.ask.windows[0] if c.ask.windows else None
    titles = {
        "title": f"{customer} can raise {process} maturity from {c.overall.current} to "
        f"{c.overall.target}"
        if scored
        else f"{customer}'s {process} assessment has no scores yet",
        "agenda": "Today we show where you stand, what we recommend and what we need from you",
        "approach": f"We scored {c.perspective_count} perspectives from 0 to 5 in the "
        f"{c.phases[0].name if c.phases else 'first'} phase",
        "interviews": _interviews(c),
        "overall": _overall(c) if scored else "No answers have been scored yet",
        "perspectives": _perspectives(c),
        "activities": _activities(c),
        "findings": f"{count_word(min(3, len(c.practice_findings))).capitalize()} practices hold "
        f"{process} back most, and the interviews show why"
        if c.practice_findings
        else "No practice falls short of its target",
        "baselines": _baselines(c),
        "recommendations": _recommendations(c),
        "roadmap": _roadmap(c),
        "initial_wins": f"{len(c.initial_wins)} initial wins start first; "
        f"{sum(1 for w in c.initial_wins if w.quick_win)} of them are quick wins",
        "effort": _effort(c),
        "alternatives": _alternatives(c),
        "ask": f"We ask for a sponsor, named owners and {first.cost} for the first {first.window}"
        if first
        else "We ask for a sponsor and named owners",
        "closing": "Your questions, then the decisions we need today",
    }
    if scored and first:
        titles["summary"] = (
            f"{process} is at {c.overall.current} against a target of "
            f"{c.overall.target}; the first {first.window} need {first.days} "
            f"person-days ({first.cost})"
        )
    else:
        titles["summary"] = titles["overall"]
    return titles


def _interviews(c: Context) -> str:
    people = c.interviewed_count
    scored = sum(p["scored"] for p in c.scores["perspectives"])
    total = sum(p["questions"] for p in c.scores["perspectives"])
    roles = c.role_count
    return (
        f"{people} interviews across {roles} role{'s' if roles != 1 else ''} scored "
        f"{scored} of {total} practices"
    )


def _overall(c: Context) -> str:
    o = c.overall
    if o.gap == TARGET_MET:
        return f"{c.customer} is at level {o.level} ({o.label}) and meets its target"
    return (
        f"{c.customer} is at level {o.level} ({o.label}) today, {o.gap} short of its "
        f"target of {o.target}"
    )


def _perspectives(c: Context) -> str:
    """From the score document's numbers; the texts are the context's, so they match the table."""
    shown = {p.id: p for p in c.perspectives}
    scored = [p for p in c.scores["perspectives"] if p["current"] is not None]
    gaps = [p for p in scored if p["gap"]]
    if not gaps:
        return "Every perspective meets its target"
    widest = shown[max(gaps, key=lambda p: p["gap"])["id"]]
    strongest = shown[max(scored, key=lambda p: p["current"])["id"]]
    if strongest.name == widest.name:
        return f"{widest.name} has the widest gap ({widest.gap}) of the perspectives"
    return (
        f"{widest.name} has the widest gap ({widest.gap}); {strongest.name} is the "
        f"strongest at {strongest.current}"
    )


def _activities(c: Context) -> str:
    means = []
    for name, values in zip(c.activities.rows, c.activities.values, strict=True):
        scored = [v for v in values if v is not None]
        if scored:
            means.append((name, sum(scored) / len(scored)))
    if not means:
        return "No key activity was scored in this engagement"
    name, value = min(means, key=lambda nv: nv[1])
    return f"“{name}” is the weakest key activity, at {value:.2f} on average"


def _baselines(c: Context) -> str:
    banded = [(b.band_level, n, b) for n, b in enumerate(c.baselines) if b.band_level is not None]
    if not banded:
        measured = sum(1 for b in c.baselines if b.value != "not measured")
        return f"{measured} KPIs were measured; none has a benchmark band yet"
    _, _, worst = min(banded, key=lambda ranked: ranked[:2])
    return f"{worst.name} is the weakest measured KPI: {worst.value} ({worst.band})"


def _recommendations(c: Context) -> str:
    top = c.top_recommendations
    if not top:
        return "No recommendation is needed to reach the target"
    priorities = sum(1 for r in top if r.customer_priority)
    if priorities:
        return (
            f"{c.top_count.capitalize()} recommendations come first, led by your "
            f"{count_word(priorities)} priorit{'ies' if priorities != 1 else 'y'}"
        )
    return f"{c.top_count.capitalize()} recommendations come first, led by: {top[0].title}"


def _roadmap(c: Context) -> str:
    parts = [f"{w.recommendations} in {w.window}" for w in c.windows if w.recommendations]
    if not parts:
        return "The plan has no recommendations to schedule"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"The plan delivers {listed}"


def _effort(c: Context) -> str:
    total = sum(w.days_value for w in c.windows)
    if not total:
        return "The plan needs no effort"
    last = c.windows[-1]
    share = round(100 * last.days_value / total)
    return (
        f"The full plan needs {c.ask.total_days} person-days ({c.ask.total_cost}); "
        f"{share}% of it falls in {last.window}"
    )


def _alternatives(c: Context) -> str:
    by_name = {a.name.lower(): a for a in c.alternatives}
    full = next((a for name, a in by_name.items() if name.startswith("full")), None)
    minimal = next((a for name, a in by_name.items() if name.startswith("minimal")), None)
    if full and minimal:
        return (
            f"The minimal path reaches {minimal.overall} with {minimal.count} "
            f"recommendations instead of {full.count}"
        )
    return f"{c.alternative_count.capitalize()} paths lead to the target"
