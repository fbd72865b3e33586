"""Shared fixtures: tiny packs and engagements built inline or copied from tests/fixtures."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assessment.cli import main
from assessment.files.yamlfile import dump_yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_PACK = FIXTURES / "packs" / "sample"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run `assess ARGS...` in process; returns exit code and captured output."""

    def run(*args: str) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def write_engagement(
    folder: Path, engagement: dict[str, Any], interviews: dict[str, dict[str, Any]] | None = None
) -> Path:
    """Write an engagement folder from plain data (the pack defaults to the sample pack)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {"customer": "Test Co", "pack": str(SAMPLE_PACK), **engagement}
    (folder / "engagement.yaml").write_text(dump_yaml(data), encoding="utf-8")
    (folder / "interviews").mkdir(exist_ok=True)
    for name, interview in (interviews or {}).items():
        (folder / "interviews" / f"{name}.yaml").write_text(dump_yaml(interview), "utf-8")
    return folder


def interview(name: str, role: str, **answers: Any) -> dict[str, Any]:
    """An interview document; answers as keyword arguments (`_` for `-` in ids, int = level)."""
    return {
        "respondent": {"name": name, "role": role},
        "answers": {
            key.replace("_", "-"): value if isinstance(value, dict) else {"level": value}
            for key, value in answers.items()
        },
    }


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The small fixture engagement, copied so a test may change it."""
    target = tmp_path / "small"
    shutil.copytree(FIXTURES / "engagements" / "small", target)
    text = (target / "engagement.yaml").read_text().replace("../../packs/sample", str(SAMPLE_PACK))
    (target / "engagement.yaml").write_text(text)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes: to prove a failed step wrote nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
