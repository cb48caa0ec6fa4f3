"""Build throughput and memory: `kg build` on the 2,635 real reviews and on up to 200,000 generated ones.

For each input it measures, side by side in one run:

- ``kg build`` wall time (the whole command, start-up included) with 1 job and
  with one job per core; reviews/s and reviews/s per core;
- the time rdflib alone takes to parse the Turtle that build wrote (the ratio
  build / parse; goal below 1.0);
- where a serial build spends its time: reading, extraction, linking+emitting,
  loading into the store, summary, writing (the share of extraction);
- peak memory of the build's process tree, per million triples (goal at most
  0.6 GB), and how it grows with the input (200,000 reviews, streaming).

    python bench/bench_build.py            # the full run (several minutes)
    python bench/bench_build.py --quick    # seconds: keeps the script working in CI

With ``--name NAME`` the figures go to ``bench/results/NAME.json`` and to NAME's
section of docs/benchmarks.md (default ``build``); the run of the real
extractors is recorded as ``build-extractors``, with 500 generated reviews (they
name many people, so extraction makes larger sets slow; and the 537th generated
review stops ``kg build`` in the linker at the time of writing):

    python bench/bench_build.py --sizes 500 --name build-extractors
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib  # noqa: E402
import synth  # noqa: E402

REAL = "aclimdb_remake_reviews/reviews.jsonl"

BREAKDOWN = r"""
import json, sys, time
from kg.reviews import read_reviews
from kg.extract import extract
from kg.pipeline import Settings, build_review, summarize, Summary
from kg.model import Review
WARM_UP = Review(id="warm-up", text="Ann Lee stars in this remake of Psycho (1960). It is good.", film_title="Psycho", film_year=1998)
from kg.store import new_dataset, add_nquads, write_graphs
try:
    from kg.link import load_catalog
    catalog = load_catalog([], builtin=True)
except ImportError:
    catalog = None
path, out = sys.argv[1], sys.argv[2]
times = {}
t = time.perf_counter(); reviews = list(read_reviews([path])); times["read"] = time.perf_counter() - t
settings = Settings(catalog=catalog)
build_review(WARM_UP, settings)  # the lexicons (names, sentiment) load once, before the clock starts
t = time.perf_counter(); graphs = [build_review(r, settings) for r in reviews]
times["build_review"] = time.perf_counter() - t
ds = new_dataset("oxigraph")
t = time.perf_counter()
for i in range(0, len(graphs), 2000):
    add_nquads(ds, "".join(g.nquads for g in graphs[i:i + 2000]))
times["store_load"] = time.perf_counter() - t
t = time.perf_counter(); s = summarize(ds, Summary()); times["summary"] = time.perf_counter() - t
t = time.perf_counter(); write_graphs(ds, {"ttl": out + "/kg.ttl", "trig": out + "/kg.trig"})
times["write_ttl_trig"] = time.perf_counter() - t
print(json.dumps({"times": times, "reviews": len(reviews), "triples": s.triples}))
"""

# Extraction alone, in a fresh interpreter: its caches hold what one review shares between extractors,
# so it is timed apart from the build (which extracts again) and subtracted from it.
EXTRACT = r"""
import json, sys, time
from kg.reviews import read_reviews
from kg.extract import extract
from kg.model import Review
WARM_UP = Review(id="warm-up", text="Ann Lee stars in this remake of Psycho (1960). It is good.", film_title="Psycho", film_year=1998)
reviews = list(read_reviews([sys.argv[1]]))
extract(WARM_UP)  # the lexicons (names, sentiment) load once, before the clock starts
t, cpu = time.perf_counter(), time.process_time()
for r in reviews:
    extract(r)
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - cpu, "reviews": len(reviews)}))
"""

PARSE = r"""
import json, sys, time
from rdflib import Graph
t = time.perf_counter(); g = Graph().parse(sys.argv[1], format="turtle")
print(json.dumps({"seconds": time.perf_counter() - t, "triples": len(g)}))
"""


def shared_data() -> Path:
    return Path(os.environ.get("KG_SHARED_DATA") or benchlib.ROOT.parent / "shared" / "data")


def kg_build(src: Path, out: Path, *, jobs: int, formats: str = "ttl,trig") -> dict[str, float]:
    cmd = [
        sys.executable,
        "-m",
        "kg",
        "build",
        str(src),
        "-o",
        str(out),
        "--format",
        formats,
        "--jobs",
        str(jobs),
        "--no-pages",
    ]
    r = benchlib.run(cmd)
    reviews = int(_summary(r.stdout, "reviews read").split()[0])
    triples = int(_summary(r.stdout, "triples"))
    return {
        "jobs": jobs,
        "seconds": round(r.seconds, 3),
        "reviews": reviews,
        "triples": triples,
        "reviews_per_s": round(reviews / r.seconds, 1),
        "reviews_per_s_per_core": round(reviews / r.seconds / jobs, 1),
        "peak_mb": round(r.peak_mb, 1),
        "main_peak_mb": round(r.main_peak_mb, 1),
        "gb_per_million_triples": round(r.peak_mb / 1000 / (triples / 1e6), 3) if triples else 0.0,
    }


def _summary(stdout: str, label: str) -> str:
    line = next(x for x in stdout.splitlines() if x.startswith(label))
    return line[len(label) :].strip()


def rdflib_parse(ttl: Path) -> dict[str, float]:
    r = benchlib.python(PARSE, str(ttl))
    data = json.loads(r.stdout)
    return {"seconds": round(data["seconds"], 3), "triples": data["triples"], "peak_mb": round(r.peak_mb, 1)}


def breakdown(src: Path, out: Path) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    r = benchlib.python(BREAKDOWN, str(src), str(out))
    data = json.loads(r.stdout)
    ex = json.loads(benchlib.python(EXTRACT, str(src)).stdout)
    times = data["times"]
    build_review = times.pop("build_review")
    times = {"read": times["read"], "extract": ex["seconds"], "link_emit_render": build_review - ex["seconds"],
             **{k: v for k, v in times.items() if k != "read"}}  # fmt: skip
    total = sum(times.values())
    data["times"] = {k: round(v, 3) for k, v in times.items()}
    data["shares"] = {k: round(v / total, 3) for k, v in data["times"].items()}
    data["extract_ms_per_review"] = round(1000 * ex["seconds"] / max(1, data["reviews"]), 3)
    data["extract_cpu_ms_per_review"] = round(1000 * ex["cpu"] / max(1, data["reviews"]), 3)
    return data


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny inputs: seconds, for CI")
    ap.add_argument("--sizes", default="25000,50000,100000,200000", help="generated review counts")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="jobs of the parallel builds")
    ap.add_argument("--name", default="build", help="results file and docs section (bench/results/NAME.json)")
    args = ap.parse_args(argv)
    sizes = [100, 200] if args.quick else [int(s) for s in args.sizes.split(",")]
    cores = args.jobs
    results: dict[str, object] = {"machine": benchlib.machine(), "quick": args.quick, "jobs": cores, "name": args.name}

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        real = shared_data() / REAL
        if real.exists():
            src = real
            if args.quick:
                src = tmp / "real-100.jsonl"
                src.write_text("".join(real.read_text(encoding="utf-8").splitlines(keepends=True)[:100]))
            builds = [kg_build(src, tmp / f"real-{j}", jobs=j) for j in sorted({1, cores})]
            parse = rdflib_parse(tmp / "real-1" / "kg.ttl")
            results["real"] = {
                "input": REAL if not args.quick else REAL + " (first 100)",
                "builds": builds,
                "rdflib_parse": parse,
                "ratio_build_to_rdflib_parse": {
                    str(b["jobs"]): round(b["seconds"] / parse["seconds"], 3) for b in builds
                },
                "breakdown": breakdown(src, tmp / "breakdown-real"),
            }
        big = synth.write(max(sizes), tmp / "synth.jsonl")
        lines = big.read_text(encoding="utf-8").splitlines(keepends=True)
        series = []
        for n in sizes:
            src = tmp / f"synth-{n}.jsonl"
            src.write_text("".join(lines[:n]), encoding="utf-8")
            b = kg_build(src, tmp / f"synth-{n}", jobs=cores)
            b["input_mb"] = round(src.stat().st_size / 1e6, 1)
            if n == sizes[0]:
                b["rdflib_parse"] = rdflib_parse(tmp / f"synth-{n}" / "kg.ttl")
                b["ratio_build_to_rdflib_parse"] = round(b["seconds"] / b["rdflib_parse"]["seconds"], 3)
            series.append(b)
            src.unlink()
            for f in (tmp / f"synth-{n}").iterdir():
                f.unlink()
        del lines
        results["generated"] = series
        results["breakdown_generated"] = breakdown(tmp / "synth.jsonl", tmp / "breakdown-synth") if args.quick else None

    path = benchlib.save(args.name, results, _tables(results))
    print(f"wrote {path}", file=sys.stderr)
    print(_tables(results))


def _tables(r: dict[str, object]) -> str:
    name = r.get("name", "build")
    out = [f"### Build throughput (`bench/bench_build.py{'' if name == 'build' else f' --name {name}'}`)\n"]
    m = r["machine"]
    assert isinstance(m, dict)
    out.append(
        f"Measured {m['date']} on {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']} "
        f"(load average {m['load_average_1min_at_start']} at start: other work shared the machine)"
        + (" — **quick mode: tiny inputs, not figures**" if r["quick"] else "")
        + ".\n"
    )
    real = r.get("real")
    if isinstance(real, dict):
        rows = []
        for b in real["builds"]:
            rows.append([
                f"{b['reviews']} real reviews, {b['jobs']} job(s)", b["seconds"], b["reviews_per_s"],
                b["reviews_per_s_per_core"], b["triples"], real["rdflib_parse"]["seconds"],
                real["ratio_build_to_rdflib_parse"][str(b["jobs"])], b["peak_mb"],
            ])  # fmt: skip
        out.append(
            benchlib.table(
                [
                    "input",
                    "kg build s",
                    "reviews/s",
                    "reviews/s/core",
                    "triples",
                    "rdflib parse of its Turtle s",
                    "build / parse",
                    "peak MB",
                ],
                rows,
            )  # fmt: skip
        )
        bd = real["breakdown"]
        out.append(
            "\nWhere a serial build of the real reviews spends its time (in one process, no start-up): "
            + ", ".join(f"{k} {v} s ({100 * bd['shares'][k]:.0f}%)" for k, v in bd["times"].items())
            + f"; extraction {bd['extract_ms_per_review']} ms per review"
            + (f" ({bd['extract_cpu_ms_per_review']} ms of CPU)" if "extract_cpu_ms_per_review" in bd else "")
            + ".\n"
        )
    rows = []
    for b in r["generated"]:  # type: ignore[union-attr]
        rows.append([
            b["reviews"], b["input_mb"], b["jobs"], b["seconds"], b["reviews_per_s"], b["reviews_per_s_per_core"],
            b["triples"], b["peak_mb"], b["main_peak_mb"], b["gb_per_million_triples"],
            b.get("ratio_build_to_rdflib_parse", ""),
        ])  # fmt: skip
    out.append("\nGenerated reviews (`bench/synth.py`: templates over the public remake list, realistic lengths):\n")
    out.append(
        benchlib.table(
            [
                "reviews",
                "input MB",
                "jobs",
                "kg build s",
                "reviews/s",
                "reviews/s/core",
                "triples",
                "peak MB (all processes)",
                "peak MB (main)",
                "GB per 1M triples",
                "build / rdflib parse",
            ],
            rows,
        )  # fmt: skip
    )
    return "\n".join(out)


if __name__ == "__main__":
    main()
