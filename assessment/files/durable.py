"""Save one file durably: a crash leaves the old version or the new one, never a mix.

The previous version is kept as `.<name>.bak`; with `expect`, a file changed on disk since it was
read is left as it is and the save refused. Temp files a killed save left behind are cleaned up.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from pathlib import Path

from assessment.errors import InvalidInput, Problem

UNCHECKED = None  # `expect` value: write without comparing with what is on disk
ABSENT = ""  # `expect` value: the file must not exist yet


def atomic_write(
    path: Path, text: str, keep_previous: bool = True, expect: str | None = UNCHECKED
) -> str:
    """Write `text` so that a crash leaves either the old file or the new one, never a mix.

    Temp file in the same folder (a name unique to this writer), flush + fsync, keep the
    previous version as `.<name>.bak`, `os.replace`, then fsync the folder so the rename itself
    is durable. With `expect` (the sha256 the file had when read, or ABSENT) a file changed on
    disk since is left as it is and the save refused. Returns the sha256 of what was written.
    """
    folder = path.parent
    temp = folder / f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    data = text.encode("utf-8")
    if expect is not UNCHECKED:
        _check_unchanged(path, expect)
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
    return hashlib.sha256(data).hexdigest()


def _check_unchanged(path: Path, expect: str) -> None:
    try:
        now = hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        now = ABSENT
    except OSError as exc:
        raise InvalidInput(
            Problem(str(path), 0, "", f"cannot be checked before saving ({exc.strerror})")
        ) from None
    if now != expect:
        what = "was created" if expect == ABSENT else "was changed"
        raise InvalidInput(
            Problem(
                str(path),
                0,
                "",
                f"{what} on disk since this session read it; nothing was saved over it, so that "
                "edit is kept. Run the command again to continue from the file as it is now",
            )
        )


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
