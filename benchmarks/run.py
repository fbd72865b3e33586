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


def main() -> None:
    print(f"python {sys.version.split()[0]} · {ROOT}")
    report("assess --help (fresh process)", *timed(command("--help"), 10), "< 500 ms")
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
