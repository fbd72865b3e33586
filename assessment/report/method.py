"""The assessment method in words, stated once: the scoring rules, the plan's rules and those a
pack's questions add. The report's method appendix prints these; the deck and the strategic plan
quote the horizon rule; the README's "How scores are computed" and "The plan" say the same.
"""

from __future__ import annotations

from assessment.analysis.plan import Plan
from assessment.pack.model import Pack
from assessment.text import clean

SCORING = [
    "Each interviewee placed the organisation on a six-level scale for every question: "
    "0 Non-existent, 1 Initial, 2 Repeatable, 3 Defined, 4 Managed, 5 Optimized.",
    "For a checklist question, a respondent's value is 5 × (weight of the options selected ÷ "
    "weight of all options). Answers of 'not applicable' and 'don't know' are counted and "
    "reported but not scored.",
    "A question's current score is the mean of the respondents' values. Where the consultant "
    "recorded a rating (for example after a consensus workshop), that rating replaces the mean "
    "and is marked as such.",
    "A question's target is the desired level agreed for that question, else for its "
    "perspective, else the engagement's default target. Its gap is target − current, never "
    "below zero.",
    "A perspective's current and target scores are the question-weighted means over its "
    "scored questions; its gap is target − current, never below zero. The overall score is the "
    "plain mean of the perspectives that have scores. Where the current score reaches the "
    "target, the gap is shown as 'target met'.",
    "A question whose respondents differ by two levels or more is flagged for a consensus "
    "workshop. Scores are rounded to two decimals once, and gaps are computed from the rounded "
    "values, so every table in this document adds up.",
]


def horizon_rule(plan: Plan) -> str:
    """The one mapping of tactical and strategic onto the plan's windows, in words."""
    parts = [
        f"{horizon} work is planned in "
        + " and ".join(clean(w.name) for w in plan.horizon_windows(horizon))
        for horizon in ("tactical", "strategic")
    ]
    return (
        f"{parts[0].capitalize()}; {parts[1]}. Small tactical work starts in the first window, "
        "other tactical work in the last tactical window, and nothing starts in a window "
        "before a recommendation it builds on."
    )


def plan_method(plan: Plan) -> list[str]:
    """How the plan is made, stated once for the method appendix."""
    first = clean(plan.windows[0].name) if plan.windows else ""
    return [
        "A recommendation serves a level (3, 4 or 5) for the practices it names. It applies to "
        "a practice whose current score is below that level and below its target, and carrying "
        "it out is assumed to bring the practice to that level or to the target, whichever is "
        "lower. A recommendation others build on joins the plan as a prerequisite.",
        horizon_rule(plan),
        f"A quick win needs little effort, closes at least one level on a practice, and starts "
        f"in the first window ({first}), so nothing it builds on starts later. Initial wins are "
        "the quick wins and the pack's foundation steps that start within the tactical windows.",
        "The minimal path keeps the customer's priorities and adds the fewest recommendations, "
        "prerequisites counted, that close every gap the full path closes. A path almost the "
        "same as another (at most one recommendation in ten different) is not offered.",
    ]


def method_appendix(pack: Pack, plan: Plan) -> list[str]:
    """The method appendix: the scoring rules, the plan's rules, then those this pack's
    questions use."""
    base = SCORING + plan_method(plan)
    extra = []
    if any(q.cap is not None for q in pack.questions):
        extra.append(
            "Some checklist questions are capped: ticking many options scores at most the "
            "stated level unless the options that show measurement and review are ticked too."
        )
    if any(q.type == "metric" for q in pack.questions):
        extra.append(
            "Metric questions ask for a number with its unit and period. The engagement's value "
            "is the median of the respondents' numbers; a rate the pack derives (such as failed "
            "÷ deployed) is computed for each respondent first, and skipped when a count is "
            "unknown or the denominator is zero. A metric with performance bands scores the "
            "band its median reaches, and the bands' source is named; a metric without bands "
            "is a baseline and is not scored."
        )
    if pack.info.weighting:
        extra.append("Question weights: " + clean(pack.info.weighting))
    return [*base, *extra]
