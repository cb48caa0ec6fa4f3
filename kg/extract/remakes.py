"""Remake relations between the films of a review.

A relation says ``source`` is a remake of ``target``. It comes from a cue
("a remake of X", "remade in 1938 as X", "a new version of X"), from two films
of one title that the text places apart ("the 1979 original" of the reviewed
film), or from "the original X" where the reviewed film is a remake. Sequels
("Part II", "the sequel"), adaptations of a novel or a play, "not a remake"
and wishes ("it should be remade") give no relation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.cues_relations import (
    NOT_FILM_SOURCE,
    REMADE_AS_CUES,
    REMAKE_OF_CUES,
    SEQUEL_WORDS,
)
from kg.extract.phrases import find_remake_lists
from kg.extract.predication import REVIEWED, remake_subject
from kg.extract.text import clean_text, find_sentences, remake_role, sentence_at
from kg.model import Film, Mention, Relation, RelationKind, Review
from kg.vocab import fold_title

__all__ = ["find_remakes"]

_REMAKE_OF = re.compile(r"\b(?:" + "|".join(REMAKE_OF_CUES) + r")\b", re.I)
_REMADE_AS = re.compile(r"\b(?:" + "|".join(REMADE_AS_CUES) + r")\b", re.I)
_NEGATED = re.compile(r"\b(?:not|n't|never|no longer|hardly)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,3}$", re.I)
_MODAL = re.compile(r"\b(?:should|would|could|might|if|hope|wish|please|decide|plan(?:ning)?|want(?:ed)?)\b", re.I)
_EARLIER = re.compile(r"\b(?:original|first|old|older|earlier|previous|predecessor|inspiration|classic)\b", re.I)
_ORIGINAL = re.compile(r"\b(?:original|first|earlier|previous|predecessor|inspiration)\b", re.I)
_LATER = re.compile(r"\b(?:re-?make|new|newer|update|reboot|later|latest|second|third)\b", re.I)
_SEQUEL_TITLE = re.compile(r"^(?:part\s+)?(?:\d+|ii|iii|iv|v|two|three)\b", re.I)

_Span = tuple[int, int, str]  # start, end, film key
_Add = Callable[[str, str, int, int, float], None]


def find_remakes(review: Review, films: list[Film], *, reviewed: str | None) -> list[Relation]:
    """The remake relations ``review`` states or clearly implies.

    Parameters
    ----------
    review : Review
        The review.
    films : list of Film
        Its films, as :func:`kg.extract.films.find_films` found them.
    reviewed : str or None
        The key of the reviewed film.

    Returns
    -------
    list of Relation
        ``source`` is a remake of ``target``; evidence is the cue's span.

    Examples
    --------
    >>> from kg.extract.films import find_films
    >>> r = Review(id="x", text="It is a remake of Night Tide (1961).", film_title="Moon Tide", film_year=1999)
    >>> films, key = find_films(r)
    >>> rels = find_remakes(r, films, reviewed=key)
    >>> [(rel.source, rel.target, rel.evidence.text) for rel in rels]
    [('f0', 'f1', 'remake of')]
    """
    text = clean_text(review.text)
    by_key = {f.key: f for f in films}
    spans: list[_Span] = sorted((m.start, m.end, f.key) for f in films for m in f.mentions)
    sentences = list(find_sentences(text))
    found: dict[tuple[str, str], Relation] = {}

    def add(source: str, target: str, start: int, end: int, confidence: float) -> None:
        if source == target or not _plausible(by_key[source], by_key[target]):
            return
        if (target, source) in found:
            return
        rel = Relation(RelationKind.REMAKE_OF, source, target, Mention.of(review.text, start, end), confidence)
        old = found.get((source, target))
        if old is None or old.confidence < confidence:
            found[(source, target)] = rel

    if reviewed is not None:
        _twins(text, films, by_key[reviewed], add)
    _pairs_by_year(text, films, add)
    for m in _REMAKE_OF.finditer(text):
        _remake_of(text, m, spans, sentences, reviewed, by_key, add)
    for m in _REMADE_AS.finditer(text):
        _remade_as(text, m, spans, sentences, reviewed, add)
    _remake_lists(text, spans, sentences, reviewed, add)
    _active_remade(text, spans, sentences, reviewed, add)
    if reviewed is not None:
        rv = by_key[reviewed]
        has_original = any(source == reviewed for source, _ in found)
        if not has_original and remake_role(text, rv.title, rv.year) == "remake":
            for f in films:  # "the original" resolved to a named film, where the reviewed film has no other
                if f.key == reviewed or fold_title(f.title) == fold_title(rv.title):
                    continue
                names = {fold_title(n) for n in (f.title, *f.aka)}
                described = [x for x in f.mentions if fold_title(x.text) not in names and "original" in x.text.lower()]
                if described and not _sequel_near(text, described[0].start):
                    add(reviewed, f.key, described[0].start, described[0].end, 0.6)
    return sorted(found.values(), key=lambda r: (r.evidence.start, r.source, r.target))


def _plausible(remake: Film, original: Film) -> bool:
    """Not a sequel, and not a remake made before its original."""
    if remake.year is not None and original.year is not None and remake.year <= original.year:
        return False
    a, b = fold_title(remake.title), fold_title(original.title)
    for longer, shorter in ((a, b), (b, a)):
        if longer != shorter and longer.startswith(shorter + " ") and _SEQUEL_TITLE.match(longer[len(shorter) + 1 :]):
            return False
    return True


def _twins(text: str, films: list[Film], reviewed: Film, add: _Add) -> None:
    """The reviewed film and another film of its title: the earlier one is the original."""
    title = fold_title(reviewed.title)
    for f in films:
        if f.key == reviewed.key or title not in {fold_title(n) for n in (f.title, *f.aka)}:
            continue
        descriptive = [m for m in f.mentions if fold_title(m.text) != title] or list(f.mentions)
        if not descriptive:
            continue
        ev = descriptive[0]
        when = next((w for m in descriptive if (w := _when(m.text))), None)
        if f.year is not None and reviewed.year is not None:
            earlier = f.year < reviewed.year
            confidence = 0.85
        elif when is not None and reviewed.year is not None and not when[0] <= reviewed.year <= when[1]:
            earlier, confidence = when[1] < reviewed.year, 0.8
        elif any(_EARLIER.search(m.text) for m in descriptive):
            earlier, confidence = True, 0.75
        elif any(_LATER.search(m.text) for m in descriptive):
            earlier, confidence = False, 0.75
        else:
            continue
        if _sequel_near(text, ev.start):
            continue
        if earlier:
            add(reviewed.key, f.key, ev.start, ev.end, confidence)
        else:
            add(f.key, reviewed.key, ev.start, ev.end, confidence)


def _when(words: str) -> tuple[int, int] | None:
    """The years a description names: ``the 1962 version`` -> (1962, 1962), ``the 60s one`` -> (1960, 1969)."""
    m = re.search(r"\b(1[89]\d\d|20[0-4]\d)\b(?!s|'s)", words)
    if m:
        return int(m.group(1)), int(m.group(1))
    m = re.search(r"(?:\b(1[89]|20)|['\u2019]|\b)(\d)0'?s\b", words)
    if m:
        start = (int(m.group(1)) * 100 if m.group(1) else 1900) + int(m.group(2)) * 10
        return start, start + 9
    return None


def _pairs_by_year(text: str, films: list[Film], add: _Add) -> None:
    """Two named films of one title with different years, in a review that speaks of remakes."""
    if not re.search(r"\bre-?mak|\bremade\b", text, re.I):
        return
    for a in films:
        older = [
            b for b in films if b.year and a.year and b.year < a.year and fold_title(a.title) == fold_title(b.title)
        ]
        if older and a.mentions:  # a remake of the first film of the title, not of every film between
            m = a.mentions[0]
            add(a.key, min(older, key=lambda b: b.year or 0).key, m.start, m.end, 0.6)


def _sequel_near(text: str, pos: int) -> bool:
    window = text[max(0, pos - 40) : pos + 40].lower()
    return any(re.search(rf"\b{w}\b", window) for w in SEQUEL_WORDS)


def _negated_or_wished(text: str, sent_start: int, cue_start: int) -> bool:
    before = text[sent_start:cue_start]
    clause = re.split(r"[,;:]\s*(?:but|yet)?\s*", before)[-1] if before else ""
    clause = re.sub(r"\bnot even\b", "even", clause, flags=re.I)  # "not even in a remake like X": X is a remake
    if _NEGATED.search(clause + " ") and not re.search(r"\bbut\b", clause[-40:], re.I):
        return True
    return bool(_MODAL.search(before[-45:]))


def _remake_of(
    text: str,
    m: re.Match[str],
    spans: list[_Span],
    sentences: list[tuple[int, int]],
    reviewed: str | None,
    by_key: dict[str, Film],
    add: _Add,
) -> None:
    """``<remake> ... remake of <original>``."""
    s_start, s_end = sentence_at(sentences, m.start())
    if _negated_or_wished(text, s_start, m.start()):
        return
    after = [sp for sp in spans if m.end() <= sp[0] < min(s_end, m.end() + 90)]
    if not after:
        return
    target = after[0]
    between = text[m.end() : target[0]].lower()
    if any(w in NOT_FILM_SOURCE for w in re.findall(r"[\w-]+", between)) or re.search(r"[.;!?]", between):
        return
    follow = re.match(
        r"[\s'\"\u201d\u2019*_]*(?:['\u2019]s\s+)?([\w-]+)(?:\s+([\w-]+))?", text[target[1] : target[1] + 40]
    )
    if follow and {w.lower() for w in follow.groups() if w} & NOT_FILM_SOURCE:
        return  # "a remake of a Twilight Hour episode", "the Jo Roe story": not a film
    if re.search(r"\b(?:stage|broadway|theatre|theater)\b", text[max(s_start, m.start() - 25) : m.start()], re.I):
        return  # "the Broadway adaptation of X": a play
    if any(w in SEQUEL_WORDS for w in re.findall(r"[\w-]+", text[max(s_start, m.start() - 30) : m.start()].lower())):
        return
    subject = remake_subject(text, s_start, m.start(), [(s, e) for s, e, _ in spans])
    if subject is None:
        return  # "the remake of X", "his remake of X": some remake of X, not a film of the review
    source = reviewed if subject == REVIEWED else spans[subject][2]
    if source is None or source == target[2] or _hedged_after(text, target[1], s_end):
        return
    confidence = 0.85 if re.match(r"re-?make|remade|shot|reboot", m.group(), re.I) else 0.65
    add(source, target[2], m.start(), m.end(), confidence)
    # "the second remake of X following the 2018 adaptation Y": Y is another remake of X
    for sp in after[1:]:
        if sp[2] in (source, target[2]):
            continue
        words = text[sp[0] : sp[1]]
        if re.search(r"\b(?:adaptation|re-?make|version)\b", words, re.I) and fold_title(
            by_key[sp[2]].title
        ) != fold_title(words):
            add(sp[2], target[2], sp[0], sp[1], 0.7)


def _remake_lists(
    text: str, spans: list[_Span], sentences: list[tuple[int, int]], reviewed: str | None, add: _Add
) -> None:
    """``<original> ... remade in Germany (X), in Korea as Y ...``: each listed title remakes the original.

    The original is the last film named before "remade" in its sentence ("X, which had been
    remade ..."), else the reviewed film ("it has been remade ...").
    """
    for x in find_remake_lists(text):
        s_start, _ = sentence_at(sentences, x.cue_start)
        if _negated_or_wished(text, s_start, x.cue_start):
            continue
        before = [sp for sp in spans if s_start <= sp[0] and sp[1] <= x.cue_start]
        original = before[-1][2] if before else reviewed
        remake = next((sp[2] for sp in spans if sp[0] == x.start and sp[1] == x.end), None)
        if original is not None and remake is not None:
            add(remake, original, x.cue_start, x.cue_end, 0.8)


_ACTIVE = re.compile(
    r"[\s'\"\u201d\u2019*_]*(?:\(\d{4}\)\s*)?(?:(?:later|then|also|itself|eventually|in turn)\s+)?remade\s+", re.I
)


def _active_remade(
    text: str, spans: list[_Span], sentences: list[tuple[int, int]], reviewed: str | None, add: _Add
) -> None:
    """``Y (later) remade it`` / ``Y remade the first film`` / ``Y remade X``: Y is a remake of X."""
    for sp in spans:
        m = _ACTIVE.match(text, sp[1])
        if m is None or re.match(r"(?:as|into|in)\b", text[m.end() :], re.I):
            continue
        s_start, _ = sentence_at(sentences, sp[0])
        if _negated_or_wished(text, s_start, sp[0]):
            continue
        if re.match(r"(?:it|this)\b", text[m.end() :], re.I):
            target = reviewed
        else:
            target = next((o[2] for o in spans if o[0] == m.end()), None)
        if target is not None:
            start = m.end() - len(text[sp[1] : m.end()].lstrip(" '\"\u201d\u2019*_"))
            add(sp[2], target, start, m.end() - 1, 0.75)


def _hedged_after(text: str, pos: int, s_end: int) -> bool:
    """ "A remake of X might have worked better", "A remake of X?": a wish or a question, not a fact."""
    rest = text[pos:s_end]
    return bool(re.match(r"[^.!?]{0,40}?\b(?:might|would|could|should)\b", rest)) or rest.rstrip("'\"\u201d)").endswith(
        "?"
    )


def _remade_as(
    text: str, m: re.Match[str], spans: list[_Span], sentences: list[tuple[int, int]], reviewed: str | None, add: _Add
) -> None:
    """``<original> ... remade as <remake> [and again as <remake>]``."""
    s_start, s_end = sentence_at(sentences, m.start())
    if _negated_or_wished(text, s_start, m.start()):
        return
    before = [sp for sp in spans if s_start <= sp[0] and sp[1] <= m.start()]
    original = before[-1][2] if before and not re.search(r"\bre-?makes\b", m.group(), re.I) else reviewed
    if re.search(r"\bagain\b", m.group(), re.I):
        original = reviewed
    elif not before and re.search(r"\b[A-Z]", re.sub(r"^\W*\w+", "", text[s_start : m.start()])):
        return  # "..., there are Some Title, remade as X": an original the text names but we did not find
    if original is None:
        return
    remakes = [sp for sp in spans if m.end() <= sp[0] < min(s_end, m.end() + 120) and sp[2] != original]
    last = m.end()
    for sp in remakes[:4]:
        gap = text[last : sp[0]]
        if last != m.end() and not re.fullmatch(
            r"[\s'\"\u201c\u201d\u2018\u2019*_]*(?:\(\d{4}\))?[\s.'\"\u2019\u201d]*(?:,|and|or|&)?\s*(?:and\s+)?['\"\u201c\u2018*_]?\s*",
            gap,
        ):
            break
        add(sp[2], original, m.start(), m.end(), 0.8)
        last = sp[1]
