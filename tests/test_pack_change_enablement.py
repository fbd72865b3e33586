"""The Change Enablement pack: it validates, it meets the content bar, and its example engagement
(Northwind's change assessment) generates every deliverable from YAML alone."""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assessment.pack.load import load_pack
from assessment.pack.model import Pack
from assessment.render.registry import DELIVERABLES
from tests.conftest import DELIVERABLE_FILES, ROOT, assert_scale_levels_are_distinct_statements
from tests.views import VIEWS, view

PACK_DIR = ROOT / "questionnaires" / "change_enablement"
EXAMPLE = ROOT / "examples" / "northwind-change"
PERSPECTIVES = ["people", "process", "technology", "organization", "integration"]
PREFIX = {"people": "PEO", "process": "PRO", "technology": "TEC"}
PREFIX |= {"organization": "ORG", "integration": "INT"}
QUANTITY = re.compile(
    r"\d|\b(one|two|three|four|five|six|ten|twenty|half|every|all|no|most)\b", re.IGNORECASE
)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


def test_validate_passes_for_the_pack_and_its_example(cli) -> None:
    result = cli("validate", PACK_DIR)
    assert result.code == 0, result.err
    assert "change_enablement" in result.out and "is valid" in result.out
    result = cli("validate", EXAMPLE)
    assert result.code == 0, result.err
    assert "is valid" in result.out


def test_size_and_spread_across_the_perspectives(pack: Pack) -> None:
    asked = [q for q in pack.questions if q.asked]
    assert len(asked) >= 70
    scored = Counter(q.perspective for q in pack.questions if q.scored)
    assert [p.id for p in pack.info.perspectives] == PERSPECTIVES
    for perspective in PERSPECTIVES:
        assert scored[perspective] >= 12, perspective
    assert len(pack.recommendations) >= 40


def test_question_ids_name_their_perspective(pack: Pack) -> None:
    for q in pack.questions:
        pattern = r"CE-KPI-[A-Z-]+" if q.type == "metric" else rf"CE-{PREFIX[q.perspective]}-\d\d"
        assert re.fullmatch(pattern, q.id), q.id


def test_scale_levels_are_six_distinct_statements_without_the_word_level(pack: Pack) -> None:
    assert_scale_levels_are_distinct_statements(pack)


def test_respondent_help_and_interviewer_probe_are_separate_texts(pack: Pack) -> None:
    for q in pack.questions:
        if not q.asked:
            continue
        assert q.help.strip() and q.probe.strip(), q.id
        assert q.help != q.probe, q.id
        assert q.interviewees, q.id


def test_every_asked_scored_question_maps_to_the_three_standards(pack: Pack) -> None:
    for q in pack.questions:
        if q.asked and q.type != "text":
            assert q.standards.itil4 and q.standards.iso20000 and q.standards.cobit, q.id
    clauses = {q.standards.iso20000 for q in pack.questions}
    objectives = {q.standards.cobit for q in pack.questions}
    assert {"8.5.1.1", "8.5.1.2", "8.5.1.3"} <= clauses
    assert {"BAI06.01", "BAI06.02", "BAI06.03", "BAI06.04"} <= objectives


def test_the_change_manager_core_interview_stays_short(pack: Pack) -> None:
    core = [
        q.id
        for q in pack.questions
        if q.asked and "change-manager" in q.interviewees and q.is_core_for("change-manager")
    ]
    assert 30 <= len(core) <= 45, len(core)


def test_dora_metrics_are_measured_and_banded_with_their_source(pack: Pack) -> None:
    cfr, lead = pack.question("CE-KPI-CFR"), pack.question("CE-KPI-LEAD-TIME")
    assert cfr.derive is not None and not cfr.asked and cfr.better == "lower"
    assert lead.asked and lead.unit == "days" and lead.better == "lower"
    for metric in (cfr, lead):
        assert metric.scored
        assert "DORA" in metric.bands_source and "2024" in metric.bands_source
    assert cfr.band_level(4.0) == 5 and cfr.band_level(15.0) == 3 and cfr.band_level(55.0) == 0
    assert lead.band_level(0.5) == 5 and lead.band_level(12) == 3


def test_no_near_duplicate_question_texts(pack: Pack) -> None:
    texts = [(q.id, q.text.lower()) for q in pack.questions]
    for (id_a, a), (id_b, b) in itertools.combinations(texts, 2):
        matcher = difflib.SequenceMatcher(None, a, b)
        if matcher.quick_ratio() >= 0.8:
            assert matcher.ratio() < 0.8, (id_a, id_b)


def test_recommendations_cover_every_band_in_every_perspective(pack: Pack) -> None:
    served = Counter((r.perspective, r.serves) for r in pack.recommendations)
    missing = [(p, b) for p in PERSPECTIVES for b in (3, 4, 5) if not served[(p, b)]]
    assert missing == []
    roles = {r.id for r in pack.info.interviewees}
    for r in pack.recommendations:
        assert r.owner in roles, r.id
        assert len(r.success_measure) > 40 and QUANTITY.search(r.success_measure), r.id


def test_every_scored_question_can_trigger_a_recommendation(pack: Pack) -> None:
    triggers = {qid for r in pack.recommendations for qid in r.triggers}
    assert [q.id for q in pack.questions if q.scored and q.id not in triggers] == []


@pytest.mark.parametrize(
    "kind",
    ["activity", "kpi", "csf", "role", "tool", "interface", "skill", "area", "principle"],
)
def test_every_knowledge_item_is_informed_by_a_question(pack: Pack, kind: str) -> None:
    informed = {ref for q in pack.questions for ref in q.informs.get(kind, ())}
    assert pack.knowledge.ids(kind) - informed == set()


def test_knowledge_has_what_the_guide_and_sipoc_need(pack: Pack) -> None:
    k = pack.knowledge
    assert k.mission and k.introduction and k.goal.points and k.scope.includes
    assert len(k.principles) >= 5
    for principle in k.principles:
        assert principle.example and principle.rationale and principle.implications
    assert len(k.csfs) == 4 and all(csf.kpis for csf in k.csfs)
    assert {"change-lead-time", "change-failure-rate"} <= {kpi.id for kpi in k.kpis()}
    assert k.activities and k.workflow and k.initial_wins
    assert k.reporting_templates and k.form_templates and k.architecture.links
    assert all(role.skills for role in k.roles)
    for tool in k.tool_types:
        assert tool.requirements and pack.question(tool.question).type == "text", tool.id
    names = {i.id for i in k.interfaces}
    assert {"release", "configuration", "incident", "problem"} <= names
    assert [row.supplier for row in k.sipoc] == [i.name for i in k.interfaces]
    for row, interface in zip(k.sipoc, k.interfaces, strict=True):
        assert row.inputs == interface.inputs and row.outputs == interface.outputs
        assert row.activities, row.supplier
    recs = {r.id: r for r in pack.recommendations}
    assert all(recs[w.recommendation].initial_win for w in k.initial_wins)


def test_topics_explain_change_types_authorities_and_the_risk_matrix(pack: Pack) -> None:
    k = pack.knowledge
    ids = {t: k.ids(t) for t in ("change-types", "change-authorities", "risk-ratings")}
    assert ids["change-types"] == {"standard", "normal", "emergency"}
    assert {"cab", "ecab", "peer-review", "pipeline-gate"} <= ids["change-authorities"]
    for item in k.topic("change-authorities").items:  # when not to use each authority
        assert item.details.get("Do not use for"), item.id
    assert {"low", "medium", "high", "very-high"} == ids["risk-ratings"]


def test_placeholders_are_plain_and_known() -> None:
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACK_DIR.rglob("*.yaml")))
    assert "{{" not in raw and "{%" not in raw
    assert set(re.findall(r"\{(\w+)\}", raw)) <= {"customer", "organisation"}


# --- the example engagement, generated once for the module ------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assessment.cli import main

    out = tmp_path_factory.mktemp("northwind-change")
    assert main(["generate", str(EXAMPLE), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def views(generated: Path) -> dict[str, str]:
    """The text view of every file written: reading it back proves the file re-opens."""
    return {p.name: view(p) for p in sorted(generated.iterdir()) if p.suffix in VIEWS}


def test_the_example_generates_every_deliverable(generated: Path, views: dict[str, str]) -> None:
    assert {p.name for p in generated.iterdir()} >= DELIVERABLE_FILES
    assert len(DELIVERABLES) >= 7
    for name in DELIVERABLE_FILES:
        assert (generated / name).stat().st_size > 0, name
        assert views[name].strip(), name


def test_the_guide_and_sipoc_are_the_change_pack_tailored_to_northwind(
    views: dict[str, str], pack: Pack
) -> None:
    guide = views["process-guide.docx"]
    mission = pack.knowledge.mission.replace("{organisation}", "Northwind IT Services")
    assert " ".join(mission.split()) in " ".join(guide.split())
    for activity in pack.knowledge.activities:
        assert activity.name in guide, activity.id
    for interface in pack.knowledge.interfaces:
        assert interface.name in views["sipoc.xlsx"], interface.id
    assert "ServiceNow Change" in guide  # the tool support matrix quotes the interviews


def test_the_report_shows_the_score_document_overall(views: dict[str, str], cli) -> None:
    scores = json.loads(cli("score", EXAMPLE, "--json").out)
    assert scores["pack"] == "change_enablement"
    report = views["analysis-report.docx"]
    overall = scores["overall"]
    assert f"| Overall | {overall['current']:.2f} | {overall['target']:.2f} |" in report
    assert "Change Enablement" in report
