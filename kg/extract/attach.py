"""Which film of a review a credit belongs to.

A credit's words ("directed by X", "X as Y", "X's film") are tied to the film
that the words around them denote, read from the review's film references:
the films' mentions (titles and the descriptions films.py resolved, "the
original", "this remake") and the descriptions it could not resolve ("the
Norwegian original" of a film the review never names), which stand for a
film that is not the reviewed one. In order:

1. a film the words touch: "X in Film", "X (Film)", "Film's director X",
   "The original, directed by X", "X's Film";
2. a possessive "X's 1997 original", "X's remake": the film those words
   describe (by year, or as the earlier or later film);
3. the film that the clause of the words is about ("In the original, Eli (X)
   ...");
4. the film that the sentence is about, where it names no other;
5. else the reviewed film.

Where the words denote a film the review does not name, no film is returned
and the credit is left out: a credit to the wrong film is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.films import find_descriptions
from kg.model import Film

__all__ = ["FilmRef", "attacher", "film_refs"]

UNKNOWN = ""  # the key of a film the review describes but does not name


@dataclass(frozen=True, slots=True)
class FilmRef:
    """A span of the review that denotes a film: its key, or ``""`` for a film the review does not name."""

    start: int
    end: int
    film: str


def film_refs(text: str, films: list[Film], reviewed: str | None) -> list[FilmRef]:
    """The spans of ``text`` that denote a film: the films' mentions and the descriptions of unnamed films.

    >>> text = "The 1997 original, directed by Ann Lee, is colder."
    >>> [(r.film, text[r.start:r.end]) for r in film_refs(text, [Film(key="f0", title="Night", year=2002)], "f0")]
    [('', 'The 1997 original')]
    """
    refs = [FilmRef(m.start, m.end, f.key) for f in films for m in f.mentions]
    this = next((f for f in films if f.key == reviewed), None)
    for d in find_descriptions(text):
        if any(r.start < d.end and d.start < r.end for r in refs):
            continue
        if d.side == "this" or (this is not None and d.year is not None and d.year == this.year):
            if reviewed is not None:
                refs.append(FilmRef(d.start, d.end, reviewed))
            continue
        if d.year is not None:
            same = [f.key for f in films if f.year == d.year]
            refs.append(FilmRef(d.start, d.end, same[0] if len(same) == 1 else UNKNOWN))
        elif d.side == "later" and reviewed is not None and _remake_of_other(text, d.end, films, reviewed):
            refs.append(FilmRef(d.start, d.end, reviewed))  # "it was the remake of Other": the reviewed film
        elif d.side in ("earlier", "later"):
            refs.append(FilmRef(d.start, d.end, UNKNOWN))
    return sorted(refs, key=lambda r: r.start)


def _remake_of_other(text: str, end: int, films: list[Film], reviewed: str) -> bool:
    """Whether the words at ``end`` (after "the remake") say it remakes a film other than the reviewed one."""
    m = re.match(r"\s+of\s+[\"'‘“]?", text[end : end + 12])
    if m is None:
        return False
    at = end + m.end()
    return any(f.key != reviewed and any(fm.start == at for fm in f.mentions) for f in films)


# The words between a name (or its cue) and a film right after it that tie the two.
_TIE_AFTER = re.compile(
    r"\s*(?:\(|['’]s\s+(?:\w+\s+)?|,?\s+(?:in|from|for|of|on)\s+(?:the\s+)?(?:\w+\s+)?|"
    r"\s+(?:appears|appeared|starred|stars|also\s+appears|co-starred)\s+in\s+(?:the\s+)?)[\"'‘“]?"
)
# ... and between a film right before a name and the name.
_TIE_BEFORE = re.compile(
    r"[\"'’”]?\s*(?:['’]s\s+|\(|,\s*|\s+)(?:(?:the\s+)?(?:film['’]?s\s+)?"
    r"(?:director|star|writer|composer|producer|lead)s?\s*,?\s*)?"
)
# "a film of the same title in 1951 released by MGM and starring X": the words that describe the film.
_TIE_STARRING = re.compile(
    r"[\"'’”]?,?\s+(?:(?:released|made|produced|shot|filmed|directed)\s+(?:by|in)\s+[^,.;:()]{1,30}?\s+(?:and\s+)?)?"
)
# Words before a film that make it a film compared with or drawn on, not the one the clause is about.
_ASIDE = re.compile(
    r"(?:\b(?:remake|remakes|version|update|copy|re-?imagining|adaptation|reboot)\s+of|\bthan|\blike|\bunlike|"
    r"\bas|\bto|\bwith|\bof|\bfrom|\bon|\bbased\s+on|\binspired\s+by|\bcompared\s+(?:to|with)|\bvs\.?|\bversus|"
    r"\bfollow-up\s+to|\bsequel\s+to)\s+[\"'‘“]?$",
    re.I,
)
# "X was superb in the original": a few words, none starting another clause, then "in" a film.
_IN_FILM = re.compile(r"(?:\s+(?!who\b|which\b|that\b|whose\b|and\b|but\b)[a-z][\w'’-]*){0,4},?\s+(?:in|from)\s+")
# The words that may open a sentence before the film it is about.
_OPENING = re.compile(r"[\W_]*(?:(?:in|for|with|as\s+for|back\s+in|and\s+in|but\s+in)\s+[\W_]*)?", re.I)
# Where a clause ends inside a sentence.
_CLAUSE = re.compile(
    r";|:|\s--?\s|—|,\s+(?:and|but|while|whereas|although|though)\b|\s(?:but|while|whereas|although|though)\s", re.I
)
# "X's 1997 original", "X's remake": a possessive that describes the film it names.
_POSSESSIVE = re.compile(
    r"['’]s\s+(?P<mods>(?:[\w-]+\s+){0,3}?)(?P<noun>original|remake|re-make|version|update|reboot|film|movie|"
    r"picture|classic|masterpiece|debut|thriller|adaptation)\b",
    re.I,
)
_EARLIER = frozenset("original first earlier".split())
_LATER = frozenset("remake re-make update reboot new newer later".split())


def attacher(
    text: str, films: list[Film], reviewed: str | None, sentences: list[tuple[int, int]]
) -> Callable[[tuple[int, int]], tuple[str | None, bool]]:
    """A function from the span of a credit's words to its film, and whether the words chose it.

    The film is a key, or ``None`` where the words denote a film the review does
    not name; the flag is false where nothing chose it but the default (the
    reviewed film).

    >>> text = "The 1997 original, directed by Ann Lee, is colder. Tom Hardy is great here."
    >>> which = attacher(text, [Film(key="f0", title="Night", year=2002)], "f0", [(0, 50), (51, 75)])
    >>> which((19, 38)), which((51, 60))
    ((None, True), ('f0', False))
    """
    refs = film_refs(text, films, reviewed)
    by_key = {f.key: f for f in films}
    this = by_key.get(reviewed or "")

    def earlier() -> str | None:
        named = [
            f.key
            for f in films
            if f.key != reviewed and any(re.search(r"\b(?:original|first)\b", m.text, re.I) for m in f.mentions)
        ]
        if len(named) == 1:
            return named[0]
        if this is not None and this.year is not None:
            older = [f.key for f in films if f.key != reviewed and f.year is not None and f.year < this.year]
            if len(older) == 1:
                return older[0]
        return None

    def sentence(pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e in sentences if s <= pos < e), (0, len(text)))

    def clause(pos: int, sent: tuple[int, int]) -> tuple[int, int]:
        start, end = sent
        for m in _CLAUSE.finditer(text, sent[0], sent[1]):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

    def aside(ref: FilmRef, floor: int) -> bool:
        return bool(_ASIDE.search(text[max(floor, ref.start - 30) : ref.start]))

    def possessive(span: tuple[int, int]) -> str | None | bool:
        m = _POSSESSIVE.search(text, span[0], span[1])
        if m is None or any(r.start == m.end("mods") + m.start() for r in refs):
            return False
        words = {w.lower() for w in m["mods"].split()} | {m["noun"].lower()}
        years = [int(w) for w in words if re.fullmatch(r"(?:18|19|20)\d\d", w)]
        if years:
            if this is not None and years[0] == this.year:
                return reviewed
            same = [f.key for f in films if f.year == years[0]]
            return same[0] if len(same) == 1 else None
        if words & _EARLIER:
            return earlier()
        if words & _LATER:
            return reviewed
        return False

    def which(span: tuple[int, int]) -> tuple[str | None, bool]:
        sent = sentence(span[0])
        inside = [r for r in refs if sent[0] <= r.start < sent[1]]
        best: tuple[int, str] | None = None
        for r in inside:
            if r.start >= span[1] and _TIE_AFTER.fullmatch(text, span[1], r.start):
                dist = r.start - span[1]
            elif r.end <= span[0] and (
                _TIE_BEFORE.fullmatch(text, r.end, span[0])
                or (
                    _TIE_STARRING.fullmatch(text, r.end, span[0])
                    and re.match(r"(?:starring|featuring|with)\s", text[span[0] : span[0] + 10])
                )
            ):
                dist = span[0] - r.end
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, r.film)
        if best is not None:
            return best[1] or None, True
        owned = possessive(span)
        if owned is not False:
            return owned if isinstance(owned, str) else None, True
        cs, ce = clause(span[0], sent)
        before = [r for r in inside if cs <= r.start and r.end <= span[0] and not aside(r, cs)]
        if before:
            return before[-1].film or None, True
        after = next((r for r in inside if span[1] <= r.start < ce), None)
        if after is not None and _IN_FILM.fullmatch(text, span[1], after.start):
            return after.film or None, True  # "X was superb in the original"
        topic = inside[0] if inside else None
        if (
            topic is not None
            and topic.end <= span[0]
            and _OPENING.fullmatch(text, sent[0], topic.start)
            and not any(r.film == reviewed for r in inside)
        ):
            return topic.film or None, True  # "In Film, X plays ...", "The original, with X as Y, ..."
        return reviewed, False

    return which
