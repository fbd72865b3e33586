"""Views, roadmap, alternatives and training needs on the small engagement, computed by hand.

Small engagement (see test_scoring): SP-PEO-01 2.0 (target 3), SP-PEO-02 2.0 (target 4,
weight 2), SP-PRO-01 2.0 and SP-PRO-02 2.5 (targets 4), SP-TEC-01 rated 2 (target 3).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assessment.analysis.plan import build_plan
from assessment.analysis.scoring import Assessment, score
from assessment.engagement.open import Opened, open_engagement


@pytest.fixture
def assessed(small: Path) -> Assessment:
    return score(open_engagement(small))


def test_activity_view_is_the_weighted_mean_of_informing_questions(assessed) -> None:
    view = assessed.activities.set_index(["perspective", "activity"])
    # plan ← SP-PEO-01 (people 2.0) and SP-PRO-01 (process 2.0); check ← SP-PRO-02, SP-TEC-01
    assert view.loc[("people", "plan"), "current"] == 2.0
    assert view.loc[("process", "check"), "current"] == 2.5
    assert view.loc[("process", "check"), "gap"] == 1.5
    assert view.loc[("technology", "check"), "current"] == 2.0


def test_role_view_shows_how_each_role_sees_each_perspective(assessed) -> None:
    roles = assessed.by_role
    # manager (Ann): people (1×1 + 2×2)/3 = 1.67; process (3 + 3.75)/2 = 3.38 (3.375)
    assert roles.loc["manager", "people"] == 1.67
    assert roles.loc["manager", "process"] == 3.38
    # engineer (Bo): people only SP-PEO-01 = 3 (SP-PEO-02 unknown); process (1 + 1.25)/2 = 1.12
    assert roles.loc["engineer", "people"] == 3.0
    assert roles.loc["engineer", "technology"] == 4.0  # Bo's raw answer; the rating is not his


def test_consensus_agenda_lists_each_role(assessed) -> None:
    agenda = {item.question: item for item in assessed.consensus}
    # spread ≥ 2: SP-PRO-02 (3.75 − 1.25 = 2.5), SP-PEO-01 (3 − 1), SP-PRO-01 (3 − 1)
    assert list(agenda) == ["SP-PRO-02", "SP-PEO-01", "SP-PRO-01"]
    voices = {v.role: v.value for v in agenda["SP-PRO-02"].voices}
    assert voices == {"engineer": 1.25, "manager": 3.75}


def test_plan_windows_and_effort_totals(assessed) -> None:
    plan = assessed.plan
    windows = {item.id: plan.windows[item.window].name for item in plan.items}
    # TRAIN low tactical → first window; ROLES and PLAN medium tactical → last tactical window;
    # AUTOMATE strategic → the strategic window
    assert windows == {
        "REC-TRAIN": "0–3 months",
        "REC-ROLES": "3–12 months",
        "REC-PLAN": "3–12 months",
        "REC-AUTOMATE": "12+ months",
    }
    # low 5; medium 20 + 20; high 60
    assert [(t.recommendations, t.days) for t in plan.totals] == [(1, 5.0), (2, 40.0), (1, 60.0)]
    assert [i.horizon for i in plan.items] == ["tactical", "tactical", "tactical", "strategic"]
    # start order: by window, then rank (ROLES rank 1 before PLAN rank 3)
    assert [i.id for i in plan.items] == ["REC-TRAIN", "REC-ROLES", "REC-PLAN", "REC-AUTOMATE"]


def test_a_dependant_never_starts_before_its_dependency(assessed) -> None:
    # Make TRAIN depend on AUTOMATE (strategic, 12+): the quick win must wait for it, and is
    # then no quick win (nothing it builds on may start later than the first window).
    train = next(r for r in assessed.recommendations if r.id == "REC-TRAIN")
    rec = train.recommendation.model_copy(update={"depends_on": ("REC-AUTOMATE",)})
    ranked = [
        r if r.id != "REC-TRAIN" else replace(r, recommendation=rec)
        for r in assessed.recommendations
    ]
    plan = build_plan(assessed.pack, ranked, assessed.questions)
    assert plan.windows[plan.item("REC-TRAIN").window].name == "12+ months"
    assert plan.item("REC-TRAIN").horizon == "strategic"
    assert plan.quick_wins == ()


def test_alternatives_with_their_effort_and_the_maturity_they_reach(assessed) -> None:
    plan = assessed.plan
    paths = {a.name: a for a in plan.alternatives}
    # every recommendation closes a gap no other closes: the minimal path is the full path
    # and is not offered twice
    assert [(n.name, n.like, n.differs_by) for n in plan.not_offered] == [
        ("Minimal path", "Full path", 0)
    ]
    full = paths["Full path"]
    # band 3 everywhere: each fired question reaches min(3, target) = 3
    # people (1×3 + 2×3)/3 = 3.0, process (3 + 3)/2 = 3.0, technology 3.0; 5 + 20 + 20 + 60
    assert (len(full.recommendations), full.days) == (4, 105.0)
    assert full.reaches == {"people": 3.0, "process": 3.0, "technology": 3.0}
    quick = paths["Quick wins first"]
    # ROLES (the customer's priority) and TRAIN (the quick win): PEO-01 and PEO-02 reach 3
    # people 3.0; process (2 + 2.5)/2 = 2.25; technology 2.0; overall 7.25/3 = 2.42
    assert quick.recommendations == ("REC-ROLES", "REC-TRAIN")
    assert (quick.days, quick.fewer, quick.fewer_days) == (25.0, 2, 80.0)
    assert quick.reaches["people"] == 3.0 and quick.overall == 2.42
    assert set(quick.open_gaps) == {"SP-PEO-02", "SP-PRO-01", "SP-PRO-02", "SP-TEC-01"}


def test_gaps_the_pack_cannot_close_are_listed_with_what_to_do(assessed) -> None:
    # targets 4 on SP-PEO-02, SP-PRO-01, SP-PRO-02, but the pack's advice serves level 3 there
    gaps = {u.question: u for u in assessed.plan.unaddressed}
    assert set(gaps) == {"SP-PEO-02", "SP-PRO-01", "SP-PRO-02"}
    assert (gaps["SP-PRO-02"].current, gaps["SP-PRO-02"].reaches) == (2.5, 3.0)
    assert gaps["SP-PRO-02"].pack_reaches == 3
    assert "level 3" in gaps["SP-PRO-02"].action and "level 4" in gaps["SP-PRO-02"].action


def test_training_needs_rescale_maturity_to_the_skill_scale(assessed) -> None:
    needs = [(n.role, n.skill, n.required, n.current, n.gap) for n in assessed.training]
    # planning ← SP-PEO-01 2.0 → 2.0 / 5 × 3 = 1.2; leadership ← SP-PEO-02 2.0 → 1.2
    # lead needs planning 3 (gap 1.8) and leadership 2 (gap 0.8); engineer needs planning 1: met
    assert needs == [
        ("Process lead", "Planning", 3, 1.2, 1.8),
        ("Process lead", "Leadership", 2, 1.2, 0.8),
    ]
    assert assessed.training[0].covers == ("Plan templates", "Estimating")


def test_a_skill_nobody_spoke_to_is_listed_to_be_confirmed(small: Path) -> None:
    opened = open_engagement(small)
    for interview in opened.interviews.values():
        interview.answers.pop("SP-PEO-02", None)
    result = score(Opened(opened.folder, opened.engagement, opened.interviews, opened.pack))
    unconfirmed = [n for n in result.training if n.current is None]
    assert [(n.role, n.skill) for n in unconfirmed] == [("Process lead", "Leadership")]
