"""The ontology (ontology/filmkg.ttl) and the SHACL shapes (ontology/shapes.ttl).

The vocabulary that the code uses (``kg.vocab.FKG``) and the one the ontology
declares must be the same, both ways. The shapes must accept a graph written
in the graph contract of DESIGN.md and reject each kind of contract break with
a message that names the broken node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyshacl import validate as shacl_validate
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.vocab import FKG, MARL, NIF, PROV, SCHEMA, WD, WDT, country_iri, film_iri, iri, person_iri, review_iri

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "filmkg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
NS = str(FKG._NS)
DECLARATIONS = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
}


# ---------------------------------------------------------------------------------------------
# The ontology
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def declared_terms(g: Graph) -> set[str]:
    """Local names of the fkg: terms that the ontology declares as a class, property or individual."""
    return {
        str(s)[len(NS) :]
        for s, _, t in g.triples((None, RDF.type, None))
        if isinstance(s, URIRef) and str(s).startswith(NS) and t in DECLARATIONS
    }


def test_ontology_parses_and_has_a_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/filmkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    assert ontology.value(header, DCTERMS.license) is not None
    assert str(ontology.value(header, DCTERMS.creator)) == "filmkg"


def test_vocab_and_ontology_declare_the_same_terms(ontology: Graph) -> None:
    in_code = set(FKG.__annotations__)
    in_ontology = declared_terms(ontology)
    only_code, only_ontology = sorted(in_code - in_ontology), sorted(in_ontology - in_code)
    if only_code or only_ontology:
        print("only in kg/vocab.py FKG:", only_code)
        print("only in ontology/filmkg.ttl:", only_ontology)
    assert not only_code and not only_ontology
    # and no fkg: term is used in the ontology without being declared
    used = {str(t)[len(NS) :] for t in ontology.all_nodes() if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= in_ontology, sorted(used - in_ontology)


def test_every_term_has_label_and_comment(ontology: Graph) -> None:
    missing = [
        f"fkg:{name} lacks {what}"
        for name in sorted(declared_terms(ontology))
        for what, prop in (("rdfs:label", RDFS.label), ("rdfs:comment", RDFS.comment))
        if ontology.value(FKG[name], prop) is None
    ]
    assert not missing, "\n".join(missing)


def test_every_property_has_domain_and_range(ontology: Graph) -> None:
    props = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert FKG.remakeOf in props and FKG.character in props
    missing = [
        f"{p} lacks {what}"
        for p in sorted(props)
        for what, prop in (("rdfs:domain", RDFS.domain), ("rdfs:range", RDFS.range))
        if ontology.value(p, prop) is None
    ]
    assert not missing, "\n".join(missing)


def test_remake_properties_and_their_alignment(ontology: Graph) -> None:
    assert (FKG.remakeOf, RDFS.subPropertyOf, SCHEMA.isBasedOn) in ontology
    assert (FKG.remadeAs, OWL.inverseOf, FKG.remakeOf) in ontology
    for p in (FKG.remakeOf, FKG.remadeAs):
        assert ontology.value(p, RDFS.domain) == SCHEMA.Movie
        assert ontology.value(p, RDFS.range) == SCHEMA.Movie
    # P144 "based on" and P4969 "derivative work" are broader than remakes: matched, never equivalent
    assert (FKG.remakeOf, SKOS.broadMatch, WDT.P144) in ontology
    assert (FKG.remadeAs, SKOS.broadMatch, WDT.P4969) in ontology
    assert not list(ontology.triples((None, OWL.equivalentProperty, None)))


def test_alignments_to_marl_prov_and_wikidata(ontology: Graph) -> None:
    assert (FKG.Mixed, RDF.type, MARL.Polarity) in ontology
    assert (FKG.Mixed, RDF.type, FKG.Verdict) in ontology
    assert (FKG.stance, RDFS.range, MARL.Polarity) in ontology
    assert (FKG.Statement, RDFS.subClassOf, RDF.Statement) in ontology
    assert (FKG.Statement, RDFS.subClassOf, PROV.Entity) in ontology
    assert (FKG.UnlinkedFilm, RDFS.subClassOf, SCHEMA.Movie) in ontology
    assert {WD.P161, WD.P453} <= set(ontology.objects(FKG.Performance, RDFS.seeAlso))
    verdicts = {v for v in ontology.subjects(RDF.type, FKG.Verdict)}
    assert verdicts == {FKG.Better, FKG.Worse, FKG.Equal, FKG.Mixed}


def test_shapes_use_only_declared_terms(ontology: Graph, shapes: Graph) -> None:
    declared = declared_terms(ontology)
    used = {str(t)[len(NS) :] for t in shapes.all_nodes() if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= declared, sorted(used - declared)
    queries = " ".join(str(q) for q in shapes.objects(None, SH.select))
    in_queries = set(re.findall(r"\bfkg:(\w+)", queries))
    assert in_queries <= declared, sorted(in_queries - declared)


def test_shapes_parse_and_every_constraint_has_a_message(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    # (the alternatives inside an sh:or report through their node shape's message)
    property_shapes = {p for n in node_shapes for p in shapes.objects(n, SH.property)}
    sparql = set(shapes.objects(None, SH.sparql))
    assert property_shapes and sparql
    silent = [s for s in property_shapes | sparql if shapes.value(s, SH.message) is None]
    assert not silent
    # every node shape that states a node-level constraint says what went wrong
    for shape in node_shapes:
        if shapes.value(shape, SH.nodeKind) is not None or shapes.value(shape, SH["class"]) is not None:
            assert shapes.value(shape, SH.message) is not None, shape


# ---------------------------------------------------------------------------------------------
# A small graph in the contract's shape
# ---------------------------------------------------------------------------------------------

BODY = (
    "Psycho (1998) is Gus Van Sant's remake of Hitchcock's Psycho. "
    "Vince Vaughn plays Norman Bates with real menace, but the 1960 original is better. 7/10"
)

REMAKE = film_iri("Psycho", 1998)
ORIGINAL = film_iri("Psycho", 1960)
VAN_SANT = person_iri("Gus Van Sant")
VAUGHN = person_iri("Vince Vaughn")
REVIEW = review_iri("team/psycho-1998")
RATING = URIRef(f"{REVIEW}#rating")
GRAPH = iri("graph", "team/psycho-1998")
PERF = iri("performance", "psycho-1998/vince-vaughn")
STMT_REMAKE = iri("statement", "team/psycho-1998/1")
STMT_PERF = iri("statement", "team/psycho-1998/2")
OPINION = iri("opinion", "team/psycho-1998/3")
COMPARISON = iri("comparison", "team/psycho-1998/4")
MENTION = iri("mention", f"team/psycho-1998/{BODY.index('Psycho (1998)')}-{BODY.index('Psycho (1998)') + 13}")
US = country_iri("US")


def _span(g: Graph, node: URIRef, words: str, confidence: str | None = "0.9") -> None:
    start = BODY.index(words)
    g.add((node, NIF.beginIndex, Literal(start)))
    g.add((node, NIF.endIndex, Literal(start + len(words))))
    g.add((node, NIF.anchorOf, Literal(words)))
    if confidence is not None:
        g.add((node, FKG.confidence, Literal(confidence, datatype=XSD.decimal)))


def valid_graph() -> Graph:
    """One review's graph, written the way DESIGN.md's graph contract says."""
    g = Graph()
    a = RDF.type
    g.add((GRAPH, a, PROV.Entity))
    g.add((GRAPH, PROV.wasDerivedFrom, REVIEW))
    g.add((GRAPH, FKG.extractorVersion, Literal("0.1.0")))
    # the review and its rating
    g.add((REVIEW, a, SCHEMA.Review))
    g.add((REVIEW, SCHEMA.identifier, Literal("team/psycho-1998")))
    g.add((REVIEW, SCHEMA.itemReviewed, REMAKE))
    g.add((REVIEW, SCHEMA.reviewBody, Literal(BODY)))
    g.add((REVIEW, SCHEMA.name, Literal("Good, not great")))
    g.add((REVIEW, SCHEMA.datePublished, Literal("2011-02-03", datatype=XSD.date)))
    g.add((REVIEW, FKG.contentHash, Literal("0" * 64)))
    g.add((REVIEW, FKG.stance, FKG.Mixed))
    g.add((REVIEW, SCHEMA.reviewRating, RATING))
    g.add((RATING, a, SCHEMA.Rating))
    g.add((RATING, SCHEMA.ratingValue, Literal(7)))
    g.add((RATING, SCHEMA.bestRating, Literal(10)))
    g.add((RATING, SCHEMA.worstRating, Literal(1)))
    g.add((RATING, FKG.ratingText, Literal("7/10")))
    _span(g, RATING, "7/10", confidence="1.0")
    # films, countries, people
    for film, year in ((REMAKE, "1998"), (ORIGINAL, "1960")):
        g.add((film, a, SCHEMA.Movie))
        g.add((film, SCHEMA.name, Literal("Psycho")))
        g.add((film, SCHEMA.datePublished, Literal(year, datatype=XSD.gYear)))
        g.add((film, SCHEMA.countryOfOrigin, US))
    g.add((ORIGINAL, SCHEMA.alternateName, Literal("Hitchcock's Psycho")))
    g.add((ORIGINAL, OWL.sameAs, WD.Q163038))  # Wikidata's Psycho (1960)
    g.add((US, a, SCHEMA.Country))
    g.add((US, SCHEMA.name, Literal("United States")))
    for person, name in ((VAN_SANT, "Gus Van Sant"), (VAUGHN, "Vince Vaughn")):
        g.add((person, a, SCHEMA.Person))
        g.add((person, SCHEMA.name, Literal(name)))
    g.add((REMAKE, SCHEMA.director, VAN_SANT))
    g.add((REMAKE, SCHEMA.actor, VAUGHN))
    # the remake link and its statement
    g.add((REMAKE, FKG.remakeOf, ORIGINAL))
    g.add((STMT_REMAKE, a, FKG.Statement))
    g.add((STMT_REMAKE, RDF.subject, REMAKE))
    g.add((STMT_REMAKE, RDF.predicate, FKG.remakeOf))
    g.add((STMT_REMAKE, RDF.object, ORIGINAL))
    g.add((STMT_REMAKE, PROV.wasDerivedFrom, REVIEW))
    _span(g, STMT_REMAKE, "remake of")
    # the performance and its statement
    g.add((PERF, a, FKG.Performance))
    g.add((PERF, FKG.inFilm, REMAKE))
    g.add((PERF, FKG.performer, VAUGHN))
    g.add((PERF, FKG.character, Literal("Norman Bates")))
    g.add((STMT_PERF, a, FKG.Statement))
    g.add((STMT_PERF, RDF.subject, PERF))
    g.add((STMT_PERF, RDF.predicate, RDF.type))
    g.add((STMT_PERF, RDF.object, FKG.Performance))
    g.add((STMT_PERF, PROV.wasDerivedFrom, REVIEW))
    _span(g, STMT_PERF, "Vince Vaughn plays Norman Bates")
    # an opinion, a comparison, a mention
    g.add((OPINION, a, MARL.Opinion))
    g.add((OPINION, MARL.extractedFrom, REVIEW))
    g.add((OPINION, PROV.wasDerivedFrom, REVIEW))
    g.add((OPINION, MARL.describesObject, VAUGHN))
    g.add((OPINION, MARL.describesFeature, Literal("performance")))
    g.add((OPINION, MARL.hasPolarity, MARL.Positive))
    g.add((OPINION, MARL.polarityValue, Literal("0.7", datatype=XSD.decimal)))
    g.add((OPINION, MARL.opinionText, Literal("real menace")))
    _span(g, OPINION, "real menace")
    g.add((COMPARISON, a, FKG.Comparison))
    g.add((COMPARISON, PROV.wasDerivedFrom, REVIEW))
    g.add((COMPARISON, FKG.film, REMAKE))
    g.add((COMPARISON, FKG.versus, ORIGINAL))
    g.add((COMPARISON, FKG.verdict, FKG.Worse))
    _span(g, COMPARISON, "the 1960 original is better")
    g.add((MENTION, a, FKG.Mention))
    g.add((MENTION, FKG.refersTo, REMAKE))
    g.add((MENTION, PROV.wasDerivedFrom, REVIEW))
    _span(g, MENTION, "Psycho (1998)", confidence=None)
    return g


def violations(g: Graph, shapes: Graph) -> list[tuple[str, str]]:
    """(focus node, readable line) of every SHACL result.

    Validated the way ``kg.store.validate`` does (the union graph, no inference), and each line
    printed as it prints one: ``<focus> <path>: message``.
    """
    conforms, results, _ = shacl_validate(g, shacl_graph=shapes, inference="none")
    assert isinstance(results, Graph)
    found = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus, path = results.value(r, SH.focusNode), results.value(r, SH.resultPath)
        message = results.value(r, SH.resultMessage)
        assert message is not None, f"a result without a message: focus {focus}, path {path}"
        line = f"<{focus}>" + (f" {path.n3()}" if isinstance(path, URIRef) else "") + f": {message}"
        found.append((str(focus), line))
    assert conforms == (not found)
    return found


def test_the_contract_graph_conforms(shapes: Graph) -> None:
    assert violations(valid_graph(), shapes) == []


def test_the_contract_graph_uses_only_declared_terms(ontology: Graph) -> None:
    declared = declared_terms(ontology)
    used = {str(t)[len(NS) :] for t in valid_graph().all_nodes() if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= declared, sorted(used - declared)


@dataclass(frozen=True)
class Break:
    """A contract break: triples dropped from and added to the valid graph, the node it is about,
    and words that the violation message must contain."""

    focus: URIRef | BNode
    words: str
    drop: tuple[tuple[Node, Node], ...] = ()  # (subject, predicate): every value removed
    add: tuple[tuple[Node, Node, Node], ...] = ()
    names: URIRef | None = None  # a node the message must name besides the focus: the broken claim


def put(s: Node, p: Node, o: Node, focus: URIRef | BNode, words: str) -> Break:
    """The break that replaces every value of ``s p`` with ``o``."""
    return Break(focus, words, drop=((s, p),), add=((s, p, o),))


def drop(s: Node, p: Node, words: str) -> Break:
    assert isinstance(s, URIRef)
    return Break(s, words, drop=((s, p),))


def add(s: Node, p: Node, o: Node, words: str, focus: URIRef | BNode | None = None) -> Break:
    f = focus if focus is not None else s
    assert isinstance(f, (URIRef, BNode))
    return Break(f, words, add=((s, p, o),))


def check(shapes: Graph, case: Break) -> None:
    g = valid_graph()
    for s, p in case.drop:
        g.remove((s, p, None))
    for triple in case.add:
        g.add(triple)
    found = violations(g, shapes)
    assert found, "the broken graph was accepted"
    about_focus = [line for f, line in found if f == str(case.focus)]
    assert about_focus, f"no violation with focus {case.focus}; got {found}"
    assert all(str(case.focus) in line for line in about_focus), f"a line does not name {case.focus}: {about_focus}"
    assert any(case.words in line for line in about_focus), f"no line says {case.words!r}: {about_focus}"
    if case.names is not None:
        named = any(str(case.names) in line for line in about_focus)
        assert named, f"no line names {case.names}: {about_focus}"


def claim(node: URIRef, p: Node, o: Node, words: str) -> Break:
    """A break in a claim that is checked against its review's text: the review is the focus."""
    return Break(REVIEW, words, drop=((node, p),), add=((node, p, o),), names=node)


def dec(value: str) -> Literal:
    return Literal(value, datatype=XSD.decimal)


NOSFERATU = film_iri("Nosferatu", 1922)
BLANK_FILM, BLANK_RATING = BNode("untitled"), BNode("rating")
STRAY = iri("country", "XX")
AT_REMAKE_OF = BODY.index("remake of")
NOT_TEXT = "is not the text of the review"


# --- films and remake links ------------------------------------------------------------------

FILM_BREAKS = {
    "no name": drop(REMAKE, SCHEMA.name, "must have a schema:name"),
    "name not a string": put(REMAKE, SCHEMA.name, Literal(1998), REMAKE, "schema:name"),
    "year not a gYear": put(REMAKE, SCHEMA.datePublished, Literal("1998"), REMAKE, "xsd:gYear"),
    "two years": add(REMAKE, SCHEMA.datePublished, Literal("1999", datatype=XSD.gYear), "xsd:gYear"),
    "country not a Country": add(REMAKE, SCHEMA.countryOfOrigin, STRAY, "schema:Country"),
    "country a literal": add(REMAKE, SCHEMA.countryOfOrigin, Literal("USA"), "schema:Country"),
    "director a literal": add(REMAKE, SCHEMA.director, Literal("Gus Van Sant"), "schema:Person"),
    "sameAs not a Wikidata item": add(
        ORIGINAL, OWL.sameAs, URIRef("https://www.wikidata.org/wiki/Q163038"), "Wikidata item"
    ),
    "blank node film": Break(
        BLANK_FILM,
        "blank node",
        add=((BLANK_FILM, RDF.type, SCHEMA.Movie), (BLANK_FILM, SCHEMA.name, Literal("X"))),
    ),
}

REMAKE_BREAKS = {
    "original not a film": add(REMAKE, FKG.remakeOf, VAN_SANT, "not a schema:Movie", focus=VAN_SANT),
    "remake not a film": add(VAUGHN, FKG.remakeOf, ORIGINAL, "not a schema:Movie"),
    "original nobody typed": add(REMAKE, FKG.remakeOf, NOSFERATU, "schema:Movie"),
    "remake of itself": add(ORIGINAL, FKG.remakeOf, ORIGINAL, "remake of itself"),
    "stored inverse": add(ORIGINAL, FKG.remadeAs, REMAKE, "fkg:remadeAs"),
}


@pytest.mark.parametrize("case", sorted(FILM_BREAKS))
def test_film_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, FILM_BREAKS[case])


@pytest.mark.parametrize("case", sorted(REMAKE_BREAKS))
def test_remake_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, REMAKE_BREAKS[case])


# --- performances ----------------------------------------------------------------------------

PERFORMANCE_BREAKS = {
    "no film": drop(PERF, FKG.inFilm, "exactly one fkg:inFilm"),
    "two films": add(PERF, FKG.inFilm, ORIGINAL, "exactly one fkg:inFilm"),
    "film is a person": put(PERF, FKG.inFilm, VAN_SANT, PERF, "fkg:inFilm"),
    "no performer": drop(PERF, FKG.performer, "exactly one fkg:performer"),
    "performer is a film": put(PERF, FKG.performer, ORIGINAL, PERF, "fkg:performer"),
    "character not a string": put(PERF, FKG.character, VAUGHN, PERF, "fkg:character"),
    "empty character": put(PERF, FKG.character, Literal(""), PERF, "fkg:character"),
}


@pytest.mark.parametrize("case", sorted(PERFORMANCE_BREAKS))
def test_performance_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, PERFORMANCE_BREAKS[case])


# --- reviews and ratings ---------------------------------------------------------------------

REVIEW_BREAKS = {
    "no identifier": drop(REVIEW, SCHEMA.identifier, "schema:identifier"),
    "two identifiers": add(REVIEW, SCHEMA.identifier, Literal("other"), "schema:identifier"),
    "stance not a polarity": put(REVIEW, FKG.stance, FKG.Better, REVIEW, "fkg:stance"),
    "two stances": add(REVIEW, FKG.stance, MARL.Positive, "fkg:stance"),
    "two reviewed films": add(REVIEW, SCHEMA.itemReviewed, ORIGINAL, "itemReviewed"),
    "date not a date": put(REVIEW, SCHEMA.datePublished, Literal("3 February 2011"), REVIEW, "xsd:date"),
    "bad content hash": put(REVIEW, FKG.contentHash, Literal("abc"), REVIEW, "SHA-256"),
    "rating a blank node": put(REVIEW, SCHEMA.reviewRating, BLANK_RATING, REVIEW, "schema:reviewRating"),
}

RATING_BREAKS = {
    "no value": drop(RATING, SCHEMA.ratingValue, "schema:ratingValue"),
    "no scale": drop(RATING, SCHEMA.bestRating, "schema:bestRating"),
    "two values": add(RATING, SCHEMA.ratingValue, Literal(8), "schema:ratingValue"),
    "value above the scale": put(RATING, SCHEMA.ratingValue, Literal(70), RATING, "outside its scale"),
    "value below the scale": put(RATING, SCHEMA.ratingValue, Literal(0), RATING, "outside its scale"),
}


@pytest.mark.parametrize("case", sorted(REVIEW_BREAKS))
def test_review_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, REVIEW_BREAKS[case])


@pytest.mark.parametrize("case", sorted(RATING_BREAKS))
def test_rating_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, RATING_BREAKS[case])


def test_letter_grades_are_a_valid_rating(shapes: Graph) -> None:
    g = valid_graph()
    g.set((RATING, SCHEMA.ratingValue, Literal("B+")))
    g.set((RATING, SCHEMA.bestRating, Literal("A+")))
    g.remove((RATING, SCHEMA.worstRating, None))
    assert violations(g, shapes) == []


# --- opinions and comparisons ----------------------------------------------------------------

OPINION_BREAKS = {
    "no review": drop(OPINION, MARL.extractedFrom, "marl:extractedFrom"),
    "extracted from a film": put(OPINION, MARL.extractedFrom, ORIGINAL, OPINION, "marl:extractedFrom"),
    "about a country": put(OPINION, MARL.describesObject, US, OPINION, "describesObject"),
    "about nothing": drop(OPINION, MARL.describesObject, "describesObject"),
    "polarity a verdict": put(OPINION, MARL.hasPolarity, FKG.Better, OPINION, "hasPolarity"),
    "no polarity": drop(OPINION, MARL.hasPolarity, "hasPolarity"),
    "polarity value out of range": put(OPINION, MARL.polarityValue, dec("1.5"), OPINION, "polarityValue"),
    "no confidence": drop(OPINION, FKG.confidence, "fkg:confidence"),
}

COMPARISON_BREAKS = {
    "no versus": drop(COMPARISON, FKG.versus, "fkg:versus"),
    "versus a person": put(COMPARISON, FKG.versus, VAUGHN, COMPARISON, "fkg:versus"),
    "film against itself": put(COMPARISON, FKG.versus, REMAKE, COMPARISON, "other than"),
    "two films": add(COMPARISON, FKG.film, ORIGINAL, "exactly one fkg:film"),
    "verdict a polarity": put(COMPARISON, FKG.verdict, MARL.Positive, COMPARISON, "fkg:verdict"),
    "no verdict": drop(COMPARISON, FKG.verdict, "fkg:verdict"),
    "no provenance": drop(COMPARISON, PROV.wasDerivedFrom, "prov:wasDerivedFrom"),
}


@pytest.mark.parametrize("case", sorted(OPINION_BREAKS))
def test_opinion_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, OPINION_BREAKS[case])


@pytest.mark.parametrize("case", sorted(COMPARISON_BREAKS))
def test_comparison_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, COMPARISON_BREAKS[case])


# --- statements, mentions and evidence -------------------------------------------------------

STATEMENT_BREAKS = {
    "no subject": drop(STMT_REMAKE, RDF.subject, "rdf:subject"),
    "predicate a literal": put(STMT_REMAKE, RDF.predicate, Literal("remakeOf"), STMT_REMAKE, "rdf:predicate"),
    "no object": drop(STMT_REMAKE, RDF.object, "rdf:object"),
    "no provenance": drop(STMT_REMAKE, PROV.wasDerivedFrom, "prov:wasDerivedFrom"),
    "no offsets": drop(STMT_REMAKE, NIF.beginIndex, "nif:beginIndex"),
    "no confidence": drop(STMT_REMAKE, FKG.confidence, "fkg:confidence"),
    "edge not in the graph": Break(REVIEW, "does not hold", drop=((REMAKE, FKG.remakeOf),), names=STMT_REMAKE),
}

EVIDENCE_BREAKS = {
    "begin after end": put(STMT_REMAKE, NIF.beginIndex, Literal(AT_REMAKE_OF + 20), STMT_REMAKE, "nif:beginIndex"),
    "negative offset": put(OPINION, NIF.beginIndex, Literal(-1), OPINION, "non-negative"),
    "offset a string": put(COMPARISON, NIF.endIndex, Literal("12"), COMPARISON, "nif:endIndex"),
    "confidence above 1": put(STMT_PERF, FKG.confidence, dec("1.5"), STMT_PERF, "from 0 to 1"),
    "confidence below 0": put(OPINION, FKG.confidence, dec("-0.1"), OPINION, "from 0 to 1"),
    "anchor of another length": claim(OPINION, NIF.anchorOf, Literal("menace"), NOT_TEXT),
    "anchor not the text at the offsets": claim(
        COMPARISON, NIF.anchorOf, Literal("the 1960 original is worse"), NOT_TEXT
    ),
    "rating anchor not the text": claim(RATING, NIF.anchorOf, Literal("8/10"), NOT_TEXT),
    "offsets past the end of the review": Break(
        REVIEW,
        NOT_TEXT,
        names=MENTION,
        drop=((MENTION, NIF.beginIndex), (MENTION, NIF.endIndex)),
        add=(
            (MENTION, NIF.beginIndex, Literal(len(BODY) + 1)),
            (MENTION, NIF.endIndex, Literal(len(BODY) + 14)),
        ),
    ),
    "mention of nothing": drop(MENTION, FKG.refersTo, "fkg:refersTo"),
    "mention of a review": put(MENTION, FKG.refersTo, REVIEW, MENTION, "fkg:refersTo"),
    "mention without words": drop(MENTION, NIF.anchorOf, "nif:anchorOf"),
}


@pytest.mark.parametrize("case", sorted(STATEMENT_BREAKS))
def test_statement_shape_rejects(shapes: Graph, case: str) -> None:
    check(shapes, STATEMENT_BREAKS[case])


@pytest.mark.parametrize("case", sorted(EVIDENCE_BREAKS))
def test_evidence_shapes_reject(shapes: Graph, case: str) -> None:
    check(shapes, EVIDENCE_BREAKS[case])
