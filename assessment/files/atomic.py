"""Write a generated file whole or not at all, so a failed render never clobbers a good file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from assessment.errors import InvalidInput


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temp path beside `target`; on success it replaces `target` in one rename."""
    temp = target.with_name(f".{target.name}.partial")
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        raise InvalidInput(f"{target}: could not write ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
