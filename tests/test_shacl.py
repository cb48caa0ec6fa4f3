"""`kg validate`: SHACL over a build, SPARQL constraints run once over the whole graph."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF

from kg.emit import emit
from kg.model import Extraction, Film, Mention, Relation, RelationKind, Review
from kg.shacl import validate
from kg.store import union
from kg.vocab import FKG, NIF, SCHEMA

BODY = "Zwei is a remake of Eins, and a dull one."


def graph():  # type: ignore[no-untyped-def]
    cue = Mention.of(BODY, BODY.index("a remake of"), BODY.index("a remake of") + len("a remake of"))
    x = Extraction(
        review=Review(id="r1", text=BODY, film_title="Zwei", film_year=2020),
        films=(Film("f0", "Zwei", 2020), Film("f1", "Eins", 2001)),
        relations=(Relation(RelationKind.REMAKE_OF, "f0", "f1", cue, 0.9),),
        reviewed_film="f0",
    )
    return union(emit(x))


def test_a_build_conforms() -> None:
    assert validate(graph()) == []


def test_evidence_that_is_not_the_text_at_its_offsets_is_reported() -> None:
    g = graph()
    statement = next(g.subjects(RDF.type, FKG.Statement))
    g.set((statement, NIF.anchorOf, Literal("a sequel to")))
    problems = validate(g)
    assert any(str(statement) in p and '"a sequel to"' in p for p in problems), problems


def test_a_statement_without_its_edge_and_a_core_violation_are_reported() -> None:
    g = graph()
    ((remake, original),) = g.subject_objects(FKG.remakeOf)
    g.remove((remake, FKG.remakeOf, original))
    g.remove((original, SCHEMA.name, None))
    problems = validate(g)
    assert any("which the graph does not hold" in p for p in problems), problems
    assert any(
        p.startswith(f"<{original}> schema:name") or p.startswith(f"<{original}> <https://schema.org/name>")
        for p in problems
    ), problems
