"""Build the process guide's view: pack knowledge tailored to the customer, rows ready to place.

A pure function of the report Context: placeholders filled, initial wins joined with their
recommendation's rank and horizon, the existing tool matrix filled from the interviews, SIPOC
activities shown by name, and the workflow and architecture diagrams drawn. The process guide
and SIPOC renderers only place what is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessment.report import diagrams
from assessment.report.context import Context, tailor
from assessment.report.measures import by_kpi
from assessment.report.sipoc_view import build_sipoc
from assessment.text import Shown, bulleted

NO_TOOL = "No tool reported in the interviews"
TO_BE_AGREED = "To be agreed"
VERSION_NOTE = "Draft generated from the maturity assessment"
TO_BE_NAMED = "To be named"  # a resource whose person the customer has not named yet
BLANK_ROWS = 3
Rows = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class NamedText:
    """A named piece of the guide: a name, a paragraph and bullet lines."""

    name: str
    text: str = ""
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuidePrinciple:
    principle: str
    example: str
    rationale: tuple[str, ...]
    implications: tuple[str, ...]
    evidence: str = ""  # what this engagement showed about it


@dataclass(frozen=True)
class TopicEntry:
    """One item of a topic, with its details as (label, text or lines) and its links by name."""

    name: str
    description: str
    details: tuple[tuple[str, str | tuple[str, ...]], ...]


@dataclass(frozen=True)
class TopicView:
    name: str
    summary: str
    entries: tuple[TopicEntry, ...]


@dataclass(frozen=True)
class Guide:
    """Everything the process guide and SIPOC show, already tailored and formatted."""

    process: str
    customer: str
    title: str
    date: str
    document_info: tuple[tuple[str, str], ...]
    versions: Rows
    sarci_approval: Rows
    sarci_resource: Rows
    introduction: str
    mission: str
    goal: NamedText
    principles: tuple[GuidePrinciple, ...]
    csfs: tuple[NamedText, ...]
    kpis: Rows
    kpi_group_rows: tuple[bool, ...]
    scope: NamedText
    scope_excludes: tuple[str, ...]
    inputs: tuple[NamedText, ...]
    activities: tuple[NamedText, ...]
    outputs: tuple[NamedText, ...]
    workflow_png: bytes = field(repr=False)
    workflow_steps: Rows
    roles: tuple[NamedText, ...]
    skill_levels: Rows
    skills_matrix: Rows
    resources: Rows
    tool_types: tuple[NamedText, ...]
    requirements: Rows
    tool_support: Rows
    architecture: str
    architecture_png: bytes = field(repr=False)
    architecture_links: Rows
    initial_wins: Rows
    reporting_templates: tuple[NamedText, ...]
    form_templates: tuple[NamedText, ...]
    sipoc: Rows
    glossary: Rows
    topics: tuple[TopicView, ...]
    blank_rows: int = BLANK_ROWS


def build_guide(context: Context) -> Guide:
    """The process guide view of one engagement."""
    k = context.knowledge
    t = tailor(context)
    roles = {r.id: t(r.name) for r in k.roles}
    activities = {a.id: t(a.name) for a in k.activities}
    return Guide(
        process=context.process,
        customer=context.customer,
        title=f"Process Guide – {context.process}",
        date=f"{context.date:%d %B %Y}",
        document_info=(
            ("Copyright", t(k.document.copyright)),
            ("Limitations", t(k.document.limitations)),
            ("Published by", t(k.document.published_by)),
            ("Written by", context.consultant or "To be completed"),
        ),
        versions=(("0.1", f"{context.date:%Y-%m-%d}", VERSION_NOTE),),
        sarci_approval=tuple((s.code, t(s.title), t(s.approval)) for s in k.sarci),
        sarci_resource=tuple((s.code, t(s.resource)) for s in k.sarci),
        introduction=t(k.introduction),
        mission=t(k.mission),
        goal=NamedText("Process goal", t(k.goal.summary), t.all(k.goal.points)),
        principles=tuple(
            GuidePrinciple(
                t(p.principle),
                t(p.example),
                t.all(p.rationale),
                t.all(p.implications),
                context.principle_evidence.get(p.id, ""),
            )
            for p in k.principles
        ),
        csfs=tuple(NamedText(t(c.name), t(c.description)) for c in k.csfs),
        **_kpis(context, t),
        scope=NamedText("Scope", t(k.scope.summary), t.all(k.scope.includes)),
        scope_excludes=t.all(k.scope.excludes),
        inputs=tuple(NamedText(t(i.name), t(i.description), t.all(i.inputs)) for i in k.interfaces),
        activities=tuple(
            NamedText(t(a.name), t(a.description), t.all(a.tasks)) for a in k.activities
        ),
        outputs=tuple(
            NamedText(t(i.name), t(i.description), t.all(i.outputs)) for i in k.interfaces
        ),
        workflow_png=_workflow_png(k, t, roles, activities),
        workflow_steps=tuple(
            (
                t(s.name),
                t(s.description) + _decision(s, k, t),
                activities.get(s.activity or "", ""),
                ", ".join(roles[r] for r in s.roles),
            )
            for s in k.workflow
        ),
        roles=tuple(NamedText(t(r.name), t(r.summary), t.all(r.activities)) for r in k.roles),
        skill_levels=tuple(
            (str(s.level), f"{t(s.name)}: {t(s.description)}") for s in k.skill_levels
        ),
        skills_matrix=_skills_matrix(k, t),
        resources=tuple(
            (t(r.name) or TO_BE_NAMED, t(r.title), r.code, t(r.organisation)) for r in k.resources
        ),
        tool_types=tuple(
            NamedText(t(x.name), t(x.description), t.all(x.requirements)) for x in k.tool_types
        ),
        requirements=tuple((t(x.name), bulleted(t.all(x.requirements))) for x in k.tool_types),
        tool_support=_tool_support(context, t),
        architecture=t(k.architecture.summary),
        architecture_png=_architecture_png(k, t),
        architecture_links=_architecture_links(k, t),
        initial_wins=_initial_wins(context, t),
        reporting_templates=_templates(k.reporting_templates, t),
        form_templates=_templates(k.form_templates, t),
        sipoc=build_sipoc(context).rows,
        topics=tuple(_topic(topic, t, _link_names(k, t)) for topic in k.topics),
        glossary=tuple((t(c.name), t(c.description)) for c in k.concepts),
    )


def _kpis(context: Context, t: Shown) -> dict[str, Any]:
    """KPI rows grouped under their CSF, then the other KPIs; goal as agreed or to be agreed."""
    k = context.knowledge
    baselines = by_kpi(context.baselines)
    rows: list[tuple[str, ...]] = []
    groups: list[bool] = []

    def add(name: str, kpis: Any) -> None:
        if not kpis:
            return
        rows.append((name, ""))
        groups.append(True)
        for kpi in kpis:
            goal = context.kpi_goals.get(kpi.id) or t(kpi.target) or TO_BE_AGREED
            if kpi.id in baselines:
                goal = f"{baselines[kpi.id]}; goal: {goal}"
            rows.append((t(kpi.name), goal))
            groups.append(False)

    for csf in k.csfs:
        add(t(csf.name), csf.kpis)
    add("Other KPIs", k.other_kpis)
    return {"kpis": tuple(rows), "kpi_group_rows": tuple(groups)}


def _skills_matrix(k: Any, t: Shown) -> Rows:
    names = {s.id: t(s.name) for s in k.skills}
    return tuple(
        (t(r.name), bulleted([f"{names.get(s.skill, s.skill)} ({s.level})" for s in r.skills]))
        for r in k.roles
    )


def _tool_support(context: Context, t: Shown) -> Rows:
    """For each tool type, what the interviewees said they use, attributed by role."""
    rows = []
    for tool in context.knowledge.tool_types:
        answers = context.text_answers.get(tool.question or "", [])
        said = [f"{a.text} ({a.role})" for a in answers if a.text.strip()]
        rows.append((t(tool.name), bulleted(said) if said else NO_TOOL))
    return tuple(rows)


def _initial_wins(context: Context, t: Shown) -> Rows:
    """The plan's initial wins: name, planned benefits (with milestones), where it starts."""
    rows = []
    for win in context.initial_wins:
        benefits = win.benefits
        if win.milestones:
            benefits += "\n" + bulleted(win.milestones)
        placed = f"Rank {win.rank} · {win.window} ({win.horizon})" + (
            " · quick win" if win.quick_win else ""
        )
        rows.append((win.name, benefits, placed))
    return tuple(rows)


def _templates(templates: Any, t: Shown) -> tuple[NamedText, ...]:
    return tuple(
        NamedText(
            t(x.name),
            t(x.description) + (f" Frequency: {t(x.frequency)}." if x.frequency else ""),
            t.all(x.contents),
        )
        for x in templates
    )


KIND_LABELS = {
    "activity": "Key activities",
    "role": "Roles",
    "skill": "Skills",
    "tool": "Tool types",
    "concept": "Concepts",
    "interface": "Interfaces",
}


def _link_names(k: Any, t: Shown) -> dict[str, tuple[str, dict[str, str]]]:
    """For each kind a topic item may link to: its label and its items' names by id."""
    kinds = {
        "activity": k.activities,
        "role": k.roles,
        "skill": k.skills,
        "tool": k.tool_types,
        "concept": k.concepts,
        "interface": k.interfaces,
    }
    names = {
        kind: (KIND_LABELS[kind], {x.id: t(x.name) for x in items}) for kind, items in kinds.items()
    }
    return names | {x.id: (t(x.name), {i.id: t(i.name) for i in x.items}) for x in k.topics}


def _topic(topic: Any, t: Shown, linked: dict[str, tuple[str, dict[str, str]]]) -> TopicView:
    entries = []
    for item in topic.items:
        details: list[tuple[str, str | tuple[str, ...]]] = [
            (t(label), t(value) if isinstance(value, str) else t.all(value))
            for label, value in item.details.items()
        ]
        for kind, ids in item.links.items():
            label, names = linked.get(kind, (kind, {}))
            details.append((label, ", ".join(names.get(i, i) for i in ids)))
        entries.append(TopicEntry(t(item.name), t(item.description), tuple(details)))
    return TopicView(t(topic.name), t(topic.summary), tuple(entries))


def _names(k: Any, t: Shown) -> dict[str, str]:
    """Names of everything an architecture link may point at: tool types and concepts."""
    return {c.id: t(c.name) for c in k.concepts} | {x.id: t(x.name) for x in k.tool_types}


def _architecture_links(k: Any, t: Shown) -> Rows:
    names = _names(k, t)
    return tuple(
        (str(n), names[link.source], names[link.target], t(link.data))
        for n, link in enumerate(k.architecture.links, start=1)
    )


def _workflow_png(k: Any, t: Shown, roles: dict[str, str], activities: dict[str, str]) -> bytes:
    if not k.workflow:
        return b""
    nodes = [
        diagrams.Node(s.id, t(s.name), ", ".join(roles[r] for r in s.roles), s.activity or "")
        for s in k.workflow
    ]
    links = []
    for s in k.workflow:
        if not s.decision:
            links += [diagrams.Link(s.id, n) for n in s.next]
            continue
        ask = f"{s.id}?"  # the decision, drawn as its own diamond after the step
        nodes.append(diagrams.Node(ask, t(s.decision), decision=True))
        links.append(diagrams.Link(s.id, ask))
        links += [diagrams.Link(ask, n, "yes") for n in s.next]
        links += [diagrams.Link(ask, n, "no") for n in s.otherwise]
    used = dict.fromkeys(s.activity for s in k.workflow if s.activity)
    legend = [(a, activities[a]) for a in used]
    return diagrams.png(diagrams.flow_diagram(nodes, links, "down", legend))


def _decision(step: Any, k: Any, t: Shown) -> str:
    """` Decision: Approved for production? If not: Design, build and configure.`"""
    if not step.decision:
        return ""
    names = {s.id: t(s.name) for s in k.workflow}
    otherwise = " or ".join(names[n] for n in step.otherwise)
    return f" Decision: {t(step.decision)}" + (f" If not: {otherwise}." if otherwise else "")


def _architecture_png(k: Any, t: Shown) -> bytes:
    if not k.architecture.links:
        return b""
    names = _names(k, t)
    tools = {x.id for x in k.tool_types}
    ends = dict.fromkeys(e for link in k.architecture.links for e in (link.source, link.target))
    nodes = [diagrams.Node(e, names[e], store=e not in tools) for e in ends]
    links = [diagrams.Link(link.source, link.target) for link in k.architecture.links]
    return diagrams.png(diagrams.flow_diagram(nodes, links, "right", numbered=True))
