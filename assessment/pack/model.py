"""Typed models of packs: perspectives, interviewees, phases, questions, recommendations."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from assessment.pack.knowledge import Id, Knowledge, Strict
from assessment.pack.questions import Condition, Question, Text, _conditions


class Perspective(Strict):
    id: Id
    name: Text
    description: str = ""


class Interviewee(Strict):
    """An interviewee role a question can suit (process owner, service desk, ...); the process
    roles of the knowledge are `ProcessRole`."""

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
    owner: Id | None = None
    success_measure: str = ""
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


class PlanWindow(Strict):
    """A time window of the plan (`0–3 months`) and the horizon its work counts as."""

    id: Id
    name: Text
    start: Annotated[int, Field(ge=0)]  # months from the start of the programme
    end: Annotated[int, Field(gt=0)] | None = None  # None: open-ended (the last window)
    horizon: Literal["tactical", "strategic"]


DEFAULT_WINDOWS = (
    PlanWindow(id="first", name="0–3 months", start=0, end=3, horizon="tactical"),
    PlanWindow(id="second", name="3–12 months", start=3, end=12, horizon="tactical"),
    PlanWindow(id="later", name="12+ months", start=12, end=None, horizon="strategic"),
)


class PackInfo(Strict):
    """pack.yaml: what the pack is about and the vocabularies its questions use."""

    id: Id
    name: Text
    process: Text
    version: Text
    base: Id | None = None  # the shared method it builds on: `_base/<base>.yaml` of a packs folder
    replaces: tuple[Id, ...] = ()  # keys written in full here, not merged with the base's items
    framework: str = ""
    method: str = ""  # the assessment method's name, as the documents print it
    description: str = ""
    perspectives: tuple[Perspective, ...] = Field(min_length=1)
    interviewees: tuple[Interviewee, ...] = ()  # who is interviewed (process roles: knowledge)
    phases: tuple[Phase, ...] = ()
    effort: tuple[EffortSize, ...] = ()
    weighting: str = ""  # the question-weighting rule, printed in the method appendix
    windows: tuple[PlanWindow, ...] = DEFAULT_WINDOWS

    @model_validator(mode="after")
    def _windows_in_order(self) -> PackInfo:
        """Windows follow each other without gaps; tactical ones first, the last open-ended."""
        problems = []
        for before, after in zip(self.windows, self.windows[1:], strict=False):
            if before.end != after.start:
                problems.append(f"window {after.id!r} must start where {before.id!r} ends")
            if before.horizon == "strategic" and after.horizon == "tactical":
                problems.append(f"tactical window {after.id!r} cannot follow a strategic one")
        if self.windows and self.windows[-1].end is not None:
            problems.append("the last window is open-ended: leave out its `end`")
        if {w.horizon for w in self.windows} != {"tactical", "strategic"}:
            problems.append("`windows` need at least one tactical and one strategic window")
        if len({w.id for w in self.windows}) != len(self.windows):
            problems.append("window ids must be unique")
        if problems:
            raise ValueError("; ".join(problems))
        return self


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
