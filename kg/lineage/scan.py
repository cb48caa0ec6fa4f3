"""The rows of :mod:`kg.lineage.select`'s queries, read from a graph in rdflib's own store.

rdflib's SPARQL engine is slow on large graphs, so for a graph that is not in
Oxigraph the same rows (same columns, ``DISTINCT``, ``""`` and ``None`` for
unbound as :func:`kg.lineage.select.rows` gives them) are made from one scan of
each predicate through rdflib's triple API, joined in dictionaries.
tests/test_lineage.py checks that both give the same DiGraph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import product

from rdflib import OWL, RDF, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.term import Node

from kg.lineage.select import Row
from kg.vocab import FKG, MARL, NIF, PROV, SCHEMA

__all__ = ["scan"]

_ROLES = (SCHEMA.director, SCHEMA.actor, SCHEMA.author, SCHEMA.producer, SCHEMA.musicBy)
_FACTS = (
    ("name", SCHEMA.name),
    ("alt", SCHEMA.alternateName),
    ("date", SCHEMA.datePublished),
    ("country", SCHEMA.countryOfOrigin),
    ("language", SCHEMA.inLanguage),
    ("same", OWL.sameAs),
)

Values = dict[Node, set[Node]]


def _quads(graph: Graph, p: Node, o: Node | None = None) -> Iterator[tuple[Node, Node, str]]:
    """``(s, o, graph name)`` for every triple with predicate ``p`` in every graph (``""``: the default graph)."""
    if not graph.context_aware:
        for s, _, obj in graph.triples((None, p, o)):
            yield s, obj, ""
        return
    for s, _, obj, ctx in graph.quads((None, p, o, None)):  # type: ignore[attr-defined]
        name = getattr(ctx, "identifier", ctx)
        own = name is None or name == DATASET_DEFAULT_GRAPH_ID or str(name).startswith("urn:x-rdflib:")
        yield s, obj, "" if own else str(name)


def _values(graph: Graph, p: Node) -> Values:
    out: Values = defaultdict(set)
    for s, o, _ in _quads(graph, p):
        out[s].add(o)
    return out


def _all(found: set[Node] | None, *, literal: bool = False, iri: bool = False) -> list[str]:
    """The values as strings (``[""]``: unbound), literals or IRIs only when asked."""
    if found:
        kept = [str(v) for v in found if (not literal or isinstance(v, Literal)) and (not iri or isinstance(v, URIRef))]
        if kept:
            return kept
    return [""]


def _marked(found: set[Node] | None) -> list[str | None]:
    """The values of a column that tells the empty literal from unbound (``[None]``)."""
    return [str(v) for v in found] if found else [None]


def _facts(graph: Graph) -> list[Row]:
    found: list[tuple[str, Node, Node | None]] = []
    for kind, cls in (("movie", SCHEMA.Movie), ("unlinked", FKG.UnlinkedFilm)):
        found += [(kind, s, None) for s, _, _ in _quads(graph, RDF.type, cls)]
    for kind, p in _FACTS:
        if kind in ("country", "language"):
            found += [(kind if isinstance(o, URIRef) else f"{kind}-text", s, o) for s, o, _ in _quads(graph, p)]
        else:
            found += [(kind, s, o) for s, o, _ in _quads(graph, p)]
    if graph.context_aware:  # a triple kept in several graphs counts once; a plain graph holds each once
        found = list(dict.fromkeys(found))
    return [[kind, str(s), "" if o is None else str(o)] for kind, s, o in found]


def _links(graph: Graph) -> list[Row]:
    return [[str(s), str(o), g] for s, o, g in set(_quads(graph, FKG.remakeOf))]


def _statements(graph: Graph) -> list[Row]:
    return [[str(s), g] for s, _, g in set(_quads(graph, RDF.predicate, FKG.remakeOf))]


def _evidence(graph: Graph) -> list[Row]:
    statements = {s for s, _, _ in _quads(graph, RDF.predicate, FKG.remakeOf)}
    if not statements:
        return []
    v = {p: _values(graph, p) for p in (RDF.subject, RDF.object, PROV.wasDerivedFrom, NIF.beginIndex, NIF.endIndex)}
    v |= {p: _values(graph, p) for p in (NIF.anchorOf, FKG.confidence, SCHEMA.identifier, SCHEMA.reviewBody)}
    out: set[tuple[str | None, ...]] = set()
    for st in statements:
        if not v[RDF.subject].get(st) or not v[RDF.object].get(st):
            continue
        reviews = v[PROV.wasDerivedFrom].get(st)
        for review in reviews or [None]:
            about = {} if review is None else {p: v[p].get(review) for p in (SCHEMA.identifier, SCHEMA.reviewBody)}
            out.update(
                (str(st), *rest)
                for rest in product(
                    _all(v[RDF.subject][st]),
                    _all(v[RDF.object][st]),
                    [str(review) if review is not None else ""],
                    _marked(about.get(SCHEMA.identifier)),
                    _marked(about.get(SCHEMA.reviewBody)),
                    _all(v[NIF.beginIndex].get(st), literal=True),
                    _all(v[NIF.endIndex].get(st), literal=True),
                    _marked(v[NIF.anchorOf].get(st)),
                    _all(v[FKG.confidence].get(st), literal=True),
                )
            )
    return [list(row) for row in out]


def _reviews(graph: Graph) -> list[Row]:
    identifier, rating = _values(graph, SCHEMA.identifier), _values(graph, SCHEMA.reviewRating)
    value, best = _values(graph, SCHEMA.ratingValue), _values(graph, SCHEMA.bestRating)
    out: set[tuple[str | None, ...]] = set()
    for review, film in {(s, o) for s, o, _ in _quads(graph, SCHEMA.itemReviewed)}:
        ids = _marked(identifier.get(review))
        for node in rating.get(review) or [None]:
            scored = (
                [("", "", "")]
                if node is None
                else product([str(node)], _all(value.get(node), literal=True), _all(best.get(node), literal=True))
            )
            out.update((str(review), str(film), i, *r) for i in ids for r in scored)
    return [list(row) for row in out]


def _credits(graph: Graph) -> list[Row]:
    out: set[tuple[str, str, str]] = set()
    for p in _ROLES:
        out.update((str(s), str(p), str(o)) for s, o, _ in _quads(graph, p) if isinstance(o, URIRef))
    return [list(row) for row in out]


def _performances(graph: Graph) -> list[Row]:
    film, performer, character = (
        _values(graph, FKG.inFilm),
        _values(graph, FKG.performer),
        _values(graph, FKG.character),
    )
    out: set[tuple[str | None, ...]] = set()
    for perf, films in film.items():
        people = performer.get(perf)
        if people:
            out.update(product([str(perf)], map(str, films), map(str, people), _marked(character.get(perf))))
    return [list(row) for row in out]


def _opinions(graph: Graph) -> list[Row]:
    text, feature = _values(graph, MARL.opinionText), _values(graph, MARL.describesFeature)
    polarity, value = _values(graph, MARL.hasPolarity), _values(graph, MARL.polarityValue)
    review = _values(graph, MARL.extractedFrom)
    out: set[tuple[str | None, ...]] = set()
    for opinion, target, _ in _quads(graph, MARL.describesObject):
        out.update(
            product(
                [str(opinion)],
                [str(target)],
                _marked(text.get(opinion)),
                _marked(feature.get(opinion)),
                _all(polarity.get(opinion)),
                _all(value.get(opinion), literal=True),
                _all(review.get(opinion)),
            )
        )
    return [list(row) for row in out]


def _comparisons(graph: Graph) -> list[Row]:
    versus, verdict = _values(graph, FKG.versus), _values(graph, FKG.verdict)
    out: set[tuple[str, ...]] = set()
    for comparison, film, _ in _quads(graph, FKG.film):
        others = versus.get(comparison)
        if others:
            out.update(product([str(comparison)], [str(film)], map(str, others), _all(verdict.get(comparison))))
    return [list(row) for row in out]


_SCANS: dict[str, Callable[[Graph], list[Row]]] = {
    "facts": _facts,
    "links": _links,
    "statements": _statements,
    "evidence": _evidence,
    "reviews": _reviews,
    "credits": _credits,
    "performances": _performances,
    "opinions": _opinions,
    "comparisons": _comparisons,
}


def scan(graph: Graph, name: str) -> list[Row]:
    """The rows of the query ``name`` of :data:`kg.lineage.select.QUERIES`, read from ``graph`` through
    rdflib's triple API.

    >>> from kg.vocab import film_iri
    >>> g = Graph().add((film_iri("Hard Hit", 2021), FKG.remakeOf, film_iri("El desconocido", 2015)))
    >>> scan(g, "links")
    [['https://w3id.org/filmkg/id/film/hard-hit-2021', 'https://w3id.org/filmkg/id/film/el-desconocido-2015', '']]
    """
    return _SCANS[name](graph)
