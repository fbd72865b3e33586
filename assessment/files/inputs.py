"""Open input files safely: regular files only, never through a link out of their root, bounded.

`stat` is not trusted for size (a FIFO or `/dev/zero` reports 0 bytes, `/proc` files lie), so
reads stop at the limit whatever it says. Opening is non-blocking, so a FIFO is refused instead
of waiting forever for a writer.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from assessment.errors import InvalidInput, Problem

CHUNK = 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def refuse(shown: str, message: str) -> InvalidInput:
    return InvalidInput(Problem(shown, 0, "", message))


def inside_root(path: Path, root: Path, shown: str | None = None) -> Path:
    """The real path of `path`; refuses a link loop, a dangling link or a link out of `root`."""
    shown = shown or str(path)
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise refuse(shown, "is a link to a file that does not exist; remove it") from None
        raise refuse(shown, "file not found") from None
    except (RuntimeError, OSError) as exc:  # Python < 3.13 raises RuntimeError on a loop
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            raise refuse(shown, "is a symbolic link loop; remove the link") from None
        raise refuse(shown, f"cannot be opened ({exc.strerror or exc})") from None
    base = root.resolve()
    if real != base and base not in real.parents:
        raise refuse(
            shown,
            f"is a link to {real}, outside {base}; copy the file in instead of linking to it",
        )
    return real


def read_input(path: Path, limit: int, shown: str | None = None, root: Path | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; one clear refusal otherwise."""
    shown = shown or str(path)
    if root is not None:
        path = inside_root(path, root, shown)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise refuse(shown, "file not found") from None
    except PermissionError:
        raise refuse(shown, "cannot be read (permission denied)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refuse(shown, "is a symbolic link loop; remove the link") from None
        raise refuse(shown, f"cannot be opened ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise refuse(shown, "is a folder, expected a file")
        if not stat.S_ISREG(mode):
            raise refuse(shown, f"is {_kind(mode)}, not a regular file; name a real file")
        return _read_bounded(fd, limit, shown)
    finally:
        os.close(fd)


def _read_bounded(fd: int, limit: int, shown: str) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
        except OSError as exc:
            raise refuse(shown, f"cannot be read ({exc.strerror or exc})") from None
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise refuse(shown, f"is larger than the limit of {limit:,} bytes")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def is_regular(path: Path) -> bool:
    """True for a regular file reached without following a link; False for anything else."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
