from __future__ import annotations

import gc
import io
import os
import random
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphError
from kg.store import (
    add_nquads,
    copy_store,
    is_store,
    keep_union,
    keeps_union,
    new_dataset,
    open_store,
    read_graph,
    serialize_graph,
    union,
    write_graph,
    write_graphs,
)
from kg.vocab import DEFAULT_BASE, SCHEMA
from kg.writer import write_formats
from tests.conftest import drop_union

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


# -- stores and the fast writer ----------------------------------------------------------------

HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list('\u202e\u2066\u2028\u2029\x85\x00\x1f\x7f\ufffe\ufffe"\\\n\r\t<>{} .')),
    )
)


def both_stores(quads: list[tuple[URIRef, URIRef, Literal | URIRef, str]]) -> tuple[Dataset, Dataset]:
    out = []
    for kind in ("rdflib", "oxigraph"):
        ds = new_dataset(kind)
        for s, p, o, g in quads:
            ds.graph(URIRef(DEFAULT_BASE + f"graph/{g}")).add((s, p, o))
        out.append(ds)
    return out[0], out[1]


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(HOSTILE, min_size=1, max_size=4),
    lang=st.sampled_from([None, "en", "pt-BR"]),
    graphs=st.lists(st.sampled_from("abc"), min_size=4, max_size=4),
)
def test_rdflib_and_oxigraph_stores_write_the_same_bytes(texts: list[str], lang: str | None, graphs: list[str]) -> None:
    quads = [(FILM, SCHEMA.reviewBody, Literal(t, lang=lang), g) for t, g in zip(texts, graphs, strict=False)]
    quads.append((FILM, SCHEMA.sameAs, URIRef("https://example.org/x\u202ey"), graphs[-1]))
    quads.append((FILM, SCHEMA.ratingValue, Literal(7), graphs[0]))
    for lexical, dt in (("0.0", XSD.decimal), ("1.50", XSD.decimal), ("007", XSD.integer), ("1", XSD.boolean)):
        quads.append((FILM, SCHEMA.ratingValue, Literal(lexical, datatype=dt), graphs[1]))  # Oxigraph keeps values
    ref, ox_ds = both_stores(quads)
    for fmt in ("turtle", "trig", "nt", "nquads"):
        text = serialize_graph(ox_ds, format=fmt)
        assert text == serialize_graph(ref, format=fmt)
        assert "\u202e" not in text and "\u2028" not in text
        back = Dataset()
        back.parse(data=text, format=fmt)
        assert {str(o) for o in union(back).objects(FILM, SCHEMA.reviewBody)} == set(texts)


def test_union_sorted_in_spilled_runs_gives_the_same_bytes() -> None:
    ds = new_dataset("oxigraph")
    for i in range(300):
        g = ds.graph(URIRef(DEFAULT_BASE + f"graph/{i % 17}"))
        g.add((URIRef(DEFAULT_BASE + f"film/f{i % 40}"), SCHEMA.name, Literal(f"Film {i % 40}")))
        g.add((URIRef(DEFAULT_BASE + f"film/f{i % 40}"), RDF.type, SCHEMA.Movie))
    whole = {"turtle": io.StringIO(), "nt": io.StringIO()}
    runs = {"turtle": io.StringIO(), "nt": io.StringIO()}
    assert write_formats(ds, whole) == write_formats(ds, runs, run_bytes=200) == 80
    assert whole["turtle"].getvalue() == runs["turtle"].getvalue()
    assert whole["nt"].getvalue() == runs["nt"].getvalue()
    assert "<film/f0> a schema:Movie ;" in whole["turtle"].getvalue()  # a subject's types come first


def test_store_folder_round_trip_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    ds = new_dataset(folder)
    ds.graph(URIRef(DEFAULT_BASE + "graph/a")).add((FILM, SCHEMA.name, Literal("X")))
    expected = serialize_graph(ds, format="trig")
    del ds
    gc.collect()  # the last reference closes the store
    assert is_store(folder)
    reopened = read_graph(folder)
    assert serialize_graph(reopened, format="trig") == expected
    assert Literal("X") in set(reopened.objects(FILM, SCHEMA.name))  # plain, as rdflib made it
    with pytest.raises(GraphError, match="not a store folder"):
        open_store(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(GraphError, match="not an empty folder nor a store"):
        new_dataset(tmp_path / "other")


def test_failed_write_leaves_previous_files_and_no_temporary_file(tmp_path: Path) -> None:
    good = dataset(TRIPLES)
    written = write_graphs(good, {"ttl": tmp_path / "kg.ttl", "trig": tmp_path / "kg.trig"})
    before = {p: p.read_bytes() for p in written}
    bad = dataset(TRIPLES)
    bad.graph(URIRef(DEFAULT_BASE + "graph/z")).add((FILM, SCHEMA.url, URIRef("https://x/a b")))
    with pytest.raises(GraphError, match="IRI with characters"):
        write_graphs(bad, {"ttl": tmp_path / "kg.ttl", "trig": tmp_path / "kg.trig"})
    assert {p: p.read_bytes() for p in written} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.trig", "kg.ttl"]


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_graph(dataset(TRIPLES), tmp_path / "kg.ttl")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_large_files_are_read_into_oxigraph(tmp_path: Path) -> None:
    path = write_graph(dataset(TRIPLES), tmp_path / "kg.trig")
    fast, slow = read_graph(path, store="oxigraph"), read_graph(path, store="rdflib")
    assert serialize_graph(fast, format="trig") == serialize_graph(slow, format="trig") == path.read_text()
    bad = tmp_path / "broken.nt"
    bad.write_text('<http://a/b> <http://a/p> "x" .\n<http://a/c> <http://a/p> "y\n', encoding="utf-8")
    with pytest.raises(GraphError, match=r"broken\.nt:2"):
        read_graph(bad, store="oxigraph")


# -- a store folder keeps the union of its graphs, as a set, in its default graph -------------


def folder_with(tmp_path: Path, ds: Dataset) -> Path:
    """A store folder holding the named graphs of ``ds`` and their union, closed (as a build leaves it)."""
    folder = tmp_path / "db"
    store = new_dataset(folder)
    add_nquads(store, ds.serialize(format="nquads"))
    keep_union(store)
    del store
    gc.collect()
    return folder


def default_triples(ds: Dataset) -> set[tuple[object, ...]]:
    return set(ds.default_graph.triples((None, None, None)))


def named_triples(ds: Dataset) -> set[tuple[object, ...]]:
    return {(s, p, o) for s, p, o, g in ds.quads((None, None, None, None)) if g is not None}


def test_a_store_folder_keeps_the_set_union_and_everything_else_reads_the_named_graphs(tmp_path: Path) -> None:
    ref = dataset(TRIPLES)  # "X" is the name of the film in graphs a and b
    folder = folder_with(tmp_path, ref)
    ds = read_graph(folder)
    assert keeps_union(ds)
    assert default_triples(ds) == named_triples(ds) == set(union(ref))
    assert len(default_triples(ds)) == 4  # 5 triples in the graphs, one said twice
    # the files are those of the graphs alone, byte for byte
    for fmt in ("turtle", "trig", "nt", "nquads", "json-ld"):
        assert serialize_graph(ds, format=fmt) == serialize_graph(ref, format=fmt), fmt
    assert sorted(ds.quads((None, None, None, None))) == sorted(ref.quads((None, None, None, None)))
    assert {g.identifier for g in ds.graphs() if len(g)} - {ds.default_graph.identifier} == {
        URIRef(DEFAULT_BASE + "graph/a"),
        URIRef(DEFAULT_BASE + "graph/b"),
    }
    assert len(ds) == len(ref) == 4
    # a query of the dataset's union reads the set, as rdflib's own store gives it
    titles = f"SELECT ?n WHERE {{ <{FILM}> <{SCHEMA.name}> ?n }}"
    assert [row[0] for row in ds.query(titles)] == [row[0] for row in union(ref).query(titles)] == [Literal("X")]


def test_keep_union_makes_the_union_again_after_the_graphs_change(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, dataset(TRIPLES))
    ds = open_store(folder, read_only=False)
    ds.remove_graph(ds.graph(URIRef(DEFAULT_BASE + "graph/b")))
    drop_union(ds)
    assert default_triples(ds) == set()  # never a union out of date: none, until it is made again
    keep_union(ds)
    only_a = {(FILM, SCHEMA.name, Literal("X")), (FILM, SCHEMA.datePublished, Literal("2001", datatype=XSD.gYear))}
    assert default_triples(ds) == named_triples(ds) == only_a  # b's own triples left; "X", said by a too, stayed


def test_a_copy_of_a_store_folder_changes_without_the_original(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, dataset(TRIPLES))
    before = serialize_graph(read_graph(folder), format="trig")
    copy = copy_store(folder, tmp_path / "copy")
    ds = open_store(copy, read_only=False)
    assert keeps_union(ds) and default_triples(ds) == named_triples(ds)
    ds.remove_graph(ds.graph(URIRef(DEFAULT_BASE + "graph/a")))
    keep_union(ds)
    assert len(default_triples(ds)) == 3
    del ds
    gc.collect()
    original = read_graph(folder)
    assert serialize_graph(original, format="trig") == before
    assert len(default_triples(original)) == 4


def test_an_in_memory_store_is_written_whole_until_it_is_given_the_union() -> None:
    ds = new_dataset("oxigraph")
    ds.default_graph.add((FILM, SCHEMA.name, Literal("outside any named graph")))
    assert not keeps_union(ds)
    assert '<film/x-2001> schema:name "outside any named graph" .' in serialize_graph(ds, format="trig")
    keep_union(ds)  # a default graph of its own is left as it is
    assert not keeps_union(ds)
    fresh = new_dataset("oxigraph")
    add_nquads(fresh, dataset(TRIPLES).serialize(format="nquads"))
    keep_union(fresh)
    assert keeps_union(fresh) and len(default_triples(fresh)) == 4
    assert serialize_graph(fresh, format="trig") == serialize_graph(dataset(TRIPLES), format="trig")


@pytest.fixture(scope="module")
def examples_in_a_store(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """``kg build examples --store DIR`` (in this process); the output folder, with the store in ``db``."""
    from kg.pipeline import build_to

    out = tmp_path_factory.mktemp("examples-store")
    b = build_to([examples], out, formats=("trig",), jobs=1, store=out / "db")
    del b
    gc.collect()  # closed, as when `kg build` ends
    return out


def library_rows(table: Any) -> list[tuple[str, ...]]:
    """A table's rows, sorted; a GROUP_CONCAT's parts sorted too (SPARQL leaves their order open)."""
    return sorted(
        tuple("; ".join(sorted(str(v).split("; "))) if v is not None else "" for v in row) for row in table.rows
    )


def test_every_library_query_on_a_store_folder_gives_the_rows_of_the_trig(
    examples_in_a_store: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import shlex

    from kg.server import run_query
    from kg.sparql import find_queries

    trig = examples_in_a_store / "kg.trig"  # read by rdflib's own store: every query is the same on both engines
    compared = 0
    for q in find_queries():
        words = shlex.split(q.example)
        bind = [words[i + 1] for i, w in enumerate(words) if w == "--bind"]
        with caplog.at_level("WARNING"):
            got = library_rows(run_query(q.name, graph=examples_in_a_store / "db", bind=bind))
        assert got == library_rows(run_query(q.name, graph=trig, bind=bind)), q.name
        compared += len(got)
    assert not caplog.text  # no warning: the store keeps its union
    assert compared > 50
