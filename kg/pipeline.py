"""``build``: read -> extract -> link -> emit, one review at a time, in one process or many.

The pipeline composes the stages and nothing else. Reviews are read one at a
time and handed, in small chunks, to :func:`build_review` (in this process or
in worker processes, see :mod:`kg.runner`); each comes back as its named
graph in canonical N-Quads and goes straight into the store. So memory grows
with the graph, never with the input, and the graph is the same whatever the
number of processes. With ``previous`` (``kg build --update``) only reviews
whose record changed are built again and exactly their graphs replaced.

A store folder (``store=DIR``) keeps the set union of the review graphs in its default
graph for queries (:func:`kg.store.keep_union`), made at the end of a build and changed
graph by graph by an update; :func:`build_to` works in a copy swapped in when complete.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.emit import emit_catalog, emit_to
from kg.extract import EXTRACTOR_VERSION, extract, reread
from kg.link import Catalog, catalog_facts, link, resolve
from kg.model import Extraction, InputProblem, Links, Review
from kg.reviews import read_reviews
from kg.runner import Runner, Serial
from kg.store import (
    STORES,
    add_nquads,
    clear,
    copy_store,
    flush,
    has_default_triples,
    is_store,
    keep_union,
    new_dataset,
    open_store,
    read_graph,
    replace_folder,
    staging_folder,
    write_graphs,
    write_text_atomic,
)
from kg.vocab import DEFAULT_BASE, FKG, MARL, SCHEMA
from kg.writer import keeps_union, nt_line, nt_term, oxigraph_store

__all__ = [
    "FORMAT_FILES",
    "MANIFEST",
    "Build",
    "Previous",
    "ReviewGraph",
    "Settings",
    "Summary",
    "build",
    "build_chunk",
    "build_to",
    "build_review",
    "count_reviews",
    "load_previous",
    "summarize",
    "write_build",
]

log = logging.getLogger(__name__)

FORMAT_FILES = {"ttl": "kg.ttl", "trig": "kg.trig", "nt": "kg.nt", "nq": "kg.nq", "jsonld": "kg.jsonld"}
MANIFEST = ".kg-build.json"  # in the output folder: what was built from what, for `kg build --update`
CHUNK = 16  # reviews per task given to a worker
BATCH_CHARS = 4_000_000  # N-Quads text gathered before one load into the store


@dataclass
class Summary:
    """What a build read, found and wrote."""

    reviews: int = 0
    skipped: int = 0
    films: int = 0
    remake_links: int = 0
    people: int = 0
    opinions: int = 0
    comparisons: int = 0
    families: int = 0
    triples: int = 0
    rebuilt: int | None = None  # with --update: reviews built again (new or changed)
    removed: int = 0  # with --update: graphs of reviews no longer in the input
    files: list[Path] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as the lines ``kg build`` prints."""
        read = f"reviews read     {self.reviews}" + (f" ({self.skipped} skipped, see above)" if self.skipped else "")
        out = [read]
        if self.rebuilt is not None:
            kept = self.reviews - self.rebuilt
            out.append(f"updated          {self.rebuilt} rebuilt, {kept} unchanged, {self.removed} removed")
        out += [
            f"films            {self.films}",
            f"remake links     {self.remake_links}",
            f"people           {self.people}",
            f"opinions         {self.opinions}",
            f"comparisons      {self.comparisons}",
            f"families         {self.families}",
            f"triples          {self.triples}",
        ]
        out += [f"wrote            {p}" for p in self.files]
        return out


@dataclass
class Build:
    """The graph a build made (one named graph per review), its summary, and each review's digest."""

    dataset: Dataset
    summary: Summary
    digests: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""


@dataclass(frozen=True)
class Settings:
    """What every review's build needs besides the review (shared once with each worker)."""

    catalog: Catalog | None = None
    min_confidence: float = 0.0
    base: str = DEFAULT_BASE
    as_text: bool = True  # graphs as N-Quads text (any store, any process) or as rdflib triples
    shards: str | None = None  # a folder: each chunk's graphs go into a shard file there, not back to the caller


@dataclass(frozen=True)
class ReviewGraph:
    """One review built: its named graph, as N-Quads text or as triples."""

    id: str
    name: str
    nquads: str = ""
    triples: tuple[tuple[Node, Node, Node], ...] = ()
    shard: str = ""  # the N-Quads file that holds the graph (with Settings.shards)


class _Triples(list[tuple[Node, Node, Node]]):
    add = list.append


def read_review(
    review: Review, *, catalog: Catalog | None = None, min_confidence: float = 0.0
) -> tuple[Extraction, Links]:
    """What one review says (extracted, completed by the catalog, weak claims dropped) and its links.

    >>> x, links = read_review(Review(id="r1", text="A fine film."))
    >>> x.review.id, links.films
    ('r1', ())
    """
    extracted = extract(review)
    extraction = resolve(extracted, catalog)
    if extraction.people != extracted.people:
        extraction = reread(extraction)
    if min_confidence > 0:
        extraction = extraction.with_min_confidence(min_confidence)
    return extraction, link(extraction, catalog)


def read_reviews_of(
    inputs: Iterable[str | Path],
    *,
    catalog: Catalog | None = None,
    min_confidence: float = 0.0,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> Iterator[tuple[Extraction, Links]]:
    """:func:`read_review` over every review in ``inputs`` (what ``kg extract`` shows)."""
    for review in read_reviews(inputs, on_problem=on_problem):
        yield read_review(review, catalog=catalog, min_confidence=min_confidence)


def build_review(review: Review, settings: Settings) -> ReviewGraph:
    """Extract, link and emit one review: the unit of work that runs in any process or on a cluster.

    >>> g = build_review(Review(id="r1", text="A fine film."), Settings())
    >>> g.name
    'https://w3id.org/filmkg/id/graph/r1'
    >>> g.nquads.splitlines()[0].endswith("<https://w3id.org/filmkg/id/graph/r1> .")
    True
    """
    extraction, links = read_review(review, catalog=settings.catalog, min_confidence=settings.min_confidence)
    triples = _Triples()
    name = emit_to(triples, extraction, links, base=settings.base)
    if not settings.as_text:
        return ReviewGraph(review.id, str(name), triples=tuple(triples))
    cache: dict[Node, str] = {}
    graph = f" {nt_term(name)} .\n"
    lines = {nt_line(s, p, o, cache)[:-3] + graph for s, p, o in triples}
    return ReviewGraph(review.id, str(name), nquads="".join(sorted(lines)))


def build_chunk(settings: Settings, index: int, reviews: list[Review]) -> list[ReviewGraph]:
    """:func:`build_review` over the ``index``-th chunk of reviews (the task a runner hands a worker).

    With ``settings.shards``, the chunk's graphs are written to the N-Quads file
    ``part-INDEX.nq`` in that folder (a shard that any SPARQL server bulk-loads)
    and only the file's name comes back.
    """
    graphs = [build_review(r, settings) for r in reviews]
    if settings.shards is None:
        return graphs
    path = Path(settings.shards) / f"part-{index:06d}.nq"
    write_text_atomic(path, "".join(g.nquads for g in sorted(graphs, key=lambda g: g.name)))
    return [ReviewGraph(g.id, g.name, shard=str(path)) for g in graphs]


_DIGESTED = tuple(f.name for f in fields(Review) if f.name != "line")


def review_digest(review: Review) -> str:
    """A hash of everything a review's graph is built from (its text and metadata, not its line number)."""
    data = json.dumps([getattr(review, name) for name in _DIGESTED], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint(settings: Settings) -> str:
    """What else a graph depends on: extractor version, options and catalog; a change rebuilds everything."""
    catalog = getattr(settings.catalog, "name", None) if settings.catalog is not None else None
    return (
        f"extract={EXTRACTOR_VERSION};min_confidence={settings.min_confidence};base={settings.base};catalog={catalog}"
    )


@dataclass
class Previous:
    """An earlier build to update: its graph (reopened, to be changed in place) and its manifest."""

    dataset: Dataset
    digests: dict[str, str]
    fingerprint: str


def build(
    inputs: Iterable[str | Path],
    *,
    catalog: Catalog | None = None,
    min_confidence: float = 0.0,
    strict: bool = False,
    base: str = DEFAULT_BASE,
    keep: Callable[[Review], bool] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    store: str | Path = "rdflib",
    runner: Runner | None = None,
    previous: Previous | None = None,
    shards: str | Path | None = None,
    chunk_size: int = CHUNK,
    with_catalog: bool = False,
) -> Build:
    """Build the knowledge graph of the reviews in ``inputs``.

    Parameters
    ----------
    inputs : iterable of str or Path
        Review files, folders (read recursively) or ``-`` for standard input.
    catalog : Catalog, optional
        Known films and people to link mentions to.
    with_catalog : bool
        Also put what only the catalog knows of the linked films (its remake links among
        them) into the named graph ``<graph/catalog>``.
    min_confidence : float
        Claims with a lower confidence are left out.
    strict : bool
        Stop at the first bad input (raises :class:`~kg.errors.InputError`).
    keep : callable, optional
        Only reviews for which ``keep(review)`` is true are built.
    on_problem : callable, optional
        Called with each bad input that was skipped.
    progress : callable, optional
        Called as ``progress(done, total)`` while reviews are built; ``total`` is an estimate or ``None``.
    store : str or Path
        ``"rdflib"`` (rdflib's memory store), ``"oxigraph"`` (Oxigraph in memory) or a folder
        for an Oxigraph store on disk that later commands reopen (:func:`kg.store.open_store`).
    runner : Runner, optional
        Where reviews are built: :class:`kg.runner.Processes` for N processes, a Dask cluster
        (:mod:`kg.cluster`); default: this process.
    previous : Previous, optional
        An earlier build (:func:`load_previous`) to update in place: only new and changed reviews
        are built, and graphs of reviews that are gone are removed; ``store`` is ignored.
        A store folder's union (its default graph) follows the graphs that change.
    shards : str or Path, optional
        A folder where workers write each chunk's graphs as an N-Quads shard (``part-N.nq``)
        that the store, or a SPARQL server, bulk-loads (for a cluster: a folder all machines share).
    chunk_size : int
        Reviews per task handed to a worker.

    Returns
    -------
    Build
        The dataset (one named graph per review), a summary and each review's digest.

    Examples
    --------
    >>> b = build([])
    >>> b.summary.reviews
    0
    """
    runner = runner or Serial()
    summary = Summary()
    ds = previous.dataset if previous is not None else new_dataset(store)
    fast = oxigraph_store(ds) is not None
    as_text = fast or runner.jobs > 1 or shards is not None
    settings = Settings(catalog, min_confidence, base, as_text, str(shards) if shards is not None else None)
    old = previous.digests if previous is not None else {}
    if previous is not None and previous.fingerprint != fingerprint(settings):
        log.info("the previous build used other settings (%s); building everything", previous.fingerprint)
        clear(ds)
        old = {}
    # a store folder's union: made whole at the end, or (updating a store that has one) changed graph by graph
    whole_union = previous is None or not old or not has_default_triples(ds)
    names: list[str] | None = None if whole_union or not keeps_union(ds) else []  # the graphs to add to it
    digests: dict[str, str] = {}
    total = count_reviews(inputs) if progress is not None else None

    def problem(p: InputProblem) -> None:
        summary.problems.append(p)
        if on_problem is not None:
            on_problem(p)
        else:
            log.warning("%s", p)

    def todo() -> Iterator[list[Review]]:
        chunk: list[Review] = []
        for review in read_reviews(inputs, strict=strict, on_problem=problem):
            if keep is not None and not keep(review):
                continue
            summary.reviews += 1
            digest = digests[review.id] = review_digest(review)
            if old.get(review.id) == digest:
                if progress is not None:
                    progress(summary.reviews, total)
                continue
            chunk.append(review)
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    built = 0
    batch: list[str] = []
    replace: list[str] = []
    size = 0
    for graphs in runner.map(build_chunk, settings, todo()):
        for shard in sorted({g.shard for g in graphs if g.shard}):
            add_nquads(ds, path=shard, replace=[g.name for g in graphs if g.id in old])
        for g in (g for g in graphs if not g.shard):
            if g.triples:
                graph = ds.graph(URIRef(g.name))
                if g.id in old:
                    ds.remove_graph(graph)
                ds.addN((s, p, o, graph) for s, p, o in g.triples)
            else:
                if g.id in old:
                    replace.append(g.name)
                batch.append(g.nquads)
                size += len(g.nquads)
        if size >= BATCH_CHARS or replace:
            add_nquads(ds, "".join(batch), replace=replace)
            batch, replace, size = [], [], 0
        built += len(graphs)
        if names is not None:
            names += [g.name for g in graphs]
        if progress is not None:
            progress(summary.reviews, total)
    add_nquads(ds, "".join(batch), replace=replace)
    if previous is not None:
        gone = sorted(set(old) - set(digests))
        for review_id in gone:
            add_nquads(ds, "", replace=[_graph_name(review_id, base)])
        summary.rebuilt, summary.removed = built, len(gone)
    summary.skipped = sum(not p.kept for p in summary.problems)
    if with_catalog and catalog is not None:
        name = _add_catalog_facts(ds, catalog, base)
        if names is not None:
            names.append(name)
    summarize(ds, summary)
    if keeps_union(ds):  # a store folder: the union of its graphs, each triple once, for queries
        keep_union(ds, graphs=names)
        flush(ds)  # into its files: reopening it replays no log
    return Build(ds, summary, digests, fingerprint(settings))


def _add_catalog_facts(ds: Dataset, catalog: Catalog, base: str) -> str:
    """Put the catalog's remake links among the build's linked films into ``<graph/catalog>``; its name."""
    prefix = f"{base}film/"
    unlinked = set(ds.subjects(RDF.type, FKG.UnlinkedFilm))
    keys = {str(f)[len(prefix) :] for f in ds.subjects(RDF.type, SCHEMA.Movie) if f not in unlinked}
    triples = _Triples()
    name = emit_catalog(triples, catalog_facts(catalog, keys), source=catalog.name, base=base)
    add_nquads(ds, replace=[str(name)])  # (what it alone held leaves a store folder's union)
    graph = ds.graph(URIRef(name))
    ds.addN((s, p, o, graph) for s, p, o in triples)
    return str(name)


def _graph_name(review_id: str, base: str) -> str:
    from kg.emit import graph_iri

    return str(graph_iri(review_id, base=base))


def count_reviews(inputs: Iterable[str | Path]) -> int | None:
    """A quick estimate of how many reviews ``inputs`` hold (lines of JSONL/CSV, text files), or ``None``.

    >>> count_reviews([])
    0
    """
    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-":
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        if not path.exists():
            continue
        for f in files:
            suffix = f.suffix.lower()
            if suffix in (".jsonl", ".ndjson", ".csv", ".tsv"):
                with open(f, "rb") as fh:
                    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                total += max(0, lines - (1 if suffix in (".csv", ".tsv") else 0))
            elif suffix in (".txt", ".md", ".review") or not path.is_dir():
                total += 1
    return total


def summarize(ds: Dataset, summary: Summary) -> Summary:
    """Fill ``summary``'s counts from the graph."""
    store = oxigraph_store(ds)
    if store is not None:
        return _summarize_oxigraph(store, summary)
    films = set(ds.subjects(RDF.type, SCHEMA.Movie))
    edges = set(ds.subject_objects(FKG.remakeOf))
    summary.films = len(films)
    summary.remake_links = len(edges)
    credited = {p for perf in ds.subjects(RDF.type, FKG.Performance) for p in ds.objects(perf, FKG.performer)}
    for pred in (SCHEMA.director, SCHEMA.author, SCHEMA.producer, SCHEMA.musicBy, SCHEMA.actor):
        credited.update(o for s, o in ds.subject_objects(pred) if s in films)
    summary.people = len(credited)
    summary.opinions = len(set(ds.subjects(RDF.type, MARL.Opinion)))
    summary.comparisons = len(set(ds.subjects(RDF.type, FKG.Comparison)))
    summary.families = _count_families(edges)
    summary.triples = len(ds)
    return summary


_COUNTS = f"""
PREFIX rdf: <{RDF}> PREFIX schema: <{SCHEMA}> PREFIX fkg: <{FKG}> PREFIX marl: <{MARL}>
SELECT
  (COUNT(DISTINCT ?film) AS ?films) (COUNT(DISTINCT ?opinion) AS ?opinions)
  (COUNT(DISTINCT ?comparison) AS ?comparisons) (COUNT(DISTINCT ?person) AS ?people)
WHERE {{
  {{ ?film a schema:Movie }} UNION {{ ?opinion a marl:Opinion }} UNION {{ ?comparison a fkg:Comparison }}
  UNION {{ ?perf a fkg:Performance ; fkg:performer ?person }}
  UNION {{ ?f a schema:Movie ; schema:director|schema:author|schema:producer|schema:musicBy|schema:actor ?person }}
}}"""


def _summarize_oxigraph(store: object, summary: Summary) -> Summary:
    import pyoxigraph as ox

    assert isinstance(store, ox.Store)
    row = next(iter(store.query(_COUNTS, use_default_graph_as_union=True)))  # type: ignore[arg-type]
    summary.films, summary.opinions, summary.comparisons, summary.people = (int(row[i].value) for i in range(4))
    edges = {
        (row[0].value, row[1].value)
        for row in store.query(f"SELECT ?a ?b {{ ?a <{FKG.remakeOf}> ?b }}", use_default_graph_as_union=True)  # type: ignore[union-attr]
    }
    summary.remake_links, summary.families = len(edges), _count_families(edges)
    query = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"
    summary.triples = int(next(iter(store.query(query, use_default_graph_as_union=True)))[0].value)  # type: ignore[arg-type]
    return summary


def _count_families(edges: set[tuple[Any, Any]]) -> int:
    """The number of connected groups of films joined by remake links (union-find)."""
    parent: dict[object, object] = {}

    def root(x: object) -> object:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[root(a)] = root(b)
    return len({root(x) for x in parent})


def write_build(b: Build, outdir: str | Path, *, formats: Iterable[str] = ("ttl", "trig")) -> list[Path]:
    """Write the build's graph into ``outdir`` in each of ``formats``; return the files written.

    All files are complete under temporary names before any is renamed into place, so an
    interrupted build leaves the previous files whole. A manifest (``.kg-build.json``: each
    review's digest) is written last, for ``kg build --update``.
    """
    outdir = Path(outdir)
    files = {}
    for fmt in formats:
        if fmt not in FORMAT_FILES:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMAT_FILES)}")
        files[fmt] = outdir / FORMAT_FILES[fmt]
    written = write_graphs(b.dataset, files, base=DEFAULT_BASE) if files else []
    if b.digests or (outdir / MANIFEST).exists():
        manifest = {"fingerprint": b.fingerprint, "formats": sorted(files), "reviews": dict(sorted(b.digests.items()))}
        write_text_atomic(outdir / MANIFEST, json.dumps(manifest, indent=0, ensure_ascii=False) + "\n")
    b.summary.files.extend(written)
    return written


def load_previous(
    outdir: str | Path, *, store: str | Path | None = None, copy_to: str | Path | None = None
) -> Previous | None:
    """The build in ``outdir`` (and in the store folder ``store``, if given), ready to update; ``None`` if none.

    The graph comes from the store folder (opened to be changed in place, or first copied to
    the new folder ``copy_to`` and the copy opened), else from ``outdir/kg.trig`` or ``kg.nq``
    (read into Oxigraph); without a manifest or a file that keeps the named graphs there is
    nothing to update. (An update stopped half-way leaves a store changed in place with
    graphs and union out of step; :func:`build_to` updates a copy.)
    """
    outdir = Path(outdir)
    try:
        manifest = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if store is not None and is_store(store):
        if copy_to is not None:
            store = copy_store(store, copy_to)
        ds = open_store(store, read_only=False)
    else:
        source = next((outdir / n for n in ("kg.trig", "kg.nq") if (outdir / n).is_file()), None)
        if source is None:
            return None
        ds = read_graph(source, store="oxigraph")
    return Previous(ds, dict(manifest.get("reviews", {})), str(manifest.get("fingerprint", "")))


def build_to(
    inputs: Iterable[str | Path],
    outdir: str | Path,
    *,
    formats: Iterable[str] = ("ttl", "trig"),
    jobs: int | None = None,
    store: str | Path = "oxigraph",
    update: bool = False,
    scheduler: str | None = None,
    pages: bool = False,
    **options: Any,
) -> Build:
    """:func:`build` and :func:`write_build` as ``kg build`` does them (and the family pages, with ``pages``).

    Reviews are built in ``jobs`` processes (default: the cores), or on the Dask cluster at
    ``scheduler`` (workers write shards into ``outdir/shards``); with ``update``, the build in
    ``outdir`` (and the store folder ``store``) is updated. A store folder is built, or updated,
    in a folder beside it that replaces it only when complete (its union kept), so a build
    killed on the way leaves it as it was. ``options`` go to :func:`build`.
    """
    from kg.runner import Processes, default_jobs

    outdir = Path(outdir)
    folder = None
    if str(store) not in STORES:  # built (or updated) in a copy beside it, swapped in when complete
        folder, store = Path(store), staging_folder(store)
    previous = None
    if update and folder is not None and not is_store(folder):
        log.warning("%s: no store folder to update; building everything", folder)
    elif update:
        previous = load_previous(outdir, store=folder, copy_to=store if folder is not None else None)
        if previous is None:
            log.warning("%s: no earlier build to update (no %s and kg.trig); building everything", outdir, MANIFEST)
    shards = None
    if scheduler is not None:
        from kg.cluster import Dask

        runner: Runner = Dask(scheduler)
        shards = outdir / "shards"
        shards.mkdir(parents=True, exist_ok=True)
        for old in shards.glob("part-*.nq"):
            old.unlink()
        options.setdefault("chunk_size", 256)
    else:
        jobs = jobs or default_jobs()
        runner = Processes(jobs) if jobs > 1 else Serial()
    try:
        b = build(inputs, store=store, runner=runner, previous=previous, shards=shards, **options)
    finally:
        close = getattr(runner, "close", None)
        if close is not None:
            close()
    if folder is not None:  # before the manifest: a manifest never describes a store that is not in place
        b.dataset = _swap_store(b.dataset, Path(store), folder)
    write_build(b, outdir, formats=formats)
    if pages:
        from kg.render import write_site

        written = write_site(b.dataset, outdir)
        b.summary.files.append(next(p for p in written if p.name == "index.html"))
    return b


def _swap_store(ds: Dataset, staging: Path, folder: Path) -> Dataset:
    """Close the store built in ``staging``, put it in place of ``folder``, and reopen it there."""
    import gc

    del ds
    gc.collect()  # the last reference closes the store's files
    replace_folder(staging, folder)
    return open_store(folder)
