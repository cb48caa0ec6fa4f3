"""The reviewer's own score and the stance of the review."""

from __future__ import annotations

import re

from kg.model import Comparison, Opinion, Polarity, Rating, Review

__all__ = ["find_rating", "find_stance"]


def find_rating(review: Review) -> Rating | None:
    """The rating of ``review`` (first version: a numeric metadata rating out of ``rating_best`` or 10)."""
    if review.rating is None:
        return None
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:/\s*(\d+))?\s*", review.rating)
    if not m:
        return None
    best = float(m.group(2) or review.rating_best or 10)
    return Rating(value=float(m.group(1)), best=best, worst=0.0 if best == 10 else 1.0, text=review.rating)


def find_stance(
    review: Review, *, rating: Rating | None, opinions: list[Opinion], comparisons: list[Comparison]
) -> tuple[Polarity | None, float]:
    """The stance of ``review`` and a confidence (first version: from a numeric rating)."""
    if rating is None or isinstance(rating.value, str) or isinstance(rating.best, str):
        return None, 0.0
    share = rating.value / rating.best
    if share >= 0.7:
        return Polarity.POSITIVE, 0.9
    if share <= 0.45:
        return Polarity.NEGATIVE, 0.9
    return Polarity.MIXED, 0.7
