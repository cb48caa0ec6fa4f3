"""Sentences of a review: split once per text, shared by every extractor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["find_sentences", "sentence_at", "sentence_spans"]

# A sentence ends at . ! ? (possibly followed by quotes/brackets) before whitespace and an
# upper-case letter, digit or quote; or at a blank line. Abbreviations are not split.
_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr vs etc prof gen col lt sgt capt rev mt ft no vol co inc ltd".split())
_BOUNDARY = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n""")


_LAST_WORD = re.compile(r"(\w+)\.$")
_STOPPED_WORD = re.compile(r"(?:^|\s)[A-Z][\w'\u2019]*[.!]$")
_NEXT_STOPPED_WORD = re.compile(r"[A-Z][\w'\u2019]*[.!](?:\s|$)")


def find_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of ``text``, whitespace trimmed.

    Every extractor reads the sentences of the same review: they are split once
    per text (:func:`sentence_spans`).

    >>> t = "Mr. Smith liked it. I did not!  Why?"
    >>> [t[s:e] for s, e in find_sentences(t)]
    ['Mr. Smith liked it.', 'I did not!', 'Why?']
    """
    return iter(sentence_spans(text))


@lru_cache(maxsize=64)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of :func:`find_sentences` as a tuple, computed once per text (the last 64 texts are kept).

    >>> sentence_spans("One. Two three.")
    ((0, 4), (5, 15))
    """
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start() + 1]
        last = _LAST_WORD.search(before)
        if last and (last.group(1).lower() in _ABBREVIATIONS or len(last.group(1)) == 1):
            continue
        if _STOPPED_WORD.search(before) and _NEXT_STOPPED_WORD.match(text, m.end()):
            continue  # "Don't. Get. Out!": one title written as single words with stops
        yield from _trimmed(text, start, m.end())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def sentence_at(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence holding offset ``pos`` (the nearest one before it).

    >>> t = "One. Two three."
    >>> sentence_at(list(find_sentences(t)), 6)
    (5, 15)
    """
    best = (0, 0)
    for start, end in sentences:
        if start <= pos:
            best = (start, end)
        if start <= pos < end:
            return start, end
    return best
