"""The interview flow without a terminal: which questions, in what order, where to resume.

Pure functions over a pack and a respondent's answers, so the flow can be tested (and reused
by forms and status) without prompts or files. Questions are grouped by perspective in the
pack's perspective order, and keep their pack order inside a perspective.

Skip logic: a question with `ask_when` is asked only when every condition holds for this
respondent's answers. A condition on a question this respondent is not asked at all (another
role's question) cannot be tested, so it does not hide the question.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assessment.engagement.model import Answer
from assessment.pack.model import Interviewee, Pack
from assessment.pack.questions import LEVEL_LABELS, Condition, Question
from assessment.text import shorten

NOT_APPLICABLE = "na"
UNKNOWN = "unknown"


def find_role(pack: Pack, name: str) -> Interviewee | None:
    """The pack role whose id or name is `name` (case-insensitive), if any."""
    wanted = name.strip().casefold()
    return next(
        (r for r in pack.info.interviewees if wanted in (r.id.casefold(), r.name.casefold())), None
    )


def suits(question: Question, role: Interviewee | None) -> bool:
    """A question suits a role when it names none or names that role; no role takes all."""
    return role is None or not question.interviewees or role.id in question.interviewees


def _core(question: Question, role: Interviewee | None) -> bool:
    """Without a known role every suited question is offered; `core` is per role."""
    return role is None or question.is_core_for(role.id)


def ordered(pack: Pack) -> list[Question]:
    """Every question of the pack, grouped by perspective in the pack's perspective order."""
    rank = {p.id: index for index, p in enumerate(pack.info.perspectives)}
    indexed = list(enumerate(pack.questions))
    indexed.sort(key=lambda item: (rank.get(item[1].perspective, len(rank)), item[0]))
    return [question for _, question in indexed]


def condition_met(condition: Condition, answer: Answer | None) -> bool:
    """Does one `ask_when` condition hold for an answer? `answered` excludes na/unknown."""
    if answer is None or answer.not_scored:
        return False
    if condition.op == "answered":
        return True
    if condition.op == "includes":
        return condition.arg in (answer.selected or [])
    if not isinstance(answer.level, int):
        return False
    if condition.op == "below":
        return answer.level < condition.level
    return answer.level >= condition.level


@dataclass(frozen=True)
class QuestionPlan:
    """The questions one respondent is offered, in order, before skip logic."""

    pack: Pack
    role: Interviewee | None = None
    questions: tuple[Question, ...] = field(default=())

    @classmethod
    def make(
        cls,
        pack: Pack,
        role: Interviewee | None,
        every_question: bool = False,
        extended: bool = False,
    ) -> QuestionPlan:
        """The role's core questions; `extended` adds its other ones, `every_question` all.

        Derived metrics are computed from other answers, so they are never offered.
        """
        chosen = [
            q
            for q in ordered(pack)
            if q.asked and (every_question or (suits(q, role) and (extended or _core(q, role))))
        ]
        return cls(pack, role, tuple(chosen))

    def ids(self) -> set[str]:
        return {q.id for q in self.questions}

    def is_asked(self, question: Question, answers: Mapping[str, Answer]) -> bool:
        """Skip logic: every condition on a question in this plan must hold."""
        offered = self.ids()
        return all(
            condition_met(cond, answers.get(qid))
            for qid, cond in question.ask_when.items()
            if qid in offered
        )

    def active(self, answers: Mapping[str, Answer]) -> list[Question]:
        """The questions asked given the answers so far, in order."""
        return [q for q in self.questions if self.is_asked(q, answers)]


def next_question(
    plan: QuestionPlan,
    answers: Mapping[str, Answer],
    after: str | None = None,
    skipped: Sequence[str] = (),
) -> Question | None:
    """The first unanswered, unskipped active question after `after`, else from the start."""
    open_questions = [q for q in plan.active(answers) if q.id not in answers]
    open_questions = [q for q in open_questions if q.id not in skipped]
    if not open_questions:
        return None
    if after is not None:
        order = {q.id: index for index, q in enumerate(plan.questions)}
        position = order.get(after, -1)
        later = [q for q in open_questions if order[q.id] > position]
        if later:
            return later[0]
    return open_questions[0]


def previous_question(
    plan: QuestionPlan, answers: Mapping[str, Answer], before: str
) -> Question | None:
    """The active question shown before `before` (answered or not); None at the start."""
    active = plan.active(answers)
    ids = [q.id for q in active]
    if before not in ids:
        order = {q.id: index for index, q in enumerate(plan.questions)}
        earlier = [q for q in active if order[q.id] < order.get(before, len(order))]
        return earlier[-1] if earlier else None
    index = ids.index(before)
    return active[index - 1] if index > 0 else None


def progress(plan: QuestionPlan, answers: Mapping[str, Answer], question: Question) -> str:
    """`Process 7/16 · overall 31/82`: the question's place in its perspective and overall."""
    active = plan.active(answers)
    if question not in active:
        active = [q for q in plan.questions if q in active or q is question]
    same = [q for q in active if q.perspective == question.perspective]
    name = plan.pack.perspective_name(question.perspective)
    return (
        f"{name} {same.index(question) + 1}/{len(same)} · "
        f"overall {active.index(question) + 1}/{len(active)}"
    )


def completion(plan: QuestionPlan, answers: Mapping[str, Answer]) -> dict[str, tuple[int, int]]:
    """Per perspective id: (answered, asked) over the active questions, in perspective order."""
    result = {p.id: (0, 0) for p in plan.pack.info.perspectives}
    for question in plan.active(answers):
        done, total = result.get(question.perspective, (0, 0))
        result[question.perspective] = (done + (question.id in answers), total + 1)
    return result


def orphans(pack: Pack, answers: Mapping[str, Answer]) -> list[str]:
    """Answered question ids the pack no longer has (kept in the file, reported, never moved)."""
    return sorted(qid for qid in answers if not pack.has_question(qid))


def level_answer(choice: str, note: str = "") -> Answer:
    """An answer from a scale choice: "0".."5", `na` or `unknown`."""
    if choice in (NOT_APPLICABLE, UNKNOWN):
        return Answer(level=choice, note=note)
    return Answer(level=int(choice), note=note)


def options_answer(selected: Sequence[str], note: str = "") -> Answer:
    return Answer(selected=list(selected), note=note)


def text_answer(text: str, note: str = "") -> Answer:
    return Answer(text=text, note=note)


def measure_answer(question: Question, typed: str) -> Answer | str:
    """A metric answer from what was typed: a number within the question's range, or
    `unknown`; otherwise the message that says what to type."""
    text = typed.strip().replace(" ", "")
    if text.casefold() in (UNKNOWN, "?"):
        return Answer(value=UNKNOWN)
    try:
        number = float(text)
    except ValueError:
        return f"{typed.strip()[:40]!r} is not a number; type {measure_hint(question)}"
    if not math.isfinite(number) or not question.in_range(number):
        return f"{typed.strip()[:40]} is outside the plausible range; type {measure_hint(question)}"
    return Answer(value=number)


def measure_unit(question: Question) -> str:
    """`deployments per quarter (0–10000)`: what a metric answer counts, and its plausible range."""
    unit = f"{question.unit} per {question.period}" if question.period else question.unit
    span = f" ({question.range[0]:g}–{question.range[1]:g})" if question.range else ""
    return f"{unit}{span}"


def measure_hint(question: Question) -> str:
    """`the number of deployments per quarter (0–10000), or `unknown` if it is not measured`."""
    return f"the number of {measure_unit(question)}, or `unknown` if it is not measured"


def measure_text(question: Question, value: float) -> str:
    """`12 deployments per quarter`, `22 %`."""
    period = f" per {question.period}" if question.period else ""
    return f"{value:g} {question.unit}{period}"


def describe(question: Question, answer: Answer | None) -> str:
    """A short human summary of an answer: `3 Defined`, `2 of 5 ticked`, `not applicable`."""
    if answer is None:
        return "not answered"
    if answer.not_scored:
        return "not applicable" if answer.not_scored == NOT_APPLICABLE else "don't know"
    if answer.measured is not None:
        return measure_text(question, answer.measured)
    if isinstance(answer.level, int):
        return f"{answer.level} {LEVEL_LABELS[answer.level]}"
    if answer.selected is not None:
        labels = {o.id: o.label for o in question.options}
        count = f"{len(answer.selected)} of {len(question.options)} ticked"
        names = ", ".join(labels.get(o, o) for o in answer.selected)
        return f"{count}: {names}" if answer.selected and len(names) <= 60 else count
    return shorten(answer.text or "", 40)
