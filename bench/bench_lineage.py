"""Benchmark kg.lineage: time to build the DiGraph from an rdflib graph, and per-query latency.

Synthetic graphs in the contract's shape (films with names, years, countries,
directors; remake families of 1-8 films; 0-3 rated reviews per film; a
statement node per remake claim). Writes ``bench/results/lineage.json``.

    PYTHONPATH=. python bench/bench_lineage.py            # 10^4 and 10^5 films (about 1.3M triples)
    PYTHONPATH=. python bench/bench_lineage.py --quick    # 10^3 films: keeps the script working in CI
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import lineage  # noqa: E402
from kg.vocab import FKG, NIF, PROV, SCHEMA, country_iri, film_iri, iri, person_iri  # noqa: E402

COUNTRIES = ["ES", "DE", "KR", "US", "JP", "FR", "IT", "IN", "GB", "MX"]


def synthetic_graph(n_films: int, *, seed: int = 1, family_sizes: tuple[int, int] = (1, 8)) -> Graph:
    """A graph of ``n_films`` films in remake families, in the contract's shape (union of review graphs)."""
    rng = random.Random(seed)
    g = Graph()
    add = g.add
    for code in COUNTRIES:
        add((country_iri(code), RDF.type, SCHEMA.Country))
        add((country_iri(code), SCHEMA.name, Literal(f"Country {code}")))
    made, fam = 0, 0
    while made < n_films:
        size = min(rng.randint(*family_sizes), n_films - made)
        year = rng.randint(1920, 2000)
        films: list[URIRef] = []
        for i in range(size):
            title = f"Film {fam} v{i}"
            year += rng.randint(0, 12)
            film = film_iri(title, year)
            add((film, RDF.type, SCHEMA.Movie))
            add((film, SCHEMA.name, Literal(title)))
            add((film, SCHEMA.datePublished, Literal(str(year), datatype=XSD.gYear)))
            add((film, SCHEMA.countryOfOrigin, country_iri(rng.choice(COUNTRIES))))
            person = person_iri(f"Director {fam} {i}")
            add((film, SCHEMA.director, person))
            add((person, RDF.type, SCHEMA.Person))
            add((person, SCHEMA.name, Literal(f"Director {fam} {i}")))
            for r in range(rng.randint(0, 3)):
                rid = f"f{fam}-{i}-{r}"
                review, rating = iri("review", rid), URIRef(f"{iri('review', rid)}#rating")
                add((review, RDF.type, SCHEMA.Review))
                add((review, SCHEMA.identifier, Literal(rid)))
                add((review, SCHEMA.itemReviewed, film))
                add((review, SCHEMA.reviewRating, rating))
                add((rating, SCHEMA.ratingValue, Literal(rng.randint(1, 10))))
                add((rating, SCHEMA.bestRating, Literal(10)))
            if films:
                original = films[rng.randrange(len(films))]
                add((film, FKG.remakeOf, original))
                st = iri("statement", f"f{fam}-{i}/1")
                add((st, RDF.type, FKG.Statement))
                add((st, RDF.subject, film))
                add((st, RDF.predicate, FKG.remakeOf))
                add((st, RDF.object, original))
                add((st, PROV.wasDerivedFrom, iri("review", f"f{fam}-{i}-0")))
                add((st, NIF.anchorOf, Literal("remake of")))
                add((st, FKG.confidence, Literal(0.9)))
            films.append(film)
        made += size
        fam += 1
    return g


def _latency(fn: Callable[[str], Any], films: list[str], repeat: int) -> float:
    """Median microseconds per call over ``films`` (cycled ``repeat`` times)."""
    times = []
    for f in (films * repeat)[: max(len(films), 1) * repeat]:
        t = time.perf_counter()
        fn(f)
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1e6, 1)


def run(n_films: int, *, oxigraph: bool) -> dict[str, Any]:
    t = time.perf_counter()
    g = synthetic_graph(n_films)
    made = time.perf_counter() - t
    result: dict[str, Any] = {"films": n_films, "triples": len(g), "generate_s": round(made, 2)}
    t = time.perf_counter()
    G = lineage.to_digraph(g)
    result["to_digraph_s"] = round(time.perf_counter() - t, 3)
    result["to_digraph_triples_per_s"] = round(len(g) / result["to_digraph_s"])
    if oxigraph:
        ds = Dataset(store="Oxigraph")
        ds.addN((s, p, o, ds.default_graph) for s, p, o in g)
        t = time.perf_counter()
        H = lineage.to_digraph(ds)
        result["to_digraph_oxigraph_s"] = round(time.perf_counter() - t, 3)
        assert set(H.edges) == set(G.edges)
    rng = random.Random(2)
    sample = rng.sample(sorted(G), min(500, len(G)))
    linked = [f for f in sample if G.degree(f)] or sample
    other = rng.sample(linked, len(linked))
    pairs = dict(zip(linked, other, strict=True))
    result["latency_us"] = {
        "originals_of": _latency(lambda f: lineage.originals_of(G, f, transitive=True), linked, 3),
        "remakes_of": _latency(lambda f: lineage.remakes_of(G, f, transitive=True), linked, 3),
        "family_of": _latency(lambda f: lineage.family_of(G, f), linked, 3),
        "generations": _latency(lambda f: lineage.generations(G, f), linked, 3),
        "siblings": _latency(lambda f: lineage.siblings(G, f), linked, 3),
        "path_between": _latency(lambda f: lineage.path_between(G, f, pairs[f]), linked, 3),
    }
    t = time.perf_counter()
    families = lineage.families_by_size(G)
    result["families"] = len(families)
    result["families_by_size_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    lineage.find_problems(G)
    result["find_problems_s"] = round(time.perf_counter() - t, 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one small size, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", help="numbers of films")
    parser.add_argument("--oxigraph", action="store_true", help="also read through rdflib's Oxigraph store")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "lineage.json"))
    args = parser.parse_args()
    sizes = args.sizes or ([1_000] if args.quick else [10_000, 100_000])
    runs = []
    for n in sizes:
        runs.append(run(n, oxigraph=args.oxigraph))
        print(json.dumps(runs[-1]), flush=True)
    record = {
        "benchmark": "lineage",
        "quick": args.quick,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "runs": runs,
    }
    if not args.quick:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
