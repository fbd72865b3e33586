"""The user's cache folder, and its entries: bytes kept under a key, checked when read back.

Caches never live in an engagement folder. Their folder is

    $ASSESS_CACHE_DIR            when set (`off` or empty: no cache at all)
    $XDG_CACHE_HOME/assess       else, when XDG_CACHE_HOME is an absolute path
    ~/.cache/assess              else

with one subfolder per kind of entry and format. An entry is one file: a JSON header naming
its key and the sha256 of its payload, a newline, then the payload. Every cache is
best-effort: an entry that cannot be read or does not check out is not there, and one that
cannot be written is skipped; the caller then does the work as if there were no cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

ENV = "ASSESS_CACHE_DIR"
_OFF = {"", "off"}


def folder(kind: str) -> Path | None:
    """The folder of the entries of `kind` (a name with its format); None when caching is off."""
    return _folder(
        kind, os.environ.get(ENV), os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME")
    )


@functools.lru_cache(maxsize=16)
def _folder(kind: str, configured: str | None, xdg: str, home: str | None) -> Path | None:
    # keyed by the three variables it depends on (`home` through Path.home())
    if configured is not None:
        if configured.strip().lower() in _OFF:
            return None
        base = Path(configured).expanduser()
    else:
        base = Path(xdg) / "assess" if os.path.isabs(xdg) else Path.home() / ".cache" / "assess"
    return base / kind


def read(path: Path, key: str) -> bytes | None:
    """The payload kept at `path` under `key`; None when there is none or it does not check out."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    header, _, payload = blob.partition(b"\n")
    return payload if header == _header(key, payload) else None


def write(path: Path, key: str, payload: bytes) -> None:
    """Keep `payload` at `path` under `key` (whole or not at all); silently skipped on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_header(key, payload) + b"\n" + payload)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError:
        return


def _header(key: str, payload: bytes) -> bytes:
    return json.dumps({"source": key, "data": hashlib.sha256(payload).hexdigest()}).encode()
