"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

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
