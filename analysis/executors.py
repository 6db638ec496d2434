"""Run a function over batches, in order: in this process, in worker processes, or on a Dask cluster.

Whatever runs them, results come back in the order of the batches, and only
a bounded number of batches is in flight (submitted and not yet consumed),
so the caller's memory holds a few batches, not the corpus. The function and
its batches must be picklable (module-level functions, plain data).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

AHEAD = 2  # batches in flight per worker


class SchedulerError(RuntimeError):
    """The Dask scheduler asked for cannot be reached or started; the message says which and why."""


def default_jobs() -> int:
    """The cores this process may use (the affinity mask, where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_in_order(fn: Callable, items: Iterable, jobs: int = 1, scheduler: str | None = None) -> Iterator:
    """``fn(item)`` for every item, yielded in the items' order.

    ``scheduler``: ``None`` for this machine (``jobs`` worker processes, none
    when ``jobs`` is 1 or there is one item); ``"local"`` for a Dask
    ``LocalCluster`` of ``jobs`` worker processes; or a Dask scheduler address
    (``tcp://host:8786``) whose workers run ``fn``.
    """
    items = list(items)
    if scheduler:
        yield from _on_dask(fn, items, jobs, scheduler)
    elif jobs <= 1 or len(items) < 2:
        yield from map(fn, items)
    else:
        # fork: workers start at once with the package and its tables already loaded.
        with multiprocessing.get_context("fork").Pool(min(jobs, len(items))) as pool:
            yield from _windowed(lambda item: pool.apply_async(fn, (item,)), lambda r: r.get(), items,
                                 AHEAD * jobs)


def _windowed(submit, result, items: list, window: int) -> Iterator:
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _on_dask(fn: Callable, items: list, jobs: int, scheduler: str) -> Iterator:
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SchedulerError("--scheduler needs dask.distributed (pip install distributed)") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler)  # waits distributed.comm.timeouts.connect (Dask config, 30 s)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise SchedulerError(f"cannot reach the Dask scheduler {scheduler} ({exc})") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _windowed(lambda item: client.submit(fn, item, pure=False), lambda f: f.result(), items,
                             AHEAD * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
