"""Pure helpers that the extractors call many times with the same arguments, each result computed once.

Every extractor folds the same names and titles (:func:`kg.vocab.fold`); these
are the same functions, remembering their last few thousand results.
"""

from __future__ import annotations

from functools import lru_cache

from kg import vocab

__all__ = ["fold", "fold_title"]


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """:func:`kg.vocab.fold`, remembered.

    >>> fold("Amélie & Nino")
    'amelie and nino'
    """
    return vocab.fold(text)


@lru_cache(maxsize=8192)
def fold_title(title: str) -> str:
    """:func:`kg.vocab.fold_title`, remembered.

    >>> fold_title("The Ring")
    'ring'
    """
    return vocab.fold_title(title)
