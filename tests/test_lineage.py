"""kg.lineage on small graphs in the contract's shape (see lineage_graphs.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lineage_graphs import add_film, add_review, desconocido, film, generated, reference_digraph, union
from rdflib import RDF, Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import URIRef

from kg import lineage
from kg.errors import KgError
from kg.link import load_catalog
from kg.pipeline import build
from kg.store import new_dataset
from kg.vocab import FKG, SCHEMA, film_iri, iri, person_iri

ORIG = film("El desconocido", 2015)
STEIG = film("Steig. Nicht. Aus!", 2018)
HARD = film("Hard Hit", 2021)
RETRI = film("Retribution", 2023)
SAMURAI = film("Seven Samurai", 1954)
MAG60 = film("The Magnificent Seven", 1960)
MAG16 = film("The Magnificent Seven", 2016)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return desconocido()


@pytest.fixture(scope="module")
def G(ds: Dataset) -> nx.DiGraph:
    return lineage.to_digraph(ds)


def titles(G: nx.DiGraph, films: list[str]) -> list[str]:
    return [f"{G.nodes[f]['title']} {G.nodes[f]['year']}" for f in films]


# --------------------------------------------------------------------------- to_digraph


def test_edges_point_from_original_to_remake(G: nx.DiGraph) -> None:
    assert set(G.edges) == {(ORIG, STEIG), (ORIG, HARD), (ORIG, RETRI), (SAMURAI, MAG60), (MAG60, MAG16)}
    assert len(G) == 9  # every schema:Movie, linked or not


def test_film_attributes(G: nx.DiGraph) -> None:
    hard = G.nodes[HARD]
    assert hard["title"] == "Hard Hit"
    assert hard["titles"] == ["Hard Hit", "Restricted Call"]
    assert hard["year"] == 2021
    assert hard["countries"] == ["South Korea"] and hard["country_codes"] == ["KR"]
    assert hard["directors"] == ["Kim Chang-ju"]
    assert hard["reviews"] == 2 and hard["review_ids"] == ["r1", "r3"]
    assert hard["rating_count"] == 2 and hard["rating_mean"] == pytest.approx(0.8)  # 6/10 and 10/10
    assert [o["text"] for o in hard["opinions"]] == ["a tight thriller"]
    orig = G.nodes[ORIG]
    assert orig["reviews"] == 0 and orig["rating_mean"] is None
    assert {
        "iri": str(person_iri("Luis Tosar")),
        "name": "Luis Tosar",
        "role": "actor",
        "character": "Carlos",
    } in orig["people"]
    assert G.graph["people"][str(person_iri("Kim Chang-ju"))] == ("Kim Chang-ju")
    assert [o["text"] for ops in G.graph["person_opinions"].values() for o in ops] == ["keeps the tension"]


def test_edge_evidence_names_the_statement_review_and_words(G: nx.DiGraph) -> None:
    [evidence] = G.edges[ORIG, HARD]["evidence"]
    assert evidence.source == "review" and evidence.review_id == "r1"
    assert evidence.statement and evidence.statement.endswith("statement/r1/1")
    assert evidence.anchor == "remake of" and evidence.confidence == pytest.approx(0.9)
    assert evidence.context is not None and "remake of the Spanish film" in evidence.context
    [catalog] = G.edges[ORIG, STEIG]["evidence"]
    assert catalog.source == "catalog" and catalog.graph and catalog.graph.endswith("graph/catalog")


def test_a_union_graph_gives_the_same_lineage(ds: Dataset, G: nx.DiGraph) -> None:
    H = lineage.to_digraph(union(ds))
    assert set(H.edges) == set(G.edges) and set(H) == set(G)
    assert H.nodes[HARD]["rating_mean"] == G.nodes[HARD]["rating_mean"]
    assert H.edges[ORIG, HARD]["evidence"][0].anchor == "remake of"


def test_films_without_type_or_year_still_become_nodes() -> None:
    g = Graph()
    g.add((film_iri("Later"), FKG.remakeOf, film_iri("Earlier")))
    G = lineage.to_digraph(g)
    assert list(G.edges) == [(film("Earlier", None), film("Later", None))]
    assert G.nodes[film("Later", None)]["year"] is None
    assert G.nodes[film("Later", None)]["title"] == "later"


# --------------------------------------------------------------------------- the same graph as before, from any store


def _by_iri(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda item: (item["iri"], repr(sorted(item.items()))))


def assert_same_lineage(new: nx.DiGraph, old: nx.DiGraph) -> None:
    """Same nodes, edges and attribute values (where the old reader kept the store's order, opinions and
    a claim kept in two graphs, the new one sorts)."""
    assert sorted(new) == sorted(old)
    assert sorted(new.edges) == sorted(old.edges)
    for node in old:
        mine, theirs = dict(new.nodes[node]), dict(old.nodes[node])
        assert _by_iri(mine.pop("opinions")) == _by_iri(theirs.pop("opinions")), node
        assert mine == theirs, node
    for u, v in old.edges:  # the old reader left one claim kept in two graphs in the store's order
        claims = old.edges[u, v]["evidence"]
        said = [e for e in claims if e.source == "review"]
        said.sort(key=lambda e: (e.review_id or "", e.begin or 0, e.statement or "", e.graph or ""))
        ordered = said + [e for e in claims if e.source != "review"]
        assert new.edges[u, v] == {"evidence": ordered}, (u, v)
    assert new.graph["people"] == old.graph["people"]
    assert new.graph["comparisons"] == old.graph["comparisons"]
    assert {p: _by_iri(o) for p, o in new.graph["person_opinions"].items()} == {
        p: _by_iri(o) for p, o in old.graph["person_opinions"].items()
    }


def _into(ds: Dataset, store: str) -> Dataset:
    """``ds`` copied, graph by graph, into a new dataset in ``store``."""
    out = new_dataset(store)
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        out.graph(name).add((s, p, o)) if name != DATASET_DEFAULT_GRAPH_ID else out.default_graph.add((s, p, o))
    return out


@pytest.fixture(scope="module")
def examples_build(examples: Path) -> Dataset:
    """The examples built with the catalog and its graph (remake links from both), in Oxigraph."""
    return build([examples], catalog=load_catalog(), with_catalog=True, store="oxigraph").dataset


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_the_examples_build_gives_the_graph_the_old_reader_gave(examples_build: Dataset, store: str) -> None:
    ds = examples_build if store == "oxigraph" else _into(examples_build, "rdflib")
    G = lineage.to_digraph(ds)
    assert G.number_of_edges() >= 5 and any(e.source == "review" for _, _, e in G.edges(data="evidence") for e in e)
    assert any(d["people"] for _, d in G.nodes(data=True)) and any(d["reviews"] for _, d in G.nodes(data=True))
    assert_same_lineage(G, reference_digraph(ds))


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_graph_gives_the_graph_the_old_reader_gave(store: str, seed: int) -> None:
    ds = _into(generated(40, seed=seed), store)
    G = lineage.to_digraph(ds)
    assert G.number_of_edges() > 20 and G.graph["comparisons"] and G.graph["person_opinions"]
    assert_same_lineage(G, reference_digraph(ds))
    one = union(ds)  # a plain Graph, as read from a Turtle file
    assert_same_lineage(lineage.to_digraph(one), reference_digraph(one))


def test_both_stores_give_the_same_graph_to_the_order_of_every_list() -> None:
    ds = generated(30, seed=4)
    G, H = (lineage.to_digraph(_into(ds, store)) for store in ("oxigraph", "rdflib"))
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(data=True)) == list(H.edges(data=True))
    assert G.graph == H.graph


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_a_store_that_keeps_the_union_in_its_default_graph_gives_the_same_graph(store: str) -> None:
    ds = _into(generated(20, seed=3), store)
    G = lineage.to_digraph(ds)
    for s, p, o, _ in list(ds.quads((None, None, None, None))):
        ds.default_graph.add((s, p, o))
    H = lineage.to_digraph(ds)
    assert_same_lineage(H, G)
    assert sum(d["reviews"] for _, d in H.nodes(data=True)) == len(set(ds.subjects(RDF.type, SCHEMA.Review)))


# --------------------------------------------------------------------------- questions


def test_originals_and_remakes_direct_and_transitive(G: nx.DiGraph) -> None:
    assert lineage.originals_of(G, MAG16) == [MAG60]
    assert lineage.originals_of(G, MAG16, transitive=True) == [SAMURAI, MAG60]
    assert lineage.remakes_of(G, ORIG) == [STEIG, HARD, RETRI]  # release order
    assert lineage.remakes_of(G, SAMURAI) == [MAG60]
    assert lineage.remakes_of(G, SAMURAI, transitive=True) == [MAG60, MAG16]
    assert lineage.originals_of(G, ORIG) == [] and lineage.remakes_of(G, RETRI) == []


def test_unknown_film_is_an_error(G: nx.DiGraph) -> None:
    with pytest.raises(KgError, match="no film"):
        lineage.remakes_of(G, "https://example.org/film/none")


def test_family_siblings_and_ordinals(G: nx.DiGraph) -> None:
    assert lineage.family_of(G, HARD) == [ORIG, STEIG, HARD, RETRI]
    assert lineage.family_of(G, film("A Film Nobody Remade", 1999)) == [film("A Film Nobody Remade", 1999)]
    assert lineage.siblings(G, HARD) == [STEIG, RETRI]
    assert lineage.siblings(G, ORIG) == []
    assert lineage.remake_ordinal(G, HARD, ORIG) == 2  # the second remake of El desconocido
    assert lineage.remake_ordinal(G, RETRI, ORIG) == 3
    assert lineage.remake_ordinal(G, MAG16, SAMURAI) is None  # a remake of a remake, not of Seven Samurai


def test_generations_follow_the_links_then_release(G: nx.DiGraph) -> None:
    assert lineage.generations(G, STEIG) == [[ORIG], [STEIG, HARD, RETRI]]
    assert lineage.generations(G, MAG60) == [[SAMURAI], [MAG60], [MAG16]]


def test_path_between_films(G: nx.DiGraph) -> None:
    assert lineage.path_between(G, STEIG, RETRI) == [STEIG, ORIG, RETRI]
    assert lineage.path_between(G, STEIG, RETRI, directed=True) == []
    assert lineage.path_between(G, SAMURAI, MAG16, directed=True) == [SAMURAI, MAG60, MAG16]
    assert lineage.path_between(G, HARD, MAG16) == []


def test_families_by_size(G: nx.DiGraph) -> None:
    families = lineage.families_by_size(G)
    assert [len(f) for f in families] == [4, 3]
    assert families[0][0] == ORIG and families[1][0] == SAMURAI
    assert [len(f) for f in lineage.families_by_size(G, min_size=1)] == [4, 3, 1, 1]
    assert [lineage.family_key(G, f) for f in families] == ["el-desconocido-2015", "seven-samurai-1954"]


def test_people_across_versions(G: nx.DiGraph) -> None:
    family = lineage.family_of(G, MAG16)
    shared = lineage.people_across(G, family, min_films=2)
    assert list(shared) == [str(person_iri("Eli Wallach"))]
    [credits] = shared.values()
    assert [(c["film"], c["role"], c["character"]) for c in credits] == [
        (MAG60, "actor", "Calvera"),
        (MAG16, "actor", "Calvera"),
    ]
    everyone = lineage.people_across(G, lineage.family_of(G, ORIG))
    assert sorted(c[0]["name"] for c in everyone.values()) == [
        "Christian Alvart",
        "Dani de la Torre",
        "Kim Chang-ju",
        "Liam Neeson",
        "Luis Tosar",
        "Nimród Antal",
    ]


def test_find_films_by_any_title_and_year(G: nx.DiGraph) -> None:
    assert lineage.find_films(G, "restricted call") == [HARD]
    assert lineage.find_films(G, "Retribution") == [film("Retribution", 2006), RETRI]
    assert lineage.find_films(G, "Retribution", year=2023) == [RETRI]
    assert lineage.find_films(G, "Magnificent Seven") == [MAG60, MAG16]  # leading article folded
    assert lineage.find_films(G, "Nope") == []


# --------------------------------------------------------------------------- data problems


def _chain(*films: tuple[str, int | None]) -> Dataset:
    """films[i+1] is claimed, by review r<i>, to be a remake of films[i]."""
    ds = Dataset()
    cat = ds.graph(iri("graph", "catalog"))
    nodes = [add_film(cat, title, year) for title, year in films]
    for i, (a, b) in enumerate(zip(nodes, nodes[1:], strict=False)):
        add_review(ds, f"r{i}", b, "This one is a remake of that one.", remake_of=a)
    return ds


def test_no_problems_in_a_clean_graph(G: nx.DiGraph) -> None:
    assert lineage.find_problems(G) == []


def test_cycle_is_reported_with_its_claims() -> None:
    ds = _chain(("Alpha", 2001), ("Beta", 2003), ("Alpha", 2001))
    G = lineage.to_digraph(ds)
    problem, dates = lineage.find_problems(G)
    assert (problem.kind, dates.kind) == (
        "cycle",
        "impossible-date",
    )  # Alpha (2001) cannot remake Beta (2003)
    assert set(problem.films) == {film("Alpha", 2001), film("Beta", 2003)}
    assert sorted(c.rsplit("/", 2)[-2] for c in problem.claims) == ["r0", "r1"]
    assert "Alpha (2001)" in problem.message and "Beta (2003)" in problem.message
    # the rest of the API still answers
    assert sorted(lineage.generations(G, film("Alpha", 2001))[0]) == [film("Alpha", 2001), film("Beta", 2003)]
    assert "problem (cycle)" in lineage.serialize_family(G, film("Beta", 2003))


def test_self_remake_is_a_cycle() -> None:
    g = Graph().add((film_iri("Loop", 2000), FKG.remakeOf, film_iri("Loop", 2000)))
    assert [p.kind for p in lineage.find_problems(lineage.to_digraph(g))] == ["cycle"]


def test_remake_older_than_its_original_is_reported() -> None:
    ds = _chain(("Newer Original", 2015), ("Older Remake", 2010), ("Unknown Year", None))
    G = lineage.to_digraph(ds)
    [problem] = lineage.find_problems(G)
    assert problem.kind == "impossible-date"
    assert problem.films == (film("Newer Original", 2015), film("Older Remake", 2010))
    assert [c.rsplit("/", 2)[-2] for c in problem.claims] == ["r0"]
    assert problem.evidence[0].anchor == "remake of"


def test_missing_years_sort_last_within_a_generation() -> None:
    ds = Dataset()
    cat = ds.graph(iri("graph", "catalog"))
    orig = add_film(cat, "Root", 1990)
    for title, year in [("Zeta", 2001), ("Undated", None), ("Alpha", 2005)]:
        cat.add((add_film(cat, title, year), FKG.remakeOf, orig))
    G = lineage.to_digraph(ds)
    assert titles(G, lineage.generations(G, str(orig))[1]) == ["Zeta 2001", "Alpha 2005", "Undated None"]
    assert lineage.find_problems(G) == []


# --------------------------------------------------------------------------- reports


def test_text_report_is_a_tree_by_generation(ds: Dataset) -> None:
    assert lineage.lineage_report(ds, "El desconocido") == "\n".join(
        [
            "Remake family of El desconocido: 4 films, 2015-2023, 4 countries",
            "El desconocido (2015) · Spain · original",
            "├── Steig. Nicht. Aus! (2018) · Germany · 1st remake of El desconocido",
            "├── Hard Hit (2021) · South Korea · 2nd remake of El desconocido",
            "└── Retribution (2023) · United States · 3rd remake of El desconocido",
        ]
    )
    chain = lineage.lineage_report(ds, "The Magnificent Seven", year=2016).splitlines()
    assert chain[1:] == [
        "Seven Samurai (1954) · Japan · original",
        "└── The Magnificent Seven (1960) · United States · 1st remake of Seven Samurai",
        "    └── The Magnificent Seven (2016) · United States · 1st remake of The Magnificent Seven",
    ]


def test_json_report(ds: Dataset) -> None:
    report = json.loads(lineage.lineage_report(ds, "Hard Hit", format="json"))
    assert report["family"] == "el-desconocido-2015" and report["size"] == 4
    assert report["years"] == [2015, 2023]
    assert report["generations"] == [[ORIG], [STEIG, HARD, RETRI]]
    hard = next(f for f in report["films"] if f["iri"] == HARD)
    assert hard["ordinals"] == {ORIG: 2} and hard["generation"] == 1 and hard["rating_count"] == 2
    link = next(x for x in report["links"] if x["remake"] == HARD)
    assert link["evidence"][0]["review_id"] == "r1"


def test_report_errors_name_the_choices(ds: Dataset) -> None:
    with pytest.raises(KgError, match="no film titled 'Nope'"):
        lineage.lineage_report(ds, "Nope")
    with pytest.raises(KgError, match=r"Retribution \(2006\).*Retribution \(2023\).*--year"):
        lineage.lineage_report(ds, "Retribution")
    with pytest.raises(KgError, match="unknown format"):
        lineage.lineage_report(ds, "Hard Hit", format="yaml")


# --------------------------------------------------------------------------- properties


@st.composite
def remake_graphs(draw: st.DrawFn) -> tuple[Graph, list[URIRef]]:
    """Random remake forests in the contract's shape: film i may remake films before it, never older ones."""
    n = draw(st.integers(2, 9))
    years = sorted(draw(st.lists(st.integers(1920, 2024), min_size=n, max_size=n)))
    known = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    g = Graph()
    films = [add_film(g, f"Film {i}", years[i] if known[i] else None) for i in range(n)]
    for i in range(1, n):
        for j in draw(st.sets(st.integers(0, i - 1), max_size=2)):
            g.add((films[i], FKG.remakeOf, films[j]))
    return g, films


@settings(max_examples=60, deadline=None)
@given(remake_graphs())
def test_generations_respect_release_order(case: tuple[Graph, list[URIRef]]) -> None:
    g, films = case
    G = lineage.to_digraph(g)
    for start in map(str, films):
        gens = lineage.generations(G, start)
        flat = [f for layer in gens for f in layer]
        assert sorted(flat) == sorted(lineage.family_of(G, start))  # every film once
        where = {f: i for i, layer in enumerate(gens) for f in layer}
        for original, remake in G.subgraph(flat).edges:
            assert where[original] < where[remake]  # a remake never comes before its original
        for layer in gens:  # release order inside a generation, unknown years last
            years = [G.nodes[f]["year"] for f in layer]
            known = [y for y in years if y is not None]
            assert known == sorted(known) and years == known + [None] * (len(years) - len(known))
        for original in flat:  # "the n-th remake of": ordinals count up with release
            remakes = lineage.remakes_of(G, original)
            assert [lineage.remake_ordinal(G, r, original) for r in remakes] == list(range(1, len(remakes) + 1))
            dated = [G.nodes[r]["year"] for r in remakes if G.nodes[r]["year"] is not None]
            assert dated == sorted(dated)
    assert [p for p in lineage.find_problems(G) if p.kind == "impossible-date"] == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), min_size=1, max_size=12))
def test_any_links_even_cyclic_give_a_partition_into_generations(pairs: list[tuple[int, int]]) -> None:
    g = Graph()
    for a, b in pairs:
        g.add((film_iri(f"F{a}", 2000 + a), FKG.remakeOf, film_iri(f"F{b}", 2000 + b)))
    G = lineage.to_digraph(g)
    cyclic = {f for p in lineage.find_problems(G) if p.kind == "cycle" for f in p.films}
    assert bool(cyclic) == (not nx.is_directed_acyclic_graph(G))
    for start in G:
        gens = lineage.generations(G, start)
        where = {f: i for i, layer in enumerate(gens) for f in layer}
        assert len(where) == sum(map(len, gens)) == len(lineage.family_of(G, start))
        for u, v in G.subgraph(where).edges:
            assert where[u] <= where[v]
            if not nx.has_path(G, v, u):  # not on a cycle together: strictly later
                assert where[u] < where[v]
