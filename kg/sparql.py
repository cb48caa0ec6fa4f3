"""The query library: load ``queries/*.rq``, run them locally or on a server, print answers.

A query file starts with a header comment::

    # The remakes of a film, direct and transitive.        <- summary (``kg query --list``)
    #
    # Answers: which films remake ?film ...                <- what it answers
    # Parameters:
    #   ?film (iri, required) the film whose remakes ...   <- ?name (kind[, required]) text
    # Example:
    #   kg query remakes --bind film=film/el-desconocido-2015

Parameter kinds are ``iri`` (a full IRI, ``<IRI>``, a key under the base such as
``film/hard-hit-2021``, or a prefixed name such as ``fkg:remakeOf``), ``string``,
``integer``, ``decimal`` and ``date``. A value is always turned into an RDF term
of its declared kind (:func:`parse_bindings`) and *bound*, never pasted: here
through rdflib's ``initBindings`` (:func:`run_local`); on a server through
:func:`bind_values`, the one place where a value is written into query
text, as ``Literal(v).n3()`` / ``URIRef(v).n3()`` in a ``VALUES`` block.
:func:`kg.server.run_query` runs a query either way (``kg query``).

Queries read the union of a build's named graphs as a *set* of triples (each triple
once, however many review graphs repeat it): locally an rdflib ``Dataset`` with
``default_union=True``; on a server its default graph, which ``kg serve`` and
``kg push`` fill with that set (:mod:`kg.server`). Both engines give the same answers,
and the queries need no ``DISTINCT`` against repeated matches.

>>> q = parse_query("# Count films.\\nSELECT (COUNT(*) AS ?n) WHERE { ?f ?p ?o }", name="n")
>>> q.summary
'Count films.'
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal as TypingLiteral

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import QueryError
from kg.vocab import DEFAULT_BASE, PREFIXES

__all__ = [
    "FORMATS",
    "NamedQuery",
    "Param",
    "Table",
    "bind_values",
    "find_queries",
    "graph_table",
    "load_query",
    "parse_bindings",
    "parse_query",
    "query_form",
    "queries_dir",
    "read_query",
    "run_local",
    "serialize_query_list",
    "serialize_table",
    "to_term",
    "where_offset",
]

log = logging.getLogger(__name__)

FORMATS = ("table", "csv", "tsv", "json")
Format = TypingLiteral["table", "csv", "tsv", "json"]
Kind = TypingLiteral["iri", "string", "integer", "decimal", "date"]
KINDS: tuple[str, ...] = ("iri", "string", "integer", "decimal", "date")

ALL_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": "http://purl.org/dc/terms/",
}

_PARAM = re.compile(r"^\?(\w+)\s+\((\w+)(?:\s*,\s*(required|optional))?\)\s*(.*)$")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


# ---------------------------------------------------------------------------- the library


@dataclass(frozen=True)
class Param:
    """A query parameter declared in the header: ``?name (kind[, required]) doc``."""

    name: str
    kind: Kind
    required: bool = False
    doc: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library (or a user's file) with its header documentation."""

    name: str
    text: str
    summary: str = ""
    answers: str = ""
    params: tuple[Param, ...] = ()
    example: str = ""
    path: str | None = None
    documented: bool = False  # the header has a Parameters section: undeclared bindings are refused

    def param(self, name: str) -> Param | None:
        """The declared parameter ``name``, if any."""
        return next((p for p in self.params if p.name == name), None)


def parse_query(text: str, *, name: str, path: str | None = None) -> NamedQuery:
    """A :class:`NamedQuery` from query text and its header comment.

    >>> q = parse_query("# Films.\\n# Parameters:\\n#   ?film (iri, required) a film\\nSELECT * {}", name="f")
    >>> q.params[0]
    Param(name='film', kind='iri', required=True, doc='a film')
    """
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    summary = next((line for line in header if line), "")
    sections: dict[str, list[str]] = {}
    current = ""
    for line in header[1:]:
        match = re.match(r"^(Answers|Parameters|Example)s?:\s*(.*)$", line)
        if match:
            current = match.group(1).lower()
            sections[current] = [match.group(2)] if match.group(2) else []
        elif current and line:
            sections[current].append(line)
    params = []
    for line in sections.get("parameters", []):
        match = _PARAM.match(line)
        if not match:
            continue
        pname, kind, need, doc = match.groups()
        if kind not in KINDS:
            where = f" in {path}" if path else ""
            raise QueryError(
                f"parameter ?{pname}{where} has unknown kind {kind!r}; known: {', '.join(KINDS)}", name=name
            )
        params.append(Param(pname, kind, need == "required", doc))  # type: ignore[arg-type]
    return NamedQuery(
        name=name,
        text=text,
        summary=summary,
        answers=" ".join(sections.get("answers", [])),
        params=tuple(params),
        example=" ".join(sections.get("example", [])),
        path=path,
        documented="parameters" in sections,
    )


def queries_dir() -> Path:
    """Where the library lives: ``$KG_QUERIES``, else the project's ``queries/`` (shipped as ``kg/data/queries``)."""
    env = os.environ.get("KG_QUERIES")
    return Path(env) if env else Path(__file__).resolve().parent / "data" / "queries"


def read_query(path: str | Path) -> NamedQuery:
    """Read one ``.rq`` file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"cannot read {path}: {err}", name=path.stem) from err
    return parse_query(text, name=path.stem, path=str(path))


def find_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """Every query of the library, sorted by name.

    >>> any(q.name == "remakes" for q in find_queries())
    True
    """
    folder = Path(directory) if directory is not None else queries_dir()
    return [read_query(p) for p in sorted(folder.glob("*.rq"))]


def load_query(name_or_file: str | Path, *, directory: str | Path | None = None) -> NamedQuery:
    """A query by library name (``remakes``) or by path to a ``.rq`` file."""
    text = str(name_or_file)
    if text.endswith(".rq") or os.sep in text or "/" in text:
        if not Path(text).is_file():
            raise QueryError(f"no such query file: {text}", name=Path(text).stem)
        return read_query(text)
    folder = Path(directory) if directory is not None else queries_dir()
    path = folder / f"{text}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in find_queries(folder)) or "none"
        raise QueryError(f"no query named {text!r} in {folder}; known: {known}", name=text)
    return read_query(path)


def serialize_query_list(queries: Iterable[NamedQuery]) -> str:
    """One line per query: its name, its parameters and its summary (``kg query --list``)."""
    lines = []
    for q in queries:
        params = " ".join(f"{p.name}=" if p.required else f"[{p.name}=]" for p in q.params)
        lines.append((f"{q.name} {params}".strip(), q.summary))
    width = max((len(left) for left, _ in lines), default=0)
    return "".join(f"{left.ljust(width)}  {summary}\n" for left, summary in lines)


# ---------------------------------------------------------------------------- bound values


def to_term(value: str, kind: str, *, base: str = DEFAULT_BASE) -> Node:
    """The RDF term that ``value`` denotes as a parameter of ``kind``.

    >>> to_term("film/hard-hit-2021", "iri")
    rdflib.term.URIRef('https://w3id.org/filmkg/id/film/hard-hit-2021')
    >>> to_term("fkg:remakeOf", "iri")
    rdflib.term.URIRef('https://w3id.org/filmkg/ontology#remakeOf')
    >>> to_term('"} ; DROP ALL ; {', "string").n3()
    '"\\\\"} ; DROP ALL ; {"'
    """
    if kind == "string":
        return Literal(value)
    if kind == "integer":
        try:
            return Literal(int(value.strip()))
        except ValueError as err:
            raise QueryError(f"{value!r} is not an integer") from err
    if kind == "decimal":
        try:
            return Literal(Decimal(value.strip()))
        except InvalidOperation as err:
            raise QueryError(f"{value!r} is not a decimal number") from err
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise QueryError(f"{value!r} is not a date (YYYY-MM-DD)")
        return Literal(value.strip(), datatype=XSD.date)
    if kind == "iri":
        return URIRef(_expand_iri(value.strip(), base=base))
    raise QueryError(f"unknown parameter kind {kind!r}; known: {', '.join(KINDS)}")


def _expand_iri(value: str, *, base: str) -> str:
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value) or value.startswith("urn:"):
        iri = value
    elif ":" in value and value.split(":", 1)[0] in ALL_PREFIXES:
        prefix, local = value.split(":", 1)
        iri = ALL_PREFIXES[prefix] + local
    else:
        iri = base + value.lstrip("/")
    if not value or _IRI_BAD.search(iri):
        raise QueryError(f"{value!r} is not a valid IRI (no spaces, quotes, <>, {{}}, |, ^, ` or \\)")
    return iri


def parse_bindings(
    pairs: Iterable[str] | Mapping[str, str], query: NamedQuery, *, base: str = DEFAULT_BASE
) -> dict[str, Node]:
    """``name=value`` pairs as RDF terms of the kinds ``query`` declares.

    A parameter that the header does not declare is refused (so a typo is not silently
    ignored), and so is a missing required one.

    >>> q = parse_query("# x\\n# Parameters:\\n#   ?year (integer) a year\\nSELECT * {}", name="x")
    >>> parse_bindings(["year=2021"], q)
    {'year': rdflib.term.Literal('2021', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))}
    """
    items = list(pairs.items()) if isinstance(pairs, Mapping) else [_split_pair(p, query) for p in pairs]
    declared = ", ".join(f"{p.name} ({p.kind})" for p in query.params) or "none"
    bindings: dict[str, Node] = {}
    for name, value in items:
        name = name.lstrip("?$")
        param = query.param(name)
        if param is None:
            if query.documented or not re.fullmatch(r"\w+", name):
                raise QueryError(f"no parameter ?{name}; parameters: {declared}", name=query.name)
            kind = "iri" if re.match(r"^(<|https?://)", value) else "string"  # an undocumented file
        else:
            kind = param.kind
        try:
            bindings[name] = to_term(value, kind, base=base)
        except QueryError as err:
            raise QueryError(f"?{name}: {err.message}", name=query.name) from err
    missing = [p.name for p in query.params if p.required and p.name not in bindings]
    if missing:
        need = " ".join(f"--bind {m}=..." for m in missing)
        raise QueryError(f"needs {need}" + (f" (example: {query.example})" if query.example else ""), name=query.name)
    return bindings


def _split_pair(pair: str, query: NamedQuery) -> tuple[str, str]:
    name, sep, value = pair.partition("=")
    if not sep or not name.strip():
        raise QueryError(f"a binding is name=value, not {pair!r}", name=query.name)
    return name.strip(), value


# ---------------------------------------------------------------------------- running


@dataclass(frozen=True)
class Table:
    """An answer: variables and rows of terms (``None`` = unbound); ``boolean`` for ASK.

    A CONSTRUCT or DESCRIBE answer is a table of ``subject predicate object``.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...] = field(default_factory=tuple)
    boolean: bool | None = None

    def column(self, name: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        i = self.variables.index(name)
        return [row[i] for row in self.rows]

    def records(self) -> list[dict[str, Node]]:
        """The rows as dicts of bound variables."""
        return [{v: t for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows]


def graph_table(graph: Graph) -> Table:
    rows = sorted(graph, key=lambda t: tuple(x.n3() for x in t))
    return Table(("subject", "predicate", "object"), tuple(tuple(t) for t in rows))


# ---------------------------------------------------------------------------- query text


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    if text.startswith(quote * 3, i):
        j = i + 3
        while j < len(text) and not text.startswith(quote * 3, j):
            j += 2 if text[j] == "\\" else 1
        return min(len(text), j + 3)
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


_IRI_TOKEN = re.compile(r'<[^<>"{}|^`\\\s]*>')
_WORD_TOKEN = re.compile(r"[?$]?\w+")


def _tokens(text: str) -> Iterator[tuple[str, int, str]]:
    """SPARQL text as (kind, offset, token), kind ``word`` or ``brace``; comments, strings, IRIs skipped."""
    i = 0
    while i < len(text):
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = len(text) if end == -1 else end
        elif c in "\"'":
            i = _skip_string(text, i)
        elif c == "<" and (m := _IRI_TOKEN.match(text, i)):
            i = m.end()
        elif c in "{}":
            yield "brace", i, c
            i += 1
        elif (m := _WORD_TOKEN.match(text, i)) is not None:
            yield "word", i, m.group().upper()
            i = m.end()
        else:
            i += 1


def where_offset(text: str) -> int:
    """The offset of the ``{`` that opens the WHERE clause of query ``text``.

    Comments, strings and IRIs are skipped; in a CONSTRUCT the template is passed over.

    >>> where_offset('CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }')
    30
    """
    depth, form, seen_where = 0, "", False
    for kind, at, token in _tokens(text):
        if kind == "brace":
            if token == "{":
                if depth == 0 and (form not in ("CONSTRUCT", "DESCRIBE") or seen_where):
                    return at
                depth += 1
            else:
                depth -= 1
        elif depth == 0:
            if token in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") and not form:
                form = token
            elif token == "WHERE":
                seen_where = True
    raise ValueError("cannot find the query's WHERE clause")


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of query ``text`` (comments and prefixes skipped).

    >>> query_form('# ask me\\nPREFIX a: <http://x/#select> SELECT * { }')
    'SELECT'
    """
    for kind, _, token in _tokens(text):
        if kind == "word" and token in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return token
        if kind == "word" and token in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "WITH"):
            break
    raise ValueError("not a query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def bind_values(text: str, bindings: Mapping[str, Node]) -> str:
    """``text`` with ``bindings`` as a ``VALUES`` block opening its WHERE clause.

    The one helper that writes values into query text, for servers (which have no
    ``initBindings``): every value is an rdflib term written by ``Literal(v).n3()`` /
    ``URIRef(v).n3()``, so it stays a single term whatever it contains.
    """
    if not bindings:
        return text
    names, terms = [], []
    for name, term in bindings.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"{name!r} is not a variable name")
        if not isinstance(term, (URIRef, Literal)):
            raise QueryError(f"?{name} must be bound to an IRI or a literal")
        names.append(f"?{name}")
        terms.append(term.n3())
    try:
        at = where_offset(text) + 1
    except ValueError as err:
        raise QueryError(f"cannot bind values: {err}") from err
    block = f"\n  VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"
    return text[:at] + block + text[at:]


def run_local(query: NamedQuery | str, graph: Graph, *, bindings: Mapping[str, Node] | None = None) -> Table:
    """Run a query with rdflib's API on ``graph`` as given (for a build, see :func:`kg.server.run_query`).

    >>> from rdflib import Dataset
    >>> run_local("ASK { ?s ?p ?o }", Dataset(default_union=True)).boolean
    False
    """
    named = query if isinstance(query, NamedQuery) else parse_query(query, name="query")
    try:
        result: Result = graph.query(named.text, initBindings=dict(bindings or {}))  # type: ignore[arg-type]
        return _from_rdflib(result)
    except QueryError:
        raise
    except Exception as err:  # pyparsing, evaluation errors, ...
        raise QueryError(_one_line(f"{type(err).__name__}: {err}"), name=named.name) from err


def _from_rdflib(result: Result) -> Table:
    if result.type == "ASK":
        return Table(("ask",), ((Literal(bool(result.askAnswer)),),), boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return graph_table(result.graph)
    variables = tuple(str(v) for v in (result.vars or []))
    rows = tuple(tuple(row.get(Variable(v)) for v in variables) for row in result)  # type: ignore[union-attr]
    return Table(variables, rows)


# ---------------------------------------------------------------------------- output


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _inert(text: str) -> str:
    """Control and bidirectional-format characters made visible, so untrusted text cannot drive a terminal."""
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _short(term: Node | None, *, base: str) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        if iri.startswith(base):
            return _inert(iri[len(base) :])
        for prefix, ns in ALL_PREFIXES.items():
            if iri.startswith(ns) and re.fullmatch(r"[\w.-]*", iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return _inert(f"<{iri}>")
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
            return f"{value:.2f}".rstrip("0").rstrip(".")
        return _inert(str(term))
    return _inert(str(term))


def _table_text(table: Table, *, base: str, width: int = 48) -> str:
    if table.boolean is not None:
        return ("yes" if table.boolean else "no") + "\n"
    cells = [[_short(t, base=base) for t in row] for row in table.rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "\u2026" for c in row] for row in cells]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(table.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(table.variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    n = len(table.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def serialize_table(table: Table, *, format: str = "table", base: str = DEFAULT_BASE) -> str:
    """An answer as text: ``table`` (aligned, IRIs shortened), or SPARQL 1.1 ``csv``, ``tsv``, ``json``.

    >>> t = Table(("film",), ((URIRef(DEFAULT_BASE + "film/x"),),))
    >>> print(serialize_table(t), end="")
    film
    ------
    film/x
    (1 row)
    >>> serialize_table(t, format="csv")
    'film\\r\\nhttps://w3id.org/filmkg/id/film/x\\r\\n'
    """
    if format == "table":
        return _table_text(table, base=base)
    if format == "json":
        if table.boolean is not None:
            return json.dumps({"head": {}, "boolean": table.boolean}, indent=2) + "\n"
        doc = {
            "head": {"vars": list(table.variables)},
            "results": {
                "bindings": [
                    {v: _json_term(t) for v, t in zip(table.variables, row, strict=True) if t is not None}
                    for row in table.rows
                ]
            },
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        if table.boolean is not None:
            writer.writerows([["ask"], ["true" if table.boolean else "false"]])
        else:
            writer.writerow(table.variables)
            writer.writerows([_csv_value(t) for t in row] for row in table.rows)
        return buf.getvalue()
    if format == "tsv":
        if table.boolean is not None:
            return "?ask\n" + ("true" if table.boolean else "false") + "\n"
        lines = ["\t".join(f"?{v}" for v in table.variables)]
        lines += ["\t".join(_tsv_term(t) for t in row) for row in table.rows]
        return "\n".join(lines) + "\n"
    raise QueryError(f"unknown format {format!r}; known: {', '.join(FORMATS)}")
