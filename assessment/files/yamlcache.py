"""A cache of parsed YAML, so a file read before is not parsed again.

An entry is the plain data (dicts, lists, strings, nulls) a file parsed to, as JSON: never
anything that runs code when loaded. It is keyed by the sha256 of the file's bytes and by the
reader's format (this module's FORMAT and the YAML library's version), so an edited file or a
new release of the reader never meets an old entry. Only files that parsed without a problem
are kept, in the user's cache folder (see `files.usercache`: never in an engagement folder).

The cache is best-effort: an entry that cannot be read, does not check out (its own sha256
of the data it holds) or cannot be written is ignored, and the file is parsed as if there
were no cache. An entry that checks out but is not JSON (it cannot be, short of someone
writing both the entry and its sha256) is noticed when decoded, and the file is read instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from assessment.files import usercache

FORMAT = 1


def cache_folder() -> Path | None:
    """Where parsed files are kept for this reader format; None when the cache is off."""
    return usercache.folder(f"yaml-{FORMAT}-pyyaml-{yaml.__version__}")


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
    return None if path is None else usercache.read(path, digest)


def store(digest: str, data: Any) -> None:
    """Keep `data` as the parse of the bytes with sha256 `digest`; silently skipped on failure."""
    path = _entry(digest)
    if path is None:
        return
    try:
        payload = json.dumps(data, separators=(",", ":")).encode("ascii")
    except (ValueError, TypeError, RecursionError):
        return
    usercache.write(path, digest, payload)
