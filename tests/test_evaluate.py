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
