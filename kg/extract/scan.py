"""Exact shortcuts for scanning a review with a pattern that needs a literal word.

A pattern such as ``\\b(?:remake of|films like)\\s+...`` (case-insensitive) can only
match where one of its words is written. Python's regular expressions try every
position of the text; here the words are looked up with ``str.find`` on a folded
copy of the text, and the pattern is tried only where one of them stands. The
matches are the ones ``pattern.finditer(text)`` gives, in the same order.

Folding maps each character that matches an ASCII letter case-insensitively to that
lower-case letter (``A`` and the Kelvin sign to ``k``...), one character for one,
so offsets in the folded text are offsets in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

__all__ = ["fold_ascii", "literal_finditer", "mentions_any", "occurrences", "written_between"]

# Characters outside ASCII that Python's case-insensitive matching takes for an ASCII letter.
_FOLD = str.maketrans(
    {
        **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
        "\u0130": "i",
        "\u0131": "i",
        "\u017f": "s",
        "\u212a": "k",
    }
)


# Dashes: no other character matches them, in any case.
_CASELESS = frozenset("\u2013\u2014")


@lru_cache(maxsize=64)
def fold_ascii(text: str) -> str:
    """``text`` with every character that matches an ASCII letter case-insensitively lower-cased to it.

    Other letters may be lower-cased too: they match no ASCII word either way.

    >>> fold_ascii("The KELVIN \u212a, Été")
    'the kelvin k, été'
    """
    if text.isascii():
        return text.lower()
    if "\u0130" in text:  # the one character that str.lower() turns into two
        return text.translate(_FOLD)
    # str.lower() keeps every other length and maps no other non-ASCII character to ASCII but the Kelvin sign
    return text.lower().replace("\u0131", "i").replace("\u017f", "s")


def occurrences(text: str, words: Iterable[str]) -> set[int]:
    """Where any of ``words`` (lower-case ASCII, or dashes) is written in ``text``, in any case (as ``re.I`` reads it).

    >>> sorted(occurrences("A Remake of REMAKE OF", ["remake of"]))
    [2, 12]
    """
    folded = fold_ascii(text)
    found: set[int] = set()
    for word in words:
        at = folded.find(word)
        while at != -1:
            found.add(at)
            at = folded.find(word, at + 1)
    return found


def mentions_any(text: str, words: Iterable[str]) -> bool:
    """Whether any of ``words`` (lower-case ASCII) is written in ``text``, in any case (as ``re.I`` reads it).

    >>> mentions_any("Also Known As", ["aka", "also known as"]), mentions_any("Kafka", ["aka "])
    (True, False)
    """
    folded = fold_ascii(text)
    return any(w in folded for w in words)


@lru_cache(maxsize=1024)
def _literal(words: tuple[str, ...]) -> bool:
    """Whether every one of ``words`` is lower-case ASCII or dashes (a pattern's words are checked once)."""
    return all(w and all(c in _CASELESS if not c.isascii() else not c.isupper() for c in w) for w in words)


def written_between(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of ``words`` (lower-case ASCII or dashes) starts in ``text[start:end]``, in any case.

    Where a word is not such a literal the answer is ``True`` (the caller searches as before).

    >>> t = "Good. Far BETTER than it."
    >>> written_between(t, ("better",), 0, 5), written_between(t, ("better",), 5, 25)
    (False, True)
    """
    if not _literal(words):
        return True
    found = _candidates(text, words, None)
    i = bisect_left(found, start)
    return i < len(found) and found[i] < end


def literal_finditer(
    pattern: re.Pattern[str],
    text: str,
    words: Iterable[str],
    starts: Callable[[str, int], Iterable[int]] | None = None,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, trying ``pattern`` only where one of ``words`` is written.

    Every match of ``pattern`` must be non-empty and start at an occurrence of one
    of ``words`` (lower-case ASCII or dashes, read case-insensitively), or, with
    ``starts``, at one of the positions ``starts(text, occurrence)`` gives for the
    occurrence it holds. Where a word is not such a literal the whole text is scanned.

    >>> rx = re.compile(r"\\bremake of\\s+\\w+", re.I)
    >>> [m.group() for m in literal_finditer(rx, "A remake of Psycho; REMAKE OF Ring", ["remake of"])]
    ['remake of Psycho', 'REMAKE OF Ring']
    """
    words = tuple(words)
    end = len(text) if endpos is None else endpos
    if not _literal(words):
        yield from pattern.finditer(text, pos, end)
        return
    candidates = _candidates(text, words, starts)
    for i in range(bisect_left(candidates, pos), len(candidates)):
        p = candidates[i]
        if p >= end:
            break
        if p < pos:
            continue
        m = pattern.match(text, p, end)
        if m is not None:
            yield m
            pos = m.end()


@lru_cache(maxsize=256)
def _candidates(
    text: str, words: tuple[str, ...], starts: Callable[[str, int], Iterable[int]] | None
) -> tuple[int, ...]:
    """The sorted places where a match may start, found once per text (sentences of one text share them)."""
    found = occurrences(text, words)
    return tuple(sorted(found if starts is None else {p for at in found for p in starts(text, at) if p >= 0}))
