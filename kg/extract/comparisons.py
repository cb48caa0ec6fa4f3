"""Judgements of one film against another."""

from __future__ import annotations

from kg.model import Comparison, Film, Relation, Review

__all__ = ["find_comparisons"]


def find_comparisons(
    review: Review, films: list[Film], *, reviewed: str | None, relations: list[Relation]
) -> list[Comparison]:
    """The comparisons ``review`` makes (first version: none)."""
    return []
