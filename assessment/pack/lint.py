"""Warnings on a pack that loads: mistakes that pass validation but spoil documents quietly.

Each warning is a Problem (`file:line: item: message`) printed as `file:line: warning: ...`.
The kinds, and why each is a mistake:

- a process guide section that is missing or empty: the guide prints its heading over nothing;
- a link the consuming section cannot read: a tool type's `question` must be a text question
  (the existing-tools table quotes text answers), a skill's `questions` must be scored (the
  training plan estimates a skill from their levels);
- a `{placeholder}` the documents do not fill: it is printed as written;
- knowledge nobody uses: a skill no role needs, an activity no workflow step, SIPOC row,
  question or topic names, an interviewee role no question is asked of.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from assessment.errors import Problem
from assessment.files.validation import item_name
from assessment.pack.knowledge import Knowledge
from assessment.pack.sources import PackParts
from assessment.text import PLACEHOLDERS

# The knowledge sections the process guide prints under a heading of their own, with what the
# reader would miss. `document` has defaults; `topics` and `analysis_areas` are optional.
GUIDE_SECTIONS = {
    "sarci": "the approval and resource code tables",
    "introduction": "the introduction",
    "mission": "the mission statement",
    "goal": "the process goal",
    "principles": "the guiding principles",
    "csfs": "the critical success factors and their KPIs",
    "scope": "the scope",
    "interfaces": "the inputs and outputs of the workflow section",
    "activities": "the key activities",
    "workflow": "the workflow diagram and its steps",
    "roles": "the process roles",
    "skill_levels": "the skill level scale",
    "skills": "the roles and skills matrix",
    "resources": "the process resources table",
    "tool_types": "the tool requirements and the existing tools table",
    "architecture": "the logical support architecture",
    "initial_wins": "Appendix A, the initial wins",
    "reporting_templates": "Appendix B, the reporting templates",
    "form_templates": "Appendix C, the form templates",
    "sipoc": "the SIPOC (sipoc.docx, sipoc.xlsx and the guide's Appendix D)",
    "concepts": "the glossary",
}
# The existing-tools table quotes the answers of text questions only.
TOOL_QUESTION_TYPES = ("text",)
_BRACES = re.compile(r"\{[^{}\n]{0,60}\}")


def pack_warnings(parts: PackParts) -> list[Problem]:
    """Every warning on the parts of a pack that loaded."""
    found: list[Problem] = list(_placeholders(parts))
    if parts.knowledge is not None:
        found += _guide_sections(parts, parts.knowledge)
        if parts.info is not None:
            found += _links(parts, parts.knowledge)
            found += _unused(parts, parts.knowledge)
    return found


def as_warning(problem: Problem) -> str:
    """A warning as printed: `file:line: warning: item: message`."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    item = f"{problem.item}: " if problem.item else ""
    return f"{where}: warning: {item}{problem.message}"


def _at(parts: PackParts, path: tuple[str | int, ...], item: str, message: str) -> Problem:
    """A warning on a knowledge item, at its line in the file that wrote it (pack or base)."""
    found = parts.knowledge_layers.problem(path, message, item)
    return found or Problem(f"{parts.folder}/knowledge", 0, item, message)


def _guide_sections(parts: PackParts, knowledge: Knowledge) -> list[Problem]:
    if parts.knowledge_layers.home is None:
        return [
            Problem(
                f"{parts.folder}/knowledge",
                0,
                "",
                "no process knowledge: the process guide and the SIPOC would be empty headings; "
                "add knowledge/*.yaml (`assess pack new` writes a start)",
            )
        ]
    empty = Knowledge()
    found = []
    for section, shows in GUIDE_SECTIONS.items():
        if getattr(knowledge, section) != getattr(empty, section):
            continue
        message = f"the process guide shows {shows} empty"
        if parts.knowledge_layers.written(section) is None:
            missing = Problem(f"{parts.folder}/knowledge", 0, section, f"is missing: {message}")
            found.append(missing)
        else:
            found.append(_at(parts, (section,), section, f"is empty: {message}"))
    return found


def _links(parts: PackParts, knowledge: Knowledge) -> list[Problem]:
    questions = parts.questions
    found = []
    for i, tool in enumerate(knowledge.tool_types):
        target = questions.get(tool.question or "")
        if tool.question is None:
            why = (
                "names no `question`, so the existing-tools table can only say no tool was reported"
            )
        elif target is None or target.type in TOOL_QUESTION_TYPES:
            continue  # a missing question is an error of its own
        else:
            why = (
                f"`question` {tool.question} is a {target.type} question; the existing-tools "
                "table quotes text answers only, so it would say no tool was reported"
            )
        path = ("tool_types", i, "question") if tool.question else ("tool_types", i)
        found.append(_at(parts, path, f"{tool.id}.question", why))
    for i, skill in enumerate(knowledge.skills):
        for qid in skill.questions:
            target = questions.get(qid)
            if target is None or target.scored:
                continue
            found.append(
                _at(
                    parts,
                    ("skills", i, "questions"),
                    f"{skill.id}.questions",
                    f"{qid} is an unscored {target.type} question; the training plan estimates "
                    "a skill from scored questions only (scale, multi or a metric with bands)",
                )
            )
    return found


def _unused(parts: PackParts, knowledge: Knowledge) -> list[Problem]:
    needed = {s.skill for r in knowledge.roles for s in r.skills}
    needed |= {s for need in knowledge.training_needs for s in need.skills}
    found = _never_named(
        parts,
        "skills",
        knowledge.skills,
        needed,
        "no process role needs this skill and no training need names it: "
        "the skills matrix and the training plan leave it out",
    )
    named = {s.activity for s in knowledge.workflow if s.activity}
    named |= {a for row in knowledge.sipoc for a in row.activities}
    named |= {a for q in parts.questions.values() for a in q.informs.get("activity", ())}
    named |= {a for t in knowledge.topics for i in t.items for a in i.links.get("activity", ())}
    if knowledge.workflow or knowledge.sipoc:  # else the missing workflow and SIPOC are warned
        found += _never_named(
            parts,
            "activities",
            knowledge.activities,
            named,
            "no workflow step, SIPOC row, question `informs` or topic names this activity",
        )
    return found + _unasked_roles(parts)


def _never_named(
    parts: PackParts, section: str, items: Sequence[Any], named: set[str], message: str
) -> list[Problem]:
    """A warning on each item of `section` whose id is not in `named`."""
    return [
        _at(parts, (section, i), item.id, message)
        for i, item in enumerate(items)
        if item.id not in named
    ]


def _unasked_roles(parts: PackParts) -> list[Problem]:
    """Interviewees no question is asked of (a question without `interviewees` suits all)."""
    if parts.info is None or not parts.questions:
        return []
    if any(not q.interviewees for q in parts.questions.values()):
        return []
    asked = {role for q in parts.questions.values() for role in q.interviewees}
    message = "no question lists this interviewee role: its interview would be empty"
    found = [
        parts.info_layers.problem(("interviewees", i), message, role.id)
        for i, role in enumerate(parts.info.interviewees)
        if role.id not in asked
    ]
    return [problem for problem in found if problem is not None]


def _placeholders(parts: PackParts) -> Iterator[Problem]:
    for doc in parts.docs:
        for path, text in _strings(doc.data, ()):
            unknown = [m for m in _BRACES.findall(text) if m not in PLACEHOLDERS]
            if unknown:
                yield Problem(
                    doc.name,
                    doc.line_of(path),
                    item_name(doc.data, path),
                    f"unknown placeholder {', '.join(unknown)}; the documents fill only "
                    f"{' and '.join(PLACEHOLDERS)}",
                )


def _strings(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
