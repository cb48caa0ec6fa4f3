"""Reading an rdflib graph of the contract's shape into a networkx DiGraph of films."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib import OWL, RDF, Literal, URIRef
from rdflib.graph import Graph
from rdflib.term import Node

from kg.vocab import FKG, MARL, NIF, PROV, SCHEMA

__all__ = ["Evidence", "to_digraph"]

log = logging.getLogger(__name__)

log = logging.getLogger(__name__)

_ROLES = {
    SCHEMA.director: "director",
    SCHEMA.actor: "actor",
    SCHEMA.author: "writer",
    SCHEMA.producer: "producer",
    SCHEMA.musicBy: "composer",
}
_POLARITY: dict[Node | None, str] = {
    MARL.Positive: "positive",
    MARL.Negative: "negative",
    MARL.Neutral: "neutral",
    FKG.Mixed: "mixed",
}
_VERDICT: dict[Node | None, str] = {
    FKG.Better: "better",
    FKG.Worse: "worse",
    FKG.Equal: "equal",
    FKG.Mixed: "mixed",
}
_CONTEXT = 80  # characters of review text shown on each side of a remake claim


@dataclass(frozen=True)
class Evidence:
    """What supports one remake link: a statement from a review, or a catalog's graph."""

    source: str  # "review" or "catalog" (or "graph" when no more is known)
    statement: str | None = None
    review: str | None = None
    review_id: str | None = None
    graph: str | None = None
    anchor: str | None = None
    begin: int | None = None
    end: int | None = None
    confidence: float | None = None
    context: str | None = None  # the review's words around the claim, as plain text


def _scan(graph: Graph, s: Node | None, p: Node, o: Node | None = None) -> Iterator[tuple[Node, Node, Node | None]]:
    """Triples ``(s, o, context)`` over every named graph of a dataset, or the one graph."""
    if graph.context_aware:
        for qs, _, qo, ctx in graph.quads((s, p, o, None)):  # type: ignore[attr-defined]
            yield qs, qo, getattr(ctx, "identifier", ctx)
    else:
        for ts, _, to in graph.triples((s, p, o)):
            yield ts, to, None


def _pairs(graph: Graph, p: Node) -> dict[Node, list[Node]]:
    out: dict[Node, list[Node]] = defaultdict(list)
    for s, o, _ in _scan(graph, None, p):
        if o not in out[s]:
            out[s].append(o)
    return out


def _first(graph: Graph, s: Node, p: Node) -> Node | None:
    return next((o for _, o, _ in _scan(graph, s, p)), None)


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _number(node: Node | None) -> float | None:
    if not isinstance(node, Literal):
        return None
    try:
        return float(node.toPython())
    except (TypeError, ValueError):
        return None


def _year(values: Iterable[Node]) -> int | None:
    years = [int(m.group()) for v in values if (m := re.match(r"-?\d{4}", str(v)))]
    return min(years) if years else None


def _key(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def to_digraph(graph: Graph) -> nx.DiGraph:
    """The films and remake links of ``graph`` as a DiGraph, edges ``original -> remake``.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A graph in the contract's shape; a dataset is read across all its named graphs.

    Returns
    -------
    networkx.DiGraph
        Every ``schema:Movie`` and every film in a ``fkg:remakeOf`` link is a
        node keyed by its IRI string; see the module docstring for attributes.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from kg.vocab import FKG, film_iri
    >>> g = Graph().add((film_iri("Retribution", 2023), FKG.remakeOf, film_iri("El desconocido", 2015)))
    >>> list(to_digraph(g).edges)
    [('https://w3id.org/filmkg/id/film/el-desconocido-2015', 'https://w3id.org/filmkg/id/film/retribution-2023')]
    """
    G = nx.DiGraph()
    films: set[Node] = {s for s, _, _ in _scan(graph, None, RDF.type, SCHEMA.Movie)}
    links: dict[tuple[Node, Node], list[Node | None]] = defaultdict(list)
    for remake, original, ctx in _scan(graph, None, FKG.remakeOf):
        links[(original, remake)].append(ctx)
        films.update((remake, original))
    names, alt = _pairs(graph, SCHEMA.name), _pairs(graph, SCHEMA.alternateName)
    dates, countries = _pairs(graph, SCHEMA.datePublished), _pairs(graph, SCHEMA.countryOfOrigin)
    languages, same_as = _pairs(graph, SCHEMA.inLanguage), _pairs(graph, OWL.sameAs)
    unlinked = {s for s, _, _ in _scan(graph, None, RDF.type, FKG.UnlinkedFilm)}
    person_names: dict[str, str] = {}

    def name_of(node: Node) -> str:
        values = sorted(str(n) for n in names.get(node, []))
        return values[0] if values else _key(str(node))

    for film in films:
        main = sorted(str(n) for n in names.get(film, []))
        others = sorted({str(n) for n in alt.get(film, [])} - set(main))
        titles = main + others or [_key(str(film))]
        places = sorted(
            (name_of(c), _key(str(c))) if isinstance(c, URIRef) else (str(c), str(c)) for c in countries.get(film, [])
        )
        G.add_node(
            str(film),
            title=titles[0],
            titles=titles,
            year=_year(dates.get(film, [])),
            countries=[name for name, _ in places],
            country_codes=[code for _, code in places],
            languages=sorted(name_of(x) if isinstance(x, URIRef) else str(x) for x in languages.get(film, [])),
            directors=[],
            people=[],
            reviews=0,
            review_ids=[],
            rating_count=0,
            rating_mean=None,
            opinions=[],
            same_as=sorted(str(x) for x in same_as.get(film, [])),
            unlinked=film in unlinked,
        )
    _read_people(graph, G, name_of, person_names)
    _read_reviews(graph, G)
    evidence = _read_evidence(graph, links)
    for (original, remake), contexts in sorted(links.items()):
        found = evidence.get((remake, original), [])
        stated = {e.graph for e in found}
        for ctx in contexts:  # a remake triple whose graph has no statement node (catalog, hand-made)
            if ctx is not None and str(ctx) not in stated and not str(ctx).startswith("urn:x-rdflib:"):
                kind = "catalog" if str(ctx).endswith("/catalog") else "graph"
                found.append(Evidence(source=kind, graph=str(ctx)))
                stated.add(str(ctx))
        G.add_edge(str(original), str(remake), evidence=found)
    _read_opinions(graph, G, person_names)
    G.graph["people"] = person_names
    return G


def _read_people(graph: Graph, G: nx.DiGraph, name_of: Any, person_names: dict[str, str]) -> None:
    for prop, role in _ROLES.items():
        for film, person, _ in _scan(graph, None, prop):
            if str(film) not in G or not isinstance(person, URIRef):
                continue
            name = person_names.setdefault(str(person), name_of(person))
            credit = {"iri": str(person), "name": name, "role": role, "character": None}
            if credit not in G.nodes[str(film)]["people"]:
                G.nodes[str(film)]["people"].append(credit)
            if role == "director" and name not in G.nodes[str(film)]["directors"]:
                G.nodes[str(film)]["directors"].append(name)
    in_film, performer = _pairs(graph, FKG.inFilm), _pairs(graph, FKG.performer)
    characters = _pairs(graph, FKG.character)
    for perf, films in in_film.items():
        for film in films:
            for person in performer.get(perf, []):
                if str(film) not in G:
                    continue
                name = person_names.setdefault(str(person), name_of(person))
                people = G.nodes[str(film)]["people"]
                for character in characters.get(perf, [None]):
                    credit = {
                        "iri": str(person),
                        "name": name,
                        "role": "actor",
                        "character": _text(character),
                    }
                    bare = {**credit, "character": None}
                    if bare in people:
                        people.remove(bare)
                    if credit not in people:
                        people.append(credit)
    for film in G:
        G.nodes[film]["people"].sort(key=lambda c: (c["role"] != "director", c["name"], c["character"] or ""))
        G.nodes[film]["directors"].sort()


def _read_reviews(graph: Graph, G: nx.DiGraph) -> None:
    identifiers = _pairs(graph, SCHEMA.identifier)
    ratings = _pairs(graph, SCHEMA.reviewRating)
    values, best = _pairs(graph, SCHEMA.ratingValue), _pairs(graph, SCHEMA.bestRating)
    totals: dict[str, list[float]] = defaultdict(list)
    seen: set[tuple[Node, Node]] = set()
    for review, item, _ in _scan(graph, None, SCHEMA.itemReviewed):
        if str(item) not in G or (review, item) in seen:
            continue
        seen.add((review, item))
        data = G.nodes[str(item)]
        data["reviews"] += 1
        ids = identifiers.get(review)
        data["review_ids"].append(str(ids[0]) if ids else _key(str(review)))
        for rating in ratings.get(review, [])[:1]:
            value = _number(values.get(rating, [None])[0])
            top = _number(best.get(rating, [None])[0]) or 10.0
            if value is not None and top > 0:
                totals[str(item)].append(value / top)
    for film, scores in totals.items():
        G.nodes[film]["rating_count"] = len(scores)
        G.nodes[film]["rating_mean"] = round(sum(scores) / len(scores), 4)
    for film in G:
        G.nodes[film]["review_ids"].sort()


def _read_evidence(
    graph: Graph, links: dict[tuple[Node, Node], list[Node | None]]
) -> dict[tuple[Node, Node], list[Evidence]]:
    """Statement nodes about ``fkg:remakeOf`` links, keyed by ``(remake, original)``."""
    out: dict[tuple[Node, Node], list[Evidence]] = defaultdict(list)
    wanted = {(r, o) for (o, r) in links}
    for statement, _, ctx in _scan(graph, None, RDF.predicate, FKG.remakeOf):
        subject, obj = _first(graph, statement, RDF.subject), _first(graph, statement, RDF.object)
        if subject is None or obj is None or (subject, obj) not in wanted:
            continue
        review = _first(graph, statement, PROV.wasDerivedFrom)
        begin, end = (
            _number(_first(graph, statement, NIF.beginIndex)),
            _number(_first(graph, statement, NIF.endIndex)),
        )
        context = None
        body = _first(graph, review, SCHEMA.reviewBody) if review is not None else None
        if body is not None and begin is not None and end is not None:
            text = str(body)
            lo, hi = max(0, int(begin) - _CONTEXT), min(len(text), int(end) + _CONTEXT)
            context = ("…" if lo else "") + " ".join(text[lo:hi].split()) + ("…" if hi < len(text) else "")
        identifier = _first(graph, review, SCHEMA.identifier) if review is not None else None
        evidence = Evidence(
            source="review",
            statement=str(statement),
            review=_text(review),
            review_id=_text(identifier),
            graph=None if ctx is None or str(ctx).startswith("urn:x-rdflib:") else str(ctx),
            anchor=_text(_first(graph, statement, NIF.anchorOf)),
            begin=None if begin is None else int(begin),
            end=None if end is None else int(end),
            confidence=_number(_first(graph, statement, FKG.confidence)),
            context=context,
        )
        if evidence not in out[(subject, obj)]:
            out[(subject, obj)].append(evidence)
    for found in out.values():
        found.sort(key=lambda e: (e.review_id or "", e.begin or 0, e.statement or ""))
    return out


def _read_opinions(graph: Graph, G: nx.DiGraph, person_names: dict[str, str]) -> None:
    person_opinions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    texts, features = _pairs(graph, MARL.opinionText), _pairs(graph, MARL.describesFeature)
    polarity, value = _pairs(graph, MARL.hasPolarity), _pairs(graph, MARL.polarityValue)
    source = _pairs(graph, MARL.extractedFrom)
    for opinion, target, _ in _scan(graph, None, MARL.describesObject):
        item = {
            "iri": str(opinion),
            "text": _text(texts.get(opinion, [None])[0]),
            "feature": _text(features.get(opinion, [None])[0]),
            "polarity": _POLARITY.get(polarity.get(opinion, [None])[0], "neutral"),
            "value": _number(value.get(opinion, [None])[0]),
            "review": _text(source.get(opinion, [None])[0]),
        }
        if str(target) in G:
            if item not in G.nodes[str(target)]["opinions"]:
                G.nodes[str(target)]["opinions"].append(item)
        elif str(target) in person_names and item not in person_opinions[str(target)]:
            person_opinions[str(target)].append(item)
    G.graph["person_opinions"] = dict(person_opinions)
    versus, verdict = _pairs(graph, FKG.versus), _pairs(graph, FKG.verdict)
    comparisons: list[dict[str, str]] = []
    for comparison, film, _ in _scan(graph, None, FKG.film):
        for other in versus.get(comparison, []):
            if str(film) in G and str(other) in G:
                found = _VERDICT.get(verdict.get(comparison, [None])[0], "mixed")
                said = {"iri": str(comparison), "film": str(film), "versus": str(other), "verdict": found}
                if said not in comparisons:
                    comparisons.append(said)
    G.graph["comparisons"] = sorted(comparisons, key=lambda c: c["iri"])
