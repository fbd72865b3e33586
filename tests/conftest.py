"""Shared fixtures: tiny packs and engagements built inline or copied from tests/fixtures."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from assessment.cli import main
from assessment.files.yamlfile import dump_yaml
from assessment.interview.prompts import QuestionaryPrompter
from assessment.interview.session import run_interview
from assessment.pack.model import Pack

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_PACK = FIXTURES / "packs" / "sample"
MEASURED_PACK = FIXTURES / "packs" / "measured"
DELIVERABLE_FILES = {
    "analysis-report.docx",
    "analysis-report.pdf",
    "strategic-plan.docx",
    "training-plan.docx",
    "executive-deck.pptx",
    "process-guide.docx",
    "process-guide.pdf",
    "sipoc.docx",
    "sipoc.xlsx",
    "scores.xlsx",
}


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
def folder(tmp_path: Path) -> Path:
    """An engagement of the sample pack for the customer Acme, with no interviews yet."""
    return write_engagement(tmp_path / "eng", {"customer": "Acme"})


@pytest.fixture
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are wrapped to the terminal; a wide one keeps the asserted phrases whole."""
    monkeypatch.setenv("COLUMNS", "200")


def drive_interview(
    folder: Path, keys: str, prompter: type = QuestionaryPrompter, **options: Any
) -> tuple[str, str]:
    """Run an interview on `keys` (the input then ends, so a missing key fails, never hangs);
    returns its summary and what was shown."""
    out = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        result = run_interview(folder, prompter(pipe, DummyOutput(), out), **options)
    return result, out.getvalue()


def assert_scale_levels_are_distinct_statements(pack: Pack) -> None:
    """Every scale question has six different level statements, none using the word `level`."""
    for q in pack.questions:
        if q.type != "scale":
            continue
        statements = [q.levels[n] for n in range(6)]
        assert len(set(statements)) == 6, q.id
        for statement in statements:
            assert not re.search(r"\blevel\b", statement, re.IGNORECASE), (q.id, statement)


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


def unknown() -> dict:
    return {"value": "unknown"}


def measured(value: float) -> dict:
    return {"value": value}


def write_measured_engagement(folder: Path, **engagement: Any) -> Path:
    """Five respondents' measured answers to the measured pack (the arithmetic is in the tests)."""
    return write_engagement(
        folder,
        {
            "pack": str(MEASURED_PACK),
            "targets": {"default": 3, "perspectives": {"technology": 4}},
            **engagement,
        },
        {
            "ana": interview(
                "Ana",
                "Process lead",
                MP_PRO_01=2,
                MP_TEC_DEPLOYS=measured(12),
                MP_TEC_FAILED=measured(3),
                MP_TEC_EMERGENCY=measured(22),
            ),
            "ben": interview(
                "Ben",
                "Engineer",
                MP_PRO_01=3,
                MP_PRO_02={"selected": ["documented", "tested", "measured"]},
                MP_TEC_DEPLOYS=measured(4),
                MP_TEC_FAILED=measured(0),
            ),
            "cai": interview(
                "Cai",
                "Engineer",
                MP_PRO_02={"selected": ["measured", "reviewed"]},
                MP_TEC_DEPLOYS=measured(30),
                MP_TEC_FAILED=unknown(),
            ),
            "dan": interview(
                "Dan",
                "Process lead",
                MP_TEC_DEPLOYS=unknown(),
                MP_TEC_FAILED=measured(0),
                MP_TEC_EMERGENCY=measured(30),
            ),
            "eve": interview(
                "Eve", "Engineer", MP_TEC_DEPLOYS=measured(0), MP_TEC_FAILED=measured(0)
            ),
        },
    )


@pytest.fixture
def measured_engagement(tmp_path: Path) -> Path:
    return write_measured_engagement(tmp_path / "eng")


@pytest.fixture(autouse=True, scope="session")
def _parsed_file_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The cache of parsed YAML lives in a temporary folder, never in the real home."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("parsed-cache")
        patch.setenv("ASSESS_CACHE_DIR", str(folder))
        yield folder
