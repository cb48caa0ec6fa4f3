"""Extraction + Links -> RDF: the only module that creates triples of a review.

Each review becomes one named graph ``<base>graph/<review id>`` in the shape
of DESIGN.md's graph contract: the review, its rating and stance, the films
and people it names (with the identity of the linked ones), remake links,
credits and performances, opinions, comparisons and mentions. Every claim
drawn from text keeps its evidence: a plain edge for easy queries plus a
``fkg:Statement`` node with the offsets, the words and a confidence
(Wikidata's pattern). IRIs come from stable keys: no blank nodes, and the
same input always gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Protocol

from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF
from rdflib.term import Node

from kg.model import (
    Entity,
    Extraction,
    Film,
    Links,
    Mention,
    Person,
    Polarity,
    Rating,
    Role,
    Verdict,
)
from kg.vocab import (
    DEFAULT_BASE,
    FKG,
    MARL,
    NIF,
    PROV,
    SCHEMA,
    WD,
    country_iri,
    film_iri,
    iri,
    person_iri,
    review_iri,
    slug,
)

__all__ = [
    "POLARITY",
    "ROLE",
    "VERDICT",
    "TripleSink",
    "emit",
    "emit_catalog",
    "emit_into",
    "emit_to",
    "graph_iri",
    "imdb_iri",
]

POLARITY = {
    Polarity.POSITIVE: MARL.Positive,
    Polarity.NEGATIVE: MARL.Negative,
    Polarity.NEUTRAL: MARL.Neutral,
    Polarity.MIXED: FKG.Mixed,
}
VERDICT = {Verdict.BETTER: FKG.Better, Verdict.WORSE: FKG.Worse, Verdict.EQUAL: FKG.Equal, Verdict.MIXED: FKG.Mixed}
ROLE = {
    Role.ACTOR: SCHEMA.actor,
    Role.DIRECTOR: SCHEMA.director,
    Role.WRITER: SCHEMA.author,
    Role.PRODUCER: SCHEMA.producer,
    Role.COMPOSER: SCHEMA.musicBy,
}
COUNTRY_NAMES = {
    "AR": "Argentina",
    "AU": "Australia",
    "AT": "Austria",
    "BE": "Belgium",
    "BR": "Brazil",
    "CA": "Canada",
    "CN": "China",
    "CZ": "Czech Republic",
    "DK": "Denmark",
    "FI": "Finland",
    "FR": "France",
    "DE": "Germany",
    "GR": "Greece",
    "HK": "Hong Kong",
    "HU": "Hungary",
    "IN": "India",
    "IE": "Ireland",
    "IL": "Israel",
    "IT": "Italy",
    "JP": "Japan",
    "KR": "South Korea",
    "MX": "Mexico",
    "NL": "Netherlands",
    "NZ": "New Zealand",
    "NO": "Norway",
    "PL": "Poland",
    "PT": "Portugal",
    "RU": "Russia",
    "ES": "Spain",
    "SE": "Sweden",
    "CH": "Switzerland",
    "TW": "Taiwan",
    "TH": "Thailand",
    "TR": "Turkey",
    "GB": "United Kingdom",
    "US": "United States",
    "SU": "Soviet Union",
    "PH": "Philippines",
    "ID": "Indonesia",
    "EG": "Egypt",
    "IR": "Iran",
    "PK": "Pakistan",
    "NG": "Nigeria",
    "ZA": "South Africa",
    "CL": "Chile",
    "CO": "Colombia",
}
_IMDB = re.compile(r"^(tt|nm)\d{5,10}$")


class TripleSink(Protocol):
    """Anything that takes triples one at a time: an rdflib ``Graph``, or a collector of the fast path."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        """Take one triple."""
        ...


def graph_iri(review_id: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The name of the named graph that holds one review's extractions."""
    return iri("graph", review_id.strip("/"), base=base)


def imdb_iri(imdb_id: str) -> URIRef | None:
    """The IMDb page of a title (``tt…``) or name (``nm…``) id, or ``None`` for a malformed id.

    >>> str(imdb_iri("tt0155975"))
    'https://www.imdb.com/title/tt0155975/'
    """
    imdb_id = imdb_id.strip()
    if not _IMDB.match(imdb_id):
        return None
    kind = "title" if imdb_id.startswith("tt") else "name"
    return URIRef(f"https://www.imdb.com/{kind}/{imdb_id}/")


def emit(extraction: Extraction, links: Links | None = None, *, base: str = DEFAULT_BASE) -> Dataset:
    """The RDF of one review: a Dataset with one named graph.

    Parameters
    ----------
    extraction : Extraction
        What the extractors found in the review.
    links : Links, optional
        The catalog identities of its films and people.
    base : str
        Base IRI of minted resources.

    Examples
    --------
    >>> from kg.model import Review
    >>> ds = emit(Extraction(review=Review(id="r1", text="Fine.")))
    >>> len(list(ds.graphs())) >= 1
    True
    """
    ds = Dataset()
    emit_into(ds, extraction, links, base=base)
    return ds


def emit_into(ds: Dataset, extraction: Extraction, links: Links | None = None, *, base: str = DEFAULT_BASE) -> Graph:
    """Add one review's named graph to ``ds`` (replacing a previous graph of the same review); return it."""
    name = graph_iri(extraction.review.id, base=base)
    ds.remove_graph(name)
    g = ds.graph(name)
    _Emitter(g, name, extraction, links or Links(), base).emit()
    return g


def emit_to(
    sink: TripleSink, extraction: Extraction, links: Links | None = None, *, base: str = DEFAULT_BASE
) -> URIRef:
    """Add the triples of one review's named graph to ``sink``; return the graph's name.

    The triples are those :func:`emit_into` puts into the review's graph, in the same order.

    >>> from kg.model import Review
    >>> triples = []
    >>> class Sink:
    ...     add = triples.append
    >>> str(emit_to(Sink(), Extraction(review=Review(id="r1", text="Fine."))))
    'https://w3id.org/filmkg/id/graph/r1'
    >>> len(triples) > 0
    True
    """
    name = graph_iri(extraction.review.id, base=base)
    _Emitter(sink, name, extraction, links or Links(), base).emit()
    return name


class _Emitter:
    """Writes one extraction into one graph; holds the IRIs minted for it."""

    def __init__(self, g: TripleSink, name: URIRef, x: Extraction, links: Links, base: str) -> None:
        self.g, self.name, self.x, self.links, self.base = g, name, x, links, base
        self.rid = x.review.id.strip("/")
        self.review = review_iri(x.review.id, base=base)
        self.films = {f.key: self._film_iri(f) for f in x.films}
        self.people = {p.key: self._person_iri(p) for p in x.people}
        self.counter = 0

    # -- IRIs -------------------------------------------------------------------------------
    def _film_iri(self, film: Film) -> URIRef:
        link = self.links.get(film.key)
        if link is not None:
            return iri("film", link.entity.key, base=self.base)
        return film_iri(film.title, film.year, base=self.base)

    def _person_iri(self, person: Person) -> URIRef:
        link = self.links.get(person.key)
        if link is not None:
            return iri("person", link.entity.key, base=self.base)
        return person_iri(person.name, base=self.base)

    def _next(self, kind: str) -> URIRef:
        self.counter += 1
        return iri(kind, f"{self.rid}/{self.counter}", base=self.base)

    # -- the graph --------------------------------------------------------------------------
    def emit(self) -> None:
        self._provenance()
        self._review()
        for film in self.x.films:
            self._film(film)
        for person in self.x.people:
            self._person(person)
        for rel in self.x.relations:
            s, o = self.films[rel.source], self.films[rel.target]
            self.g.add((s, FKG.remakeOf, o))
            self._statement(s, FKG.remakeOf, o, rel.evidence, rel.confidence)
        for credit in self.x.credits:
            self._credit(credit.person, credit.film, credit.role, credit.character, credit.evidence, credit.confidence)
        for op in self.x.opinions:
            self._opinion(op.target, op.polarity, op.score, op.feature, op.evidence, op.confidence)
        for cmp in self.x.comparisons:
            node = self._next("comparison")
            g = self.g
            g.add((node, RDF.type, FKG.Comparison))
            g.add((node, PROV.wasDerivedFrom, self.review))
            g.add((node, FKG.film, self.films[cmp.film]))
            g.add((node, FKG.versus, self.films[cmp.versus]))
            g.add((node, FKG.verdict, VERDICT[cmp.verdict]))
            self._evidence(node, cmp.evidence, cmp.confidence)
        self._mentions()

    def _provenance(self) -> None:
        g, name = self.g, self.name
        g.add((name, RDF.type, PROV.Entity))
        g.add((name, PROV.wasDerivedFrom, self.review))
        if self.x.extractor:
            g.add((name, FKG.extractorVersion, Literal(self.x.extractor)))
        if self.x.review.source:
            g.add((name, DCTERMS.source, Literal(self.x.review.source)))

    def _review(self) -> None:
        g, r, rv = self.g, self.review, self.x.review
        g.add((r, RDF.type, SCHEMA.Review))
        g.add((r, SCHEMA.identifier, Literal(rv.id)))
        g.add((r, SCHEMA.reviewBody, Literal(rv.text)))
        g.add((r, FKG.contentHash, Literal(hashlib.sha256(rv.text.encode("utf-8")).hexdigest())))
        if self.x.reviewed_film is not None:
            g.add((r, SCHEMA.itemReviewed, self.films[self.x.reviewed_film]))
        if rv.headline:
            g.add((r, SCHEMA.name, Literal(rv.headline)))
        if rv.author:
            user = iri("user", slug(rv.author), base=self.base)
            g.add((r, SCHEMA.author, user))
            g.add((user, RDF.type, SCHEMA.Person))
            g.add((user, SCHEMA.name, Literal(rv.author)))
        if rv.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rv.date):  # the reader gives ISO dates where it can
            g.add((r, SCHEMA.datePublished, Literal(rv.date, datatype=XSD.date)))
        if rv.url and re.match(r"^https?://[^\s<>\"{}|\\^`]+$", rv.url):
            g.add((r, SCHEMA.url, URIRef(rv.url)))
        if self.x.rating is not None:
            self._rating(self.x.rating)
        if self.x.stance is not None:
            g.add((r, FKG.stance, POLARITY[self.x.stance]))

    def _rating(self, rating: Rating) -> None:
        g, node = self.g, URIRef(f"{self.review}#rating")
        g.add((self.review, SCHEMA.reviewRating, node))
        g.add((node, RDF.type, SCHEMA.Rating))
        g.add((node, SCHEMA.ratingValue, _number(rating.value)))
        g.add((node, SCHEMA.bestRating, _number(rating.best)))
        g.add((node, SCHEMA.worstRating, _number(rating.worst)))
        g.add((node, FKG.ratingText, Literal(rating.text)))
        if rating.evidence is not None:
            self._evidence(node, rating.evidence, 1.0)

    def _film(self, film: Film) -> None:
        g, node = self.g, self.films[film.key]
        link = self.links.get(film.key)
        entity = link.entity if link else None
        g.add((node, RDF.type, SCHEMA.Movie))
        name = entity.name if entity else film.title
        g.add((node, SCHEMA.name, Literal(name)))
        for alt in sorted({film.title, *film.aka, *(entity.names if entity else ())} - {name}):
            g.add((node, SCHEMA.alternateName, Literal(alt)))
        year = entity.year if entity and entity.year else film.year
        if year:
            g.add((node, SCHEMA.datePublished, Literal(f"{year:04d}", datatype=XSD.gYear)))
        for code in sorted({*film.countries, *(entity.countries if entity else ())}):
            country = country_iri(code, base=self.base)
            g.add((node, SCHEMA.countryOfOrigin, country))
            g.add((country, RDF.type, SCHEMA.Country))
            g.add((country, SCHEMA.name, Literal(COUNTRY_NAMES.get(code.upper(), code.upper()))))
        if entity is not None:
            self._identity(node, entity)
        elif self.links.catalog is not None:
            g.add((node, RDF.type, FKG.UnlinkedFilm))
        if film.key == self.x.reviewed_film and self.x.review.imdb_id:
            page = imdb_iri(self.x.review.imdb_id)
            if page is not None:
                g.add((node, SCHEMA.sameAs, page))

    def _person(self, person: Person) -> None:
        g, node = self.g, self.people[person.key]
        link = self.links.get(person.key)
        g.add((node, RDF.type, SCHEMA.Person))
        g.add((node, SCHEMA.name, Literal(link.entity.name if link else person.name)))
        if link is not None:
            self._identity(node, link.entity)

    def _identity(self, node: URIRef, entity: Entity) -> None:
        if entity.wikidata:
            self.g.add((node, OWL.sameAs, WD[entity.wikidata]))
        if entity.imdb:
            page = imdb_iri(entity.imdb)
            if page is not None:
                self.g.add((node, SCHEMA.sameAs, page))

    def _credit(
        self, person: str, film: str, role: Role, character: str | None, evidence: Mention, confidence: float
    ) -> None:
        g, p, f = self.g, self.people[person], self.films[film]
        g.add((f, ROLE[role], p))
        if role is Role.ACTOR:
            perf = iri("performance", f"{_key(f)}/{_key(p)}", base=self.base)
            g.add((perf, RDF.type, FKG.Performance))
            g.add((perf, FKG.inFilm, f))
            g.add((perf, FKG.performer, p))
            if character:
                g.add((perf, FKG.character, Literal(character)))
            self._statement(perf, RDF.type, FKG.Performance, evidence, confidence)
        else:
            self._statement(f, ROLE[role], p, evidence, confidence)

    def _opinion(
        self,
        target: str,
        polarity: Polarity,
        score: float,
        feature: str | None,
        evidence: Mention,
        confidence: float,
    ) -> None:
        g, node = self.g, self._next("opinion")
        g.add((node, RDF.type, MARL.Opinion))
        g.add((node, MARL.extractedFrom, self.review))
        g.add((node, PROV.wasDerivedFrom, self.review))
        g.add((node, MARL.describesObject, self.films.get(target) or self.people[target]))
        if feature:
            g.add((node, MARL.describesFeature, Literal(feature)))
        g.add((node, MARL.hasPolarity, POLARITY[polarity]))
        g.add((node, MARL.polarityValue, _decimal(score)))
        g.add((node, MARL.opinionText, Literal(evidence.text)))
        self._evidence(node, evidence, confidence)

    def _statement(self, s: URIRef, p: URIRef, o: URIRef, evidence: Mention, confidence: float) -> None:
        g, node = self.g, self._next("statement")
        g.add((node, RDF.type, FKG.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, self.review))
        self._evidence(node, evidence, confidence)

    def _evidence(self, node: URIRef, evidence: Mention, confidence: float) -> None:
        g = self.g
        g.add((node, NIF.beginIndex, Literal(evidence.start)))
        g.add((node, NIF.endIndex, Literal(evidence.end)))
        g.add((node, NIF.anchorOf, Literal(evidence.text)))
        g.add((node, FKG.confidence, _decimal(confidence)))

    def _mentions(self) -> None:
        targets: Iterable[tuple[URIRef, tuple[Mention, ...]]] = [
            *((self.films[f.key], f.mentions) for f in self.x.films),
            *((self.people[p.key], p.mentions) for p in self.x.people),
        ]
        g = self.g
        for target, mentions in targets:
            for m in mentions:
                node = iri("mention", f"{self.rid}/{m.start}-{m.end}", base=self.base)
                g.add((node, RDF.type, FKG.Mention))
                g.add((node, FKG.refersTo, target))
                g.add((node, PROV.wasDerivedFrom, self.review))
                g.add((node, NIF.beginIndex, Literal(m.start)))
                g.add((node, NIF.endIndex, Literal(m.end)))
                g.add((node, NIF.anchorOf, Literal(m.text)))


def _number(value: float | str) -> Literal:
    if isinstance(value, str):
        return Literal(value)
    if float(value).is_integer():
        return Literal(int(value))
    return _decimal(float(value))


def _decimal(value: float) -> Literal:
    """An xsd:decimal in the canonical form Oxigraph keeps ("0.8", "1", "-0.5"), so both stores agree."""
    lexical = f"{value:.3f}".rstrip("0").rstrip(".")
    return Literal("0" if lexical in ("", "-0") else lexical, datatype=XSD.decimal)


def _key(node: URIRef) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def emit_catalog(
    sink: TripleSink, pairs: Iterable[tuple[Entity, Entity]], *, source: str = "", base: str = DEFAULT_BASE
) -> URIRef:
    """Add to ``sink`` what only a catalog knows of a build's films (its remake links among them).

    These facts belong to the named graph ``<base>graph/catalog`` (returned), never to a
    review's graph, so a reader can always tell what the reviews said from what was looked up.
    """
    name = iri("graph", "catalog", base=base)
    sink.add((name, RDF.type, PROV.Entity))
    if source:
        sink.add((name, DCTERMS.source, Literal(source)))
    for remake, original in pairs:
        nodes = []
        for entity in (remake, original):
            node = iri("film", entity.key, base=base)
            sink.add((node, RDF.type, SCHEMA.Movie))
            sink.add((node, SCHEMA.name, Literal(entity.name)))
            if entity.year:
                sink.add((node, SCHEMA.datePublished, Literal(f"{entity.year:04d}", datatype=XSD.gYear)))
            if entity.wikidata:
                sink.add((node, OWL.sameAs, WD[entity.wikidata]))
            nodes.append(node)
        sink.add((nodes[0], FKG.remakeOf, nodes[1]))
    return name
