from __future__ import annotations

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF

from kg.emit import emit, emit_into, graph_iri
from kg.model import (
    Comparison,
    Credit,
    Entity,
    Extraction,
    Film,
    Link,
    Links,
    Mention,
    MentionKind,
    Opinion,
    Person,
    Polarity,
    Rating,
    Relation,
    RelationKind,
    Review,
    Role,
    Verdict,
)
from kg.store import union
from kg.vocab import FKG, MARL, NIF, PROV, SCHEMA, WD, film_iri, person_iri, review_iri

BODY = "Stille Wasser is a remake of the Danish film Rolig. Anna Berg plays Ida. It is not as good as the original."


def span(text: str, kind: MentionKind = MentionKind.CUE) -> Mention:
    start = BODY.index(text)
    return Mention.of(BODY, start, start + len(text), kind)


def extraction(review_id: str = "r/1") -> Extraction:
    return Extraction(
        review=Review(id=review_id, text=BODY, film_title="Stille Wasser", film_year=2019, imdb_id="tt7654321"),
        films=(
            Film("f0", "Stille Wasser", 2019, mentions=(span("Stille Wasser", MentionKind.FILM),)),
            Film("f1", "Rolig", None, countries=("DK",), mentions=(span("Rolig", MentionKind.FILM),)),
        ),
        people=(Person("p0", "Anna Berg", (span("Anna Berg", MentionKind.PERSON),)),),
        relations=(Relation(RelationKind.REMAKE_OF, "f0", "f1", span("is a remake of"), 0.9),),
        credits=(Credit("p0", "f0", Role.ACTOR, span("Anna Berg plays Ida"), "Ida", 0.8),),
        opinions=(Opinion("f0", Polarity.NEGATIVE, span("not as good"), -0.4, None, 0.7),),
        comparisons=(Comparison("f0", "f1", Verdict.WORSE, span("not as good as the original"), 0.8),),
        rating=Rating(3.0, 5.0, 1.0, "3 out of 5"),
        stance=Polarity.MIXED,
        stance_confidence=0.6,
        reviewed_film="f0",
    )


def test_review_becomes_one_named_graph_in_the_contract_shape() -> None:
    ds = emit(extraction())
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {graph_iri("r/1")}
    g = union(ds)
    remake, original = film_iri("Stille Wasser", 2019), film_iri("Rolig")
    review = review_iri("r/1")
    assert (remake, FKG.remakeOf, original) in g
    assert (review, SCHEMA.identifier, Literal("r/1")) in g
    assert (review, SCHEMA.itemReviewed, remake) in g
    assert (review, FKG.stance, FKG.Mixed) in g
    rating = g.value(review, SCHEMA.reviewRating)
    assert (g.value(rating, SCHEMA.ratingValue).toPython(), g.value(rating, SCHEMA.bestRating).toPython()) == (3, 5)
    perf = next(g.subjects(RDF.type, FKG.Performance))
    assert g.value(perf, FKG.performer) == person_iri("Anna Berg")
    assert g.value(perf, FKG.character) == Literal("Ida")
    assert (remake, SCHEMA.actor, person_iri("Anna Berg")) in g
    comparison = next(g.subjects(RDF.type, FKG.Comparison))
    assert g.value(comparison, FKG.verdict) == FKG.Worse and g.value(comparison, FKG.versus) == original
    opinion = next(g.subjects(RDF.type, MARL.Opinion))
    assert g.value(opinion, MARL.hasPolarity) == MARL.Negative
    assert g.value(opinion, MARL.extractedFrom) == review
    assert (remake, SCHEMA.sameAs, URIRef("https://www.imdb.com/title/tt7654321/")) in g
    assert not any(isinstance(t, BNode) for triple in g for t in triple)


def test_every_claim_keeps_words_and_offsets_that_match_the_text() -> None:
    g = union(emit(extraction()))
    claims = set(g.subjects(PROV.wasDerivedFrom, review_iri("r/1"))) - set(g.subjects(RDF.type, FKG.Mention))
    claims.discard(graph_iri("r/1"))  # the provenance of the named graph itself
    assert len(claims) == 4  # remake statement, performance statement, opinion, comparison
    for node in claims | set(g.subjects(RDF.type, FKG.Mention)):
        begin, end = g.value(node, NIF.beginIndex).toPython(), g.value(node, NIF.endIndex).toPython()
        assert BODY[begin:end] == str(g.value(node, NIF.anchorOf))
    statement = next(s for s in g.subjects(RDF.predicate, FKG.remakeOf))
    assert str(g.value(statement, NIF.anchorOf)) == "is a remake of"
    assert float(g.value(statement, FKG.confidence)) == 0.9


def test_linked_film_gets_catalog_identity_and_unlinked_is_marked() -> None:
    entity = Entity("rolig-2011", "Rolig", 2011, names=("Calm",), countries=("DK",), wikidata="Q999", imdb="tt1111111")
    g = union(emit(extraction(), Links.of([Link("f1", entity, 0.95)], catalog="test")))
    node = URIRef("https://w3id.org/filmkg/id/film/rolig-2011")
    assert (node, OWL.sameAs, WD.Q999) in g
    assert (node, SCHEMA.alternateName, Literal("Calm")) in g
    assert str(g.value(node, SCHEMA.datePublished)) == "2011"
    assert (film_iri("Stille Wasser", 2019), RDF.type, FKG.UnlinkedFilm) in g
    assert (node, RDF.type, FKG.UnlinkedFilm) not in g


def test_emitting_a_review_again_replaces_its_graph() -> None:
    ds = Dataset()
    emit_into(ds, extraction("a"))
    emit_into(ds, extraction("b"))
    before = len(union(ds))
    emit_into(ds, extraction("a"))
    assert len(union(ds)) == before
    assert {g.identifier for g in ds.graphs() if len(g)} == {graph_iri("a"), graph_iri("b")}
