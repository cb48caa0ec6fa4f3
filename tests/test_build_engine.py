"""The build engine as a user meets it: `kg build` with --jobs, --store, --update, --scheduler, and kills."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.pipeline import MANIFEST
from kg.store import open_store, read_graph, serialize_graph
from tests.conftest import kill_kg_when

ROOT = Path(__file__).resolve().parent.parent
FILES = ("kg.ttl", "kg.trig", "kg.nt", "kg.nq")

FILMS = [("The Quiet Harbour", 1961), ("Night Train to Lisbon", 1974), ("A Summer Apart", 1988), ("Red Orchard", 2003)]


def team_reviews(n: int, *, offset: int = 0) -> list[dict[str, object]]:
    """``n`` reviews the team wrote from templates (no real review text)."""
    out = []
    for i in range(offset, offset + n):
        title, year = FILMS[i % len(FILMS)]
        remake = f"{title} ({year + 30 + i % 7})"
        text = (
            f"{remake} is a remake of {title} ({year}). The new version keeps the story but loses the mood; "
            f"the lead gives a strong performance and the score is lovely. Review number {i}, "
            "written for the test suite, says the original is better. 6/10."
        )
        out.append({"id": f"t{i:06d}", "text": text, "film_title": title, "film_year": year, "rating": 6})
    return out


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def kg(*args: str, check: bool = True, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=check, **kw
    )  # type: ignore[call-overload, no-any-return]


def files(outdir: Path) -> dict[str, bytes]:
    return {name: (outdir / name).read_bytes() for name in FILES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """The team's examples and 300 templated reviews, in one folder."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(examples, root / "examples")
    write_jsonl(root / "more.jsonl", team_reviews(300))
    return root


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("ref")
    kg("build", str(corpus), "-o", str(out), "--format", "ttl,trig,nt,nq", "--jobs", "1", "--store", "rdflib", "-q")
    return files(out)


@pytest.mark.parametrize(("jobs", "store"), [("1", "oxigraph"), ("2", "rdflib"), ("2", "oxigraph"), ("3", "DIR")])
def test_same_bytes_whatever_the_jobs_and_store(
    corpus: Path, reference: dict[str, bytes], tmp_path: Path, jobs: str, store: str
) -> None:
    where = str(tmp_path / "store") if store == "DIR" else store
    kg(
        "build",
        str(corpus),
        "-o",
        str(tmp_path / "out"),
        "--format",
        "ttl,trig,nt,nq",
        "--jobs",
        jobs,
        "--store",
        where,
    )
    assert files(tmp_path / "out") == reference


def test_store_folder_is_reopened_without_parsing(corpus: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    store = tmp_path / "graph.db"
    kg("build", str(corpus), "-o", str(tmp_path / "out"), "--store", str(store), "-q")
    assert not list(store.glob("*.ttl")) and not list(store.glob("*.trig"))
    ds = read_graph(store)  # a folder: the Oxigraph store, opened read-only
    assert serialize_graph(ds, format="trig").encode() == reference["kg.trig"]
    assert len(open_store(store)) == len(read_graph(tmp_path / "out" / "kg.ttl"))


def test_a_second_build_gives_the_same_bytes(corpus: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    out = tmp_path / "out"
    for _ in range(2):
        kg("build", str(corpus), "-o", str(out), "--format", "ttl,trig,nt,nq", "-q")
        assert files(out) == reference


# -- --update --------------------------------------------------------------------------------


def summary_line(stdout: str, label: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith(label))[len(label) :].strip()


def test_update_rebuilds_only_changed_reviews_and_drops_removed_ones(tmp_path: Path) -> None:
    rows = team_reviews(40)
    src = write_jsonl(tmp_path / "reviews.jsonl", rows)
    out = tmp_path / "out"
    kg("build", str(src), "-o", str(out), "--format", "ttl,trig,nt,nq", "--jobs", "2")
    first = files(out)

    nothing = kg("build", str(src), "-o", str(out), "--format", "ttl,trig,nt,nq", "--update")
    assert summary_line(nothing.stdout, "updated") == "0 rebuilt, 40 unchanged, 0 removed"
    assert files(out) == first

    rows[3] = {**rows[3], "text": str(rows[3]["text"]).replace("strong", "weak")}  # changed
    removed = rows.pop(10)
    rows += team_reviews(2, offset=500)  # new
    write_jsonl(src, rows)
    changed = kg("build", str(src), "-o", str(out), "--format", "ttl,trig,nt,nq", "--update")
    assert summary_line(changed.stdout, "updated") == "3 rebuilt, 38 unchanged, 1 removed"
    assert f"graph/{removed['id']}>" not in (out / "kg.trig").read_text()

    fresh = tmp_path / "fresh"
    kg("build", str(src), "-o", str(fresh), "--format", "ttl,trig,nt,nq")
    assert files(out) == files(fresh)  # the update is exactly what a whole build gives


def test_update_in_a_store_folder(tmp_path: Path) -> None:
    rows = team_reviews(12)
    src = write_jsonl(tmp_path / "reviews.jsonl", rows)
    out, store = tmp_path / "out", tmp_path / "db"
    kg("build", str(src), "-o", str(out), "--store", str(store))
    write_jsonl(src, rows[:-1])
    res = kg("build", str(src), "-o", str(out), "--store", str(store), "--update")
    assert summary_line(res.stdout, "updated") == "0 rebuilt, 11 unchanged, 1 removed"
    reopened = serialize_graph(read_graph(store), format="trig")
    assert reopened == (out / "kg.trig").read_text()
    assert "graph/t000011>" not in reopened


def test_update_without_an_earlier_build_builds_everything(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "reviews.jsonl", team_reviews(5))
    res = kg("build", str(src), "-o", str(tmp_path / "out"), "--update")
    assert "no earlier build to update" in res.stderr
    assert summary_line(res.stdout, "reviews read") == "5"
    assert json.loads((tmp_path / "out" / MANIFEST).read_text())["reviews"].keys() == {f"t{i:06d}" for i in range(5)}


# -- interrupted builds ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("big") / "reviews.jsonl", team_reviews(6000))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
@pytest.mark.parametrize("phase", ["extracting", "writing"])
def test_killed_build_leaves_the_previous_output_whole(
    big_input: Path, examples: Path, tmp_path: Path, sig: signal.Signals, phase: str
) -> None:
    out = tmp_path / "out"
    kg("build", str(examples), "-o", str(out), "--format", "ttl,trig,nt")
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kg", "build", str(big_input), "-o", str(out), "--format", "ttl,trig,nt", "-j", "2"]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        seen = _wait_for_phase(proc, out, phase)
        proc.send_signal(sig)  # to the build only: its workers must not outlive it
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if not seen:
        pytest.skip(f"the build finished before its {phase} phase could be caught")
    assert proc.returncode != 0, "the build was killed, it must not report success"
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.endswith(".tmp")}
    assert after == before
    if sig != signal.SIGKILL:  # a process that may clean up leaves no temporary file behind
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
        assert b"Traceback" not in err
    for name in ("kg.ttl", "kg.trig"):
        read_graph(out / name)  # still parses
    kg("build", str(examples), "-o", str(out), "--format", "ttl,trig,nt")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.endswith(".tmp")} == before


def _wait_for_phase(proc: subprocess.Popen[bytes], out: Path, phase: str) -> bool:
    """Wait until the build is extracting (workers started) or writing (a temporary file exists)."""
    deadline = time.monotonic() + 120
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() < deadline:
        if phase == "writing" and any(p.name.endswith(".tmp") for p in out.iterdir()):
            return True
        if phase == "extracting" and time.monotonic() - started > 1.5:
            return not any(p.name.endswith(".tmp") for p in out.iterdir())
        time.sleep(0.005)
    return False


# -- Dask ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_dask_cluster_builds_the_same_graph_and_shards_a_server_bulk_loads(
    corpus: Path, reference: dict[str, bytes], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    if shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    out = tmp_path / "out"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        kg("build", str(corpus), "-o", str(out), "--format", "ttl,trig,nt,nq", "--scheduler", cluster.scheduler_address)
    assert files(out) == reference
    shards = sorted((out / "shards").glob("part-*.nq"))
    assert len(shards) >= 2

    location, port = tmp_path / "server", _free_port()
    subprocess.run(["oxigraph", "load", "--location", str(location), "--file", *map(str, shards)], check=True)
    server = subprocess.Popen(["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"])
    try:
        query = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) { GRAPH ?g { ?s ?p ?o } }"
        row = _ask(port, query)
    finally:
        server.terminate()
        server.wait(timeout=30)
    quads = reference["kg.nq"].decode().splitlines()
    assert int(row["n"]["value"]) == len(quads)
    assert int(row["graphs"]["value"]) == len({line.rsplit(" ", 2)[1] for line in quads})


def _ask(port: int, query: str) -> dict[str, dict[str, str]]:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    for _ in range(200):
        try:
            with urllib.request.urlopen(request, timeout=5) as resp:
                return json.load(resp)["results"]["bindings"][0]  # type: ignore[no-any-return]
        except OSError:
            time.sleep(0.05)
    raise AssertionError("the oxigraph server did not answer")


# -- the benchmark scripts keep working --------------------------------------------------------


@pytest.mark.parametrize("script", sorted(p.name for p in (ROOT / "bench").glob("bench_*.py")))
def test_benchmark_quick_mode_runs(script: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_BENCH_OUT": str(tmp_path)}
    res = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--quick"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr[-3000:]
    if "benchlib" not in (ROOT / "bench" / script).read_text():
        return  # a script that keeps its own results (it does not follow $KG_BENCH_OUT)
    results = list(tmp_path.glob("*.json"))
    assert results, "a benchmark writes its figures to a results file"
    assert all(json.loads(p.read_text()) for p in results)


# -- progress --------------------------------------------------------------------------------


def test_progress_bar_shows_rate_and_eta_after_a_second(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import _ProgressBar

    now = [100.0]
    bar = _ProgressBar(enabled=True, tty=True, clock=lambda: now[0])
    bar(10, 1000)  # at once: a short build draws nothing
    assert capsys.readouterr().err == ""
    now[0] += 2.0
    bar(500, 1000)
    err = capsys.readouterr().err
    assert "500/1000 reviews" in err and "250 reviews/s" in err and "ETA 0:02" in err
    bar.close()
    assert capsys.readouterr().err == "\n"
    for enabled, tty in ((False, True), (True, False)):  # --quiet, or not a terminal (logs, pipes)
        silent = _ProgressBar(enabled=enabled, tty=tty, clock=lambda: now[0] + 10)
        silent(900, 1000)
        assert capsys.readouterr().err == ""


def test_quiet_build_prints_nothing(examples: Path, tmp_path: Path) -> None:
    res = kg("build", str(examples), "-o", str(tmp_path), "-q")
    assert (res.stdout, res.stderr) == ("", "")
    loud = kg("build", str(examples), "-o", str(tmp_path))
    assert int(summary_line(loud.stdout, "reviews read").split()[0]) > 0


def test_killed_build_leaves_the_previous_store_folder(big_input: Path, examples: Path, tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "graph.db"
    kg("build", str(examples), "-o", str(out), "--store", str(store), "-q")
    before = serialize_graph(read_graph(store), format="trig")
    args = ["build", str(big_input), "-o", str(out), "--store", str(store), "-j", "2"]
    kill_kg_when(args, ready=lambda: bool(list(tmp_path.glob(".graph.db.building-*"))))
    assert serialize_graph(read_graph(store), format="trig") == before
    kg("build", str(examples), "-o", str(out), "--store", str(store), "-q")
    assert not list(tmp_path.glob(".graph.db.*")), "the next build clears what the killed one left"
    assert serialize_graph(read_graph(store), format="trig") == before
    with pytest.raises(subprocess.CalledProcessError) as err:
        kg("build", str(examples), "-o", str(out), "--store", str(out))
    assert "not an empty folder nor a store" in err.value.stderr
