"""Load and validate questionnaire packs, reporting every problem as file:line: item: message.

A pack is a folder:

    pack.yaml                 what the pack is (PackInfo), its base, its interviewees
    questions/*.yaml          `questions:` lists
    recommendations.yaml      `recommendations:` list (or recommendations/*.yaml)
    knowledge/*.yaml          process knowledge; the top-level keys of all files are merged
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessment.errors import InvalidInput, Problem
from assessment.files.validation import validate
from assessment.files.yamlfile import Document, read_yaml
from assessment.pack.knowledge import Knowledge
from assessment.pack.layers import BASE_FOLDER, BASE_PARTS, Layered
from assessment.pack.lint import pack_warnings
from assessment.pack.model import Condition, Pack, PackInfo, Question, Recommendation
from assessment.pack.sources import Located, PackParts
from assessment.pack.upgrade import earlier_format
from assessment.resources import PACKS

PACKS_ENV = "ASSESS_PACKS"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class FoundPack:
    """A pack on the search path: its name (folder), where it is, and which entry found it."""

    name: str
    path: Path
    origin: str  # "built-in" or "ASSESS_PACKS"
    shadowed: bool = False  # an earlier search-path entry has a pack of the same name


def search_path() -> list[tuple[Path, str]]:
    """Folders searched for named packs: each $ASSESS_PACKS entry first, then the built-in packs."""
    extra = [Path(p) for p in os.environ.get(PACKS_ENV, "").split(os.pathsep) if p.strip()]
    return [*((folder, PACKS_ENV) for folder in extra), (PACKS, "built-in")]


def find_packs() -> list[FoundPack]:
    """Every pack folder on the search path, in search order."""
    found: list[FoundPack] = []
    seen: set[str] = set()
    for folder, origin in search_path():
        if not folder.is_dir():
            continue
        for pack in sorted(p for p in folder.iterdir() if (p / "pack.yaml").is_file()):
            found.append(FoundPack(pack.name, pack, origin, shadowed=pack.name in seen))
            seen.add(pack.name)
    return found


def available_packs() -> list[str]:
    return sorted({found.name for found in find_packs()})


def is_pack_name(ref: str) -> bool:
    """A bare name (looked up on the search path) rather than a path to a pack folder."""
    return bool(_NAME.match(ref)) and ref not in (".", "..")


def resolve_pack(ref: str, base: Path | None = None) -> Path:
    """A pack name on the search path, or a path to a pack folder relative to `base`.

    An engagement stores a path relative to its own folder, so `base` is the engagement folder;
    a path that does not resolve there is tried from the working directory (older engagements).
    """
    candidates = [] if base is None else [base / ref]
    candidates.append(Path(ref))
    if is_pack_name(ref):
        candidates[:0] = [found.path for found in find_packs() if found.name == ref][:1]
    for candidate in candidates:
        if (candidate / "pack.yaml").is_file():
            return candidate
    names = ", ".join(available_packs()) or "none installed"
    raise InvalidInput(
        f"unknown pack {ref!r}; use a pack name ({names}) or a path to a pack folder "
        "(`assess packs` lists the packs it can find)"
    )


def pack_reference(ref: str, engagement: Path) -> str:
    """What engagement.yaml stores for `ref` typed by the user: a name as it is, else a path
    relative to the engagement folder (absolute when no relative path exists)."""
    if is_pack_name(ref) and any(found.name == ref for found in find_packs()):
        return ref
    pack = resolve_pack(ref).resolve()
    try:
        return Path(os.path.relpath(pack, engagement.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(pack)


def load_pack(path: Path | str) -> Pack:
    """Load a pack folder; raise InvalidInput listing every problem found."""
    return check_pack(path, warn=False)[0]


def check_pack(path: Path | str, warn: bool = True) -> tuple[Pack, list[Problem]]:
    """Load a pack folder and list its warnings: mistakes that load but spoil documents.

    Raises InvalidInput listing every problem found; its `warnings` are the warnings of the
    parts that did load.
    """
    folder = Path(path)
    if not (folder / "pack.yaml").is_file():
        raise InvalidInput(Problem(str(folder), 0, "", "not a pack: pack.yaml is missing"))
    loader = _PackLoader(folder)
    pack = loader.load()
    found = dict.fromkeys(pack_warnings(loader.parts)) if warn else {}
    warnings = sorted(found, key=_line_order)
    if loader.problems or pack is None:
        error = InvalidInput(sorted(set(loader.problems), key=_problem_order))
        error.warnings = warnings
        raise error
    return pack, warnings


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line, problem.message)


def _line_order(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line)


class _PackLoader:
    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self.parts = PackParts(self.name(folder))

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> Document | None:
        try:
            doc = read_yaml(path, self.name(path))
        except InvalidInput as exc:
            self.problems.extend(exc.problems)
            return None
        self.problems.extend(doc.problems)
        self.parts.docs.append(doc)
        return doc

    def load(self) -> Pack | None:
        info_doc = self.read(self.folder / "pack.yaml")
        old = earlier_format(info_doc, "pack") if info_doc is not None else None
        self.problems += [old] if old else []
        base = self.base(info_doc)
        info = None if info_doc is None else self.info(info_doc, base)
        questions = self.items("questions", sorted((self.folder / "questions").glob("*.yaml")))
        recs = self.items("recommendations", self.files("recommendations"))
        knowledge = self.knowledge(base, info_doc)
        built_q = self.build(Question, questions)
        built_r = self.build(Recommendation, recs)
        self.parts.info, self.parts.knowledge = info, knowledge
        self.parts.questions, self.parts.recommendations = built_q, built_r
        self.parts.where_q, self.parts.where_r = by_id(questions), by_id(recs)
        if info is not None:  # cross-check everything that was built, even if some parts failed
            _Checker(self, info, knowledge, questions, recs).run(built_q, built_r)
        if info is None or knowledge is None:
            return None
        return Pack(
            info=info,
            questions=tuple(built_q.values()),
            recommendations=tuple(built_r.values()),
            knowledge=knowledge,
            fingerprint=fingerprint(self.folder, base),
            source=str(self.folder),
        )

    def files(self, stem: str) -> list[Path]:
        single = self.folder / f"{stem}.yaml"
        return ([single] if single.is_file() else []) + sorted((self.folder / stem).glob("*.yaml"))

    def items(self, key: str, paths: Iterable[Path]) -> list[Located]:
        located: list[Located] = []
        for path in paths:
            doc = self.read(path)
            if doc is None:
                continue
            old = earlier_format(doc, key)
            self.problems += [old] if old else []
            data = doc.data
            if not isinstance(data, dict) or not isinstance(data.get(key), list):
                self.problems.append(
                    Problem(doc.name, 1, "", f"expected a top-level `{key}:` list")
                )
                continue
            extra = sorted(set(data) - {key})
            if extra:
                self.problems.append(
                    Problem(
                        doc.name,
                        doc.line_of((extra[0],)),
                        extra[0],
                        f"unknown top-level key; only `{key}:` belongs here",
                    )
                )
            located += [Located(item, doc, (key, i)) for i, item in enumerate(data[key])]
        return located

    def build(self, model: Any, items: list[Located]) -> dict[str, Any]:
        built: dict[str, Any] = {}
        seen: dict[str, Located] = {}
        for item in items:
            raw_id = str(item.data.get("id")) if isinstance(item.data, dict) else ""
            if raw_id in seen:
                first = seen[raw_id]
                self.problems.append(
                    Problem(
                        item.doc.name,
                        item.line,
                        raw_id,
                        f"duplicate id; first used at {first.doc.name}:{first.line}",
                    )
                )
                continue
            seen[raw_id] = item
            obj, problems = validate(model, item.data, item.doc, item.at)
            self.problems += problems
            if obj is not None:
                built[obj.id] = obj
        return built

    def base(self, info_doc: Document | None) -> Document | None:
        """The base file pack.yaml names with `base: NAME`, checked for its two parts."""
        data = info_doc.data if info_doc is not None else None
        if info_doc is None or not isinstance(data, dict) or data.get("base") in (None, ""):
            return None
        name = str(data["base"])
        path = find_base(name)
        if path is None:
            self.problems.append(
                Problem(
                    info_doc.name,
                    info_doc.line_of(("base",)),
                    "base",
                    f"unknown base {name!r}; the bases are {available_bases()}",
                )
            )
            return None
        doc = self.read(path)
        if doc is None:
            return None
        if not isinstance(doc.data, dict):
            self.problems.append(Problem(doc.name, 1, "", "expected `pack:` and `knowledge:`"))
            return None
        for key, value in doc.data.items():
            if key not in BASE_PARTS or not isinstance(value, dict):
                self.problems.append(
                    Problem(
                        doc.name,
                        doc.line_of((key,)),
                        str(key),
                        "a base holds two mappings: `pack:` (pack.yaml keys) and "
                        "`knowledge:` (knowledge sections)",
                    )
                )
                return None
        return doc

    def info(self, doc: Document, base: Document | None) -> PackInfo | None:
        """pack.yaml laid over the base's `pack:` part, validated once."""
        if not isinstance(doc.data, dict):
            info, problems = validate(PackInfo, doc.data, doc)
            self.problems += problems
            return info
        layers = self.parts.info_layers = Layered(home=doc, replaces=replaced(doc))
        if base is not None and "pack" in base.data:
            layers.lay(base, ("pack",))
        layers.lay(doc)
        try:
            return PackInfo.model_validate(layers.data)
        except ValidationError as exc:
            errors = exc.errors()
            if layers.data.get("base") and base is None:  # what it lacks, the base would give
                errors = [err for err in errors if err["type"] != "missing"]
            self.problems += [p for err in errors if (p := layers.error(PackInfo, err))]
            return None

    def knowledge(self, base: Document | None, info_doc: Document | None) -> Knowledge | None:
        """The sections of every knowledge file, laid over the base's `knowledge:` part."""
        docs = []
        for path in sorted((self.folder / "knowledge").glob("*.yaml")):
            doc = self.read(path)
            if doc is None:
                continue
            if not isinstance(doc.data, dict):
                self.problems.append(Problem(doc.name, 1, "", "expected a mapping of sections"))
                continue
            docs.append(doc)
        replaces = replaced(info_doc)
        layers = self.parts.knowledge_layers = Layered(docs[0] if docs else None, replaces=replaces)
        if base is not None and "knowledge" in base.data:
            layers.lay(base, ("knowledge",))
        owner: dict[str, Document] = {}
        for doc in docs:
            for key, value in doc.data.items():
                if key in owner:
                    self.problems.append(
                        Problem(
                            doc.name,
                            doc.line_of((key,)),
                            key,
                            f"section already defined in {owner[key].name}",
                        )
                    )
                    continue
                owner[key] = doc
                layers.put(key, value, doc, (key,))
        # One validation of the merged sections, so a mistake in one file (a misspelt section,
        # say) is reported once, on its own line, and never as missing ids in every other file.
        try:
            knowledge = Knowledge.model_validate(
                layers.data, context={"references_checked_by_caller": True}
            )
        except ValidationError as exc:
            self.problems += [p for err in exc.errors() if (p := layers.error(Knowledge, err))]
            return None
        for where, message in knowledge.reference_problems():
            found = layers.problem(where, message)
            if found is not None:
                self.problems.append(found)
        files = layers.files()
        return None if any(problem.file in files for problem in self.problems) else knowledge


def replaced(info_doc: Document | None) -> frozenset[str]:
    """The keys pack.yaml's `replaces:` takes in full from the pack (checked by PackInfo)."""
    data = info_doc.data if info_doc is not None else None
    keys = data.get("replaces") if isinstance(data, dict) else None
    return frozenset(str(k) for k in keys) if isinstance(keys, list) else frozenset()


def by_id(items: list[Located]) -> dict[str, Located]:
    """Where each item was written, by the id it was written with."""
    return {str(item.data.get("id")): item for item in items if isinstance(item.data, dict)}


class _Checker:
    """Cross-references: every id a pack mentions must exist, and dependencies must not loop."""

    def __init__(
        self,
        loader: _PackLoader,
        info: PackInfo,
        knowledge: Knowledge | None,
        questions: list[Located],
        recs: list[Located],
    ):
        self.loader, self.info, self.knowledge = loader, info, knowledge
        self.where_q, self.where_r = by_id(questions), by_id(recs)

    def problem(self, located: Located | None, item: str, message: str, key: str = "") -> None:
        if located is None:
            self.loader.problems.append(
                Problem(self.loader.name(self.loader.folder), 0, item, message)
            )
            return
        line = located.doc.line_of((*located.at, key)) if key else located.line
        self.loader.problems.append(Problem(located.doc.name, line, item, message))

    def run(self, questions: dict[str, Question], recs: dict[str, Recommendation]) -> None:
        perspectives = {p.id for p in self.info.perspectives}
        roles = {r.id for r in self.info.interviewees}
        for q in questions.values():
            at = self.where_q.get(q.id)
            if q.perspective not in perspectives:
                self.problem(
                    at,
                    f"{q.id}.perspective",
                    f"unknown perspective {q.perspective!r}; use one of {sorted(perspectives)}",
                    "perspective",
                )
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
                self.problem(
                    at,
                    f"{r.id}.perspective",
                    f"unknown perspective {r.perspective!r}",
                    "perspective",
                )
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
                found = self.loader.parts.knowledge_layers.problem(path, f"no {kind} {ref!r}")
                if found is not None:
                    found = Problem(found.file, found.line, location, found.message)
                    self.loader.problems.append(found)

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


def fingerprint(folder: Path, base: Document | None = None) -> str:
    """A short content hash of every YAML file in the pack and of its base: pinned in each
    interview."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.yaml")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    if base is not None:
        digest.update(base.digest.encode())
    return digest.hexdigest()[:16]


def find_base(name: str) -> Path | None:
    """`_base/NAME.yaml` in the first folder of the search path that has it."""
    if not is_pack_name(name):
        return None
    for folder, _ in search_path():
        candidate = folder / BASE_FOLDER / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return None


def available_bases() -> list[str]:
    return sorted(
        {p.stem for folder, _ in search_path() for p in (folder / BASE_FOLDER).glob("*.yaml")}
    )
