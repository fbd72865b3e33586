"""Typed models of a pack's process knowledge: vision, workflow, resources, tools, appendices."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Lines = tuple[str, ...]


class Strict(BaseModel):
    """Base for every knowledge model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(Strict):
    """Anything the guide lists by name: an id, a name and a short description."""

    id: Id
    name: Name
    description: str = ""


# --- Section 1: process vision ---------------------------------------------------------------


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
    """A SIPOC row: supplier, inputs, the key activities involved, outputs and customer."""

    supplier: Name
    inputs: Lines = ()
    activities: tuple[Id, ...] = ()
    outputs: Lines = ()
    customer: Name


class Area(Item):
    """An area the assessment analyses (from the service description)."""

    group: str = ""


# --- domain concepts -------------------------------------------------------------------------


class PolicyTopic(Strict):
    """A topic a release policy must decide."""

    name: Name
    description: str = ""


class ReleasePolicy(Strict):
    """What a release policy is and the topics it settles."""

    summary: str = ""
    topics: tuple[PolicyTopic, ...] = ()


class ReleaseUnit(Item):
    """A release unit (delta, package, full): when to use it and what testing it implies."""

    when_to_use: str = ""
    testing: str = ""


class ReleaseType(Item):
    """A release type (major, minor, emergency) and how it is authorised and scheduled."""

    examples: Lines = ()
    authorisation: str = ""
    scheduling: str = ""


class ReleaseModel(Item):
    """A predefined way to deliver one kind of release through the one process."""

    release_types: tuple[Id, ...] = ()
    roles: tuple[Id, ...] = ()
    workflow: Lines = ()
    escalation: Lines = ()
    handoffs: Lines = ()
    deliverables: Lines = ()
    timeline: str = ""
    backout: str = ""


class TestType(Item):
    """A kind of testing a release may need, and the evidence it leaves."""

    evidence: str = ""


class Environment(Item):
    """An environment a release passes through, and the controls on it."""

    controls: Lines = ()


class Concept(Item):
    """A term of the glossary (CMDB, DSL, peaceful coexistence, ...)."""

    aliases: tuple[str, ...] = ()


class Knowledge(Strict):
    """Everything a pack knows about its process beyond the questions.

    Every section is optional so a young pack validates; the renderers print what is there.
    Sections follow the order of the process guide.
    """

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
    release_policy: ReleasePolicy = Field(default_factory=ReleasePolicy)
    release_units: tuple[ReleaseUnit, ...] = ()
    release_types: tuple[ReleaseType, ...] = ()
    release_models: tuple[ReleaseModel, ...] = ()
    test_types: tuple[TestType, ...] = ()
    environments: tuple[Environment, ...] = ()
    release_elements: tuple[Item, ...] = ()  # desktop, server, network, ...
    concepts: tuple[Concept, ...] = ()
    benefits: Lines = ()

    def kpis(self) -> list[Kpi]:
        """Every KPI: those under a CSF first, in order, then the other KPIs."""
        return [kpi for csf in self.csfs for kpi in csf.kpis] + list(self.other_kpis)

    def _kinds(self) -> dict[str, list[str]]:
        return {
            "activity": [a.id for a in self.activities],
            "area": [a.id for a in self.analysis_areas],
            "concept": [c.id for c in self.concepts],
            "csf": [c.id for c in self.csfs],
            "element": [e.id for e in self.release_elements],
            "environment": [e.id for e in self.environments],
            "initial-win": [w.id for w in self.initial_wins],
            "interface": [i.id for i in self.interfaces],
            "kpi": [k.id for k in self.kpis()],
            "principle": [p.id for p in self.principles],
            "release-model": [m.id for m in self.release_models],
            "release-type": [t.id for t in self.release_types],
            "release-unit": [u.id for u in self.release_units],
            "role": [r.id for r in self.roles],
            "skill": [s.id for s in self.skills],
            "step": [s.id for s in self.workflow],
            "test-type": [t.id for t in self.test_types],
            "tool": [t.id for t in self.tool_types],
            "training-need": [t.id for t in self.training_needs],
        }

    def ids(self, kind: str) -> set[str] | None:
        """Ids of one kind (activity, kpi, csf, role, tool, interface, skill, area, principle,
        concept, release-unit, release-type, release-model, test-type, environment, element,
        step, initial-win, training-need), or None if the kind is unknown."""
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
        for i, win in enumerate(self.initial_wins):
            if win.recommendation:
                refs.append(
                    (f"initial_wins[{i}].recommendation", "recommendation", win.recommendation)
                )
        return refs

    @model_validator(mode="after")
    def _consistent(self) -> Knowledge:
        problems = [
            f"duplicate {kind} id {d!r}"
            for kind, ids in self._kinds().items()
            for d in sorted({i for i in ids if ids.count(i) > 1})
        ]
        problems += self._dangling()
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _dangling(self) -> list[str]:
        """Internal references (role skills, SIPOC activities, ...) that point nowhere."""
        known = {kind: set(ids) for kind, ids in self._kinds().items()}
        known["component"] = known["tool"] | known["concept"]
        known["skill level"] = {str(s.level) for s in self.skill_levels}
        refs: list[tuple[str, str, Iterable[str]]] = []
        for i, role in enumerate(self.roles):
            refs.append((f"roles[{i}].skills", "skill", [s.skill for s in role.skills]))
            if self.skill_levels:
                levels = [str(s.level) for s in role.skills]
                refs.append((f"roles[{i}].skills", "skill level", levels))
        for i, row in enumerate(self.sipoc):
            refs.append((f"sipoc[{i}].activities", "activity", row.activities))
        for i, step in enumerate(self.workflow):
            activity = (step.activity,) if step.activity else ()
            refs.append((f"workflow[{i}].activity", "activity", activity))
            refs.append((f"workflow[{i}].roles", "role", step.roles))
            refs.append((f"workflow[{i}].next", "step", step.next))
        for i, model in enumerate(self.release_models):
            refs.append((f"release_models[{i}].release_types", "release-type", model.release_types))
            refs.append((f"release_models[{i}].roles", "role", model.roles))
        for i, need in enumerate(self.training_needs):
            refs.append((f"training_needs[{i}].skills", "skill", need.skills))
        for i, link in enumerate(self.architecture.links):
            refs.append((f"architecture.links[{i}]", "component", (link.source, link.target)))
        return [
            f"{where}: unknown {kind} {ref!r}"
            for where, kind, ids in refs
            for ref in ids
            if ref not in known[kind]
        ]
