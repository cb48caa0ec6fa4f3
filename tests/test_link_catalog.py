"""The built-in catalog: its build from the shared remake lists, its content, and one node per film."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.namespace import OWL, RDF

from kg.emit import emit_into
from kg.errors import CatalogError
from kg.extract import extract
from kg.link import catalog as catalog_module
from kg.link import known_remakes, link, load_catalog, read_builtin, resolve
from kg.model import Review
from kg.store import union
from kg.vocab import SCHEMA, fold

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "kg" / "data" / "catalog.nt.gz"
INDEX = ROOT / "kg" / "data" / "catalog.idx.json.gz"


@pytest.fixture(scope="module")
def builtin():  # type: ignore[no-untyped-def]
    return read_builtin()


def test_the_build_script_rebuilds_the_shipped_catalog_byte_for_byte(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog.nt.gz"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_catalog.py"), str(shared_data), "-o", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    stats = json.loads(run.stderr.strip().splitlines()[-1])
    assert stats["films"] > 1900 and stats["remake_links"] > 1000 and stats["people"] > 4000
    assert out.read_bytes() == SHIPPED.read_bytes(), "kg/data/catalog.nt.gz is stale: run scripts/build_catalog.py"
    assert (tmp_path / "catalog.idx.json.gz").read_bytes() == INDEX.read_bytes(), (
        "kg/data/catalog.idx.json.gz is stale: run scripts/build_catalog.py"
    )


def test_the_index_holds_what_the_graph_holds(builtin) -> None:  # type: ignore[no-untyped-def]
    graph = read_builtin(index=False)
    assert list(builtin.films.items()) == list(graph.films.items())
    assert list(builtin.people.items()) == list(graph.people.items())
    for table in ("credit_map", "original_map", "remake_map", "languages", "_titles"):
        mine = {k: v for k, v in getattr(builtin, table).items() if v}
        theirs = {k: v for k, v in getattr(graph, table).items() if v}
        assert mine == theirs, table
    assert builtin.sources == graph.sources and builtin.country_names == graph.country_names
    for title, year in (("Retribution", 2015), ("Psycho", None), ("Nueve reinas", 2000), ("Restricted Cal", 2021)):
        assert builtin.candidates(title, year=year) == graph.candidates(title, year=year)
    assert builtin.person_candidates("Gus Van Sant") == graph.person_candidates("gus van sant") != []


def test_an_index_not_made_from_the_shipped_graph_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "_builtin_gz", lambda: gzip.compress(b"<a> <b> <c> .\n", mtime=0))
    assert catalog_module._builtin_index() is None
    with pytest.raises(CatalogError, match="not a catalog index"):
        catalog_module.load_index(b"not gzip at all")


def test_no_film_is_named_after_a_person_it_credits(builtin) -> None:  # type: ignore[no-untyped-def]
    # a scrape that takes the director's cell for the title makes films called after people
    for key, film in builtin.films.items():
        credited = {fold(p.name) for _, pk in builtin.credits(key) if (p := builtin.entity(pk)) is not None}
        assert not {fold(n) for n in (film.name, *film.names)} & credited, (key, film.name)
        assert not re.search(r"\[[a-z]{2,3}\]$", film.name), film.name  # "[de]": a link to another wiki
    flanders = [c.entity for c in builtin.candidates("A Dog of Flanders")]
    assert sorted(e.year for e in flanders if e.year) == [1959, 1999]
    assert builtin.originals(next(e.key for e in flanders if e.year == 1999)) == (
        next(e.key for e in flanders if e.year == 1959),
    )


def test_the_english_and_the_original_title_name_one_film(builtin) -> None:  # type: ignore[no-untyped-def]
    # OMDb gives the English title, Wikipedia the original one: the same film of the same remake pair
    nine = builtin.candidates("Nine Queens", year=2000)
    assert nine and nine[0].entity.key == builtin.candidates("Nueve reinas", year=2000)[0].entity.key
    assert builtin.candidates("Jûsan-nin no shikaku", year=1963)[0].entity.name == "13 Assassins"


def test_catalog_holds_facts_only_with_its_sources_in_the_metadata() -> None:
    lines = gzip.decompress(SHIPPED.read_bytes()).decode("utf-8").splitlines()
    predicates = {line.split(" ", 2)[1] for line in lines}
    allowed = {
        f"<{RDF.type}>",
        f"<{OWL.sameAs}>",
        *(f"<{SCHEMA}{p}>" for p in ("name", "alternateName", "datePublished", "countryOfOrigin", "inLanguage")),
        *(f"<{SCHEMA}{p}>" for p in ("director", "actor", "sameAs")),
        "<https://w3id.org/filmkg/ontology#remakeOf>",
        *(f"<http://purl.org/dc/terms/{p}>" for p in ("source", "title", "description", "license")),
        "<http://www.w3.org/ns/prov#wasDerivedFrom>",
        "<http://www.w3.org/ns/prov#wasGeneratedBy>",
    }
    assert predicates <= allowed, predicates - allowed
    sources = [
        line
        for line in lines
        if line.startswith("<https://w3id.org/filmkg/id/graph/catalog> <http://www.w3.org/ns/prov#wasDerivedFrom>")
    ]
    assert len(sources) == 4
    for repo in (
        "epfl-ada/ada-2024-project-madayam",
        "andreaeverett/movie-remakes",
        "kasiewong/movie_remakes",
    ):
        assert any(repo in line for line in lines)


def test_builtin_knows_remake_families_and_ids(builtin) -> None:  # type: ignore[no-untyped-def]
    psycho98 = builtin.entity("tt0155975")
    assert psycho98 is not None and (psycho98.name, psycho98.year, psycho98.wikidata) == (
        "Psycho",
        1998,
        "Q979196",
    )
    original = builtin.entity("Q163038")
    assert original is not None and original.year == 1960 and original.imdb == "tt0054215"
    assert builtin.originals(psycho98.key) == (original.key,)
    assert [(r.key, o.key) for r, o in known_remakes(builtin, [psycho98.key, original.key])] == [
        (psycho98.key, original.key)
    ]
    twelve = builtin.entity("Q2345")
    assert twelve is not None and twelve.name == "12 Angry Men" and "US" in twelve.countries
    assert builtin.entity("Q386042").key in builtin.remakes(twelve.key)  # type: ignore[union-attr]
    assert ("director", "gus-van-sant") in builtin.credits(psycho98.key)


def test_a_wrong_id_in_one_list_does_not_merge_two_films(builtin) -> None:  # type: ignore[no-untyped-def]
    # one list gives Retribution (2023) the Wikidata id of Hard Hit (2021): they stay two films
    hard_hit = builtin.entity("Q106882211")
    assert hard_hit is not None and (hard_hit.name, hard_hit.year) == ("Hard Hit", 2021)
    retribution = [c.entity for c in builtin.candidates("Retribution")]
    assert {e.year for e in retribution} >= {2015, 2023}
    assert next(e for e in retribution if e.year == 2023).wikidata is None


def test_no_two_catalog_films_share_an_id(builtin) -> None:  # type: ignore[no-untyped-def]
    owners: dict[str, list[str]] = defaultdict(list)
    for key, e in builtin.films.items():
        for ident in (e.wikidata, e.imdb):
            if ident:
                owners[ident].append(key)
    assert not {i: k for i, k in owners.items() if len(k) > 1}


def test_same_film_from_many_reviews_is_one_node(shared_data: Path) -> None:
    catalog = load_catalog()
    ds = Dataset(default_union=True)
    with open(shared_data / "aclimdb_remake_reviews" / "reviews.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            year = str(row.get("film_year") or "")
            review = Review(
                id=row["review_id"],
                text=row["text"],
                film_title=row.get("film_title") or None,
                film_year=int(year) if year.isdigit() else None,
                imdb_id=row.get("imdb_id") or None,
            )
            x = resolve(extract(review), catalog)
            emit_into(ds, x, link(x, catalog))
    g = union(ds)
    owners: dict[str, set[str]] = defaultdict(set)
    films = set(g.subjects(RDF.type, SCHEMA.Movie))
    for film in films:
        for pred in (OWL.sameAs, SCHEMA.sameAs):
            for o in g.objects(film, pred):
                owners[re.sub(r"/$", "", str(o))].add(str(film))
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared, list(shared.items())[:5]
    assert sum(1 for k in owners if "wikidata" in k) > 100  # films are linked, not merely kept apart


def test_kg_build_with_a_users_catalog(tmp_path: Path) -> None:
    pytest.importorskip("kg.reviews")
    from kg.cli import main
    from kg.store import read_graph

    review = tmp_path / "review.txt"
    review.write_text("film_title: Our Club Film\nfilm_year: 2019\n---\nA small film we all liked.\n", "utf-8")
    mine = tmp_path / "mine.ttl"
    mine.write_text(
        "@prefix schema: <https://schema.org/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        '<http://example.org/f/1> a schema:Movie ; schema:name "Our Club Film" ; schema:datePublished "2019" ;\n'
        "    owl:sameAs <http://www.wikidata.org/entity/Q4115189> .\n",
        "utf-8",
    )
    main(["build", str(review), "-o", str(tmp_path / "out"), "--catalog", str(mine), "--no-builtin", "-q"])
    g = union(read_graph(tmp_path / "out" / "kg.trig"))
    film = next(iter(g.subjects(RDF.type, SCHEMA.Movie)))
    assert str(film).endswith("/film/our-club-film-2019")
    assert str(next(g.objects(film, OWL.sameAs))) == "http://www.wikidata.org/entity/Q4115189"
