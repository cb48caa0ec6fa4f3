"""Films that a review names or identifies, and which one it reviews."""

from __future__ import annotations

from kg.model import Film, Review

__all__ = ["find_films"]


def find_films(review: Review) -> tuple[list[Film], str | None]:
    """The films of ``review`` and the key of the reviewed one (first version: metadata only)."""
    if not review.film_title:
        return [], None
    return [Film(key="f0", title=review.film_title, year=review.film_year)], "f0"
