from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic
from rdflib.term import Node

from kg.emit import emit, graph_iri
from kg.extract import extract
from kg.model import Review
from kg.pipeline import (
    MANIFEST,
    Settings,
    build,
    build_review,
    build_to,
    count_reviews,
    load_previous,
    review_digest,
    write_build,
)
from kg.runner import Processes, Serial
from kg.store import open_store, read_graph, serialize_graph, union
from tests.conftest import kill_kg_when

REVIEW = Review(
    id="team/1",
    text="Harbour Lights (1994) is a remake of The Quiet Harbour (1961). Ana Belo is wonderful as Mira. 7/10",
    source="team.jsonl",
    film_title="Harbour Lights",
    film_year=1994,
    rating="7",
    author="A Team Member",
)


def rows(n: int, *, offset: int = 0, word: str = "lovely") -> list[dict[str, object]]:
    return [
        {"id": f"r{i}", "text": f"Review {i}: a remake of The Quiet Harbour (1961), and a {word} one. 6/10"}
        for i in range(offset, offset + n)
    ]


def jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_build_review_is_the_graph_emit_makes() -> None:
    g = build_review(REVIEW, Settings())
    assert g.name == str(graph_iri(REVIEW.id))
    lines = g.nquads.splitlines()
    assert lines == sorted(lines) and all(line.endswith(f" <{g.name}> .") for line in lines)
    fast = Dataset()
    fast.parse(data=g.nquads, format="nquads")
    assert isomorphic(union(fast), union(emit(extract(REVIEW))))
    assert build_review(REVIEW, Settings()) == g  # the same review always gives the same text


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_stores_give_the_same_files_and_summary(examples: Path, store: str) -> None:
    ref = build([examples], store="rdflib")
    b = build([examples], store=store)
    assert b.summary.reviews == ref.summary.reviews > 0
    assert (b.summary.films, b.summary.triples, b.summary.families) == (
        ref.summary.films,
        ref.summary.triples,
        ref.summary.families,
    )
    for fmt in ("turtle", "trig"):
        assert serialize_graph(b.dataset, format=fmt) == serialize_graph(ref.dataset, format=fmt)


def test_worker_processes_give_the_same_graph(examples: Path, tmp_path: Path) -> None:
    src = jsonl(tmp_path / "r.jsonl", rows(50))
    one = build([examples, src], store="oxigraph")
    two = build([examples, src], store="oxigraph", runner=Processes(2))
    assert serialize_graph(two.dataset, format="trig") == serialize_graph(one.dataset, format="trig")


def test_progress_reports_done_and_an_estimated_total(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "r.jsonl", rows(40))
    calls: list[tuple[int, int | None]] = []
    b = build([src], progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (40, 40)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert b.summary.reviews == 40


def test_count_reviews_estimates_without_parsing(tmp_path: Path) -> None:
    jsonl(tmp_path / "a.jsonl", rows(7))
    (tmp_path / "b.csv").write_text("id,text\n1,Fine.\n2,Good.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("One review.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert count_reviews([tmp_path]) == 7 + 2 + 1
    assert count_reviews(["-"]) is None


def test_review_digest_follows_content_not_position() -> None:
    moved = Review(**{**_fields(REVIEW), "line": 99})
    assert review_digest(moved) == review_digest(REVIEW)
    for change in ({"text": REVIEW.text + "!"}, {"rating": "8"}, {"source": "other.jsonl"}):
        assert review_digest(Review(**{**_fields(REVIEW), **change})) != review_digest(REVIEW)


def _fields(r: Review) -> dict[str, Any]:
    return {name: getattr(r, name) for name in Review.__dataclass_fields__}


class CountingRunner:
    """Serial, but remembers which reviews it was given."""

    jobs = 1

    def __init__(self) -> None:
        self.seen: list[str] = []

    def map(self, fn: Callable[[Any, int, Any], Any], shared: Any, chunks: Iterable[Any]) -> Iterator[Any]:
        for i, chunk in enumerate(chunks):
            self.seen += [r.id for r in chunk]
            yield fn(shared, i, chunk)


def test_update_builds_only_what_changed(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "r.jsonl", rows(10))
    out = tmp_path / "out"
    write_build(build([src], store="oxigraph"), out, formats=("trig",))
    manifest = json.loads((out / MANIFEST).read_text())
    assert sorted(manifest["reviews"]) == sorted(f"r{i}" for i in range(10))

    records = rows(10)
    records[2]["text"] = "Changed: not a remake at all."
    del records[5]
    jsonl(src, records + rows(1, offset=20))
    previous = load_previous(out)
    assert previous is not None
    runner = CountingRunner()
    b = build([src], runner=runner, previous=previous)
    assert sorted(runner.seen) == ["r2", "r20"]
    assert (b.summary.rebuilt, b.summary.removed, b.summary.reviews) == (2, 1, 10)
    assert "updated          2 rebuilt, 8 unchanged, 1 removed" in b.summary.lines()
    names = {str(g.identifier) for g in b.dataset.graphs() if len(g)}
    assert str(graph_iri("r5")) not in names and str(graph_iri("r20")) in names

    whole = build([src], store="oxigraph")
    assert serialize_graph(b.dataset, format="trig") == serialize_graph(whole.dataset, format="trig")


def test_update_after_other_settings_builds_everything(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "r.jsonl", rows(4))
    out = tmp_path / "out"
    write_build(build([src], store="oxigraph"), out, formats=("trig",))
    previous = load_previous(out)
    assert previous is not None
    runner = CountingRunner()
    b = build([src], runner=runner, previous=previous, min_confidence=0.5)
    assert len(runner.seen) == 4 and b.summary.rebuilt == 4


def test_nothing_to_update_without_a_manifest(tmp_path: Path) -> None:
    assert load_previous(tmp_path) is None


def test_shards_hold_every_graph_once(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "r.jsonl", rows(30))
    shards = tmp_path / "shards"
    shards.mkdir()
    b = build([src], store="oxigraph", shards=shards, chunk_size=8)
    files = sorted(shards.glob("part-*.nq"))
    assert [f.name for f in files] == [f"part-{i:06d}.nq" for i in range(4)]
    graphs = {line.rsplit(" ", 2)[1] for f in files for line in f.read_text().splitlines()}
    assert graphs == {f"<{graph_iri(f'r{i}')}>" for i in range(30)}
    ref = build([src], store="oxigraph", runner=Serial())
    assert serialize_graph(b.dataset, format="nquads") == serialize_graph(ref.dataset, format="nquads")


def test_empty_build_writes_valid_empty_files(tmp_path: Path) -> None:
    b = build([])
    written = write_build(b, tmp_path, formats=("ttl", "trig", "nt"))
    assert [p.name for p in written] == ["kg.ttl", "kg.trig", "kg.nt"]
    assert (tmp_path / "kg.nt").read_text() == ""
    assert (tmp_path / "kg.ttl").read_text().startswith("@base <https://w3id.org/filmkg/id/> .")


# -- a store folder's union through --update -------------------------------------------------


def default_and_named(folder: Path) -> tuple[set[tuple[Node, ...]], dict[Node, set[tuple[Node, ...]]]]:
    """The store's default graph, and each named graph, as sets of triples."""
    ds = open_store(folder)
    graphs: dict[Node, set[tuple[Node, ...]]] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs.setdefault(g, set()).add((s, p, o))
    default = set(ds.default_graph.triples((None, None, None)))
    del ds
    gc.collect()
    return default, graphs


def test_update_of_a_store_folder_makes_its_union_again(examples: Path, tmp_path: Path) -> None:
    from kg.link import load_catalog

    src, out, db = tmp_path / "examples", tmp_path / "out", tmp_path / "db"
    shutil.copytree(examples, src)
    options: dict[str, Any] = {"formats": ("trig",), "jobs": 1, "store": db, "with_catalog": True}
    options["catalog"] = load_catalog([], builtin=True)
    build_to([src], out, **options)
    gc.collect()
    default, graphs = default_and_named(db)
    gone = graph_iri("el-desconocido-2015")
    others = set().union(*(t for g, t in graphs.items() if g != gone))
    only_there, shared = graphs[gone] - others, graphs[gone] & others
    assert only_there and shared and only_there <= default
    assert default == set().union(*graphs.values())

    (src / "el-desconocido-2015.txt").unlink()  # removed
    changed = src / "insomnia-2002.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSeen again in 2024: it holds up.\n", encoding="utf-8")
    (src / "new.txt").write_text(  # new (the team's own words)
        "film_title: Hard Hit\nfilm_year: 2021\n---\nHard Hit (2021) is a remake of El desconocido (2015). 6/10\n",
        encoding="utf-8",
    )
    b = build_to([src], out, update=True, **options)
    assert (b.summary.rebuilt, b.summary.removed) == (2, 1)
    del b
    gc.collect()
    default, graphs = default_and_named(db)
    assert gone not in graphs and graph_iri("new") in graphs
    assert default == set().union(*graphs.values())  # the union of the review graphs as they are now
    assert not only_there & default and shared <= default
    fresh = build([src], store="rdflib", catalog=options["catalog"], with_catalog=True)
    assert default == set(union(fresh.dataset))
    assert serialize_graph(read_graph(db), format="trig") == (out / "kg.trig").read_text()


def test_a_killed_update_leaves_the_store_folder_as_it_was(tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "db"
    src = jsonl(tmp_path / "r.jsonl", rows(20))
    build_to([src], out, formats=("trig",), jobs=1, store=db)
    gc.collect()
    before = default_and_named(db)
    trig = serialize_graph(read_graph(db), format="trig")
    gc.collect()
    big = jsonl(tmp_path / "big.jsonl", rows(20) + rows(4000, offset=100, word="dull"))
    args = ["build", str(big), "-o", str(out), "--store", str(db), "--update", "-j", "2"]
    kill_kg_when(args, ready=lambda: bool(list(tmp_path.glob(".db.building-*"))))
    assert list(tmp_path.glob(".db.building-*")), "the update was working in a copy"
    assert default_and_named(db) == before
    assert serialize_graph(read_graph(db), format="trig") == trig
    gc.collect()
    jsonl(src, rows(19))
    b = build_to([src], out, formats=("trig",), jobs=1, store=db, update=True)
    assert (b.summary.rebuilt, b.summary.removed) == (0, 1)
    del b
    gc.collect()
    assert not list(tmp_path.glob(".db.*")), "the next build clears what the killed one left"
    default, graphs = default_and_named(db)
    assert graph_iri("r19") not in graphs and default == set().union(*graphs.values())
