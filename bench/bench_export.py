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
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib  # noqa: E402
import synth  # noqa: E402

OURS = r"""
import json, sys, time
import pyoxigraph as ox
from rdflib import Graph
from kg.store import read_graph, write_graphs
nq, out = sys.argv[1], sys.argv[2]
res = {}
warm = Graph(); warm.parse(data="<http://x/s> <http://x/p> 'o' .", format="turtle")
write_graphs(warm, {"ttl": f"{out}/warm.ttl"})
t = time.perf_counter(); ds = read_graph(nq, store="oxigraph"); res["oxigraph_load_s"] = time.perf_counter() - t
for fmt in ("ttl", "trig", "nt"):
    t = time.perf_counter(); write_graphs(ds, {fmt: f"{out}/kg-ox.{fmt}"}); res[f"kg_{fmt}_from_oxigraph_s"] = time.perf_counter() - t
t = time.perf_counter(); write_graphs(ds, {"ttl": f"{out}/all.ttl", "trig": f"{out}/all.trig"})
res["kg_ttl_and_trig_one_pass_s"] = time.perf_counter() - t
t = time.perf_counter(); ds.store._inner.dump(f"{out}/ox-own.trig", ox.RdfFormat.TRIG)
res["oxigraph_own_trig_dump_s"] = time.perf_counter() - t
print(json.dumps(res))
"""

RDFLIB = r"""
import json, sys, time
import pyoxigraph as ox
from rdflib import Graph
from kg.store import write_graphs
out = sys.argv[1]
res = {}
t = time.perf_counter(); g = Graph().parse(f"{out}/kg-ox.nt", format="nt"); res["rdflib_parse_nt_s"] = time.perf_counter() - t
res["triples"] = len(g)
t = time.perf_counter(); write_graphs(g, {"ttl": f"{out}/kg-rdflib.ttl"}); res["kg_ttl_from_rdflib_store_s"] = time.perf_counter() - t
res["same_bytes_from_both_stores"] = open(f"{out}/kg-ox.ttl", "rb").read() == open(f"{out}/kg-rdflib.ttl", "rb").read()
print(json.dumps(res), flush=True)
t = time.perf_counter(); g.serialize(f"{out}/rdflib.ttl", format="turtle"); res["rdflib_ttl_s"] = time.perf_counter() - t
back = ox.Store(); back.load(path=f"{out}/kg-ox.ttl", format=ox.RdfFormat.TURTLE)
ref = ox.Store(); ref.load(path=f"{out}/rdflib.ttl", format=ox.RdfFormat.TURTLE)
res["same_graph_as_rdflib"] = len(back) == len(ref) == res["triples"] and all(q in ref for q in back)
print(json.dumps(res))
"""


def measure(nq: Path, out: Path, limit: float) -> dict[str, object]:
    """Our writers, then rdflib's (stopped after ``limit`` seconds: it can take very long)."""
    out.mkdir(parents=True, exist_ok=True)
    res: dict[str, object] = json.loads(benchlib.python(OURS, str(nq), str(out)).stdout)
    cmd = [sys.executable, "-c", RDFLIB, str(out)]
    env = {**os.environ, "PYTHONPATH": str(benchlib.ROOT)}
    proc = subprocess.Popen(cmd, cwd=benchlib.ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        stdout, _ = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, _ = proc.communicate()
        res["rdflib_ttl_gave_up_after_s"] = limit
    lines = [json.loads(x) for x in stdout.splitlines() if x.strip()]
    if lines:
        res.update(lines[-1])
    res = {k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()}
    ours = res["kg_ttl_from_oxigraph_s"]
    assert isinstance(ours, float)
    if "rdflib_ttl_s" in res:
        res["speedup_turtle_vs_rdflib"] = round(float(res["rdflib_ttl_s"]) / ours, 1)  # type: ignore[arg-type]
        res["speedup_turtle_vs_rdflib_same_store"] = round(
            float(res["rdflib_ttl_s"]) / float(res["kg_ttl_from_rdflib_store_s"]),
            1,  # type: ignore[arg-type]
        )
    else:
        res["speedup_turtle_vs_rdflib_at_least"] = round(limit / ours, 1)
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="~20,000 triples: seconds, for CI")
    ap.add_argument("--reviews", type=int, default=0, help="generated reviews (default: ~1M triples)")
    ap.add_argument("--steps", default="0.1,0.25,1", help="fractions of the graph measured")
    ap.add_argument("--rdflib-limit", type=float, default=1200.0, help="seconds rdflib's serializer may take")
    args = ap.parse_args(argv)
    n = args.reviews or (150 if args.quick else 42000)
    steps = [1.0] if args.quick else [float(x) for x in args.steps.split(",")]
    series = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-export-") as tmp_name:
        tmp = Path(tmp_name)
        src = synth.write(n, tmp / "reviews.jsonl")
        benchlib.run(
            [sys.executable, "-m", "kg", "build", str(src), "-o", str(tmp), "--format", "nq", "-q", "--no-pages"]
        )
        quads = (tmp / "kg.nq").read_text(encoding="utf-8").splitlines(keepends=True)
        for step in steps:
            part = tmp / f"part-{step}.nq"
            part.write_text("".join(quads[: int(len(quads) * step)]), encoding="utf-8")
            series.append(measure(part, tmp / f"out-{step}", args.rdflib_limit))
            for f in (tmp / f"out-{step}").iterdir():
                f.unlink()
    data = {"machine": benchlib.machine(), "quick": args.quick, "reviews": n, "series": series}
    path = benchlib.save("export", data, _table(data))
    print(f"wrote {path}", file=sys.stderr)
    print(_table(data))


def _table(d: dict[str, Any]) -> str:
    rows = []
    for r in d["series"]:
        t = r.get("triples") or 0

        def rate(key: str, r: dict[str, Any] = r, t: int = t) -> str:
            s = r.get(key)
            return f"{s} s ({t / s / 1000:,.0f}k/s)" if s and t else "-"

        rdflib_ttl = (
            rate("rdflib_ttl_s") if "rdflib_ttl_s" in r else f"gave up after {r['rdflib_ttl_gave_up_after_s']} s"
        )
        speedup = r.get("speedup_turtle_vs_rdflib") or f">= {r.get('speedup_turtle_vs_rdflib_at_least')}"
        rows.append([
            f"{t:,}", rdflib_ttl, rate("kg_ttl_from_oxigraph_s"), f"**{speedup}x**", rate("kg_ttl_from_rdflib_store_s"),
            rate("kg_trig_from_oxigraph_s"), rate("kg_nt_from_oxigraph_s"), rate("kg_ttl_and_trig_one_pass_s"),
            rate("oxigraph_own_trig_dump_s"), rate("rdflib_parse_nt_s"),
            f"{r.get('same_bytes_from_both_stores')}/{r.get('same_graph_as_rdflib', '-')}",
        ])  # fmt: skip
    m = d["machine"]
    head = (
        f"### Export (`bench/bench_export.py`)\n\nGraphs of generated reviews ({d['reviews']:,} reviews; "
        f"the first part of its N-Quads for the smaller rows); measured {m['date']}, {m['cores']} cores "
        f"(load average {m['load_average_1min_at_start']} at start)"
        + (" — **quick mode: not figures**" if d["quick"] else "")
        + ". Speed-up: rdflib's Turtle time / filmkg's Turtle time from Oxigraph, same graph.\n\n"
    )
    header = [
        "triples", "rdflib Turtle", "filmkg Turtle (Oxigraph)", "speed-up", "filmkg Turtle (rdflib store)",
        "filmkg TriG", "filmkg N-Triples", "filmkg Turtle+TriG one pass", "Oxigraph's own TriG (unsorted)",
        "(rdflib parse of the N-Triples)", "same bytes both stores / same graph as rdflib",
    ]  # fmt: skip
    return head + benchlib.table(header, rows)


if __name__ == "__main__":
    main()
