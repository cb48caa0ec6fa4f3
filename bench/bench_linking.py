"""Measure linking (issue 4): remake links of the 2,635 aclImdb reviews, dev-gold remakes F1, catalog load time.

Usage::

    PYTHONPATH=. python bench/bench_linking.py [DATA_DIR] [-o bench/results/linking.json]

1. Builds every review of ``aclimdb_remake_reviews/reviews.jsonl`` with the built-in
   catalog (extract -> resolve -> link -> emit, one named graph per review). Then, for the
   reviews whose film has ``ground_truth_relations`` and whose text speaks of a remake or an
   original (``mentions_remake``/``mentions_original``): the share whose review graph links
   the reviewed film by ``fkg:remakeOf`` (either direction) to a film of the ground truth
   (matched by IMDb id, or by folded title and year), and the precision of the remake links
   the review graphs draw for them (edges touching the reviewed film, judged against the
   ground truth with their direction; edges between two other films are counted apart).
   ``ground_truth_relations``, ``mentions_remake`` and ``mentions_original`` are read here
   only, to measure; the build never sees them.
2. Checks that no two film nodes of the union graph share a Wikidata or IMDb id.
3. Scores the 60 dev-gold reviews with ``kg.evaluate.score``, with and without the catalog.
4. Times loading the built-in catalog in a fresh process (cold, median of 5; from its
   pre-built index, as ``kg`` does, and from the N-Triples graph for comparison), and
   ``kg build`` of the bundled examples with and without it (fresh process, median of 3).

Caveat: the ground truth of (1) comes from the same remake lists the catalog is built from,
so (1) measures whether linking finds the right catalog film and the review's cue, not
whether the lists are right; the dev gold (3) is read by a person and is the honest test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Dataset, URIRef  # noqa: E402
from rdflib.namespace import OWL, RDF  # noqa: E402

from kg.emit import emit_into  # noqa: E402
from kg.evaluate import read_gold, score  # noqa: E402
from kg.extract import extract  # noqa: E402
from kg.link import Catalog, link, load_catalog, resolve  # noqa: E402
from kg.model import Review  # noqa: E402
from kg.store import union  # noqa: E402
from kg.vocab import FKG, SCHEMA, fold_title, review_iri  # noqa: E402

_GT = re.compile(r"(remake_of|remade_as):(tt\d+):(.*) \((\d{4})\)$")


def review_of(row: dict[str, object]) -> Review:
    """The review as a JSONL reader gives it (no answer fields)."""
    year = str(row.get("film_year") or "")
    return Review(
        id=str(row["review_id"]),
        text=str(row["text"]),
        source="aclimdb_remake_reviews/reviews.jsonl",
        film_title=str(row.get("film_title") or "") or None,
        film_year=int(year) if year.isdigit() else None,
        rating=str(row.get("rating")) if row.get("rating") is not None else None,
        rating_best="10",
        imdb_id=str(row.get("imdb_id") or "") or None,
    )


def build_all(reviews: list[Review], catalog: Catalog | None) -> Dataset:
    ds = Dataset(default_union=True)
    for rv in reviews:
        x = resolve(extract(rv), catalog)
        emit_into(ds, x, link(x, catalog))
    return ds


def film_ids(g: object, node: object) -> tuple[set[str], set[tuple[str, int | None]]]:
    ids, names = set(), set()
    for o in g.objects(node, SCHEMA.sameAs):  # type: ignore[attr-defined]
        m = re.search(r"(tt\d+)", str(o))
        if m:
            ids.add(m.group(1))
    years = [int(str(y)[:4]) for y in g.objects(node, SCHEMA.datePublished)]  # type: ignore[attr-defined]
    for pred in (SCHEMA.name, SCHEMA.alternateName):
        for n in g.objects(node, pred):  # type: ignore[attr-defined]
            names.update((fold_title(str(n)), y) for y in (years or [None]))
    return ids, names


def measure_remakes(rows: list[dict[str, object]], ds: Dataset) -> dict[str, object]:
    selected = [r for r in rows if r["ground_truth_relations"] and (r["mentions_remake"] or r["mentions_original"])]
    found = judged = correct = other_edges = 0
    for r in selected:
        truth = []
        for part in str(r["ground_truth_relations"]).split("|"):
            m = _GT.match(part.strip())
            if m:
                truth.append((m.group(1), m.group(2), fold_title(m.group(3)), int(m.group(4))))
        g = ds.graph(URIRef(str(review_iri(str(r["review_id"])).replace("/review/", "/graph/", 1))))
        reviewed = next(g.objects(review_iri(str(r["review_id"])), SCHEMA.itemReviewed), None)
        hit = False
        for s, o in g.subject_objects(FKG.remakeOf):
            if reviewed not in (s, o):
                other_edges += 1
                continue
            judged += 1
            other, kind = (o, "remake_of") if s == reviewed else (s, "remade_as")
            ids, names = film_ids(g, other)
            ok = any(k == kind and (tt in ids or (t, y) in names) for k, tt, t, y in truth)
            correct += ok
            hit = hit or ok
        found += hit
    return {
        "reviews": len(selected),
        "linked_to_right_film": found,
        "share": round(found / len(selected), 4) if selected else 0.0,
        "edges_judged": judged,
        "edges_correct": correct,
        "precision": round(correct / judged, 4) if judged else 0.0,
        "edges_between_other_films": other_edges,
    }


def shared_ids(g: object) -> dict[str, list[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for film in set(g.subjects(RDF.type, SCHEMA.Movie)):  # type: ignore[attr-defined]
        for o in g.objects(film, OWL.sameAs):  # type: ignore[attr-defined]
            owners[str(o)].add(str(film))
        for o in g.objects(film, SCHEMA.sameAs):  # type: ignore[attr-defined]
            owners[str(o)].add(str(film))
    return {k: sorted(v) for k, v in owners.items() if len(v) > 1}


def cold_load_seconds(runs: int = 5) -> dict[str, float]:
    code = (
        "import time; t=time.perf_counter(); from kg.link import load_catalog, read_builtin; "
        "t1=time.perf_counter(); load_catalog(); t2=time.perf_counter(); read_builtin(index=False); "
        "t3=time.perf_counter(); print(t1-t, t2-t1, t3-t2)"
    )
    imports, loads, graphs = [], [], []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        a, b, c = out.stdout.split()
        imports.append(float(a))
        loads.append(float(b))
        graphs.append(float(c))
    return {
        "import_s": round(statistics.median(imports), 3),
        "load_s": round(statistics.median(loads), 3),  # the built-in catalog from its pre-built index
        "load_from_graph_s": round(statistics.median(graphs), 3),  # the same, parsed from the N-Triples
    }


def small_build_seconds(runs: int = 3) -> dict[str, float]:
    """Wall time of `kg build` of the bundled examples in a fresh process, with and without the catalog."""

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out: dict[str, float] = {}
    for name, extra in (("with_builtin_catalog_s", []), ("without_catalog_s", ["--no-builtin"])):
        times = []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                t = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "kg", "build", str(ROOT / "examples"), "-o", tmp, "-q", *extra],
                    env=env,
                    check=True,
                    capture_output=True,
                )
                times.append(time.perf_counter() - t)
        out[name] = round(statistics.median(times), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data", nargs="?", default=os.environ.get("KG_SHARED_DATA") or str(ROOT.parent / "shared" / "data")
    )
    parser.add_argument("-o", "--output", default=str(ROOT / "bench" / "results" / "linking.json"))
    parser.add_argument("--quick", action="store_true", help="200 reviews, one load: keeps the script working")
    args = parser.parse_args(argv)
    data = Path(args.data)
    rows = [json.loads(line) for line in open(data / "aclimdb_remake_reviews" / "reviews.jsonl", encoding="utf-8")]
    if args.quick:  # a check that the script runs, not a measurement: never over the recorded results
        rows = rows[:200]
        args.output = str(Path(os.environ.get("KG_BENCH_OUT", tempfile.gettempdir())) / "linking-quick.json")
    reviews = [review_of(r) for r in rows]
    result: dict[str, object] = {"reviews": len(reviews)}

    result["catalog_load"] = cold_load_seconds(1 if args.quick else 5)
    if (ROOT / "examples").is_dir() and not args.quick:
        result["kg_build_examples"] = small_build_seconds()
    t = time.perf_counter()
    catalog = load_catalog()
    result["catalog_load"]["warm_in_process_s"] = round(time.perf_counter() - t, 3)  # type: ignore[index]
    result["catalog_size"] = {
        "films": len(catalog.films),
        "people": len(catalog.people),
        "remake_links": sum(len(v) for v in catalog.original_map.values()),
    }
    t = time.perf_counter()
    build_all(reviews[:100], None)
    result["build_100_reviews_no_catalog_s"] = round(time.perf_counter() - t, 3)

    t = time.perf_counter()
    ds = build_all(reviews, catalog)
    result["build_all_with_catalog_s"] = round(time.perf_counter() - t, 2)
    result["remake_links"] = measure_remakes(rows, ds)
    g = union(ds)
    dup = shared_ids(g)
    result["film_nodes"] = len(set(g.subjects(RDF.type, SCHEMA.Movie)))
    result["linked_film_nodes"] = len(
        {s for s in g.subjects(OWL.sameAs, None)} & set(g.subjects(RDF.type, SCHEMA.Movie))
    )
    result["unlinked_film_nodes"] = len(set(g.subjects(RDF.type, FKG.UnlinkedFilm)))
    result["ids_shared_by_two_film_nodes"] = len(dup)
    result["ids_shared_examples"] = dict(list(dup.items())[:5])
    del g, ds

    gold = read_gold(data / "gold" / "aclimdb-dev.jsonl")
    wanted = {r["review"] for r in gold}
    dev = [rv for rv in reviews if rv.id in wanted]
    for name, cat in (("with_catalog", catalog), ("without_catalog", None)):
        s = score(gold, union(build_all(dev, cat)))
        result[f"dev_{name}"] = {k: s[k] for k in ("films", "remakes", "remakes_dated") if k in s}
    result["python"] = sys.version.split()[0]
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
