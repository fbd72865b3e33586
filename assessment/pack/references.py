"""Cross-references inside a pack's knowledge: ids by kind, and references that point nowhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessment.pack.knowledge import Knowledge


_KIND_FIELDS = {
    "activity": "activities",
    "area": "analysis_areas",
    "concept": "concepts",
    "csf": "csfs",
    "initial-win": "initial_wins",
    "interface": "interfaces",
    "principle": "principles",
    "role": "roles",
    "skill": "skills",
    "step": "workflow",
    "topic": "topics",
    "tool": "tool_types",
    "training-need": "training_needs",
}


def builtin_kinds(knowledge: Knowledge) -> dict[str, list[str]]:
    """Ids of every built-in kind, in the order the knowledge lists them."""
    kinds = {kind: [item.id for item in getattr(knowledge, f)] for kind, f in _KIND_FIELDS.items()}
    kinds["kpi"] = [k.id for k in knowledge.kpis()]
    return dict(sorted(kinds.items()))


def reference_problems(knowledge: Knowledge) -> list[tuple[tuple[str | int, ...], str]]:
    """Internal references (role skills, SIPOC activities, ...) that point nowhere, each with
    the path of the item that holds it."""
    known = {kind: set(ids) for kind, ids in knowledge._kinds().items()}
    known["component"] = known["tool"] | known["concept"]
    known["skill level"] = {str(s.level) for s in knowledge.skill_levels}
    refs: list[tuple[tuple[str | int, ...], str, Iterable[str]]] = []
    for i, role in enumerate(knowledge.roles):
        refs.append((("roles", i, "skills"), "skill", [s.skill for s in role.skills]))
        if knowledge.skill_levels:
            levels = [str(s.level) for s in role.skills]
            refs.append((("roles", i, "skills"), "skill level", levels))
    for i, row in enumerate(knowledge.sipoc):
        refs.append((("sipoc", i, "activities"), "activity", row.activities))
    for i, step in enumerate(knowledge.workflow):
        activity = (step.activity,) if step.activity else ()
        refs.append((("workflow", i, "activity"), "activity", activity))
        refs.append((("workflow", i, "roles"), "role", step.roles))
        refs.append((("workflow", i, "next"), "step", step.next))
        refs.append((("workflow", i, "otherwise"), "step", step.otherwise))
    for t, topic in enumerate(knowledge.topics):
        for i, item in enumerate(topic.items):
            for kind, ids in item.links.items():
                refs.append((("topics", t, "items", i, "links", kind), kind, ids))
    for i, need in enumerate(knowledge.training_needs):
        refs.append((("training_needs", i, "skills"), "skill", need.skills))
    for i, link in enumerate(knowledge.architecture.links):
        refs.append((("architecture", "links", i), "component", (link.source, link.target)))
    unknown_kinds = [(w, f"unknown kind {k!r}") for w, k, _ in refs if k not in known]
    return unknown_kinds + [
        (where, f"unknown {kind} {ref!r}")
        for where, kind, ids in refs
        if kind in known
        for ref in ids
        if ref not in known[kind]
    ]


def dotted(path: tuple[str | int, ...]) -> str:
    """`("roles", 0, "skills")` as an author writes it: `roles[0].skills`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text
