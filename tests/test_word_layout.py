"""Every Word deliverable reads right on opening: lists restart, contents filled, no broken word."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assessment.cli import main
from assessment.render.measure import text_width_cm
from tests.conftest import ROOT
from tests.views import libreoffice_pdf

EXAMPLE = ROOT / "examples" / "northwind-release"
WORD_FILES = ("analysis-report", "strategic-plan", "training-plan", "process-guide", "sipoc")
TWIPS_PER_CM = 1440 / 2.54


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("word")
    only = ",".join(WORD_FILES)
    assert main(["generate", str(EXAMPLE), "--out", str(folder), "--only", only]) == 0
    return folder


def numbered_lists(document) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Each run of consecutive numbered paragraphs, as the numbering ids of its items."""
    lists, current = [], []
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            numbers = paragraph._p.pPr.numPr
            current.append(numbers.numId.val if numbers is not None else None)
        elif current:
            lists.append(current)
            current = []
    return lists + ([current] if current else [])


def headings(document, levels=("Heading 1", "Heading 2")) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in document.paragraphs if p.style.name in levels]


@pytest.mark.parametrize("name", WORD_FILES)
def test_every_numbered_list_starts_at_one(out: Path, name: str) -> None:
    document = docx.Document(str(out / f"{name}.docx"))
    lists = numbered_lists(document)
    numbering = document.part.numbering_part.element
    for items in lists:
        assert len(set(items)) == 1 and items[0] is not None, items
        start = numbering.num_having_numId(items[0]).find(qn("w:lvlOverride"))
        assert start is not None
        assert start.find(qn("w:startOverride")).get(qn("w:val")) == "1"
    assert len({items[0] for items in lists}) == len(lists)  # no list continues another


def test_the_report_has_numbered_lists_to_check(out: Path) -> None:
    assert len(numbered_lists(docx.Document(str(out / "analysis-report.docx")))) > 10


@pytest.mark.parametrize("name", WORD_FILES[:4])
def test_the_contents_list_every_heading_without_updating_fields(out: Path, name: str) -> None:
    document = docx.Document(str(out / f"{name}.docx"))
    entries = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert entries == headings(document)
    body = document.element.body
    codes = [i.text for i in body.iter(qn("w:instrText")) if "TOC" in (i.text or "")]
    assert len(codes) == 1  # the field is still there: Word can add page numbers on request
    assert document.settings.element.find(qn("w:updateFields")) is None  # no prompt on opening


LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


def printed_width_cm(word: str, bold: bool) -> float:
    """The width at 9 pt in Liberation Sans (Arial's metrics, LibreOffice's stand-in for it)."""
    from PIL import ImageFont

    path = LIBERATION / f"LiberationSans-{'Bold' if bold else 'Regular'}.ttf"
    if not path.exists():  # Arial measures at most 97% of the measuring font
        return 0.97 * text_width_cm(word, 9, bold)
    return ImageFont.truetype(str(path), 90).getlength(word) / 10 * 2.54 / 72  # 90 px = 10 x 9 pt


@pytest.mark.parametrize("name", WORD_FILES)
def test_table_columns_hold_their_longest_word(out: Path, name: str) -> None:
    document = docx.Document(str(out / f"{name}.docx"))
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) / TWIPS_PER_CM for c in table._tbl.tblGrid]
        for index, width in enumerate(grid):
            for number, row in enumerate(table.rows):
                for word in row.cells[index].text.split():
                    needed = printed_width_cm(word, bold=number == 0) + 0.38  # cell margins
                    assert needed <= width, (name, word, round(needed, 2), round(width, 2))


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_contents_without_updating(out: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    names = WORD_FILES[:4]
    libreoffice_pdf([out / f"{name}.docx" for name in names], tmp_path, check=True)
    for name in names:
        pages = [page.extract_text() for page in PdfReader(str(tmp_path / f"{name}.pdf")).pages]
        first = next(i for i, text in enumerate(pages) if "Contents" in text)
        printed = " ".join(" ".join(pages[first : first + 2]).split())
        position = printed.index("Contents")
        for heading in headings(docx.Document(str(out / f"{name}.docx"))):
            position = printed.find(" ".join(heading.split()), position)
            assert position >= 0, (name, heading)
