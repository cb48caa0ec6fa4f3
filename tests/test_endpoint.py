"""kg.endpoint against a small misbehaving HTTP server on 127.0.0.1.

The server answers by path: good JSON/XML results, 400 with a syntax error,
429/503 with Retry-After, 500, a slow answer, garbage, an HTML page, a dropped
connection. It records every request so the tests can check what was sent
(method, User-Agent, credentials) and how many times (bounded retries).
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from kg.endpoint import Endpoint, SelectResult, Term, parse_results
from kg.errors import EndpointError

SELECT = "SELECT ?film WHERE { ?film a <https://schema.org/Movie> }"
ASK = "ASK { ?s ?p ?o }"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
UPDATE = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"

GOOD_JSON = json.dumps(
    {
        "head": {"vars": ["film", "name"]},
        "results": {
            "bindings": [
                {
                    "film": {"type": "uri", "value": "https://w3id.org/filmkg/id/film/the-stranger-2015"},
                    "name": {"type": "literal", "value": "El forastero", "xml:lang": "es"},
                },
                {"film": {"type": "uri", "value": "https://w3id.org/filmkg/id/film/x"}},
            ]
        },
    }
).encode()

GOOD_XML = b"""<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head><variable name="film"/><variable name="year"/></head>
  <results>
    <result>
      <binding name="film"><uri>https://w3id.org/filmkg/id/film/x</uri></binding>
      <binding name="year"><literal datatype="http://www.w3.org/2001/XMLSchema#gYear">2018</literal></binding>
    </result>
  </results>
</sparql>"""

SYNTAX_ERROR = b"Parser error at line 1 column 8: expected WHERE, found '{'"


class Recorder:
    def __init__(self) -> None:
        self.requests: list[dict[str, object]] = []
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.counts.clear()


class Handler(BaseHTTPRequestHandler):
    recorder: Recorder

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _reply(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._reply(405, b"use POST", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        path = self.path.split("?")[0]
        rec = self.recorder
        with rec.lock:
            rec.counts[path] = rec.counts.get(path, 0) + 1
            count = rec.counts[path]
            rec.requests.append(
                {"path": path, "method": self.command, "headers": dict(self.headers), "form": parse_qs(body)}
            )
        results_json = "application/sparql-results+json"
        if path in ("/ok", "/sparql"):
            self._reply(200, GOOD_JSON, results_json)
        elif path == "/xml":
            self._reply(200, GOOD_XML, "application/sparql-results+xml")
        elif path == "/ask":
            self._reply(200, b'{"head": {}, "boolean": true}', results_json)
        elif path == "/ask-xml":
            self._reply(
                200,
                b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>false</boolean></sparql>',
                "application/sparql-results+xml",
            )
        elif path == "/construct":
            self._reply(200, b"<http://x/a> <http://x/b> <http://x/c> .\n", "application/n-triples")
        elif path in ("/update", "/syntax/update"):
            self._reply(204, b"", "text/plain")
        elif path == "/syntax":
            self._reply(400, SYNTAX_ERROR, "text/plain")
        elif path == "/busy-then-ok":  # 429 twice, then results
            if count <= 2:
                self._reply(429, b"slow down", "text/plain", {"Retry-After": "0"})
            else:
                self._reply(200, GOOD_JSON, results_json)
        elif path == "/unavailable":
            self._reply(
                503,
                b"<html><body><h1>Service Unavailable</h1>maintenance</body></html>",
                "text/html",
                {"Retry-After": "0"},
            )
        elif path == "/busy-long":
            self._reply(429, b"", "text/plain", {"Retry-After": "3600"})
        elif path == "/busy-no-header":
            self._reply(503, b"", "text/plain")
        elif path == "/fail":
            self._reply(500, b"java.lang.NullPointerException\n  at Store.query", "text/plain")
        elif path == "/slow":
            time.sleep(2.0)
            self._reply(200, GOOD_JSON, results_json)
        elif path == "/garbage-json":
            self._reply(200, b'{"head": {"vars": ["film"]}, "results": {"bindings": [{"film": ', results_json)
        elif path == "/wrong-json":
            self._reply(200, b'{"hello": "world"}', results_json)
        elif path == "/garbage-xml":
            self._reply(
                200,
                b"<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head>",
                "application/sparql-results+xml",
            )
        elif path == "/html":
            self._reply(200, b"<html><body>Welcome to our portal</body></html>", "text/html")
        elif path == "/secret":
            auth = self.headers.get("Authorization", "")
            # a badly written server that echoes what it got
            self._reply(
                401,
                f"bad credentials: {auth} {base64.b64decode(auth[6:] or b'').decode()}".encode(),
                "text/plain",
            )
        elif path == "/drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            self._reply(404, b"no such service", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on /slow and /drop on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Recorder]]:
    recorder = Recorder()
    handler = type("BoundHandler", (Handler,), {"recorder": recorder})
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", recorder
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def srv(server: tuple[str, Recorder], monkeypatch: pytest.MonkeyPatch) -> tuple[str, Recorder]:
    server[1].reset()
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent/netrc")
    return server


def endpoint(base: str, path: str, **options: object) -> Endpoint:
    options.setdefault("timeout", 5.0)
    options.setdefault("sleep", lambda s: None)
    return Endpoint(base + path, **options)  # type: ignore[arg-type]


# ---------------------------------------------------------------- good answers


def test_select_json_gives_typed_rows(srv: tuple[str, Recorder]) -> None:
    base, rec = srv
    result = endpoint(base, "/ok").select(SELECT)
    assert result.variables == ("film", "name")
    assert result.rows[0]["name"] == Term("literal", "El forastero", lang="es")
    assert result.rows[0]["film"].kind == "uri"
    assert "name" not in result.rows[1]  # unbound stays absent
    request = rec.requests[0]
    assert request["method"] == "POST"
    headers = request["headers"]
    assert isinstance(headers, dict)
    assert headers["User-Agent"].startswith("filmkg/0.")
    assert "application/sparql-results+json" in headers["Accept"]
    assert request["form"] == {"query": [SELECT]}


def test_select_xml_results(srv: tuple[str, Recorder]) -> None:
    result = endpoint(srv[0], "/xml").select(SELECT)
    assert result == SelectResult(
        ("film", "year"),
        (
            {
                "film": Term("uri", "https://w3id.org/filmkg/id/film/x"),
                "year": Term("literal", "2018", datatype="http://www.w3.org/2001/XMLSchema#gYear"),
            },
        ),
    )


def test_ask_json_and_xml(srv: tuple[str, Recorder]) -> None:
    assert endpoint(srv[0], "/ask").ask(ASK) is True
    assert endpoint(srv[0], "/ask-xml").ask(ASK) is False


def test_construct_returns_rdf_text(srv: tuple[str, Recorder]) -> None:
    payload = endpoint(srv[0], "/construct").construct(CONSTRUCT)
    assert payload.media_type == "application/n-triples"
    assert payload.data.startswith(b"<http://x/a>")


def test_update_goes_to_the_update_url_by_post(srv: tuple[str, Recorder]) -> None:
    base, rec = srv
    ep = Endpoint(base + "/query")
    assert ep.update_url == base + "/update"
    ep.update(UPDATE)
    assert rec.requests[0]["path"] == "/update"
    assert rec.requests[0]["method"] == "POST"
    assert rec.requests[0]["form"] == {"update": [UPDATE]}


def test_a_query_is_not_sent_as_an_update(srv: tuple[str, Recorder]) -> None:
    with pytest.raises(EndpointError, match="not an update"):
        endpoint(srv[0], "/update").update(SELECT)
    assert srv[1].requests == []


# ---------------------------------------------------------------- failing servers


def test_syntax_error_carries_the_servers_message(srv: tuple[str, Recorder]) -> None:
    with pytest.raises(EndpointError) as info:
        endpoint(srv[0], "/syntax").select("SELECT ?x WHERE { ?x ?p }")
    message = str(info.value)
    assert info.value.status == 400
    assert message.startswith(f"{srv[0]}/syntax: HTTP 400")
    assert "expected WHERE, found '{'" in message
    assert "\n" not in message


def test_429_is_retried_honouring_retry_after(srv: tuple[str, Recorder]) -> None:
    waits: list[float] = []
    result = endpoint(srv[0], "/busy-then-ok", sleep=waits.append, retries=3).select(SELECT)
    assert len(result.rows) == 2
    assert waits == [0.0, 0.0]  # Retry-After: 0, twice
    assert srv[1].counts["/busy-then-ok"] == 3


def test_503_retries_are_bounded(srv: tuple[str, Recorder]) -> None:
    with pytest.raises(
        EndpointError,
        match=r"HTTP 503: the server is unavailable after 3 attempts: "
        r"Service Unavailable maintenance",
    ) as info:
        endpoint(srv[0], "/unavailable", retries=2).select(SELECT)
    assert info.value.status == 503
    assert srv[1].counts["/unavailable"] == 3


def test_backoff_doubles_without_retry_after(srv: tuple[str, Recorder]) -> None:
    waits: list[float] = []
    with pytest.raises(EndpointError, match="HTTP 503"):
        endpoint(srv[0], "/busy-no-header", sleep=waits.append, retries=3, backoff=0.5).select(SELECT)
    assert waits == [0.5, 1.0, 2.0]


def test_a_retry_after_too_long_is_not_waited_for(srv: tuple[str, Recorder]) -> None:
    waits: list[float] = []
    with pytest.raises(EndpointError, match="HTTP 429: too many requests"):
        endpoint(srv[0], "/busy-long", sleep=waits.append, max_retry_wait=60).select(SELECT)
    assert waits == []
    assert srv[1].counts["/busy-long"] == 1


def test_500_is_not_retried_and_says_so(srv: tuple[str, Recorder]) -> None:
    with pytest.raises(
        EndpointError,
        match=r"HTTP 500: the server failed \(internal error\): "
        r"java.lang.NullPointerException at Store.query",
    ):
        endpoint(srv[0], "/fail").select(SELECT)
    assert srv[1].counts["/fail"] == 1


def test_404(srv: tuple[str, Recorder]) -> None:
    with pytest.raises(EndpointError, match="HTTP 404: no SPARQL service at this URL"):
        endpoint(srv[0], "/nothing-here").ask(ASK)


def test_timeout(srv: tuple[str, Recorder]) -> None:
    started = time.monotonic()
    with pytest.raises(EndpointError, match=r"no answer within 0.5 s \(timeout\)"):
        endpoint(srv[0], "/slow", timeout=0.5).select(SELECT)
    assert time.monotonic() - started < 1.9  # gave up before the server answered


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/garbage-json", "malformed SPARQL JSON results: invalid JSON"),
        ("/wrong-json", "malformed SPARQL JSON results: no 'head' and 'results'"),
        ("/garbage-xml", "malformed SPARQL XML results: invalid XML"),
        ("/html", "expected SPARQL results for a SELECT query, got text/html"),
    ],
)
def test_malformed_answers(srv: tuple[str, Recorder], path: str, message: str) -> None:
    with pytest.raises(EndpointError, match=message):
        endpoint(srv[0], path).select(SELECT)


def test_dropped_connection(srv: tuple[str, Recorder]) -> None:
    with pytest.raises(EndpointError, match="connection|cannot connect"):
        endpoint(srv[0], "/drop").select(SELECT)


def test_server_down() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(EndpointError, match="connection refused") as info:
        Endpoint(f"http://127.0.0.1:{port}/query", timeout=2).select(SELECT)
    assert str(info.value).startswith(f"http://127.0.0.1:{port}/query: cannot connect")


def test_not_an_http_url() -> None:
    with pytest.raises(EndpointError, match="not an http"):
        Endpoint("ftp://example.org/sparql")


# ---------------------------------------------------------------- credentials


def _auth_of(rec: Recorder) -> str:
    headers = rec.requests[-1]["headers"]
    assert isinstance(headers, dict)
    return str(headers.get("Authorization", ""))


def test_credentials_from_environment_are_sent_and_never_shown(
    srv: tuple[str, Recorder], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    base, rec = srv
    monkeypatch.setenv("KG_ENDPOINT_USER", "critic")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cr3t-pa55")
    caplog.set_level(logging.DEBUG)
    ep = endpoint(base, "/ok")
    ep.select(SELECT)
    assert _auth_of(rec) == "Basic " + base64.b64encode(b"critic:s3cr3t-pa55").decode()
    assert "s3cr3t" not in repr(ep) and ep.has_credentials
    with pytest.raises(EndpointError) as info:
        endpoint(base, "/secret").select(SELECT)  # the server echoes the password back
    assert "s3cr3t-pa55" not in str(info.value)
    assert "HTTP 401" in str(info.value)
    assert "s3cr3t" not in caplog.text


def test_credentials_in_the_url_are_used_and_stripped(srv: tuple[str, Recorder]) -> None:
    base, rec = srv
    ep = Endpoint(base.replace("http://", "http://ed:hunter2@") + "/ok")
    assert ep.url == base + "/ok"
    ep.select(SELECT)
    assert _auth_of(rec) == "Basic " + base64.b64encode(b"ed:hunter2").decode()
    with pytest.raises(EndpointError) as info:
        Endpoint(base.replace("http://", "http://ed:hunter2@") + "/secret").select(SELECT)
    assert "hunter2" not in str(info.value)


def test_credentials_from_netrc(srv: tuple[str, Recorder], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, rec = srv
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login archivist password from-netrc\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    endpoint(base, "/ok").select(SELECT)
    assert _auth_of(rec) == "Basic " + base64.b64encode(b"archivist:from-netrc").decode()


def test_no_credentials_no_authorization_header(srv: tuple[str, Recorder]) -> None:
    endpoint(srv[0], "/ok").select(SELECT)
    assert _auth_of(srv[1]) == ""


# ---------------------------------------------------------------- results parser


def test_parse_results_rejects_unknown_term_types() -> None:
    doc = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "blob", "value": "1"}}]}}'
    with pytest.raises(ValueError, match="unknown type 'blob'"):
        parse_results(doc, "application/sparql-results+json")
