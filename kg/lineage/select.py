"""The facts the lineage graph is made of, as rows of plain strings from a few SPARQL SELECTs run by Oxigraph.

One query per kind of fact (films and their names, remake links, the statement
nodes behind them, reviews and ratings, credits, performances, opinions,
comparisons). Oxigraph evaluates them and writes the rows as CSV in Rust, so
Python never touches rdflib terms: that is what makes reading fast. A graph in
another store (rdflib's memory store, a plain ``Graph``) gives the same rows
through :mod:`kg.lineage.scan`.

Queries read every graph of the dataset: the default graph and every named
graph (Oxigraph's union of graphs is a bag: a triple in 40 review graphs
matches 40 times, so every query is ``DISTINCT``). Remake links and their
statement nodes are also read graph by graph, because the evidence of a link
names the graph that says it.

CSV writes an unbound variable and an empty literal (``""``) the same way, as an
empty field. A variable that may be both (an ``OPTIONAL`` literal) is selected
with a ``-`` in front (``CONCAT("-", STR(?x))``), which :func:`rows` strips and
reads as ``None`` when unbound; elsewhere ``""`` is unbound (an IRI, a number)
or, in a variable that is always bound, the empty literal.
"""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

import pyoxigraph as ox

from kg.errors import GraphError
from kg.vocab import FKG, MARL, NIF, PROV, SCHEMA

__all__ = ["QUERIES", "Row", "oxigraph_of", "rows"]

log = logging.getLogger(__name__)

Row = list[Any]  # strings; None where a marked column is unbound

_PREFIXES = f"""PREFIX schema: <{SCHEMA}>
PREFIX fkg: <{FKG}>
PREFIX marl: <{MARL}>
PREFIX nif: <{NIF}>
PREFIX prov: <{PROV}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

# name -> (query, whether the default graph is the union of all graphs, columns whose values carry a "-")
QUERIES: dict[str, tuple[str, bool, frozenset[str]]] = {
    # the facts of films (and the names of everything: people, countries, languages), one per row
    "facts": (
        """SELECT DISTINCT ?kind ?s ?o WHERE {
  { ?s a schema:Movie BIND("movie" AS ?kind) }
  UNION { ?s a fkg:UnlinkedFilm BIND("unlinked" AS ?kind) }
  UNION { ?s schema:name ?o BIND("name" AS ?kind) }
  UNION { ?s schema:alternateName ?o BIND("alt" AS ?kind) }
  UNION { ?s schema:datePublished ?o BIND("date" AS ?kind) }
  UNION { ?s schema:countryOfOrigin ?o BIND(IF(isIRI(?o), "country", "country-text") AS ?kind) }
  UNION { ?s schema:inLanguage ?o BIND(IF(isIRI(?o), "language", "language-text") AS ?kind) }
  UNION { ?s owl:sameAs ?o BIND("same" AS ?kind) }
}""",
        True,
        frozenset(),
    ),
    # every remake link with the graph that holds it (no graph: the default graph)
    "links": (
        """SELECT DISTINCT ?remake ?original ?g WHERE {
  { GRAPH ?g { ?remake fkg:remakeOf ?original } } UNION { ?remake fkg:remakeOf ?original }
}""",
        False,
        frozenset(),
    ),
    # statement nodes about remake links, in the graphs that hold them ...
    "statements": (
        """SELECT DISTINCT ?st ?g WHERE {
  { GRAPH ?g { ?st rdf:predicate fkg:remakeOf } } UNION { ?st rdf:predicate fkg:remakeOf }
}""",
        False,
        frozenset(),
    ),
    # ... and what they say, from any graph
    "evidence": (
        """SELECT DISTINCT ?st ?remake ?original ?review ?id ?body ?begin ?end ?anchor ?confidence WHERE {
  ?st rdf:predicate fkg:remakeOf ; rdf:subject ?remake ; rdf:object ?original .
  OPTIONAL {
    ?st prov:wasDerivedFrom ?review
    OPTIONAL { ?review schema:identifier ?i }
    OPTIONAL { ?review schema:reviewBody ?b }
  }
  OPTIONAL { ?st nif:beginIndex ?begin FILTER(isLiteral(?begin)) }
  OPTIONAL { ?st nif:endIndex ?end FILTER(isLiteral(?end)) }
  OPTIONAL { ?st nif:anchorOf ?a }
  OPTIONAL { ?st fkg:confidence ?confidence FILTER(isLiteral(?confidence)) }
  BIND(CONCAT("-", STR(?i)) AS ?id) BIND(CONCAT("-", STR(?b)) AS ?body) BIND(CONCAT("-", STR(?a)) AS ?anchor)
}""",
        True,
        frozenset({"id", "body", "anchor"}),
    ),
    "reviews": (
        """SELECT DISTINCT ?review ?film ?id ?rating ?value ?best WHERE {
  ?review schema:itemReviewed ?film .
  OPTIONAL { ?review schema:identifier ?i }
  OPTIONAL {
    ?review schema:reviewRating ?rating
    OPTIONAL { ?rating schema:ratingValue ?value FILTER(isLiteral(?value)) }
    OPTIONAL { ?rating schema:bestRating ?best FILTER(isLiteral(?best)) }
  }
  BIND(CONCAT("-", STR(?i)) AS ?id)
}""",
        True,
        frozenset({"id"}),
    ),
    "credits": (
        """SELECT DISTINCT ?film ?role ?person WHERE {
  VALUES ?role { schema:director schema:actor schema:author schema:producer schema:musicBy }
  ?film ?role ?person FILTER(isIRI(?person))
}""",
        True,
        frozenset(),
    ),
    "performances": (
        """SELECT DISTINCT ?perf ?film ?person ?character WHERE {
  ?perf fkg:inFilm ?film ; fkg:performer ?person .
  OPTIONAL { ?perf fkg:character ?c }
  BIND(CONCAT("-", STR(?c)) AS ?character)
}""",
        True,
        frozenset({"character"}),
    ),
    "opinions": (
        """SELECT DISTINCT ?opinion ?target ?text ?feature ?polarity ?value ?review WHERE {
  ?opinion marl:describesObject ?target .
  OPTIONAL { ?opinion marl:opinionText ?t }
  OPTIONAL { ?opinion marl:describesFeature ?f }
  OPTIONAL { ?opinion marl:hasPolarity ?polarity }
  OPTIONAL { ?opinion marl:polarityValue ?value FILTER(isLiteral(?value)) }
  OPTIONAL { ?opinion marl:extractedFrom ?review }
  BIND(CONCAT("-", STR(?t)) AS ?text) BIND(CONCAT("-", STR(?f)) AS ?feature)
}""",
        True,
        frozenset({"text", "feature"}),
    ),
    "comparisons": (
        """SELECT DISTINCT ?comparison ?film ?versus ?verdict WHERE {
  ?comparison fkg:film ?film ; fkg:versus ?versus .
  OPTIONAL { ?comparison fkg:verdict ?verdict }
}""",
        True,
        frozenset(),
    ),
}


def oxigraph_of(graph: object) -> ox.Store | None:
    """The pyoxigraph Store behind ``graph`` (a Store, or an rdflib graph over oxrdflib), else ``None``."""
    if isinstance(graph, ox.Store):
        return graph
    inner = getattr(getattr(graph, "store", None), "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def rows(store: ox.Store, name: str) -> list[Row]:
    """The rows of the query ``name`` of :data:`QUERIES` on ``store``, one list of strings per solution
    in the order of the query's variables.

    An unbound variable is ``""``, or ``None`` in a column that carries a ``-`` (which is stripped).

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://ex/b"), ox.NamedNode(str(FKG.remakeOf)), ox.NamedNode("http://ex/a")))
    >>> rows(store, "links")
    [['http://ex/b', 'http://ex/a', '']]
    """
    text, union, marked = QUERIES[name]
    try:
        result = store.query(_PREFIXES + text, use_default_graph_as_union=union)
        assert isinstance(result, ox.QuerySolutions)
        data = result.serialize(format=ox.QueryResultsFormat.CSV)
    except (SyntaxError, OSError) as err:
        raise GraphError(f"cannot read the {name} of the lineage graph: {err}") from err
    assert data is not None
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(reader)
    out: list[Row] = list(reader)
    for i in [i for i, column in enumerate(header) if column in marked]:
        for row in out:
            v = row[i]
            row[i] = v[1:] if v else None
    return out
