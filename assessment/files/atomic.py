"""Write outputs whole or not at all, and only over files we wrote ourselves.

- `replacing` writes one file through a temp name unique to the writer, then renames it in.
- `refusal` says why a path may not be replaced: only an absent path or a regular file that is
  our own earlier output may be; one changed since we wrote it needs `--force`; anything else
  (an interview, `engagement.yaml`, a returned form, a link, a device) is never replaced.
- `staged_set` renders a whole set into a private staging folder and swaps it in under a lock,
  with a manifest (`assess-manifest.json`) saying which run the folder holds and each file's hash.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import shutil
import stat
import sys
import traceback
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from assessment.errors import InvalidInput, Problem

MANIFEST = "assess-manifest.json"
OURS, CHANGED, FOREIGN = "ours", "changed", "foreign"
_STAGING = ".assess-staging-"
_SWAP_LOCK = ".assess-output.lock"
_ALIVE = ".alive"

Verdict = Callable[[Path], str]


def unique_temp(target: Path, kind: str = "partial") -> Path:
    """A temp path beside `target` that no other writer (process or thread) can pick."""
    return target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.{kind}")


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temp path beside `target`; on success it replaces `target` in one rename."""
    temp = unique_temp(target)
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        message = f"{target}: could not write ({exc.strerror or exc})"
        _quietly_collect(exc)
        del exc
        raise InvalidInput(message) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _quietly_collect(error: BaseException) -> None:
    """Finalise half-written library objects now, so their close errors are not printed later.

    A zip writer that hit a full disk fails again when garbage-collected and Python prints
    "Exception ignored in ..." after our one-line message; the first error is the one reported.
    The frames of `error` still hold the writer (the traceback lives on in the message we
    raise instead), so their variables are cleared first.
    """
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        traceback.clear_frames(error.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = previous


def digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def refusal(target: Path, verdict: Verdict, force: bool, maker: str) -> Problem | None:
    """Why `target` may not be replaced by `maker`'s output, or None when it may."""
    try:
        mode = os.lstat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None  # nothing there to replace; creating the folder reports what is wrong
    except OSError as exc:
        return Problem(
            str(target), 0, "", f"cannot be checked ({exc.strerror}); choose another path"
        )
    if not stat.S_ISREG(mode):
        return Problem(
            str(target), 0, "", "is not a regular file; nothing was written. Choose another path"
        )
    found = verdict(target)
    if found == OURS or (found == CHANGED and force):
        return None
    if found == CHANGED:
        return Problem(
            str(target),
            0,
            "",
            f"was written by `{maker}` but has changed since; nothing was written. "
            "Pass --force to replace it, or choose another path",
        )
    return Problem(
        str(target),
        0,
        "",
        f"was not written by `{maker}`; nothing was written. Choose another path "
        "(--force replaces only files it wrote)",
    )


def make_folder(folder: Path) -> None:
    """Create an output folder; one clear line when that is impossible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(
            Problem(
                str(folder),
                0,
                "",
                f"cannot create the output folder ({exc.strerror or exc}); choose another path",
            )
        ) from None


# --- locks -----------------------------------------------------------------------------------


def try_lock(handle: Any, wait: bool = False) -> bool:
    """Take an exclusive OS lock on an open file; the OS drops it when the holder dies."""
    try:
        if os.name == "nt":
            import msvcrt

            mode = msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK  # type: ignore[attr-defined]
            msvcrt.locking(handle.fileno(), mode, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


@contextlib.contextmanager
def _held(folder: Path) -> Iterator[None]:
    """Hold `folder`'s swap lock, waiting for another run's swap to finish.

    POSIX locks the folder itself, so nothing is written there just to lock it; Windows
    cannot open a folder, so it locks a hidden file in it.
    """
    if os.name == "nt":
        with open(folder / _SWAP_LOCK, "a+b") as handle:
            try_lock(handle, wait=True)
            yield
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# --- a whole set of outputs ------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any]:
    """The folder's manifest, or an empty one when there is none (or it is not ours)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else {}


def manifest_verdict(manifest: dict[str, Any]) -> Verdict:
    """OURS when a file's bytes are ones the manifest records for its name."""
    known: dict[str, set[str]] = {}
    for table in (manifest.get("files", {}), manifest.get("replacing", {})):
        for name, entry in table.items():
            if isinstance(entry, dict) and isinstance(entry.get("sha256"), str):
                known.setdefault(name, set()).add(entry["sha256"])

    def verdict(path: Path) -> str:
        if path.name not in known:
            return FOREIGN
        return OURS if digest(path) in known[path.name] else CHANGED

    return verdict


@contextlib.contextmanager
def staged_set(out: Path, run: dict[str, Any], maker: str, force: bool) -> Iterator[Path]:
    """Yield a private staging folder; afterwards swap everything written there into `out`.

    The swap holds the folder's lock, checks every target first (nothing is replaced unless
    all may be), records the new hashes in the manifest before renaming (marked incomplete,
    with the hashes it replaces) and marks it complete after, so a reader can always tell
    which run each file came from. A failed render leaves `out` untouched.
    """
    make_folder(out)
    _clean_dead_stagings(out)
    staging, alive = _new_staging(out)
    try:
        yield staging
        _swap(staging, out, run, maker, force)
    finally:
        alive.close()
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, out: Path, run: dict[str, Any], maker: str, force: bool) -> None:
    names = sorted(p.name for p in staging.iterdir() if p.is_file() and p.name != _ALIVE)
    hashes = {name: digest(staging / name) for name in names}
    try:
        with _held(out):
            manifest = read_manifest(out)
            verdict = manifest_verdict(manifest)
            problems = [refusal(out / name, verdict, force, maker) for name in names]
            if any(problems):
                raise InvalidInput([p for p in problems if p])
            runs = dict(manifest.get("runs", {}))
            runs[run["id"]] = run
            files = {
                name: entry
                for name, entry in manifest.get("files", {}).items()
                if name not in hashes and (out / name).is_file()
            }
            files.update({name: {"sha256": sha, "run": run["id"]} for name, sha in hashes.items()})
            used = {entry.get("run") for entry in files.values()}
            record = {
                "written_by": maker,
                "run": run["id"],
                "complete": False,
                "runs": {rid: info for rid, info in runs.items() if rid in used},
                "files": files,
                "replacing": manifest.get("files", {}),
            }
            _write_manifest(out, record)
            for name in names:
                os.replace(staging / name, out / name)
            record["complete"] = True
            del record["replacing"]
            _write_manifest(out, record)
    except OSError as exc:
        raise InvalidInput(
            Problem(str(out), 0, "", f"could not write ({exc.strerror or exc}); see {MANIFEST}")
        ) from None


def _write_manifest(out: Path, record: dict[str, Any]) -> None:
    target = out / MANIFEST
    temp = unique_temp(target, "tmp")
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(record, handle, indent=2, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _new_staging(out: Path) -> tuple[Path, Any]:
    """A staging folder of this run and its held lock. A folder another run's clean-up took
    for a dead one (it held the lock first, or removed the folder) is given up for a new one."""
    while True:
        staging = out / f"{_STAGING}{os.getpid()}-{uuid.uuid4().hex[:12]}"
        staging.mkdir()
        alive = open(staging / _ALIVE, "a+b")  # noqa: SIM115 - held until the swap is done
        try:
            if try_lock(alive) and os.path.samestat(
                os.fstat(alive.fileno()), os.stat(staging / _ALIVE)
            ):
                return staging, alive
        except OSError:
            pass
        alive.close()
        shutil.rmtree(staging, ignore_errors=True)


def _clean_dead_stagings(out: Path) -> None:
    """Remove staging folders whose run died (their lock is free); live runs keep theirs.
    The lock is held while the folder is removed, so a run just starting there notices."""
    for folder in out.glob(f"{_STAGING}*"):
        try:
            with open(folder / _ALIVE, "rb") as handle:
                if try_lock(handle):
                    shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue  # just being created, or not ours to judge: leave it
