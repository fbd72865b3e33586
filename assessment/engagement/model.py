"""Typed models of an engagement and its interviews: targets, ratings, respondents, answers."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from assessment.pack.model import Id, Strict
from assessment.pack.questions import NOT_SCORED, Level, Text

_LEVELS: dict[str, int | str] = {**{str(n): n for n in range(6)}, **{k: k for k in NOT_SCORED}}


class Targets(Strict):
    default: Level = 3
    perspectives: dict[Id, Level] = Field(default_factory=dict)
    questions: dict[Id, Level] = Field(default_factory=dict)


class Rating(Strict):
    """A consultant's rating that replaces the respondents' mean for one question."""

    level: Level
    rationale: Text


class InvestmentTerms(Strict):
    """What the plan costs and when it starts: a blended day rate (customer and consultant time
    alike), its currency, the programme's first day, and who sponsors it. Anything left out is
    defaulted by the plan and labelled as an assumption in every document."""

    day_rate: Annotated[float, Field(gt=0, lt=1_000_000)] | None = None
    currency: Annotated[str, StringConstraints(min_length=1, max_length=12)] | None = None
    start: dt.date | None = None
    sponsor: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


class Fact(Strict):
    """Something that happened, in the consultant's words, and the questions it bears on. A
    plain string is a fact that bears on no question in particular."""

    text: Text
    questions: tuple[Id, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


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
    investment: InvestmentTerms = Field(default_factory=InvestmentTerms)
    facts: list[Fact] = Field(default_factory=list)  # what happened, in the consultant's words


class Respondent(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    name: Text
    role: str = ""
    unit: str = ""
    id: str = ""  # stable respondent id: who the file is about, whatever its name or file name


class Answer(BaseModel):
    """One respondent's answer: a level (or na/unknown), selected options, text, or a measured
    value (a number or `unknown`); and a note."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    level: int | str | None = None
    selected: list[Id] | None = None
    text: str | None = None
    value: float | str | None = None
    note: str = ""

    @field_validator("value", mode="before")
    @classmethod
    def _number_or_unknown(cls, value: Any) -> Any:
        if value is None or isinstance(value, bool):
            if isinstance(value, bool):
                raise ValueError(f"value must be a number or `unknown` (got {value!r})")
            return value
        text = str(value).strip()
        if text == "unknown":
            return text
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"value must be a number or `unknown` (got {value!r})") from None
        if not math.isfinite(number):
            raise ValueError(f"value must be a finite number or `unknown` (got {value!r})")
        return number

    @field_validator("level", mode="before")
    @classmethod
    def _level_or_not_scored(cls, value: Any) -> Any:
        if value.__class__ is str and value in _LEVELS:  # as a file writes it: `3`, `na`
            return _LEVELS[value]
        if value is None or value in NOT_SCORED:
            return value
        text = str(value).strip()
        if text in NOT_SCORED:
            return text
        if text in {"0", "1", "2", "3", "4", "5"}:  # not isdigit(): it accepts "²" and "٣"
            return int(text)
        raise ValueError(f"level must be 0..5, `na` or `unknown` (got {value!r})")

    @model_validator(mode="after")
    def _one_kind(self) -> Answer:
        level, selected, text, value = self.level, self.selected, self.text, self.value
        if (level is None) + (selected is None) + (text is None) + (value is None) == 3:
            return self  # the usual answer: exactly one kind
        kinds = ("level", "selected", "text", "value")
        given = [k for k in kinds if getattr(self, k) is not None]
        if not given:
            raise ValueError("an answer needs `level`, `selected`, `text` or `value`")
        if len(given) > 1 and not (given == ["level", "selected"] and self.level in NOT_SCORED):
            raise ValueError(f"an answer takes one of level/selected/text/value, not {given}")
        return self

    @property
    def not_scored(self) -> str | None:
        """`na` or `unknown` when the respondent declined to place themselves or to measure."""
        if self.value == "unknown":
            return "unknown"
        return self.level if self.level in NOT_SCORED else None  # type: ignore[return-value]

    @property
    def measured(self) -> float | None:
        """The number a metric answer gives, if any."""
        return self.value if isinstance(self.value, float) else None


class Interview(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    respondent: Respondent
    date: dt.date | None = None
    pack_fingerprint: str = ""
    answers: dict[Id, Answer] = Field(default_factory=dict)
