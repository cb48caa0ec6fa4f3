"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path | None:
    """``$KG_SHARED_DATA`` or ``../shared/data`` beside the checkout, if it exists."""
    env = os.environ.get("KG_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "data")
    return next((p for p in candidates if p.is_dir()), None)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data in ../shared/data: skipped where absent, a failure in CI."""
    path = shared_data_dir()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("../shared/data (or $KG_SHARED_DATA) is missing in CI")
        pytest.skip("../shared/data is not here (set KG_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def examples() -> Path:
    """The team's example reviews, the default input of `kg build`."""
    return ROOT / "examples"


def drop_union(ds: Any) -> None:
    """Empty the default graph of a store folder, as stores were before they kept the union there."""
    ds.default_graph.update("DROP SILENT DEFAULT")


@pytest.fixture(scope="session")
def dev_scores(shared_data: Path) -> dict[str, Any]:
    """The development gold scored against one build of the reviews it names (shared by the extractors' tests)."""
    from kg.evaluate import read_gold, score
    from kg.pipeline import build
    from kg.store import union

    rows = read_gold(shared_data / "gold" / "aclimdb-dev.jsonl")
    wanted = {r["review"] for r in rows}
    result = build([shared_data / "aclimdb_remake_reviews" / "reviews.jsonl"], keep=lambda r: r.id in wanted)
    return score(rows, union(result.dataset))


def kill_kg_when(args: list[str], ready: Callable[[], bool]) -> None:
    """Run ``python -m kg ARGS`` and SIGKILL it once ``ready()`` holds (within a minute) and half a second more.

    Fails if the command ended before it could be killed: the test would then prove nothing.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kg", *args]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.5)
        assert proc.poll() is None, f"`kg {' '.join(args[:2])}` ended before it could be killed"
        proc.kill()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
