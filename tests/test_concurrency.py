"""Two writers at once (RELIABILITY case 25, class 6): unique temp names, whole sets, a manifest.

`ASSESS_GENERATE_ROUNDS` sets how many rounds of two concurrent `assess generate` runs the
end-to-end test makes: a few in the suite, 50 in `make bench`.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import interview, write_engagement

ASSESS = Path(sys.executable).with_name("assess")
ROUNDS = int(os.environ.get("ASSESS_GENERATE_ROUNDS", "2"))
fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)


def write_zip(path: Path, label: str, size: int = 200_000) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("label.txt", label)
        archive.writestr("body.bin", os.urandom(size))


def _replace_many(target: str, label: str, rounds: int, start: object) -> None:
    from assessment.files.atomic import replacing

    start.wait()  # type: ignore[attr-defined]
    for n in range(rounds):
        with replacing(Path(target)) as temp:
            write_zip(temp, f"{label}-{n}")


@fork
def test_two_writers_of_one_file_never_corrupt_it(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    workers = [
        context.Process(target=_replace_many, args=(str(target), label, 20, start))
        for label in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0  # each writer succeeded: no shared temp file to fight over
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        assert archive.read("label.txt").decode() in {"a-19", "b-19"}
    assert not list(tmp_path.glob(".*partial"))


def _publish_sets(out: str, label: str, rounds: int, start: object, done: object) -> None:
    from assessment.files.atomic import staged_set

    for n in range(rounds):
        start.wait()  # type: ignore[attr-defined]
        run = {"id": f"{label}-{n}", "time": str(n)}
        with staged_set(Path(out), run, "assess generate", force=False) as staging:
            for name in ("report.docx", "deck.pptx", "scores.xlsx"):
                write_zip(staging / name, run["id"], 50_000)
        done.wait()  # type: ignore[attr-defined]


def check_complete_set(out: Path) -> str:
    """The run the folder holds; fails unless every file is whole and from that one run."""
    manifest = json.loads((out / "assess-manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True
    run = manifest["run"]
    for name, entry in manifest["files"].items():
        data = (out / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert entry["run"] == run, name
    assert not [p for p in out.iterdir() if p.name.startswith(".assess-staging-")]
    return run


@fork
def test_fifty_rounds_of_two_concurrent_sets_each_end_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    context = multiprocessing.get_context("fork")
    start, done = context.Barrier(3), context.Barrier(3)
    workers = [
        context.Process(target=_publish_sets, args=(str(out), label, 50, start, done))
        for label in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    winners = set()
    for _ in range(50):
        start.wait(300)
        done.wait(300)
        run = check_complete_set(out)
        for name in ("report.docx", "deck.pptx", "scores.xlsx"):
            with zipfile.ZipFile(out / name) as archive:
                assert archive.testzip() is None
                assert archive.read("label.txt").decode() == run
        winners.add(run.split("-")[0])
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert winners <= {"a", "b"}


@pytest.mark.skipif(not ASSESS.exists(), reason="`assess` is not installed in this environment")
def test_two_concurrent_generates_end_with_one_complete_set(tmp_path: Path) -> None:
    engagements = {
        customer: write_engagement(
            tmp_path / customer.split()[0],
            {"customer": customer},
            {"ann": interview("Ann", "manager", SP_PEO_01=level, SP_PRO_01=level)},
        )
        for customer, level in (("Alpha Co", 1), ("Beta Co", 4))
    }
    out = tmp_path / "out"
    args = ["--out", str(out), "--only", "scores,strategic-plan"]
    for _ in range(ROUNDS):
        runs = [
            subprocess.Popen(
                [str(ASSESS), "generate", str(folder), *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for folder in engagements.values()
        ]
        for process in runs:
            _, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
        run = check_complete_set(out)
        manifest = json.loads((out / "assess-manifest.json").read_text())
        customer = manifest["runs"][run]["engagement"]["customer"]
        assert sorted(manifest["files"]) == ["scores.xlsx", "strategic-plan.docx"]
        import docx
        import openpyxl

        text = "\n".join(p.text for p in docx.Document(str(out / "strategic-plan.docx")).paragraphs)
        assert customer in text
        book = openpyxl.load_workbook(out / "scores.xlsx", read_only=True)
        cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
        assert any(customer in cell for cell in cells)
