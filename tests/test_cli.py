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
