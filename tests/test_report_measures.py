"""Measured baselines, owners, success measures, desired state and standards in the documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assessment.files.yamlfile import dump_yaml
from assessment.pipeline import assess
from assessment.report.context import build_context
from assessment.report.guide import build_guide
from assessment.report.measures import NOT_MEASURED, Baseline, by_kpi
from tests.conftest import MEASURED_PACK, interview, write_engagement, write_measured_engagement
from tests.views import docx_view, pptx_view

WISH = "Releases on demand, without weekend work."


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = write_measured_engagement(
        tmp_path_factory.mktemp("measured") / "eng",
        kpi_goals={"KPI-EMERGENCY": "below 10 %"},
    )
    sponsor = interview("Sam", "Sponsor", MP_ORG_01={"text": WISH}, MP_ORG_02=1)
    (folder / "interviews" / "sam.yaml").write_text(dump_yaml(sponsor))
    from assessment.cli import main

    out = folder.parent / "out"
    only = "analysis-report,executive-deck,process-guide"
    assert main(["generate", str(folder), "--out", str(out), "--only", only]) == 0
    return out, assess(folder)


def metric(assessment, qid: str) -> float:
    return float(assessment.questions.loc[qid, "measure"])


def test_the_report_shows_measured_baselines_with_band_and_source(generated) -> None:
    out, assessment = generated
    report = docx_view(out / "analysis-report.docx")
    deploys, cfr = metric(assessment, "MP-TEC-DEPLOYS"), metric(assessment, "MP-TEC-CFR")
    emergency = metric(assessment, "MP-TEC-EMERGENCY")
    source = "Example bands, Measured Process Survey 2026"
    # bands: deployments (median 8) reach 3; failure rate (median 12.5 %) reaches 3
    assert (
        f"Deployments per quarter: {deploys:g} deployments per quarter (band 3 Defined; {source})"
        in report
    )
    assert f"Change failure rate: {cfr:g} % (band 3 Defined; {source})" in report
    assert f"Share of emergency changes: {emergency:g} % per month\n" in report
    current_state = report[
        report.index("Heading 1: Current state") : report.index("Heading 1: Desired future state")
    ]
    assert "Measured baselines:" in current_state


def test_the_report_shows_the_desired_state_owners_standards_and_weighting(generated) -> None:
    out, _ = generated
    report = docx_view(out / "analysis-report.docx")
    desired = report[
        report.index("Heading 1: Desired future state") : report.index("Heading 1: Gap analysis")
    ]
    assert WISH in desired
    assert "Sponsor, on What should releases look like for you in two years?" in desired
    assert (
        "Owner: Process lead. Success measure: Every release of the next quarter has a written, "
        "agreed plan." in report
    )
    appendix = report[report.index("Appendix C: Standards mapping") :]
    assert (
        "| MP-PRO-01 Walk me through how the last release was planned. | Release management "
        "practice: release planning | 8.5.3 | BAI07.06" in appendix
    )
    method = report[
        report.index("Heading 1: Appendix A: Method") : report.index("Heading 1: Appendix B")
    ]
    assert "Question weights: Core controls weigh 3, supporting practices 2 and hygiene 1" in method
    assert "The engagement's value is the median of the respondents' numbers" in method


def test_the_deck_has_a_baselines_slide(generated) -> None:
    out, assessment = generated
    deck = pptx_view(out / "executive-deck.pptx")
    slide = deck[deck.index("| KPI | Measured today | Band") :]
    deploys = metric(assessment, "MP-TEC-DEPLOYS")
    assert f"Deployments per quarter | {deploys:g} deployments per quarter | 3 Defined" in slide


def test_the_guide_kpi_table_puts_the_baseline_before_the_goal(generated) -> None:
    out, assessment = generated
    guide = docx_view(out / "process-guide.docx")
    emergency = metric(assessment, "MP-TEC-EMERGENCY")
    assert (
        f"| Share of emergency changes | current: {emergency:g} % per month; goal: below 10 %"
        in guide
    )


def test_an_unmeasured_kpi_says_so(tmp_path: Path) -> None:
    folder = write_engagement(tmp_path / "eng", {"pack": str(MEASURED_PACK)})
    context = build_context(assess(folder), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    rows = dict(build_guide(context).kpis)
    assert rows["Deployments per quarter"] == "baseline: not measured; goal: To be agreed"


def test_a_count_and_its_rate_share_one_kpi_line() -> None:
    def row(kpi: str, value: str) -> Baseline:
        current = NOT_MEASURED if value == "not measured" else f"current: {value}"
        return Baseline("Q", "process", kpi, kpi, value, current, "", "", "1", "", None, False)

    rows = [
        row("backouts", "not measured"),
        row("backouts", "5.68 %"),
        row("emergency", "22 %"),
        row("licences", "not measured"),
        row("", "3 hours"),
        row("failed", "13 deployments per quarter"),
        row("failed", "14.51 %"),
    ]
    assert by_kpi(rows) == {
        "backouts": "current: 5.68 %",
        "emergency": "current: 22 %",
        "licences": NOT_MEASURED,
        "failed": "current: 13 deployments per quarter, 14.51 %",
    }


def test_the_deck_summary_cites_only_kpis_at_a_weak_band(tmp_path: Path) -> None:
    """A KPI banded above Defined is no cost today; one banded at Defined or below is."""
    folder = write_engagement(
        tmp_path / "eng",
        {"pack": str(MEASURED_PACK), "targets": {"default": 3}},
        {
            "ana": interview(
                "Ana",
                "Process lead",
                MP_TEC_DEPLOYS={"value": 40},
                MP_TEC_FAILED={"value": 10},
            )
        },
    )
    from assessment.cli import main

    out = tmp_path / "out"
    assert main(["generate", str(folder), "--out", str(out), "--only", "executive-deck"]) == 0
    deck = pptx_view(out / "executive-deck.pptx")
    costs = next(line for line in deck.splitlines() if "What it costs you today /" in line)
    assert "Change failure rate: 25 % (band 2 Repeatable" in costs
    assert "Deployments per quarter" not in costs
