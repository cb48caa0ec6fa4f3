"""Text helpers shared by the extractors: sentences, words, spans."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_sentences", "words"]

# A sentence ends at . ! ? (possibly followed by quotes/brackets) before whitespace and an
# upper-case letter, digit or quote; or at a blank line. Abbreviations are not split.
_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr vs etc prof gen col lt sgt capt rev mt ft no vol co inc ltd".split())
_BOUNDARY = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n""")


def find_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of ``text``, whitespace trimmed.

    >>> t = "Mr. Smith liked it. I did not!  Why?"
    >>> [t[s:e] for s, e in find_sentences(t)]
    ['Mr. Smith liked it.', 'I did not!', 'Why?']
    """
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start() + 1]
        last = re.search(r"(\w+)\.$", before)
        if last and (last.group(1).lower() in _ABBREVIATIONS or len(last.group(1)) == 1):
            continue
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


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased.

    >>> words("Not a patch on the original!")
    ['not', 'a', 'patch', 'on', 'the', 'original']
    """
    return re.findall(r"[\w']+", text.lower())
