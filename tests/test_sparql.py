"""The query library on rdflib: every query's answer on a small graph we wrote, bindings, output formats.

``tests/data/mini.trig`` is a hand-written graph in the contract's shape (films,
people and reviews invented by the team): La llamada (Spain 2015) was remade as
Der Anruf (Germany 2018) and Jeonhwa (South Korea 2021); Jeonhwa was remade as
Caller Unknown (USA 2023); Le voisin (France 1990) was remade as The Neighbor
(USA 1995). ``CASES`` holds the answer a reader of that graph expects from every
query; tests/test_server.py checks that a real Oxigraph server gives the same.
"""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.endpoint import parse_results
from kg.errors import QueryError
from kg.server import keep_union, run_query
from kg.sparql import (
    Table,
    find_queries,
    load_query,
    parse_bindings,
    parse_query,
    queries_dir,
    run_local,
    serialize_query_list,
    serialize_table,
    to_term,
)
from kg.vocab import DEFAULT_BASE

MINI = Path(__file__).parent / "data" / "mini.trig"
HOSTILE = 'The "Neighbour"} ; DROP ALL ; { \\u0022 #'  # le-voisin-1990's alternate title in mini.trig


def value(term: Any) -> Any:
    """A term as a reader sees it: IRIs under the base as their key, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        text = str(term)
        return text[len(DEFAULT_BASE) :] if text.startswith(DEFAULT_BASE) else text
    py = term.toPython()
    if isinstance(py, Decimal | float):
        return round(float(py), 2)
    return py if isinstance(py, bool | int) else str(term)


def rows(table: Table, *columns: str) -> list[tuple[Any, ...]]:
    """The given columns of every row, in the table's order."""
    idx = [table.variables.index(c) for c in columns]
    return [tuple(value(row[i]) for i in idx) for row in table.rows]


def as_set(table: Table, *columns: str) -> set[tuple[Any, ...]]:
    return set(rows(table, *columns))


def credits_of(table: Table) -> dict[str, set[str]]:
    """shared-people's credits per person (GROUP_CONCAT's order is up to the engine)."""
    return {p: set(c.split("; ")) for p, c in rows(table, "person", "credits")}


ES, DE, KR, US = "film/la-llamada-2015", "film/der-anruf-2018", "film/jeonhwa-2021", "film/caller-unknown-2023"
FR, US95 = "film/le-voisin-1990", "film/the-neighbor-1995"

Check = Callable[[Table], Any]
# (query, bindings, what the reader expects)
CASES: list[tuple[str, list[str], Check, Any]] = [
    (
        "remakes",
        [f"film={ES}"],
        lambda t: rows(t, "remake", "year", "country", "steps"),
        [(DE, 2018, "country/DE", 1), (KR, 2021, "country/KR", 1), (US, 2023, "country/US", 2)],
    ),
    ("remakes", [f"film={US}"], lambda t: rows(t, "remake"), []),
    (
        "original",
        [f"film={US}"],
        lambda t: rows(t, "original", "title", "year", "steps"),
        [(ES, "La llamada", 2015, 2)],
    ),
    ("original", [f"film={US95}"], lambda t: rows(t, "original", "steps"), [(FR, 1)]),
    (
        "family",
        [f"film={DE}"],
        lambda t: rows(t, "member", "generation", "remake_of"),
        [(ES, 0, None), (DE, 1, ES), (KR, 1, ES), (US, 2, KR)],
    ),
    ("families", [], lambda t: rows(t, "original", "size", "countries", "span"), [(ES, 4, 4, 8), (FR, 2, 2, 5)]),
    (
        "cross-country",
        [],
        lambda t: as_set(t, "remake", "country", "original", "original_country"),
        {
            (DE, "country/DE", ES, "country/ES"),
            (KR, "country/KR", ES, "country/ES"),
            (US, "country/US", KR, "country/KR"),
            (US95, "country/US", FR, "country/FR"),
        },
    ),
    ("cross-country", ["country=country/KR"], lambda t: rows(t, "remake"), [(KR,)]),
    (
        "most-remade",
        [],
        lambda t: rows(t, "original", "remakes", "direct_remakes", "other_countries"),
        [(ES, 3, 2, 3), (FR, 1, 1, 1)],
    ),
    (
        "remake-gap",
        [],
        lambda t: as_set(t, "remake", "original", "direct", "years"),
        {(US95, FR, True, 5), (DE, ES, True, 3), (KR, ES, True, 6), (US, ES, False, 8), (US, KR, True, 2)},
    ),
    ("remake-gap", [f"original={KR}"], lambda t: rows(t, "remake", "years"), [(US, 2)]),
    (
        "shared-people",
        [],
        credits_of,
        {
            "person/ana-sol": {"La llamada 2015 (musicBy)", "Jeonhwa 2021 (musicBy)"},
            "person/luis-ferro": {"La llamada 2015 (actor)", "Der Anruf 2018 (actor)"},
            "person/marta-ibarra": {"La llamada 2015 (director)", "Caller Unknown 2023 (producer)"},
        },
    ),
    ("shared-people", ["person=person/park-min-ho"], lambda t: rows(t, "person"), []),
    (
        "verdicts",
        [],
        lambda t: as_set(t, "remake", "original", "better", "worse", "equal", "mixed", "comparisons"),
        {(US, KR, 0, 1, 0, 0, 1), (DE, ES, 0, 1, 0, 0, 1), (KR, ES, 1, 1, 0, 0, 2), (US95, FR, 0, 0, 1, 0, 1)},
    ),
    ("verdicts", [f"family={FR}"], lambda t: rows(t, "remake", "equal"), [(US95, 1)]),
    (
        "remake-ratings",
        [],
        lambda t: as_set(t, "remake", "remake_rating", "original", "original_rating", "difference"),
        {(DE, 4.0, ES, 9.0, -5.0), (US, 3.0, KR, 6.0, -3.0), (KR, 6.0, ES, 9.0, -3.0), (US95, 6.0, FR, 8.0, -2.0)},
    ),
    (
        "opinions-about",
        ["name=Luis Ferro"],
        lambda t: as_set(t, "polarity", "value", "review_id", "film_title"),
        {
            ("http://www.gsi.upm.es/ontologies/marl/ns#Negative", -0.5, "r2", "Der Anruf"),
            ("http://www.gsi.upm.es/ontologies/marl/ns#Positive", 0.9, "r3", "La llamada"),
        },
    ),
    (
        "opinions-about",
        ["person=person/park-min-ho"],
        lambda t: as_set(t, "text", "review_id"),
        {("gives a gripping performance", "r1"), ("is stiff", "r7")},
    ),
    (
        "review",
        ["id=r6"],
        lambda t: (
            len(t.rows),
            {value(g) for g in t.column("graph")},
            ("review/r6#rating", "https://schema.org/ratingValue", 8) in rows(t, "subject", "predicate", "object"),
        ),
        (29, {"graph/r6"}, True),
    ),
    (
        "claims",
        [],
        lambda t: rows(t, "review_id", "anchor", "confidence")[:2],
        [("r3", "Marta Ibarra directs", 0.95), ("r1", "a remake of", 0.9)],
    ),
    (
        "claims",
        ["predicate=fkg:remakeOf", "min_confidence=0.75"],
        lambda t: as_set(t, "subject", "object", "begin", "end"),
        {(KR, ES, 11, 22), (DE, ES, 10, 17)},
    ),
    (
        "unlinked-films",
        [],
        lambda t: as_set(t, "film", "unlinked", "reviews"),
        {("film/midnight-road", True, 1), (US95, False, 1)},
    ),
    (
        "film-reviews",
        [f"film={KR}"],
        lambda t: rows(t, "review_id", "rating", "stance", "author"),
        [
            ("r1", 7, "http://www.gsi.upm.es/ontologies/marl/ns#Positive", "kdrama-fan"),
            ("r7", 5, "http://www.gsi.upm.es/ontologies/marl/ns#Neutral", "berlin-critic"),
        ],
    ),
    (
        "find-film",
        ["title=CALL"],
        lambda t: as_set(t, "film", "matched"),
        {(ES, "The Call"), (KR, "Caller Unknown"), (US, "Caller Unknown")},
    ),
    ("find-film", [f"title={HOSTILE}"], lambda t: rows(t, "film", "matched"), [(FR, HOSTILE)]),
    ("find-film", ['title="} ; DROP ALL ; {'], lambda t: rows(t, "film"), [(FR,)]),
    ("find-film", ['title=x" } ; DROP ALL ; { "'], lambda t: rows(t, "film"), []),
    (
        "credits",
        [f"film={ES}"],
        lambda t: as_set(t, "person", "role", "character"),
        {
            ("person/marta-ibarra", "director", None),
            ("person/luis-ferro", "actor", "Tomas"),
            ("person/ana-sol", "musicBy", None),
        },
    ),
    ("graphs", [], lambda t: (len(t.rows), rows(t, "graph", "review_id", "triples")[5]), (7, ("graph/r6", "r6", 29))),
]


@pytest.fixture(scope="module")
def mini() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(MINI, format="trig")
    return ds


def test_the_library_has_at_least_14_documented_queries() -> None:
    queries = find_queries()
    assert len(queries) >= 14
    for q in queries:
        assert q.summary and q.summary.endswith("."), q.name
        assert len(q.answers) > 40, f"{q.name}: say what it answers"
        assert q.example.startswith(f"kg query {q.name}"), f"{q.name}: give an example"
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))
        for p in q.params:
            assert p.doc, f"{q.name}: document ?{p.name}"
            assert f"?{p.name} " in body or f"?{p.name})" in body, f"{q.name}: ?{p.name} is not used"


def test_every_query_has_an_expected_answer() -> None:
    assert {q.name for q in find_queries()} <= {name for name, *_ in CASES}


@pytest.mark.parametrize(("name", "bind", "check", "expected"), CASES, ids=[f"{c[0]}{c[1]}" for c in CASES])
def test_query_answers(mini: Dataset, name: str, bind: list[str], check: Check, expected: Any) -> None:
    assert check(run_query(name, graph=mini, bind=bind)) == expected


def oxigraph_dataset(*, with_union: bool) -> Dataset:
    """mini.trig in Oxigraph behind rdflib's API (oxrdflib), its union kept in the default graph or not."""
    ds = Dataset(store="Oxigraph", default_union=True)
    ds.parse(MINI, format="trig")
    if with_union:
        for s, p, o, _ in list(ds.quads((None, None, None, None))):
            ds.default_graph.add((s, p, o))
    return ds


@pytest.fixture(scope="module")
def mini_on_oxigraph() -> Dataset:
    return oxigraph_dataset(with_union=True)


@pytest.mark.parametrize(("name", "bind", "check", "expected"), CASES, ids=[f"{c[0]}{c[1]}" for c in CASES])
def test_same_answers_from_an_oxigraph_store(
    mini_on_oxigraph: Dataset, name: str, bind: list[str], check: Check, expected: Any
) -> None:
    assert check(run_query(name, graph=mini_on_oxigraph, bind=bind)) == expected


def test_kg_query_on_a_store_folder_that_keeps_the_union(tmp_path: Path) -> None:
    """`kg query --graph STORE` on a store written by `kg build --store`, with the union in its default graph."""
    from kg.store import add_nquads, new_dataset

    folder = tmp_path / "store"
    ds = new_dataset(folder)
    add_nquads(ds, Dataset().parse(MINI, format="trig").serialize(format="nquads"))
    keep_union(ds)
    del ds
    gc.collect()  # the store is closed (as when `kg build --store` ends) before it is opened read-only
    for name, bind, check, expected in CASES:
        assert check(run_query(name, graph=folder, bind=bind)) == expected, name


def test_kg_query_on_a_large_file_read_into_oxigraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file above kg.store's size limit is read into Oxigraph: run_query gives that copy the union as a set."""
    monkeypatch.setattr("kg.store._BIG_FILE", 0)
    for name, bind, check, expected in CASES:
        assert check(run_query(name, graph=MINI, bind=bind)) == expected, name


def test_a_store_without_the_union_is_read_as_a_bag_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from kg.store import add_nquads, new_dataset

    folder = tmp_path / "store"
    ds = new_dataset(folder)
    add_nquads(ds, Dataset().parse(MINI, format="trig").serialize(format="nquads"))
    del ds
    gc.collect()
    rq = tmp_path / "titles.rq"
    rq.write_text("SELECT ?t WHERE { <https://w3id.org/filmkg/id/film/la-llamada-2015> <https://schema.org/name> ?t }")
    with caplog.at_level("WARNING", logger="kg.server"):
        table = run_query(str(rq), graph=folder)
    assert "keeps no union of its graphs in its default graph" in caplog.text
    assert rows(table, "t") == [("La llamada",)] * 4  # described in 4 review graphs


def test_an_oxigraph_store_is_read_as_a_set(
    tmp_path: Path, mini_on_oxigraph: Dataset, caplog: pytest.LogCaptureFixture
) -> None:
    rq = tmp_path / "titles.rq"
    rq.write_text("SELECT ?t WHERE { <https://w3id.org/filmkg/id/film/la-llamada-2015> <https://schema.org/name> ?t }")
    table = run_query(str(rq), graph=mini_on_oxigraph)
    assert [str(t) for t in table.column("t")] == ["La llamada"]  # 4 review graphs say it
    bag = oxigraph_dataset(with_union=False)
    with caplog.at_level("WARNING", logger="kg.server"):
        assert len(run_query(str(rq), graph=bag).rows) == 4
    assert "keeps no union of its graphs in its default graph" in caplog.text


def test_examples_in_headers_run(mini: Dataset) -> None:
    """Each header's example parses as a command line whose bindings the query accepts."""
    import shlex

    for q in find_queries():
        words = shlex.split(q.example)
        binds = [words[i + 1] for i, w in enumerate(words) if w == "--bind"]
        parse_bindings(binds, q)


def test_a_query_file_runs_with_its_own_bindings(tmp_path: Path, mini: Dataset) -> None:
    rq = tmp_path / "titles.rq"
    rq.write_text("PREFIX schema: <https://schema.org/>\nSELECT ?t WHERE { ?f schema:name ?t } ORDER BY ?t\n")
    table = run_query(str(rq), graph=mini, bind=["f=https://w3id.org/filmkg/id/film/der-anruf-2018"])
    assert rows(table, "t") == [("Der Anruf",)]


def test_ask_and_construct_files(tmp_path: Path, mini: Dataset) -> None:
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?r <https://w3id.org/filmkg/ontology#remakeOf> ?o }")
    assert run_query(str(ask), graph=mini).boolean is True
    construct = tmp_path / "c.rq"
    construct.write_text(
        "PREFIX fkg: <https://w3id.org/filmkg/ontology#>\nCONSTRUCT { ?o fkg:remadeAs ?r } WHERE { ?r fkg:remakeOf ?o }"
    )
    table = run_query(str(construct), graph=mini)
    assert table.variables == ("subject", "predicate", "object")
    assert (ES, "https://w3id.org/filmkg/ontology#remadeAs", DE) in rows(table, "subject", "predicate", "object")
    assert len(table.rows) == 4


# ---------------------------------------------------------------------------- bindings


def test_hostile_values_are_values_and_change_nothing(mini: Dataset) -> None:
    before = len(mini)
    for hostile in (HOSTILE, '"} ; DROP ALL ; {', "x' } . ?s ?p ?o . { '", '"""', "\\", "a\nb\u202e"):
        table = run_query("find-film", graph=mini, bind=[f"title={hostile}"])
        assert all(hostile.lower() in str(m).lower() for m in table.column("matched"))
    assert len(mini) == before


@pytest.mark.parametrize("value", ["film/x> } ; DROP ALL ; { <y", "film/a b", 'film/"x"', "<film/x>>", "film/{x}", ""])
def test_a_hostile_iri_is_refused(mini: Dataset, value: str) -> None:
    with pytest.raises(QueryError, match=r"query remakes: \?film: .* is not a valid IRI"):
        run_query("remakes", graph=mini, bind=[f"film={value}"])


def test_bindings_are_typed_by_the_header() -> None:
    q = load_query("claims")
    bound = parse_bindings(["min_confidence=0.8", "predicate=fkg:remakeOf"], q)
    assert bound == {
        "min_confidence": Literal(Decimal("0.8")),
        "predicate": URIRef("https://w3id.org/filmkg/ontology#remakeOf"),
    }
    assert to_term("https://example.org/x", "iri") == URIRef("https://example.org/x")
    assert to_term("<https://example.org/x>", "iri") == URIRef("https://example.org/x")
    assert to_term("2021-02-03", "date").datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
    assert to_term("film/x", "iri", base="http://my.org/") == URIRef("http://my.org/film/x")


@pytest.mark.parametrize(
    ("name", "bind", "message"),
    [
        ("remakes", [], r"query remakes: needs --bind film=\.\.\. \(example: kg query remakes"),
        ("remakes", ["movie=film/x"], r"no parameter \?movie; parameters: film \(iri\)"),
        ("claims", ["min_confidence=high"], r"\?min_confidence: 'high' is not a decimal number"),
        ("remakes", ["film"], r"a binding is name=value, not 'film'"),
        ("families", ["x=1"], r"no parameter \?x; parameters: none"),
    ],
)
def test_binding_errors_say_what_is_expected(mini: Dataset, name: str, bind: list[str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(name, graph=mini, bind=bind)


def test_unknown_query_lists_the_library() -> None:
    with pytest.raises(QueryError, match=r"no query named 'remake' in .*; known: .*remakes"):
        load_query("remake")
    with pytest.raises(QueryError, match="no such query file"):
        load_query("nowhere/x.rq")


def test_queries_dir_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine.rq").write_text("# Mine.\nASK {}\n")
    monkeypatch.setenv("KG_QUERIES", str(tmp_path))
    assert queries_dir() == tmp_path
    assert [q.name for q in find_queries()] == ["mine"]


def test_a_broken_query_is_a_query_error(mini: Dataset) -> None:
    with pytest.raises(QueryError, match="query query: .*"):
        run_local("SELECT ?x WHERE { ?x ?p }", mini)


def test_header_with_an_unknown_kind_is_refused() -> None:
    with pytest.raises(QueryError, match="unknown kind 'number'"):
        parse_query("# X.\n# Parameters:\n#   ?n (number) a number\nSELECT * {}", name="x")


# ---------------------------------------------------------------------------- output


def test_list_shows_one_line_per_query() -> None:
    text = serialize_query_list(find_queries())
    lines = text.splitlines()
    assert len(lines) == len(find_queries())
    assert any(line.startswith("remakes film=") and "direct and transitive" in line for line in lines)
    assert any(line.startswith("claims [min_confidence=] [predicate=]") for line in lines)


def test_table_is_readable(mini: Dataset) -> None:
    text = serialize_table(run_query("remakes", graph=mini, bind=[f"film={ES}"]))
    lines = text.splitlines()
    assert lines[0].split() == ["remake", "title", "year", "country", "steps"]
    assert lines[2].split() == ["film/der-anruf-2018", "Der", "Anruf", "2018", "country/DE", "1"]
    assert lines[-1] == "(3 rows)"


def test_table_makes_control_characters_visible() -> None:
    table = Table(("text",), ((Literal("red\x1b[31m alert\u202e"),),))
    assert "\x1b" not in serialize_table(table) and "\\u001b[31m" in serialize_table(table)
    assert "\\u202e" in serialize_table(table)


def test_csv_tsv_json_are_the_sparql_formats(mini: Dataset) -> None:
    table = run_query("film-reviews", graph=mini, bind=[f"film={KR}"])
    parsed = list(csv.reader(io.StringIO(serialize_table(table, format="csv"))))
    assert parsed[0] == list(table.variables)
    assert parsed[1][:2] == ["r1", "Better than the Spanish one"]
    assert parsed[1][-1] == "http://www.gsi.upm.es/ontologies/marl/ns#Positive"
    tsv = serialize_table(table, format="tsv").splitlines()
    assert tsv[0].startswith("?review_id\t?headline")
    assert tsv[1].split("\t")[0] == '"r1"'
    assert '"7"^^<http://www.w3.org/2001/XMLSchema#integer>' in tsv[1]
    doc = serialize_table(table, format="json")
    back = parse_results(doc.encode(), "application/sparql-results+json")
    assert not isinstance(back, bool)
    assert back.variables == table.variables
    assert back.rows[1]["author"].value == "berlin-critic"
    assert json.loads(serialize_table(Table(("ask",), boolean=True), format="json")) == {"head": {}, "boolean": True}


def test_tsv_escapes_line_breaks() -> None:
    table = Table(("t",), ((Literal('two\nlines\t"q"'),),))
    assert serialize_table(table, format="tsv") == '?t\n"two\\nlines\\t\\"q\\""\n'


def test_unknown_format() -> None:
    with pytest.raises(QueryError, match="unknown format 'xml'; known: table, csv, tsv, json"):
        serialize_table(Table(("x",)), format="xml")


def test_on_an_empty_graph_every_query_answers_nothing() -> None:
    empty = Dataset(default_union=True)
    for q in find_queries():
        bind = {p.name: {"iri": "film/x", "string": "x"}.get(p.kind, "1") for p in q.params if p.required}
        assert run_local(q, empty, bindings=parse_bindings(bind, q)).rows == (), q.name


# ---------------------------------------------------------------------------- the examples' build
# What examples/README.md says about the team's example reviews, checked on `kg build examples`.

EXAMPLE_REVIEWS = {
    "el-desconocido-2015",
    "insomnia-2002",
    "let-me-in-2010",
    "psycho-1998-imdb-user-review",
    "retribution-2023-imdb-user-review",
    "steig-nicht-aus-2018",
    "the-departed-2006-imdb-user-review",
    "team-csv-001",
    "team-csv-002",
    "team-csv-003",
    "team-jsonl-001",
    "team-jsonl-002",
    "team-jsonl-003",
    "team-jsonl-004",
}
IA, DEP, LRO, LMI = (
    "film/infernal-affairs-2002",
    "film/the-departed-2006",
    "film/let-the-right-one-in-2008",
    "film/let-me-in-2010",
)
EXAMPLE_CASES: list[tuple[str, list[str], Check, Any]] = [
    ("remakes", [f"film={IA}"], lambda t: as_set(t, "remake", "steps"), {(DEP, 1)}),
    ("original", [f"film={DEP}"], lambda t: as_set(t, "original", "steps"), {(IA, 1)}),
    ("family", [f"film={LMI}"], lambda t: {r[0] for r in rows(t, "member", "generation")}, {LRO, LMI}),
    (
        "families",
        [],
        lambda t: (
            {"film/seven-samurai-1954", "film/psycho-1960", "film/the-vanishing-1988", "film/insomnia-1997", IA, LRO}
            <= set(t.column("original") and [value(x) for x in t.column("original")])
        ),
        True,
    ),
    (
        "cross-country",
        [],
        lambda t: (
            {
                ("film/the-magnificent-seven-1960", "country/US", "film/seven-samurai-1954", "country/JP"),
                ("film/insomnia-2002", "country/US", "film/insomnia-1997", "country/NO"),
            }
            <= as_set(t, "remake", "country", "original", "original_country")
        ),
        True,
    ),
    ("most-remade", [], lambda t: dict(rows(t, "original", "remakes")).get(IA), 1),
    (
        "remake-gap",
        [],
        lambda t: (
            {("film/psycho-1998", "film/psycho-1960", 38), (DEP, IA, 4), (LMI, LRO, 2)}
            <= as_set(t, "remake", "original", "years")
        ),
        True,
    ),
    (
        "remake-ratings",
        [],
        lambda t: (
            {
                ("film/psycho-1998", 3.0, "film/psycho-1960", 10.0),
                ("film/the-vanishing-1993", 4.0, "film/the-vanishing-1988", 9.0),
                (DEP, 9.0, IA, 9.0),
            }
            <= as_set(t, "remake", "remake_rating", "original", "original_rating")
        ),
        True,
    ),
    (
        "review",
        ["id=team-csv-002"],
        lambda t: (
            {
                ("review/team-csv-002", "https://schema.org/itemReviewed", "film/the-vanishing-1988"),
                ("review/team-csv-002#rating", "https://schema.org/ratingValue", 9),
            }
            <= set(rows(t, "subject", "predicate", "object"))
        ),
        True,
    ),
    (
        "film-reviews",
        [f"film={DEP}"],
        lambda t: rows(t, "review_id", "rating", "best", "stance"),
        [("the-departed-2006-imdb-user-review", 9, 10, "http://www.gsi.upm.es/ontologies/marl/ns#Positive")],
    ),
    (
        "find-film",
        ["title=vanishing"],
        lambda t: {value(f) for f in t.column("film")},
        {"film/the-vanishing-1988", "film/the-vanishing-1993"},
    ),
    (
        "credits",
        [f"film={DEP}"],
        lambda t: (
            {
                ("person/leonardo-dicaprio", "actor", "Billy Costigan"),
                ("person/matt-damon", "actor", "Colin Sullivan"),
                ("person/william-monahan", "author", None),
            }
            <= as_set(t, "person", "role", "character")
        ),
        True,
    ),
    (
        "claims",
        ["predicate=fkg:remakeOf"],
        lambda t: (DEP, IA, "the-departed-2006-imdb-user-review") in as_set(t, "subject", "object", "review_id"),
        True,
    ),
    ("graphs", [], lambda t: {value(r) for r in t.column("review_id")}, EXAMPLE_REVIEWS),
    (
        "opinions-about",
        ["person=person/robin-williams"],
        lambda t: as_set(t, "polarity", "review_id", "film_title"),
        {("http://www.gsi.upm.es/ontologies/marl/ns#Positive", "insomnia-2002", "Insomnia")},
    ),
]


@pytest.fixture(scope="module")
def examples_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg build examples` as a user runs it; the TriG it writes."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("examples-build")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build", "examples", "-o", str(out), "-q"],
        cwd=root,
        env={**__import__("os").environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return out / "kg.trig"


@pytest.mark.parametrize(
    ("name", "bind", "check", "expected"), EXAMPLE_CASES, ids=[f"{c[0]}{c[1]}" for c in EXAMPLE_CASES]
)
def test_answers_on_the_examples_build(
    examples_build: Path, name: str, bind: list[str], check: Check, expected: Any
) -> None:
    assert check(run_query(name, graph=examples_build, bind=bind)) == expected


def test_claims_evidence_points_at_the_words(examples_build: Path, tmp_path: Path) -> None:
    """Every claim's offsets select its anchor words in the review body."""
    rq = tmp_path / "evidence.rq"
    rq.write_text(
        "PREFIX fkg: <https://w3id.org/filmkg/ontology#>\nPREFIX schema: <https://schema.org/>\n"
        "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"
        "SELECT DISTINCT ?body ?begin ?end ?anchor WHERE { ?s a fkg:Statement ; prov:wasDerivedFrom ?r ;"
        " nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor . ?r schema:reviewBody ?body }"
    )
    table = run_query(str(rq), graph=examples_build)
    assert len(table.rows) >= 7
    for body, begin, end, anchor in rows(table, "body", "begin", "end", "anchor"):
        assert body[begin:end] == anchor
