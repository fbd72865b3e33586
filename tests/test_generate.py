"""Generated documents: they re-open, and the numbers in them equal the score document."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.conftest import interview, write_engagement


@pytest.fixture
def generated(cli, small: Path, tmp_path: Path) -> tuple[Path, dict]:
    out = tmp_path / "out"
    result = cli("generate", small, "--out", out, "--only", "analysis-report")
    assert result.code == 0, result.err
    scores = json.loads(cli("score", small, "--json").out)
    return out, scores


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_with(document, *header: str) -> list[list[str]]:
    """The first table whose header row starts with `header`."""
    for table in document.tables:
        rows = table_rows(table)
        if tuple(rows[0][: len(header)]) == header:
            return rows
    raise AssertionError(f"no table with header {header}")


def test_the_report_tables_show_the_score_document_numbers(generated) -> None:
    out, scores = generated
    document = docx.Document(str(out / "analysis-report.docx"))
    perspective_table = table_with(document, "Perspective", "Current", "Target", "Gap")
    for row, expected in zip(perspective_table[1:], scores["perspectives"], strict=False):
        assert row[0] == expected["name"]
        assert row[1:4] == [f"{expected[k]:.2f}" for k in ("current", "target", "gap")]
    overall = perspective_table[-1]
    assert overall[:4] == [
        "Overall",
        *(f"{scores['overall'][k]:.2f}" for k in ("current", "target", "gap")),
    ]
    question_rows = {
        row[0].split()[0]: row
        for row in table_with(document, "Question", "Perspective", "Current")[1:]
    }
    for q in scores["questions"]:
        if q["type"] != "text":
            row = question_rows[q["id"]]
            assert row[2].split()[0] == f"{q['current']:.2f}"
            assert row[4] == f"{q['gap']:.2f}"


def test_the_report_sections_come_in_order(generated) -> None:
    out, scores = generated
    document = docx.Document(str(out / "analysis-report.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Document control",
        "Executive summary",
        "Scope and approach",
        "Current state",
        "Desired future state",
        "Gap analysis",
        "Consensus items",
        "Alternatives",
        "Gaps no recommendation addresses",
        "Initial wins",
        "Recommendations",
        "Appendix A: Method",
        "Appendix B: Question-level scores",
    ]
    level3 = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert level3 == [f"{r['rank']}. {r['title']}" for r in scores["recommendations"]]


def test_hostile_customer_text_appears_literally(cli, tmp_path: Path) -> None:
    customer = "{{7*7}} {% for x in y %} <script>alert(1)</script> A & B <Ltd>\x0b\x00\x1b[31m"
    folder = write_engagement(
        tmp_path / "e",
        {"customer": customer},
        {
            "a": interview("A", "manager\ufffe", SP_PEO_01={"level": 2, "note": "\x0bvertical"}),
        },
    )
    result = cli("generate", folder, "--out", tmp_path / "out", "--only", "analysis-report")
    assert result.code == 0, result.err
    document = docx.Document(str(tmp_path / "out" / "analysis-report.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "{{7*7}} {% for x in y %} <script>alert(1)</script> A & B <Ltd>" in text
    assert "49" not in text


def test_a_failed_render_keeps_the_previous_file(
    cli, small: Path, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "out"
    assert cli("generate", small, "--out", out, "--only", "analysis-report").code == 0
    before = (out / "analysis-report.docx").read_bytes()

    def broken_save(self, path) -> None:
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    result = cli("generate", small, "--out", out, "--only", "analysis-report")
    assert result.code == 1 and "No space left on device" in result.err
    assert (out / "analysis-report.docx").read_bytes() == before
    assert not list(out.glob(".*partial"))


def test_a_run_that_fails_leaves_no_worker_process(
    cli, small: Path, tmp_path: Path, monkeypatch
) -> None:
    import multiprocessing

    (small / "engagement.yaml").write_text("customer: X\npack: no-such-pack\n", "utf-8")
    result = cli("generate", small, "--out", tmp_path / "out")
    assert result.code == 1 and "unknown pack" in result.err
    assert multiprocessing.active_children() == []  # the warming worker was stopped


def test_documents_count_the_perspectives_and_phases_the_pack_has(cli, tmp_path: Path) -> None:
    """Method words come from the pack: four perspectives and three phases, never "five"."""
    import shutil

    from tests.conftest import SAMPLE_PACK
    from tests.views import view

    pack = tmp_path / "four"
    shutil.copytree(SAMPLE_PACK, pack)
    meta = (pack / "pack.yaml").read_text()
    meta = meta.replace(
        "  - {id: technology, name: Technology}\n",
        "  - {id: technology, name: Technology}\n  - {id: partners, name: Partners}\n",
    ).replace(
        "  - {id: implementation, name: Implementation}\n",
        "  - {id: implementation, name: Implementation}\n  - {id: review, name: Review}\n",
    )
    (pack / "pack.yaml").write_text(meta + "method: Quartet Method\n")
    (pack / "questions" / "partners.yaml").write_text(
        "questions:\n  - id: SP-PAR-01\n    perspective: partners\n    interviewees: [manager]\n"
        "    text: How are suppliers involved?\n    levels:\n"
        + "".join(f"      {n}: Level {n} practice.\n" for n in range(6))
    )
    folder = write_engagement(
        tmp_path / "eng",
        {"pack": str(pack)},
        {"ann": interview("Ann", "manager", SP_PEO_01=1, SP_PRO_01=2, SP_PAR_01=1)},
    )
    out = tmp_path / "out"
    only = "analysis-report,strategic-plan,executive-deck"
    result = cli("generate", folder, "--out", out, "--only", only)
    assert result.code == 0, result.err
    report = " ".join(view(out / "analysis-report.docx").split())
    assert "It follows the three-phase Quartet Method approach" in report
    assert "Every finding is scored across four perspectives:" in report
    plan = " ".join(view(out / "strategic-plan.docx").split())
    assert "across the four perspectives" in plan and "phases of the Quartet Method" in plan
    deck = " ".join(view(out / "executive-deck.pptx").split())
    assert "Four perspectives, each scored" in deck
    assert "Quartet Method phases: this engagement is the Planning phase" in deck
    for text in (report, plan, deck):
        assert "five" not in text.lower()
        assert "SolutionMethod" not in text
