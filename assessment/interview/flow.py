"""The interview flow without a terminal: which questions, in what order, where to resume.

Pure functions over a pack and a respondent's answers, so the flow can be tested (and reused
by forms and status) without prompts or files. Questions are grouped by perspective in the
pack's perspective order, and keep their pack order inside a perspective.

Skip logic: a question with `ask_when` is asked only when every condition holds for this
respondent's answers. A condition on a question this respondent is not asked at all (another
role's question) cannot be tested, so it does not hide the question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assessment.engagement.model import Answer
from assessment.pack.model import LEVEL_LABELS, Condition, Pack, Question, Role

NOT_APPLICABLE = "na"
UNKNOWN = "unknown"


def find_role(pack: Pack, name: str) -> Role | None:
    """The pack role whose id or name is `name` (case-insensitive), if any."""
    wanted = name.strip().casefold()
    return next(
        (r for r in pack.info.roles if wanted in (r.id.casefold(), r.name.casefold())), None
    )


def suits(question: Question, role: Role | None) -> bool:
    """A question suits a role when it names none or names that role; no role takes all."""
    return role is None or not question.roles or role.id in question.roles


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
class Plan:
    """The questions one respondent is offered, in order, before skip logic."""

    pack: Pack
    role: Role | None = None
    questions: tuple[Question, ...] = field(default=())

    @classmethod
    def make(cls, pack: Pack, role: Role | None, every_question: bool = False) -> Plan:
        chosen = [q for q in ordered(pack) if every_question or suits(q, role)]
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
    plan: Plan,
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


def previous_question(plan: Plan, answers: Mapping[str, Answer], before: str) -> Question | None:
    """The active question shown before `before` (answered or not); None at the start."""
    active = plan.active(answers)
    ids = [q.id for q in active]
    if before not in ids:
        order = {q.id: index for index, q in enumerate(plan.questions)}
        earlier = [q for q in active if order[q.id] < order.get(before, len(order))]
        return earlier[-1] if earlier else None
    index = ids.index(before)
    return active[index - 1] if index > 0 else None


def progress(plan: Plan, answers: Mapping[str, Answer], question: Question) -> str:
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


def completion(plan: Plan, answers: Mapping[str, Answer]) -> dict[str, tuple[int, int]]:
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


def describe(question: Question, answer: Answer | None) -> str:
    """A short human summary of an answer: `3 Defined`, `2 of 5 ticked`, `not applicable`."""
    if answer is None:
        return "not answered"
    if answer.not_scored:
        return "not applicable" if answer.not_scored == NOT_APPLICABLE else "don't know"
    if isinstance(answer.level, int):
        return f"{answer.level} {LEVEL_LABELS[answer.level]}"
    if answer.selected is not None:
        labels = {o.id: o.label for o in question.options}
        count = f"{len(answer.selected)} of {len(question.options)} ticked"
        names = ", ".join(labels.get(o, o) for o in answer.selected)
        return f"{count}: {names}" if answer.selected and len(names) <= 60 else count
    text = (answer.text or "").replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"
