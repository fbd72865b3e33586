"""A cache of parsed YAML, so a file read before is not parsed again.

An entry is the plain data (dicts, lists, strings, nulls) a file parsed to, as JSON: never
anything that runs code when loaded. It is keyed by the sha256 of the file's bytes and by the
reader's format (this module's FORMAT and the YAML library's version), so an edited file or a
new release of the reader never meets an old entry. Only files that parsed without a problem
are kept. Entries live in the user's cache folder, never in an engagement folder:

    $ASSESS_CACHE_DIR            when set (`off` or empty: no cache at all)
    $XDG_CACHE_HOME/assess       else, when XDG_CACHE_HOME is an absolute path
    ~/.cache/assess              else

The cache is best-effort: an entry that cannot be read, does not check out (its own sha256
of the data it holds) or cannot be written is ignored, and the file is parsed as if there
were no cache. An entry that checks out but is not JSON (it cannot be, short of someone
writing both the entry and its sha256) is noticed when decoded, and the file is read instead.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

ENV = "ASSESS_CACHE_DIR"
FORMAT = 1
_OFF = {"", "off"}


def cache_folder() -> Path | None:
    """Where parsed files are kept for this reader format; None when the cache is off."""
    return _folder(
        os.environ.get(ENV), os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME")
    )


@functools.lru_cache(maxsize=8)
def _folder(configured: str | None, xdg: str, home: str | None) -> Path | None:
    # keyed by the three variables it depends on (`home` through Path.home())
    if configured is not None:
        if configured.strip().lower() in _OFF:
            return None
        base = Path(configured).expanduser()
    else:
        base = Path(xdg) / "assess" if os.path.isabs(xdg) else Path.home() / ".cache" / "assess"
    return base / f"yaml-{FORMAT}-pyyaml-{yaml.__version__}"


def _entry(digest: str) -> Path | None:
    folder = cache_folder()
    if folder is None or len(digest) != 64:
        return None
    return folder / digest[:2] / f"{digest}.json"


def load(digest: str) -> bytes | None:
    """The data of the file whose bytes have sha256 `digest`, as JSON text; None if not kept.

    The JSON is checked against the sha256 its entry records, not decoded: `json.loads` (or a
    model's `model_validate_json`) is the caller's, when and if it needs the data."""
    path = _entry(digest)
    if path is None:
        return None
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    header, _, payload = blob.partition(b"\n")
    if header != _header(digest, payload):
        return None
    return payload


def _header(digest: str, payload: bytes) -> bytes:
    return json.dumps({"source": digest, "data": hashlib.sha256(payload).hexdigest()}).encode()


def store(digest: str, data: Any) -> None:
    """Keep `data` as the parse of the bytes with sha256 `digest`; silently skipped on failure."""
    path = _entry(digest)
    if path is None:
        return
    try:
        payload = json.dumps(data, separators=(",", ":")).encode("ascii")
        header = _header(digest, payload)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + b"\n" + payload)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except (OSError, ValueError, TypeError, RecursionError):
        return
