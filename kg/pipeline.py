"""``build``: read -> extract -> link -> emit, one review at a time.

The pipeline composes the stages and nothing else: each review is read,
extracted, linked and emitted into its own named graph before the next is
read, so memory grows with the graph, never with the input.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from rdflib.namespace import RDF

from kg.emit import emit_into
from kg.extract import extract
from kg.link import Catalog, link, resolve
from kg.model import InputProblem, Review
from kg.reviews import read_reviews
from kg.store import write_graph
from kg.vocab import DEFAULT_BASE, FKG, MARL, SCHEMA

__all__ = ["Build", "Summary", "build", "summarize", "write_build"]

log = logging.getLogger(__name__)

FORMAT_FILES = {"ttl": "kg.ttl", "trig": "kg.trig", "nt": "kg.nt", "nq": "kg.nq", "jsonld": "kg.jsonld"}


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
    files: list[Path] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as the lines ``kg build`` prints."""
        out = [
            f"reviews read     {self.reviews}" + (f" ({self.skipped} skipped, see above)" if self.skipped else ""),
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
    """The graph a build made (one named graph per review) and its summary."""

    dataset: Dataset
    summary: Summary


def build(
    inputs: Iterable[str | Path],
    *,
    catalog: Catalog | None = None,
    min_confidence: float = 0.0,
    strict: bool = False,
    base: str = DEFAULT_BASE,
    keep: Callable[[Review], bool] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Build:
    """Build the knowledge graph of the reviews in ``inputs``.

    Parameters
    ----------
    inputs : iterable of str or Path
        Review files, folders (read recursively) or ``-`` for standard input.
    catalog : Catalog, optional
        Known films and people to link mentions to.
    min_confidence : float
        Claims with a lower confidence are left out.
    strict : bool
        Stop at the first bad input (raises :class:`~kg.errors.InputError`).
    keep : callable, optional
        Only reviews for which ``keep(review)`` is true are built.
    on_problem : callable, optional
        Called with each bad input that was skipped.
    progress : callable, optional
        Called with the number of reviews built so far, after each review.

    Returns
    -------
    Build
        The dataset (one named graph per review) and a summary.

    Examples
    --------
    >>> b = build([])
    >>> b.summary.reviews
    0
    """
    ds = Dataset(default_union=True)
    summary = Summary()

    def problem(p: InputProblem) -> None:
        summary.problems.append(p)
        if on_problem is not None:
            on_problem(p)
        else:
            log.warning("%s", p)

    for review in read_reviews(inputs, strict=strict, on_problem=problem):
        if keep is not None and not keep(review):
            continue
        extraction = resolve(extract(review), catalog)
        if min_confidence > 0:
            extraction = extraction.with_min_confidence(min_confidence)
        emit_into(ds, extraction, link(extraction, catalog), base=base)
        summary.reviews += 1
        if progress is not None:
            progress(summary.reviews)
    summary.skipped = sum(not p.kept for p in summary.problems)
    summarize(ds, summary)
    return Build(ds, summary)


def summarize(ds: Dataset, summary: Summary) -> Summary:
    """Fill ``summary``'s counts from the graph."""
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


def _count_families(edges: set[tuple[object, object]]) -> int:
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
    """Write the build's graph into ``outdir`` in each of ``formats``; return the files written."""
    outdir = Path(outdir)
    written = []
    for fmt in formats:
        if fmt not in FORMAT_FILES:
            raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMAT_FILES)}")
        written.append(write_graph(b.dataset, outdir / FORMAT_FILES[fmt], format=fmt))
    b.summary.files.extend(written)
    return written
