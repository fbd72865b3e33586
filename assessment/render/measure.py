"""Measure text with a real font, so table columns are sized to never break a word.

DejaVu Sans ships with matplotlib, so every installation measures the same way; it is a
little wider than Arial and Calibri, so a column it finds wide enough is wide enough in Word
and LibreOffice too.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

POINT_CM = 2.54 / 72
_SCALE = 20  # fonts are loaded at 20 x the wanted size for sub-point precision


@functools.cache
def _font(bold: bool) -> Any:
    from PIL import ImageFont

    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.origin is not None
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(spec.origin).parent / "mpl-data/fonts/ttf" / name), _SCALE)


def text_width_cm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of `text` on one line at `size_pt` points."""
    return _length(text, bold) / _SCALE * size_pt * POINT_CM


@functools.lru_cache(maxsize=1 << 16)
def _length(text: str, bold: bool) -> float:
    # a document measures the same words over and over (every cell of every table)
    return float(_font(bold).getlength(text))


def longest_word_cm(texts: Sequence[str], size_pt: float, bold: bool = False) -> float:
    """The width of the widest single word in `texts` (a line can break only between words)."""
    words = {word for text in texts for word in str(text).split()}
    return max((text_width_cm(word, size_pt, bold) for word in words), default=0.0)


# Arial and Liberation Sans measure 82-97% of DejaVu Sans word for word (measured on the
# report's words); a table short of room may shrink its minimums by this much and still fit.
WORD_TOLERANCE = 0.9


def fit_columns(
    widths: Sequence[float], minimums: Sequence[float], total: float | None = None
) -> list[float]:
    """Widths summing to `total` (their own sum by default) where each column gets its minimum.

    A column below its minimum is widened; the width it needs is taken from the other columns
    in proportion to what they can spare. When the minimums alone exceed the total, they are
    shrunk within WORD_TOLERANCE; beyond that each column gets its shrunk minimum (the table
    is then wider than asked, but no word breaks).
    """
    total = sum(widths) if total is None else total
    if sum(minimums) > total:
        minimums = [m * max(WORD_TOLERANCE, total / sum(minimums)) for m in minimums]
    widths = [w * total / (sum(widths) or 1) for w in widths]
    need = [max(w, m) for w, m in zip(widths, minimums, strict=True)]
    spare = [max(0.0, w - m) for w, m in zip(need, minimums, strict=True)]
    excess = sum(need) - total
    if excess <= 0:
        return need
    if sum(spare) <= excess:
        return list(minimums)
    return [w - excess * s / sum(spare) for w, s in zip(need, spare, strict=True)]
