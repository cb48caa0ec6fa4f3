"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

pyshacl checks the core constraints. Its SPARQL-based constraints are slow
(it parses the query again for every focus node, some 25 ms each), so each
``sh:SPARQLConstraint`` of the shapes is instead run once over the whole
graph, with ``$this`` bound by the shape's target inside the query: the same
results, in one query instead of one per node.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.store import union

__all__ = ["shapes_path", "validate"]


def shapes_path() -> Path:
    """The SHACL shapes that every build satisfies (``ontology/shapes.ttl``, shipped in the package)."""
    return Path(__file__).resolve().parent / "data" / "ontology" / "shapes.ttl"


def validate(graph: Dataset | Graph, *, shapes: str | Path | None = None) -> list[str]:
    """The SHACL violations of ``graph`` as readable lines, sorted (empty: the graph conforms).

    Each line is ``<focus node> <path>: message``.

    Examples
    --------
    >>> validate(Graph())
    []
    """
    from pyshacl import validate as shacl_validate

    shapes_graph = Graph().parse(shapes or shapes_path(), format="turtle")
    queries = _take_sparql_constraints(shapes_graph)
    data = union(graph)
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes_graph, inference="none")
    out = [] if conforms else _core_results(results)
    for query, message in queries:
        for row in data.query(query):
            values = row.asdict()  # type: ignore[union-attr]
            out.append(f"<{values['this']}>: {_fill(message, values)}")
    return sorted(set(out))


def _core_results(results: object) -> list[str]:
    assert isinstance(results, Graph)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        message = results.value(r, SH.resultMessage)
        where = f"<{focus}>" + (f" {path.n3()}" if path is not None else "")
        out.append(f"{where}: {message}")
    return out


def _take_sparql_constraints(shapes: Graph) -> list[tuple[str, str]]:
    """Remove the SPARQL constraints from ``shapes``; return each as one whole-graph query and its message."""
    out = []
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        select = str(shapes.value(constraint, SH.select))
        message = str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or "violation")
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for source in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(source, SH.declare)
        )
        target = " UNION ".join(f"{{ {t} }}" for t in _targets(shapes, shape))
        body = select.replace("$this", "?this")
        where = re.search(r"\bWHERE\s*\{", body, flags=re.I)
        if where is None:
            raise ValueError(f"SPARQL constraint of {shape} has no WHERE clause")
        query = f"{prefixes}{body[: where.end()]} {target} {body[where.end() :]}"
        out.append((query, message))
        shapes.remove((shape, SH.sparql, constraint))
    return out


def _targets(shapes: Graph, shape: Node) -> list[str]:
    patterns = [f"?this a {c.n3()} ." for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"?this {p.n3()} [] ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"[] {p.n3()} ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)]
    patterns += [f"VALUES ?this {{ {n.n3()} }}" for n in shapes.objects(shape, SH.targetNode)]
    if not patterns and isinstance(shape, URIRef) and (shape, RDF.type, SH.NodeShape) in shapes:
        raise ValueError(f"shape {shape} has a SPARQL constraint but no target")
    return patterns


def _fill(message: str, values: dict[str, Any]) -> str:
    return re.sub(r"\{[?$](\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), message)
