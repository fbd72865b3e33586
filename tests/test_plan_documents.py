"""The strategic plan, the training plan and the SIPOC as a board and a customer read them.

Figures are checked against `assess score --json` and the engagement's own investment, and the
training plan's totals against its own rows; the SIPOC against the pack and the interviews.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from openpyxl import load_workbook

from assessment.cli import main
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "northwind-release"
PACK = ROOT / "questionnaires" / "release_management"


@pytest.fixture(scope="module")
def northwind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plans")
    engagement = out / "engagement"
    shutil.copytree(EXAMPLE, engagement)
    only = "strategic-plan,training-plan,sipoc,process-guide"
    args = ["generate", str(engagement), "--out", str(out / "docs"), "--only", only]
    assert main(args) == 0
    return out


@pytest.fixture(scope="module")
def scores(northwind: Path) -> dict:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["score", "--json", str(northwind / "engagement")]) == 0
    return json.loads(buffer.getvalue())


def engagement() -> dict:
    return yaml.safe_load((EXAMPLE / "engagement.yaml").read_text(encoding="utf-8"))


def tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(path).tables]


def text(path: Path) -> str:
    document = docx.Document(path)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def table_with(path: Path, header: tuple[str, ...]) -> list[list[str]]:
    [found] = [t for t in tables(path) if tuple(t[0][: len(header)]) == header]
    return found


def euros(value: float) -> str:
    """The documents' money format: `EUR 145,000`, `EUR 2.11 million` from a million on."""
    return f"EUR {value / 1e6:.2f} million" if value >= 1e6 else f"EUR {value:,.0f}"


def months_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- the strategic plan ---------------------------------------------------------------------


def test_the_plan_totals_are_the_scored_days_at_the_engagements_day_rate(
    northwind: Path, scores: dict
) -> None:
    rate = engagement()["investment"]["day_rate"]
    plan = northwind / "docs" / "strategic-plan.docx"
    effort = table_with(plan, ("Window", "Period", "Recommendations", "Person-days", "Cost"))
    total = effort[-1]
    assert total[0] == "Total"
    assert total[3] == f"{scores['plan']['days']:,.0f}"
    assert total[4] == euros(scores["plan"]["days"] * rate)
    for row, window in zip(effort[1:-1], scores["plan"]["windows"], strict=True):
        assert row[3] == f"{window['days']:,.0f}"
        assert row[4] == euros(window["days"] * rate)
    assert "Assumption:" not in text(plan)  # the example sets its day rate and start


def test_every_milestone_date_appears_in_the_plan(northwind: Path, scores: dict) -> None:
    start = engagement()["investment"]["start"]
    months = {0} | {w["end"] for w in scores["plan"]["windows"] if w.get("end") is not None}
    milestones = table_with(northwind / "docs" / "strategic-plan.docx", ("Date", "Milestone"))
    dates = {row[0] for row in milestones[1:]}
    for month in months:
        when = months_later(start, month)
        assert f"{when.day} {when:%B %Y}" in dates


def test_every_recommendation_is_on_the_timeline_after_what_it_builds_on(
    northwind: Path, scores: dict
) -> None:
    header = ("#", "Recommendation", "Owner", "Effort", "Days", "After #")
    plan = northwind / "docs" / "strategic-plan.docx"
    rows = [row for t in tables(plan) if tuple(t[0]) == header for row in t[1:]]
    ranks = [row[0] for row in rows]
    items = scores["plan"]["items"]
    assert sorted(ranks, key=int) == sorted((str(i["rank"]) for i in items), key=int)
    placed: set[str] = set()
    for row in rows:
        after = [r.strip() for r in row[5].split(",") if r.strip()]
        assert set(after) <= placed, (row[0], after)
        placed.add(row[0])
    by_rank = {str(i["rank"]): i for i in items}
    rank_of = {i["id"]: str(i["rank"]) for i in items}
    for row in rows:  # the column says what the plan says each one builds on
        assert row[5] == ", ".join(rank_of[d] for d in by_rank[row[0]]["depends_on"])
    assert all(row[2] for row in rows)


def test_a_plan_without_a_day_rate_says_the_rate_is_assumed(tmp_path: Path) -> None:
    engagement_dir = tmp_path / "e"
    shutil.copytree(EXAMPLE, engagement_dir)
    data = engagement()
    del data["investment"]
    (engagement_dir / "engagement.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(["generate", str(engagement_dir), "--out", str(out), "--only", "strategic-plan"]) == 0
    )
    shown = text(out / "strategic-plan.docx")
    assert "Assumption: a blended day rate of" in shown and "investment.day_rate" in shown


# --- the training plan ----------------------------------------------------------------------

SCHEDULE = ("#", "Course", "Attendees", "Quarter", "Days each", "Training days", "Cost")


def money_value(cell: str) -> float:
    return float(cell.removeprefix("EUR ").replace(",", ""))


def test_the_training_totals_add_up_from_the_schedule_rows(northwind: Path) -> None:
    rate = engagement()["investment"]["day_rate"]
    schedule = table_with(northwind / "docs" / "training-plan.docx", SCHEDULE)
    rows, total = schedule[1:-1], schedule[-1]
    assert rows and total[1] == "Total"
    days = 0.0
    for row in rows:
        assert re.fullmatch(r"Q\d+", row[3]), row
        counted = [int(n) for n in re.findall(r": (\d+)", row[2])]
        if not counted:
            assert row[5] == "to be confirmed" and row[6] == "to be confirmed"
            continue
        assert float(row[5]) == float(row[4]) * sum(counted)
        assert money_value(row[6]) == pytest.approx(float(row[5]) * rate)
        days += float(row[5])
    assert float(total[5]) == days
    assert money_value(total[6]) == pytest.approx(days * rate)


def test_roles_nobody_was_interviewed_in_are_to_be_confirmed(northwind: Path) -> None:
    interviewed = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["respondent"]["role"].casefold()
        for p in (EXAMPLE / "interviews").glob("*.yaml")
    }
    schedule = table_with(northwind / "docs" / "training-plan.docx", SCHEDULE)
    for row in schedule[1:-1]:
        for part in row[2].split("; "):
            role, count = part.rsplit(": ", 1)
            if count == "to be confirmed":
                assert not any(role.casefold().endswith(r) for r in interviewed), role


# --- the SIPOC ------------------------------------------------------------------------------


def sipoc_rows(out: Path) -> tuple[list[list[str]], list[list[str]]]:
    [table] = tables(out / "sipoc.docx")
    sheet = load_workbook(out / "sipoc.xlsx").active
    sheet_rows = [[str(c.value or "") for c in row] for row in sheet.iter_rows(min_row=3)]
    return table[1:], sheet_rows


def test_no_two_sipoc_rows_share_supplier_and_customer(northwind: Path) -> None:
    for rows in sipoc_rows(northwind / "docs"):
        pairs = [(row[0], row[4]) for row in rows]
        assert len(set(pairs)) == len(pairs)
        assert all(row[0] != row[4] for row in rows)


def test_the_sipoc_names_what_the_interviews_named(northwind: Path) -> None:
    from assessment.pack.load import load_pack

    linked = {
        q
        for row in load_pack(PACK).knowledge.sipoc
        for q in row.supplier_questions + row.customer_questions
    }
    said = [
        answer["text"]
        for p in (EXAMPLE / "interviews").glob("*.yaml")
        for q, answer in yaml.safe_load(p.read_text(encoding="utf-8"))["answers"].items()
        if q in linked and isinstance(answer, dict) and "text" in answer
    ]
    assert said
    word_rows, sheet_rows = sipoc_rows(northwind / "docs")
    for rows in (word_rows, sheet_rows):
        shown = "\n".join(cell for row in rows for cell in row)
        assert "Kestrel Consulting" in shown and "Azure" in shown
        for answer in said:  # first sentence: names may be anonymised further on
            assert answer.split(";")[0].split(".")[0][:40] in shown, answer


def test_the_guide_appendix_shows_the_same_sipoc_rows(northwind: Path) -> None:
    word_rows, _ = sipoc_rows(northwind / "docs")
    header = ("Supplier", "Inputs", "Process (key activities)", "Outputs", "Customer")
    appendix = table_with(northwind / "docs" / "process-guide.docx", header)
    assert appendix[1:] == word_rows
