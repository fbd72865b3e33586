"""A worker process started before the report exists, so that the longest document starts warm.

`assess generate` spends its first seconds reading, checking and scoring the engagement, on one
core. A worker started at once spends them on the other core loading the document libraries
(WeasyPrint above all); when the report is ready it renders the longest job while this process
renders the others. After that each process takes the next job not yet taken, through a
counter in shared memory, so neither waits while the other still has work. Jobs and the report
travel by pickle, so any start method works (fork, forkserver, spawn). This module imports
nothing heavy: starting it early costs nothing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from types import TracebackType
from typing import Any

Task = Callable[..., Any]  # a job of the registry, or any picklable callable
_taken: Any = None  # in the worker: the counter of jobs taken, shared with the process it serves


class Ahead:
    """One worker process, started now to load the document libraries (none on one core)."""

    def __init__(self, start_method: str | None = None) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._used = False  # a job was given (not just the warm-up)
        if (os.cpu_count() or 1) < 2:
            return  # nothing runs beside us: render everything in this process
        methods = multiprocessing.get_all_start_methods()
        method = start_method or ("fork" if "fork" in methods else None)
        context = multiprocessing.get_context(method)
        self._taken = context.Value("i", 0)  # given to the worker as it starts (any method)
        self._pool = ProcessPoolExecutor(
            1, mp_context=context, initializer=_warm, initargs=(self._taken,)
        )
        self._pool.submit(int)  # start the worker now, not at the first job

    @property
    def running(self) -> bool:
        return self._pool is not None

    def share(self, jobs: Sequence[Task], *args: Any) -> list[Any]:
        """Each job's result, in order: the worker runs the first, then both processes take
        the next job not yet taken. A job that fails stops both after the job in hand; its
        error is raised once the other process is done."""
        if self._pool is None or len(jobs) < 2:
            return [job(*args) for job in jobs]
        self._used = True
        with self._taken.get_lock():
            self._taken.value = 1  # the first is the worker's
        theirs = self._pool.submit(_take_jobs, jobs, args, 0)
        try:
            ours = _take_jobs(jobs, args, None, self._taken)
        except BaseException:
            wait([theirs])  # the worker may still be writing: let it finish
            raise
        results = dict(theirs.result())
        results.update(ours)
        return [results[index] for index in range(len(jobs))]

    def close(self, failed: bool = False) -> None:
        """Wait for the worker's jobs; when the run failed before any job, stop it at once."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if failed and not self._used:  # it was only loading libraries: nothing to wait for
            # the pool's own processes (terminate_workers() exists only from Python 3.14)
            processes = list(pool._processes.values())  # type: ignore[attr-defined]
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join()
        pool.shutdown(wait=True)  # a job may still write: always wait for it

    def __enter__(self) -> Ahead:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(failed=kind is not None)


def _take_jobs(
    jobs: Sequence[Task], args: tuple[Any, ...], first: int | None, taken: Any = None
) -> list[tuple[int, Any]]:
    """Run `first` (if any), then every next job not yet taken; (index, result) of each run."""
    taken = taken if taken is not None else _taken
    done: list[tuple[int, Any]] = []
    index = first if first is not None else _next(taken)
    try:
        while index < len(jobs):
            done.append((index, jobs[index](*args)))
            index = _next(taken)
    except BaseException:
        with taken.get_lock():
            taken.value = len(jobs)  # the other process takes no further job
        raise
    return done


def _next(taken: Any) -> int:
    with taken.get_lock():
        index: int = taken.value
        taken.value = index + 1
    return index


def _warm(taken: Any) -> None:
    global _taken
    _taken = taken
    from assessment.render import pdf_writer, registry  # noqa: F401 (loaded for the jobs)
    from assessment.report import charts

    pdf_writer.load_library()
    charts.load_library()
