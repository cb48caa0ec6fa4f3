"""The one exception tree of filmkg.

::

    KgError                      anything filmkg reports to a user
    ├── InputError               a review file or record that cannot be read (path, line)
    ├── GraphError               a graph file that cannot be parsed or fails validation (path, line, column)
    ├── QueryError               an unknown query, a bad binding, a query that fails (name)
    ├── EndpointError            a SPARQL server that is down, refuses, times out or answers garbage (endpoint)
    └── CatalogError             a catalog that cannot be loaded or built (path)

Every error carries the context it knows and renders it in ``str()``, so the
CLI can print ``Error: {err}`` and nothing more. Third-party errors are
wrapped where they are caught, with ``raise ... from err``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["CatalogError", "EndpointError", "GraphError", "InputError", "KgError", "QueryError"]


class KgError(Exception):
    """Root of every error filmkg raises on purpose."""


class InputError(KgError):
    """A review file or record that cannot be read.

    ``str(err)`` is ``path:line: message`` (``path: message`` without a line).
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class GraphError(KgError):
    """A graph that cannot be read, written or validated."""

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [self.path] if self.path else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return f"{':'.join(parts)}: {self.message}" if parts else self.message


class QueryError(KgError):
    """A query that is unknown, badly bound, or fails."""

    def __init__(self, message: str, *, name: str | None = None) -> None:
        self.message = message
        self.name = name
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"query {self.name}: {self.message}" if self.name else self.message


class EndpointError(KgError):
    """A SPARQL endpoint that cannot be used. Never carries credentials."""

    def __init__(self, message: str, *, endpoint: str | None = None, status: int | None = None) -> None:
        self.message = message
        self.endpoint = endpoint
        self.status = status
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.endpoint}: {self.message}" if self.endpoint else self.message


class CatalogError(KgError):
    """A catalog that cannot be loaded or built."""

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
