"""Benchmark kg.lineage: time to build the DiGraph from a graph, and per-query latency.

Synthetic graphs in the contract's shape (films with names, years, countries,
directors; remake families of 1-8 films; 0-3 rated reviews per film; a
statement node per remake claim), read from a build's store (Oxigraph, the
graph in a named graph: SPARQL) and from rdflib's memory store (a plain
``Graph``: scanned predicate by predicate). With ``--compare`` the
reader as it was before (rdflib's triple API node by node, kept in
``tests/lineage_graphs.py``) is timed on the same graphs in the same run.
Writes ``bench/results/lineage.json`` and the lineage section of ``docs/benchmarks.md``.

    PYTHONPATH=. python bench/bench_lineage.py --compare  # 10^4 and 5x10^4 films (about 1.1M triples)
    PYTHONPATH=. python bench/bench_lineage.py --quick    # 10^3 films: keeps the script working in CI
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchlib  # noqa: E402

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


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` calls (the machine is shared), and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return round(best, 3), out


def _old_reader() -> Callable[[Any], Any]:
    sys.path.insert(0, str(ROOT / "tests"))
    from lineage_graphs import reference_digraph

    return reference_digraph  # type: ignore[no-any-return]


_IN_OXIGRAPH = """
import hashlib, json, sys, time
sys.path[:0] = [sys.argv[4], sys.argv[4] + "/tests"]
from kg import lineage
from kg.store import add_nquads, new_dataset
ds = new_dataset("oxigraph")
add_nquads(ds, path=sys.argv[1])

def best(fn, repeat):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return round(min(times), 3), out

found = {}
found["new"], G = best(lambda: lineage.to_digraph(ds), int(sys.argv[2]))
found["edges"] = hashlib.sha256(repr(sorted(G.edges)).encode()).hexdigest()  # small: stdout is a pipe
if sys.argv[3] == "1":
    from lineage_graphs import reference_digraph
    found["old"], _ = best(lambda: reference_digraph(ds), int(sys.argv[2]))
print(json.dumps(found))
"""


def run(n_films: int, *, compare: bool, repeat: int) -> dict[str, Any]:
    t = time.perf_counter()
    g = synthetic_graph(n_films)
    result: dict[str, Any] = {"films": n_films, "triples": len(g), "generate_s": round(time.perf_counter() - t, 2)}
    # the build's store, opened by a fresh process (as `kg lineage --graph STORE` would): Oxigraph in
    # memory, the triples in a named graph as a build keeps them
    name = iri("graph", "bench")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nq"
        with path.open("w", encoding="utf-8") as fh:
            for line in g.serialize(format="nt").splitlines():
                if line.strip():
                    fh.write(f"{line[:-2]} <{name}> .\n")
        done = benchlib.python(_IN_OXIGRAPH, str(path), str(repeat), "1" if compare else "0", str(ROOT))
    found = json.loads(done.stdout)
    result["to_digraph_oxigraph_s"] = found["new"]
    result["to_digraph_oxigraph_triples_per_s"] = round(len(g) / found["new"])
    # rdflib's memory store, in this process
    result["to_digraph_rdflib_s"], G = _timed(lambda: lineage.to_digraph(g), repeat)
    assert hashlib.sha256(repr(sorted(G.edges)).encode()).hexdigest() == found["edges"]
    if compare:
        result["old_to_digraph_oxigraph_s"] = found["old"]
        result["old_to_digraph_rdflib_s"], before = _timed(lambda: _old_reader()(g), repeat)
        assert sorted(before.edges) == sorted(G.edges)
        assert dict(before.nodes(data="reviews")) == dict(G.nodes(data="reviews"))
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


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def section(record: dict[str, Any]) -> str:
    """The lineage section of docs/benchmarks.md."""
    runs = record["runs"]
    rows = []
    for r in runs:
        lat = r["latency_us"]
        rows.append(
            [
                f"{r['films']:,}",
                f"{r['triples']:,}",
                f"**{_seconds(r['to_digraph_oxigraph_s'])}**",
                _seconds(r["to_digraph_rdflib_s"]),
                _seconds(r.get("old_to_digraph_oxigraph_s")) or "not run",
                _seconds(r.get("old_to_digraph_rdflib_s")) or "not run",
                *(
                    f"{lat[k]:.0f} µs"
                    for k in ("originals_of", "remakes_of", "family_of", "generations", "siblings", "path_between")
                ),
            ]
        )
    header = [
        "films",
        "triples",
        "DiGraph from Oxigraph (a build's store)",
        "from rdflib's memory store",
        "before: from Oxigraph",
        "before: from rdflib's store",
        "originals",
        "remakes",
        "family",
        "generations",
        "siblings",
        "path",
    ]
    big = max(runs, key=lambda r: r["triples"])
    met = big["to_digraph_oxigraph_s"] < 1.0
    m = record["machine"]
    text = [
        "### Lineage (`bench/bench_lineage.py --compare` -> `bench/results/lineage.json`)",
        "",
        f"Measured {m['date']} on {m['cores']} cores (load average {m['load_average_1min_at_start']} at the start: "
        "other work shared the machine). Times to build the DiGraph are the best of "
        f"{record['repeat']} runs of each reader, side by side (from Oxigraph in a fresh process that loaded the",
        "graph into an in-memory store, as a command reopening a build's store would); latencies are medians over",
        "500 films.",
        "",
        benchlib.table(header, rows).rstrip(),
        "",
        "On Oxigraph `to_digraph` runs nine SPARQL SELECTs in the store (films and names, remake links, the",
        "statement nodes behind them and their graphs, reviews and ratings, credits, performances, opinions,",
        "comparisons), has Oxigraph write the rows as CSV, and builds the DiGraph from them in Python; on",
        "rdflib's memory store it makes the same rows from one scan of each predicate (rdflib's own SPARQL",
        "engine is far slower).",
        "The DiGraph is the one the old reader made (tests/test_lineage.py compares them on the examples'",
        "build and on generated graphs, on both stores).",
        "",
        (
            f"Goal (well under 1 s for a million triples): **{'met' if met else 'not met'}**: "
            f"{_seconds(big['to_digraph_oxigraph_s'])} for {big['triples']:,} triples"
            + (
                f", from {_seconds(big.get('old_to_digraph_oxigraph_s'))} before"
                if big.get("old_to_digraph_oxigraph_s")
                else ""
            )
            + ". Questions answer in well under a millisecond."
        ),
        "",
        "What stands in the way: about two thirds of the time is Oxigraph evaluating the queries (about 3 µs per row for",
        "each join or DISTINCT, measured one query at a time: the films' facts, the reviews with their ratings",
        "and the statement nodes are the big ones), the rest is Python making a dict per film and an Evidence per",
        "claim; pyoxigraph holds the GIL, so the queries do not overlap on the 2 cores. From rdflib's memory store",
        "the time stays within about 20% of the old reader's, either way (its triple API is the cost; `kg` reads",
        "graph files over 8 MB into Oxigraph). The figures recorded before this change (31.5 s from rdflib's",
        "store, 59.0 s through plain oxrdflib's store at 50,000 films) came from an earlier run under another",
        "load; the side-by-side columns above are the comparison. What would remove it: build only what the",
        "questions need eagerly (films, titles,",
        "years, countries, links) and read people, reviews and evidence for one family when its page or report",
        "asks for them, which changes what the DiGraph holds.",
    ]
    return "\n".join(text) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one small size, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", help="numbers of films")
    parser.add_argument("--compare", action="store_true", help="also time the reader as it was before")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each reader (the best is kept)")
    args = parser.parse_args()
    sizes = args.sizes or ([1_000] if args.quick else [10_000, 50_000])
    record: dict[str, Any] = {
        "benchmark": "lineage",
        "quick": args.quick,
        "machine": benchlib.machine(),
        "repeat": args.repeat,
        "runs": [],
    }
    for n in sizes:
        record["runs"].append(run(n, compare=args.compare or args.quick, repeat=args.repeat))
        print(json.dumps(record["runs"][-1]), flush=True)
    if not args.quick or os.environ.get("KG_BENCH_OUT"):  # --quick never replaces the recorded figures
        benchlib.save("lineage", record, section(record))


if __name__ == "__main__":
    main()
