"""Linking: films and people of an extraction matched to a catalog of known entities.

``Catalog`` is the protocol every catalog implements (the built-in one, a
user's Turtle, Wikidata); :func:`link` matches an extraction against one.
"""

from __future__ import annotations

from typing import Protocol

from kg.model import Candidate, Extraction, Links

__all__ = ["Catalog", "link"]


class Catalog(Protocol):
    """A source of known films and people."""

    name: str

    def candidates(self, title: str, *, year: int | None = None) -> list[Candidate]:
        """Films that ``title`` (and ``year``, where known) may denote, best first."""
        ...


def link(extraction: Extraction, catalog: Catalog | None = None) -> Links:
    """The links of ``extraction``'s films and people to ``catalog`` (none without a catalog).

    >>> from kg.model import Review
    >>> link(Extraction(review=Review(id="r", text="x"))).films
    ()
    """
    if catalog is None:
        return Links()
    return Links(catalog=catalog.name)
