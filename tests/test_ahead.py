"""The worker beside `assess generate`: every job runs once, in either process, results in order."""

from __future__ import annotations

import os
import time
from functools import partial
from pathlib import Path

import pytest

from assessment.render.ahead import Ahead


def _job(index: int, pause: float, log: Path) -> tuple[int, int]:
    """Note who ran job `index`, take `pause` seconds, and say so."""
    with log.open("a") as handle:
        handle.write(f"{index} {os.getpid()}\n")
    time.sleep(pause)
    return index, os.getpid()


def _failing(log: Path) -> None:
    with log.open("a") as handle:
        handle.write(f"fail {os.getpid()}\n")
    raise OSError(28, "No space left on device")


def ran(log: Path) -> list[str]:
    return [line.split()[0] for line in log.read_text().splitlines()]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker")
def test_each_job_runs_once_and_the_worker_takes_more_than_the_first(tmp_path: Path) -> None:
    log = tmp_path / "log"
    # the first job is long: this process takes the short ones meanwhile, and when they are
    # gone the worker, free again, takes the next job not yet taken
    pauses = [0.5] + [0.4] * 14
    jobs = [partial(_job, index, pause, log) for index, pause in enumerate(pauses)]
    with Ahead() as worker:
        results = worker.share(jobs)
    assert [index for index, _ in results] == list(range(len(jobs)))
    assert sorted(ran(log), key=int) == [str(i) for i in range(len(jobs))]  # once each
    here = os.getpid()
    assert results[0][1] != here  # the longest is the worker's
    assert {pid for _, pid in results[1:]} == {here, results[0][1]}  # both took the others


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker")
def test_a_job_that_fails_stops_both_processes_and_its_error_is_raised(tmp_path: Path) -> None:
    log = tmp_path / "log"
    jobs = [partial(_job, 0, 0.5, log), partial(_failing, log)]
    jobs += [partial(_job, index, 0.2, log) for index in range(2, 12)]
    with Ahead() as worker, pytest.raises(OSError, match="No space left"):
        worker.share(jobs)
    taken = ran(log)
    assert "fail" in taken and len(taken) < 4  # the job in hand ends, no further one starts


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker")
def test_a_job_that_fails_in_the_worker_stops_this_process_too(tmp_path: Path) -> None:
    log = tmp_path / "log"
    jobs = [partial(_failing, log)] + [partial(_job, index, 0.3, log) for index in range(1, 21)]
    with Ahead() as worker, pytest.raises(OSError, match="No space left"):
        worker.share(jobs)
    taken = ran(log)
    assert taken.count("fail") == 1 and len(taken) < len(jobs)
