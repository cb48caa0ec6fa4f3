"""The command line as a user meets it: `python -m kg ...` in a fresh folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def kg(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture
def workdir(tmp_path: Path, examples: Path) -> Path:
    shutil.copytree(examples, tmp_path / "examples")
    return tmp_path


def test_build_defaults_to_examples_and_output(workdir: Path) -> None:
    run = kg("build", cwd=workdir)
    assert run.returncode == 0, run.stderr
    assert "reviews read" in run.stdout and "wrote            output/kg.ttl" in run.stdout
    reviews = int(next(line.split()[2] for line in run.stdout.splitlines() if line.startswith("reviews read")))
    assert reviews >= 10
    assert (workdir / "output" / "kg.ttl").stat().st_size > 0
    assert (workdir / "output" / "kg.trig").stat().st_size > 0


def test_rebuild_gives_byte_identical_files(workdir: Path) -> None:
    assert kg("build", "--format", "ttl,trig,nt,jsonld", cwd=workdir).returncode == 0
    first = {p.name: p.read_bytes() for p in (workdir / "output").glob("kg.*")}
    assert set(first) == {"kg.ttl", "kg.trig", "kg.nt", "kg.jsonld"}
    assert kg("build", "--format", "ttl,trig,nt,jsonld", cwd=workdir).returncode == 0
    second = {p.name: p.read_bytes() for p in (workdir / "output").glob("kg.*")}
    assert first == second


def test_bad_input_is_reported_skipped_and_counted(workdir: Path) -> None:
    (workdir / "examples" / "broken.jsonl").write_text(
        '{"id": "ok1", "text": "A fine film."}\n{"id": "x", "te\n', encoding="utf-8"
    )
    run = kg("build", "-o", "out", cwd=workdir)
    assert run.returncode == 0, run.stderr
    assert "examples/broken.jsonl:2:" in run.stderr
    assert "1 skipped" in run.stdout
    strict = kg("build", "-o", "strict-out", "--strict", cwd=workdir)
    assert strict.returncode == 1
    assert strict.stderr.startswith("Error: examples/broken.jsonl:2:")
    assert not (workdir / "strict-out").exists()


def test_standard_input_and_other_output_folder(workdir: Path) -> None:
    run = kg("build", "-", "-o", "piped", stdin="film_title: Rolig\nfilm_year: 2011\n---\nA calm film.\n", cwd=workdir)
    assert run.returncode == 0, run.stderr
    assert "reviews read     1" in run.stdout
    assert '"Rolig"' in (workdir / "piped" / "kg.ttl").read_text(encoding="utf-8")


def test_validate_reports_violations_and_exit_status(workdir: Path) -> None:
    assert kg("build", cwd=workdir).returncode == 0
    ok = kg("validate", "output/kg.trig", cwd=workdir)
    assert ok.returncode == 0 and "conforms" in ok.stdout
    broken = workdir / "broken.ttl"
    broken.write_text(
        "@prefix schema: <https://schema.org/> .\n<https://w3id.org/filmkg/id/film/x> a schema:Movie .\n",
        encoding="utf-8",
    )
    bad = kg("validate", str(broken), cwd=workdir)
    assert bad.returncode == 1
    assert "<https://w3id.org/filmkg/id/film/x>" in bad.stdout
    assert bad.stderr.startswith("Error:")


def test_unknown_format_and_missing_graph_are_one_line_errors(workdir: Path) -> None:
    run = kg("build", "--format", "xml", cwd=workdir)
    assert run.returncode == 2 and "unknown format 'xml'" in run.stderr
    missing = kg("validate", "nowhere/kg.trig", cwd=workdir)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "Error: nowhere/kg.trig: no such file (build one with `kg build`)"


# -- a store folder (`kg build --store DIR`) -------------------------------------------------

FORMATS = "ttl,trig,nt,nq,jsonld"
FILM = "https://w3id.org/filmkg/id/film/retribution-2015"  # El desconocido, the catalog's "Retribution" of 2015
# a film's name: each review graph that describes the film repeats it
TITLES = f"SELECT ?title WHERE {{ <{FILM}> <https://schema.org/name> ?title }}\n"
# library queries whose rows repeat when the review graphs are read as a bag, with values for the examples
QUERIES = [
    ["remakes", "--bind", f"film={FILM}"],
    ["verdicts", "--bind", f"family={FILM}"],
    ["remake-gap"],
    ["unlinked-films"],
    ["titles.rq"],
]


@pytest.fixture(scope="module")
def store_build(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """The examples built twice as a user does: into files only, and with `--store db`."""
    root = tmp_path_factory.mktemp("store-build")
    shutil.copytree(examples, root / "examples")
    (root / "titles.rq").write_text(TITLES, encoding="utf-8")
    for out, more in (("files", []), ("with-store", ["--store", "db"])):
        run = kg("build", "examples", "-o", out, "--format", FORMATS, "--no-pages", "-j", "1", *more, cwd=root)
        assert run.returncode == 0, run.stderr
        (root / f"{out}.stdout").write_text(run.stdout, encoding="utf-8")
    return root


def query_rows(root: Path, graph: str, query: list[str]) -> tuple[list[str], str]:
    run = kg("query", *query, "--graph", graph, "--format", "csv", cwd=root)
    assert run.returncode == 0, run.stderr
    return sorted(run.stdout.splitlines()[1:]), run.stderr


def test_a_build_into_a_store_folder_writes_the_same_files_and_summary(store_build: Path) -> None:
    files = {p.name: p.read_bytes() for p in (store_build / "files").glob("kg.*")}
    assert len(files) == 5
    assert {p.name: p.read_bytes() for p in (store_build / "with-store").glob("kg.*")} == files

    def summary(name: str) -> list[str]:
        return [line for line in (store_build / name).read_text().splitlines() if not line.startswith("wrote")]

    assert summary("with-store.stdout") == summary("files.stdout")
    lineage = ["lineage", "El desconocido", "--year", "2015", "--graph"]
    from_store = kg(*lineage, "db", cwd=store_build)
    assert from_store.returncode == 0 and "Retribution" in from_store.stdout
    assert from_store.stdout == kg(*lineage, "files/kg.trig", cwd=store_build).stdout


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q[0])
def test_kg_query_on_a_store_folder_gives_the_rows_of_the_trig_build(store_build: Path, query: list[str]) -> None:
    rows, err = query_rows(store_build, "db", query)
    expected, _ = query_rows(store_build, "files/kg.trig", query)
    assert rows == expected and rows  # each row once, as rdflib reads the TriG
    assert "warning" not in err.lower()


def test_an_older_store_folder_without_the_union_is_read_as_a_bag_with_a_warning(
    store_build: Path, tmp_path: Path
) -> None:
    import gc

    from kg.store import open_store
    from tests.conftest import drop_union

    shutil.copytree(store_build / "db", tmp_path / "old-db")
    ds = open_store(tmp_path / "old-db", read_only=False)
    drop_union(ds)  # as a build made it before stores kept the union
    del ds
    gc.collect()
    rows, err = query_rows(store_build, str(tmp_path / "old-db"), ["titles.rq"])
    expected, _ = query_rows(store_build, "files/kg.trig", ["titles.rq"])
    assert "keeps no union of its graphs in its default graph" in err
    assert sorted(set(rows)) == expected and len(rows) > len(expected)  # the same titles, repeated


def test_kg_eval_scores_a_store_folder_as_its_trig(shared_data: Path, tmp_path: Path) -> None:
    import json

    run = kg("build", str(shared_data / "seed"), "-o", "out", "--store", "db", "--no-pages", "-j", "1", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    gold = str(shared_data / "gold" / "seed.jsonl")
    from_store = kg("eval", gold, "--graph", "db", "--json", cwd=tmp_path)
    assert from_store.returncode == 0, from_store.stderr
    assert from_store.stdout == kg("eval", gold, "--graph", "out/kg.trig", "--json", cwd=tmp_path).stdout
    assert json.loads(from_store.stdout)["films"]["tp"] > 0
