"""Remake relations between the films of a review."""

from __future__ import annotations

from kg.model import Film, Relation, Review

__all__ = ["find_remakes"]


def find_remakes(review: Review, films: list[Film], *, reviewed: str | None) -> list[Relation]:
    """The remake relations ``review`` states (first version: none)."""
    return []
