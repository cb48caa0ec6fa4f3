"""Past one machine: the same chunked work on a Dask cluster (the only module that imports Dask).

:class:`Dask` is a :class:`kg.runner.Runner` over ``distributed``'s scheduler:
``shared`` (settings, catalog) is scattered to every worker once, chunks are
submitted a few per worker thread ahead of the results, and results come
back in input order. Workers must be able to import ``kg`` (install filmkg
with its ``[dask]`` extra on every machine). Install: ``pip install
'filmkg[dask]'``; start a cluster with ``dask scheduler`` and ``dask worker
tcp://HOST:8786``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from kg.errors import KgError

__all__ = ["Dask"]

log = logging.getLogger(__name__)

S = TypeVar("S")
C = TypeVar("C")
R = TypeVar("R")


class Dask:
    """A runner on the Dask scheduler at ``address`` (``tcp://host:8786``).

    Raises :class:`~kg.errors.KgError` when Dask is not installed or the scheduler cannot be reached.
    """

    def __init__(self, address: str, *, timeout: float = 20.0, ahead: int = 2) -> None:
        try:
            from distributed import Client
        except ImportError as err:
            raise KgError("--scheduler needs Dask: pip install 'filmkg[dask]'") from err
        try:
            client: Any = Client
            self.client: Any = client(address, timeout=timeout, set_as_default=False)
        except OSError as err:
            raise KgError(f"cannot reach the Dask scheduler at {address}: {err}") from err
        threads = self.client.nthreads()
        self.jobs = max(1, sum(threads.values()))
        self.ahead = ahead
        log.info("Dask scheduler %s: %d workers, %d threads", address, len(threads), self.jobs)

    def map(self, fn: Callable[[S, int, C], R], shared: S, chunks: Iterable[C]) -> Iterator[R]:
        """``fn(shared, i, chunk)`` for each chunk on the cluster, results in input order."""
        shared_future = self.client.scatter(shared, broadcast=True)
        pending: deque[Any] = deque()
        try:
            for i, chunk in enumerate(chunks):
                pending.append(self.client.submit(fn, shared_future, i, chunk, pure=False))
                if len(pending) >= self.jobs * self.ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        self.client.close()
