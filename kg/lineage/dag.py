"""Questions about remake lineage, in the style of networkx's ``dag.py``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.lineage.read import Evidence
from kg.vocab import fold_title, slug

__all__ = [
    "LineageProblem",
    "family_key",
    "family_of",
    "families_by_size",
    "find_films",
    "find_problems",
    "generations",
    "originals_of",
    "path_between",
    "people_across",
    "release_key",
    "remake_ordinal",
    "remakes_of",
    "siblings",
]


@dataclass(frozen=True)
class LineageProblem:
    """A data problem in the remake graph, with the claims behind it.

    ``kind`` is ``"cycle"`` (films that are remakes of one another) or
    ``"impossible-date"`` (a remake released before its original).
    """

    kind: str
    films: tuple[str, ...]
    message: str
    evidence: tuple[Evidence, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        """The IRIs (statement nodes, reviews, graphs) behind the problem."""
        out = [e.statement or e.review or e.graph for e in self.evidence]
        return tuple(dict.fromkeys(c for c in out if c))


def release_key(G: nx.DiGraph) -> Any:
    """A sort key for films of ``G`` by release: year (unknown last), then title, then IRI.

    >>> G = nx.DiGraph()
    >>> G.add_node("b", year=2018, title="B"); G.add_node("a", year=None, title="A")
    >>> sorted(G, key=release_key(G))
    ['b', 'a']
    """

    def key(film: str) -> tuple[bool, int, str, str]:
        data = G.nodes[film]
        year = data.get("year")
        return (year is None, year or 0, fold_title(data.get("title") or ""), film)

    return key


def _check(G: nx.DiGraph, film: str) -> None:
    if film not in G:
        raise KgError(f"no film {film!r} in the lineage graph")


def originals_of(G: nx.DiGraph, film: str, *, transitive: bool = False) -> list[str]:
    """The films that ``film`` is a remake of, earliest first.

    Parameters
    ----------
    G : networkx.DiGraph
        A lineage graph from :func:`to_digraph` (edges ``original -> remake``).
    film : str
        The film's IRI.
    transitive : bool
        Also the originals of those originals, and so on.

    Examples
    --------
    >>> G = nx.DiGraph([("orig", "remake"), ("remake", "remake2")])
    >>> originals_of(G, "remake2"), originals_of(G, "remake2", transitive=True)
    (['remake'], ['orig', 'remake'])
    """
    _check(G, film)
    found = nx.ancestors(G, film) - {film} if transitive else set(G.predecessors(film)) - {film}
    return sorted(found, key=release_key(G))


def remakes_of(G: nx.DiGraph, film: str, *, transitive: bool = False) -> list[str]:
    """The remakes of ``film``, earliest first (with ``transitive``, remakes of remakes too).

    Examples
    --------
    >>> G = nx.DiGraph([("orig", "remake"), ("remake", "remake2")])
    >>> remakes_of(G, "orig"), remakes_of(G, "orig", transitive=True)
    (['remake'], ['remake', 'remake2'])
    """
    _check(G, film)
    found = nx.descendants(G, film) - {film} if transitive else set(G.successors(film)) - {film}
    return sorted(found, key=release_key(G))


def family_of(G: nx.DiGraph, film: str) -> list[str]:
    """Every film linked to ``film`` by remake links in either direction, ``film`` included, by release.

    Examples
    --------
    >>> G = nx.DiGraph([("orig", "a"), ("orig", "b"), ("x", "y")])
    >>> family_of(G, "a")
    ['a', 'b', 'orig']
    """
    _check(G, film)
    seen, todo = {film}, [film]
    while todo:  # a plain search over both directions: cheaper than an undirected view for small families
        here = todo.pop()
        for other in (*G.succ[here], *G.pred[here]):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return sorted(seen, key=release_key(G))


def generations(G: nx.DiGraph, film: str) -> list[list[str]]:
    """The family of ``film`` by generation: originals first, then their remakes, and so on.

    A film's generation is the length of the longest chain of remake links
    above it, so every remake comes in a later generation than each of its
    originals. Films in a cycle (a data problem, see :func:`find_problems`)
    share one generation. Within a generation films are in release order,
    unknown years last.

    Examples
    --------
    >>> G = nx.DiGraph([("orig", "remake"), ("remake", "remake2"), ("orig", "remake2")])
    >>> generations(G, "remake")
    [['orig'], ['remake'], ['remake2']]
    """
    family = family_of(G, film)
    key = release_key(G)
    members = set(family)
    waiting = {f: sum(1 for p in G.pred[f] if p in members) for f in family}
    layer = [f for f in family if not waiting[f]]
    layers, placed = [], 0
    while layer:  # Kahn's algorithm by layers: a film's generation is its longest chain of originals
        layers.append(sorted(layer, key=key))
        placed += len(layer)
        following = []
        for f in layer:
            for r in G.succ[f]:
                waiting[r] -= 1
                if not waiting[r]:
                    following.append(r)
        layer = following
    if placed == len(family):
        return layers
    condensed = nx.condensation(G.subgraph(family))  # a cycle (a data problem): its films share a generation
    return [
        sorted((f for c in layer for f in condensed.nodes[c]["members"]), key=key)
        for layer in nx.topological_generations(condensed)
    ]


def remake_ordinal(G: nx.DiGraph, film: str, original: str) -> int | None:
    """Which remake of ``original`` ``film`` is, counting direct remakes in release order (1 = the first).

    ``None`` when ``film`` is not a direct remake of ``original``.

    Examples
    --------
    >>> G = nx.DiGraph([("orig", "b"), ("orig", "a")])
    >>> G.add_node("a", year=2018, title="A"); G.add_node("b", year=2021, title="B")
    >>> remake_ordinal(G, "b", "orig")  # the second remake of orig
    2
    """
    remakes = remakes_of(G, original)
    return remakes.index(film) + 1 if film in remakes else None


def siblings(G: nx.DiGraph, film: str) -> list[str]:
    """Other remakes of the same original(s) as ``film``, by release.

    Examples
    --------
    >>> siblings(nx.DiGraph([("orig", "a"), ("orig", "b"), ("orig", "c")]), "a")
    ['b', 'c']
    """
    found = {s for o in originals_of(G, film) for s in G.successors(o)} - {film}
    return sorted(found, key=release_key(G))


def path_between(G: nx.DiGraph, source: str, target: str, *, directed: bool = False) -> list[str]:
    """The shortest chain of remake links from ``source`` to ``target``; ``[]`` if there is none.

    With ``directed``, only follow links from an original to its remakes.

    Examples
    --------
    >>> G = nx.DiGraph([("orig", "a"), ("orig", "b")])
    >>> path_between(G, "a", "b"), path_between(G, "a", "b", directed=True)
    (['a', 'orig', 'b'], [])
    """
    _check(G, source)
    _check(G, target)
    parent: dict[str, str | None] = {source: None}
    frontier = [source]
    while frontier and target not in parent:  # breadth first, so the first path found is a shortest one
        following = []
        for here in frontier:
            for other in sorted(G.succ[here]) + ([] if directed else sorted(G.pred[here])):
                if other not in parent:
                    parent[other] = here
                    following.append(other)
        frontier = following
    if target not in parent:
        return []
    path: list[str] = []
    step: str | None = target
    while step is not None:
        path.append(step)
        step = parent[step]
    return path[::-1]


def families_by_size(G: nx.DiGraph, *, min_size: int = 2) -> list[list[str]]:
    """Every remake family (weakly connected films) of at least ``min_size`` films, largest first.

    Each family is in release order; families of one size come earliest-first.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("x", "y"), ("x", "z")])
    >>> G.add_node("lonely")
    >>> families_by_size(G)
    [['x', 'y', 'z'], ['a', 'b']]
    """
    key = release_key(G)
    found = [sorted(c, key=key) for c in nx.weakly_connected_components(G) if len(c) >= min_size]
    return sorted(found, key=lambda fam: (-len(fam), key(fam[0])))


def people_across(G: nx.DiGraph, films: Iterable[str], *, min_films: int = 1) -> dict[str, list[dict[str, Any]]]:
    """The people credited on ``films`` (e.g. a family), person IRI -> their credits.

    Each credit is ``{"film", "role", "character", "name"}``; people on more
    versions come first. With ``min_films=2``, only people shared by versions.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> p = {"iri": "p", "name": "P", "role": "actor", "character": None}
    >>> G.add_node("f1", year=2015, title="F1", people=[p])
    >>> G.add_node("f2", year=2018, title="F2", people=[p | {"role": "director"}])
    >>> [c["film"] for c in people_across(G, ["f1", "f2"], min_films=2)["p"]]
    ['f1', 'f2']
    """
    credits: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for film in sorted(films, key=release_key(G)):
        for credit in G.nodes[film].get("people", []):
            credits[credit["iri"]].append({"film": film, **{k: credit[k] for k in ("role", "character", "name")}})
    kept = {p: c for p, c in credits.items() if len({x["film"] for x in c}) >= min_films}
    return dict(sorted(kept.items(), key=lambda item: (-len({x["film"] for x in item[1]}), item[1][0]["name"])))


def find_problems(G: nx.DiGraph) -> list[LineageProblem]:
    """Cycles and impossible dates in the remake links, each with the claims behind it.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "a")], evidence=[])
    >>> [p.kind for p in find_problems(G)]
    ['cycle']
    """
    problems = []
    for component in nx.strongly_connected_components(G):
        if len(component) == 1 and not any(G.has_edge(f, f) for f in component):
            continue
        cycle = [u for u, _ in nx.find_cycle(G.subgraph(component))]
        edges = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
        titles = " -> ".join(_label(G, f) for f in cycle + cycle[:1])
        problems.append(
            LineageProblem("cycle", tuple(cycle), f"remake links form a cycle: {titles}", _evidence(G, edges))
        )
    for original, remake in sorted(G.edges):
        y0, y1 = G.nodes[original].get("year"), G.nodes[remake].get("year")
        if y0 is not None and y1 is not None and y1 < y0 and original != remake:
            message = f"{_label(G, remake)} is said to be a remake of {_label(G, original)}, which is newer"
            problems.append(
                LineageProblem("impossible-date", (original, remake), message, _evidence(G, [(original, remake)]))
            )
    return problems


def _evidence(G: nx.DiGraph, edges: Iterable[tuple[str, str]]) -> tuple[Evidence, ...]:
    return tuple(e for u, v in edges for e in G.edges[u, v].get("evidence", []))


def _label(G: nx.DiGraph, film: str) -> str:
    data = G.nodes[film]
    year = data.get("year")
    return f"{data.get('title') or film} ({year if year is not None else 'year unknown'})"


def find_films(G: nx.DiGraph, title: str, *, year: int | None = None) -> list[str]:
    """Films whose title or any other name folds like ``title`` (and of ``year``), by release.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("f", title="The Ring", titles=["The Ring", "Ringu"], year=1998)
    >>> find_films(G, "ringu"), find_films(G, "Ring", year=2002)
    (['f'], [])
    """
    wanted = fold_title(title)
    found = [
        f
        for f, data in G.nodes(data=True)
        if any(fold_title(t) == wanted for t in data.get("titles") or [data.get("title") or ""])
        and (year is None or data.get("year") == year)
    ]
    return sorted(found, key=release_key(G))


def family_key(G: nx.DiGraph, family: Iterable[str]) -> str:
    """A file-name key for a family: the key of its earliest original, e.g. ``el-desconocido-2015``.

    Examples
    --------
    >>> G = nx.DiGraph([("https://w3id.org/filmkg/id/film/orig-2015", "https://w3id.org/filmkg/id/film/r-2018")])
    >>> family_key(G, G)
    'orig-2015'
    """
    members = list(family)
    roots = [f for f in members if not any(p in members for p in G.predecessors(f))] or members
    first = sorted(roots, key=release_key(G))[0]
    key = first.rstrip("/").rsplit("/", 1)[-1]
    return slug(key.replace("%", " ")) or "family"
