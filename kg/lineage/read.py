"""Reading a graph of the contract's shape into a networkx DiGraph of films.

The facts come as rows of strings from :mod:`kg.lineage.select` (a few SPARQL
SELECTs that Oxigraph runs); this module only puts them together. Where a
resource has several values of a property that the graph contract gives one
(a review's identifier, a statement's offsets), the smallest is read, so the
result never depends on the order a store returns triples in.
"""

from __future__ import annotations

import gc
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib.graph import Graph

from kg.lineage.scan import scan
from kg.lineage.select import Row, oxigraph_of, rows
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
_YEAR = re.compile(r"-?\d{4}")

Attrs = dict[str, Any]
Fetch = Callable[[str], list[Row]]  # the rows of one of kg.lineage.select's queries


def _number(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _year(values: Iterable[str]) -> int | None:
    years = [int(m.group()) for v in values if (m := _YEAR.match(v))]
    return min(years) if years else None


def _key(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _least(values: Iterable[str | None]) -> str | None:
    """The smallest bound value (how a property that should have one value is read when it has several)."""
    return min((v for v in values if v is not None), default=None)


def _bound(values: Iterable[str | None]) -> str | None:
    """The smallest non-empty value of an IRI or number column (where ``""`` is unbound)."""
    return min((v for v in values if v), default=None)


def to_digraph(graph: Graph) -> nx.DiGraph:
    """The films and remake links of ``graph`` as a DiGraph, edges ``original -> remake``.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A graph in the contract's shape; a dataset is read across all its graphs (the
        default graph and every named graph). Over Oxigraph (a build's store) the store
        answers a few SPARQL queries itself; a graph in rdflib's own store is scanned
        predicate by predicate (:mod:`kg.lineage.scan`).

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
    fetch: Fetch = (lambda name: rows(store, name)) if store is not None else (lambda name: scan(graph, name))
    with _gc_paused():
        return _to_digraph(fetch)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the graph is read: it would walk the growing heap of
    small lists and dicts again and again (a third of the time), and they hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _to_digraph(fetch: Fetch) -> nx.DiGraph:
    facts: dict[str, dict[str, list[str]]] = {}
    for kind, s, o in fetch("facts"):
        assert kind is not None and s is not None and o is not None
        found = facts.get(kind)
        if found is None:
            found = facts[kind] = {}
        values = found.get(s)
        if values is None:
            found[s] = [o]
        else:
            values.append(o)
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    for remake, original, ctx in fetch("links"):
        assert remake is not None and original is not None and ctx is not None
        links[(original, remake)].add(ctx)
    empty: dict[str, list[str]] = {}
    names = facts.get("name", empty)
    names_of = {s: min(v) for s, v in names.items()}

    def name_of(node: str) -> str:
        return names_of[node] if node in names_of else _key(node)

    alt, dates, same_as = facts.get("alt", empty), facts.get("date", empty), facts.get("same", empty)
    countries, country_texts = facts.get("country", empty), facts.get("country-text", empty)
    languages, language_texts = facts.get("language", empty), facts.get("language-text", empty)
    unlinked = facts.get("unlinked", empty)
    films: dict[str, Attrs] = {}
    for film in sorted({*facts.get("movie", empty), *(f for link in links for f in link)}):
        main = sorted(names[film]) if film in names else []
        titles = main + sorted(set(alt[film]) - set(main)) if film in alt else main
        places = [(name_of(c), _key(c)) for c in countries.get(film, ())]
        if film in country_texts:
            places += [(c, c) for c in country_texts[film]]
        places.sort()
        spoken = [name_of(x) for x in languages.get(film, ())] + language_texts.get(film, [])
        titles = titles or [_key(film)]
        films[film] = {
            "title": titles[0],
            "titles": titles,
            "year": _year(dates[film]) if film in dates else None,
            "countries": [name for name, _ in places],
            "country_codes": [code for _, code in places],
            "languages": sorted(spoken),
            "directors": [],
            "people": [],
            "reviews": 0,
            "review_ids": [],
            "rating_count": 0,
            "rating_mean": None,
            "opinions": [],
            "same_as": sorted(same_as[film]) if film in same_as else [],
            "unlinked": film in unlinked,
        }
    person_names: dict[str, str] = {}
    _read_people(fetch, films, name_of, person_names)
    _read_reviews(fetch, films)
    evidence = _read_evidence(fetch, links)
    edges = []
    for (original, remake), contexts in sorted(links.items()):
        said = evidence.get((original, remake), [])
        stated = {e.graph for e in said}
        for ctx in sorted(contexts):  # a link whose graph has no statement node (catalog, hand-made)
            if ctx and ctx not in stated and not ctx.startswith(_RDFLIB_GRAPHS):
                said.append(Evidence(source="catalog" if ctx.endswith("/catalog") else "graph", graph=ctx))
                stated.add(ctx)
        edges.append((original, remake, {"evidence": said}))
    G = nx.DiGraph()
    G.add_nodes_from(films.items())
    G.add_edges_from(edges)
    G.graph["person_opinions"], G.graph["comparisons"] = _read_opinions(fetch, films, person_names)
    G.graph["people"] = person_names
    return G


def _read_people(fetch: Fetch, films: dict[str, Attrs], name_of: Any, person_names: dict[str, str]) -> None:
    credits = sorted((r for r in fetch("credits") if r[0] in films), key=lambda r: (_ROLE_ORDER[r[1]], r[0], r[2]))
    for film, prop, person in credits:
        assert film is not None and prop is not None and person is not None
        name = person_names.get(person)
        if name is None:
            name = person_names[person] = name_of(person)
        role = _ROLE_NAMES[prop]
        data = films[film]
        credit = {"iri": person, "name": name, "role": role, "character": None}
        if credit not in data["people"]:
            data["people"].append(credit)
        if role == "director" and name not in data["directors"]:
            data["directors"].append(name)
    performances = sorted((r for r in fetch("performances") if r[1] in films), key=lambda r: [v or "" for v in r])
    for _, film, person, character in performances:
        assert film is not None and person is not None
        name = person_names.setdefault(person, name_of(person))
        people = films[film]["people"]
        credit = {"iri": person, "name": name, "role": "actor", "character": character}
        bare = {**credit, "character": None}
        if bare in people:
            people.remove(bare)
        if credit not in people:
            people.append(credit)
    for data in films.values():
        if len(data["people"]) > 1:
            data["people"].sort(key=lambda c: (c["role"] != "director", c["name"], c["character"] or ""))
            data["directors"].sort()


def _read_reviews(fetch: Fetch, films: dict[str, Attrs]) -> None:
    reviews: dict[tuple[str, str], list[Row]] = {}
    for row in fetch("reviews"):
        if row[1] in films:
            key = (row[0], row[1])
            found = reviews.get(key)
            if found is None:
                reviews[key] = [row]
            else:
                found.append(row)
    totals: dict[str, list[float]] = defaultdict(list)
    for (review, film), found in reviews.items():
        data = films[film]
        data["reviews"] += 1
        if len(found) == 1:  # nearly always: one identifier, at most one rating with one value and scale
            _, _, identifier, rating, value, best = found[0]
        else:
            identifier, rating = _least(r[2] for r in found), _bound(r[3] for r in found)
            value = _bound(r[4] for r in found if r[3] == rating)
            best = _bound(r[5] for r in found if r[3] == rating)
        data["review_ids"].append(identifier if identifier is not None else _key(review))
        if rating:
            score, top = _number(value), _number(best) or 10.0
            if score is not None and top > 0:
                totals[film].append(score / top)
    for film, scores in totals.items():
        films[film]["rating_count"] = len(scores)
        films[film]["rating_mean"] = round(sum(sorted(scores)) / len(scores), 4)
    for data in films.values():
        if len(data["review_ids"]) > 1:
            data["review_ids"].sort()


def _read_evidence(fetch: Fetch, links: dict[tuple[str, str], Any]) -> dict[tuple[str, str], list[Evidence]]:
    """Statement nodes about ``fkg:remakeOf`` links, keyed by ``(original, remake)``."""
    graphs: dict[str, list[str]] = defaultdict(list)
    for statement, ctx in fetch("statements"):
        assert statement is not None and ctx is not None
        graphs[statement].append(ctx)
    said: dict[str, list[Row]] = defaultdict(list)
    for row in fetch("evidence"):
        assert row[0] is not None
        said[row[0]].append(row)
    out: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for statement, found in said.items():
        if len(found) == 1:
            _, remake, original, review, review_id, body, begin, end, anchor, confidence = found[0]
        else:
            remake, original, review = (
                _bound(r[1] for r in found),
                _bound(r[2] for r in found),
                _bound(r[3] for r in found),
            )
            mine = [r for r in found if r[3] == review]
            review_id, body = _least(r[4] for r in mine), _least(r[5] for r in mine)
            begin, end = _bound(r[6] for r in found), _bound(r[7] for r in found)
            anchor, confidence = _least(r[8] for r in found), _bound(r[9] for r in found)
        if not remake or not original or (original, remake) not in links:
            continue
        start, stop = _number(begin), _number(end)
        context = None
        if body is not None and start is not None and stop is not None:
            lo, hi = max(0, int(start) - _CONTEXT), min(len(body), int(stop) + _CONTEXT)
            context = ("…" if lo else "") + " ".join(body[lo:hi].split()) + ("…" if hi < len(body) else "")
        # the named graphs that hold the statement; the default graph only when no named graph does
        # (a store may keep the union of its graphs in its default graph as well)
        named = sorted(g for g in graphs[statement] if g and not g.startswith(_RDFLIB_GRAPHS))
        for ctx in named or [""]:
            out[(original, remake)].append(
                Evidence(
                    source="review",
                    statement=statement,
                    review=review or None,
                    review_id=review_id,
                    graph=ctx or None,
                    anchor=anchor,
                    begin=None if start is None else int(start),
                    end=None if stop is None else int(stop),
                    confidence=_number(confidence),
                    context=context,
                )
            )
    for evidence in out.values():
        if len(evidence) > 1:
            evidence.sort(key=lambda e: (e.review_id or "", e.begin or 0, e.statement or "", e.graph or ""))
    return out


def _read_opinions(
    fetch: Fetch, films: dict[str, Attrs], person_names: dict[str, str]
) -> tuple[dict[str, list[Attrs]], list[dict[str, str]]]:
    """Opinions (added to the films; those about people returned) and comparisons between films."""
    said: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in fetch("opinions"):
        opinion, target = row[0], row[1]
        assert opinion is not None and target is not None
        if target in films or target in person_names:
            said[(opinion, target)].append(row)
    person_opinions: dict[str, list[Attrs]] = defaultdict(list)
    for (opinion, target), found in sorted(said.items()):
        text, feature = _least(r[2] for r in found), _least(r[3] for r in found)
        polarity, value, review = (_bound(r[i] for r in found) for i in (4, 5, 6))
        item = {
            "iri": opinion,
            "text": text,
            "feature": feature,
            "polarity": _POLARITIES.get(polarity or "", "neutral"),
            "value": _number(value),
            "review": review,
        }
        if target in films:
            films[target]["opinions"].append(item)
        else:
            person_opinions[target].append(item)
    comparisons: dict[tuple[str, str, str], list[str | None]] = defaultdict(list)
    for comparison, film, other, verdict in fetch("comparisons"):
        assert comparison is not None and film is not None and other is not None
        if film in films and other in films:
            comparisons[(comparison, film, other)].append(verdict)
    return dict(person_opinions), [
        {"iri": c, "film": f, "versus": v, "verdict": _VERDICTS.get(_bound(found) or "", "mixed")}
        for (c, f, v), found in sorted(comparisons.items())
    ]
