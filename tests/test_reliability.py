"""Nothing lost, nothing injected: bad input and hostile text through the whole build (issue 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import Literal

from kg.store import read_graph
from kg.vocab import SCHEMA
from tests.conftest import ROOT

BAD = ROOT / "tests" / "data" / "bad"
# every record of tests/data/bad that is good enough to read (a few lose a bad field, none is lost)
GOOD_IDS = {
    "a1",
    "a3",
    "b1",
    "b2",
    "c1",
    "c3",
    "d1",
    "d6",
    "e1",
    "e2",
    "g1",
    "g3",
    "h1",
    "h3",
    "k1",
    "k2",
    "long-title",
    "n1",
    "n3",
    "no-dashes",
    "p1",
    "p3",
    "q1",
    "q3",
    "rating-11",
    "rating-negative",
    "year-0",
    "year-20215",
}


def kg(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True, env=env, input=stdin, timeout=300
    )


def test_every_bad_input_gets_its_exact_message_and_every_good_record_is_in_the_graph(tmp_path: Path) -> None:
    run = kg("build", "tests/data/bad", "-o", str(tmp_path), cwd=ROOT)
    assert run.returncode == 0, run.stderr
    expected = (ROOT / "tests" / "data" / "bad-expected-stderr.txt").read_text(encoding="utf-8")
    reports = [line for line in run.stderr.splitlines(keepends=True) if line.startswith(("warning:", "skipped:"))]
    assert "".join(reports).replace("tests/data/bad/", "BAD/") == expected  # (the progress lines aside)
    assert f"reviews read     {len(GOOD_IDS)} (22 skipped, see above)" in run.stdout
    graph = read_graph(tmp_path / "kg.trig")
    assert {str(i) for i in graph.objects(None, SCHEMA.identifier)} == GOOD_IDS


def test_a_failed_strict_build_leaves_the_previous_output_whole(tmp_path: Path) -> None:
    assert kg("build", "tests/data/inputs", "-o", str(tmp_path), cwd=ROOT).returncode == 0
    before = {p.name: p.read_bytes() for p in tmp_path.glob("kg.*")}
    run = kg("build", "tests/data/inputs", "tests/data/bad", "-o", str(tmp_path), "--strict", cwd=ROOT)
    assert run.returncode == 1 and run.stderr.startswith("Error: tests/data/bad/")
    assert {p.name: p.read_bytes() for p in tmp_path.glob("kg.*")} == before


HOSTILE = (
    "<script>window.pwned=1</script><img src=x onerror=alert(1)> } ; DROP ALL ; { \"\"\" '''\n"
    "@prefix x: <http://evil/> . <a> <b> <c> . \\u0022 \x07\x1b[31m \u202eevil\u202c \u2066x\u2069 ."
)


def test_hostile_text_comes_out_as_exact_escaped_literals(tmp_path: Path) -> None:
    title = '<script>window.pwned=1</script> <img src=x onerror=alert(1)> } DROP ALL { """ \u202eevil'
    header = f"film_title: {title}\nfilm_year: 2001\n---\n"
    run = kg("build", "-", "-o", str(tmp_path), "--format", "ttl,trig,nt,jsonld", stdin=header + HOSTILE, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for name in ("kg.ttl", "kg.trig", "kg.nt"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "\u202e" not in text and "\x1b" not in text and "\x07" not in text
        graph = read_graph(tmp_path / name)
        bodies = {str(b) for b in graph.objects(None, SCHEMA.reviewBody)}
        assert bodies == {HOSTILE}, name
        assert Literal(title) in set(graph.objects(None, SCHEMA.name))
        # the Turtle inside the text made no triples of its own
        assert not any(str(term).startswith("http://evil/") for triple in graph for term in triple)
