"""Training needs per process role and skill, from the gaps the people perspective shows.

Each skill in the pack links to the people-perspective questions that evidence it. A skill's
current level is estimated from those questions' current maturity, rescaled from 0–5 to the
pack's skill scale (e.g. 1–3 Basic/Intermediate/Advanced): current ÷ 5 × top skill level.
A need is listed where a role requires a higher level than the estimate, or where no question
about the skill was answered (to be confirmed with the customer).

Courses (the training plan's schedule): one per skill with a need, in the order of its widest
need. Its attendees are the roles that need it; a process role counts the interviewees whose
role has the same id in the pack (none interviewed: to be confirmed). It runs in the programme
quarter in which the first recommendation that needs it starts: a recommendation needs a skill
when it fires on a question that evidences the skill; a course no recommendation needs runs in
the first quarter. Training days = course days × attendees counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.analysis.plan import Plan
from assessment.pack.model import Pack

MONTHS_A_QUARTER = 3


@dataclass(frozen=True)
class RoleTrainingNeed:
    role: str
    role_id: str
    skill: str
    skill_id: str
    required: int
    current: float | None  # on the skill scale; None when nothing was answered
    gap: float | None
    questions: tuple[str, ...]
    covers: tuple[str, ...]
    format: str
    days: float | None

    @property
    def confirmed(self) -> bool:
        return self.current is not None


def training_needs(pack: Pack, questions: pd.DataFrame) -> list[RoleTrainingNeed]:
    """One row per role and skill where the required level is not reached, biggest gap first."""
    knowledge = pack.knowledge
    if not knowledge.roles or not knowledge.skills:
        return []
    top = max((level.level for level in knowledge.skill_levels), default=3)
    skills = {skill.id: skill for skill in knowledge.skills}
    current = questions["current"]
    needs = []
    for role in knowledge.roles:
        for want in role.skills:
            skill = skills[want.skill]
            linked = [q for q in skill.questions if q in current.index and pd.notna(current[q])]
            estimate = round(float(current[linked].mean()) / 5 * top, 1) if linked else None
            if estimate is not None and estimate >= want.level:
                continue
            gap = None if estimate is None else round(want.level - estimate, 1)
            training = skill.training
            needs.append(
                RoleTrainingNeed(
                    role=role.name,
                    role_id=role.id,
                    skill=skill.name,
                    skill_id=skill.id,
                    required=want.level,
                    current=estimate,
                    gap=gap,
                    questions=tuple(skill.questions),
                    covers=tuple(training.covers) if training else (),
                    format=training.format if training else "",
                    days=training.days if training else None,
                )
            )
    return sorted(needs, key=lambda n: (n.gap is None, -(n.gap or 0), n.role, n.skill))


@dataclass(frozen=True)
class Attendees:
    """A role on a course and how many of its people attend (None: to be confirmed)."""

    role: str
    count: int | None


@dataclass(frozen=True)
class Course:
    """One course of the schedule: who attends, when it runs, how many training days it takes."""

    skill: str
    format: str
    days: float | None  # per attendee; None: to be agreed
    covers: tuple[str, ...]
    attendees: tuple[Attendees, ...]
    quarter: int  # programme quarter, 1 = the first three months from the start
    needed_by: tuple[str, ...]  # recommendation ids that need the skill, in start order

    @property
    def people(self) -> int:
        """Attendees counted (roles to be confirmed add none)."""
        return sum(a.count or 0 for a in self.attendees)

    @property
    def training_days(self) -> float:
        return (self.days or 0) * self.people


def courses(
    pack: Pack, needs: list[RoleTrainingNeed], plan: Plan, respondents: pd.DataFrame
) -> list[Course]:
    """The training schedule: one course per skill with a need, widest need first."""
    skills = {skill.id: skill for skill in pack.knowledge.skills}
    interviewed = _interviewed(pack, respondents)
    by_skill: dict[str, list[RoleTrainingNeed]] = {}
    for need in needs:
        by_skill.setdefault(need.skill_id, []).append(need)
    result = []
    for skill_id, group in by_skill.items():
        evidence = set(skills[skill_id].questions)
        needed_by = [i for i in plan.items if evidence & set(i.questions)]
        first = min((plan.windows[i.window].start for i in needed_by), default=0)
        roles = dict.fromkeys((n.role, n.role_id) for n in group)
        result.append(
            Course(
                skill=group[0].skill,
                format=group[0].format,
                days=group[0].days,
                covers=group[0].covers,
                attendees=tuple(Attendees(name, interviewed.get(rid)) for name, rid in roles),
                quarter=first // MONTHS_A_QUARTER + 1,
                needed_by=tuple(i.id for i in needed_by),
            )
        )
    return result


def _interviewed(pack: Pack, respondents: pd.DataFrame) -> dict[str, int]:
    """Interviewees per pack role id, matching the respondent's role by the role's id or name."""
    names = {key.casefold(): r.id for r in pack.info.interviewees for key in (r.id, r.name)}
    counts: dict[str, int] = {}
    for role in respondents.get("role", ()):
        found = names.get(str(role or "").strip().casefold())
        if found:
            counts[found] = counts.get(found, 0) + 1
    return counts
