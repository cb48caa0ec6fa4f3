"""Queries, push and serve against a real Oxigraph server on 127.0.0.1 (and a misbehaving one).

The server is the PyPI ``oxigraph`` binary, started by the tests; the graph is
pushed with ``kg push`` (SPARQL Update, one named graph per review, and their union
as a set in the default graph) and queried with ``kg query --endpoint``. The answers
must be those of tests/test_sparql.py's ``CASES``, the same as rdflib gives.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Literal, URIRef
from test_sparql import CASES, EXAMPLE_CASES, HOSTILE, MINI, Check, examples_build, rows  # noqa: F401

from kg.endpoint import Endpoint, RdfPayload, SelectResult
from kg.errors import EndpointError, QueryError
from kg.server import bind_values, push, run_query, start_server
from kg.sparql import load_query

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(shutil.which("oxigraph") is None and not os.environ.get("CI"), reason="no oxigraph binary"),
]

ROOT = Path(__file__).resolve().parent.parent
G = "https://w3id.org/filmkg/id/graph/"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout
    )


def quads(ep: Endpoint) -> int:
    return int(ep.select(COUNT_QUADS).rows[0]["n"].value)


def default_graph(ep: Endpoint) -> list[tuple[str, str, str]]:
    """The default graph's triples, as many times as the store matches them."""
    result = ep.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    return sorted((r["s"].value, r["p"].value, r["o"].value) for r in result.rows)


def named_union(ep: Endpoint) -> list[tuple[str, str, str]]:
    """The set of triples of all named graphs."""
    result = ep.select("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return sorted((r["s"].value, r["p"].value, r["o"].value) for r in result.rows)


def mini_union() -> list[tuple[str, str, str]]:
    ds = Dataset(default_union=True).parse(MINI, format="trig")
    return sorted((str(s), str(p), str(o)) for s, p, o in {(s, p, o) for s, p, o, _ in ds.quads()})


def graph_content(ep: Endpoint, name: str) -> set[tuple[str, str, str]]:
    result = ep.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{G}{name}> {{ ?s ?p ?o }} }}")
    return {(r["s"].value, r["p"].value, r["o"].value) for r in result.rows}


@pytest.fixture(scope="module")
def oxigraph() -> Iterator[str]:
    """An Oxigraph server holding mini.trig, pushed through the command line; its query URL."""
    with start_server(None, port=0) as server:
        done = kg("push", "--endpoint", server.query_url, str(MINI))
        assert done.returncode == 0, done.stderr
        ds = Dataset().parse(MINI, format="trig")
        assert done.stdout.startswith(f"pushed 7 graphs ({sum(len(g) for g in ds.graphs())} triples)")
        yield server.query_url


@pytest.fixture()
def empty_server() -> Iterator[str]:
    with start_server(None, port=0) as server:
        yield server.query_url


# ---------------------------------------------------------------------------- same answers


@pytest.mark.parametrize(("name", "bind", "check", "expected"), CASES, ids=[f"{c[0]}{c[1]}" for c in CASES])
def test_same_answers_from_oxigraph(oxigraph: str, name: str, bind: list[str], check: Check, expected: Any) -> None:
    assert check(run_query(name, endpoint=oxigraph, bind=bind)) == expected


@pytest.fixture(scope="module")
def examples_server(examples_build: Path) -> Iterator[str]:  # noqa: F811 (the fixture of test_sparql)
    """The examples' build (`kg build examples`) pushed into Oxigraph with `kg push`."""
    with start_server(None, port=0) as server:
        done = kg("push", "--endpoint", server.query_url, str(examples_build))
        assert done.returncode == 0, done.stderr
        yield server.query_url


@pytest.mark.parametrize(
    ("name", "bind", "check", "expected"), EXAMPLE_CASES, ids=[f"{c[0]}{c[1]}" for c in EXAMPLE_CASES]
)
def test_examples_answers_from_oxigraph(
    examples_server: str, name: str, bind: list[str], check: Check, expected: Any
) -> None:
    assert check(run_query(name, endpoint=examples_server, bind=bind)) == expected


def test_kg_query_endpoint_on_the_command_line(oxigraph: str) -> None:
    done = kg("query", "remakes", "--endpoint", oxigraph, "--bind", "film=film/la-llamada-2015", "--format", "csv")
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["title"], r["steps"]) for r in table] == [("Der Anruf", "1"), ("Jeonhwa", "1"), ("Caller Unknown", "2")]


def test_hostile_values_are_values_on_the_server(oxigraph: str) -> None:
    ep = Endpoint(oxigraph)
    before = quads(ep)
    for hostile in (HOSTILE, '"} ; DROP ALL ; {', "x' } . ?s ?p ?o . { '", '"""', "\\", "\\u0022 }"):
        table = run_query("find-film", endpoint=oxigraph, bind=[f"title={hostile}"])
        assert all(hostile.lower() in str(m).lower() for m in table.column("matched")), hostile
    assert rows(run_query("find-film", endpoint=oxigraph, bind=[f"title={HOSTILE}"]), "film") == [
        ("film/le-voisin-1990",)
    ]
    assert quads(ep) == before


def test_bind_values_writes_one_term_per_value() -> None:
    text = bind_values(
        "PREFIX s: <https://schema.org/> # a { in a comment\nSELECT ?f WHERE { ?f s:name ?t . FILTER (?t != '{') }",
        {"t": Literal('"} ; DROP ALL ; {'), "f": URIRef("https://w3id.org/filmkg/id/film/x")},
    )
    assert 'WHERE {\n  VALUES (?t ?f) { ("\\"} ; DROP ALL ; {" <https://w3id.org/filmkg/id/film/x>) }\n' in text
    construct = bind_values("CONSTRUCT { ?f ?p ?o } WHERE { ?f ?p ?o }", {"f": URIRef("http://x/y")})
    assert construct.startswith("CONSTRUCT { ?f ?p ?o } WHERE {\n  VALUES (?f) { (<http://x/y>) }")


# ---------------------------------------------------------------------------- push


def test_a_second_push_replaces_instead_of_duplicating(empty_server: str) -> None:
    ep = Endpoint(empty_server)
    first = push(MINI, ep)
    counted = quads(ep)
    assert counted == first.triples
    second = push(MINI, ep)
    assert quads(ep) == counted == second.triples
    assert [str(r[-1]) for r in run_query("graphs", endpoint=empty_server).rows] == [
        str(r[-1]) for r in run_query("graphs", graph=MINI).rows
    ]


def _changed_mini() -> Dataset:
    """mini.trig where review r6 was re-rated 6/10 instead of 8/10."""
    ds = Dataset(default_union=True)
    ds.parse(MINI, format="trig")
    r6 = ds.graph(URIRef(G + "r6"))
    rating = URIRef("https://w3id.org/filmkg/id/review/r6#rating")
    r6.set((rating, URIRef("https://schema.org/ratingValue"), Literal(6)))
    r6.set((rating, URIRef("https://w3id.org/filmkg/ontology#ratingText"), Literal("6/10")))
    return ds


def test_the_default_graph_is_the_set_of_all_review_triples(oxigraph: str) -> None:
    """What the queries read: every triple of the review graphs once, however many reviews repeat it."""
    ep = Endpoint(oxigraph)
    union = mini_union()
    assert default_graph(ep) == named_union(ep) == union
    assert quads(ep) > len(union)  # reviews do repeat triples (the films they describe)
    assert len(union) == len(set(union))
    name = "SELECT ?t WHERE { <https://w3id.org/filmkg/id/film/la-llamada-2015> <https://schema.org/name> ?t }"
    assert [r["t"].value for r in ep.select(name).rows] == ["La llamada"]  # described in 4 reviews, matched once


def test_a_push_replaces_a_changed_review_graph_whole(empty_server: str) -> None:
    ep = Endpoint(empty_server)
    push(MINI, ep)
    old_r5, old_r6 = graph_content(ep, "r5"), graph_content(ep, "r6")
    push(_changed_mini(), ep)
    new_r6 = graph_content(ep, "r6")
    rating = "https://w3id.org/filmkg/id/review/r6#rating"
    assert (rating, "https://schema.org/ratingValue", "6") in new_r6
    assert (rating, "https://schema.org/ratingValue", "8") not in new_r6
    assert len(new_r6) == len(old_r6)
    assert graph_content(ep, "r5") == old_r5
    table = run_query("film-reviews", endpoint=empty_server, bind=["film=film/le-voisin-1990"])
    assert rows(table, "review_id", "rating") == [("r6", 6)]
    # the default graph follows: the old rating left it, the new one is there once
    triples = default_graph(ep)
    assert (rating, "https://schema.org/ratingValue", "8") not in triples
    assert triples.count((rating, "https://schema.org/ratingValue", "6")) == 1
    assert triples == named_union(ep)


def test_a_triple_leaves_the_default_graph_with_the_last_graph_that_holds_it(empty_server: str) -> None:
    ep = Endpoint(empty_server)
    film, name = URIRef("https://w3id.org/filmkg/id/film/x"), URIRef("https://schema.org/name")
    ds = Dataset(default_union=True)
    for g in ("a", "b"):
        ds.graph(URIRef(G + g)).add((film, name, Literal("X")))
    ds.graph(URIRef(G + "a")).add((film, name, Literal("Only in a")))
    push(ds, ep)
    assert default_graph(ep) == sorted([(str(film), str(name), "Only in a"), (str(film), str(name), "X")])
    a_again = Dataset(default_union=True)
    a_again.graph(URIRef(G + "a")).add((film, name, Literal("A again")))
    push(a_again, ep)  # a no longer says X nor "Only in a"; b still says X
    assert default_graph(ep) == sorted([(str(film), str(name), "A again"), (str(film), str(name), "X")])
    b_again = Dataset(default_union=True)
    b_again.graph(URIRef(G + "b")).add((film, name, Literal("A again")))
    push(b_again, ep)  # now nothing says X
    assert default_graph(ep) == [(str(film), str(name), "A again")]
    assert named_union(ep) == default_graph(ep)


class FailingAfter:
    """A real endpoint whose update requests fail after the first ``n`` (the network drops)."""

    def __init__(self, endpoint: Endpoint, n: int) -> None:
        self.inner, self.left, self.url = endpoint, n, endpoint.url

    def select(self, query: str) -> SelectResult:
        return self.inner.select(query)

    def ask(self, query: str) -> bool:
        return self.inner.ask(query)

    def construct(self, query: str) -> RdfPayload:
        return self.inner.construct(query)

    def update(self, update: str) -> None:
        if self.left == 0:
            raise EndpointError("the connection failed (reset by peer)", endpoint=self.url)
        self.left -= 1
        self.inner.update(update)


def test_a_failed_push_leaves_every_review_graph_whole(empty_server: str) -> None:
    ep = Endpoint(empty_server)
    push(MINI, ep)
    old = {f"r{i}": graph_content(ep, f"r{i}") for i in range(1, 8)}
    changed = _changed_mini()
    for i in range(1, 8):  # every review graph changes
        changed.graph(URIRef(G + f"r{i}")).add(
            (URIRef(G + f"r{i}"), URIRef("http://purl.org/dc/terms/modified"), Literal("2025-01-01"))
        )
    with pytest.raises(EndpointError, match="reset by peer"):
        push(changed, FailingAfter(ep, 3), batch_triples=1)  # one graph per request; the 4th fails
    states = []
    for name, before in old.items():
        now = graph_content(ep, name)
        if now == before:
            states.append("old")
        else:
            assert len(now) == len(before) + 1, f"graph {name} is neither the old nor the new one"
            states.append("new")
    assert states == ["new", "new", "new", "old", "old", "old", "old"]
    assert default_graph(ep) == named_union(ep)  # the union followed the graphs that changed, and only those


def test_the_store_applies_an_update_request_whole_or_not_at_all(empty_server: str) -> None:
    """push relies on this: a request whose last operation fails changes nothing."""
    ep = Endpoint(empty_server)
    push(MINI, ep)
    before = quads(ep)
    with pytest.raises(EndpointError, match="HTTP 500"):
        ep.update(f"DROP SILENT GRAPH <{G}r1> ; DROP GRAPH <http://example.org/no-such-graph>")
    assert quads(ep) == before


def test_push_keeps_hostile_text_exact(empty_server: str) -> None:
    nasty = [
        '"""triple""" quotes',
        "back\\slash and \\u0022 and \\U00000022",
        "new\nline\r\ttab",
        "} ; DROP ALL ; { INSERT DATA { <a> <b> <c> } #",
        "bidi \u202e override \u2066 and \x1b[31m escape and \x01",
        "'single' and '''triple'''",
        "ends with a backslash \\",
    ]
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef(G + "hostile"))
    for i, text in enumerate(nasty):
        g.add(
            (URIRef(f"https://w3id.org/filmkg/id/review/h{i}"), URIRef("https://schema.org/reviewBody"), Literal(text))
        )
    ep = Endpoint(empty_server)
    push(ds, ep)
    back = {o for _, _, o in graph_content(ep, "hostile")}
    assert back == set(nasty)
    assert quads(ep) == len(nasty)


def test_kg_push_from_a_store_folder_sends_the_review_graphs_and_not_its_union(
    empty_server: str, tmp_path: Path
) -> None:
    """A store folder written by `kg build --store` keeps its union in its default graph: a push leaves it out."""
    import gc

    from kg.store import add_nquads, keep_union, new_dataset

    db = new_dataset(tmp_path / "db")
    add_nquads(db, Dataset().parse(MINI, format="trig").serialize(format="nquads"))
    keep_union(db)
    del db
    gc.collect()
    done = kg("push", "--endpoint", empty_server, str(tmp_path / "db"))
    assert done.returncode == 0, done.stderr
    ds = Dataset().parse(MINI, format="trig")
    assert done.stdout.startswith(f"pushed 7 graphs ({sum(len(g) for g in ds.graphs())} triples)")
    ep = Endpoint(empty_server)
    assert default_graph(ep) == named_union(ep) == mini_union()
    assert [str(r[-1]) for r in run_query("graphs", endpoint=empty_server).rows] == [
        str(r[-1]) for r in run_query("graphs", graph=MINI).rows
    ]


# ---------------------------------------------------------------------------- serve


def test_start_server_loads_a_build_with_its_union_as_a_set() -> None:
    with start_server(MINI, port=0) as server:
        ep = Endpoint(server.query_url)
        assert default_graph(ep) == named_union(ep) == mini_union()
        assert [str(r[-1]) for r in run_query("graphs", endpoint=server.query_url).rows] == [
            str(r[-1]) for r in run_query("graphs", graph=MINI).rows
        ]
        table = run_query("original", endpoint=server.query_url, bind=["film=film/caller-unknown-2023"])
        assert rows(table, "original", "steps") == [("film/la-llamada-2015", 2)]
        with urllib.request.urlopen(server.url, timeout=10) as page:  # the query page
            assert page.status == 200
            assert "text/html" in page.headers["Content-Type"]


def test_start_server_loads_a_turtle_graph_into_the_default_graph(tmp_path: Path) -> None:
    ttl = tmp_path / "kg.ttl"
    Dataset(default_union=True).parse(MINI, format="trig").serialize(ttl, format="turtle")
    with start_server(ttl, port=0) as server:
        ep = Endpoint(server.query_url)
        assert default_graph(ep) == mini_union()
        assert quads(ep) == 0
        table = run_query("remakes", endpoint=server.query_url, bind=["film=film/la-llamada-2015"])
        assert rows(table, "remake", "steps")[-1] == ("film/caller-unknown-2023", 2)


def test_kg_serve_runs_until_interrupted() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(MINI), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ep = Endpoint(f"http://127.0.0.1:{port}/query", timeout=5, retries=0)
    try:
        assert proc.stderr is not None
        ready = proc.stderr.readline()  # kg says where it serves once the server answers
        assert f"at http://127.0.0.1:{port}/ (SPARQL endpoint http://127.0.0.1:{port}/query)" in ready
        assert ep.ask("ASK { ?s <https://w3id.org/filmkg/ontology#remakeOf> ?o }") is True
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with pytest.raises(EndpointError, match="connection refused"):  # the Oxigraph child stopped too
        ep.ask("ASK {}")


def test_serve_a_missing_graph() -> None:
    done = kg("serve", "no/such.trig", "--port", "0")
    assert done.returncode == 1
    assert done.stderr.strip() == "Error: no/such.trig: no such graph file (build one with `kg build`)"


# ---------------------------------------------------------------------------- failing servers


class Misbehaving(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, body, headers = {
            "/fail/query": (500, b"Internal failure in the store", {}),
            "/fail/update": (500, b"Internal failure in the store", {}),
            "/busy/query": (429, b"slow down", {"Retry-After": "0"}),
            "/busy/update": (503, b"maintenance", {"Retry-After": "0"}),
            "/garbage/query": (200, b'{"head": ', {"Content-Type": "application/sparql-results+json"}),
            "/xml/query": (200, b"<sparql><head>", {"Content-Type": "application/sparql-results+xml"}),
        }.get(self.path, (404, b"nothing here", {}))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for key, val in {"Content-Type": "text/plain", **headers}.items():
            self.send_header(key, val)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def bad_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["query", "families", "--endpoint", "{bad}/fail/query"],
            "Error: {bad}/fail/query: HTTP 500: the server failed (internal error): Internal failure in the store",
        ),
        (
            ["query", "families", "--endpoint", "{bad}/busy/query"],
            "Error: {bad}/busy/query: HTTP 429: too many requests; the server asks to slow down after 4 attempts: "
            "slow down",
        ),
        (
            ["query", "families", "--endpoint", "{bad}/garbage/query"],
            "Error: {bad}/garbage/query: malformed SPARQL JSON results: invalid JSON",
        ),
        (
            ["query", "families", "--endpoint", "{bad}/xml/query"],
            "Error: {bad}/xml/query: malformed SPARQL XML results: ",
        ),
        (
            ["push", "--endpoint", "{bad}/fail/query", str(MINI)],
            "Error: {bad}/fail/update: HTTP 500: the server failed (internal error): Internal failure in the store",
        ),
        (
            ["push", "--endpoint", "{bad}/busy/query", str(MINI)],
            "Error: {bad}/busy/update: HTTP 503: the server is unavailable after 4 attempts: maintenance",
        ),
        (
            ["push", "--endpoint", "http://127.0.0.1:9/query", str(MINI)],
            "Error: http://127.0.0.1:9/update: cannot connect: connection refused (is the server running?)",
        ),
    ],
)
def test_failing_servers_give_one_line_and_exit_1(bad_server: str, args: list[str], message: str) -> None:
    done = kg(*[a.replace("{bad}", bad_server) for a in args])
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(message.replace("{bad}", bad_server))


def test_credentials_never_reach_the_error(bad_server: str) -> None:
    env_args = ["query", "families", "--endpoint", f"{bad_server}/fail/query"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_ENDPOINT_USER": "ed", "KG_ENDPOINT_PASSWORD": "pa55-w0rd"}
    done = subprocess.run(
        [sys.executable, "-m", "kg", "-vv", *env_args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert done.returncode == 1
    assert "pa55-w0rd" not in done.stderr + done.stdout
    url = bad_server.replace("http://", "http://ed:pa55-w0rd@")
    done = kg("-vv", "query", "families", "--endpoint", f"{url}/fail/query")
    assert done.returncode == 1 and "pa55-w0rd" not in done.stderr + done.stdout


def test_a_query_that_is_not_a_query() -> None:
    with pytest.raises(QueryError, match="not a query"):
        from kg.server import run_remote

        run_remote(load_query("remakes").text.replace("SELECT", "INSERT"), Endpoint("http://127.0.0.1:9/query"))
