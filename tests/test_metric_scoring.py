"""Scoring metric questions and capped checklists, against hand-computed values."""

from __future__ import annotations

import json
from pathlib import Path


def score(cli, folder: Path) -> dict:
    result = cli("score", folder, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_metrics_score_the_band_of_the_median_and_ratios_per_respondent(
    cli, measured_engagement: Path
) -> None:
    doc = score(cli, measured_engagement)
    q = {item["id"]: item for item in doc["questions"]}
    deploys = q["MP-TEC-DEPLOYS"]
    # deployments: 12, 4, 30, 0 (Dan unknown) → median (4 + 12) / 2 = 8;
    # bands higher {5: 90, 4: 12, 3: 3, 2: 1}: 8 ≥ 3 but < 12 → level 3
    assert deploys["metric"]["value"] == 8.0
    assert (deploys["current"], deploys["metric"]["band"]) == (3.0, 3)
    assert (deploys["responses"], deploys["unknown"]) == (4, 1)
    # technology target 4 → gap 1
    assert (deploys["target"], deploys["gap"]) == (4.0, 1.0)
    assert deploys["metric"]["unit"] == "deployments"
    assert deploys["metric"]["period"] == "quarter"
    assert deploys["metric"]["derived"] is False
    assert deploys["metric"]["bands_source"].startswith("Example bands")
    # change failure rate = failed × 100 ÷ deployed, per respondent:
    # Ana 3 × 100 / 12 = 25; Ben 0 × 100 / 4 = 0; Cai skipped (failed unknown);
    # Dan skipped (deployments unknown); Eve skipped (0 deployments) → median 12.5;
    # bands lower {5: 5, 4: 10, 3: 15, 2: 30}: 12.5 ≤ 15 but > 10 → level 3
    cfr = q["MP-TEC-CFR"]
    assert (cfr["metric"]["value"], cfr["current"], cfr["responses"]) == (12.5, 3.0, 2)
    assert cfr["metric"]["derived"] is True
    # spread of the respondents' bands: Ana 25 → 2, Ben 0 → 5 → 3
    assert cfr["spread"] == 3.0
    # unbanded metrics are baselines: a median, no score, no target
    emergency = q["MP-TEC-EMERGENCY"]
    # Ana 22, Dan 30 → median 26
    assert emergency["metric"]["value"] == 26.0
    assert (emergency["current"], emergency["target"], emergency["gap"]) == (None, None, None)
    assert emergency["metric"]["band"] is None
    assert q["MP-TEC-FAILED"]["metric"]["value"] == 0.0  # 3, 0, 0, 0 → median 0
    assert "metric" not in q["MP-PRO-01"]

    p = {item["id"]: item for item in doc["perspectives"]}
    # technology: only the banded metrics count: (1 × 3 + 1 × 3) / 2 = 3; target 4, gap 1
    assert (p["technology"]["current"], p["technology"]["gap"]) == (3.0, 1.0)
    assert (p["technology"]["scored"], p["technology"]["questions"]) == (2, 2)


def test_a_capped_checklist_needs_its_listed_options_to_pass_the_cap(
    cli, measured_engagement: Path
) -> None:
    doc = score(cli, measured_engagement)
    q = {item["id"]: item for item in doc["questions"]}
    # Ben ticks 3 of 4 equal options: 5 × 3/4 = 3.75, but without `reviewed` the cap holds → 2;
    # Cai ticks measured + reviewed: 5 × 2/4 = 2.5, cap lifted → 2.5; mean (2 + 2.5)/2 = 2.25
    assert q["MP-PRO-02"]["current"] == 2.25
    # process: MP-PRO-01 (weight 3) (2 + 3)/2 = 2.5 and MP-PRO-02 (weight 1) 2.25:
    # (3 × 2.5 + 1 × 2.25) / 4 = 2.4375 → 2.44
    p = {item["id"]: item for item in doc["perspectives"]}
    assert p["process"]["current"] == 2.44
    # overall: the plain mean of process 2.44 and technology 3.0 = 2.72
    assert doc["overall"]["current"] == 2.72


def test_a_banded_metric_below_its_band_triggers_its_recommendation(
    cli, measured_engagement: Path
) -> None:
    doc = score(cli, measured_engagement)
    fired = {r["id"]: r["questions"] for r in doc["recommendations"]}
    # REC-PIPELINE serves band 4: deployments (3) and failure rate (3) are below 4 and target 4
    assert sorted(fired["REC-PIPELINE"]) == ["MP-TEC-CFR", "MP-TEC-DEPLOYS"]


def test_a_baseline_metric_cannot_be_rated(cli, measured_engagement: Path) -> None:
    path = measured_engagement / "engagement.yaml"
    path.write_text(
        path.read_text() + "ratings:\n  MP-TEC-EMERGENCY: {level: 2, rationale: agreed}\n"
    )
    result = cli("score", measured_engagement, "--json")
    assert result.code == 1
    assert "MP-TEC-EMERGENCY: a metric question without a score cannot be rated" in result.err
