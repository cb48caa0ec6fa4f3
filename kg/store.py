"""Graphs on disk: deterministic Turtle, TriG, N-Triples, N-Quads and JSON-LD; reading; SHACL.

Writers sort subjects, predicates and objects, write IRIs under the base as
relative ``<film/…>`` against an ``@base``, and escape every control and
bidirectional-override character in literals, so the same graph always gives
the same bytes and review text stays inert in any viewer. Files are written
to a temporary name and renamed into place: a crash never leaves half a file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS
from rdflib.term import Node

from kg.errors import GraphError
from kg.vocab import DEFAULT_BASE, PREFIXES

__all__ = [
    "FORMATS",
    "read_graph",
    "serialize_graph",
    "union",
    "write_graph",
]

log = logging.getLogger(__name__)

FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
_PREFIXES = {**PREFIXES, "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD), "dcterms": str(DCTERMS)}
_BARE = {
    XSD.integer: re.compile(r"[+-]?\d+"),
    XSD.decimal: re.compile(r"[+-]?\d*\.\d+"),
    XSD.boolean: re.compile(r"true|false"),
}
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')

Quad = tuple[Node, Node, Node, Node | None]


def union(ds: Dataset | Graph) -> Graph:
    """All triples of every graph of ``ds`` in one graph."""
    if not isinstance(ds, Dataset):
        return ds
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


# -- writing ---------------------------------------------------------------------------------


class _Terms:
    """Renders terms as Turtle/N-Triples text, abbreviating where the syntax allows."""

    def __init__(self, base: str | None, prefixes: dict[str, str] | None) -> None:
        self.base = base
        self.prefixes = sorted((prefixes or {}).items(), key=lambda kv: -len(kv[1]))
        self.cache: dict[Node, str] = {}

    def __call__(self, term: Node) -> str:
        text = self.cache.get(term)
        if text is None:
            text = self.cache[term] = self._render(term)
        return text

    def _render(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return self._iri(str(term))
        if isinstance(term, Literal):
            return self._literal(term)
        if isinstance(term, BNode):
            return f"_:{term}"
        raise GraphError(f"cannot write term {term!r}")

    def _iri(self, value: str) -> str:
        if _IRI_UNSAFE.search(value):
            raise GraphError(f"IRI with characters Turtle cannot hold: {value[:80]!r}")
        if self.base and value.startswith(self.base) and len(value) > len(self.base):
            return f"<{value[len(self.base) :]}>"
        for prefix, ns in self.prefixes:
            if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns) :]):
                return f"{prefix}:{value[len(ns) :]}"
        return f"<{value}>"

    def _literal(self, lit: Literal) -> str:
        lexical = str(lit)
        dt = lit.datatype
        if self.prefixes and dt in _BARE and _BARE[dt].fullmatch(lexical):
            return lexical
        quoted = '"' + _UNSAFE.sub(_escape_char, lexical) + '"'
        if lit.language:
            return f"{quoted}@{lit.language}"
        if dt is not None and dt != XSD.string:
            return f"{quoted}^^{self._iri(str(dt))}"
        return quoted


def _escape_char(m: re.Match[str]) -> str:
    c = m.group(0)
    return _ESCAPE.get(c) or f"\\u{ord(c):04X}"


def _sort_key(term: Node) -> tuple[int, str]:
    return (0 if isinstance(term, URIRef) else 1 if isinstance(term, BNode) else 2, str(term))


def _object_key(term: Node) -> tuple[int, str, str]:
    dt = str(term.datatype or "") if isinstance(term, Literal) else ""
    return (*_sort_key(term), dt)


def _quads(ds: Dataset | Graph) -> Iterator[Quad]:
    if isinstance(ds, Dataset):
        for s, p, o, g in ds.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            yield s, p, o, None if name is None or name == ds.default_graph.identifier else name
    else:
        for s, p, o in ds:
            yield s, p, o, None


def _turtle_block(triples: Iterable[tuple[Node, Node, Node]], term: _Terms, indent: str) -> list[str]:
    by_subject: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    lines: list[str] = []
    for s in sorted(by_subject, key=_sort_key):
        preds = by_subject[s]
        order = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for p in order:
            objs = ", ".join(term(o) for o in sorted(preds[p], key=_object_key))
            parts.append(f"{'a' if p == RDF.type else term(p)} {objs}")
        body = f" ;\n{indent}    ".join(parts)
        lines.append(f"{indent}{term(s)} {body} .\n")
    return lines


def serialize_graph(ds: Dataset | Graph, *, format: str = "turtle", base: str = DEFAULT_BASE) -> str:
    """``ds`` as text in ``format`` (turtle, trig, nt, nquads, json-ld), deterministically.

    Turtle, N-Triples and JSON-LD hold the union of all graphs; TriG and N-Quads keep them apart.

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph(); g.add((URIRef(DEFAULT_BASE + "film/x"), URIRef("https://schema.org/name"), Literal("X")))
    >>> print(serialize_graph(g).splitlines()[-1])
    <film/x> schema:name "X" .
    """
    format = FORMATS.get(format, format)
    if format in ("nt", "nquads"):
        term = _Terms(None, None)
        keep_graph = format == "nquads"
        lines = set()
        for s, p, o, g in _quads(ds):
            ctx = f" {term(g)}" if keep_graph and g is not None else ""
            lines.add(f"{term(s)} {term(p)} {term(o)}{ctx} .\n")
        return "".join(sorted(lines))
    if format == "json-ld":
        return _jsonld(ds, base)
    if format not in ("turtle", "trig"):
        raise GraphError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    term = _Terms(base, _PREFIXES)
    head = [f"@base <{base}> .\n"] + [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(_PREFIXES.items())] + ["\n"]
    if format == "turtle":
        return "".join(head + _turtle_block(((s, p, o) for s, p, o, _ in _quads(ds)), term, ""))
    graphs: dict[Node | None, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for s, p, o, g in _quads(ds):
        graphs[g].append((s, p, o))
    out = list(head)
    if None in graphs:
        out += _turtle_block(graphs.pop(None), term, "")
        out.append("\n")
    for name in sorted(graphs, key=_sort_key):
        out.append(f"{term(name)} {{\n")
        out += _turtle_block(graphs[name], term, "    ")
        out.append("}\n\n")
    return "".join(out)


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


def write_graph(ds: Dataset | Graph, path: str | Path, *, format: str | None = None, base: str = DEFAULT_BASE) -> Path:
    """Write ``ds`` to ``path`` (format from the extension unless given), atomically; ``-`` is stdout."""
    fmt = format or FORMATS.get(Path(str(path)).suffix.lstrip("."), "turtle")
    text = serialize_graph(ds, format=fmt, base=base)
    if str(path) == "-":
        import sys

        sys.stdout.write(text)
        return Path("-")
    return write_text_atomic(Path(path), text)


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# -- reading ---------------------------------------------------------------------------------


def read_graph(path: str | Path) -> Dataset:
    """The graph in ``path`` (Turtle, TriG, N-Triples, N-Quads or JSON-LD, by extension) as a Dataset.

    Named graphs are kept; the Dataset's default graph is the union of all of them.
    Raises :class:`~kg.errors.GraphError` naming the file, line and column of a syntax error.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lstrip("."))
    if fmt is None:
        raise GraphError(f"unknown graph format {path.suffix!r}; expected one of {', '.join(FORMATS)}", path=path)
    if not path.exists():
        raise GraphError("no such file (build one with `kg build`)", path=path)
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


def _position(err: Exception) -> tuple[int | None, int | None]:
    line = getattr(err, "lines", None) or getattr(err, "line", None)
    m = re.search(r"line (\d+)(?:, column (\d+))?", str(err))
    if m:
        return int(m.group(1)), int(m.group(2)) if m.group(2) else None
    return (line if isinstance(line, int) else None), None


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:200] if text else type(err).__name__
