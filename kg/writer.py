"""Deterministic RDF text at Oxigraph's speed: Turtle, TriG, N-Triples and N-Quads from sorted lines.

Every graph is first written as canonical N-Triples lines (one spelling per
term: the escapes Oxigraph uses, plus every bidirectional-override and line
separator character as ``\\uXXXX`` so review text stays inert in any viewer).
Sorted lines are the one order of every format: subjects, then predicates
(``rdf:type`` first), then objects, in the code-point order of their
N-Triples spelling; the Turtle writers only group and abbreviate them. So the
same graph gives the same bytes whichever store holds it (rdflib's memory
store or Oxigraph, where lines come straight from its Rust serializer), in
whatever order or from however many processes its triples were added.

The union of all graphs (Turtle, N-Triples) is sorted in runs of bounded
size spilled to temporary files and merged, so writing needs little memory
beyond the store itself.
"""

from __future__ import annotations

import heapq
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import groupby
from typing import IO, Any, Protocol

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Dataset
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS
from rdflib.term import Node

from kg.errors import GraphError
from kg.vocab import DEFAULT_BASE, PREFIXES

__all__ = [
    "LINE_FORMATS",
    "PREFIX_MAP",
    "GraphSource",
    "keeps_union",
    "nt_line",
    "nt_term",
    "source_of",
    "write_formats",
]

PREFIX_MAP = {
    **PREFIXES,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
}
LINE_FORMATS = ("turtle", "trig", "nt", "nquads")

TYPE = f"<{RDF.type}>"
_MARK = "\x01"  # stands for rdf:type while sorting (escaped everywhere else), so types come first
_TYPED = re.compile(r"\n([^ \n]+) <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> ")  # a literal "\n" prefix: fast
_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# what Oxigraph escapes in literals, and (our addition) bidi overrides and line separators
_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f\ufffe\uffff\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]')
_EXTRA = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")  # the part Oxigraph leaves raw
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_BARE = {
    f"<{XSD.integer}>": re.compile(r"[+-]?\d+"),
    f"<{XSD.decimal}>": re.compile(r"[+-]?\d*\.\d+"),
    f"<{XSD.boolean}>": re.compile(r"true|false"),
}
_STRING = f"<{XSD.string}>"
_DECIMAL_IRI = f"<{XSD.decimal}>"
RUN_BYTES = 16_000_000  # union lines held in memory before a sorted run is spilled to disk
CACHE_TERMS = 100_000  # Turtle spellings remembered (most IRIs of a review graph are used once)


def _escape_char(m: re.Match[str]) -> str:
    c = m.group(0)
    return _ESCAPE.get(c) or f"\\u{ord(c):04X}"


def _canonical_integer(lexical: str) -> str:
    return str(int(lexical)) if _INTEGER.fullmatch(lexical) else lexical


def _canonical_decimal(lexical: str) -> str:
    if not _DECIMAL.fullmatch(lexical):
        return lexical
    value = Decimal(lexical)
    return "0" if value == 0 else format(value.normalize(), "f")


def _canonical_boolean(lexical: str) -> str:
    return {"1": "true", "0": "false"}.get(lexical, lexical)


# the lexical forms Oxigraph keeps of these datatypes (it stores their values), so both stores agree
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_CANONICAL = {XSD.integer: _canonical_integer, XSD.decimal: _canonical_decimal, XSD.boolean: _canonical_boolean}


def nt_term(term: Node) -> str:
    """The canonical N-Triples spelling of an rdflib term.

    >>> nt_term(Literal("a\\u202eb"))
    '"a\\\\u202Eb"'
    """
    if isinstance(term, URIRef):
        value = str(term)
        if _IRI_UNSAFE.search(value):
            raise GraphError(f"IRI with characters Turtle cannot hold: {value[:80]!r}")
        return f"<{_EXTRA.sub(_escape_char, value)}>"
    if isinstance(term, Literal):
        dt = term.datatype
        lexical = str(term) if dt not in _CANONICAL else _CANONICAL[dt](str(term))
        quoted = '"' + _UNSAFE.sub(_escape_char, lexical) + '"'
        if term.language:
            return f"{quoted}@{term.language.lower()}"
        if dt is not None and dt != XSD.string:
            return f"{quoted}^^{nt_term(dt)}"
        return quoted
    if isinstance(term, BNode):
        return f"_:{term}"
    raise GraphError(f"cannot write term {term!r}")


def nt_line(s: Node, p: Node, o: Node, cache: dict[Node, str] | None = None) -> str:
    """One canonical N-Triples line (``\\n``-terminated); ``cache`` keeps the spelling of repeated terms."""
    if cache is None:
        return f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"
    out = []
    for t in (s, p, o):
        text = cache.get(t)
        if text is None:
            text = nt_term(t)
            if not isinstance(t, Literal):
                cache[t] = text
        out.append(text)
    return f"{out[0]} {out[1]} {out[2]} .\n"


# -- where lines come from -------------------------------------------------------------------


class GraphSource(Protocol):
    """A dataset seen as canonical N-Triples text per graph."""

    def graph_names(self) -> list[str | None]:
        """The graphs holding triples: ``None`` (the default graph) first, then names sorted."""
        ...

    def graph_text(self, name: str | None) -> str:
        """The graph's triples as canonical N-Triples lines, each ending in ``\\n``."""
        ...

    def union_texts(self, size: int) -> Iterator[str]:
        """All graphs' triples (repeats allowed) as canonical lines, in pieces of about ``size`` characters."""
        ...


class _RdflibSource:
    """An rdflib Graph or Dataset (rdflib's own store): lines rendered here."""

    def __init__(self, ds: Graph) -> None:
        self.lines: dict[str | None, list[str]] = {}
        cache: dict[Node, str] = {}
        if isinstance(ds, Dataset):
            default = ds.default_graph.identifier
            for s, p, o, g in ds.quads((None, None, None, None)):
                name = g.identifier if isinstance(g, Graph) else g
                key = None if name is None or name in (default, DATASET_DEFAULT_GRAPH_ID) else nt_term(name)
                self.lines.setdefault(key, []).append(nt_line(s, p, o, cache))
        else:
            self.lines[None] = [nt_line(s, p, o, cache) for s, p, o in ds]

    def graph_names(self) -> list[str | None]:
        named = sorted(k for k, v in self.lines.items() if k is not None and v)
        return ([None] if self.lines.get(None) else []) + list(named)

    def graph_text(self, name: str | None) -> str:
        return "".join(self.lines.get(name, ()))

    def union_texts(self, size: int) -> Iterator[str]:
        for lines in self.lines.values():
            yield "".join(lines)


class _OxigraphSource:
    """A pyoxigraph Store: lines from Oxigraph's own N-Triples serializer (the default graph left out
    with ``named_only``)."""

    def __init__(self, store: object, *, named_only: bool = False) -> None:
        import pyoxigraph as ox

        assert isinstance(store, ox.Store)
        self.ox, self.store, self.named_only = ox, store, named_only

    def graph_names(self) -> list[str | None]:
        ox = self.ox
        names = sorted(
            _EXTRA.sub(_escape_char, str(g)) for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)
        )
        names = [n for n in names if next(self.store.quads_for_pattern(None, None, None, self._graph(n)), None)]
        default = self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        has_default = not self.named_only and next(default, None) is not None
        return ([None] if has_default else []) + list(names)

    def _graph(self, name: str | None) -> Any:
        if name is None:
            return self.ox.DefaultGraph()
        value = name[1:-1]
        if "\\u" in value:
            value = value.encode("ascii", "backslashreplace").decode("unicode_escape")
        return self.ox.NamedNode(value)

    def graph_text(self, name: str | None) -> str:
        data = self.store.dump(format=self.ox.RdfFormat.N_TRIPLES, from_graph=self._graph(name))
        assert isinstance(data, bytes)
        return _canonical(data.decode("utf-8"))

    def union_texts(self, size: int) -> Iterator[str]:
        for name in self.graph_names():  # one dump per graph beats one SPARQL CONSTRUCT of the union
            yield self.graph_text(name)


def _canonical(text: str) -> str:
    """Oxigraph's N-Triples with the characters it leaves raw escaped as we write them."""
    return text if text.isascii() or not _EXTRA.search(text) else _EXTRA.sub(_escape_char, text)


def oxigraph_store(ds: object) -> object | None:
    """The pyoxigraph Store behind ``ds`` (a Store, or an rdflib graph over oxrdflib), else ``None``."""
    import pyoxigraph as ox

    if isinstance(ds, ox.Store):
        return ds
    inner = getattr(getattr(ds, "store", None), "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def keeps_union(ds: object) -> bool:
    """Whether the default graph of ``ds`` is reserved for the union of its named graphs (a store folder).

    Such a default graph is either empty (an older store folder, or one whose graphs are
    changing) or the set union of the named graphs, kept there for queries
    (:func:`kg.store.keep_union`); it is never read or written as a graph of its own.

    >>> from rdflib import Dataset
    >>> keeps_union(Dataset())
    False
    """
    return bool(getattr(getattr(ds, "store", None), "union_in_default", False))


def source_of(ds: object) -> GraphSource:
    """The fastest :class:`GraphSource` for ``ds`` (an rdflib Graph/Dataset or a pyoxigraph Store)."""
    store = oxigraph_store(ds)
    if store is not None:
        return _OxigraphSource(store, named_only=keeps_union(ds))
    if isinstance(ds, Graph):
        return _RdflibSource(ds)
    raise GraphError(f"cannot write a {type(ds).__name__}; expected an rdflib Graph or Dataset")


# -- sorting ---------------------------------------------------------------------------------


def _mark(m: re.Match[str]) -> str:
    return f"\n{m.group(1)} {_MARK} "


def _sorted_lines(text: str) -> list[str]:
    """Lines of ``text`` in writing order (rdf:type marked so it sorts first)."""
    lines = _TYPED.sub(_mark, "\n" + text).split("\n")
    lines.pop()  # after the last "\n"
    lines[0:1] = []  # before the first
    lines.sort()
    return lines


class _Union:
    """Sorted, duplicate-free union of many graphs' lines, in runs spilled past ``limit`` bytes."""

    def __init__(self, limit: int = RUN_BYTES) -> None:
        self.limit, self.size = limit, 0
        self.pending: list[str] = []
        self.runs: list[IO[str]] = []

    def add(self, text: str) -> None:
        self.pending.append(text)
        self.size += len(text)
        if self.size >= self.limit:
            self._spill()

    def _spill(self) -> None:
        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", prefix="kg-sort-")
        run.write("\n".join(_sorted_lines("".join(self.pending))))
        run.write("\n")
        run.seek(0)
        self.runs.append(run)
        self.pending, self.size = [], 0

    def lines(self) -> Iterable[str]:
        """Each line once, in order, without its newline (a list when it fits in memory)."""
        if not self.runs:
            return [line for line, _ in groupby(_sorted_lines("".join(self.pending)))]
        if self.pending:
            self._spill()
        return self._merged()

    def _merged(self) -> Iterator[str]:
        for line, _ in groupby(heapq.merge(*self.runs)):
            yield line[:-1]
        for run in self.runs:
            run.close()


# -- Turtle ----------------------------------------------------------------------------------


class _Abbrev:
    """N-Triples spellings -> Turtle: ``@base``-relative IRIs, prefixed names, bare numbers."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.prefixes = sorted(PREFIX_MAP.items(), key=lambda kv: -len(kv[1]))
        self.cache: dict[str, str] = {_MARK: "a"}

    def iri(self, text: str) -> str:
        out = self.cache.get(text)
        if out is None:
            if len(self.cache) > CACHE_TERMS:
                self.cache.clear()
                self.cache[_MARK] = "a"
            out = self.cache[text] = self._iri(text)
        return out

    def _iri(self, text: str) -> str:
        value = text[1:-1]
        base = self.base
        if base and value.startswith(base) and len(value) > len(base):
            rel = value[len(base) :]
            if ":" not in rel.split("/", 1)[0] and not rel.startswith(("/", "?", "#")):
                return f"<{rel}>"
        for prefix, ns in self.prefixes:
            if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns) :]):
                return f"{prefix}:{value[len(ns) :]}"
        return text

    def obj(self, text: str) -> str:
        first = text[0]
        if first == "<":
            return self.iri(text)
        if first != '"' or text[-1] != ">":
            return text  # plain or language-tagged literal, blank node
        cut = text.rfind('"^^<')
        dt = text[cut + 3 :]
        bare = _BARE.get(dt)
        lexical = text[1:cut]
        if bare is not None and bare.fullmatch(lexical):
            return lexical
        if dt == _DECIMAL_IRI and _INTEGER.fullmatch(lexical):
            return lexical + ".0"  # Oxigraph's canonical "0" of a decimal, written as a Turtle decimal
        return f"{text[: cut + 3]}{self.iri(dt)}"


def _turtle(lines: Iterable[str], abbrev: _Abbrev, write: Callable[[str], object], indent: str = "") -> None:
    """Write sorted lines (without newlines) as Turtle statements, one subject per statement."""
    cur_s = cur_p = ""
    out: list[str] = []
    append = out.append
    iri, obj, cache = abbrev.iri, abbrev.obj, abbrev.cache
    more, end = f" ;\n{indent}    ", " .\n"
    for line in lines:
        s, p, o = line.split(" ", 2)
        o = o[:-2]  # " ."
        o = o if o[-1] == '"' else (cache.get(o) or obj(o))
        if s == cur_s:
            if p == cur_p:
                append(", " + o)
            else:
                append(more + (cache.get(p) or iri(p)) + " " + o)
                cur_p = p
        else:
            if cur_s:
                append(end)
                if len(out) > 8192:
                    write("".join(out))
                    out.clear()
            append(indent + (cache.get(s) or iri(s)) + " " + (cache.get(p) or iri(p)) + " " + o)
            cur_s, cur_p = s, p
    if cur_s:
        append(end)
    write("".join(out))


def _head(base: str) -> str:
    return f"@base <{base}> .\n" + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIX_MAP.items())) + "\n"


def _untyped(lines: list[str]) -> str:
    return ("\n".join(lines) + "\n").replace(_MARK, TYPE) if lines else ""


def write_formats(
    ds: object, outputs: dict[str, IO[str]], *, base: str = DEFAULT_BASE, run_bytes: int = RUN_BYTES
) -> int:
    """Write ``ds`` in each format of ``outputs`` (turtle, trig, nt, nquads -> an open text file) in one pass.

    Turtle and N-Triples hold the union of all graphs, TriG and N-Quads keep them apart.
    Returns the number of distinct triples in the union when Turtle or N-Triples was written (else 0).

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph(); _ = g.add((URIRef(DEFAULT_BASE + "film/x"), URIRef("https://schema.org/name"), Literal("X")))
    >>> import io
    >>> out = io.StringIO(); _ = write_formats(g, {"turtle": out}); print(out.getvalue().splitlines()[-1])
    <film/x> schema:name "X" .
    """
    unknown = set(outputs) - set(LINE_FORMATS)
    if unknown:
        raise GraphError(f"unknown format {sorted(unknown)[0]!r}; expected one of {', '.join(LINE_FORMATS)}")
    source = source_of(ds)
    abbrev = _Abbrev(base)
    trig, nquads = outputs.get("trig"), outputs.get("nquads")
    union = _Union(run_bytes) if ("turtle" in outputs or "nt" in outputs) else None
    if trig is not None:
        trig.write(_head(base))
    if trig is None and nquads is None and union is not None:
        for text in source.union_texts(run_bytes):
            union.add(text)
    for name in source.graph_names() if (trig is not None or nquads is not None) else ():
        text = source.graph_text(name)
        if union is not None:
            union.add(text)
        lines = _sorted_lines(text)
        if nquads is not None:
            untyped = _untyped(lines)
            nquads.write(untyped if name is None else untyped.replace(" .\n", f" {name} .\n"))
        if trig is not None:
            if name is None:
                _turtle(lines, abbrev, trig.write)
                trig.write("\n")
            else:
                trig.write(f"{abbrev.iri(name)} {{\n")
                _turtle(lines, abbrev, trig.write, "    ")
                trig.write("}\n\n")
    if union is None:
        return 0
    turtle, nt = outputs.get("turtle"), outputs.get("nt")
    if turtle is not None:
        turtle.write(_head(base))
    merged = union.lines()
    if isinstance(merged, list):  # all in memory: written, then counted
        if turtle is not None:
            _turtle(merged, abbrev, turtle.write)
        if nt is not None:
            for i in range(0, len(merged), 65536):
                nt.write(_untyped(merged[i : i + 65536]))
        return len(merged)
    counted = _Counted(merged, nt)  # merged from runs on disk: one pass feeds both files
    if turtle is not None:
        _turtle(counted, abbrev, turtle.write)
    else:
        for _ in counted:
            pass
    return counted.count


class _Counted:
    """Lines passing through, counted, and copied to an N-Triples file on the way."""

    def __init__(self, lines: Iterable[str], nt: IO[str] | None) -> None:
        self.lines, self.nt, self.count = lines, nt, 0

    def __iter__(self) -> Iterator[str]:
        batch: list[str] = []
        for line in self.lines:
            self.count += 1
            yield line
            if self.nt is not None:
                batch.append(line)
                if len(batch) >= 4096:
                    self.nt.write(_untyped(batch))
                    batch.clear()
        if self.nt is not None:
            self.nt.write(_untyped(batch))
