"""Small graphs in the contract's shape, written by the team for the lineage and render tests.

Facts (titles, years, countries, directors, remake pairs) are public film facts;
every review sentence here is our own.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
from rdflib import OWL, RDF, XSD, Dataset, Literal, URIRef
from rdflib.graph import Graph
from rdflib.term import Node

from kg.lineage import Evidence
from kg.vocab import DEFAULT_BASE, FKG, MARL, NIF, PROV, SCHEMA, country_iri, film_iri, iri, person_iri

COUNTRIES = {
    "ES": "Spain",
    "DE": "Germany",
    "KR": "South Korea",
    "US": "United States",
    "JP": "Japan",
    "FR": "France",
}


def add_film(
    g: Graph,
    title: str,
    year: int | None,
    country: str | None = None,
    *,
    alt: str | None = None,
    director: str | None = None,
    actors: tuple[tuple[str, str], ...] = (),
) -> URIRef:
    """A schema:Movie with its name, year, country, director and performances."""
    film = film_iri(title, year)
    g.add((film, RDF.type, SCHEMA.Movie))
    g.add((film, SCHEMA.name, Literal(title)))
    if alt:
        g.add((film, SCHEMA.alternateName, Literal(alt)))
    if year is not None:
        g.add((film, SCHEMA.datePublished, Literal(str(year), datatype=XSD.gYear)))
    if country:
        place = country_iri(country)
        g.add((film, SCHEMA.countryOfOrigin, place))
        g.add((place, RDF.type, SCHEMA.Country))
        g.add((place, SCHEMA.name, Literal(COUNTRIES[country])))
    if director:
        person = person_iri(director)
        g.add((film, SCHEMA.director, person))
        g.add((person, RDF.type, SCHEMA.Person))
        g.add((person, SCHEMA.name, Literal(director)))
    for name, character in actors:
        person = person_iri(name)
        g.add((film, SCHEMA.actor, person))
        g.add((person, RDF.type, SCHEMA.Person))
        g.add((person, SCHEMA.name, Literal(name)))
        perf = iri("performance", f"{film.rsplit('/', 1)[-1]}/{person.rsplit('/', 1)[-1]}")
        g.add((perf, RDF.type, FKG.Performance))
        g.add((perf, FKG.inFilm, film))
        g.add((perf, FKG.performer, person))
        g.add((perf, FKG.character, Literal(character)))
    return film


def add_review(
    ds: Dataset,
    review_id: str,
    film: URIRef,
    body: str,
    *,
    rating: int | None = None,
    remake_of: URIRef | None = None,
    anchor: str = "remake of",
    headline: str = "",
) -> tuple[Graph, URIRef]:
    """One review's named graph: the review, its rating, and a remake claim with its statement node."""
    g = ds.graph(iri("graph", review_id))
    review = iri("review", review_id)
    g.add((g.identifier, RDF.type, PROV.Entity))
    g.add((g.identifier, PROV.wasDerivedFrom, review))
    g.add((review, RDF.type, SCHEMA.Review))
    g.add((review, SCHEMA.identifier, Literal(review_id)))
    g.add((review, SCHEMA.itemReviewed, film))
    g.add((review, SCHEMA.reviewBody, Literal(body)))
    if headline:
        g.add((review, SCHEMA.name, Literal(headline)))
    if rating is not None:
        node = URIRef(f"{review}#rating")
        g.add((review, SCHEMA.reviewRating, node))
        g.add((node, RDF.type, SCHEMA.Rating))
        g.add((node, SCHEMA.ratingValue, Literal(rating)))
        g.add((node, SCHEMA.bestRating, Literal(10)))
        g.add((node, SCHEMA.worstRating, Literal(1)))
    statement = iri("statement", f"{review_id}/1")
    if remake_of is not None:
        g.add((film, FKG.remakeOf, remake_of))
        begin = body.index(anchor)
        g.add((statement, RDF.type, FKG.Statement))
        g.add((statement, RDF.subject, film))
        g.add((statement, RDF.predicate, FKG.remakeOf))
        g.add((statement, RDF.object, remake_of))
        g.add((statement, PROV.wasDerivedFrom, review))
        g.add((statement, NIF.beginIndex, Literal(begin)))
        g.add((statement, NIF.endIndex, Literal(begin + len(anchor))))
        g.add((statement, NIF.anchorOf, Literal(anchor)))
        g.add((statement, FKG.confidence, Literal(0.9)))
    return g, statement


def add_opinion(g: Graph, review_id: str, n: int, target: URIRef, text: str, polarity: URIRef) -> URIRef:
    opinion = iri("opinion", f"{review_id}/{n}")
    g.add((opinion, RDF.type, MARL.Opinion))
    g.add((opinion, MARL.extractedFrom, iri("review", review_id)))
    g.add((opinion, MARL.describesObject, target))
    g.add((opinion, MARL.hasPolarity, polarity))
    g.add((opinion, MARL.opinionText, Literal(text)))
    return opinion


def desconocido() -> Dataset:
    """El desconocido (Spain 2015) and its remakes, The Seven Samurai chain, and a lone Retribution.

    - Steig. Nicht. Aus! (Germany 2018) is a remake by the catalog's word only;
    - Hard Hit (South Korea 2021) and Retribution (US 2023) are remakes by a review's words;
    - Seven Samurai (1954) -> The Magnificent Seven (1960) -> The Magnificent Seven (2016);
    - Retribution (Japan 2006) is another film of the same title, with no remake links.
    """
    ds = Dataset()
    cat = ds.graph(iri("graph", "catalog"))
    orig = add_film(cat, "El desconocido", 2015, "ES", director="Dani de la Torre", actors=(("Luis Tosar", "Carlos"),))
    steig = add_film(cat, "Steig. Nicht. Aus!", 2018, "DE", alt="Step Out", director="Christian Alvart")
    hard = add_film(cat, "Hard Hit", 2021, "KR", alt="Restricted Call", director="Kim Chang-ju")
    retri = add_film(cat, "Retribution", 2023, "US", director="Nimród Antal", actors=(("Liam Neeson", "Matt Turner"),))
    add_film(cat, "Retribution", 2006, "JP")
    cat.add((steig, FKG.remakeOf, orig))
    samurai = add_film(cat, "Seven Samurai", 1954, "JP")
    mag60 = add_film(cat, "The Magnificent Seven", 1960, "US", actors=(("Eli Wallach", "Calvera"),))
    mag16 = add_film(cat, "The Magnificent Seven", 2016, "US", actors=(("Eli Wallach", "Calvera"),))
    add_film(cat, "A Film Nobody Remade", 1999, "FR")

    g, _ = add_review(
        ds,
        "r1",
        hard,
        "A tight thriller in a car. It is a remake of the Spanish film and keeps its bomb plot.",
        rating=6,
        remake_of=orig,
    )
    add_opinion(g, "r1", 1, hard, "a tight thriller", MARL.Positive)
    add_opinion(g, "r1", 2, person_iri("Kim Chang-ju"), "keeps the tension", MARL.Positive)
    add_review(
        ds,
        "r2",
        retri,
        "Liam Neeson drives around Berlin. This remake of a Spanish thriller adds little.",
        rating=8,
        remake_of=orig,
        anchor="remake of",
    )
    add_review(ds, "r3", hard, "Nothing about earlier films here, just a rating.", rating=10)
    add_review(ds, "r4", mag60, "The western is a remake of the Japanese classic.", remake_of=samurai)
    add_review(ds, "r5", mag16, "A loud remake of the 1960 western.", remake_of=mag60)
    return ds


def union(ds: Dataset) -> Graph:
    """The union of a dataset's graphs as one Graph (what the Turtle export holds)."""
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def film(title: str, year: int | None) -> str:
    return str(film_iri(title, year))


def generated(n_families: int = 40, *, seed: int = 7) -> Dataset:
    """A random dataset in the contract's shape, one named graph per review (film facts repeated in each).

    Remake families of 1-5 films (a catalog graph says some links, reviews say others, with statement
    nodes, offsets into their text and confidences), ratings on scales of 5 and 10 (some reviews
    without a rating or an identifier), directors, performances with and without characters,
    opinions about films and people, comparisons, languages and ``owl:sameAs`` links.
    """
    rng = random.Random(seed)
    ds = Dataset()
    cat = ds.graph(iri("graph", "catalog"))
    body = "We saw it twice. This one is a remake of the older film, and the cast is new."
    n = 0
    for fam in range(n_families):
        films: list[URIRef] = []
        year = rng.randint(1930, 1990)
        for i in range(rng.randint(1, 5)):
            year += rng.randint(0, 15)
            known = rng.random() > 0.1
            title = f"Story {fam} take {i}"
            country = rng.choice([*COUNTRIES, None])
            film = add_film(
                cat,
                title,
                year if known else None,
                country,
                alt=f"Story {fam}" if rng.random() < 0.3 else None,
                director=f"Director {fam % 7}" if rng.random() < 0.8 else None,
                actors=tuple(
                    (f"Actor {rng.randint(0, 30)}", f"Part {rng.randint(0, 3)}") for _ in range(rng.randint(0, 2))
                ),
            )
            if rng.random() < 0.2:
                cat.add((film, SCHEMA.inLanguage, Literal(rng.choice(["es", "de", "ko"]))))
            if rng.random() < 0.2:
                cat.add((film, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/Q{fam * 10 + i}")))
            if rng.random() < 0.1:
                cat.add((film, RDF.type, FKG.UnlinkedFilm))
            if films and rng.random() < 0.4:
                cat.add((film, FKG.remakeOf, rng.choice(films)))
            for _ in range(rng.randint(0, 3)):
                n += 1
                rid = f"g{n}"
                says = rng.choice(films) if films and rng.random() < 0.6 else None
                g, statement = add_review(ds, rid, film, body, rating=rng.choice([None, *range(1, 11)]), remake_of=says)
                review, rating = iri("review", rid), URIRef(f"{iri('review', rid)}#rating")
                if rng.random() < 0.2:  # a scale of 5, or no scale (10 is meant)
                    g.remove((rating, SCHEMA.bestRating, None))
                    if rng.random() < 0.5:
                        g.add((rating, SCHEMA.bestRating, Literal(5)))
                if rng.random() < 0.1:  # no identifier: the review is known by its IRI
                    g.remove((review, SCHEMA.identifier, None))
                for other in [f for f in films if rng.random() < 0.3]:  # the review's graph repeats film facts
                    add_film(g, f"Story {fam} take {films.index(other)}", _year_of(cat, other))
                if rng.random() < 0.3:
                    add_opinion(g, rid, 1, film, "a fine retelling", rng.choice([MARL.Positive, MARL.Negative]))
                if rng.random() < 0.2:
                    person = person_iri(f"Director {fam % 7}")
                    add_opinion(g, rid, 2, person, "knows the story well", MARL.Neutral)
                if says is not None and rng.random() < 0.3:
                    node = iri("comparison", f"{rid}/1")
                    g.add((node, RDF.type, FKG.Comparison))
                    g.add((node, FKG.film, film))
                    g.add((node, FKG.versus, says))
                    g.add((node, FKG.verdict, rng.choice([FKG.Better, FKG.Worse, FKG.Equal])))
                if says is not None and rng.random() < 0.1:  # the same claim kept in a second graph
                    copy = ds.graph(iri("graph", f"{rid}-copy"))
                    for triple in g.triples((statement, None, None)):
                        copy.add(triple)
            films.append(film)
    return ds


def _year_of(g: Graph, film: URIRef) -> int | None:
    year = g.value(film, SCHEMA.datePublished)
    return int(str(year)) if year is not None else None


# --------------------------------------------------------------------------- the reader as it was
# kg.lineage.to_digraph before it read through SPARQL (rdflib's triple API, node by node), kept as
# the reference the new reader is compared with: same nodes, edges and attribute values.

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


def reference_digraph(graph: Graph) -> nx.DiGraph:
    """What ``kg.lineage.to_digraph`` gave before it read through SPARQL: rdflib's triple API, node by node."""
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


__all__ = [
    "DEFAULT_BASE",
    "add_film",
    "add_opinion",
    "add_review",
    "desconocido",
    "film",
    "generated",
    "reference_digraph",
    "union",
]
