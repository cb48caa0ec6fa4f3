"""Export: Turtle (and TriG, N-Triples) of about a million triples, filmkg's writer against rdflib's serializer.

The graph is what `kg build` makes of generated reviews (``bench/synth.py``).
Side by side in one run, on the same graph:

- rdflib's ``Graph.serialize(format="turtle")`` (rdflib's memory store);
- ``kg.store.write_graphs`` from the Oxigraph store (the default of `kg build`)
  and from rdflib's memory store (sorted, deterministic);
- Oxigraph's own Turtle serializer (``Store.dump``: unsorted, not
  deterministic across stores, the speed floor).

The goal: filmkg's Turtle at least 10 times faster than rdflib's, same graph.

    python bench/bench_export.py            # ~1,000,000 triples (a few minutes)
    python bench/bench_export.py --quick    # ~20,000 triples, for CI
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib  # noqa: E402
import synth  # noqa: E402

MEASURE = r"""
import json, sys, time
import pyoxigraph as ox
from rdflib import Dataset, Graph
from kg.store import read_graph, write_graphs
nq, out = sys.argv[1], sys.argv[2]
res = {}
t = time.perf_counter(); ds = read_graph(nq, store="oxigraph"); res["oxigraph_load_s"] = time.perf_counter() - t
store = ds.store._inner
warm = Graph(); warm.parse(data="<http://x/s> <http://x/p> 'o' .", format="turtle"); write_graphs(warm, {"ttl": f"{out}/warm.ttl"})
for fmt in ("ttl", "trig", "nt"):
    t = time.perf_counter(); write_graphs(ds, {fmt: f"{out}/kg-ox.{fmt}"}); res[f"kg_{fmt}_from_oxigraph_s"] = time.perf_counter() - t
t = time.perf_counter(); write_graphs(ds, {"ttl": f"{out}/all.ttl", "trig": f"{out}/all.trig"})
res["kg_ttl_and_trig_one_pass_s"] = time.perf_counter() - t
t = time.perf_counter(); store.dump(f"{out}/ox-own.trig", ox.RdfFormat.TRIG)
res["oxigraph_own_trig_dump_s"] = time.perf_counter() - t
t = time.perf_counter(); g = Graph().parse(f"{out}/kg-ox.nt", format="nt"); res["rdflib_parse_nt_s"] = time.perf_counter() - t
res["triples"] = len(g)
t = time.perf_counter(); g.serialize(f"{out}/rdflib.ttl", format="turtle"); res["rdflib_ttl_s"] = time.perf_counter() - t
t = time.perf_counter(); write_graphs(g, {"ttl": f"{out}/kg-rdflib.ttl"}); res["kg_ttl_from_rdflib_store_s"] = time.perf_counter() - t
res["same_bytes_from_both_stores"] = open(f"{out}/kg-ox.ttl", "rb").read() == open(f"{out}/kg-rdflib.ttl", "rb").read()
back = ox.Store(); back.load(path=f"{out}/kg-ox.ttl", format=ox.RdfFormat.TURTLE)
ref = ox.Store(); ref.load(path=f"{out}/rdflib.ttl", format=ox.RdfFormat.TURTLE)
res["same_graph_as_rdflib"] = len(back) == len(ref) == res["triples"] and all(q in ref for q in back)
print(json.dumps(res))
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="~20,000 triples: seconds, for CI")
    ap.add_argument("--reviews", type=int, default=0, help="generated reviews (default: ~1M triples)")
    args = ap.parse_args(argv)
    n = args.reviews or (800 if args.quick else 42000)
    with tempfile.TemporaryDirectory(prefix="kg-bench-export-") as tmp_name:
        tmp = Path(tmp_name)
        src = synth.write(n, tmp / "reviews.jsonl")
        benchlib.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(tmp), "--format", "nq", "-q"])
        r = benchlib.python(MEASURE, str(tmp / "kg.nq"), str(tmp))
        res = {k: round(v, 3) if isinstance(v, float) else v for k, v in json.loads(r.stdout).items()}
    res["speedup_turtle_vs_rdflib"] = round(res["rdflib_ttl_s"] / res["kg_ttl_from_oxigraph_s"], 1)
    res["speedup_turtle_vs_rdflib_same_store"] = round(res["rdflib_ttl_s"] / res["kg_ttl_from_rdflib_store_s"], 1)
    data = {"machine": benchlib.machine(), "quick": args.quick, "reviews": n, **res}
    path = benchlib.save("export", data, _table(data))
    print(f"wrote {path}", file=sys.stderr)
    print(_table(data))


def _table(d: dict[str, object]) -> str:
    t = d["triples"]
    assert isinstance(t, int)

    def rate(key: str) -> str:
        s = d[key]
        assert isinstance(s, float | int)
        return f"{s} s ({t / s / 1000:,.0f}k triples/s)" if s else "-"

    rows = [
        ["rdflib `Graph.serialize(format='turtle')`", rate("rdflib_ttl_s")],
        ["filmkg Turtle from Oxigraph (`kg build` default)", rate("kg_ttl_from_oxigraph_s")],
        ["filmkg Turtle from rdflib's memory store", rate("kg_ttl_from_rdflib_store_s")],
        ["filmkg TriG from Oxigraph", rate("kg_trig_from_oxigraph_s")],
        ["filmkg N-Triples from Oxigraph", rate("kg_nt_from_oxigraph_s")],
        ["filmkg Turtle + TriG in one pass", rate("kg_ttl_and_trig_one_pass_s")],
        ["Oxigraph's own TriG dump (unsorted)", rate("oxigraph_own_trig_dump_s")],
        ["(rdflib parsing the N-Triples)", rate("rdflib_parse_nt_s")],
    ]
    m = d["machine"]
    assert isinstance(m, dict)
    head = (
        f"### Export (`bench/bench_export.py`)\n\n{t:,} triples from {d['reviews']:,} generated reviews; "
        f"measured {m['date']}, {m['cores']} cores (load average {m['load_average_1min_at_start']} at start)"
        + (" — **quick mode: not figures**" if d["quick"] else "")
        + f". Turtle: filmkg is **{d['speedup_turtle_vs_rdflib']}x** rdflib's serializer from Oxigraph "
        f"({d['speedup_turtle_vs_rdflib_same_store']}x from rdflib's own store); same bytes from both stores: "
        f"{d['same_bytes_from_both_stores']}; same graph as rdflib wrote: {d['same_graph_as_rdflib']}.\n\n"
    )
    return head + benchlib.table(["writer", "time"], rows)


if __name__ == "__main__":
    main()
