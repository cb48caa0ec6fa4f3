"""Small graphs in the contract's shape, written by the team for the lineage and render tests.

Facts (titles, years, countries, directors, remake pairs) are public film facts;
every review sentence here is our own.
"""

from __future__ import annotations

from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.graph import Graph

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


__all__ = ["DEFAULT_BASE", "add_film", "add_opinion", "add_review", "desconocido", "film", "union"]
