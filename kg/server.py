"""filmkg and SPARQL servers: query one, push a build into one, serve a build from one.

- :func:`run_query` is ``kg query``: a query of the library (or a ``.rq`` file) run
  locally with rdflib on a built graph, or on a server through
  :class:`kg.endpoint.Endpoint`. On a server, values are bound by
  :func:`bind_values`, the one place where a value is written into query text.
- :func:`push` is ``kg push``: loads a build into any SPARQL 1.1 store by SPARQL
  Update, one named graph per review. Each review's graph is replaced inside one
  update request, which the store applies atomically: after a failure every review's
  graph is either the old one or the new one, never half of either; a second push
  replaces, never duplicates.
- :func:`start_server` / :func:`serve` are ``kg serve``: the Oxigraph server
  (PyPI ``oxigraph``, the ``oxigraph`` binary) on 127.0.0.1 with the build loaded,
  and its query page at ``/``.

The store's default graph holds the union of the review graphs as a *set*: each
triple once, however many reviews repeat it (a film described in 40 reviews is
described once). The library's queries read that default graph, so they see what
rdflib's ``Dataset(default_union=True)`` shows locally, with the same answers and
no duplicate matches. (Oxigraph's ``--union-default-graph`` would be a bag: the
film would match 40 times, and the queries would crawl.) ``kg serve`` loads the
build's named graphs and the set of their triples into the default graph;
``kg push`` keeps it so: the request that replaces a review's graph first removes
from the default graph the triples that only the old graph held
(:data:`REPLACE_GRAPH`), then adds the new graph's (``ADD <g> TO DEFAULT``).

>>> print(bind_values("ASK { ?f ?p ?title }", {"title": Literal('"} ; DROP ALL ; {')}))
ASK {
  VALUES (?title) { ("\\"} ; DROP ALL ; {") }
 ?f ?p ?title }
"""

from __future__ import annotations

import logging
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.endpoint import Endpoint, RdfPayload, SelectResult, SparqlEndpoint, Term
from kg.errors import EndpointError, KgError, QueryError
from kg.sparql import (
    NamedQuery,
    Table,
    bind_values,
    graph_table,
    load_query,
    parse_bindings,
    parse_query,
    query_form,
    run_local,
)
from kg.store import has_default_triples, keep_union, keeps_union, on_oxigraph, read_graph
from kg.vocab import DEFAULT_BASE

__all__ = [
    "DEFAULT_PORT",
    "OxigraphServer",
    "PushReport",
    "bind_values",
    "keep_union",
    "load_graph",
    "push",
    "query_graph",
    "run_query",
    "run_remote",
    "serve",
    "start_server",
    "write_union_triples",
]

log = logging.getLogger(__name__)

DEFAULT_PORT = 7878
DEFAULT_GRAPH = Path("output") / "kg.trig"
BATCH_TRIPLES = 20_000  # graphs per update request, up to about this many triples


# ---------------------------------------------------------------------------- queries on a server


def _term(term: Term) -> Node:
    if term.kind == "uri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    return Literal(term.value, lang=term.lang, datatype=URIRef(term.datatype) if term.datatype else None)


def _select_table(result: SelectResult) -> Table:
    rows = tuple(tuple(_term(row[v]) if v in row else None for v in result.variables) for row in result.rows)
    return Table(result.variables, rows)


def _payload_table(payload: RdfPayload) -> Table:
    formats = {"application/n-triples": "nt", "text/turtle": "turtle", "application/rdf+xml": "xml"}
    fmt = formats.get(payload.media_type, "turtle")
    graph = Graph()
    try:
        graph.parse(data=payload.data.decode("utf-8"), format=fmt)
    except Exception as err:  # rdflib's parsers raise many types
        first = " ".join(str(err).split())[:200]
        raise QueryError(f"the server's {payload.media_type} answer cannot be parsed: {first}") from err
    return graph_table(graph)


def run_remote(
    query: NamedQuery | str, endpoint: SparqlEndpoint, *, bindings: Mapping[str, Node] | None = None
) -> Table:
    """Run a query on a SPARQL server, its values bound by :func:`bind_values`."""
    named = query if isinstance(query, NamedQuery) else parse_query(query, name="query")
    text = bind_values(named.text, bindings or {})
    try:
        form = query_form(named.text)
    except ValueError as err:
        raise QueryError(str(err), name=named.name) from err
    log.info("running %s on %s", named.name, endpoint.url)
    if form == "SELECT":
        return _select_table(endpoint.select(text))
    if form == "ASK":
        answer = endpoint.ask(text)
        return Table(("ask",), ((Literal(answer),),), boolean=answer)
    return _payload_table(endpoint.construct(text))


def query_graph(graph: Graph) -> Graph:
    """The graph the library's queries run on: the union of ``graph``'s named graphs, each triple once.

    rdflib's own store gives that as a Dataset with ``default_union=True``. An Oxigraph store
    gives its union as a bag (a triple repeated by 40 review graphs matches 40 times), so
    there the queries read the default graph, where the union is kept as a set (as on a
    server, :mod:`kg.server`); a store without it falls back to the bag, with a warning.

    >>> ds = Dataset(default_union=True)
    >>> query_graph(ds) is ds
    True
    """
    if not isinstance(graph, Dataset):
        return graph
    if on_oxigraph(graph):
        if has_default_triples(graph):
            return graph.default_graph  # type: ignore[no-any-return]
        log.warning(
            "this Oxigraph store keeps no union of its graphs in its default graph: "
            "a triple that several graphs repeat is matched once per graph"
        )
    elif not graph.default_union:
        log.warning("querying a Dataset without default_union: the review graphs are not in the default graph")
    return graph


def run_query(
    name_or_file: str | Path,
    *,
    graph: str | Path | Graph | None = None,
    endpoint: str | SparqlEndpoint | None = None,
    bind: Sequence[str] | Mapping[str, str] = (),
    directory: str | Path | None = None,
    base: str = DEFAULT_BASE,
    timeout: float = 60.0,
) -> Table:
    """Run a query of the library (or a ``.rq`` file) on a built graph or on a server.

    Parameters
    ----------
    name_or_file : str or Path
        A library name (``remakes``; see ``kg query --list``) or a path to a ``.rq`` file.
    graph : path or rdflib Graph, optional
        The graph to query through rdflib's API (default ``output/kg.trig``), or a store folder
        written by ``kg build --store``; not used with ``endpoint``. Queries read the union of
        its graphs, each triple once (:func:`kg.sparql.query_graph`).
    endpoint : str or SparqlEndpoint, optional
        A server's query URL (or an :class:`~kg.endpoint.Endpoint`) to query instead.
    bind : list of ``name=value``, or a mapping
        Parameter values, each made an RDF term of the kind the query's header declares.

    Examples
    --------
    >>> table = run_query("remakes", graph="tests/data/mini.trig", bind=["film=film/la-llamada-2015"])
    >>> [str(t) for t in table.column("title")]
    ['Der Anruf', 'Jeonhwa', 'Caller Unknown']
    """
    query = load_query(name_or_file, directory=directory)
    bindings = parse_bindings(bind, query, base=base)
    if endpoint is not None:
        service = Endpoint(endpoint, timeout=timeout) if isinstance(endpoint, str) else endpoint
        return run_remote(query, service, bindings=bindings)
    if isinstance(graph, Graph):
        dataset = graph
    else:
        path = Path(graph or DEFAULT_GRAPH)
        dataset = read_graph(path)
        if not path.is_dir():  # a file read into a store of our own (Oxigraph for large files): give it the union
            keep_union(dataset)
    if isinstance(dataset, Dataset) and on_oxigraph(dataset) and bindings:  # Oxigraph binds projected variables only
        query, bindings = replace(query, text=bind_values(query.text, bindings)), {}
    return run_local(query, query_graph(dataset), bindings=bindings)


# ---------------------------------------------------------------------------- push


@dataclass(frozen=True)
class PushReport:
    """What a push did: graphs replaced, triples sent, update requests made."""

    graphs: int
    triples: int
    requests: int
    endpoint: str

    def lines(self) -> list[str]:
        """A summary for people."""
        return [f"pushed {self.graphs} graphs ({self.triples} triples) to {self.endpoint} in {self.requests} requests"]


# The default graph is the set union of the named graphs. Replacing graph {g}: the triples that
# only the old {g} held leave the default graph, the old {g} goes, the new one comes, and its
# triples join the default graph (a triple already there stays once: a graph is a set).
REPLACE_GRAPH = """\
DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH {g} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {g}) }}
}} ;
DROP SILENT GRAPH {g} ;
INSERT DATA {{ GRAPH {g} {{
{body}
}} }} ;
ADD SILENT {g} TO DEFAULT"""


def _graph_update(name: Node | None, triples: Sequence[tuple[Node, Node, Node]]) -> str:
    """The update operations that replace graph ``name`` by ``triples`` (``None``: add to the default graph)."""
    body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
    if name is None:
        return f"INSERT DATA {{\n{body}\n}}"
    if not isinstance(name, URIRef):
        raise KgError(f"a named graph must have an IRI, not {name!r}")
    return REPLACE_GRAPH.format(g=name.n3(), body=body)


def _graphs(ds: Graph) -> Iterator[tuple[URIRef | None, list[tuple[Node, Node, Node]]]]:
    if not isinstance(ds, Dataset):
        yield None, sorted(ds, key=lambda t: tuple(x.n3() for x in t))  # plain triples: the default graph
        return
    named: dict[URIRef | None, Graph] = {}
    for g in ds.graphs():
        if len(g) == 0:
            continue
        if g.identifier == ds.default_graph.identifier:
            if keeps_union(ds):
                continue  # a store folder's union of its review graphs: the server keeps its own
            named[None] = g
        else:
            named[URIRef(str(g.identifier))] = g
    for name in sorted(named, key=lambda n: "" if n is None else str(n)):
        g = named[name]
        yield name, list(g)


def push(
    graph: str | Path | Graph,
    endpoint: str | SparqlEndpoint,
    *,
    batch_triples: int = BATCH_TRIPLES,
    on_progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Load a build into a SPARQL 1.1 store, one named graph per review, replacing each whole.

    Every update request holds whole graphs only (:data:`REPLACE_GRAPH` for each), so a
    failure part-way leaves each review's graph as it was or fully replaced, and the
    store's default graph the set union of its named graphs at every moment, whatever a
    second push removes or adds. Triples outside any named graph are added to the
    default graph only.

    Parameters
    ----------
    graph : path or rdflib Graph
        A built graph (``output/kg.trig`` keeps one graph per review).
    endpoint : str or SparqlEndpoint
        The store's query URL (its update URL is derived: ``.../query`` -> ``.../update``)
        or an :class:`~kg.endpoint.Endpoint`.
    batch_triples : int
        Put graphs together in one request up to about this many triples.
    on_progress : callable, optional
        Called with (graphs done, graphs in all) after each request.

    Examples
    --------
    >>> push("tests/data/mini.trig", "http://127.0.0.1:1/query")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.EndpointError: http://127.0.0.1:1/update: cannot connect: connection refused ...
    """
    service = Endpoint(endpoint) if isinstance(endpoint, str) else endpoint
    ds = graph if isinstance(graph, Graph) else read_graph(graph)
    # every request's text is made before the first is sent: a graph that cannot be written stops nothing half-way
    batches: list[tuple[str, int]] = []
    parts: list[str] = []
    n_graphs = n_triples = in_batch = 0
    for name, triples in _graphs(ds):
        parts.append(_graph_update(name, triples))
        n_graphs += 1
        n_triples += len(triples)
        in_batch += len(triples)
        if in_batch >= batch_triples:
            batches.append((" ;\n".join(parts), n_graphs))
            parts, in_batch = [], 0
    if parts:
        batches.append((" ;\n".join(parts), n_graphs))
    for request, done in batches:
        service.update(request)
        log.info("pushed %d/%d graphs", done, n_graphs)
        if on_progress:
            on_progress(done, n_graphs)
    url = getattr(service, "update_url", service.url)
    return PushReport(graphs=n_graphs, triples=n_triples, requests=len(batches), endpoint=str(url))


# ---------------------------------------------------------------------------- serve


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _oxigraph() -> str:
    binary = shutil.which("oxigraph")
    if binary is None:
        raise KgError("the Oxigraph server is not installed (pip install oxigraph: it provides `oxigraph`)")
    return binary


@dataclass
class OxigraphServer:
    """A running Oxigraph server on 127.0.0.1 (see :func:`start_server`)."""

    process: subprocess.Popen[bytes]
    port: int
    location: str
    errors: IO[bytes]

    @property
    def url(self) -> str:
        """The server's home: its SPARQL query page."""
        return f"http://127.0.0.1:{self.port}/"

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    @property
    def update_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/update"

    def stop(self) -> None:
        """Stop the server (and wait for it)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.errors.close()


def _wait_ready(server: OxigraphServer, *, timeout: float) -> None:
    probe = Endpoint(server.query_url, timeout=2, retries=0)
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            server.errors.seek(0)
            err = server.errors.read().decode("utf-8", "replace")
            raise EndpointError(f"the Oxigraph server stopped: {' '.join(err.split())[:300]}", endpoint=server.url)
        try:
            probe.ask("ASK {}")
            return
        except EndpointError as err:
            if time.monotonic() > deadline:
                server.stop()
                raise EndpointError(
                    f"the Oxigraph server did not answer within {timeout:g} s", endpoint=server.url
                ) from err
            time.sleep(0.1)


DATASET_SUFFIXES = (".trig", ".nq", ".nquads")
# one line of canonical N-Quads (as `oxigraph convert` writes them): subject, predicate, object, graph?
_NQUAD = re.compile(r'(\S+ \S+ (?:"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?|\S+))(?: \S+)? \.')


def _oxigraph_run(command: list[str], path: Path) -> None:
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split())[:300]
        raise KgError(f"{path}: Oxigraph could not load it: {message}")


def write_union_triples(path: str | Path, out: str | Path, *, binary: str | None = None) -> int:
    """Write the triples of every graph of the dataset file ``path`` (TriG, N-Quads) to ``out`` as N-Triples.

    A triple held by several graphs is written as often: loading the file into a graph
    (a set) keeps it once. Streams: memory stays flat whatever the size. Returns the
    number of lines written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "g.nq").write_text('<http://s> <http://p> "a b" <http://g> .\\n')
    ...     write_union_triples(Path(tmp, "g.nq"), Path(tmp, "u.nt"))
    ...     Path(tmp, "u.nt").read_text()
    1
    '<http://s> <http://p> "a b" .\\n'
    """
    path = Path(path)
    command = [binary or _oxigraph(), "convert", "--from-file", str(path), "--to-format", "nq"]
    errors = tempfile.TemporaryFile()
    lines = 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors) as convert, open(out, "wb") as sink:
        assert convert.stdout is not None
        for raw in convert.stdout:
            match = _NQUAD.fullmatch(raw.decode("utf-8").rstrip("\n"))
            if match is None:
                convert.kill()
                raise KgError(f"{path}: cannot read Oxigraph's N-Quads line {raw[:120]!r}")
            sink.write(match.group(1).encode("utf-8") + b" .\n")
            lines += 1
    if convert.returncode != 0:
        errors.seek(0)
        message = " ".join(errors.read().decode("utf-8", "replace").split())[:300]
        raise KgError(f"{path}: Oxigraph could not read it: {message}")
    errors.close()
    return lines


def load_graph(path: str | Path, location: str | Path, *, binary: str | None = None) -> None:
    """Load a built graph into the Oxigraph store folder ``location`` the way the library's queries read it.

    A dataset file (``kg.trig``, N-Quads) keeps its named graphs, one per review, and the
    default graph receives the set of their triples (:func:`write_union_triples`): each
    triple once. A graph file (``kg.ttl``, N-Triples) is loaded into the default graph.
    """
    path = Path(path)
    binary = binary or _oxigraph()
    log.info("loading %s into %s", path, location)
    if path.suffix.lower() not in DATASET_SUFFIXES:
        _oxigraph_run([binary, "load", "--location", str(location), "--file", str(path)], path)
        return
    with tempfile.TemporaryDirectory(prefix="kg-union-") as tmp:
        union = Path(tmp) / "union.nt"
        write_union_triples(path, union, binary=binary)
        # both files in one atomic load, in parallel
        _oxigraph_run([binary, "load", "--location", str(location), "--file", str(path), str(union)], path)


@contextmanager
def start_server(
    graph: str | Path | None = None,
    *,
    port: int = DEFAULT_PORT,
    location: str | Path | None = None,
    timeout: float = 60.0,
) -> Iterator[OxigraphServer]:
    """Run Oxigraph on 127.0.0.1 with ``graph`` loaded, for the duration of a ``with`` block.

    ``port=0`` takes a free port. Without ``location`` the store lives in a temporary
    folder that is removed afterwards. Queries see the union of the named graphs, each
    triple once (:func:`load_graph`).
    """
    binary = _oxigraph()
    port = port or _free_port()
    workdir = None if location else tempfile.mkdtemp(prefix="kg-oxigraph-")
    where = str(location or workdir)
    try:
        if graph is not None:
            path = Path(graph)
            if not path.is_file():
                raise KgError(f"{path}: no such graph file (build one with `kg build`)")
            load_graph(path, where, binary=binary)
        command = [binary, "serve", "--location", where, "--bind", f"127.0.0.1:{port}"]
        errors = tempfile.TemporaryFile()  # not a pipe: a chatty server must never block on it
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        server = OxigraphServer(process, port, where, errors)
        try:
            _wait_ready(server, timeout=timeout)
            yield server
        finally:
            server.stop()
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def serve(
    graph: str | Path | None = DEFAULT_GRAPH,
    *,
    port: int = DEFAULT_PORT,
    location: str | Path | None = None,
    on_ready: Callable[[OxigraphServer], None] | None = None,
) -> None:
    """``kg serve``: run Oxigraph with ``graph`` loaded on 127.0.0.1 until interrupted."""
    with start_server(graph, port=port, location=location) as server:
        if on_ready:
            on_ready(server)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            log.info("stopping the server")
