"""What the benchmark scripts share: running a command while watching its memory, machine facts, results.

Each script writes ``bench/results/NAME.json`` and replaces its own section of
``docs/benchmarks.md`` (between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``);
with ``$KG_BENCH_OUT`` set (as the test suite does) both go into that folder instead.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
_OUT = os.environ.get("KG_BENCH_OUT")
RESULTS = Path(_OUT) if _OUT else ROOT / "bench" / "results"
DOC = Path(_OUT) / "benchmarks.md" if _OUT else ROOT / "docs" / "benchmarks.md"


@dataclass
class Run:
    """A finished command: wall time, peak memory of the process tree and of the main process, output."""

    seconds: float
    peak_mb: float
    main_peak_mb: float
    stdout: str
    stderr: str


def run(cmd: list[str], *, env: dict[str, str] | None = None, poll: float = 0.02) -> Run:
    """Run ``cmd`` (from the repository root, ``kg`` importable), sampling the RSS of it and its children."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = main_peak = 0.0
    while proc.poll() is None:
        try:
            main = ps.memory_info().rss
            total = main + sum(c.memory_info().rss for c in ps.children(recursive=True))
        except psutil.Error:
            break
        peak, main_peak = max(peak, total), max(main_peak, main)
        time.sleep(poll)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return Run(seconds, peak / 1e6, main_peak / 1e6, out, err)


def python(code: str, *args: str) -> Run:
    """Run Python ``code`` in a fresh interpreter (so each measurement starts from an empty heap)."""
    return run([sys.executable, "-c", code, *args])


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "load_average_1min_at_start": round(load[0], 2),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def save(name: str, data: dict[str, object], table: str) -> Path:
    """Write ``bench/results/NAME.json`` and put ``table`` into NAME's section of docs/benchmarks.md."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    block = f"{start}\n{table.rstrip()}\n{end}"
    if start in doc and end in doc:
        doc = doc[: doc.index(start)] + block + doc[doc.index(end) + len(end) :]
    else:
        doc = doc.rstrip() + f"\n\n{block}\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(doc, encoding="utf-8")
    return path


def table(header: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
