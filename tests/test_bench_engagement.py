"""The benchmark's synthetic engagement stays one that opens, so `make bench` keeps running."""

from __future__ import annotations

from pathlib import Path

from assessment.engagement.open import open_engagement
from benchmarks.run import synthetic_engagement


def test_the_synthetic_engagement_opens_without_problems(tmp_path: Path) -> None:
    opened = open_engagement(synthetic_engagement(tmp_path / "bench", 3))
    assert len(opened.interviews) == 3
    asked = {q.id for q in opened.pack.questions if q.asked}
    for interview in opened.interviews.values():
        assert set(interview.answers) == asked
