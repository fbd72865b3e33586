"""The PDFs' fonts, cut once per machine instead of once per document.

A PDF embeds the glyphs it uses, cut out of each font file. Without the system's HarfBuzz
subsetter (a separate package we cannot count on), WeasyPrint cuts them with fontTools, which
reads the whole font's tables each time: 0.3 to 0.6 s per font and document, whatever its
length, 1.3 to 1.8 s for one of our PDFs (three faces of one family).

Here each font is cut once, by WeasyPrint's own cut, to the glyphs of the characters our
documents are written in (Latin letters and accents, punctuation, currency, arrows and a few
signs, with the ligatures the text shaper forms from them), and kept in the user's cache
folder (`files.usercache`). A document that uses no other glyph of that font embeds the kept
cut; any other is cut by WeasyPrint as before. The glyph numbers, widths and text map are
WeasyPrint's either way, so a PDF looks and reads the same; it is about 30 KB larger.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assessment.files import usercache

FORMAT = 1
_MARK = "_assess_kept_cut"  # set on the installed method, so installing twice changes nothing


def _characters() -> frozenset[int]:
    spans = (
        (0x20, 0x7E),  # ASCII
        (0xA0, 0x17F),  # Latin-1 and Latin Extended-A: the letters of European names
        (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
        (0x2030, 0x203A),  # per mille, primes, angle quotes
        (0x2190, 0x2193),  # arrows
    )
    signs = (0x20AC, 0x2122, 0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0x25A0, 0x25CF, 0x2713)
    return frozenset(c for low, high in spans for c in range(low, high + 1)) | set(signs)


CHARACTERS = _characters()

Kept = tuple[frozenset[int], bytes]  # the glyph numbers a cut holds, and the cut font file
_memo: dict[Path, Kept | None] = {}  # per process: each entry is read once


def install(fonts: Any) -> None:
    """Let WeasyPrint's `fonts` module (weasyprint.pdf.fonts) embed the kept cuts."""
    font_class: Any = getattr(fonts, "Font", None)
    original = getattr(font_class, "subset", None)
    if original is None or not hasattr(font_class, "_fonttools_subset"):
        return  # another WeasyPrint than the locked one: leave it as it is
    if getattr(original, _MARK, False) or getattr(fonts, "harfbuzz_subset", None):
        return  # installed already, or HarfBuzz cuts fast: nothing to save

    def subset(font: Any, to_unicode: dict[int, str], hinting: bool) -> None:
        kept = _kept(font, hinting) if to_unicode and not font.missing else None
        if kept is not None and kept[0].issuperset(to_unicode):
            font.file_content = kept[1]
        else:
            original(font, to_unicode, hinting)

    setattr(subset, _MARK, True)
    font_class.subset = subset


def _kept(font: Any, hinting: bool) -> Kept | None:
    """The kept cut of `font` (made and kept now if there is none); None if it cannot be cut."""
    digest = hashlib.sha256(f"{FORMAT} {font.index} {hinting} ".encode() + font.file_content)
    key = digest.hexdigest()
    path = _entry(key)
    if path is None:
        return None  # no cache: a cut made now would serve this process only, WeasyPrint cuts
    if path in _memo:
        return _memo[path]
    kept = _decode(usercache.read(path, key))
    if kept is None:
        kept = _cut(font, hinting)
        if kept is not None:
            usercache.write(path, key, json.dumps(sorted(kept[0])).encode() + b"\n" + kept[1])
    _memo[path] = kept
    return kept


def _entry(key: str) -> Path | None:
    import fontTools
    import weasyprint

    kind = f"fonts-{FORMAT}-weasyprint-{weasyprint.__version__}-fonttools-{fontTools.version}"
    folder = usercache.folder(kind)
    return None if folder is None else folder / f"{key}.font"


def _decode(payload: bytes | None) -> Kept | None:
    if payload is None:
        return None
    numbers, _, content = payload.partition(b"\n")
    try:
        glyphs = json.loads(numbers)
    except ValueError:
        return None
    if not content or not isinstance(glyphs, list) or not all(type(g) is int for g in glyphs):
        return None
    return frozenset(glyphs), content


def _cut(font: Any, hinting: bool) -> Kept | None:
    """Cut `font` to the glyphs of CHARACTERS with WeasyPrint's own cut (same options)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    whole = font.file_content
    try:
        with _quiet():
            parsed = TTFont(io.BytesIO(whole), fontNumber=font.index)
            number = {name: gid for gid, name in enumerate(parsed.getGlyphOrder())}
            closure = subset.Subsetter(subset.Options(notdef_outline=True))
            closure.populate(unicodes=CHARACTERS)
            closure.subset(parsed)  # follows the ligatures (fi, fl, ffi) the shaper forms
            glyphs = frozenset({0} | {number[name] for name in closure.glyphs_retained})
            cut: Callable[..., None] = type(font)._fonttools_subset
            cut(font, dict.fromkeys(sorted(glyphs)), hinting)
    except Exception:  # a font we cannot cut is embedded by WeasyPrint as before
        return None
    finally:
        content, font.file_content = font.file_content, whole
    return None if content is whole else (glyphs, content)


@contextmanager
def _quiet() -> Iterator[None]:
    """fontTools logs each table it does not know how to cut ("FFTM NOT subset")."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
