"""The interview flow without a terminal: order, role filter, skip logic, resume point, progress."""

from __future__ import annotations

import pytest

from assessment.engagement.model import Answer
from assessment.interview import flow
from assessment.pack.load import load_pack
from assessment.pack.model import Pack
from assessment.pack.questions import Condition
from tests.conftest import SAMPLE_PACK


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(SAMPLE_PACK)


def ids(questions) -> list[str]:
    return [q.id for q in questions]


def test_questions_are_grouped_by_perspective_in_pack_order(pack: Pack) -> None:
    assert ids(flow.ordered(pack)) == [
        "SP-PEO-01",
        "SP-PEO-02",
        "SP-PRO-01",
        "SP-PRO-02",
        "SP-PRO-03",
        "SP-TEC-01",
    ]


@pytest.mark.parametrize(
    ("role", "every", "expected"),
    [
        ("manager", False, ["SP-PEO-01", "SP-PEO-02", "SP-PRO-01", "SP-PRO-03"]),
        ("Engineer", False, ["SP-PEO-01", "SP-PRO-01", "SP-PRO-02", "SP-PRO-03", "SP-TEC-01"]),
        (
            "manager",
            True,
            ["SP-PEO-01", "SP-PEO-02", "SP-PRO-01", "SP-PRO-02", "SP-PRO-03", "SP-TEC-01"],
        ),
        (
            None,
            False,
            ["SP-PEO-01", "SP-PEO-02", "SP-PRO-01", "SP-PRO-02", "SP-PRO-03", "SP-TEC-01"],
        ),
    ],
)
def test_the_role_chooses_the_questions_and_all_overrides_it(
    pack: Pack, role: str | None, every: bool, expected: list[str]
) -> None:
    chosen = flow.find_role(pack, role) if role else None
    assert ids(flow.QuestionPlan.make(pack, chosen, every).questions) == expected


def test_roles_match_by_id_or_name_case_insensitively(pack: Pack) -> None:
    assert flow.find_role(pack, "MANAGER").id == "manager"  # type: ignore[union-attr]
    assert flow.find_role(pack, " engineer ").name == "Engineer"  # type: ignore[union-attr]
    assert flow.find_role(pack, "janitor") is None


@pytest.mark.parametrize(
    ("condition", "answer", "met"),
    [
        ("below 3", Answer(level=2), True),
        ("below 3", Answer(level=3), False),
        ("at least 1", Answer(level=1), True),
        ("at least 1", Answer(level=0), False),
        ("at least 1", Answer(level="na"), False),
        ("includes test", Answer(selected=["review", "test"]), True),
        ("includes test", Answer(selected=["review"]), False),
        ("answered", Answer(text="Ann"), True),
        ("answered", Answer(level="unknown"), False),
        ("answered", None, False),
    ],
)
def test_conditions(condition: str, answer: Answer | None, met: bool) -> None:
    assert flow.condition_met(Condition.parse(condition), answer) is met


def test_skip_logic_hides_a_question_until_its_condition_holds(pack: Pack) -> None:
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, "engineer"))
    assert "SP-TEC-01" not in ids(plan.active({}))
    assert "SP-TEC-01" not in ids(plan.active({"SP-PRO-01": Answer(level=0)}))
    assert "SP-TEC-01" in ids(plan.active({"SP-PRO-01": Answer(level=1)}))


def test_a_condition_on_a_question_not_offered_does_not_hide(pack: Pack) -> None:
    plan = flow.QuestionPlan(pack, None, tuple(q for q in pack.questions if q.id == "SP-TEC-01"))
    assert ids(plan.active({})) == ["SP-TEC-01"]


def test_resume_point_is_the_first_unanswered_question(pack: Pack) -> None:
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, "manager"))
    answers = {"SP-PEO-01": Answer(level=1), "SP-PEO-02": Answer(level=2)}
    assert flow.next_question(plan, {}).id == "SP-PEO-01"  # type: ignore[union-attr]
    assert flow.next_question(plan, answers).id == "SP-PRO-01"  # type: ignore[union-attr]


def test_after_a_change_the_flow_continues_where_it_left_off(pack: Pack) -> None:
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, "manager"))
    answers = {"SP-PEO-01": Answer(level=1), "SP-PEO-02": Answer(level=2)}
    assert flow.next_question(plan, answers, after="SP-PEO-01").id == "SP-PRO-01"  # type: ignore[union-attr]
    skipped = ["SP-PRO-01"]
    assert flow.next_question(plan, answers, "SP-PEO-02", skipped).id == "SP-PRO-03"  # type: ignore[union-attr]
    done = {**answers, "SP-PRO-03": Answer(text="x")}
    assert flow.next_question(plan, done, "SP-PRO-03", skipped) is None


def test_back_goes_to_the_previous_asked_question(pack: Pack) -> None:
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, "engineer"))
    assert flow.previous_question(plan, {}, "SP-PEO-01") is None
    assert flow.previous_question(plan, {}, "SP-PRO-01").id == "SP-PEO-01"  # type: ignore[union-attr]


def test_progress_names_the_perspective_and_overall_place(pack: Pack) -> None:
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, "manager"))
    assert flow.progress(plan, {}, pack.question("SP-PRO-03")) == "Process 2/2 · overall 4/4"


def test_completion_per_perspective(pack: Pack) -> None:
    plan = flow.QuestionPlan.make(pack, flow.find_role(pack, "manager"))
    done = flow.completion(plan, {"SP-PEO-01": Answer(level=1), "SP-PRO-01": Answer(level="na")})
    assert done == {"people": (1, 2), "process": (1, 2), "technology": (0, 0)}


def test_answers_to_questions_a_pack_lost_are_reported(pack: Pack) -> None:
    assert flow.orphans(pack, {"SP-GONE-01": Answer(level=1), "SP-PEO-01": Answer(level=1)}) == [
        "SP-GONE-01"
    ]


@pytest.mark.parametrize(
    ("qid", "answer", "text"),
    [
        ("SP-PEO-01", Answer(level=3), "3 Defined"),
        ("SP-PEO-01", Answer(level="na"), "not applicable"),
        ("SP-PEO-01", Answer(level="unknown"), "don't know"),
        ("SP-PRO-02", Answer(selected=["test"]), "1 of 3 ticked: Test"),
        ("SP-PRO-02", Answer(selected=[]), "0 of 3 ticked"),
        ("SP-PRO-03", Answer(text="Ann Lee"), "Ann Lee"),
        ("SP-PRO-03", None, "not answered"),
    ],
)
def test_describe(pack: Pack, qid: str, answer: Answer | None, text: str) -> None:
    assert flow.describe(pack.question(qid), answer) == text


def test_answers_are_built_from_choices() -> None:
    assert flow.level_answer("4", "seen the KPI report") == Answer(
        level=4, note="seen the KPI report"
    )
    assert flow.level_answer("na").level == "na"
    assert flow.options_answer(["test"]).selected == ["test"]
    assert flow.text_answer("007").text == "007"


def test_status_shows_completion_and_questions_nobody_answered(small, cli) -> None:
    (small / "interviews" / "cy-dee.yaml").write_text(
        "respondent: {name: Cy Dee, role: engineer}\nanswers:\n  SP-PEO-01: {level: 2}\n"
    )
    result = cli("status", small)
    assert result.code == 0, result.err
    assert "Ann Lee" in result.out and "Cy Dee" in result.out
    assert "1/4" in result.out  # Cy Dee: 1 of the 4 engineer questions (TEC-01 waits)
    assert "Every question has at least one answer." in result.out  # Ann and Bo cover them all
    assert "Not answered" not in result.out


def test_status_lists_unanswered_questions(tmp_path, cli) -> None:
    from tests.conftest import interview, write_engagement

    folder = write_engagement(
        tmp_path / "eng", {}, {"jane": interview("Jane", "manager", SP_PEO_01=1, SP_GONE=2)}
    )
    result = cli("status", folder)
    assert result.code == 0, result.err
    assert "Not answered by anyone yet (5):" in result.out
    assert "SP-PRO-02  Which checks does the work pass?" in result.out
    assert "SP-GONE" in result.out  # an answer the pack no longer has is reported
