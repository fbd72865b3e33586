"""Typed models of a pack's questions: the maturity levels, scale, checklist and metric questions,
their conditions, caps, standards mappings and derived metrics."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from assessment.pack.knowledge import Id, Strict

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


class Option(Strict):
    """One checkbox of a multi question."""

    id: Id
    label: Text
    weight: Weight = 1.0


class Cap(Strict):
    """A checklist's ceiling: at most `level` unless every option in `unless` is ticked."""

    level: Level
    unless: tuple[Id, ...] = Field(min_length=1)


class Standards(Strict):
    """What an auditor maps a question to: ITIL 4 practice, ISO/IEC 20000-1, COBIT 2019."""

    itil4: str = ""
    iso20000: str = ""
    cobit: str = ""

    def named(self) -> list[tuple[str, str]]:
        """The (framework key, reference) pairs that are filled in, in a fixed order."""
        return [(key, ref) for key in ("itil4", "iso20000", "cobit") if (ref := getattr(self, key))]


class Derive(Strict):
    """A metric computed per respondent as `ratio[0] ÷ ratio[1] × scale`; never asked."""

    ratio: tuple[Id, Id]
    scale: Annotated[float, Field(gt=0)] = 1.0


_METRIC_FIELDS = ("unit", "period", "range", "better", "bands", "bands_source", "kpi", "derive")


class Question(Strict):
    """One question of the bank: a scale (levels 0..5), a checklist (multi), a fact (text) or a
    measured number (metric).

    `help` is the respondent's explanation (form, self-service `h`); `probe` is the consultant's
    guidance, shown only in the consultant's interview.
    """

    id: Id
    perspective: Id
    type: Literal["scale", "multi", "text", "metric"] = "scale"
    text: Text
    help: str = ""
    probe: str = ""
    weight: Weight = 1.0
    interviewees: tuple[Id, ...] = ()  # the interviewee roles it suits; none: every role
    core: tuple[Id, ...] | None = None
    standards: Standards = Field(default_factory=Standards)
    desired_state: bool = False
    informs: dict[str, tuple[Id, ...]] = Field(default_factory=dict)
    ask_when: dict[Id, Condition] = Field(default_factory=dict)
    levels: dict[Level, Text] = Field(default_factory=dict)
    options: tuple[Option, ...] = ()
    cap: Cap | None = None
    unit: str = ""
    period: str = ""
    range: tuple[float, float] | None = None
    better: Literal["higher", "lower"] | None = None
    bands: dict[Level, float] = Field(default_factory=dict)
    bands_source: str = ""
    kpi: Id | None = None
    derive: Derive | None = None

    @field_validator("range")
    @classmethod
    def _range_in_order(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None:
            low, high = value
            if not (math.isfinite(low) and math.isfinite(high)) or low > high:
                raise ValueError(
                    f"`range` is [lowest, highest] plausible value (got {list(value)})"
                )
        return value

    @field_validator("bands")
    @classmethod
    def _bands_in_order(cls, value: dict[int, float], info: ValidationInfo) -> dict[int, float]:
        """A higher level needs a strictly better threshold, in the direction of `better`."""
        better = info.data.get("better")
        if not value:
            return value
        if better is None:
            raise ValueError("`bands` need `better: higher` or `better: lower` to be read")
        levels = sorted(value)
        for low, high in itertools.pairwise(levels):
            ordered = value[high] > value[low] if better == "higher" else value[high] < value[low]
            if not ordered:
                word = "above" if better == "higher" else "below"
                raise ValueError(
                    f"bands out of order for better: {better}: level {high} needs a threshold "
                    f"{word} level {low}'s ({value[high]:g} vs {value[low]:g})"
                )
        return value

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
        if self.cap is not None and self.type != "multi":
            raise ValueError("only a multi (checklist) question takes a `cap`")
        if self.desired_state and self.type != "text":
            raise ValueError("`desired_state: true` belongs on a text question")
        if self.type == "metric":
            self._metric_shape()
        else:
            given = [name for name in _METRIC_FIELDS if name in self.model_fields_set]
            if given:
                raise ValueError(f"only a metric question takes {', '.join(given)}")
        return self

    def _metric_shape(self) -> None:
        if not self.unit:
            raise ValueError('a metric question needs a `unit`, e.g. `unit: deployments` or `"%"`')
        if self.derive is None and self.range is None:
            raise ValueError("an asked metric needs `range: [lowest, highest]` of plausible values")
        if self.range is not None:
            low, high = self.range
            outside = [f"{v:g}" for v in self.bands.values() if not low <= v <= high]
            if outside:
                raise ValueError(
                    f"band thresholds {', '.join(outside)} lie outside `range` [{low:g}, {high:g}]"
                )
        if self.bands_source and not self.bands:
            raise ValueError("`bands_source` names the source of `bands`; add the bands")

    @property
    def scored(self) -> bool:
        """Whether answers earn a level: scale and multi always, a metric only with `bands`."""
        if self.type == "metric":
            return bool(self.bands)
        return self.type != "text"

    @property
    def asked(self) -> bool:
        """A derived metric is computed from other answers, never asked."""
        return self.derive is None

    def is_core_for(self, role_id: str | None) -> bool:
        """In the core interview for `role_id`: `core` absent means core for all its roles."""
        return self.core is None or (role_id is not None and role_id in self.core)

    def band_level(self, value: float) -> int:
        """The level a measured value earns: the highest band it reaches, else 0."""
        reached = [
            level
            for level, threshold in self.bands.items()
            if (value >= threshold if self.better == "higher" else value <= threshold)
        ]
        return max(reached, default=0)

    def in_range(self, value: float) -> bool:
        return self.range is None or self.range[0] <= value <= self.range[1]

    def capped(self, selected: Iterable[str]) -> int | None:
        """The ceiling `cap` puts on this selection, or None when the cap does not apply."""
        if self.cap is None or set(self.cap.unless) <= set(selected):
            return None
        return self.cap.level

    def option_ids(self) -> list[str]:
        return [option.id for option in self.options]
