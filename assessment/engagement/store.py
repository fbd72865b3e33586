"""Engagement folder I/O: atomic saves with a kept previous version, a writer lock, safe paths.

<engagement>/engagement.yaml
<engagement>/interviews/<respondent-slug>.yaml   (`.yml` is read too)

A respondent is known by the stable id stored in their file, not by the file name: people whose
names slug alike get `-2`, `-3` suffixes, and a save never lands on a file that records another
person or that changed on disk since it was read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment.engagement.model import Engagement, Interview
from assessment.errors import InvalidInput, Problem
from assessment.files.atomic import try_lock
from assessment.files.durable import ABSENT, UNCHECKED, atomic_write
from assessment.files.inputs import inside_root
from assessment.files.validation import validate, validate_document
from assessment.files.yamlfile import Document, dump_yaml, read_yaml
from assessment.text import slug

ENGAGEMENT_FILE = "engagement.yaml"
INTERVIEWS_DIR = "interviews"
LOCK_FILE = ".assess.lock"
SUFFIXES = (".yaml", ".yml")
_NO_FOLDER = "no such engagement folder; create one with `assess init {folder} --customer NAME`"


def inside(root: Path, name: str, suffix: str = "") -> Path:
    """`root/<slug(name)><suffix>`, guaranteed to stay inside `root`."""
    root = root.resolve()
    path = (root / f"{slug(name)}{suffix}").resolve()
    if path.parent != root:
        raise InvalidInput(f"{name!r} would leave {root}; choose a plain name")
    return path


@contextlib.contextmanager
def writer_lock(folder: Path, purpose: str) -> Iterator[None]:
    """Hold the engagement's write lock; a second writer gets a clear refusal.

    The OS releases the lock when the holder dies, even on `kill -9`, so it never goes stale.
    """
    path = folder / LOCK_FILE
    if not folder.is_dir():
        raise InvalidInput(Problem(str(folder), 0, "", _NO_FOLDER.format(folder=folder)))
    try:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise InvalidInput(
            Problem(
                str(folder),
                0,
                "",
                f"cannot be written ({exc.strerror or exc}); nothing was changed. Make the "
                "engagement folder writable, or work on a copy",
            )
        ) from None
    try:
        if not try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another assess process"
            raise InvalidInput(
                Problem(
                    str(folder),
                    0,
                    "",
                    f"is open for writing by {holder}; finish or stop that session first",
                )
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"`assess {purpose}` (pid {os.getpid()} on {socket.gethostname()})")
        handle.flush()
        yield
    finally:
        handle.close()


# --- reading ---------------------------------------------------------------------------------


@dataclass
class Folder:
    """An engagement as read from disk: models plus the documents they came from."""

    path: Path
    engagement: Engagement
    engagement_doc: Document
    interviews: dict[str, Interview] = field(default_factory=dict)
    interview_docs: dict[str, Document] = field(default_factory=dict)
    interview_paths: dict[str, Path] = field(default_factory=dict)

    def digest(self) -> str:
        """sha256 over every file read: two folders with the same digest hold the same data."""
        parts = [f"{ENGAGEMENT_FILE}:{self.engagement_doc.digest}"]
        parts += [
            f"{self.interview_paths[k].name}:{d.digest}"
            for k, d in sorted(self.interview_docs.items())
        ]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def read_engagement(folder: Path) -> Folder:
    """Read engagement.yaml and every interview; raise InvalidInput with all problems."""
    path = folder / ENGAGEMENT_FILE
    if not folder.is_dir():
        raise InvalidInput(
            Problem(
                str(folder),
                0,
                "",
                _NO_FOLDER.format(folder=folder),
            )
        )
    if not path.exists() and not path.is_symlink():
        raise InvalidInput(
            Problem(
                str(path),
                0,
                "",
                "missing; this folder is not an engagement. "
                f"Create one with `assess init {folder} --customer NAME`",
            )
        )
    problems: list[Problem] = []
    doc = _read(path, folder, problems)
    engagement = None
    if doc is not None:
        if not isinstance(doc.data, dict):
            problems.append(Problem(doc.name, 1, "", "expected a mapping such as `customer: ...`"))
        else:
            engagement, found = validate(Engagement, doc.data, doc)
            problems += found
    interviews, docs, paths = {}, {}, {}
    for ipath in interview_files(folder, problems):
        idoc = _read(ipath, folder, problems)
        if idoc is None:
            continue
        interview, found = validate_document(Interview, idoc)
        problems += found
        if interview is not None:
            interviews[ipath.stem], docs[ipath.stem], paths[ipath.stem] = interview, idoc, ipath
    problems += _same_person_twice(interviews, paths)
    if problems or engagement is None or doc is None:
        raise InvalidInput(problems)
    return Folder(folder, engagement, doc, interviews, docs, paths)


def interview_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """`interviews/*.yaml` and `*.yml`; a missing folder is none, a file in its place a problem."""
    where = folder / INTERVIEWS_DIR
    if where.is_symlink() or (where.exists() and not where.is_dir()):
        if where.is_symlink():
            try:
                inside_root(where, folder)
            except InvalidInput as exc:
                problems += exc.problems
                return []
        if not where.is_dir():
            problems.append(
                Problem(
                    str(where),
                    0,
                    "",
                    f"is a file, but interviews live in a folder of that name; rename the file "
                    f"and create the folder with `mkdir {where}`",
                )
            )
            return []
    if not where.is_dir():
        return []
    files = sorted(
        p for p in where.iterdir() if p.suffix in SUFFIXES and not p.name.startswith(".")
    )
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            problems.append(
                Problem(
                    str(path),
                    0,
                    "",
                    f"and {seen[path.stem].name} are two files for one respondent; keep one",
                )
            )
        seen.setdefault(path.stem, path)
    return list(seen.values())


def _same_person_twice(interviews: dict[str, Interview], paths: dict[str, Path]) -> list[Problem]:
    """Two files recording one respondent (a copied file) would count their answers twice."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for stem, interview in sorted(interviews.items()):
        key = identity(interview)
        if key in owner:
            other = paths[owner[key]].name
            problems.append(
                Problem(
                    str(paths[stem]),
                    0,
                    "respondent",
                    f"records the same person as {other} ({interview.respondent.name}); a copied "
                    "interview counts twice. Delete the copy, or give it the right respondent "
                    "and remove its `id` line",
                )
            )
        owner.setdefault(key, stem)
    return problems


def identity(interview: Interview) -> str:
    """Who a file is about: its stored respondent id, else (an older file) the name."""
    respondent = interview.respondent
    return f"id:{respondent.id}" if respondent.id else f"name:{same_name(respondent.name)}"


def same_name(name: str) -> str:
    """A name compared the way people read it: case and spacing ignored."""
    return " ".join(name.split()).casefold()


def _read(path: Path, root: Path, problems: list[Problem]) -> Document | None:
    try:
        doc = read_yaml(path, root=root)
    except InvalidInput as exc:
        problems += exc.problems
        return None
    problems += doc.problems
    return doc


# --- writing ---------------------------------------------------------------------------------


def init_engagement(folder: Path, customer: str, pack: str, today: dt.date) -> Path:
    """Create a new engagement folder; never touches an existing engagement."""
    if not customer.strip():
        raise InvalidInput(
            Problem(
                "",
                0,
                "--customer",
                'is empty; give the customer\'s name, e.g. --customer "Acme Ltd"',
            )
        )
    if (folder / ENGAGEMENT_FILE).exists() or (folder / ENGAGEMENT_FILE).is_symlink():
        raise InvalidInput(
            Problem(str(folder / ENGAGEMENT_FILE), 0, "", "already exists; choose a new folder")
        )
    engagement = Engagement(customer=customer, pack=pack, date=today)
    try:
        (folder / INTERVIEWS_DIR).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InvalidInput(
            Problem(str(folder / INTERVIEWS_DIR), 0, "", "exists but is not a folder; move it away")
        ) from None
    except OSError as exc:
        raise InvalidInput(Problem(str(folder), 0, "", f"cannot create: {exc.strerror}")) from None
    with writer_lock(folder, "init"):
        atomic_write(
            folder / ENGAGEMENT_FILE, dump_yaml(engagement_data(engagement)), expect=ABSENT
        )
    return folder


def engagement_data(engagement: Engagement) -> dict[str, Any]:
    """engagement.yaml content in the documented key order."""
    return engagement.model_dump(mode="json", exclude_none=True)


def new_respondent_id() -> str:
    """A stable respondent id: random, so distinct people never share one."""
    return uuid.uuid4().hex[:16]


def with_id(interview: Interview) -> Interview:
    """The interview with a respondent id (an older file gets one on its next save)."""
    if interview.respondent.id:
        return interview
    respondent = interview.respondent.model_copy(update={"id": new_respondent_id()})
    return interview.model_copy(update={"respondent": respondent})


def interviews_of(found: Folder, name: str) -> list[str]:
    """The keys of the interviews that record a respondent called `name`."""
    wanted = same_name(name)
    return [
        k for k, iv in sorted(found.interviews.items()) if same_name(iv.respondent.name) == wanted
    ]


def interview_path(folder: Path, respondent: str) -> Path:
    """Where a respondent's file would go by name alone (see `free_interview_path`)."""
    return inside(folder / INTERVIEWS_DIR, respondent, ".yaml")


def free_interview_path(folder: Path, respondent: str) -> Path:
    """A new file for a new respondent: the name's slug, with `-2`, `-3`... when it is taken."""
    first = interview_path(folder, respondent)
    candidate, number = first, 1
    while any(_taken(candidate.with_suffix(suffix)) for suffix in SUFFIXES):
        number += 1
        candidate = first.with_name(f"{first.stem}-{number}.yaml")
    return candidate


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def save_interview(
    folder: Path, interview: Interview, path: Path | None = None, expect: str | None = UNCHECKED
) -> Path:
    """Write one interview atomically (call inside `writer_lock`); see `write_interview`."""
    return write_interview(folder, interview, path, expect)[0]


def write_interview(
    folder: Path, interview: Interview, path: Path | None = None, expect: str | None = UNCHECKED
) -> tuple[Path, str]:
    """Write one interview to `path` (default: by name); returns the path and what it now holds.

    `expect` is the sha256 the file had when it was read (ABSENT for a new file): a file edited
    on disk since is kept and the save refused. A file that records another respondent is
    never written over.
    """
    target = path or interview_path(folder, interview.respondent.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if expect is UNCHECKED:  # with `expect`, the file is the one read (and matched) or absent
        _refuse_another_person(target, interview)
    data = interview.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["respondent"] = interview.respondent.model_dump(mode="json", exclude_defaults=True)
    answers = data.get("answers", {})
    for answer in answers.values():
        if answer.get("note") == "":
            answer.pop("note")
    return target, atomic_write(target, dump_yaml(data), expect=expect)


def _refuse_another_person(target: Path, interview: Interview) -> None:
    if not _taken(target):
        return
    problems: list[Problem] = []
    doc = _read(target, target.parent, problems)
    if doc is None or problems:
        raise InvalidInput(problems)
    on_disk, found = validate_document(Interview, doc)
    if on_disk is None:
        raise InvalidInput(found)
    mine, theirs = interview.respondent, on_disk.respondent
    same = (
        mine.id == theirs.id
        if mine.id and theirs.id
        else same_name(mine.name) == same_name(theirs.name)
    )
    if not same:
        raise InvalidInput(
            Problem(
                str(target),
                0,
                "respondent",
                f"records {theirs.name}, not {mine.name}; nothing was saved over it. "
                "Interview them under their own file (run again and pick or name the person)",
            )
        )
