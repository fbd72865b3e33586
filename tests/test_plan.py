"""The plan's rules on tiny inline packs, with the arithmetic written out.

The sample pack's questions: SP-PEO-01 (people), SP-PEO-02 (people, weight 2), SP-PRO-01
(process), SP-TEC-01 (technology), all scale questions; effort low 5 / medium 20 / high 60 days;
windows 0–3, 3–12 (tactical) and 12+ months (strategic).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from assessment.analysis.score_document import score_document
from assessment.analysis.scoring import Assessment, score
from assessment.engagement.model import Engagement, Interview
from assessment.engagement.open import Opened
from assessment.pack.load import load_pack
from assessment.pack.model import Recommendation
from assessment.report.context import build_context
from tests.conftest import SAMPLE_PACK

PACK = load_pack(SAMPLE_PACK)
NOW = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)


def rec(rid: str, perspective: str, band: int, *triggers: str, **fields: Any) -> Recommendation:
    return Recommendation.model_validate(
        {
            "id": rid,
            "title": f"Do {rid.lower()}",
            "perspective": perspective,
            "band": band,
            "triggers": list(triggers),
            "horizon": "tactical",
            "effort": "low",
            "impact": "medium",
            "phase": "planning",
            "rationale": "Because.",
            "steps": ["Do it."],
            **fields,
        }
    )


def assess(
    recs: list[Recommendation], *respondents: dict[str, int], **engagement: Any
) -> Assessment:
    pack = PACK.model_copy(update={"recommendations": tuple(recs)})
    interviews = {
        f"r{n}": Interview.model_validate(
            {
                "respondent": {"name": f"R{n}", "role": "manager"},
                "answers": {q: {"level": level} for q, level in answers.items()},
            }
        )
        for n, answers in enumerate(respondents)
    }
    opened = Opened(
        Path("."), Engagement(customer="T", pack=str(SAMPLE_PACK), **engagement), interviews, pack
    )
    return score(opened)


ALL = ("SP-PEO-01", "SP-PEO-02", "SP-PRO-01", "SP-TEC-01")
EVERY_BAND = [
    rec(f"REC-{p[:3].upper()}-{band}", p, band, q)
    for p, q in (("people", "SP-PEO-01"), ("process", "SP-PRO-01"), ("technology", "SP-TEC-01"))
    for band in (3, 4, 5)
]


def test_every_answer_at_3_with_target_4_gets_advice_in_every_perspective() -> None:
    result = assess(EVERY_BAND, dict.fromkeys(ALL, 3), targets={"default": 4})
    # band 3: 3 < 3 is false → silent; band 4: 3 < 4 and 3 < target 4 → fires;
    # band 5: 3 < 5 and 3 < 4 → fires too, but brings the practice only to min(5, 4) = 4
    fired = {r.id for r in result.recommendations}
    assert fired == {f"REC-{p}-{band}" for p in ("PEO", "PRO", "TEC") for band in (4, 5)}
    assert {r.recommendation.perspective for r in result.recommendations} == {
        "people",
        "process",
        "technology",
    }
    # SP-PEO-02 has no advice at all: listed, never dropped
    assert [u.question for u in result.plan.unaddressed] == ["SP-PEO-02"]
    assert result.plan.unaddressed[0].pack_reaches is None


def test_a_pack_whose_advice_stops_at_3_lists_every_gap_above_it() -> None:
    band3 = [r for r in EVERY_BAND if r.band == 3]
    result = assess(band3, dict.fromkeys(ALL, 3), targets={"default": 4})
    assert result.recommendations == []
    gaps = {u.question: u for u in result.plan.unaddressed}
    assert set(gaps) == set(ALL)  # each 3 against 4
    assert gaps["SP-PRO-01"].pack_reaches == 3
    assert gaps["SP-PRO-01"].action.startswith("The pack's advice takes this practice to level 3")
    assert gaps["SP-PEO-02"].action.startswith("No recommendation in the pack names")


def test_the_old_below_form_serves_the_same_band() -> None:
    old = Recommendation.model_validate(
        {
            **EVERY_BAND[1].model_dump(exclude={"band", "triggers"}),
            "triggers": {"SP-PEO-01": "below 4"},
        }
    )
    result = assess([old], {"SP-PEO-01": 3}, targets={"default": 4})
    assert old.serves == 4
    assert [(r.id, r.reaches) for r in result.recommendations] == [
        ("REC-PEO-4", (("SP-PEO-01", 4.0),))
    ]


def test_a_dependency_that_did_not_fire_joins_as_a_prerequisite_and_starts_first() -> None:
    recs = [
        rec("REC-A", "people", 3, "SP-PEO-01", depends_on=["REC-B"]),
        rec("REC-B", "process", 3, "SP-PRO-01", horizon="strategic", effort="high"),
    ]
    # SP-PRO-01 at 3 meets band 3: REC-B does not fire, but REC-A builds on it
    result = assess(recs, {"SP-PEO-01": 2, "SP-PRO-01": 3}, targets={"default": 3})
    plan = result.plan
    b, a = plan.items
    assert (b.id, b.prerequisite, b.questions) == ("REC-B", True, ())
    # window(A) = max(own 0 (low tactical), window(B) 2 (strategic)) = 2: never before B,
    # and planned as strategic work, the horizon of the window it lands in
    assert (a.window, b.window, a.horizon) == (2, 2, "strategic")
    assert plan.quick_wins == ()  # A closes a level, but what it builds on starts later
    doc = score_document(result)  # ranked: the prerequisite just before what needs it
    ranked = [(r["rank"], r["id"], r["prerequisite"]) for r in doc["recommendations"]]
    assert ranked == [(1, "REC-B", True), (2, "REC-A", False)]


def test_a_quick_win_is_small_closes_a_level_and_starts_in_the_first_window() -> None:
    recs = [
        rec("REC-SMALL", "people", 3, "SP-PEO-01"),  # 2 → min(3, 3) = 3: closes 1.0
        rec("REC-HALF", "people", 3, "SP-PEO-02"),  # (2 + 3)/2 = 2.5 → 3: closes 0.5
        rec("REC-BIG", "process", 3, "SP-PRO-01", effort="medium"),  # closes 1, not small
        rec("REC-AFTER", "technology", 3, "SP-TEC-01", depends_on=["REC-BIG"]),
    ]
    result = assess(
        recs,
        {"SP-PEO-01": 2, "SP-PEO-02": 2, "SP-PRO-01": 2, "SP-TEC-01": 2},
        {"SP-PEO-01": 2, "SP-PEO-02": 3, "SP-PRO-01": 2, "SP-TEC-01": 2},
        targets={"default": 3},
    )
    plan = result.plan
    assert plan.quick_wins == ("REC-SMALL",)
    # AFTER is small and closes a level, but BIG sits in 3–12 months, so AFTER does too
    assert plan.item("REC-AFTER").window == 1 == plan.item("REC-BIG").window
    assert [(t.recommendations, t.days) for t in plan.totals] == [(2, 10.0), (2, 25.0), (0, 0.0)]


def test_initial_wins_are_one_list_and_never_open_ended_work() -> None:
    recs = [
        rec("REC-QUICK", "people", 3, "SP-PEO-01"),
        rec("REC-FOUNDATION", "process", 3, "SP-PRO-01", effort="medium", initial_win=True),
        rec("REC-LATER", "technology", 3, "SP-TEC-01", horizon="strategic", initial_win=True),
    ]
    result = assess(recs, dict.fromkeys(ALL, 2), targets={"default": 3})
    # QUICK: a quick win; FOUNDATION: flagged, 3–12 months; LATER: flagged but 12+ months
    assert result.plan.initial_wins == ("REC-QUICK", "REC-FOUNDATION")
    context = build_context(result, NOW)
    assert [w.name for w in context.initial_wins] == ["Do rec-quick", "Do rec-foundation"]


def test_the_minimal_path_keeps_the_priorities_and_is_truly_smaller() -> None:
    recs = [
        rec("REC-BOTH", "people", 3, "SP-PEO-01", "SP-PRO-01", effort="medium"),
        rec("REC-PEOPLE", "people", 3, "SP-PEO-01"),
        rec("REC-PROCESS", "process", 3, "SP-PRO-01"),
        rec("REC-TECH", "technology", 3, "SP-TEC-01", effort="high"),
        rec("REC-ROLES", "people", 3, "SP-PEO-02", effort="medium"),
    ]
    answers = {"SP-PEO-01": 2, "SP-PEO-02": 2, "SP-PRO-01": 2, "SP-TEC-01": 2}
    result = assess(recs, answers, targets={"default": 3}, priorities=["REC-TECH"])
    paths = {a.name: a for a in result.plan.alternatives}
    full, minimal = paths["Full path"], paths["Minimal path"]
    assert len(full.recommendations) == 5  # 20 + 5 + 5 + 60 + 20 = 110 days
    # TECH (priority) + BOTH (PEO-01 and PRO-01 in one) + ROLES (only one for PEO-02)
    assert set(minimal.recommendations) == {"REC-TECH", "REC-BOTH", "REC-ROLES"}
    assert (minimal.fewer, minimal.fewer_days) == (2, 10.0)  # 110 − (60 + 20 + 20)
    assert minimal.open_gaps == full.open_gaps == ()
    # quick wins PEOPLE and PROCESS with the priority TECH: 3 of 5, differs from the full
    # path by 2 > max(1, ⌊0.1 × 5⌋) = 1 → offered, and keeps the priority
    quick = paths["Quick wins first"]
    assert set(quick.recommendations) == {"REC-TECH", "REC-PEOPLE", "REC-PROCESS"}
    assert all("REC-TECH" in a.recommendations for a in result.plan.alternatives)


def test_a_path_almost_the_same_as_another_is_not_offered() -> None:
    recs = [
        rec("REC-PEOPLE", "people", 3, "SP-PEO-01"),
        rec("REC-ROLES", "people", 3, "SP-PEO-02", effort="medium"),
    ]
    result = assess(recs, {"SP-PEO-01": 2, "SP-PEO-02": 2}, targets={"default": 3})
    # minimal = full (both needed); quick wins first = PEOPLE only: 1 of 2 differs, and
    # max(1, ⌊0.1 × 2⌋) = 1 → the same path, not offered
    assert [a.name for a in result.plan.alternatives] == ["Full path"]
    assert [(n.name, n.like, n.differs_by) for n in result.plan.not_offered] == [
        ("Minimal path", "Full path", 0),
        ("Quick wins first", "Full path", 1),
    ]


def test_an_exceeded_target_is_met_never_a_negative_gap() -> None:
    result = assess([], dict.fromkeys(ALL, 5), targets={"default": 3})
    doc = score_document(result)
    # people: current 5, target 3 → max(0, 3 − 5) = 0, met; overall likewise
    people = doc["perspectives"][0]
    assert (people["gap"], people["target_met"]) == (0.0, True)
    assert doc["overall"]["gap"] == 0.0
    context = build_context(result, NOW)
    assert context.perspectives[0].gap == "target met"
    assert context.overall.gap == "target met"
    assert context.overall_sentence.endswith("the target is met.")


def test_consensus_counts_leave_out_items_a_rating_settled() -> None:
    result = assess(
        [],
        {"SP-PEO-01": 1, "SP-PRO-01": 1},
        {"SP-PEO-01": 4, "SP-PRO-01": 3},
        ratings={"SP-PRO-01": {"level": 2, "rationale": "agreed in workshop"}},
    )
    # spreads 4 − 1 = 3 and 3 − 1 = 2 both ≥ 2; SP-PRO-01 is settled by the rating
    assert len(result.consensus) == 2
    context = build_context(result, NOW)
    assert context.consensus_open == 1
    assert any("on 1 question not yet settled" in f for f in context.findings)
