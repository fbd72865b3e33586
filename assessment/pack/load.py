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
from assessment.pack.crossrefs import CrossChecker, by_id
from assessment.pack.knowledge import Knowledge
from assessment.pack.layers import BASE_FOLDER, BASE_PARTS, Layered
from assessment.pack.lint import pack_warnings
from assessment.pack.model import Pack, PackInfo, Recommendation
from assessment.pack.questions import Question
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
            CrossChecker(self.parts, info, self.problems).run(built_q, built_r)
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
