"""Scoring against hand-computed values; each test writes its arithmetic out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import interview, write_engagement


def score(cli, folder: Path) -> dict:
    result = cli("score", folder, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def test_small_engagement_matches_the_hand_computation(cli, small: Path) -> None:
    doc = score(cli, small)
    q = by_id(doc["questions"])
    # SP-PEO-01: Ann 1, Bo 3 → mean 2.0; target default 3 → gap 1.0; spread 2 → consensus
    assert (q["SP-PEO-01"]["current"], q["SP-PEO-01"]["gap"], q["SP-PEO-01"]["spread"]) == (
        2.0,
        1.0,
        2.0,
    )
    assert q["SP-PEO-01"]["consensus"] is True
    # SP-PEO-02: Ann 2, Bo unknown → mean 2.0 from one response; question target 4 → gap 2.0
    assert (q["SP-PEO-02"]["current"], q["SP-PEO-02"]["target"], q["SP-PEO-02"]["gap"]) == (
        2.0,
        4.0,
        2.0,
    )
    assert (q["SP-PEO-02"]["responses"], q["SP-PEO-02"]["unknown"]) == (1, 1)
    # SP-PRO-02 multi, weights review 1 + test 1 + sign-off 2 = 4:
    # Ann review+sign-off = 5 × 3/4 = 3.75; Bo test = 5 × 1/4 = 1.25; mean 2.5; spread 2.5
    assert (q["SP-PRO-02"]["current"], q["SP-PRO-02"]["spread"]) == (2.5, 2.5)
    # perspective target process: 4 → SP-PRO-02 gap 4 − 2.5 = 1.5
    assert (q["SP-PRO-02"]["target"], q["SP-PRO-02"]["gap"]) == (4.0, 1.5)
    # SP-TEC-01: Ann na, Bo 4 → mean 4, but the consultant rated it 2 → current 2, gap 1
    assert (q["SP-TEC-01"]["current"], q["SP-TEC-01"]["gap"], q["SP-TEC-01"]["na"]) == (2.0, 1.0, 1)
    assert q["SP-TEC-01"]["rated"] is True
    # text question: counted, never scored
    assert (q["SP-PRO-03"]["current"], q["SP-PRO-03"]["responses"]) == (None, 1)

    p = by_id(doc["perspectives"])
    # people: current (1×2.0 + 2×2.0)/3 = 2.0; target (1×3 + 2×4)/3 = 3.666… → 3.67
    assert (p["people"]["current"], p["people"]["target"], p["people"]["gap"]) == (2.0, 3.67, 1.67)
    # process: (2.0 + 2.5)/2 = 2.25 against 4 → 1.75; the text question is not counted
    assert (p["process"]["current"], p["process"]["gap"], p["process"]["questions"]) == (
        2.25,
        1.75,
        2,
    )
    # overall: (2.0 + 2.25 + 2.0)/3 = 2.083 → 2.08; (3.67 + 4 + 3)/3 = 3.557 → 3.56; gap 1.48
    assert doc["overall"] == {
        "current": 2.08,
        "target": 3.56,
        "gap": 1.48,
        "level": 2,
        "label": "Repeatable",
    }


def test_recommendations_put_customer_priorities_first_then_score_then_dependencies(
    cli, small: Path
) -> None:
    doc = score(cli, small)
    ranked = [(r["rank"], r["id"]) for r in doc["recommendations"]]
    # REC-ROLES is the customer's priority. Scores: PLAN (2.0 + 1.5) × high 3 ÷ medium 2 = 5.25,
    # TRAIN 1.0 × 3 ÷ low 1 = 3.0, AUTOMATE 1.0 × 2 ÷ high 3 = 0.67; PLAN depends on TRAIN.
    assert ranked == [(1, "REC-ROLES"), (2, "REC-TRAIN"), (3, "REC-PLAN"), (4, "REC-AUTOMATE")]
    recs = by_id(doc["recommendations"])
    assert recs["REC-PLAN"]["priority"] == 5.25
    assert recs["REC-PLAN"]["questions"] == ["SP-PRO-01", "SP-PRO-02"]
    # quick win: smallest effort and closes at least one level (gap 1.0)
    assert recs["REC-TRAIN"]["quick_win"] is True
    assert recs["REC-PLAN"]["quick_win"] is False
    assert recs["REC-AUTOMATE"]["horizon"] == "strategic"


def test_target_precedence_question_over_perspective_over_default(cli, tmp_path: Path) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {"targets": {"default": 2, "perspectives": {"people": 4}, "questions": {"SP-PEO-02": 5}}},
        {"a": interview("A", "manager", SP_PEO_01=1, SP_PEO_02=1, SP_PRO_01=1)},
    )
    q = by_id(score(cli, folder)["questions"])
    assert q["SP-PEO-01"]["target"] == 4.0  # perspective
    assert q["SP-PEO-02"]["target"] == 5.0  # question
    assert q["SP-PRO-01"]["target"] == 2.0  # default
    assert q["SP-PRO-03"]["target"] is None  # text questions have no target


def test_na_and_unknown_are_counted_not_scored(cli, tmp_path: Path) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {},
        {
            "a": interview("A", "manager", SP_PEO_01={"level": "na"}),
            "b": interview("B", "engineer", SP_PEO_01={"level": "unknown"}),
        },
    )
    doc = score(cli, folder)
    q = by_id(doc["questions"])["SP-PEO-01"]
    assert (q["current"], q["gap"], q["spread"], q["responses"], q["na"], q["unknown"]) == (
        None,
        None,
        None,
        0,
        1,
        1,
    )
    # nothing scored anywhere → no perspective or overall score, and no recommendation
    assert doc["overall"]["current"] is None
    assert all(p["current"] is None for p in doc["perspectives"])
    assert doc["recommendations"] == []


def test_question_weights_shape_the_perspective_mean(cli, tmp_path: Path) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {},
        {
            "a": interview("A", "manager", SP_PEO_01={"level": 4}, SP_PEO_02={"level": 1}),
        },
    )
    people = by_id(score(cli, folder)["perspectives"])["people"]
    # (1 × 4 + 2 × 1) / (1 + 2) = 2.0, not the plain mean 2.5
    assert people["current"] == 2.0


def test_multi_question_with_nothing_selected_scores_zero(cli, tmp_path: Path) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {},
        {
            "a": interview("A", "engineer", SP_PRO_02={"selected": []}),
            "b": interview("B", "engineer", SP_PRO_02={"selected": ["sign-off"]}),
        },
    )
    q = by_id(score(cli, folder)["questions"])["SP-PRO-02"]
    # A: 0; B: 5 × 2/4 = 2.5; mean 1.25
    assert q["current"] == 1.25


def test_one_respondent_has_zero_spread(cli, tmp_path: Path) -> None:
    folder = write_engagement(tmp_path / "e", {}, {"a": interview("A", "manager", SP_PEO_01=3)})
    q = by_id(score(cli, folder)["questions"])["SP-PEO-01"]
    assert (q["current"], q["spread"], q["consensus"]) == (3.0, 0.0, False)


def test_ties_rank_by_id_and_an_untriggered_priority_still_comes_first(cli, tmp_path: Path) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {"priorities": ["REC-AUTOMATE"]},
        {
            # PEO-01 gap 3 − 2 = 1 → TRAIN 1 × 3 ÷ 1 = 3.0; PEO-02 gap 3 − 2 = 1, weight 2 →
            # ROLES 2 × 2 ÷ 2 = 2.0. Technology unanswered → AUTOMATE not triggered, but asked for.
            "a": interview("A", "manager", SP_PEO_01=2, SP_PEO_02=2),
        },
    )
    doc = score(cli, folder)
    # AUTOMATE builds on PLAN, which builds on TRAIN: PLAN did not fire (process unanswered)
    # and joins as a prerequisite, listed after TRAIN, ahead of the rest (ROLES)
    ids = [r["id"] for r in doc["recommendations"]]
    assert ids == ["REC-AUTOMATE", "REC-TRAIN", "REC-PLAN", "REC-ROLES"]
    assert doc["recommendations"][0]["customer_priority"] is True
    assert doc["recommendations"][0]["questions"] == []
    marked = [r["id"] for r in doc["recommendations"] if r["prerequisite"]]
    assert marked == ["REC-PLAN"]


@pytest.mark.parametrize("level", [0, 5])
def test_a_score_at_or_above_target_has_no_gap(cli, tmp_path: Path, level: int) -> None:
    folder = write_engagement(
        tmp_path / "e",
        {"targets": {"default": 0}},
        {"a": interview("A", "manager", SP_PEO_01=level)},
    )
    q = by_id(score(cli, folder)["questions"])["SP-PEO-01"]
    assert q["gap"] == 0.0
