"""Cross-references of a pack: every id it mentions exists, and dependencies do not loop."""

from __future__ import annotations

import re

from assessment.errors import Problem
from assessment.pack.model import PackInfo, Recommendation
from assessment.pack.questions import Condition, Question
from assessment.pack.sources import Located, PackParts


def by_id(items: list[Located]) -> dict[str, Located]:
    """Where each item was written, by the id it was written with."""
    return {str(item.data.get("id")): item for item in items if isinstance(item.data, dict)}


class CrossChecker:
    """Cross-references: every id a pack mentions must exist, and dependencies must not loop."""

    def __init__(self, parts: PackParts, info: PackInfo, problems: list[Problem]):
        self.parts, self.info, self.knowledge = parts, info, parts.knowledge
        self.where_q, self.where_r = parts.where_q, parts.where_r
        self.problems = problems  # where every problem found is added

    def problem(self, located: Located | None, item: str, message: str, key: str = "") -> None:
        if located is None:
            self.problems.append(Problem(self.parts.folder, 0, item, message))
            return
        line = located.doc.line_of((*located.at, key)) if key else located.line
        self.problems.append(Problem(located.doc.name, line, item, message))

    def unknown_perspective(self, at: Located | None, owner: str, pid: str, hint: str = "") -> None:
        self.problem(
            at, f"{owner}.perspective", f"unknown perspective {pid!r}{hint}", "perspective"
        )

    def run(self, questions: dict[str, Question], recs: dict[str, Recommendation]) -> None:
        perspectives = {p.id for p in self.info.perspectives}
        roles = {r.id for r in self.info.interviewees}
        for q in questions.values():
            at = self.where_q.get(q.id)
            if q.perspective not in perspectives:
                hint = f"; use one of {sorted(perspectives)}"
                self.unknown_perspective(at, q.id, q.perspective, hint)
            for role in q.interviewees:
                if role not in roles:
                    self.problem(
                        at,
                        f"{q.id}.interviewees",
                        f"unknown role {role!r}; pack.yaml interviewees are {sorted(roles)}",
                        "interviewees",
                    )
            for kind, ids in q.informs.items():
                if self.knowledge is None:
                    break  # the knowledge did not load; its own problems are reported
                known = self.knowledge.ids(kind)
                if known is None:
                    self.problem(at, f"{q.id}.informs", f"unknown kind {kind!r}", "informs")
                    continue
                for ref in ids:
                    if ref not in known:
                        self.problem(
                            at,
                            f"{q.id}.informs.{kind}",
                            f"{ref!r} is not a {kind} id in the pack's knowledge",
                            "informs",
                        )
            self.conditions(at, f"{q.id}.ask_when", q.ask_when, questions, self_id=q.id)
            self.question_fields(at, q, questions, roles)
        for r in recs.values():
            at = self.where_r.get(r.id)
            if r.perspective not in perspectives:
                self.unknown_perspective(at, r.id, r.perspective)
            self.vocabulary(at, r, "phase", r.phase, [p.id for p in self.info.phases])
            self.vocabulary(at, r, "effort", r.effort, [e.id for e in self.info.effort])
            self.conditions(at, f"{r.id}.triggers", r.triggers, questions)
            for qid, cond in r.triggers.items():
                if cond.op not in ("below", "at least"):
                    self.problem(
                        at,
                        f"{r.id}.triggers.{qid}",
                        "a trigger is a score test: `below N` or `at least N`",
                        "triggers",
                    )
            for dep in r.depends_on:
                if dep not in self.where_r:  # one that is written but invalid has its own error
                    self.problem(
                        at, f"{r.id}.depends_on", f"no recommendation {dep!r}", "depends_on"
                    )
            if r.owner is not None and r.owner not in roles:
                self.problem(
                    at,
                    f"{r.id}.owner",
                    f"unknown role {r.owner!r}; the owner is one of pack.yaml interviewees: "
                    f"{sorted(roles)}",
                    "owner",
                )
        self.cycles(recs)
        for location, kind, ref in self.knowledge.references() if self.knowledge else ():
            pool = self.where_q if kind == "question" else self.where_r
            if ref not in pool:
                path = tuple(
                    int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", location)
                )
                found = self.parts.knowledge_layers.problem(path, f"no {kind} {ref!r}")
                if found is not None:
                    found = Problem(found.file, found.line, location, found.message)
                    self.problems.append(found)

    def question_fields(
        self, at: Located | None, q: Question, questions: dict[str, Question], roles: set[str]
    ) -> None:
        """`core`, `cap`, `derive` and `kpi` name roles, options, questions and KPIs that exist."""
        for role in q.core or ():
            if role not in roles or (q.interviewees and role not in q.interviewees):
                where = (
                    "pack.yaml interviewees"
                    if role not in roles
                    else "the question's `interviewees`"
                )
                self.problem(at, f"{q.id}.core", f"role {role!r} is not in {where}", "core")
        if q.cap is not None:
            for option in q.cap.unless:
                if option not in q.option_ids():
                    self.problem(
                        at, f"{q.id}.cap", f"option {option!r} not in {q.option_ids()}", "cap"
                    )
        kpis = (self.knowledge.ids("kpi") if self.knowledge else None) or set()
        if q.kpi is not None and self.knowledge is not None and q.kpi not in kpis:
            self.problem(at, f"{q.id}.kpi", f"{q.kpi!r} is not a kpi id in the knowledge", "kpi")
        for operand in q.derive.ratio if q.derive else ():
            target = questions.get(operand)
            if target is None or operand == q.id:
                why = "no such question" if target is None else "a metric cannot derive from itself"
            elif target.type != "metric":
                why = f"{operand} is a {target.type} question; a ratio needs two metric questions"
            elif not target.asked:
                why = f"{operand} is itself derived; a ratio uses asked metrics"
            else:
                continue
            self.problem(at, f"{q.id}.derive", why, "derive")

    def vocabulary(
        self, at: Located | None, rec: Recommendation, key: str, value: str, allowed: list[str]
    ) -> None:
        if allowed and value not in allowed:
            self.problem(
                at, f"{rec.id}.{key}", f"unknown {key} {value!r}; pack.yaml defines {allowed}", key
            )
        if not allowed:
            self.problem(at, f"{rec.id}.{key}", f"pack.yaml defines no `{key}` list", key)

    def conditions(
        self,
        at: Located | None,
        item: str,
        conditions: dict[str, Condition],
        questions: dict[str, Question],
        self_id: str = "",
    ) -> None:
        key = item.rsplit(".", 1)[-1]
        for qid, cond in conditions.items():
            if qid not in questions and qid in self.where_q:
                continue  # written but invalid: its own problem is reported
            target = questions.get(qid)
            if target is None or qid == self_id:
                self.problem(
                    at,
                    f"{item}.{qid}",
                    "no such question" if target is None else "a question cannot depend on itself",
                    key,
                )
            elif target.type == "text" and cond.op != "answered":
                self.problem(at, f"{item}.{qid}", "a text question only supports `answered`", key)
            elif cond.op == "includes" and cond.arg not in target.option_ids():
                self.problem(
                    at, f"{item}.{qid}", f"option {cond.arg!r} not in {target.option_ids()}", key
                )

    def cycles(self, recs: dict[str, Recommendation]) -> None:
        state: dict[str, int] = {}

        def visit(rid: str, trail: list[str]) -> None:
            state[rid] = 1
            for dep in recs[rid].depends_on:
                if dep not in recs:
                    continue
                if state.get(dep) == 1:
                    loop = " → ".join([*trail[trail.index(dep) :], dep]) if dep in trail else dep
                    self.problem(
                        self.where_r.get(rid),
                        f"{rid}.depends_on",
                        f"dependency cycle: {loop}",
                        "depends_on",
                    )
                elif dep not in state:
                    visit(dep, [*trail, dep])
            state[rid] = 2

        for rid in sorted(recs):
            if rid not in state:
                visit(rid, [rid])
