"""Engagement folder I/O: atomic saves with a kept previous version, a writer lock, safe paths.

<engagement>/engagement.yaml
<engagement>/interviews/<respondent-slug>.yaml
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment.engagement.model import Engagement, Interview
from assessment.errors import InvalidInput, Problem
from assessment.files.validation import validate
from assessment.files.yamlfile import Document, dump_yaml, read_yaml
from assessment.text import slug

ENGAGEMENT_FILE = "engagement.yaml"
INTERVIEWS_DIR = "interviews"
LOCK_FILE = ".assess.lock"


def inside(root: Path, name: str, suffix: str = "") -> Path:
    """`root/<slug(name)><suffix>`, guaranteed to stay inside `root`."""
    root = root.resolve()
    path = (root / f"{slug(name)}{suffix}").resolve()
    if path.parent != root:
        raise InvalidInput(f"{name!r} would leave {root}; choose a plain name")
    return path


def atomic_write(path: Path, text: str, keep_previous: bool = True) -> None:
    """Write `text` so that a crash leaves either the old file or the new one, never a mix.

    Temp file in the same folder, flush + fsync, keep the previous version as `.<name>.bak`,
    `os.replace`, then fsync the folder so the rename itself is durable.
    """
    folder = path.parent
    temp = folder / f".{path.name}.tmp-{os.getpid()}"
    data = text.encode("utf-8")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_previous and path.exists():
            backup = folder / f".{path.name}.bak"
            with contextlib.suppress(FileNotFoundError):
                os.unlink(backup)
            os.link(path, backup)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise InvalidInput(
            Problem(
                str(path),
                0,
                "",
                f"could not save: {exc.strerror or exc}; the previous version is intact",
            )
        ) from None
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def clean_stray_temps(folder: Path) -> list[Path]:
    """Remove temp files a killed save left behind (the real file is intact)."""
    removed = []
    for temp in folder.glob(".*.tmp-*"):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


@contextlib.contextmanager
def writer_lock(folder: Path, purpose: str) -> Iterator[None]:
    """Hold the engagement's write lock; a second writer gets a clear refusal.

    The OS releases the lock when the holder dies, even on `kill -9`, so it never goes stale.
    """
    path = folder / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    try:
        if not _try_lock(handle):
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


def _try_lock(handle: Any) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


# --- reading ---------------------------------------------------------------------------------


@dataclass
class Folder:
    """An engagement as read from disk: models plus the documents they came from."""

    path: Path
    engagement: Engagement
    engagement_doc: Document
    interviews: dict[str, Interview] = field(default_factory=dict)
    interview_docs: dict[str, Document] = field(default_factory=dict)


def read_engagement(folder: Path) -> Folder:
    """Read engagement.yaml and every interview; raise InvalidInput with all problems."""
    path = folder / ENGAGEMENT_FILE
    if not folder.is_dir():
        raise InvalidInput(
            Problem(
                str(folder),
                0,
                "",
                "no such engagement folder; create one "
                f"with `assess init {folder} --customer NAME`",
            )
        )
    if not path.is_file():
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
    doc = _read(path, problems)
    engagement = None
    if doc is not None:
        if not isinstance(doc.data, dict):
            problems.append(Problem(doc.name, 1, "", "expected a mapping such as `customer: ...`"))
        else:
            engagement, found = validate(Engagement, doc.data, doc)
            problems += found
    interviews, docs = {}, {}
    for ipath in sorted((folder / INTERVIEWS_DIR).glob("*.yaml")):
        idoc = _read(ipath, problems)
        if idoc is None:
            continue
        interview, found = validate(Interview, idoc.data, idoc)
        problems += found
        if interview is not None:
            interviews[ipath.stem], docs[ipath.stem] = interview, idoc
    if problems or engagement is None or doc is None:
        raise InvalidInput(problems)
    return Folder(folder, engagement, doc, interviews, docs)


def _read(path: Path, problems: list[Problem]) -> Document | None:
    try:
        doc = read_yaml(path)
    except InvalidInput as exc:
        problems += exc.problems
        return None
    problems += doc.problems
    return doc


# --- writing ---------------------------------------------------------------------------------


def init_engagement(folder: Path, customer: str, pack: str, today: dt.date) -> Path:
    """Create a new engagement folder; never touches an existing engagement."""
    if (folder / ENGAGEMENT_FILE).exists():
        raise InvalidInput(
            Problem(str(folder / ENGAGEMENT_FILE), 0, "", "already exists; choose a new folder")
        )
    engagement = Engagement(customer=customer, pack=pack, date=today)
    try:
        (folder / INTERVIEWS_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(Problem(str(folder), 0, "", f"cannot create: {exc.strerror}")) from None
    with writer_lock(folder, "init"):
        atomic_write(folder / ENGAGEMENT_FILE, dump_yaml(engagement_data(engagement)))
    return folder


def engagement_data(engagement: Engagement) -> dict[str, Any]:
    """engagement.yaml content in the documented key order."""
    return engagement.model_dump(mode="json", exclude_none=True)


def interview_path(folder: Path, respondent: str) -> Path:
    return inside(folder / INTERVIEWS_DIR, respondent, ".yaml")


def save_interview(folder: Path, interview: Interview) -> Path:
    """Write one interview atomically (call inside `writer_lock`)."""
    target = interview_path(folder, interview.respondent.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = interview.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["respondent"] = interview.respondent.model_dump(mode="json", exclude_defaults=True)
    answers = data.get("answers", {})
    for answer in answers.values():
        if answer.get("note") == "":
            answer.pop("note")
    atomic_write(target, dump_yaml(data))
    return target
