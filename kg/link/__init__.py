"""Linking: films and people of an extraction matched to a catalog of known entities.

- :class:`Catalog` is the protocol every catalog implements;
- :func:`load_catalog` gives the catalog a build links against (the built-in one,
  plus users' Turtle files), :func:`read_catalog` / :func:`parse_catalog` read one;
- :func:`resolve` completes an extraction with the remake relations its text
  states that only the catalog can pin down ("the original" of a known remake);
- :func:`link` matches an extraction's films and people to the catalog;
- :func:`catalog_facts` (:func:`known_remakes`) lists the catalog's own remake links
  among the films a build linked (facts for the ``<graph/catalog>`` named graph, never
  a review's graph).

A build does, per review::

    x = resolve(extract(review), catalog)
    links = link(x, catalog)
    linked.update(lk.entity.key for lk in links.films)

and once, after the last review, ``catalog_facts(catalog, linked)``.
"""

from __future__ import annotations

from kg.link.catalog import BUILTIN, MemoryCatalog, load_catalog, parse_catalog, read_builtin, read_catalog
from kg.link.linking import CATALOG_PREFIX, catalog_facts, find_cues, known_remakes, link, resolve
from kg.link.protocol import Catalog

__all__ = [
    "BUILTIN",
    "CATALOG_PREFIX",
    "Catalog",
    "catalog_facts",
    "MemoryCatalog",
    "find_cues",
    "known_remakes",
    "link",
    "load_catalog",
    "parse_catalog",
    "read_builtin",
    "read_catalog",
    "resolve",
]
