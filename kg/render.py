"""Remake-family pages and the index page as offline HTML (the only module that imports pyvis).

:func:`write_site` turns a graph into ``DIR/index.html`` (every family: name,
size, years, countries, reviews, a link, a search box) and one
``DIR/families/<family>.html`` per remake family: the films laid out by year
from left to right, physics off, coloured by country with a legend, remake
arrows labelled, node size by number of reviews, a tooltip per film and per
link (titles, year, countries, directors, rating summary, the evidence of each
remake link), a search box, and switches that show the people (shared people
highlighted) and the opinions.

Nothing is loaded from the network: pyvis builds the vis-network nodes and
edges, and vis-network itself (shipped inside the pyvis package) is copied
into ``DIR/assets/`` once, or inlined into each page with ``inline=True``.
Untrusted text (titles, names, review words) only ever reaches a page as
JSON data read by a script that sets ``textContent``, or through
:func:`html.escape`; the JSON is escaped so that it cannot close its
``<script>`` element.

>>> from rdflib import Graph
>>> from kg.vocab import FKG, film_iri
>>> g = Graph().add((film_iri("Hard Hit", 2021), FKG.remakeOf, film_iri("El desconocido", 2015)))
>>> import tempfile; out = tempfile.mkdtemp()
>>> [p.relative_to(out).as_posix() for p in write_site(g, out)]
['families/el-desconocido-2015.html', 'index.html', 'assets/site.css', 'assets/vis-network.min.js']
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import logging
import math
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import pyvis
from pyvis.network import Network
from rdflib.graph import Graph

from kg.errors import KgError
from kg.lineage import (
    families_by_size,
    family_key,
    find_problems,
    generations,
    originals_of,
    people_across,
    release_key,
    remake_ordinal,
    remakes_of,
    to_digraph,
)
from kg.vocab import fold

__all__ = ["family_data", "family_html", "index_html", "write_pages", "write_site"]

log = logging.getLogger(__name__)

# colour-blind-friendly categorical palette (Tableau 10, then a few more)
PALETTE = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#a0cbe8",
]  # fmt: skip
UNKNOWN = "#bab0ac"
POLARITY = {"positive": "#59a14f", "negative": "#e15759", "neutral": "#bab0ac", "mixed": "#f28e2b"}
COLUMN, ROW = 260, 130  # pixels between year columns and between films of one column


@functools.cache
def _template(name: str) -> str:
    return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")


@functools.cache
def _vis_js() -> Path:
    """vis-network as shipped inside pyvis (the newest version it has)."""
    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    found = sorted(lib.glob("vis-*/vis-network.min.js"), key=lambda p: [int(x) for x in p.parent.name[4:].split(".")])
    if not found:
        raise KgError(f"vis-network is not in the installed pyvis package (looked in {lib})")
    return found[-1]


def _json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _year_text(year: int | None) -> str:
    return str(year) if year is not None else "year unknown"


def _summary(G: Any, family: Sequence[str]) -> dict[str, Any]:
    years = [y for f in family if (y := G.nodes[f].get("year")) is not None]
    first = family[0]
    return {
        "name": f"{G.nodes[first]['title']} ({_year_text(G.nodes[first].get('year'))})",
        "size": len(family),
        "years": [min(years), max(years)] if years else None,
        "countries": sorted({c for f in family for c in G.nodes[f].get("countries", [])}),
        "reviews": sum(G.nodes[f].get("reviews", 0) for f in family),
        "titles": sorted({t for f in family for t in G.nodes[f].get("titles", [G.nodes[f]["title"]])}),
    }


def family_data(G: Any, family: Sequence[str]) -> dict[str, Any]:
    """The vis-network nodes and edges of one family page, with its legend, as plain data.

    Parameters
    ----------
    G : networkx.DiGraph
        A lineage graph from :func:`kg.lineage.to_digraph`.
    family : sequence of str
        The films of one family (e.g. from :func:`kg.lineage.families_by_size`).

    Returns
    -------
    dict
        ``nodes`` and ``edges`` (vis-network objects; ``kind`` is ``film``,
        ``person``, ``opinion`` or ``remake``, ``credit``, ``opinion``,
        ``comparison``), ``legend`` (country -> colour), ``years`` (column
        labels and their x), ``summary``, ``problems``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("o", "r")])
    >>> G.add_node("o", title="El desconocido", year=2015, countries=["Spain"])
    >>> G.add_node("r", title="Hard Hit", year=2021, countries=["South Korea"])
    >>> data = family_data(G, ["o", "r"])
    >>> [n["label"] for n in data["nodes"]], [(e["from"], e["to"], e["label"]) for e in data["edges"]]
    (['El desconocido\\n2015', 'Hard Hit\\n2021'], [('o', 'r', 'remake')])
    """
    family = list(family)
    members = set(family)
    countries = sorted({(G.nodes[f].get("countries") or ["unknown"])[0] for f in family})
    colours = {c: (UNKNOWN if c == "unknown" else PALETTE[i % len(PALETTE)]) for i, c in enumerate(countries)}
    generation = {f: i for i, layer in enumerate(generations(G, family[0])) for f in layer}
    years = sorted({G.nodes[f].get("year") for f in family}, key=lambda y: (y is None, y or 0))
    column = {y: i * COLUMN for i, y in enumerate(years)}
    net = Network(directed=True)
    net.toggle_physics(False)
    options = json.loads(net.options.to_json())
    options["edges"] = {
        "color": {"color": "#555555", "highlight": "#222222"},
        "font": {"size": 12, "align": "top", "strokeWidth": 3},
        "smooth": {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.45},
    }
    options["nodes"] = {"font": {"size": 14, "face": "system-ui, sans-serif"}, "borderWidth": 2}
    options["interaction"] |= {"hover": True, "tooltipDelay": 120, "multiselect": False}
    options["physics"] |= {"solver": "forceAtlas2Based", "stabilization": {"enabled": False}}
    position = _layout(G, family, generation, column)
    bottom = max(y for _, y in position.values()) + ROW
    top = min(y for _, y in position.values()) - 70
    for f in family:
        data = G.nodes[f]
        country = (data.get("countries") or ["unknown"])[0]
        info = {
            "titles": data.get("titles") or [data["title"]],
            "year": data.get("year"),
            "countries": data.get("countries", []),
            "directors": data.get("directors", []),
            "reviews": data.get("reviews", 0),
            "rating_count": data.get("rating_count", 0),
            "rating_mean": data.get("rating_mean"),
            "generation": generation[f],
            "originals": [
                {
                    "title": G.nodes[o]["title"],
                    "year": G.nodes[o].get("year"),
                    "ordinal": remake_ordinal(G, f, o),
                    "evidence": _evidence(G, o, f),
                }
                for o in originals_of(G, f)
            ],  # fmt: skip
            "iri": f,
        }
        x, y = position[f]
        size = 14 + 6 * math.sqrt(data.get("reviews", 0))
        label = f"{data['title']}\n{_year_text(data.get('year'))}"
        net.add_node(f, label=label, shape="dot", color=colours[country], x=x, y=y, size=min(size, 60),
                     kind="film", country=country, info=info)  # fmt: skip
    for u, v in sorted(G.subgraph(family).edges):
        info = {"original": G.nodes[u]["title"], "remake": G.nodes[v]["title"], "evidence": _evidence(G, u, v)}
        net.add_edge(u, v, label="remake", kind="remake", info=info, id=f"remake {u} {v}", width=2)
    credits = people_across(G, family)
    people_opinions = G.graph.get("person_opinions", {})
    for row, (person, items) in enumerate(credits.items()):
        shared = len({c["film"] for c in items}) > 1
        if not any(c["role"] in ("actor", "director") for c in items):
            continue
        xs = [position[c["film"]][0] for c in items]
        x = sum(xs) / len(xs) + (row % 3 - 1) * 40
        name = items[0]["name"]
        roles = [{"film": G.nodes[c["film"]]["title"], "role": c["role"], "character": c["character"]} for c in items]
        net.add_node(person, label=name, shape="box", kind="person", shared=shared, hidden=True,
                     x=x, y=bottom + (row % 4) * 45 + (0 if shared else 60),
                     color={"background": "#ffd84d" if shared else "#eeeeee",
                            "border": "#b8860b" if shared else "#999999"},
                     borderWidth=3 if shared else 1, info={"name": name, "credits": roles, "shared": shared})  # fmt: skip
        for c in items:
            if c["role"] not in ("actor", "director"):
                continue
            label = c["role"] if not c["character"] else f"plays {c['character']}"
            net.add_edge(person, c["film"], label=label, kind="credit", hidden=True, dashes=True, arrows="",
                         id=f"credit {person} {c['film']} {c['role']} {c['character']}",
                         color="#b8860b" if shared else "#aaaaaa")  # fmt: skip
    stacked: Counter[str] = Counter()
    targets = [(f, G.nodes[f].get("opinions", [])) for f in family]
    targets += [(p, people_opinions.get(p, [])) for p in credits if p in net.get_nodes()]
    for target, opinions in targets:
        for op in opinions:
            stacked[target] += 1
            text = op.get("text") or op.get("feature") or op["polarity"]
            tx, ty = position[target] if target in position else (0.0, bottom + 200)
            y = ty - 50 - 38 * stacked[target] if target in position else bottom + 260 + 38 * stacked[target]
            net.add_node(op["iri"], label=text if len(text) <= 40 else text[:39] + "…", shape="box", kind="opinion",
                         hidden=True, x=tx + (0 if target in position else len(stacked) * 10), y=y,
                         color=POLARITY.get(op["polarity"], UNKNOWN), font={"size": 11},
                         info={"text": text, "polarity": op["polarity"], "value": op.get("value"),
                               "feature": op.get("feature"), "review": op.get("review")})  # fmt: skip
            net.add_edge(op["iri"], target, kind="opinion", hidden=True, arrows="", id=f"opinion {op['iri']}",
                         color=POLARITY.get(op["polarity"], UNKNOWN))  # fmt: skip
    for comp in G.graph.get("comparisons", []):
        if comp["film"] in members and comp["versus"] in members:
            net.add_edge(comp["film"], comp["versus"], label=f"{comp['verdict']} than" if comp["verdict"] in
                         ("better", "worse") else comp["verdict"], kind="comparison", hidden=True, dashes=True,
                         id=f"comparison {comp['iri']}", color="#7f7f7f", smooth={"type": "curvedCW", "roundness": 0.3},
                         info={"film": G.nodes[comp["film"]]["title"], "versus": G.nodes[comp["versus"]]["title"],
                               "verdict": comp["verdict"], "iri": comp["iri"]})  # fmt: skip
    problems = [
        {"kind": p.kind, "message": p.message, "claims": list(p.claims)} for p in find_problems(G.subgraph(family))
    ]
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "legend": [{"country": c, "colour": colours[c]} for c in countries],
        "years": [{"label": _year_text(y), "x": column[y], "y": top} for y in years],
        "summary": _summary(G, family),
        "problems": problems,
    }


def _layout(
    G: Any, family: list[str], generation: dict[str, int], column: dict[int | None, int]
) -> dict[str, tuple[float, float]]:
    """x by year; y as a tidy tree: each remake line gets its own row, an original sits amid its remakes."""
    slot: dict[str, float] = {}
    rows = [0]

    def place(film: str) -> float:
        slot[film] = -1.0
        children = [c for c in remakes_of(G, film) if c not in slot and generation[c] > generation[film]]
        ys = [place(c) for c in children]
        if ys:
            slot[film] = sum(ys) / len(ys)
        else:
            slot[film] = rows[0]
            rows[0] += 1
        return slot[film]

    for film in sorted(family, key=lambda f: (generation[f], release_key(G)(f))):
        if film not in slot:
            place(film)
    position: dict[str, tuple[float, float]] = {}
    for year, x in column.items():  # films of one year never share a row
        last = -math.inf
        for film in sorted((f for f in family if G.nodes[f].get("year") == year), key=lambda f: (slot[f], f)):
            slot[film] = max(slot[film], last + 1)
            last = slot[film]
            position[film] = (x, slot[film] * ROW)
    middle = (max(y for _, y in position.values()) + min(y for _, y in position.values())) / 2
    return {f: (x, y - middle) for f, (x, y) in position.items()}


def _evidence(G: Any, original: str, remake: str) -> list[dict[str, Any]]:
    out = []
    for e in G.edges[original, remake].get("evidence", []):
        out.append({k: getattr(e, k) for k in ("source", "review_id", "anchor", "confidence", "context", "graph")})
    return out


def _csp(*inline_scripts: str) -> str:
    """A Content-Security-Policy that loads nothing from the network and runs only our own scripts."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline_scripts
    )
    return (
        "default-src 'none'; "
        f"script-src 'self' file: {hashes}; "
        "style-src 'self' file: 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def _assets(inline: bool, prefix: str) -> dict[str, str]:
    css = _template("site.css")
    if inline:
        vis = _vis_js().read_text(encoding="utf-8")
        if "</script" in vis.lower():
            raise KgError("the vis-network script cannot be inlined: it contains '</script'")
        return {"style": f"<style>{css}</style>", "vis": f"<script>{vis}</script>", "vis_text": vis}
    return {
        "style": f'<link rel="stylesheet" href="{prefix}assets/site.css">',
        "vis": f'<script src="{prefix}assets/vis-network.min.js"></script>',
        "vis_text": "",
    }


def family_html(G: Any, family: Sequence[str], *, inline: bool = False, index: str = "../index.html") -> str:
    """One family page as HTML (assets from ``../assets/``, or inlined with ``inline``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("o", "r")])
    >>> G.add_node("o", title="<b>O</b>", year=2015); G.add_node("r", title="R", year=2021)
    >>> page = family_html(G, ["o", "r"])
    >>> "<b>O</b>" in page, "&lt;b&gt;O&lt;/b&gt;" in page
    (False, True)
    """
    data = family_data(G, family)
    assets, script = _assets(inline, "../"), _template("family.js")
    return Template(_template("family.html")).substitute(
        csp=_csp(script, *([assets["vis_text"]] if inline else [])),
        title=html.escape(f"{data['summary']['name']}: remake family"),
        heading=html.escape(data["summary"]["name"]),
        index=html.escape(index),
        data=_json(data),
        script=script,
        style=assets["style"],
        vis=assets["vis"],
    )


def index_html(G: Any, families: Sequence[Sequence[str]], links: Sequence[str], *, inline: bool = False) -> str:
    """The index page: one row per family (name, size, years, countries, reviews) linking to its page.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("o", "r")])
    >>> G.add_node("o", title="O & Co", year=2015); G.add_node("r", title="R", year=2021)
    >>> '<a href="families/o.html">O &amp; Co (2015)</a>' in index_html(G, [["o", "r"]], ["families/o.html"])
    True
    """
    rows = []
    for family, link in zip(families, links, strict=True):
        s = _summary(G, family)
        years = "" if s["years"] is None else f"{s['years'][0]}–{s['years'][1]}"
        search = fold(" ".join(s["titles"] + s["countries"]))
        rows.append(
            f'<tr data-search="{html.escape(search)}"><td><a href="{html.escape(link)}">{html.escape(s["name"])}</a>'
            f'</td><td class="n">{s["size"]}</td><td>{years}</td><td>{html.escape(", ".join(s["countries"]))}</td>'
            f'<td class="n">{s["reviews"]}</td></tr>'
        )
    script = _template("index.js")
    return Template(_template("index.html")).substitute(
        csp=_csp(script),
        style=_assets(inline, "")["style"],
        count=len(rows),
        rows="\n".join(rows),
        script=script,
    )


def _filename(key: str, taken: set[str]) -> str:
    name, n = key, 1
    while name in taken:
        n += 1
        name = f"{key}-{n}"
    taken.add(name)
    return name


def write_pages(G: Any, outdir: str | Path, *, min_size: int = 2, inline: bool = False) -> list[Path]:
    """Write a family page per family of at least ``min_size`` films of ``G``, the index, and the assets.

    The site is written aside and then put in place of the old one: ``families/`` holds
    exactly the pages of this graph (none left from an earlier build), and a failure while
    writing leaves the old site as it was.

    Returns the paths written: the family pages, then ``index.html``, then the assets.
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    families = families_by_size(G, min_size=min_size)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=out))
    try:
        (staging / "families").mkdir()
        names: list[str] = []
        taken: set[str] = set()
        for family in families:
            name = _filename(family_key(G, family), taken)
            (staging / "families" / f"{name}.html").write_text(family_html(G, family, inline=inline), encoding="utf-8")
            names.append(f"families/{name}.html")
        (staging / "index.html").write_text(index_html(G, families, names, inline=inline), encoding="utf-8")
        parts = ["families", "index.html"]
        if not inline:
            (staging / "assets").mkdir()
            (staging / "assets" / "site.css").write_text(_template("site.css"), encoding="utf-8")
            shutil.copyfile(_vis_js(), staging / "assets" / "vis-network.min.js")
            parts.append("assets")
        for part in parts:  # each part whole: the old one moves into the staging folder, removed below
            if (out / part).exists():
                os.replace(out / part, staging / f"old-{part}")
            os.replace(staging / part, out / part)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    written = [out / n for n in names] + [out / "index.html"]
    if not inline:
        written += [out / "assets" / "site.css", out / "assets" / "vis-network.min.js"]
    log.info("wrote %d family pages and the index to %s", len(families), out)
    return written


def write_site(graph: Graph, outdir: str | Path, *, min_size: int = 2, inline: bool = False) -> list[Path]:
    """Write the family pages and the index of ``graph`` (an rdflib graph or dataset) into ``outdir``.

    This is what ``kg build`` and ``kg render`` call. Returns the paths written.
    """
    return write_pages(to_digraph(graph), outdir, min_size=min_size, inline=inline)
