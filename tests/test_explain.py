"""`kg extract`: what a review becomes, claim by claim, with the words behind each claim."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.explain import explain
from kg.model import Comparison, Extraction, Film, Mention, Rating, Review, Verdict

BODY = "Zwei is not as good as Eins. 3 out of 5."


def test_each_claim_is_shown_with_its_confidence_and_evidence() -> None:
    cue = Mention.of(BODY, 5, 22)
    x = Extraction(
        review=Review(id="r1", text=BODY, source="r1.txt"),
        films=(Film("f0", "Zwei", 2020), Film("f1", "Eins")),
        comparisons=(Comparison("f0", "f1", Verdict.WORSE, cue, 0.8),),
        rating=Rating(3.0, 5.0, 1.0, "3 out of 5", Mention.of(BODY, 29, 39)),
        reviewed_film="f0",
    )
    lines = explain(x)
    assert lines[0] == "review r1  (r1.txt:1)"
    assert any(
        line.split()[:1] == ["comparison"]
        and "Zwei (2020) worse than Eins" in line
        and '0.80  "is not as good as" @5-22' in line
        for line in lines
    ), lines
    assert any("3 of 5 (as written: 3 out of 5)" in line and "@29-39" in line for line in lines), lines


def test_kg_extract_reads_files_and_prints_json_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    review = tmp_path / "stille-wasser.txt"
    review.write_text(
        "film_title: Stille Wasser\nfilm_year: 2019\n---\nStille Wasser is a remake of Rolig (2011).\n",
        encoding="utf-8",
    )
    text = CliRunner().invoke(cli, ["extract", str(review), "--no-builtin"])
    assert text.exit_code == 0, text.output
    assert "remake      Stille Wasser (2019) remake of Rolig (2011)" in text.output
    as_json = CliRunner().invoke(cli, ["extract", str(review), "--no-builtin", "--json"])
    data = json.loads(as_json.output)
    assert data["review"]["id"] == "stille-wasser"
    assert [(r["source"], r["target"]) for r in data["relations"]] == [("f0", data["films"][1]["key"])]
