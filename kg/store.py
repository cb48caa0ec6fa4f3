"""Graphs in stores and files: Oxigraph or rdflib behind rdflib's API; deterministic files; reading; SHACL.

Two stores hold a graph, both behind rdflib's ``Dataset`` API:

- Oxigraph (pyoxigraph, through the oxrdflib store): the store of large
  builds, in memory or on disk in a folder that later commands reopen
  without parsing anything (:func:`open_store`);
- rdflib's own memory store: small graphs and tests.

A store folder keeps in its default graph the union of its named graphs as a
*set*, as a SPARQL server does (:mod:`kg.server`): Oxigraph's own union of the
named graphs is a bag (a film described by 40 reviews would match 40 times).
That default graph is reserved for the union: whatever reads graphs through
rdflib's API (``quads``, ``triples``, the writers) sees the named graphs only.
:func:`keep_union` makes it; :func:`add_nquads` keeps it as graphs are replaced.

Files are written by :mod:`kg.writer` (sorted, so the same graph always gives
the same bytes whichever store holds it) to temporary names and renamed into
place only when every file is complete: a crash never leaves half a file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox_graph_name, to_ox_quad_pattern
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import GraphError
from kg.vocab import DEFAULT_BASE
from kg.writer import LINE_FORMATS, keeps_union, oxigraph_store, write_formats

__all__ = [
    "FORMATS",
    "STORES",
    "add_nquads",
    "clear",
    "copy_store",
    "flush",
    "has_default_triples",
    "is_store",
    "keep_union",
    "keeps_union",
    "new_dataset",
    "on_oxigraph",
    "open_store",
    "replace_folder",
    "staging_folder",
    "read_graph",
    "serialize_graph",
    "union",
    "write_graph",
    "write_graphs",
]

log = logging.getLogger(__name__)

FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
STORES = ("oxigraph", "rdflib")  # in-memory stores by name; any other value is a folder (Oxigraph on disk)
_MARKER = "filmkg-store"  # a file in a store folder, so `kg` only opens folders it made
_XSD_STRING = str(XSD.string)
_BIG_FILE = 8_000_000  # files larger than this are read into Oxigraph, not rdflib's memory store
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
}

Quad = tuple[Node, Node, Node, Node | None]


# -- stores ----------------------------------------------------------------------------------


def _term(term: Any) -> Node:
    """An Oxigraph term as rdflib's (a plain ``xsd:string`` literal stays plain, as rdflib writes it)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise GraphError(f"unexpected term in the store: {term!r}")


class _OxStore(OxigraphStore):
    """oxrdflib's store, giving back literals exactly as rdflib made them.

    With ``union_in_default`` (a store folder, or a store :func:`keep_union` filled) the
    default graph holds the set union of the named graphs: reading the whole dataset
    (``context=None``) skips it, and a query of the union reads it instead of the bag.
    """

    union_in_default = False

    def triples(self, triple_pattern: Any, context: Any = None) -> Any:
        try:
            quads = self._inner.quads_for_pattern(*to_ox_quad_pattern(triple_pattern, context))
        except (TypeError, ValueError):
            return iter(())
        if context is None and self.union_in_default:
            quads = (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
        return (
            ((_term(q.subject), _term(q.predicate), _term(q.object)), iter((from_ox_graph_name(q.graph_name, self),)))
            for q in quads
        )

    def query(self, query: Any, initNs: Any, initBindings: Any, queryGraph: Any, **kwargs: Any) -> Result:  # noqa: N803
        if queryGraph == "__UNION__" and self.union_in_default and _default_triples(self._inner):
            queryGraph = DATASET_DEFAULT_GRAPH_ID  # the union as a set
        result = super().query(query, initNs, initBindings, queryGraph, **kwargs)
        if result.type == "SELECT":
            rows = result.bindings
            result.bindings = [{k: _plain(v) for k, v in row.items()} for row in rows]  # type: ignore[misc]
        return result


def _plain(node: Node) -> Node:
    if isinstance(node, Literal) and node.datatype == XSD.string and not node.language:
        return Literal(str(node))
    return node


def _default_triples(store: ox.Store) -> bool:
    return next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None


def new_dataset(store: str | Path = "rdflib") -> Dataset:
    """An empty Dataset (default graph = union of all graphs) in ``store``.

    ``"rdflib"``: rdflib's memory store; ``"oxigraph"``: Oxigraph in memory;
    anything else: a folder for an Oxigraph store on disk (created; it must be
    new, empty, or a store an earlier build made, which is replaced), whose default
    graph is reserved for the union of the named graphs (:func:`keep_union`).

    >>> len(new_dataset("oxigraph"))
    0
    """
    if str(store) == "rdflib":
        return Dataset(default_union=True)
    if str(store) == "oxigraph":
        return _wrap(ox.Store())
    path = Path(store)
    if is_store(path):
        shutil.rmtree(path)  # a store an earlier build made: built again from scratch
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise GraphError("cannot create a store here: not an empty folder nor a store", path=path)
    path.mkdir(parents=True, exist_ok=True)
    (path / _MARKER).write_text("an Oxigraph store written by filmkg; reopen with kg.store.open_store\n")
    return _wrap(ox.Store(str(path)), union=True)


def _wrap(store: ox.Store, *, union: bool = False) -> Dataset:
    inner = _OxStore(store=store)
    inner.union_in_default = union
    return Dataset(store=inner, default_union=True)


UNION_INTO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
# one update, so one transaction: the default graph is the old union or the new one, never half of either
UNION_AGAIN = "DROP SILENT DEFAULT ; " + UNION_INTO_DEFAULT
# graph {g} goes, and the triples that it alone held leave the union (as on a server: kg.server.REPLACE_GRAPH)
DROP_FROM_UNION = """\
DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH {g} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {g}) }}
}} ;
DROP SILENT GRAPH {g}"""


def on_oxigraph(ds: Graph) -> bool:
    """Whether ``ds`` is held by Oxigraph (through oxrdflib), whose union of the named graphs is a bag."""
    return any(cls.__module__.split(".")[0] == "oxrdflib" for cls in type(ds.store).__mro__)


def has_default_triples(ds: Dataset) -> bool:
    """Whether the default graph of ``ds`` (itself, not the union of the named graphs) holds a triple."""
    default: Graph = ds.default_graph
    return next(iter(default.triples((None, None, None))), None) is not None


def keep_union(ds: Dataset, *, graphs: Iterable[str] | None = None) -> None:
    """Put the triples of ``ds``'s named graphs into its default graph, each once, if it is held by Oxigraph.

    That is where the library's queries read an Oxigraph store (:func:`kg.server.query_graph`).
    In a store whose default graph is reserved for the union (:func:`keeps_union`: a store
    folder) the union is made again from the named graphs as they are now, in one
    transaction; or, with ``graphs``, only the triples of the graphs named there (new or
    replaced by :func:`add_nquads`, which takes out of the union what a replaced graph alone
    held) are added. Elsewhere it is put into an empty default graph, which is then
    reserved for it. rdflib's own store needs nothing: its union is a set already. Call it
    on a store that reads and writes, that no one else shares (it changes ``ds``).

    >>> ds = new_dataset("oxigraph")
    >>> add_nquads(ds, '<http://ex/s> <http://ex/p> "o" <http://ex/a> .\\n<http://ex/s> <http://ex/p> "o" <http://ex/b> .\\n')
    >>> keep_union(ds)
    >>> len(ds.default_graph), len(list(ds.quads((None, None, None, None))))
    (1, 2)
    """
    if not on_oxigraph(ds):
        return
    if keeps_union(ds) and graphs is not None:
        names = " ".join(str(ox.NamedNode(name)) for name in graphs)
        if names:
            log.info("adding the new graphs to the union in the default graph")
            ds.default_graph.update(
                f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} }}"
            )
    elif keeps_union(ds):
        log.info("making the union of the graphs again in the default graph")
        ds.default_graph.update(UNION_AGAIN)
    elif not has_default_triples(ds):
        log.info("putting the union of the graphs into the default graph")
        ds.default_graph.update(UNION_INTO_DEFAULT)
        if isinstance(ds.store, _OxStore):
            ds.store.union_in_default = True


def flush(ds: Dataset) -> None:
    """Write what an Oxigraph store holds in memory into its files.

    A store folder closed without it keeps its last writes in its log, which every later
    opening (each ``kg query --graph DIR``) reads again: seconds for a large build.
    """
    store = oxigraph_store(ds)
    if store is not None:
        assert isinstance(store, ox.Store)
        store.flush()


def clear(ds: Dataset) -> None:
    """Remove every graph and triple of ``ds``."""
    store = oxigraph_store(ds)
    if store is not None:
        assert isinstance(store, ox.Store)
        store.clear()
        return
    for g in list(ds.graphs()):
        ds.remove_graph(g)
    ds.remove((None, None, None))  # type: ignore[arg-type]


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a store folder that a build wrote."""
    return (Path(path) / _MARKER).is_file()


def staging_folder(path: str | Path) -> Path:
    """A new folder beside ``path`` to build a store in before it replaces ``path`` (leftovers of killed
    builds are removed)."""
    path = Path(path).absolute()
    if path.exists() and not is_store(path) and (not path.is_dir() or any(path.iterdir())):
        raise GraphError("cannot create a store here: not an empty folder nor a store", path=path)
    for old in path.parent.glob(f".{path.name}.building-*"):
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    staging = path.parent / f".{path.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def replace_folder(new: Path, path: Path) -> None:
    """Put the folder ``new`` in place of ``path`` (two renames; the old one is removed after)."""
    if path.exists() and not is_store(path) and (not path.is_dir() or any(path.iterdir())):
        raise GraphError("cannot put the store here: not an empty folder nor a store", path=path)
    old = path.parent / f".{path.name}.old-{os.getpid()}"
    if path.exists():
        os.replace(path, old)
    os.replace(new, path)
    shutil.rmtree(old, ignore_errors=True)


def open_store(path: str | Path, *, read_only: bool = True) -> Dataset:
    """The Dataset in the store folder ``path`` (written by ``kg build --store``), without parsing anything.

    Raises :class:`~kg.errors.GraphError` when ``path`` is not such a folder.
    """
    path = Path(path)
    if not is_store(path):
        raise GraphError("not a store folder (make one with `kg build --store DIR`)", path=path)
    try:
        store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as err:  # RocksDB's errors (a store another build is writing)
        raise GraphError(f"cannot open the store: {err}", path=path) from err
    return _wrap(store, union=True)


def copy_store(path: str | Path, to: str | Path) -> Path:
    """Copy the store folder ``path`` to the new folder ``to`` (a RocksDB checkpoint: hard links, fast).

    The copy is a store of its own: changing it leaves ``path`` as it was.
    """
    path, to = Path(path), Path(to)
    if not is_store(path):
        raise GraphError("not a store folder (make one with `kg build --store DIR`)", path=path)
    try:
        store = ox.Store(str(path))  # read-write: a read-only store's checkpoint misses its log
        store.backup(str(to))
    except (OSError, RuntimeError) as err:
        raise GraphError(f"cannot copy the store to {to}: {err}", path=path) from err
    del store
    shutil.copyfile(path / _MARKER, to / _MARKER)
    return to


def add_nquads(ds: Dataset, text: str = "", *, path: str | Path | None = None, replace: Iterable[str] = ()) -> None:
    """Add N-Quads (``text``, or the file ``path``) to ``ds``, whatever its store, after emptying the graphs
    named in ``replace``.

    In a store that keeps the union of its graphs (:func:`keeps_union`), what an emptied graph
    alone held leaves the union too; what is added joins it only with :func:`keep_union`.

    >>> ds = new_dataset("oxigraph")
    >>> add_nquads(ds, '<http://ex/s> <http://ex/p> "o" <http://ex/g> .\\n')
    >>> len(ds)
    1
    """
    store = oxigraph_store(ds)
    if store is not None:
        assert isinstance(store, ox.Store)
        union = keeps_union(ds) and _default_triples(store)
        for name in replace:
            if union:
                store.update(DROP_FROM_UNION.format(g=ox.NamedNode(name)))  # one transaction
            else:
                store.remove_graph(ox.NamedNode(name))
        if path is not None:
            store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
        elif text:
            store.load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return
    for name in replace:
        ds.remove_graph(URIRef(name))
    if path is not None:
        ds.parse(str(path), format="nquads")
    elif text:
        ds.parse(data=text, format="nquads")


def union(ds: Dataset | Graph) -> Graph:
    """All triples of every graph of ``ds`` in one graph (rdflib's memory store)."""
    if not isinstance(ds, Dataset):
        return ds
    g = Graph()
    if keeps_union(ds) and has_default_triples(ds):  # kept as a set: each triple read once
        g += ds.default_graph.triples((None, None, None))
        return g
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


# -- writing ---------------------------------------------------------------------------------


def _format(fmt: str) -> str:
    name = FORMATS.get(fmt, fmt)
    if name not in FORMATS.values():
        raise GraphError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return name


def serialize_graph(ds: Dataset | Graph, *, format: str = "turtle", base: str = DEFAULT_BASE) -> str:
    """``ds`` as text in ``format`` (turtle, trig, nt, nquads, json-ld), deterministically.

    Turtle, N-Triples and JSON-LD hold the union of all graphs; TriG and N-Quads keep them apart.

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph(); _ = g.add((URIRef(DEFAULT_BASE + "film/x"), URIRef("https://schema.org/name"), Literal("X")))
    >>> print(serialize_graph(g).splitlines()[-1])
    <film/x> schema:name "X" .
    """
    import io

    fmt = _format(format)
    if fmt == "json-ld":
        return _jsonld(ds, base)
    out = io.StringIO()
    write_formats(ds, {fmt: out}, base=base)
    return out.getvalue()


def write_graph(ds: Dataset | Graph, path: str | Path, *, format: str | None = None, base: str = DEFAULT_BASE) -> Path:
    """Write ``ds`` to ``path`` (format from the extension unless given), atomically; ``-`` is stdout."""
    fmt = _format(format or Path(str(path)).suffix.lstrip(".") or "turtle")
    if str(path) == "-":
        import sys

        sys.stdout.write(serialize_graph(ds, format=fmt, base=base))
        return Path("-")
    return write_graphs(ds, {fmt: path}, base=base)[0]


def write_graphs(ds: Dataset | Graph, files: Mapping[str, str | Path], *, base: str = DEFAULT_BASE) -> list[Path]:
    """Write ``ds`` in several formats (format -> path) in one pass over the store.

    Every file is written under a temporary name first; only when all are
    complete are they renamed into place, so an interrupted write leaves the
    previous files as they were.
    """
    wanted = {_format(fmt): Path(p) for fmt, p in files.items()}
    with atomic_files(list(wanted.values())) as handles:
        by_fmt = dict(zip(wanted, handles, strict=True))
        lines = {fmt: fh for fmt, fh in by_fmt.items() if fmt in LINE_FORMATS}
        if lines:
            write_formats(ds, lines, base=base)
        if "json-ld" in by_fmt:
            by_fmt["json-ld"].write(_jsonld(ds, base))
    return list(wanted.values())


@contextmanager
def atomic_files(paths: list[Path]) -> Iterator[list[IO[str]]]:
    """Open temporary files beside ``paths``; rename them all into place when the block succeeds."""
    temps: list[tuple[Path, IO[str]]] = []
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _signals_held():  # a Ctrl-C between creating a file and noting it would leave it behind
                fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                temps.append((Path(name), os.fdopen(fd, "w", encoding="utf-8", newline="\n")))
            os.fchmod(fd, 0o666 & ~_umask())
        yield [fh for _, fh in temps]
        for _, fh in temps:
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        with _signals_held():  # all files are renamed, or none
            for (tmp, _), path in zip(temps, paths, strict=True):
                os.replace(tmp, path)
    finally:
        for tmp, fh in temps:
            fh.close()
            tmp.unlink(missing_ok=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (in the main thread) until the block is done; they arrive after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file renamed into place."""
    with atomic_files([path]) as (fh,):
        fh.write(text)
    return path


def _quads(ds: Dataset | Graph) -> Iterator[Quad]:
    if isinstance(ds, Dataset):
        for s, p, o, g in ds.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            yield s, p, o, None if name is None or name == ds.default_graph.identifier else name
    else:
        for s, p, o in ds:
            yield s, p, o, None


def _jsonld(ds: Dataset | Graph, base: str) -> str:
    def value(o: Node) -> dict[str, str]:
        if isinstance(o, Literal):
            v: dict[str, str] = {"@value": str(o)}
            if o.language:
                v["@language"] = o.language
            elif o.datatype is not None and o.datatype != XSD.string:
                v["@type"] = str(o.datatype)
            return v
        return {"@id": str(o)}

    graphs: dict[str, dict[str, dict[str, list[dict[str, str]]]]] = defaultdict(lambda: defaultdict(dict))
    for s, p, o, g in _quads(ds):
        node = graphs[str(g) if g is not None else ""][str(s)]
        node.setdefault(str(p), []).append(value(o))

    def nodes(subjects: dict[str, dict[str, list[dict[str, str]]]]) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for s in sorted(subjects):
            props = subjects[s]
            item: dict[str, object] = {"@id": s}
            for p in sorted(props):
                item[p] = sorted(props[p], key=lambda v: json.dumps(v, sort_keys=True))
            out.append(item)
        return out

    doc: list[dict[str, object]] = nodes(graphs.pop("", {}))
    doc += [{"@id": name, "@graph": nodes(graphs[name])} for name in sorted(graphs)]
    return json.dumps({"@context": {"@base": base}, "@graph": doc}, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


# -- reading ---------------------------------------------------------------------------------


def read_graph(path: str | Path, *, store: str | None = None) -> Dataset:
    """The graph in ``path`` as a Dataset: a file (Turtle, TriG, N-Triples, N-Quads or JSON-LD, by extension)
    or a store folder written by ``kg build --store`` (opened read-only, nothing parsed).

    Named graphs are kept; the Dataset's default graph is the union of all of them. Files larger
    than a few megabytes are read into Oxigraph (``store="rdflib"`` or ``"oxigraph"`` forces one).
    Raises :class:`~kg.errors.GraphError` naming the file, line and column of a syntax error.
    """
    path = Path(path)
    if path.is_dir():
        return open_store(path)
    fmt = FORMATS.get(path.suffix.lstrip("."))
    if fmt is None:
        raise GraphError(f"unknown graph format {path.suffix!r}; expected one of {', '.join(FORMATS)}", path=path)
    if not path.exists():
        raise GraphError("no such file (build one with `kg build`)", path=path)
    kind = store or ("oxigraph" if fmt in _RDF_FORMATS and path.stat().st_size > _BIG_FILE else "rdflib")
    if kind == "oxigraph" and fmt in _RDF_FORMATS:
        return _read_oxigraph(path, fmt)
    ds = Dataset(default_union=True)
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=fmt)
    except Exception as err:  # rdflib raises many kinds; all mean the same to a user
        line, column = _position(err)
        raise GraphError(f"cannot parse {fmt}: {_first_line(err)}", path=path, line=line, column=column) from err
    return ds


def _read_oxigraph(path: Path, fmt: str) -> Dataset:
    store = ox.Store()
    graph = None if fmt in ("trig", "nquads") else ox.NamedNode(path.resolve().as_uri())
    try:
        store.bulk_load(path=str(path), format=_RDF_FORMATS[fmt], base_iri=DEFAULT_BASE, to_graph=graph)
    except SyntaxError as err:
        raise GraphError(f"cannot parse {fmt}: {err.msg}", path=path, line=err.lineno, column=err.offset) from err
    return _wrap(store)


def _position(err: Exception) -> tuple[int | None, int | None]:
    line = getattr(err, "lines", None) or getattr(err, "line", None)
    m = re.search(r"line (\d+)(?:, column (\d+))?", str(err))
    if m:
        return int(m.group(1)), int(m.group(2)) if m.group(2) else None
    return (line if isinstance(line, int) else None), None


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:200] if text else type(err).__name__
