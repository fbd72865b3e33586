"""Golden text views of every deliverable generated from the golden fixture engagement.

Regenerate on purpose with `make goldens`; a missing golden is a failure, never created in CI.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from assessment.cli import main
from tests.conftest import FIXTURES, ROOT
from tests.views import VIEWS, view

GOLDENS = ROOT / "tests" / "goldens"
ENGAGEMENT = FIXTURES / "engagements" / "golden"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden-out")
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1795132800"  # 2026-11-20: one clock, reproducible
    try:
        assert main(["generate", str(ENGAGEMENT), "--out", str(out)]) == 0
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    return out


def test_goldens_match_every_generated_file(generated: Path) -> None:
    files = sorted(p for p in generated.iterdir() if p.suffix in VIEWS)
    assert files, "generate wrote nothing"
    update = os.environ.get("UPDATE_GOLDENS") == "1"
    failures = []
    for path in files:
        golden = GOLDENS / f"{path.name}.txt"
        actual = view(path)
        if update:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, encoding="utf-8")
            continue
        if not golden.exists():
            failures.append(f"{golden.name}: missing; run `make goldens` and review the diff")
            continue
        expected = golden.read_text(encoding="utf-8")
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(),
                actual.splitlines(),
                f"golden/{golden.name}",
                f"generated/{path.name}",
                lineterm="",
                n=1,
            )
            failures.append("\n".join(list(diff)[:40]))
    stale = {g.name for g in GOLDENS.glob("*.txt")} - {f"{p.name}.txt" for p in files}
    failures += [f"{name}: golden for a file no longer generated" for name in sorted(stale)]
    assert not failures, "\n\n".join(failures)


def test_the_report_model_matches_its_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    """One changed number shows once here, before it shows in every document."""
    from assessment.pipeline import assess, now
    from assessment.report.context import build_context
    from assessment.report.snapshot import snapshot_json

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")
    actual = snapshot_json(build_context(assess(ENGAGEMENT), now()))
    golden = GOLDENS / "report-model.json"
    if os.environ.get("UPDATE_GOLDENS") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden.name}: missing; run `make goldens` and review the diff"
    expected = golden.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), "golden", "built", lineterm="", n=1
    )
    assert actual == expected, "\n".join(list(diff)[:40])
