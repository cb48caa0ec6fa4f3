"""Remake lineage: the graph's remake links as a networkx DiGraph, and questions about it.

:func:`to_digraph` reads an rdflib graph (a ``Graph`` or a ``Dataset`` of
per-review named graphs) in the shape of the graph contract and returns a
``networkx.DiGraph`` whose nodes are films (keyed by IRI string) and whose
edges point **from an original to its remake** (``original -> remake``, the
direction of ``fkg:remadeAs``; the stored ``fkg:remakeOf`` triple points the
other way). So a film's remakes are its successors/descendants, its originals
its predecessors/ancestors, and a topological order is an order of derivation.
It reads the graph through a few SPARQL SELECTs that Oxigraph runs and writes
as CSV rows (:mod:`kg.lineage.select`) where the graph is in Oxigraph (a
build's store), and through the same rows made by scanning rdflib's triple
API (:mod:`kg.lineage.scan`) where it is not.

Node attributes: ``title``, ``titles`` (every name, the main one first),
``year`` (int or None), ``countries`` and ``country_codes``, ``languages``,
``directors``, ``people`` (credits: iri, name, role, character), ``reviews``
(number of reviews of the film), ``review_ids``, ``rating_count`` and
``rating_mean`` (ratings normalised to their scale's best: 6/10 is 0.6),
``opinions``, ``same_as``, ``unlinked``. Edge attribute ``evidence``: a list
of :class:`Evidence` (the statement node, the review, the words, the offsets).
``G.graph`` holds ``people`` (IRI -> name), ``person_opinions`` and
``comparisons``.

The other functions follow networkx's ``dag.py``: data first, plain values out.

>>> from rdflib import Graph, Literal
>>> from kg.vocab import FKG, SCHEMA, film_iri
>>> g = Graph()
>>> a, b = film_iri("El desconocido", 2015), film_iri("Hard Hit", 2021)
>>> for film, name, year in [(a, "El desconocido", 2015), (b, "Hard Hit", 2021)]:
...     _ = g.add((film, SCHEMA.name, Literal(name))).add((film, SCHEMA.datePublished, Literal(str(year))))
>>> _ = g.add((b, FKG.remakeOf, a))
>>> G = to_digraph(g)
>>> [G.nodes[f]["title"] for f in remakes_of(G, str(a))]
['Hard Hit']
"""

from kg.lineage.dag import (
    LineageProblem,
    families_by_size,
    family_key,
    family_of,
    find_films,
    find_problems,
    generations,
    originals_of,
    path_between,
    people_across,
    release_key,
    remake_ordinal,
    remakes_of,
    siblings,
)
from kg.lineage.read import Evidence, to_digraph
from kg.lineage.report import lineage_report, serialize_family

__all__ = [
    "Evidence",
    "LineageProblem",
    "family_key",
    "family_of",
    "families_by_size",
    "find_films",
    "find_problems",
    "generations",
    "lineage_report",
    "originals_of",
    "path_between",
    "people_across",
    "release_key",
    "remake_ordinal",
    "remakes_of",
    "serialize_family",
    "siblings",
    "to_digraph",
]
