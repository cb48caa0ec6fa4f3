"""The ``Catalog`` protocol: what linking asks of a source of known films and people."""

from __future__ import annotations

from typing import Protocol

from kg.model import Candidate, Entity

__all__ = ["Catalog"]


class Catalog(Protocol):
    """A source of known films and people (the built-in catalog, a user's Turtle, both merged).

    Keys are IRI keys (``psycho-1960`` is ``<base>film/psycho-1960``); ids are Wikidata
    (``Q163038``) or IMDb (``tt0054215``, ``nm0000033``) ids.
    """

    name: str

    def candidates(self, title: str, *, year: int | None = None) -> list[Candidate]:
        """Films that ``title`` (and ``year``, where known) may denote, best first."""
        ...

    def person_candidates(self, name: str) -> list[Candidate]:
        """People that ``name`` may denote, best first."""
        ...

    def entity(self, ident: str) -> Entity | None:
        """The film or person with this key or Wikidata/IMDb id, or ``None``."""
        ...

    def originals(self, key: str) -> tuple[str, ...]:
        """Keys of the films that film ``key`` is a remake of."""
        ...

    def remakes(self, key: str) -> tuple[str, ...]:
        """Keys of the films that remake film ``key``."""
        ...

    def credits(self, key: str) -> tuple[tuple[str, str], ...]:
        """``(role, person key)`` pairs of film ``key``; roles are :class:`~kg.model.Role` values."""
        ...
