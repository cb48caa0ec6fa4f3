"""Wikidata as a catalog: facts about a graph's linked films, fetched over SPARQL (``kg enrich``).

For every film of a graph with ``owl:sameAs wd:Q…``, :func:`fetch_facts` asks a
Wikidata-style SPARQL endpoint (through :mod:`kg.endpoint`: POST, a User-Agent
naming filmkg, a timeout, polite retries on 429/503) for

- P577 publication date, P495 country of origin (with the country's P297 ISO code),
  P345 IMDb id;
- P57 director and P161 cast member with the P453 character role qualifier (labels in English);
- P144 "based on" and P4969 "derivative work" where both ends are films (instances of
  Q11424 or a subclass): remake links.

Items go in batches bound with ``VALUES`` (never pasted from text: each id is checked to
be ``Q`` and digits and written as an IRI). Every answer is cached on disk under a hash of
endpoint and query, so a second run asks nothing. :func:`enrich` writes the facts into
their own named graph ``<graph/wikidata>``, apart from what the reviews say.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, XSD

from kg.endpoint import SelectResult, SparqlEndpoint, Term
from kg.vocab import DEFAULT_BASE, FKG, PROV, SCHEMA, WD, country_iri, film_iri, iri, person_iri, slug

__all__ = [
    "DEFAULT_ENDPOINT",
    "EnrichResult",
    "FilmFacts",
    "WikidataFacts",
    "enrich",
    "fetch_facts",
    "linked_films",
]

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
BATCH = 50
_QID = re.compile(r"^Q[1-9]\d*$")
_PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# one query per kind of fact keeps the answers small (no cross products); $VALUES is the bound item list
QUERIES = {
    "facts": """SELECT ?item ?date ?code ?cname ?imdb WHERE {
  VALUES ?item { $VALUES }
  { ?item wdt:P577 ?date }
  UNION
  { ?item wdt:P495 ?country . ?country wdt:P297 ?code .
    OPTIONAL { ?country rdfs:label ?cname . FILTER(LANGMATCHES(LANG(?cname), "en")) } }
  UNION
  { ?item wdt:P345 ?imdb }
}""",
    "labels": """SELECT ?item ?label WHERE {
  VALUES ?item { $VALUES }
  ?item rdfs:label ?label . FILTER(LANGMATCHES(LANG(?label), "en"))
}""",
    "directors": """SELECT ?item ?person ?name WHERE {
  VALUES ?item { $VALUES }
  ?item wdt:P57 ?person . ?person rdfs:label ?name . FILTER(LANGMATCHES(LANG(?name), "en"))
}""",
    "cast": """SELECT ?item ?person ?name ?character WHERE {
  VALUES ?item { $VALUES }
  ?item p:P161 ?st . ?st ps:P161 ?person . ?person rdfs:label ?name . FILTER(LANGMATCHES(LANG(?name), "en"))
  OPTIONAL { ?st pq:P453 ?role . ?role rdfs:label ?character . FILTER(LANGMATCHES(LANG(?character), "en")) }
}""",
    "remakes": """SELECT ?item ?original ?remake ?label ?date WHERE {
  VALUES ?item { $VALUES }
  { ?item wdt:P144 ?original . ?original wdt:P31/wdt:P279* wd:Q11424 .
    OPTIONAL { ?original rdfs:label ?label . FILTER(LANGMATCHES(LANG(?label), "en")) }
    OPTIONAL { ?original wdt:P577 ?date } }
  UNION
  { ?item wdt:P4969 ?remake . ?remake wdt:P31/wdt:P279* wd:Q11424 .
    OPTIONAL { ?remake rdfs:label ?label . FILTER(LANGMATCHES(LANG(?label), "en")) }
    OPTIONAL { ?remake wdt:P577 ?date } }
  ?item wdt:P31/wdt:P279* wd:Q11424 .
}""",
}


@dataclass
class FilmFacts:
    """What the endpoint says of one film item."""

    qid: str
    label: str | None = None
    years: set[int] = field(default_factory=set)
    countries: dict[str, str | None] = field(default_factory=dict)  # ISO code -> English name
    imdb: set[str] = field(default_factory=set)
    directors: dict[str, str] = field(default_factory=dict)  # person QID -> name
    cast: dict[tuple[str, str | None], str] = field(default_factory=dict)  # (person QID, character) -> name
    originals: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)  # QID -> (label, year)
    remakes: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)


@dataclass
class WikidataFacts:
    """The facts fetched for some film items, and how many requests it took."""

    films: dict[str, FilmFacts] = field(default_factory=dict)
    requests: int = 0
    cached: int = 0


def _qid(term: Term | None) -> str | None:
    if term is None or term.kind != "uri" or not term.value.startswith(str(WD)):
        return None
    q = term.value[len(str(WD)) :]
    return q if _QID.match(q) else None


def _year(term: Term | None) -> int | None:
    m = re.match(r"^-?(\d{4})", term.value) if term is not None else None
    return int(m.group(1)) if m else None


def _text(term: Term | None) -> str | None:
    return term.value.strip() or None if term is not None and term.kind == "literal" else None


class _Cache:
    """Answers on disk, one JSON file per (endpoint, query)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def path(self, endpoint: str, query: str) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(f"{endpoint}\n{query}".encode()).hexdigest()
        return self.folder / f"{digest}.json"

    def get(self, endpoint: str, query: str) -> SelectResult | None:
        path = self.path(endpoint, query)
        if path is None or not path.exists():
            return None
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            rows = tuple({k: Term(**v) for k, v in row.items()} for row in raw["rows"])
            return SelectResult(tuple(raw["variables"]), rows)
        except (OSError, ValueError, KeyError, TypeError) as err:
            log.warning("ignoring a damaged cache file %s: %s", path, err)
            return None

    def put(self, endpoint: str, query: str, result: SelectResult) -> None:
        path = self.path(endpoint, query)
        if path is None:
            return
        rows = [{k: t.__dict__ for k, t in row.items()} for row in result.rows]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"variables": list(result.variables), "rows": rows}), encoding="utf-8")
        tmp.replace(path)


def fetch_facts(
    qids: Iterable[str],
    endpoint: SparqlEndpoint,
    *,
    cache: str | Path | None = None,
    batch: int = BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> WikidataFacts:
    """The facts that ``endpoint`` knows of the film items ``qids``.

    Parameters
    ----------
    qids : iterable of str
        Wikidata item ids (``Q163038``); anything else is ignored.
    endpoint : SparqlEndpoint
        Where to ask (:class:`kg.endpoint.Endpoint`).
    cache : str or Path, optional
        A folder for answers; a query answered before is not asked again.
    batch : int
        Items per query (bound with ``VALUES``).
    progress : callable, optional
        Called with (queries done, queries in all).

    Returns
    -------
    WikidataFacts
        One :class:`FilmFacts` per item the endpoint knows.

    Raises
    ------
    EndpointError
        When the endpoint is down, refuses, times out or answers garbage.

    Examples
    --------
    >>> class Nowhere:  # an endpoint that is never asked: nothing to fetch
    ...     url = "http://127.0.0.1:9/query"
    >>> fetch_facts(["not an id"], Nowhere()).requests
    0
    """
    items = sorted({q for q in qids if _QID.match(q)}, key=lambda q: int(q[1:]))
    store = _Cache(Path(cache) if cache is not None else None)
    facts = WikidataFacts()
    chunks = [items[i : i + max(1, batch)] for i in range(0, len(items), max(1, batch))]
    total, done = len(chunks) * len(QUERIES), 0
    for chunk in chunks:
        values = " ".join(URIRef(f"{WD}{q}").n3() for q in chunk)
        for kind, template in QUERIES.items():
            query = _PREFIXES + template.replace("$VALUES", values)
            result = store.get(endpoint.url, query)
            if result is None:
                result = endpoint.select(query)
                facts.requests += 1
                store.put(endpoint.url, query, result)
            else:
                facts.cached += 1
            _absorb(facts, kind, result)
            done += 1
            if progress is not None:
                progress(done, total)
    return facts


def _absorb(facts: WikidataFacts, kind: str, result: SelectResult) -> None:
    for row in result.rows:
        q = _qid(row.get("item"))
        if q is None:
            continue
        f = facts.films.setdefault(q, FilmFacts(q))
        if kind == "facts":
            if (y := _year(row.get("date"))) is not None:
                f.years.add(y)
            if (code := _text(row.get("code"))) and re.fullmatch(r"[A-Za-z]{2}", code):
                f.countries[code.upper()] = f.countries.get(code.upper()) or _text(row.get("cname"))
            if (imdb := _text(row.get("imdb"))) and re.fullmatch(r"tt\d+", imdb):
                f.imdb.add(imdb)
        elif kind == "labels":
            f.label = f.label or _text(row.get("label"))
        elif kind == "directors":
            if (p := _qid(row.get("person"))) and (name := _text(row.get("name"))):
                f.directors[p] = name
        elif kind == "cast":
            if (p := _qid(row.get("person"))) and (name := _text(row.get("name"))):
                f.cast[(p, _text(row.get("character")))] = name
        elif kind == "remakes":
            label, year = _text(row.get("label")), _year(row.get("date"))
            if (o := _qid(row.get("original"))) and o != q:
                old = f.originals.get(o, (None, None))
                f.originals[o] = (old[0] or label, min(filter(None, (old[1], year)), default=None))
            if (r := _qid(row.get("remake"))) and r != q:
                old = f.remakes.get(r, (None, None))
                f.remakes[r] = (old[0] or label, min(filter(None, (old[1], year)), default=None))


def linked_films(ds: Dataset, *, skip: Iterable[URIRef] = ()) -> dict[str, URIRef]:
    """The Wikidata ids of a graph's films (``owl:sameAs wd:Q…``) and the film node of each.

    Graphs named in ``skip`` (an earlier enrichment) are not read, so a rerun asks the same.
    """
    skipped = set(skip)
    out: dict[str, URIRef] = {}
    for film, _, o, ctx in sorted(ds.quads((None, OWL.sameAs, None, None)), key=lambda q: (str(q[0]), str(q[2]))):
        if ctx in skipped or getattr(ctx, "identifier", None) in skipped:
            continue
        text = str(o)
        if not (isinstance(film, URIRef) and text.startswith(str(WD)) and _QID.match(text[len(str(WD)) :])):
            continue
        if (film, RDF.type, SCHEMA.Movie) in ds:
            out.setdefault(text[len(str(WD)) :], film)
    return out


@dataclass
class EnrichResult:
    """What :func:`enrich` added: films asked about and known, triples, requests made."""

    films: int
    known: int
    triples: int
    requests: int
    cached: int


def enrich(
    ds: Dataset,
    endpoint: SparqlEndpoint,
    *,
    cache: str | Path | None = None,
    batch: int = BATCH,
    base: str = DEFAULT_BASE,
    progress: Callable[[int, int], None] | None = None,
) -> EnrichResult:
    """Add to ``ds`` a named graph ``<graph/wikidata>`` of what ``endpoint`` knows of its linked films.

    Film nodes already in ``ds`` get the facts (keyed by their ``owl:sameAs``); people, and
    films reached by a remake link that the graph does not have, are minted like a build
    mints them (``person/slug``, ``film/slug-year``) with ``owl:sameAs`` their items.
    Raises :class:`~kg.errors.EndpointError` when the endpoint fails; ``ds`` is then unchanged.
    """
    name = iri("graph", "wikidata", base=base)
    films = linked_films(ds, skip=[name])
    facts = fetch_facts(films, endpoint, cache=cache, batch=batch, progress=progress)
    g = ds.graph(name)
    g.remove((None, None, None))
    g.add((name, RDF.type, PROV.Entity))
    g.add((name, PROV.wasDerivedFrom, URIRef(endpoint.url)))
    g.add((name, DCTERMS.source, Literal("Wikidata (CC0) via SPARQL: P577 P495 P345 P57 P161/P453 P144 P4969")))
    nodes = dict(films)
    known = 0
    for q, f in sorted(facts.films.items()):
        if q not in films:
            continue
        known += 1
        film = films[q]
        g.add((film, RDF.type, SCHEMA.Movie))
        for label in (ds.value(film, SCHEMA.name), f.label):
            if label is not None:
                g.add((film, SCHEMA.name, Literal(str(label))))
                break
        for first in sorted(f.years)[:1]:
            g.add((film, SCHEMA.datePublished, Literal(f"{first:04d}", datatype=XSD.gYear)))
        for code, cname in sorted(f.countries.items()):
            country = country_iri(code, base=base)
            g.add((film, SCHEMA.countryOfOrigin, country))
            g.add((country, RDF.type, SCHEMA.Country))
            g.add((country, SCHEMA.name, Literal(cname or code)))
        for tt in sorted(f.imdb):
            g.add((film, SCHEMA.sameAs, URIRef(f"https://www.imdb.com/title/{tt}/")))
        for p, pname in sorted(f.directors.items()):
            g.add((film, SCHEMA.director, _person(g, p, pname, base)))
        for (p, character), pname in sorted(f.cast.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            person = _person(g, p, pname, base)
            g.add((film, SCHEMA.actor, person))
            if character:
                perf = iri("performance", f"{film.rsplit('/', 1)[-1]}/{slug(pname)}", base=base)
                g.add((perf, RDF.type, FKG.Performance))
                g.add((perf, FKG.inFilm, film))
                g.add((perf, FKG.performer, person))
                g.add((perf, FKG.character, Literal(character)))
        for other, (label, year) in sorted(f.originals.items()):
            g.add((film, FKG.remakeOf, _film(g, nodes, other, label, year, base)))
        for other, (label, year) in sorted(f.remakes.items()):
            g.add((_film(g, nodes, other, label, year, base), FKG.remakeOf, film))
    return EnrichResult(len(films), known, len(g), facts.requests, facts.cached)


def _person(g: Graph, qid: str, name: str, base: str) -> URIRef:
    node = person_iri(name, base=base)
    g.add((node, RDF.type, SCHEMA.Person))
    g.add((node, SCHEMA.name, Literal(name)))
    g.add((node, OWL.sameAs, WD[qid]))
    return node


def _film(g: Graph, nodes: dict[str, URIRef], qid: str, label: str | None, year: int | None, base: str) -> URIRef:
    if qid in nodes:
        return nodes[qid]
    node = film_iri(label, year, base=base) if label else iri("film", qid.lower(), base=base)
    nodes[qid] = node
    g.add((node, RDF.type, SCHEMA.Movie))
    if label:
        g.add((node, SCHEMA.name, Literal(label)))
    if year:
        g.add((node, SCHEMA.datePublished, Literal(f"{year:04d}", datatype=XSD.gYear)))
    g.add((node, OWL.sameAs, WD[qid]))
    return node
