"""`make bench`: print timings of the things people wait for. Figures, not assertions."""

from __future__ import annotations

import os
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
# respondents for the open/score figures; BENCH_SIZES=10,1000 skips the slow 10,000
SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "10,1000,10000").split(","))


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
            elif q.type == "metric":
                if q.asked and q.range:
                    low, high = q.range
                    answers[q.id] = {"value": str(round(rng.uniform(low, high), 1))}
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


def scoring_figures(temp: Path, sizes: tuple[int, ...] = (10, 1000, 10000)) -> None:
    """Opening (read + validate + check) against scoring, in one process, as respondents grow.

    `open` is the usual case, files read before (the cache of read files, kept in `temp`, not
    in the user's cache); `first open` reads every file afresh, as with the cache off."""
    from assessment.analysis.scoring import score
    from assessment.engagement.open import open_engagement
    from assessment.files.usercache import ENV

    kept = os.environ.get(ENV)
    try:
        for respondents in sizes:
            folder = synthetic_engagement(temp / f"r{respondents}", respondents)
            runs = 3 if respondents <= 1000 else 1
            os.environ[ENV] = "off"
            first, _ = timed(lambda folder=folder: open_engagement(folder), runs)
            os.environ[ENV] = str(temp / "cache")
            opened = open_engagement(folder)  # fills the cache
            opening, _ = timed(lambda folder=folder: open_engagement(folder), runs)
            scoring, _ = timed(lambda opened=opened: score(opened), runs)
            target = "   (target <= 1.00x)" if respondents == 1000 else ""
            print(
                f"open / score, {respondents:>6,} respondents      "
                f"open {opening * 1000:8.1f} ms   score {scoring * 1000:8.1f} ms   "
                f"ratio {opening / scoring:5.2f}x{target}"
            )
            print(
                f"  first open (no cache), {respondents:>6,}     "
                f"open {first * 1000:8.1f} ms   score {scoring * 1000:8.1f} ms   "
                f"ratio {first / scoring:5.2f}x"
            )
        folder = temp / "r1000"
        if folder.is_dir():
            report(
                "assess score --json, 1,000 respondents",
                *timed(command("score", str(folder), "--json"), 2),
            )
    finally:
        if kept is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = kept


FLOOR = """
import sys, docx, pptx, openpyxl, pandas, matplotlib, jinja2, weasyprint
weasyprint.HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3])
"""


def report_html(folder: Path, target: Path) -> Path:
    """The analysis report's HTML for `folder`, as the PDF writer prints it."""
    from assessment.pipeline import assess, now
    from assessment.render import analysis_report
    from assessment.render.pdf_writer import html_for
    from assessment.report.context import build_context

    context = build_context(assess(folder), now())
    target.write_text(html_for(analysis_report.outline(context), context.generated), "utf-8")
    return target


def generate_against_floor(temp: Path, pairs: int = 5, loaded: bool = False) -> None:
    """`assess generate` beside a floor process that imports the same libraries and prints
    the same report HTML with WeasyPrint; pairs alternate, the ratio is the median of pairs.

    `generate` keeps its cache (read files, the PDFs' font cuts) in `temp`: the first run,
    with that cache empty, is printed on its own (as on a new machine), the pairs follow it."""
    from assessment.files.usercache import ENV
    from assessment.render.docx_blocks import TEMPLATES

    html = report_html(EXAMPLE, temp / "report.html")
    floor = [sys.executable, "-c", FLOOR, str(html), str(TEMPLATES) + "/", str(temp / "f.pdf")]
    generate = [str(ASSESS), "generate", str(EXAMPLE), "--out", str(temp / "out")]
    cached = {**os.environ, ENV: str(temp / "cache")}

    def ours() -> object:
        return subprocess.run(generate, check=True, capture_output=True, env=cached)

    def base() -> object:
        return subprocess.run(floor, check=True, capture_output=True)

    if not (temp / "cache").exists():
        first, floor_once = timed(ours, 1)[0], timed(base, 1)[0]
        print(
            f"generate / floor (first run, empty cache)       generate {first:6.2f} s   "
            f"floor {floor_once:6.2f} s   ratio {first / floor_once:5.2f}x"
        )
    burner = None
    if loaded:  # another process keeps one of the cores busy
        burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        ratios, mine_all, theirs = [], [], []
        for _ in range(pairs):
            mine, floor_time = timed(ours, 1)[0], timed(base, 1)[0]
            mine_all.append(mine)
            theirs.append(floor_time)
            ratios.append(mine / floor_time)
    finally:
        if burner is not None:
            burner.kill()
            burner.wait()
    label = "loaded: one core busy" if loaded else "as the machine is"
    target = "" if loaded else "   (target <= 1.10x)"
    generated, floored = statistics.median(mine_all), statistics.median(theirs)
    print(
        f"generate / floor ({label}, {pairs} pairs)   "
        f"generate {generated:6.2f} s   floor {floored:6.2f} s   "
        f"ratio {statistics.median(ratios):5.2f}x{target}"
    )


def answer_save_latency(saves: int = 200, answers: int = 80) -> tuple[float, float]:
    """Confirmed answer → durable file: one save_interview (temp, fsync, replace, fsync dir)."""
    from assessment.engagement.model import Answer, Interview
    from assessment.engagement.store import interview_path, write_interview, writer_lock
    from assessment.files.durable import ABSENT

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        filled = {f"RM-PRO-{n:02d}": Answer(level=n % 6, note="seen it") for n in range(answers)}
        interview = Interview.model_validate({"respondent": {"name": "Jane Doe", "id": "b"}})
        interview = interview.model_copy(update={"answers": filled})
        path = interview_path(folder, "Jane Doe")
        held = {"expect": ABSENT}  # as a session does: each save checks the file is unchanged

        def save() -> None:
            _, held["expect"] = write_interview(folder, interview, path, held["expect"])

        with writer_lock(folder, "bench"):
            return timed(save, saves)


def concurrent_generate(rounds: int = 50) -> None:
    """Two `assess generate` runs into one folder, `rounds` times: every round one whole set."""
    test = "tests/test_concurrency.py::test_two_concurrent_generates_end_with_one_complete_set"
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env={**os.environ, "ASSESS_GENERATE_ROUNDS": str(rounds)},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    outcome = "every round complete and consistent" if result.returncode == 0 else "FAILED"
    print(
        f"{'two concurrent generates, ' + str(rounds) + ' rounds':<44} {outcome} in {seconds:.0f} s"
    )
    if result.returncode:
        print(result.stdout[-3000:])


def main() -> None:
    print(f"python {sys.version.split()[0]} · {ROOT}")
    report("assess --help (fresh process)", *timed(command("--help"), 10), "< 500 ms")
    report("interview answer → durable save (80 answers)", *answer_save_latency(), "< 20 ms")
    with tempfile.TemporaryDirectory() as temp:
        scoring_figures(Path(temp), SIZES)
    if not EXAMPLE.is_dir():
        print(f"(no example engagement at {EXAMPLE}; skipping the engagement timings)")
        return
    report(
        "assess score --json (example engagement)",
        *timed(command("score", str(EXAMPLE), "--json"), 5),
    )
    with tempfile.TemporaryDirectory() as temp:
        generate_against_floor(Path(temp))
        generate_against_floor(Path(temp), loaded=True)
    concurrent_generate()


if __name__ == "__main__":
    main()
