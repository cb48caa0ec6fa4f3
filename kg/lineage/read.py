"""Reading a graph of the contract's shape into a networkx DiGraph of films.

The facts come as rows of strings from :mod:`kg.lineage.select` (a few SPARQL
SELECTs that Oxigraph runs); this module only puts them together. Where a
resource has several values of a property that the graph contract gives one
(a review's identifier, a statement's offsets), the smallest is read, so the
result never depends on the order a store returns triples in.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib.graph import Graph

from kg.lineage.select import oxigraph_of, rows, to_oxigraph
from kg.vocab import FKG, MARL, SCHEMA

__all__ = ["Evidence", "to_digraph"]

log = logging.getLogger(__name__)

_ROLES = {
    SCHEMA.director: "director",
    SCHEMA.actor: "actor",
    SCHEMA.author: "writer",
    SCHEMA.producer: "producer",
    SCHEMA.musicBy: "composer",
}
_POLARITY: dict[str | None, str] = {
    MARL.Positive: "positive",
    MARL.Negative: "negative",
    MARL.Neutral: "neutral",
    FKG.Mixed: "mixed",
}
_VERDICT: dict[str | None, str] = {
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


_ROLE_ORDER = {str(p): i for i, p in enumerate(_ROLES)}
_ROLE_NAMES = {str(p): role for p, role in _ROLES.items()}
_POLARITIES = {str(k): v for k, v in _POLARITY.items()}
_VERDICTS = {str(k): v for k, v in _VERDICT.items()}
_RDFLIB_GRAPHS = "urn:x-rdflib:"


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _year(values: Iterable[str]) -> int | None:
    years = [int(m.group()) for v in values if (m := re.match(r"-?\d{4}", v))]
    return min(years) if years else None


def _key(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _least(values: Iterable[str | None]) -> str | None:
    """The smallest bound value (the one a property that should have one value is read as)."""
    return min((v for v in values if v is not None), default=None)


def to_digraph(graph: Graph) -> nx.DiGraph:
    """The films and remake links of ``graph`` as a DiGraph, edges ``original -> remake``.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A graph in the contract's shape; a dataset is read across all its graphs (the
        default graph and every named graph). Over Oxigraph (a build's store) the store
        answers the queries itself; a graph in another store is copied into Oxigraph first.

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
    store = oxigraph_of(graph)
    if store is None:
        store = to_oxigraph(graph)
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    films: set[str] = set()
    unlinked: set[str] = set()
    for kind, s, o in rows(store, "facts"):
        assert kind is not None and s is not None
        if kind == "movie":
            films.add(s)
        elif kind == "unlinked":
            unlinked.add(s)
        else:
            facts[kind][s].append(o or "")
    links: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    for remake, original, ctx in rows(store, "links"):
        assert remake is not None and original is not None
        links[(original, remake)].add(ctx)
        films.update((remake, original))
    names = facts["name"]
    names_of = {s: min(v) for s, v in names.items()}

    def name_of(node: str) -> str:
        return names_of[node] if node in names_of else _key(node)

    G = nx.DiGraph()
    alt, dates, same_as = facts["alt"], facts["date"], facts["same"]
    countries, country_texts = facts["country"], facts["country-text"]
    languages, language_texts = facts["language"], facts["language-text"]
    for film in sorted(films):
        main = sorted(names.get(film, ()))
        others = sorted(set(alt.get(film, ())) - set(main))
        titles = main + others or [_key(film)]
        places = sorted(
            [(name_of(c), _key(c)) for c in countries.get(film, ())] + [(c, c) for c in country_texts.get(film, ())]
        )
        G.add_node(
            film,
            title=titles[0],
            titles=titles,
            year=_year(dates.get(film, ())),
            countries=[name for name, _ in places],
            country_codes=[code for _, code in places],
            languages=sorted([name_of(x) for x in languages.get(film, ())] + language_texts.get(film, [])),
            directors=[],
            people=[],
            reviews=0,
            review_ids=[],
            rating_count=0,
            rating_mean=None,
            opinions=[],
            same_as=sorted(same_as.get(film, ())),
            unlinked=film in unlinked,
        )
    person_names: dict[str, str] = {}
    _read_people(store, G, name_of, person_names)
    _read_reviews(store, G)
    evidence = _read_evidence(store, set(links))
    for (original, remake), contexts in sorted(links.items()):
        found = evidence.get((original, remake), [])
        stated = {e.graph for e in found}
        for ctx in sorted(c for c in contexts if c is not None):  # a link whose graph has no statement node
            if ctx not in stated and not ctx.startswith(_RDFLIB_GRAPHS):
                found.append(Evidence(source="catalog" if ctx.endswith("/catalog") else "graph", graph=ctx))
                stated.add(ctx)
        G.add_edge(original, remake, evidence=found)
    _read_opinions(store, G, person_names)
    G.graph["people"] = person_names
    return G


def _read_people(store: Any, G: nx.DiGraph, name_of: Any, person_names: dict[str, str]) -> None:
    credits = sorted(
        (r for r in rows(store, "credits") if r[0] in G),
        key=lambda r: (_ROLE_ORDER[r[1] or ""], r[0] or "", r[2] or ""),
    )
    for film, prop, person in credits:
        assert film is not None and prop is not None and person is not None
        name = person_names.setdefault(person, name_of(person))
        role = _ROLE_NAMES[prop]
        data = G.nodes[film]
        credit = {"iri": person, "name": name, "role": role, "character": None}
        if credit not in data["people"]:
            data["people"].append(credit)
        if role == "director" and name not in data["directors"]:
            data["directors"].append(name)
    for _, film, person, character in sorted(
        (r for r in rows(store, "performances") if r[1] in G), key=lambda r: tuple(v or "" for v in r)
    ):
        assert film is not None and person is not None
        name = person_names.setdefault(person, name_of(person))
        people = G.nodes[film]["people"]
        credit = {"iri": person, "name": name, "role": "actor", "character": character}
        bare = {**credit, "character": None}
        if bare in people:
            people.remove(bare)
        if credit not in people:
            people.append(credit)
    for film in G:
        G.nodes[film]["people"].sort(key=lambda c: (c["role"] != "director", c["name"], c["character"] or ""))
        G.nodes[film]["directors"].sort()


def _read_reviews(store: Any, G: nx.DiGraph) -> None:
    reviews: dict[tuple[str, str], list[tuple[str | None, ...]]] = defaultdict(list)
    for review, film, identifier, rating, value, best in rows(store, "reviews"):
        if film in G:
            assert review is not None and film is not None
            reviews[(review, film)].append((identifier, rating, value, best))
    totals: dict[str, list[float]] = defaultdict(list)
    for (review, film), found in sorted(reviews.items()):
        data = G.nodes[film]
        data["reviews"] += 1
        identifier = _least(r[0] for r in found)
        data["review_ids"].append(identifier if identifier is not None else _key(review))
        rating = _least(r[1] for r in found)
        if rating is None:
            continue
        score = _number(_least(r[2] for r in found if r[1] == rating))
        top = _number(_least(r[3] for r in found if r[1] == rating)) or 10.0
        if score is not None and top > 0:
            totals[film].append(score / top)
    for film, scores in totals.items():
        G.nodes[film]["rating_count"] = len(scores)
        G.nodes[film]["rating_mean"] = round(sum(scores) / len(scores), 4)
    for film in G:
        G.nodes[film]["review_ids"].sort()


def _read_evidence(store: Any, links: set[tuple[str, str]]) -> dict[tuple[str, str], list[Evidence]]:
    """Statement nodes about ``fkg:remakeOf`` links, keyed by ``(original, remake)``."""
    graphs: dict[str, set[str | None]] = defaultdict(set)
    for statement, ctx in rows(store, "statements"):
        assert statement is not None
        graphs[statement].add(ctx)
    said: dict[str, list[tuple[str | None, ...]]] = defaultdict(list)
    for row in rows(store, "evidence"):
        assert row[0] is not None
        said[row[0]].append(row[1:])
    out: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for statement, found in said.items():
        remake, original = _least(r[0] for r in found), _least(r[1] for r in found)
        if remake is None or original is None or (original, remake) not in links:
            continue
        review = _least(r[2] for r in found)
        mine = [r for r in found if r[2] == review]
        begin, end = _number(_least(r[5] for r in mine)), _number(_least(r[6] for r in mine))
        body, context = _least(r[4] for r in mine), None
        if body is not None and begin is not None and end is not None:
            lo, hi = max(0, int(begin) - _CONTEXT), min(len(body), int(end) + _CONTEXT)
            context = ("…" if lo else "") + " ".join(body[lo:hi].split()) + ("…" if hi < len(body) else "")
        # named graphs that hold the statement; the default graph only when no named graph does
        # (a store may keep the union of its graphs in the default graph as well)
        named: list[str | None] = [g for g in sorted(filter(None, graphs[statement]))]
        for ctx in named or [None]:
            out[(original, remake)].append(
                Evidence(
                    source="review",
                    statement=statement,
                    review=review,
                    review_id=_least(r[3] for r in mine),
                    graph=None if ctx is None or ctx.startswith(_RDFLIB_GRAPHS) else ctx,
                    anchor=_least(r[7] for r in found),
                    begin=None if begin is None else int(begin),
                    end=None if end is None else int(end),
                    confidence=_number(_least(r[8] for r in found)),
                    context=context,
                )
            )
    for evidence in out.values():
        evidence.sort(key=lambda e: (e.review_id or "", e.begin or 0, e.statement or "", e.graph or ""))
    return out


def _read_opinions(store: Any, G: nx.DiGraph, person_names: dict[str, str]) -> None:
    said: dict[tuple[str, str], list[tuple[str | None, ...]]] = defaultdict(list)
    for opinion, target, *rest in rows(store, "opinions"):
        assert opinion is not None and target is not None
        if target in G or target in person_names:
            said[(opinion, target)].append(tuple(rest))
    person_opinions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (opinion, target), found in sorted(said.items()):
        text, feature, polarity, value, review = (_least(r[i] for r in found) for i in range(5))
        item = {
            "iri": opinion,
            "text": text,
            "feature": feature,
            "polarity": _POLARITIES.get(polarity or "", "neutral"),
            "value": _number(value),
            "review": review,
        }
        if target in G:
            G.nodes[target]["opinions"].append(item)
        else:
            person_opinions[target].append(item)
    G.graph["person_opinions"] = dict(person_opinions)
    comparisons: dict[tuple[str, str, str], list[str | None]] = defaultdict(list)
    for comparison, film, other, verdict in rows(store, "comparisons"):
        assert comparison is not None and film is not None and other is not None
        if film in G and other in G:
            comparisons[(comparison, film, other)].append(verdict)
    G.graph["comparisons"] = [
        {"iri": c, "film": f, "versus": v, "verdict": _VERDICTS.get(_least(found) or "", "mixed")}
        for (c, f, v), found in sorted(comparisons.items())
    ]
