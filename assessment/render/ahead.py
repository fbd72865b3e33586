"""A worker process started before the report exists, so that the longest document starts warm.

`assess generate` spends its first seconds reading, checking and scoring the engagement, on one
core. A worker started at once spends them on the other core loading the document libraries
(WeasyPrint above all); when the report is ready it renders the longest job while this process
renders the others. Jobs and the report travel by pickle, so any start method works (fork,
forkserver, spawn). This module imports nothing heavy: starting it early costs nothing.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any


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
        self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_warm)
        self._pool.submit(int)  # start the worker now, not at the first job

    @property
    def running(self) -> bool:
        return self._pool is not None

    def submit(self, job: Any, *args: Any) -> Future[Any]:
        assert self._pool is not None, "no worker on a single core"
        self._used = True
        return self._pool.submit(job, *args)

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


def _warm() -> None:
    from assessment.render import pdf_writer, registry  # noqa: F401 (loaded for the jobs)
    from assessment.report import charts

    pdf_writer.load_library()
    charts.load_library()
