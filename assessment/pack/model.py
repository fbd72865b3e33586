"""Typed models of packs: perspectives, roles, phases, questions, recommendations."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from assessment.pack.knowledge import Id, Knowledge, Strict

LEVEL_LABELS = {
    0: "Non-existent",
    1: "Initial",
    2: "Repeatable",
    3: "Defined",
    4: "Managed",
    5: "Optimized",
}
NOT_SCORED = ("na", "unknown")

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Level = Annotated[int, Field(ge=0, le=5)]
Weight = Annotated[float, Field(gt=0, le=100)]

_CONDITION = re.compile(r"^(below|at least|includes)\s+(\S+)$|^answered$")


class Condition(Strict):
    """A test on one question's answer: `below 3`, `at least 2`, `includes perf`, `answered`."""

    op: Literal["below", "at least", "includes", "answered"]
    arg: str = ""

    @classmethod
    def parse(cls, raw: Any) -> Condition:
        text = str(raw).strip()
        match = _CONDITION.match(text)
        if not match:
            raise ValueError(
                f"condition {text!r} not understood; write `below N`, `at least N`, "
                "`includes OPTION` or `answered`"
            )
        if text == "answered":
            return cls(op="answered")
        op, arg = match.group(1), match.group(2)
        if op != "includes" and arg not in {str(n) for n in range(6)}:
            raise ValueError(f"condition {text!r}: the level must be 0..5")
        return cls(op=op, arg=arg)

    @property
    def level(self) -> int:
        return int(self.arg)

    def __str__(self) -> str:
        return f"{self.op} {self.arg}".strip()


def _conditions(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: Condition.parse(cond) for key, cond in value.items()}
    return value


class Perspective(Strict):
    id: Id
    name: Text
    description: str = ""


class Role(Strict):
    """An interviewee role a question can suit (process owner, service desk, ...)."""

    id: Id
    name: Text
    description: str = ""


class Phase(Strict):
    """A phase of the delivery method, used to place recommendations on the roadmap."""

    id: Id
    name: Text
    description: str = ""


class EffortSize(Strict):
    id: Id
    name: Text
    days: Annotated[float, Field(gt=0)]


class Option(Strict):
    """One checkbox of a multi question."""

    id: Id
    label: Text
    weight: Weight = 1.0


class Question(Strict):
    """One question of the bank: a scale (levels 0..5), a checklist (multi) or a fact (text)."""

    id: Id
    perspective: Id
    type: Literal["scale", "multi", "text"] = "scale"
    text: Text
    help: str = ""
    weight: Weight = 1.0
    roles: tuple[Id, ...] = ()
    informs: dict[str, tuple[Id, ...]] = Field(default_factory=dict)
    ask_when: dict[Id, Condition] = Field(default_factory=dict)
    levels: dict[Level, Text] = Field(default_factory=dict)
    options: tuple[Option, ...] = ()

    @field_validator("ask_when", mode="before")
    @classmethod
    def _parse_conditions(cls, value: Any) -> Any:
        return _conditions(value)

    @field_validator("informs", mode="before")
    @classmethod
    def _listify_informs(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: v if isinstance(v, list | tuple) else [v] for k, v in value.items()}
        return value

    @field_validator("options", mode="before")
    @classmethod
    def _options_from_mapping(cls, value: Any) -> Any:
        """Accept `{perf: 1}` or `{perf: {label: Performance, weight: 1}}` as well as a list."""
        if not isinstance(value, dict):
            return value
        options = []
        for key, spec in value.items():
            if isinstance(spec, dict):
                options.append({"id": key, **spec})
            else:
                label = str(key).replace("-", " ").replace("_", " ").capitalize()
                options.append({"id": key, "label": label, "weight": spec})
        return options

    @model_validator(mode="after")
    def _shape_fits_type(self) -> Question:
        if self.type == "scale" and sorted(self.levels) != list(range(6)):
            missing = sorted(set(range(6)) - set(self.levels))
            raise ValueError(f"a scale question needs levels 0..5; missing {missing}")
        if self.type != "scale" and self.levels:
            raise ValueError(f"a {self.type} question takes no `levels`")
        if self.type == "multi" and len(self.options) < 2:
            raise ValueError("a multi question needs at least two `options`")
        if self.type != "multi" and self.options:
            raise ValueError(f"a {self.type} question takes no `options`")
        ids = [option.id for option in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError("option ids must be unique")
        return self

    @property
    def scored(self) -> bool:
        return self.type != "text"

    def option_ids(self) -> list[str]:
        return [option.id for option in self.options]


class Recommendation(Strict):
    """A recommendation and the gap pattern that triggers it."""

    id: Id
    title: Text
    perspective: Id
    band: Annotated[int, Field(ge=1, le=5)] | None = None
    triggers: dict[Id, Condition]
    horizon: Literal["tactical", "strategic"]
    effort: Id
    impact: Literal["low", "medium", "high"]
    phase: Id
    initial_win: bool = False
    depends_on: tuple[Id, ...] = ()
    rationale: Text
    steps: tuple[Text, ...] = Field(min_length=1)
    benefits: str = ""

    @model_validator(mode="before")
    @classmethod
    def _triggers_from_band(cls, data: Any) -> Any:
        """`band: 4` with `triggers: [Q1, Q2]` means each listed question `below 4`."""
        if isinstance(data, dict) and isinstance(data.get("triggers"), list | tuple):
            band = data.get("band")
            if band is None:
                raise ValueError(
                    "a list of `triggers` needs `band: N` (the level it brings them to)"
                )
            data = {**data, "triggers": {qid: f"below {band}" for qid in data["triggers"]}}
        return data

    @field_validator("triggers", mode="before")
    @classmethod
    def _parse_conditions(cls, value: Any) -> Any:
        return _conditions(value)

    @model_validator(mode="after")
    def _has_triggers(self) -> Recommendation:
        if not self.triggers:
            raise ValueError("`triggers` needs at least one question, e.g. {RM-PRO-07: below 3}")
        return self

    @property
    def serves(self) -> int:
        """The level this recommendation brings its practices to: `band`, or its `below N`."""
        if self.band is not None:
            return self.band
        return max((c.level for c in self.triggers.values() if c.op == "below"), default=3)


class PackInfo(Strict):
    """pack.yaml: what the pack is about and the vocabularies its questions use."""

    id: Id
    name: Text
    process: Text
    version: Text
    framework: str = ""
    method: str = ""  # the assessment method's name, as the documents print it
    description: str = ""
    perspectives: tuple[Perspective, ...] = Field(min_length=1)
    roles: tuple[Role, ...] = ()
    phases: tuple[Phase, ...] = ()
    effort: tuple[EffortSize, ...] = ()


class Pack(BaseModel):
    """A whole pack: metadata, questions, recommendations and process knowledge."""

    model_config = ConfigDict(frozen=True)

    info: PackInfo
    questions: tuple[Question, ...]
    recommendations: tuple[Recommendation, ...] = ()
    knowledge: Knowledge = Field(default_factory=Knowledge)
    fingerprint: str = ""
    source: str = ""

    def question(self, qid: str) -> Question:
        return self._questions_by_id()[qid]

    def _questions_by_id(self) -> dict[str, Question]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {q.id: q for q in self.questions}
            self.__dict__["_by_id"] = cache
        return cache

    def has_question(self, qid: str) -> bool:
        return qid in self._questions_by_id()

    def perspective_name(self, pid: str) -> str:
        return next((p.name for p in self.info.perspectives if p.id == pid), pid)
