"""The family of a film as text (a tree by generation) or JSON: what ``kg lineage`` prints."""

from __future__ import annotations

import json
from dataclasses import asdict

import networkx as nx
from rdflib.graph import Graph

from kg.errors import KgError
from kg.lineage.dag import (
    _label,
    family_key,
    family_of,
    find_films,
    find_problems,
    generations,
    originals_of,
    remake_ordinal,
    remakes_of,
)
from kg.lineage.read import to_digraph

__all__ = ["lineage_report", "serialize_family"]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def serialize_family(G: nx.DiGraph, film: str, *, format: str = "text") -> str:
    """The family of ``film`` as a tree by generation (``"text"``) or as JSON (``"json"``).

    Examples
    --------
    >>> G = nx.DiGraph([("o", "r")])
    >>> G.add_node("o", title="El desconocido", year=2015, countries=["Spain"])
    >>> G.add_node("r", title="Hard Hit", year=2021, countries=["South Korea"])
    >>> print(serialize_family(G, "r"))
    Remake family of El desconocido: 2 films, 2015-2021, 2 countries
    El desconocido (2015) · Spain · original
    └── Hard Hit (2021) · South Korea · 1st remake of El desconocido
    """
    family = family_of(G, film)
    gens = generations(G, film)
    generation = {f: i for i, layer in enumerate(gens) for f in layer}
    problems = [p for p in find_problems(G.subgraph(family)) if set(p.films) & set(family)]
    years = [y for f in family if (y := G.nodes[f].get("year")) is not None]
    countries = sorted({c for f in family for c in G.nodes[f].get("countries", [])})
    if format == "json":
        films = []
        for f in family:
            data = G.nodes[f]
            films.append(
                {
                    "iri": f,
                    "generation": generation[f],
                    "originals": originals_of(G, f),
                    "remakes": remakes_of(G, f),
                }
                | {k: data.get(k) for k in ("title", "titles", "year", "countries", "languages", "directors")}
                | {k: data.get(k) for k in ("reviews", "rating_count", "rating_mean", "same_as")}
                | {"ordinals": {o: remake_ordinal(G, f, o) for o in originals_of(G, f)}}
            )
        links = [
            {"original": u, "remake": v, "evidence": [asdict(e) for e in G.edges[u, v].get("evidence", [])]}
            for u, v in sorted(G.subgraph(family).edges)
        ]
        report = {
            "family": family_key(G, family),
            "size": len(family),
            "years": [min(years), max(years)] if years else None,
            "countries": countries,
            "generations": gens,
            "films": films,
            "links": links,
            "problems": [asdict(p) | {"claims": list(p.claims)} for p in problems],
        }
        return json.dumps(report, ensure_ascii=False, indent=2)
    if format != "text":
        raise KgError(f"unknown format {format!r}: expected 'text' or 'json'")
    span = f"{min(years)}-{max(years)}" if years else "years unknown"
    lines = [
        f"Remake family of {G.nodes[gens[0][0]].get('title')}: {len(family)} film{'' if len(family) == 1 else 's'}, "
        f"{span}, "
        f"{len(countries)} countr{'y' if len(countries) == 1 else 'ies'}"
    ]
    shown: set[str] = set()

    def line(f: str, parent: str | None) -> str:
        data = G.nodes[f]
        year = data.get("year")
        text = f"{data.get('title')} ({year if year is not None else 'year unknown'})"
        if data.get("countries"):
            text += " · " + ", ".join(data["countries"])
        if parent is None:
            return text + " · original"
        n = remake_ordinal(G, f, parent)
        return text + (f" · {_ordinal(n)} remake of {G.nodes[parent].get('title')}" if n else "")

    def walk(f: str, parent: str | None, prefix: str, last: bool) -> None:
        branch = "" if parent is None else ("└── " if last else "├── ")
        again = f in shown
        lines.append(prefix + branch + line(f, parent) + (" (see above)" if again else ""))
        shown.add(f)
        if again:
            return
        children = [c for c in remakes_of(G, f) if generation.get(c, -1) > generation[f]]
        inner = prefix + ("" if parent is None else ("    " if last else "│   "))
        for i, child in enumerate(children):
            walk(child, f, inner, i == len(children) - 1)

    for root in gens[0]:
        walk(root, None, "", True)
    for problem in problems:
        claims = ", ".join(problem.claims) or "no recorded claims"
        lines.append(f"problem ({problem.kind}): {problem.message} [claims: {claims}]")
    return "\n".join(lines)


def lineage_report(graph: Graph, title: str, *, year: int | None = None, format: str = "text") -> str:
    """The family of the film called ``title`` (of ``year``) in ``graph``, as :func:`serialize_family` has it.

    Raises :class:`~kg.errors.KgError` when no film, or films of several families, go by that title.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from kg.vocab import FKG, film_iri
    >>> g = Graph().add((film_iri("Hard Hit", 2021), FKG.remakeOf, film_iri("El desconocido", 2015)))
    >>> print(lineage_report(g, "el-desconocido-2015"))
    Remake family of el-desconocido-2015: 2 films, years unknown, 0 countries
    el-desconocido-2015 (year unknown) · original
    └── hard-hit-2021 (year unknown) · 1st remake of el-desconocido-2015
    """
    G = to_digraph(graph)
    found = find_films(G, title, year=year)
    if not found:
        raise KgError(f"no film titled {title!r}" + (f" from {year}" if year else "") + " in the graph")
    families = {family_key(G, family_of(G, f)) for f in found}
    if len(families) > 1:
        choices = "; ".join(_label(G, f) for f in found[:10])
        raise KgError(f"{len(found)} films are titled {title!r} ({choices}): give --year")
    return serialize_family(G, found[0], format=format)
