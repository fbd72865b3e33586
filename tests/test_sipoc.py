"""The SIPOC deliverables: a landscape Word table and a safe, styled spreadsheet."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from assessment.cli import main
from assessment.pack.load import load_pack
from tests.conftest import FIXTURES, ROOT, interview, write_engagement

PACK = ROOT / "questionnaires" / "release_management"
HEADER = ["Supplier", "Inputs", "Process (key activities)", "Outputs", "Customer"]


def generate(engagement: Path, out: Path) -> Path:
    assert main(["generate", str(engagement), "--out", str(out), "--only", "sipoc"]) == 0
    return out


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(FIXTURES / "engagements" / "golden", tmp_path_factory.mktemp("sipoc"))


def test_sipoc_docx_is_landscape_with_a_row_per_sipoc_row(golden: Path) -> None:
    knowledge = load_pack(PACK).knowledge
    document = docx.Document(str(golden / "sipoc.docx"))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == HEADER
    assert len(rows) == len(knowledge.sipoc) + 1
    names = {a.id: a.name for a in knowledge.activities}
    for row, sipoc in zip(rows[1:], knowledge.sipoc, strict=True):
        assert row[2].splitlines() == [f"• {names[a]}" for a in sipoc.activities]
        assert "{customer}" not in row[0] and "{organisation}" not in row[3]


def test_sipoc_xlsx_has_a_title_a_frozen_styled_header_and_wrapped_rows(golden: Path) -> None:
    knowledge = load_pack(PACK).knowledge
    sheet = load_workbook(golden / "sipoc.xlsx").active
    assert sheet["A1"].value == "Release Management SIPOC"
    assert sheet["C1"].value == "Globex & Partners <Ltd>"
    assert [c.value for c in sheet[2]] == HEADER
    assert sheet["A2"].font.bold and sheet.freeze_panes == "B3"
    assert sheet.max_row == 2 + len(knowledge.sipoc)
    assert sheet["B3"].alignment.wrap_text
    assert sheet.column_dimensions["B"].width > 30
    assert sheet.print_title_rows == "$2:$2" or sheet.print_title_rows == "2:2"


def test_sipoc_xlsx_rows_are_as_tall_as_their_wrapped_text(golden: Path) -> None:
    """LibreOffice prints wrapped rows over each other unless each row's height is set."""
    sheet = load_workbook(golden / "sipoc.xlsx").active
    for row in sheet.iter_rows(min_row=3):
        lines = max(len(str(cell.value or "").splitlines()) for cell in row)
        height = sheet.row_dimensions[row[0].row].height
        assert height is not None and height >= lines * 11 * 1.2, (row[0].row, lines, height)


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+1", "-2", "@x", "\tTab"])
def test_a_formula_like_customer_name_is_stored_as_text(tmp_path: Path, name: str) -> None:
    engagement = write_engagement(
        tmp_path / "e",
        {"customer": name, "pack": str(PACK)},
        {"x": interview("X", "Release manager", RM_PEO_01=2)},
    )
    out = generate(engagement, tmp_path / "out")
    cell = load_workbook(out / "sipoc.xlsx").active["C1"]
    assert cell.data_type == "s"
    assert cell.value == name.strip()
    docx.Document(str(out / "sipoc.docx"))  # and the Word file re-opens


def test_hostile_text_is_literal_in_both_files(tmp_path: Path) -> None:
    hostile = "{{7*7}} <script>x</script> A & B <Ltd>"
    engagement = write_engagement(
        tmp_path / "e",
        {"customer": hostile + "\x0b\x00\ufffe", "pack": str(PACK)},
        {"x": interview("X", "Release manager", RM_PEO_01=2)},
    )
    out = generate(engagement, tmp_path / "out")
    assert load_workbook(out / "sipoc.xlsx").active["C1"].value == hostile
    document = docx.Document(str(out / "sipoc.docx"))
    first = document.tables[0].rows[1].cells[0].text
    assert first == f"Other {hostile} Business and IT Units"


def test_a_sipoc_row_naming_an_unknown_question_fails_validation(tmp_path: Path, cli: Any) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    appendices = pack / "knowledge" / "appendices.yaml"
    text = appendices.read_text(encoding="utf-8")
    assert "supplier_questions: [RM-ORG-16]" in text
    appendices.write_text(text.replace("[RM-ORG-16]", "[RM-NOPE-1]", 1), encoding="utf-8")
    result = cli("validate", str(pack))
    assert result.code != 0
    assert "appendices.yaml:" in result.err and "no question 'RM-NOPE-1'" in result.err
