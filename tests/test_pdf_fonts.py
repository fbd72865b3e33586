"""The PDFs' kept font cuts: a PDF written with them reads and looks as WeasyPrint's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assessment.render import pdf_fonts, pdf_writer
from assessment.render.docx_blocks import TEMPLATES

PAGE = """<html><head><link rel="stylesheet" href="report.css"></head><body>
<h1>Release readiness at Nørdvik Ølbryggeri</h1>
<p>The <b>final</b> sign-off is <i>efficient</i> — 3 of 4 → “met”, 98 ‰ ≥ target, 12 €.</p>
{extra}</body></html>"""
GREEK = "<p>Ωμέγα: η ομάδα αλλαγών</p>"  # in the font, outside the kept cut


@pytest.fixture
def weasyprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """WeasyPrint with the kept cuts, a cache of its own, and a count of fontTools cuts."""
    from weasyprint.pdf import fonts

    monkeypatch.setenv("ASSESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pdf_fonts, "_memo", {})
    library = pdf_writer.load_library()
    cuts: list[int] = []
    cut = fonts.Font._fonttools_subset

    def counted(font: Any, to_unicode: Any, hinting: bool) -> None:
        cuts.append(len(to_unicode))
        cut(font, to_unicode, hinting)

    monkeypatch.setattr(fonts.Font, "_fonttools_subset", counted)
    monkeypatch.setattr(library, "cuts", cuts, raising=False)  # gone again after the test
    return library


def pdf(weasyprint: Any, target: Path, extra: str = "") -> list[str]:
    from pypdf import PdfReader

    page = PAGE.format(extra=extra)
    weasyprint.HTML(string=page, base_url=str(TEMPLATES) + "/").write_pdf(target)
    return [p.extract_text() for p in PdfReader(target).pages]


def drawn(target: Path) -> set[str]:
    """The characters whose glyph in the PDF's embedded fonts has an outline."""
    import io
    import re

    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    characters: set[str] = set()
    for page in PdfReader(target).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            order, glyphs = embedded.getGlyphOrder(), embedded["glyf"]
            text_map = font["/ToUnicode"].get_object().get_data().decode()
            for gid, code in re.findall(r"<([0-9a-f]{4})> <([0-9a-f]+)>", text_map):
                glyph = glyphs[order[int(gid, 16)]]
                if glyph.numberOfContours != 0:
                    characters.update(bytes.fromhex(code).decode("utf-16-be"))
    return characters


def shown(text: list[str]) -> set[str]:
    return {c for page in text for c in page if not c.isspace()}


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").rglob("*.font"))


def test_a_kept_cut_reads_as_weasyprints_own_and_is_not_cut_again(
    weasyprint: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pdf(weasyprint, tmp_path / "first.pdf")
    kept = entries(tmp_path)
    assert len(kept) == 3  # regular, bold and italic faces, each cut once
    weasyprint.cuts.clear()
    monkeypatch.setattr(pdf_fonts, "_memo", {})  # as a new process: read from the cache
    second = pdf(weasyprint, tmp_path / "second.pdf")
    assert weasyprint.cuts == []
    monkeypatch.setenv("ASSESS_CACHE_DIR", "off")  # WeasyPrint's own cut, glyph by glyph
    plain = pdf(weasyprint, tmp_path / "plain.pdf")
    assert len(weasyprint.cuts) == 3
    assert first == second == plain
    assert shown(second) <= drawn(tmp_path / "second.pdf")
    assert "Nørdvik Ølbryggeri" in plain[0] and "efficient" in plain[0] and "≥" in plain[0]


def test_a_glyph_outside_the_kept_cut_is_cut_by_weasyprint(weasyprint: Any, tmp_path: Path) -> None:
    pdf(weasyprint, tmp_path / "warm.pdf")
    weasyprint.cuts.clear()
    text = pdf(weasyprint, tmp_path / "greek.pdf", GREEK)
    assert "Ωμέγα" in text[0] and "efficient" in text[0]
    assert shown(text) <= drawn(tmp_path / "greek.pdf")
    assert len(weasyprint.cuts) == 1  # the regular face only; bold and italic are kept cuts


def test_a_damaged_entry_is_cut_again(
    weasyprint: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = pdf(weasyprint, tmp_path / "before.pdf")
    for entry in entries(tmp_path):
        entry.write_bytes(entry.read_bytes()[:-100])
    monkeypatch.setattr(pdf_fonts, "_memo", {})
    weasyprint.cuts.clear()
    assert pdf(weasyprint, tmp_path / "after.pdf") == before
    assert len(weasyprint.cuts) == 3  # each face is cut once more, to be kept
    monkeypatch.setattr(pdf_fonts, "_memo", {})
    weasyprint.cuts.clear()
    assert pdf(weasyprint, tmp_path / "again.pdf") == before
    assert weasyprint.cuts == []  # kept again, whole
