"""`make bench`: print timings of the things people wait for. Figures, not assertions."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSESS = Path(sys.executable).with_name("assess")
EXAMPLE = ROOT / "examples" / "northwind-release"


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and best wall time of `runs` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def command(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run([str(ASSESS), *args], check=True, capture_output=True)


def report(name: str, median: float, best: float, target: str = "") -> None:
    note = f"   (target {target})" if target else ""
    print(f"{name:<44} median {median * 1000:8.1f} ms   best {best * 1000:8.1f} ms{note}")


def synthetic_engagement(folder: Path, respondents: int) -> Path:
    """An engagement on the real pack with `respondents` random but valid interviews."""
    import random

    from assessment.files.yamlfile import dump_yaml
    from assessment.pack.load import load_pack, resolve_pack

    pack = load_pack(resolve_pack("release_management"))
    rng = random.Random(7)
    (folder / "interviews").mkdir(parents=True)
    (folder / "engagement.yaml").write_text(
        dump_yaml({"customer": "Bench Co", "pack": "release_management"})
    )
    for n in range(respondents):
        answers = {}
        for q in pack.questions:
            if q.type == "scale":
                answers[q.id] = {"level": rng.choice([0, 1, 2, 3, 4, 5, "na"])}
            elif q.type == "multi":
                answers[q.id] = {"selected": rng.sample(q.option_ids(), 2)}
            else:
                answers[q.id] = {"text": "Tool X"}
        doc = {
            "respondent": {"name": f"Respondent {n}", "role": "release-manager"},
            "answers": answers,
        }
        (folder / "interviews" / f"r{n}.yaml").write_text(dump_yaml(doc))
    return folder


def scoring_figures(temp: Path) -> None:
    from assessment.analysis.scoring import score
    from assessment.engagement.open import open_engagement

    folder = synthetic_engagement(temp / "thousand", 1000)
    opened = open_engagement(folder)
    answers = sum(len(i.answers) for i in opened.interviews.values())
    report(
        f"score 1,000 respondents in process ({answers:,} answers)",
        *timed(lambda: score(opened), 5),
        "< 500 ms",
    )
    report(
        "assess score --json, 1,000 respondents", *timed(command("score", str(folder), "--json"), 2)
    )


def answer_save_latency(saves: int = 200, answers: int = 80) -> tuple[float, float]:
    """Confirmed answer → durable file: one save_interview (temp, fsync, replace, fsync dir)."""
    from assessment.engagement.model import Answer, Interview
    from assessment.engagement.store import save_interview, writer_lock

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        filled = {f"RM-PRO-{n:02d}": Answer(level=n % 6, note="seen it") for n in range(answers)}
        interview = Interview.model_validate({"respondent": {"name": "Jane Doe"}})
        interview = interview.model_copy(update={"answers": filled})
        with writer_lock(folder, "bench"):
            return timed(lambda: save_interview(folder, interview), saves)


def main() -> None:
    print(f"python {sys.version.split()[0]} · {ROOT}")
    report("assess --help (fresh process)", *timed(command("--help"), 10), "< 500 ms")
    report("interview answer → durable save (80 answers)", *answer_save_latency(), "< 20 ms")
    with tempfile.TemporaryDirectory() as temp:
        scoring_figures(Path(temp))
    if not EXAMPLE.is_dir():
        print(f"(no example engagement at {EXAMPLE}; skipping the engagement timings)")
        return
    report(
        "assess score --json (example engagement)",
        *timed(command("score", str(EXAMPLE), "--json"), 5),
    )
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "out"
        report(
            "assess generate (example, all deliverables)",
            *timed(command("generate", str(EXAMPLE), "--out", str(out)), 3),
            "< 4 s",
        )
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
