"""Properties of the scoring formula over generated engagements (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.analysis.score_document import score_document
from assessment.analysis.scoring import answer_frame, question_frame, score
from assessment.engagement.model import Engagement, Interview
from assessment.engagement.open import Opened
from assessment.pack.load import load_pack
from assessment.pack.questions import Condition
from tests.conftest import SAMPLE_PACK

PACK = load_pack(SAMPLE_PACK)
SCALE = [q.id for q in PACK.questions if q.type == "scale"]
MULTI = {q.id: q.option_ids() for q in PACK.questions if q.type == "multi"}

level = st.one_of(st.integers(0, 5), st.sampled_from(["na", "unknown"]))


@st.composite
def answers(draw: st.DrawFn) -> dict:
    result: dict = {}
    for qid in SCALE:
        if draw(st.booleans()):
            result[qid] = {"level": draw(level)}
    for qid, options in MULTI.items():
        if draw(st.booleans()):
            result[qid] = {"selected": draw(st.lists(st.sampled_from(options), unique=True))}
    return result


@st.composite
def engagements(draw: st.DrawFn) -> Opened:
    count = draw(st.integers(1, 6))
    interviews = {
        f"r{i}": Interview.model_validate(
            {
                "respondent": {
                    "name": f"R{i}",
                    "role": draw(st.sampled_from(["manager", "engineer"])),
                },
                "answers": draw(answers()),
            }
        )
        for i in range(count)
    }
    targets = {
        "default": draw(st.integers(0, 5)),
        "perspectives": {"process": draw(st.integers(0, 5))},
    }
    ratings = {}
    if draw(st.booleans()):
        ratings[draw(st.sampled_from(SCALE))] = {
            "level": draw(st.integers(0, 5)),
            "rationale": "workshop",
        }
    engagement = Engagement.model_validate(
        {
            "customer": "P",
            "pack": "sample",
            "targets": targets,
            "ratings": ratings,
            "priorities": draw(st.sampled_from([[], ["REC-AUTOMATE"], ["REC-PLAN", "REC-TRAIN"]])),
        }
    )
    return Opened(Path("."), engagement, interviews, PACK)


def values(series: pd.Series) -> list[float]:
    return [float(v) for v in series.dropna()]


@settings(max_examples=60, deadline=None)
@given(engagements())
def test_scores_stay_on_the_scale_and_gaps_are_never_negative(opened: Opened) -> None:
    result = score(opened)
    q, p = result.questions, result.perspectives
    for column in ("current", "target", "spread"):
        assert all(0 <= v <= 5 for v in values(q[column]))
    assert all(v >= 0 for v in values(q["gap"]))
    assert all(0 <= v <= 5 for v in values(p["current"]) + values(p["target"]))
    if result.overall["current"] is not None:
        assert 0 <= result.overall["current"] <= 5


@settings(max_examples=60, deadline=None)
@given(engagements())
def test_a_respondent_at_the_mean_changes_no_mean(opened: Opened) -> None:
    answers = answer_frame(PACK, opened.interviews)
    before = question_frame(PACK, opened.engagement, answers)
    means = answers[answers["status"] == "scored"].groupby("question")["value"].mean()
    extra = pd.DataFrame(
        {
            "respondent": "at-mean",
            "role": "x",
            "question": means.index,
            "value": means.values,
            "status": "scored",
            "note": "",
            "text": "",
        }
    )
    after = question_frame(PACK, opened.engagement, pd.concat([answers, extra]))
    pd.testing.assert_series_equal(before["mean"], after["mean"], check_exact=False, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(engagements())
def test_ranking_is_deterministic_whatever_the_interview_order(opened: Opened) -> None:
    first = [r.id for r in score(opened).recommendations]
    reversed_interviews = dict(reversed(list(opened.interviews.items())))
    again = Opened(opened.folder, opened.engagement, reversed_interviews, PACK)
    assert [r.id for r in score(again).recommendations] == first
    assert [r.id for r in score(opened).recommendations] == first


@st.composite
def planned(draw: st.DrawFn) -> Opened:
    """A random engagement on a pack whose recommendations get random bands, sizes, horizons,
    flags and (acyclic) dependencies."""
    opened = draw(engagements())
    scored = SCALE + list(MULTI)
    recs = list(PACK.recommendations) + [
        PACK.recommendations[n % len(PACK.recommendations)].model_copy(
            update={
                "id": f"REC-EXTRA-{n}",
                "triggers": dict.fromkeys(
                    draw(st.lists(st.sampled_from(scored), min_size=1, max_size=3, unique=True)),
                    Condition.parse("below 3"),
                ),
            }
        )
        for n in range(draw(st.integers(0, 6)))
    ]
    order = draw(st.permutations(range(len(recs))))
    changed = []
    for position, index in enumerate(order):
        earlier = [recs[i].id for i in order[:position]]
        band = draw(st.integers(1, 5))
        changed.append(
            recs[index].model_copy(
                update={
                    "band": band,
                    "triggers": {q: Condition.parse(f"below {band}") for q in recs[index].triggers},
                    "effort": draw(st.sampled_from(["low", "medium", "high"])),
                    "horizon": draw(st.sampled_from(["tactical", "strategic"])),
                    "initial_win": draw(st.booleans()),
                    "depends_on": tuple(draw(st.lists(st.sampled_from(earlier), unique=True)))
                    if earlier
                    else (),
                }
            )
        )
    pack = PACK.model_copy(update={"recommendations": tuple(changed)})
    return Opened(opened.folder, opened.engagement, opened.interviews, pack)


@settings(max_examples=80, deadline=None)
@given(planned())
def test_the_plan_keeps_its_rules_on_any_engagement(opened: Opened) -> None:
    result = score(opened)
    plan = result.plan
    window = {i.id: i.window for i in plan.items}
    last = len(plan.windows) - 1
    for item in plan.items:  # nothing starts in a window before one it builds on
        assert all(window[d] <= item.window for d in item.depends_on)
        # every dependency in the pack is in the plan (pulled in as a prerequisite)
        rec = next(r for r in opened.pack.recommendations if r.id == item.id)
        assert set(rec.depends_on) <= set(window)
    started = [i.id for i in plan.items]
    for item in plan.items:  # start order lists what it builds on first
        assert all(started.index(d) < started.index(item.id) for d in item.depends_on)
    assert all(window[q] == 0 for q in plan.quick_wins)
    assert all(window[w] < last for w in plan.initial_wins)
    priorities = [r.id for r in result.recommendations if r.customer_priority]
    for path in plan.alternatives:
        assert set(priorities) <= set(path.recommendations)
    paths = {a.name: a for a in plan.alternatives}
    full = paths.get("Full path")
    if "Minimal path" in paths and full is not None:
        minimal = paths["Minimal path"]
        assert len(minimal.recommendations) <= len(full.recommendations)
        assert minimal.days <= full.days
        assert set(minimal.open_gaps) == set(full.open_gaps)
    doc = score_document(result)
    gaps = [q["gap"] for q in doc["questions"]] + [p["gap"] for p in doc["perspectives"]]
    assert all(g >= 0 for g in [*gaps, doc["overall"]["gap"]] if g is not None)
