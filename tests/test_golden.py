"""Golden graphs: what two example reviews become, compared by isomorphism.

When extraction changes on purpose, look at the difference this test prints,
then refresh the golden files with ``KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from kg.pipeline import build
from kg.store import serialize_graph, union
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
REVIEWS = ["el-desconocido-2015.txt", "psycho-1998-imdb-user-review.txt"]


def _lines(g: Graph) -> str:
    return "\n".join(sorted(serialize_graph(g, format="nt").splitlines()))


@pytest.mark.parametrize("name", REVIEWS)
def test_example_review_gives_its_golden_graph(name: str, examples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the graph records the source path as given
    built = union(build([f"examples/{name}"]).dataset)
    golden_path = GOLDEN / (Path(name).stem + ".ttl")
    if os.environ.get("KG_UPDATE_GOLDEN"):
        golden_path.write_text(serialize_graph(built, format="turtle"), encoding="utf-8")
    golden = Graph().parse(golden_path, format="turtle")
    ours, theirs = to_isomorphic(built), to_isomorphic(golden)
    if ours != theirs:
        _, only_built, only_golden = graph_diff(ours, theirs)
        pytest.fail(
            f"{name}: the build differs from {golden_path.name}\n"
            f"--- only in the build:\n{_lines(only_built)}\n--- only in the golden graph:\n{_lines(only_golden)}"
        )
