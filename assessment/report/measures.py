"""Report content from the pack's newer fields: measured KPI baselines, the standards map,
the customer's desired-state answers and the method sentences the pack's rules need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessment.analysis.scoring import Assessment
from assessment.pack.model import Pack
from assessment.pack.questions import LEVEL_LABELS, Question
from assessment.text import clean, fill

NOT_MEASURED = "baseline: not measured"
WEAK_BAND = 3  # a measured KPI in this band or lower is a cost the customer bears today
FRAMEWORKS = {"itil4": "ITIL 4", "iso20000": "ISO/IEC 20000-1:2018", "cobit": "COBIT 2019"}


def number(value: float) -> str:
    """A measured number as printed: thousands separated, at most two decimals, no trailing 0."""
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """What a respondent wrote in answer to a text question, attributed by role."""

    role: str
    text: str


def measured(question: Question, value: float) -> str:
    """`22 % per month`, `8 deployments per quarter`."""
    period = f" per {question.period}" if question.period else ""
    return f"{number(value)} {question.unit}{period}"


@dataclass(frozen=True, slots=True)
class Baseline:
    """A metric question's measured KPI: value, band and source as printed."""

    id: str
    perspective: str
    kpi: str
    name: str
    value: str
    current: str
    band: str
    source: str
    respondents: str
    line: str  # `Deployments: 8 deployments per quarter (band 3 Defined; DORA 2024)`
    band_level: int | None  # the benchmark band reached, None where not banded
    weak: bool  # banded at WEAK_BAND or lower

    @property
    def measured(self) -> bool:
        return self.current != NOT_MEASURED


def baselines(assessment: Assessment, doc: dict[str, Any]) -> list[Baseline]:
    """One row per metric question, in pack order: its KPI, measured value, band and source."""
    pack, customer = assessment.pack, clean(assessment.customer)
    organisation = clean(assessment.engagement.organisation)
    kpi_names = {k.id: k.name for k in pack.knowledge.kpis()}
    rows = []
    for entry in doc["questions"]:
        metric = entry.get("metric")
        if metric is None:
            continue
        question = pack.question(entry["id"])
        name = fill(clean(kpi_names.get(question.kpi or "", question.text)), customer, organisation)
        value, band = metric["value"], metric["band"]
        shown = "not measured" if value is None else measured(question, value)
        banded = "" if band is None else f"{band} {LEVEL_LABELS[band]}"
        source = clean(question.bands_source)
        rows.append(
            Baseline(
                id=question.id,
                perspective=question.perspective,
                kpi=question.kpi or "",
                name=name,
                value=shown,
                current=NOT_MEASURED if value is None else f"current: {shown}",
                band=banded,
                source=source,
                respondents=str(entry["responses"]),
                line=baseline_line(name, shown, banded, source),
                band_level=band,
                weak=band is not None and band <= WEAK_BAND,
            )
        )
    return rows


def by_kpi(rows: list[Baseline]) -> dict[str, str]:
    """KPI id → `current: 5 back-outs per quarter, 5.68 %` (a count and its rate may share a
    KPI), or `baseline: not measured`."""
    values: dict[str, list[str]] = {}
    for row in rows:
        if row.kpi:
            values[row.kpi] = values.get(row.kpi, []) + ([row.value] if row.measured else [])
    return {kpi: f"current: {', '.join(v)}" if v else NOT_MEASURED for kpi, v in values.items()}


def baseline_line(name: str, value: str, band: str, source: str) -> str:
    """`Deployments: 8 deployments per quarter (band 3 Defined; DORA 2024)`."""
    detail = "; ".join(part for part in (f"band {band}" if band else "", source) if part)
    return f"{name}: {value}" + (f" ({detail})" if detail else "")


@dataclass(frozen=True, slots=True)
class DesiredStateRow:
    """The customer's words on a desired-state question."""

    question: str
    role: str
    text: str


def desired_state(
    pack: Pack, text_answers: dict[str, list[TextAnswer]], shown: Any
) -> list[DesiredStateRow]:
    """The customer's own words on expectations and desired state, attributed by role."""
    return [
        DesiredStateRow(shown(q.text), answer.role, answer.text)
        for q in pack.questions
        if q.desired_state
        for answer in sorted(text_answers.get(q.id, []), key=lambda a: a.role)
    ]


@dataclass(frozen=True, slots=True)
class StandardRow:
    """A question and what it evidences in each framework (empty where the pack names none)."""

    id: str
    text: str
    itil4: str
    iso20000: str
    cobit: str


def standards(pack: Pack, shown: Any) -> list[StandardRow]:
    """Each question mapped to what an auditor asks about, where the pack names it."""
    return [
        StandardRow(
            q.id,
            shown(q.text),
            **{key: clean(getattr(q.standards, key)) for key in FRAMEWORKS},
        )
        for q in pack.questions
        if q.standards.named()
    ]
