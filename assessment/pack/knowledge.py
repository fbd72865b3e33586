"""Typed models of a pack's process knowledge: vision, workflow, resources, tools, appendices."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from assessment.pack.references import builtin_kinds, dotted, reference_problems

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Lines = tuple[str, ...]


class Strict(BaseModel):
    """Base for every pack model read from YAML: unknown keys are errors, values immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(Strict):
    """Anything the guide lists by name: an id, a name and a short description."""

    id: Id
    name: Name
    description: str = ""


# --- front matter and Section 1: process vision ----------------------------------------------


class DocumentInfo(Strict):
    """The guide's document information; {customer}/{organisation} are filled in."""

    copyright: str = (
        "Copyright by {customer}. All rights reserved. No part of this publication may be "
        "reproduced, stored in a retrieval system or transmitted, in any form or by any means, "
        "electronic, mechanical, photocopying, recording or otherwise, without the prior "
        "written permission of {customer}."
    )
    limitations: str = (
        "{customer} management reserves the right to change specifications and other "
        "information in this publication without prior notice; the reader should in all cases "
        "consult {customer} management to find out whether any such changes have been made. "
        "This process guide is intended for the exclusive use of {customer}."
    )
    published_by: str = "{customer}, {organisation}"


class SarciCode(Strict):
    """One SARCI letter: its meaning when approving the guide and when staffing a role."""

    code: Literal["S", "A", "R", "C", "I"]
    title: Name
    approval: str = ""
    resource: str = ""


class Goal(Strict):
    """The process goal: a summary sentence and the commitments that follow from it."""

    summary: str = ""
    points: Lines = ()


class Principle(Strict):
    """A guiding principle with an example application, its rationale and implications."""

    id: Id
    principle: Name
    example: str = ""
    rationale: Lines = ()
    implications: Lines = ()


class Kpi(Item):
    """A key performance indicator; `target` stays empty until the customer agrees one."""

    target: str = ""
    source: str = ""


class Csf(Item):
    """A critical success factor and the KPIs that show whether it is met."""

    kpis: tuple[Kpi, ...] = ()


class Scope(Strict):
    """What the process covers now, and what it deliberately leaves out."""

    summary: str = ""
    includes: Lines = ()
    excludes: Lines = ()


# --- Section 2: process workflow -------------------------------------------------------------


class Interface(Item):
    """Another unit or process: what it gives this process and what it receives."""

    inputs: Lines = ()
    outputs: Lines = ()


class Activity(Item):
    """A key activity of the process and the tasks it is made of."""

    tasks: Lines = ()


class WorkflowStep(Item):
    """One box of the high-level workflow, the activity it belongs to and the boxes after it."""

    activity: Id | None = None
    roles: tuple[Id, ...] = ()
    next: tuple[Id, ...] = ()
    decision: str = ""  # the question decided at the end of the step ("Approved for production?")
    otherwise: tuple[Id, ...] = ()  # where a "no" to the decision leads (rework, back-out)


# --- Section 3: process resources ------------------------------------------------------------


class SkillNeed(Strict):
    """A skill a role needs, at an expertise level of `skill_levels`."""

    skill: Id
    level: Annotated[int, Field(ge=1, le=5)]


class ProcessRole(Strict):
    """A role that runs the process (not an interviewee role)."""

    id: Id
    name: Name
    summary: str = ""
    activities: Lines = ()
    skills: tuple[SkillNeed, ...] = ()


class SkillLevel(Strict):
    """One step of the expertise scale used in the roles/skills matrix."""

    level: Annotated[int, Field(ge=1, le=5)]
    name: Name
    description: str = ""


class Training(Strict):
    """What a course on a skill covers and how it is delivered."""

    covers: Lines = ()
    format: str = ""
    days: Annotated[float, Field(gt=0)] | None = None


class Skill(Item):
    """A skill of the roles/skills matrix, the questions that probe it, and its course."""

    questions: tuple[Id, ...] = ()
    training: Training | None = None


class Resource(Strict):
    """A row of the process resources table: who fills a role, with which SARCI code."""

    title: Name
    code: Literal["S", "A", "R", "C", "I"]
    organisation: str = ""
    name: str = ""


class TrainingNeed(Strict):
    """A group of people who need training for the process to work, and what they need."""

    id: Id
    audience: Name
    need: str = ""
    skills: tuple[Id, ...] = ()
    format: str = ""
    timing: str = ""


# --- Section 4: tool requirements ------------------------------------------------------------


class ToolType(Item):
    """A type of tool the process needs, its functional requirements, and the question
    that asks which tool the customer uses for it (fills the existing tool support matrix)."""

    requirements: Lines = ()
    question: Id | None = None


class ArchitectureLink(Strict):
    """A data flow between two components (tool types or concepts) of the support architecture."""

    source: Id
    target: Id
    data: str = ""


class Architecture(Strict):
    """The logical support architecture: a summary and the flows between components."""

    summary: str = ""
    links: tuple[ArchitectureLink, ...] = ()


# --- Section 5: appendices -------------------------------------------------------------------


class InitialWin(Strict):
    """An initial win of the improvement programme and the recommendation that delivers it."""

    id: Id
    name: Name
    benefits: str = ""
    milestones: Lines = ()
    recommendation: Id | None = None


class Template(Item):
    """A planned reporting or form template and what it contains."""

    contents: Lines = ()
    frequency: str = ""


class SipocRow(Strict):
    """A SIPOC row: supplier, inputs, the key activities involved, outputs and customer.

    `supplier_questions` and `customer_questions` name text questions whose answers name the
    customer's real parties and systems on that side (units, vendors, tools); the SIPOC quotes
    them under the row's supplier or customer.
    """

    supplier: Name
    inputs: Lines = ()
    activities: tuple[Id, ...] = ()
    outputs: Lines = ()
    customer: Name
    supplier_questions: tuple[Id, ...] = ()
    customer_questions: tuple[Id, ...] = ()


class Area(Item):
    """An area the assessment analyses (from the service description)."""

    group: str = ""


# --- process topics --------------------------------------------------------------------------

Detail = str | tuple[str, ...]


class TopicItem(Item):
    """One entry of a topic, such as one kind of unit, type or test the process works with.

    `details` is an ordered label → text (or lines) table; `links` names items of other kinds
    (another topic's id, or role, activity, ...) and is checked by the validator.
    """

    details: dict[Name, Detail] = Field(default_factory=dict)
    links: dict[Id, tuple[Id, ...]] = Field(default_factory=dict)


class Topic(Strict):
    """A subject the process guide explains for this process (units, types, models, ...)."""

    id: Id
    name: Name
    summary: str = ""
    items: tuple[TopicItem, ...] = ()


class Concept(Item):
    """A term of the glossary (CMDB, DSL, peaceful coexistence, ...)."""

    aliases: tuple[str, ...] = ()


class Knowledge(Strict):
    """Everything a pack knows about its process beyond the questions.

    Every section is optional so a young pack validates; the renderers print what is there.
    Sections follow the order of the process guide.
    """

    document: DocumentInfo = Field(default_factory=DocumentInfo)
    sarci: tuple[SarciCode, ...] = ()
    introduction: str = ""
    mission: str = ""
    goal: Goal = Field(default_factory=Goal)
    principles: tuple[Principle, ...] = ()
    csfs: tuple[Csf, ...] = ()
    other_kpis: tuple[Kpi, ...] = ()
    scope: Scope = Field(default_factory=Scope)
    interfaces: tuple[Interface, ...] = ()
    activities: tuple[Activity, ...] = ()
    workflow: tuple[WorkflowStep, ...] = ()
    roles: tuple[ProcessRole, ...] = ()
    skill_levels: tuple[SkillLevel, ...] = ()
    skills: tuple[Skill, ...] = ()
    resources: tuple[Resource, ...] = ()
    training_needs: tuple[TrainingNeed, ...] = ()
    tool_types: tuple[ToolType, ...] = ()
    architecture: Architecture = Field(default_factory=Architecture)
    initial_wins: tuple[InitialWin, ...] = ()
    reporting_templates: tuple[Template, ...] = ()
    form_templates: tuple[Template, ...] = ()
    sipoc: tuple[SipocRow, ...] = ()
    analysis_areas: tuple[Area, ...] = ()
    topics: tuple[Topic, ...] = ()
    concepts: tuple[Concept, ...] = ()
    benefits: Lines = ()

    def kpis(self) -> list[Kpi]:
        """Every KPI: those under a CSF first, in order, then the other KPIs."""
        return [kpi for csf in self.csfs for kpi in csf.kpis] + list(self.other_kpis)

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)

    def _kinds(self) -> dict[str, list[str]]:
        topics = {t.id: [i.id for i in t.items] for t in self.topics}
        return topics | self._builtin_kinds()

    def _builtin_kinds(self) -> dict[str, list[str]]:
        return builtin_kinds(self)

    def ids(self, kind: str) -> set[str] | None:
        """Ids of one kind, or None if the kind is unknown.

        Kinds are activity, area, concept, csf, initial-win, interface, kpi, principle, role,
        skill, step, tool, topic, training-need, and each topic's id (its items' ids).
        """
        found = self._kinds().get(kind)
        return None if found is None else set(found)

    def references(self) -> list[tuple[str, str, str]]:
        """Every reference to a question or recommendation, as (location, kind, id)."""
        refs: list[tuple[str, str, str]] = []
        for i, skill in enumerate(self.skills):
            refs += [(f"skills[{i}].questions", "question", q) for q in skill.questions]
        for i, tool in enumerate(self.tool_types):
            if tool.question:
                refs.append((f"tool_types[{i}].question", "question", tool.question))
        for i, row in enumerate(self.sipoc):
            for side in ("supplier_questions", "customer_questions"):
                refs += [(f"sipoc[{i}].{side}", "question", q) for q in getattr(row, side)]
        for i, win in enumerate(self.initial_wins):
            if win.recommendation:
                refs.append(
                    (f"initial_wins[{i}].recommendation", "recommendation", win.recommendation)
                )
        return refs

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Knowledge:
        problems = [
            f"duplicate {kind} id {d!r}"
            for kind, ids in self._kinds().items()
            for d in sorted({i for i in ids if ids.count(i) > 1})
        ]
        builtin = set(self._builtin_kinds())
        problems += [
            f"topic id {t.id!r} is a built-in kind; choose another id"
            for t in self.topics
            if t.id in builtin
        ]
        if not (info.context or {}).get("references_checked_by_caller"):
            problems += [
                f"{dotted(where)}: {message}" for where, message in self.reference_problems()
            ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def reference_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Internal references that point nowhere, each with the path of the item holding it."""
        return reference_problems(self)
