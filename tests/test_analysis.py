"""Views, roadmap, alternatives and training needs on the small engagement, computed by hand.

Small engagement (see test_scoring): SP-PEO-01 2.0 (target 3), SP-PEO-02 2.0 (target 4,
weight 2), SP-PRO-01 2.0 and SP-PRO-02 2.5 (targets 4), SP-TEC-01 rated 2 (target 3).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.analysis.roadmap import horizon_totals, roadmap
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


def test_roadmap_windows_and_effort_totals(assessed) -> None:
    windows = {item.id: item.horizon for item in assessed.roadmap}
    # TRAIN quick win → 0–3; ROLES and PLAN tactical medium → 3–12; AUTOMATE strategic → 12+
    assert windows == {
        "REC-TRAIN": "0–3 months",
        "REC-ROLES": "3–12 months",
        "REC-PLAN": "3–12 months",
        "REC-AUTOMATE": "12+ months",
    }
    totals = horizon_totals(assessed.roadmap)
    assert totals["days"].tolist() == [5.0, 40.0, 60.0]  # low 5; medium 20 + 20; high 60
    assert totals["recommendations"].tolist() == [1, 2, 1]


def test_a_dependant_never_starts_before_its_dependency(assessed) -> None:
    # Make TRAIN depend on AUTOMATE (strategic, 12+): the quick win must wait for it.
    train = next(r for r in assessed.recommendations if r.id == "REC-TRAIN")
    rec = train.recommendation.model_copy(update={"depends_on": ("REC-AUTOMATE",)})
    ranked = [
        r if r.id != "REC-TRAIN" else type(r)(**{**vars(r), "recommendation": rec})
        for r in assessed.recommendations
    ]
    windows = {item.id: item.horizon for item in roadmap(assessed.pack, ranked)}
    assert windows["REC-TRAIN"] == "12+ months"


def test_alternatives_with_their_effort_and_the_maturity_they_reach(assessed) -> None:
    paths = {a.name: a for a in assessed.alternatives}
    minimal = paths["Minimal path"]
    # every recommendation covers a gap no other covers → all four, 5 + 20 + 20 + 60 days
    assert (len(minimal.recommendations), minimal.days) == (4, 105.0)
    assert minimal.reaches == {"people": 3.67, "process": 4.0, "technology": 3.0}
    quick = paths["Quick wins only"]
    # TRAIN lifts SP-PEO-01 to 3: people (1×3 + 2×2)/3 = 2.33; overall (2.33+2.25+2)/3 = 2.19
    assert quick.recommendations == ("REC-TRAIN",)
    assert quick.reaches["people"] == 2.33 and quick.overall == 2.19
    assert set(quick.open_gaps) == {"SP-PEO-02", "SP-PRO-01", "SP-PRO-02", "SP-TEC-01"}


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
