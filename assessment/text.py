"""Clean text at the boundary and fill the pack placeholders; slug names that become paths."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# XML 1.0 forbids C0 controls except tab/newline/CR, plus U+FFFE/U+FFFF and lone surrogates;
# python-docx and openpyxl raise ValueError on them, and terminals act on ESC sequences.
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}

PLACEHOLDERS = ("{customer}", "{organisation}")


def clean(text: str) -> str:
    """Drop terminal escape sequences and characters no document format can hold."""
    if not text:
        return text
    return _ILLEGAL.sub("", _ANSI.sub("", text))


def fill(text: str, customer: str, organisation: str = "") -> str:
    """Replace the documented placeholders by plain string replacement, never as a template."""
    return text.replace("{customer}", customer).replace(
        "{organisation}", organisation or f"{customer} IT"
    )


def shorten(text: str, width: int, at_word: bool = False) -> str:
    """One line of at most `width` characters: whitespace collapsed, a cut ends with `…`.

    `at_word` cuts before the last whole word that fits, for prose; otherwise mid-word, for menus.
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if at_word:
        return text[: max(1, width - 3)].rsplit(" ", 1)[0] + "…"
    return text[: max(1, width - 1)] + "…"


@dataclass(frozen=True)
class Shown:
    """Pack or customer text as a reader sees it: placeholders filled, escapes and characters no
    document format can hold removed, outer spaces trimmed."""

    customer: str
    organisation: str = ""

    def __call__(self, text: str) -> str:
        return clean(fill(text or "", self.customer, self.organisation)).strip()

    def all(self, texts: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        return tuple(self(text) for text in texts)


def bulleted(lines: tuple[str, ...] | list[str]) -> str:
    """Lines as one table cell: a bullet per line, one line each."""
    return "\n".join(f"• {line}" for line in lines)


_COUNTS: tuple[str, ...] = ("zero", "one", "two", "three", "four", "five", "six")
_COUNTS += ("seven", "eight", "nine", "ten", "eleven", "twelve")


def count_word(n: int) -> str:
    """A count as prose writes it: `five` for 5, digits from 13 on."""
    return _COUNTS[n] if 0 <= n < len(_COUNTS) else str(n)


def slug(name: str, max_length: int = 60) -> str:
    """A file-system-safe name: lower-case ASCII words joined by hyphens, never empty."""
    ascii_name = unicodedata.normalize("NFKD", clean(name)).encode("ascii", "ignore").decode()
    result = _SLUG_UNSAFE.sub("-", ascii_name.lower()).strip("-")[:max_length].strip("-")
    if not result:
        return "unnamed"
    if result in _RESERVED:
        return f"{result}-file"
    return result
