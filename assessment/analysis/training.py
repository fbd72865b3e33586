"""Training needs per process role and skill, from the gaps the people perspective shows.

Each skill in the pack links to the people-perspective questions that evidence it. A skill's
current level is estimated from those questions' current maturity, rescaled from 0–5 to the
pack's skill scale (e.g. 1–3 Basic/Intermediate/Advanced): current ÷ 5 × top skill level.
A need is listed where a role requires a higher level than the estimate, or where no question
about the skill was answered (to be confirmed with the customer).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.pack.model import Pack


@dataclass(frozen=True)
class TrainingNeed:
    role: str
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


def training_needs(pack: Pack, questions: pd.DataFrame) -> list[TrainingNeed]:
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
                TrainingNeed(
                    role=role.name,
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
