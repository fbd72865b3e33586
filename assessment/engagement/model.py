"""Typed models of an engagement and its interviews: targets, ratings, respondents, answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assessment.pack.model import NOT_SCORED, Id, Level, Strict, Text


class Targets(Strict):
    default: Level = 3
    perspectives: dict[Id, Level] = Field(default_factory=dict)
    questions: dict[Id, Level] = Field(default_factory=dict)


class Rating(Strict):
    """A consultant's rating that replaces the respondents' mean for one question."""

    level: Level
    rationale: Text


class Engagement(BaseModel):
    """engagement.yaml. Extra keys are kept: consultants may record more than we read."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    customer: Text
    pack: Text  # a pack name on the search path, or a path relative to the engagement folder
    date: dt.date | None = None
    organisation: str = ""
    consultant: str = ""
    targets: Targets = Field(default_factory=Targets)
    ratings: dict[Id, Rating] = Field(default_factory=dict)
    priorities: list[Id] = Field(default_factory=list)
    kpi_goals: dict[Id, Text] = Field(default_factory=dict)  # KPI id → agreed goal


class Respondent(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    name: Text
    role: str = ""
    unit: str = ""


class Answer(BaseModel):
    """One respondent's answer: a level (or na/unknown), selected options, or text; and a note."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    level: int | str | None = None
    selected: list[Id] | None = None
    text: str | None = None
    note: str = ""

    @field_validator("level", mode="before")
    @classmethod
    def _level_or_not_scored(cls, value: Any) -> Any:
        if value is None or value in NOT_SCORED:
            return value
        text = str(value).strip()
        if text in NOT_SCORED:
            return text
        if text.isdigit() and 0 <= int(text) <= 5:
            return int(text)
        raise ValueError(f"level must be 0..5, `na` or `unknown` (got {value!r})")

    @model_validator(mode="after")
    def _one_kind(self) -> Answer:
        given = [k for k in ("level", "selected", "text") if getattr(self, k) is not None]
        if not given:
            raise ValueError("an answer needs `level`, `selected` or `text`")
        if len(given) > 1 and not (given == ["level", "selected"] and self.level in NOT_SCORED):
            raise ValueError(f"an answer takes one of level/selected/text, not {given}")
        return self

    @property
    def not_scored(self) -> str | None:
        """`na` or `unknown` when the respondent declined to place themselves."""
        return self.level if self.level in NOT_SCORED else None  # type: ignore[return-value]


class Interview(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    respondent: Respondent
    date: dt.date | None = None
    pack_fingerprint: str = ""
    answers: dict[Id, Answer] = Field(default_factory=dict)
