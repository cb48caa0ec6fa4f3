"""`kg enrich` against a real Oxigraph server on 127.0.0.1 holding a Wikidata-shaped fixture.

Failure cases: the server down, a server answering garbage, a server answering 503/429
with Retry-After before it answers (a tiny misbehaving http.server).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kg.cli import main
from kg.endpoint import Endpoint
from kg.errors import EndpointError
from kg.link.wikidata import enrich, fetch_facts
from kg.store import read_graph
from kg.vocab import FKG, SCHEMA, WD

FIXTURE = Path(__file__).parent / "data" / "wikidata_fixture.ttl"
BASE = "https://w3id.org/filmkg/id/"
WIKIDATA_GRAPH = URIRef(BASE + "graph/wikidata")

# a built graph (as `kg build` writes it) with four films linked to Wikidata and one not
BUILT = """@prefix schema: <https://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix fkg: <https://w3id.org/filmkg/ontology#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@base <https://w3id.org/filmkg/id/> .
<graph/r1> {
  <film/hard-hit-2021> a schema:Movie ; schema:name "Hard Hit" ; owl:sameAs wd:Q106882211 .
  <film/retribution-2015> a schema:Movie ; schema:name "Retribution" ; owl:sameAs wd:Q21218461 .
  <film/hard-hit-2021> fkg:remakeOf <film/retribution-2015> .
}
<graph/r2> {
  <film/psycho-1998> a schema:Movie ; schema:name "Psycho" ; owl:sameAs wd:Q979196 .
  <film/psycho-1960> a schema:Movie ; schema:name "Psycho" ; owl:sameAs wd:Q163038 .
  <film/twelve-1997> a schema:Movie ; schema:name "12 Angry Men" ; owl:sameAs wd:Q386042 .
  <film/midnight-harbour> a schema:Movie , fkg:UnlinkedFilm ; schema:name "Midnight Harbour" .
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on 127.0.0.1 loaded with the fixture; its query URL."""
    exe = shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not on PATH")
    store = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([exe, "load", "--location", str(store), "--file", str(FIXTURE)], check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    path = tmp_path / "kg.trig"
    path.write_text(BUILT, encoding="utf-8")
    return path


def test_enrich_adds_wikidata_facts_in_their_own_graph(oxigraph: str, built: Path, tmp_path: Path) -> None:
    ds = read_graph(built)
    before = {g.identifier: len(g) for g in ds.graphs() if len(g)}
    result = enrich(ds, Endpoint(oxigraph), cache=tmp_path / "cache", batch=2)
    assert result.films == 5 and result.known == 5
    g = ds.graph(WIKIDATA_GRAPH)
    film = URIRef(BASE + "film/")
    hard_hit, original = URIRef(f"{film}hard-hit-2021"), URIRef(f"{film}retribution-2015")
    # remake links, where both ends are films, onto the graph's own nodes or new ones
    assert (hard_hit, FKG.remakeOf, original) in g
    assert (URIRef(f"{film}psycho-1998"), FKG.remakeOf, URIRef(f"{film}psycho-1960")) in g
    assert (URIRef(f"{film}twelve-1997"), FKG.remakeOf, URIRef(f"{film}12-angry-men-1957")) in g
    german = URIRef(f"{film}steig-nicht-aus-2018")
    assert (german, FKG.remakeOf, original) in g and (german, OWL.sameAs, WD.Q990000010) in g
    # a novel is not a film: no remake link to it
    assert not any("Q990000040" in str(o) for o in g.objects(None, OWL.sameAs))
    # director, cast with the character as a qualifier, country, date, IMDb id
    kim = URIRef(BASE + "person/kim-chang-ju")
    assert (hard_hit, SCHEMA.director, kim) in g and (kim, SCHEMA.name, Literal("Kim Chang-ju")) in g
    perf = URIRef(BASE + "performance/hard-hit-2021/jo-woo-jin")
    assert (perf, RDF.type, FKG.Performance) in g and (perf, FKG.character, Literal("Lee Seong-gyu")) in g
    assert (hard_hit, SCHEMA.countryOfOrigin, URIRef(BASE + "country/KR")) in g
    assert (original, SCHEMA.datePublished, Literal("2015", datatype=XSD.gYear)) in g
    assert (URIRef(f"{film}psycho-1960"), SCHEMA.sameAs, URIRef("https://www.imdb.com/title/tt0054215/")) in g
    # the reviews' graphs are untouched
    assert {k: len(ds.graph(k)) for k in before} == before

    # enriching the enriched graph again asks nothing and adds nothing: the films it minted are not asked about
    class Silent:
        url = oxigraph

        def select(self, query: str) -> None:
            raise AssertionError(f"asked again: {query[:80]}")

    size = len(g)
    again = enrich(ds, Silent(), cache=tmp_path / "cache", batch=2)  # type: ignore[arg-type]
    assert (again.films, again.requests) == (5, 0) and len(ds.graph(WIKIDATA_GRAPH)) == size


def test_a_second_run_asks_nothing(oxigraph: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = fetch_facts(["Q979196", "Q163038"], Endpoint(oxigraph), cache=cache)
    assert first.requests > 0 and first.films["Q979196"].originals

    class Silent:  # the same endpoint, but any question sent to it fails the test
        url = oxigraph

        def select(self, query: str) -> None:
            raise AssertionError(f"asked again: {query[:80]}")

    again = fetch_facts(["Q163038", "Q979196"], Silent(), cache=cache)  # type: ignore[arg-type]
    assert again.requests == 0 and again.cached == first.requests
    assert again.films["Q979196"].originals == first.films["Q979196"].originals


def test_kg_enrich_command(oxigraph: str, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "enriched.trig"
    main(["enrich", str(built), "--endpoint", oxigraph, "-o", str(out), "--cache", str(tmp_path / "c")])
    printed = capsys.readouterr().out
    assert "films linked to Wikidata 5" in printed and str(out) in printed
    g = read_graph(out).graph(WIKIDATA_GRAPH)
    assert (URIRef(BASE + "film/hard-hit-2021"), FKG.remakeOf, URIRef(BASE + "film/retribution-2015")) in g


def test_server_down_is_a_clear_error(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_free_port()}/query"
    with pytest.raises(SystemExit) as exit_info:
        main(["enrich", str(built), "--endpoint", url, "--cache", str(tmp_path / "c")])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and url in err
    assert len(read_graph(built).graph(WIKIDATA_GRAPH)) == 0  # nothing written


class _Misbehaving(BaseHTTPRequestHandler):
    """Answers by the server's mode: garbage, or 503/429 with Retry-After before a good answer."""

    requests: list[dict[str, str]] = []
    mode = "garbage"

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        seen = type(self).requests
        seen.append({"method": "POST", "agent": self.headers.get("User-Agent", "")})
        if self.mode == "garbage":
            self._send(200, b"<html>this is not SPARQL</html>{", "application/sparql-results+json")
        elif self.mode in ("503", "429") and len(seen) == 1:
            self.send_response(int(self.mode))
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            body = json.dumps({"head": {"vars": ["item"]}, "results": {"bindings": []}}).encode()
            self._send(200, body, "application/sparql-results+json")

    def _send(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def misbehaving() -> Iterator[type[_Misbehaving]]:
    handler = type("Handler", (_Misbehaving,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/query"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler
    finally:
        server.shutdown()
        server.server_close()


def test_garbage_answer_is_a_clear_error(misbehaving: type[_Misbehaving], built: Path, tmp_path: Path) -> None:
    misbehaving.mode = "garbage"
    ds = read_graph(built)
    with pytest.raises(EndpointError, match="malformed SPARQL JSON results"):
        enrich(ds, Endpoint(misbehaving.url), cache=tmp_path / "c")  # type: ignore[attr-defined]
    assert len(ds.graph(WIKIDATA_GRAPH)) == 0
    assert not list(tmp_path.rglob("*.json"))  # a garbage answer is not cached


@pytest.mark.parametrize("status", ["503", "429"])
def test_busy_server_is_asked_again_after_retry_after(
    misbehaving: type[_Misbehaving], status: str, tmp_path: Path
) -> None:
    misbehaving.mode = status
    waits: list[float] = []
    ep = Endpoint(misbehaving.url, sleep=waits.append)  # type: ignore[attr-defined]
    facts = fetch_facts(["Q163038"], ep, cache=tmp_path / "c")
    assert waits == [1.0]  # the server's Retry-After, honoured
    assert facts.requests == 5 and len(misbehaving.requests) == 6  # one refused, then five queries
    assert all(r["method"] == "POST" and r["agent"].startswith("filmkg/") for r in misbehaving.requests)
