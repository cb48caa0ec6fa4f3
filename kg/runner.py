"""Running one function over chunks of work: in this process, or spread over worker processes.

A runner maps ``fn(shared, index, chunk)`` over an iterable of chunks and
yields the results in input order. ``shared`` (settings, a catalog) reaches
each worker once, not with every chunk; at most a few chunks per worker are in
flight, so a runner never reads its input faster than the workers consume it
and memory stays flat however long the input is. :mod:`kg.cluster` has the
same shape on a Dask cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

__all__ = ["Processes", "Runner", "Serial", "default_jobs"]

S = TypeVar("S")
C = TypeVar("C")
R = TypeVar("R")

_WORKER: dict[str, Any] = {}  # inside a worker process only: the function and what it shares


class Runner(Protocol):
    """Maps a function over chunks, results in input order."""

    jobs: int

    def map(self, fn: Callable[[S, int, C], R], shared: S, chunks: Iterable[C]) -> Iterator[R]:
        """``fn(shared, i, chunk)`` for each ``chunk`` (the ``i``-th), in order."""
        ...


def default_jobs() -> int:
    """The number of cores this process may use.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Serial:
    """Everything in this process, one chunk after another.

    >>> list(Serial().map(lambda s, i, c: s * c, 2, [1, 2, 3]))
    [2, 4, 6]
    """

    jobs = 1

    def map(self, fn: Callable[[S, int, C], R], shared: S, chunks: Iterable[C]) -> Iterator[R]:
        for i, chunk in enumerate(chunks):
            yield fn(shared, i, chunk)


def _init(fn: Callable[..., Any], shared: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    _WORKER["fn"], _WORKER["shared"] = fn, shared


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies, even by SIGKILL (elsewhere: nothing)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def _call(i: int, chunk: Any) -> Any:
    return _WORKER["fn"](_WORKER["shared"], i, chunk)


class Processes:
    """``jobs`` worker processes (forked, so ``shared`` is inherited, not copied through a pipe).

    ``fn`` must be a module-level function; chunks and results travel by pickle.
    """

    def __init__(self, jobs: int | None = None, *, ahead: int = 3) -> None:
        self.jobs = jobs or default_jobs()
        self.ahead = ahead

    def map(self, fn: Callable[[S, int, C], R], shared: S, chunks: Iterable[C]) -> Iterator[R]:
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init, initargs=(fn, shared))
        pending: deque[Future[R]] = deque()
        try:
            for i, chunk in enumerate(chunks):
                pending.append(pool.submit(_call, i, chunk))
                if len(pending) >= self.jobs * self.ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
