"""`kg eval`: the scores of FORMAT.md, the same numbers as the reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.evaluate import read_gold, score
from kg.pipeline import build, write_build
from kg.store import union
from tests.conftest import ROOT

GOLD_FIELDS = ("films", "remakes", "people", "characters", "comparisons", "opinions")


def run_kg(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:
        main(args)
    except SystemExit as exit_:
        assert exit_.code in (0, None), capsys.readouterr().err
    return capsys.readouterr().out


def test_empty_graph_scores_zero_and_every_review_is_missing() -> None:
    rows = [
        {
            "review": "r1",
            "film": {},
            "rating": {"value": 7, "best": 10},
            "polarity": "positive",
            "films": [{"title": "X", "year": 2000}],
            "remakes": [],
            "people": [],
            "comparisons": [],
            "opinions": [],
        }
    ]
    res = score(rows, Graph())
    assert res["films"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "gold": 1, "system": 0}
    assert res["reviews_found"] == {"found": 0, "gold": 1}
    assert res["rating_accuracy"]["accuracy"] == 0.0


def test_errors_list_what_the_graph_misses_and_what_it_adds() -> None:
    from rdflib import Dataset

    from kg.evaluate import format_errors
    from kg.vocab import FKG
    from tests.lineage_graphs import add_film, add_review

    ds = Dataset(default_union=True)
    g = ds.graph()
    remake = add_film(g, "Night Ferry", 2011)
    add_film(g, "Harbour Lights", 1952)
    original = add_film(g, "The Long Crossing", 1950)
    add_review(ds, "r1", remake, "A remake.")
    g.add((remake, FKG.remakeOf, original))
    row = {
        "review": "r1",
        "film": {"title": "Night Ferry", "year": 2011},
        "rating": None,
        "polarity": "positive",
        "films": [{"title": "Night Ferry", "year": 2011}, {"title": "Cold Harbour", "year": 1958}],
        "remakes": [
            {"remake": {"title": "Night Ferry", "year": 2011}, "original": {"title": "Cold Harbour", "year": 1958}}
        ],
        "people": [],
        "comparisons": [],
        "opinions": [],
    }
    res = score([row], union(ds), errors=True)
    assert res["errors"]["films"]["missed"] == ["Cold Harbour (1958)"]
    assert sorted(res["errors"]["films"]["extra"]) == ["Harbour Lights (1952)", "The Long Crossing (1950)"]
    assert res["errors"]["remakes"] == {
        "missed": ["Night Ferry (2011) remake of Cold Harbour (1958)"],
        "extra": ["Night Ferry (2011) remake of The Long Crossing (1950)"],
    }
    lines = format_errors(res)
    assert "films        - Cold Harbour (1958)" in lines and "films        + Harbour Lights (1952)" in lines
    assert "errors" not in score([row], union(ds))  # the scores alone, as the reference scorer gives them


def test_seed_review_reads_perfectly(shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_kg(["eval", str(shared_data / "gold" / "seed.jsonl"), str(shared_data / "seed"), "--json"], capsys)
    res = json.loads(out)
    assert {f: res[f]["f1"] for f in GOLD_FIELDS} == {f: 1.0 for f in GOLD_FIELDS}
    assert res["rating_accuracy"]["accuracy"] == 1.0
    assert res["stance_accuracy"]["accuracy"] == 1.0


@pytest.mark.parametrize("gold_name", ["seed.jsonl", "aclimdb-dev.jsonl"])
def test_kg_eval_agrees_with_the_reference_scorer(shared_data: Path, tmp_path: Path, gold_name: str) -> None:
    scorer = shared_data.parent / "tools" / "score_graph.py"
    if not scorer.exists():
        pytest.skip("the reference scorer is not beside the data")
    gold = shared_data / "gold" / gold_name
    rows = read_gold(gold)
    sources = sorted({str(shared_data / r["source"]) for r in rows})
    wanted = {r["review"] for r in rows}
    result = build(sources, keep=lambda r: r.id in wanted)
    (ttl,) = write_build(result, tmp_path, formats=["ttl"])
    reference = json.loads(
        subprocess.run(
            [sys.executable, str(scorer), str(gold), str(ttl), "--json"], check=True, capture_output=True, text=True
        ).stdout
    )
    ours = score(rows, union(result.dataset))
    assert ours == reference


RECORDED = ROOT / "bench" / "results" / "eval-dev.json"  # `kg eval ... --json`, refreshed when extraction improves


def test_dev_gold_scores_do_not_slide_back(shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    gold = shared_data / "gold" / "aclimdb-dev.jsonl"
    now = json.loads(
        run_kg(["eval", str(gold), str(shared_data / "aclimdb_remake_reviews" / "reviews.jsonl"), "--json"], capsys)
    )
    slid = {f: (recorded[f]["f1"], now[f]["f1"]) for f in GOLD_FIELDS if now[f]["f1"] < recorded[f]["f1"] - 0.03}
    for acc in ("rating_accuracy", "stance_accuracy"):
        if now[acc]["accuracy"] < recorded[acc]["accuracy"] - 0.03:
            slid[acc] = (recorded[acc]["accuracy"], now[acc]["accuracy"])
    assert not slid, f"fields more than 0.03 below {RECORDED.name} (recorded, now): {slid}"
    low = {f: now[f]["precision"] for f in GOLD_FIELDS if now[f]["precision"] < 0.7}
    assert not low, f"precision below 0.7: {low}"
