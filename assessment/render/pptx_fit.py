"""Fit text into slide boxes by explicit geometry: how many characters and lines a box holds,
and text shortened to fit, whole sentences first. Whatever is shortened while a deck is built
is given in full in the notes of the slide that shows it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

from pptx.util import Emu

CHAR_WIDTH = 0.52  # average glyph width of Arial/Liberation Sans, as a fraction of the size

# The full text of everything shortened while the current deck is built, by its shortened
# form: `complete_notes` puts it into the notes of the slide that shows the short form.
_SHORTENED: ContextVar[dict[str, str] | None] = ContextVar("shortened", default=None)


# A sentence ends at . ! or ? (and any closing quote or bracket) before a space or the end.
_SENTENCE = re.compile(r".*?[.!?]+[\"'”’)\]]*(?=\s|$)", re.S)


def abridge(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: whole sentences if the first one fits, else cut
    at a word with an ellipsis. Whatever is cut is given in full in the speaker notes."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in _SENTENCE.finditer(text):  # successive, so no sentence is skipped
        if sentence.end() > limit:
            break
        kept = text[: sentence.end()].strip()
    if kept:
        short = kept
    else:
        cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
        short = (cut or text[: limit - 1]) + "…"
    registry = _SHORTENED.get()
    if registry is not None:
        registry[short] = text
    return short


def complete_notes(deck: Any) -> None:
    """Add to each slide's notes the full text of whatever its frames show shortened."""
    registry = _SHORTENED.get() or {}
    for slide in deck.slides:
        shown = _frame_texts(slide)
        frame = slide.notes_slide.notes_text_frame
        missing: list[str] = []
        for short, full in registry.items():
            if full not in frame.text and full not in missing and any(short in t for t in shown):
                missing.append(full)
        if missing:
            frame.text = "\n".join([*([frame.text] if frame.text else []), "In full:", *missing])


def _frame_texts(slide: Any) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts += [p.text for p in shape.text_frame.paragraphs]
        if getattr(shape, "has_table", False) and shape.has_table:
            texts += [c.text for row in shape.table.rows for c in row.cells]
    return texts


def fits(width: int, size: float) -> int:
    """How many characters of text at `size` points fit on one line `width` EMU wide."""
    return max(8, int(Emu(width).pt / (size * CHAR_WIDTH)))


def lines(height: int, size: float) -> int:
    """How many lines of text at `size` points fit `height` EMU (1.2 line spacing)."""
    return max(1, int(Emu(height).pt / (size * 1.2)))


def _per_line(width: int, size: float) -> int:
    """Characters a wrapped line holds, a few short of `fits` for the words that do not split."""
    return fits(width, size) - 4


def lines_of(value: str, width: int, size: float) -> int:
    """How many lines `value` wraps to at `size` points in `width` EMU."""
    return max(1, -(-len(value) // _per_line(width, size)))


def fit(value: str, width: int, size: float, count: int) -> str:
    """`value` shortened to about `count` lines `width` EMU wide: whole sentences where they
    fit, the full text going to the speaker notes."""
    return abridge(value, count * _per_line(width, size))


def fit_all(items: Sequence[str], width: int, size: float, count: int) -> list[str]:
    """`items` shortened to share `count` lines `width` EMU wide: each keeps the lines it
    needs while the others still get one; whatever is cut goes to the speaker notes."""
    result, left = [], count
    for index, item in enumerate(items):
        allowed = max(1, min(lines_of(item, width, size), left - (len(items) - index - 1)))
        result.append(fit(item, width, size, allowed))
        left -= allowed
    return result


def start_shortening() -> None:
    """Begin a new deck: nothing shortened yet."""
    _SHORTENED.set({})
