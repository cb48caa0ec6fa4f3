from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphError
from kg.store import read_graph, serialize_graph, union, write_graph
from kg.vocab import DEFAULT_BASE, SCHEMA

FILM = URIRef(DEFAULT_BASE + "film/x-2001")


def dataset(triples: list[tuple[str, URIRef, Literal]]) -> Dataset:
    ds = Dataset()
    for graph, p, o in triples:
        ds.graph(URIRef(DEFAULT_BASE + f"graph/{graph}")).add((FILM, p, o))
    return ds


TRIPLES = [
    ("a", SCHEMA.name, Literal("X")),
    ("a", SCHEMA.datePublished, Literal("2001", datatype=XSD.gYear)),
    ("b", SCHEMA.alternateName, Literal("Ekss", lang="de")),
    ("b", SCHEMA.name, Literal("X")),
    ("b", SCHEMA.ratingValue, Literal(7)),
]


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads", "json-ld"])
def test_same_graph_gives_same_bytes_whatever_the_insertion_order(fmt: str) -> None:
    shuffled = TRIPLES[:]
    random.Random(4).shuffle(shuffled)
    assert serialize_graph(dataset(TRIPLES), format=fmt) == serialize_graph(dataset(shuffled), format=fmt)


@pytest.mark.parametrize("ext", ["ttl", "trig", "nt", "nq", "jsonld"])
def test_written_graph_reads_back_the_same(tmp_path: Path, ext: str) -> None:
    ds = dataset(TRIPLES)
    path = write_graph(ds, tmp_path / f"kg.{ext}")
    back = read_graph(path)
    assert isomorphic(union(back), union(ds))
    if ext in ("trig", "nq"):
        assert {g.identifier for g in back.graphs() if len(g)} == {g.identifier for g in ds.graphs() if len(g)}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_is_an_inert_literal_that_round_trips(text: str) -> None:
    ds = Dataset()
    ds.graph(URIRef(DEFAULT_BASE + "graph/r")).add((FILM, SCHEMA.reviewBody, Literal(text)))
    for fmt in ("turtle", "trig", "nt"):
        out = serialize_graph(ds, format=fmt)
        body_line = next(line for line in out.splitlines() if "reviewBody" in line)
        assert "\n" not in body_line and "\u202e" not in body_line  # one line, no bidi override
        back = Dataset()
        back.parse(data=out, format=fmt)
        assert {str(o) for o in union(back).objects(FILM, SCHEMA.reviewBody)} == {text}


def test_turtle_is_readable() -> None:
    text = serialize_graph(dataset(TRIPLES), format="turtle")
    assert f"@base <{DEFAULT_BASE}> ." in text
    assert '<film/x-2001> schema:alternateName "Ekss"@de ;' in text
    assert "schema:ratingValue 7" in text


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix s: <https://schema.org/> .\n<a> s:name "x" .\n<b> s:name "y\n', encoding="utf-8")
    with pytest.raises(GraphError, match=r"broken\.ttl:\d+: cannot parse turtle"):
        read_graph(bad)


def test_unknown_extension_and_missing_file_are_clear(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="unknown graph format '.xyz'"):
        read_graph(tmp_path / "kg.xyz")
    with pytest.raises(GraphError, match="no such file"):
        read_graph(tmp_path / "kg.ttl")
