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
were no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

ENV = "ASSESS_CACHE_DIR"
FORMAT = 1
MISS: Any = object()  # what `load` returns when there is no usable entry
_OFF = {"", "off"}


def cache_folder() -> Path | None:
    """Where parsed files are kept for this reader format; None when the cache is off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        if configured.strip().lower() in _OFF:
            return None
        base = Path(configured).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) / "assess" if os.path.isabs(xdg) else Path.home() / ".cache" / "assess"
    return base / f"yaml-{FORMAT}-pyyaml-{yaml.__version__}"


def _entry(digest: str) -> Path | None:
    folder = cache_folder()
    if folder is None or len(digest) != 64:
        return None
    return folder / digest[:2] / f"{digest}.json"


def load(digest: str) -> Any:
    """The data of the file whose bytes have sha256 `digest`, or MISS."""
    path = _entry(digest)
    if path is None:
        return MISS
    try:
        blob = path.read_bytes()
        header, _, payload = blob.partition(b"\n")
        head = json.loads(header)
        if head != {"source": digest, "data": hashlib.sha256(payload).hexdigest()}:
            return MISS
        return json.loads(payload)
    except (OSError, ValueError, RecursionError):
        return MISS


def store(digest: str, data: Any) -> None:
    """Keep `data` as the parse of the bytes with sha256 `digest`; silently skipped on failure."""
    path = _entry(digest)
    if path is None:
        return
    try:
        payload = json.dumps(data, separators=(",", ":")).encode("ascii")
        header = json.dumps({"source": digest, "data": hashlib.sha256(payload).hexdigest()})
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header.encode("ascii") + b"\n" + payload)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except (OSError, ValueError, TypeError, RecursionError):
        return
