"""Judgements of one film against another.

A comparison needs a cue ("better than", "not as good as", "not a patch on",
"in every way superior") and two films of the review: the one before the cue
(in its clause, else the sentence's first film, else the reviewed film) and
the one after it ("the original", a title, a list of titles). "The original
is far superior" names one film only: the other is its remake partner.
Negative words flip a cue: "not as awful as X" is better than X.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.cues_relations import (
    BETTER_CUES,
    EQUAL_CUES,
    SUBJECT_BETTER_CUES,
    SUBJECT_WORSE_CUES,
    WORSE_CUES,
)
from kg.extract.text import clean_text, find_sentences
from kg.model import Comparison, Film, Mention, Relation, Review, Verdict

__all__ = ["find_comparisons"]


def _rx(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(cues) + r")(?![\w-])", re.I)


_CUES = ((Verdict.WORSE, _rx(WORSE_CUES)), (Verdict.BETTER, _rx(BETTER_CUES)), (Verdict.EQUAL, _rx(EQUAL_CUES)))
_SUBJECT_CUES = ((Verdict.BETTER, _rx(SUBJECT_BETTER_CUES)), (Verdict.WORSE, _rx(SUBJECT_WORSE_CUES)))
_NEGATIVE_WORDS = frozenset(
    "awful bad terrible boring dull stupid silly horrible poor weak cheesy lame slow dreadful painful "
    "ridiculous pointless tedious annoying ugly dumb mediocre laughable unredeemingly atrocious".split()
)
_NEGATED = re.compile(r"\b(?:not|n't|no|never|hardly)\s+(?:\w+\s+)?$", re.I)
_CLAUSE = re.compile(r"[,;:(\u2014-]\s|\b(?:while|but|and|although|though|whereas|where|because)\b", re.I)

_Span = tuple[int, int, str]
_LEAD_GAP = re.compile(r"\s*(?:say|like|e\.g\.|for example|such as|perhaps|maybe)?,?\s*['\"\u201c\u2018*_(]?", re.I)
_LIST_GAP = re.compile(
    r"[\s'\"\u201c\u201d\u2018\u2019*_()]*(?:\(\d{4}\))?[\s'\"\u201d\u2019).]*"
    r"(?:,|and|or|&|, and|, or|nor)?\s*(?:,?\s*(?:maybe|perhaps|even|say),?)?[\s'\"\u201c\u2018(*_]*",
    re.I,
)
_BEST_OF_ALL = re.compile(
    r"\b(?:is|remains|was)\s+(?:still\s+)?(?:his|her|their|its|the)\s+(?:very\s+)?best"
    r"(?:\s+(?:film|movie|work|picture|motion picture|one))?\b",
    re.I,
)
_BEST_OF_SERIES = re.compile(
    r"\b(?:is|remains|was)\s+the\s+best\s+of\s+(?:the|all)\s+(?:[\w!'-]+\s+){0,3}?(?:films|movies|series|lot|bunch)\b",
    re.I,
)
_DID_BETTER = re.compile(
    r"\b(?:ha(?:s|ve|d)\s+done|did|do)\s+(?:a\s+)?(?:much\s+|far\s+)?better\s+(?:job|portrayal|version|take)\b", re.I
)


def find_comparisons(
    review: Review, films: list[Film], *, reviewed: str | None, relations: list[Relation]
) -> list[Comparison]:
    """The judgements of one film against another in ``review``.

    Parameters
    ----------
    review : Review
        The review.
    films : list of Film
        Its films, with the spans that name or describe them.
    reviewed : str or None
        The key of the reviewed film (the subject when the text names none).
    relations : list of Relation
        Its remake relations (the partner of a film judged alone).

    Returns
    -------
    list of Comparison
        ``film`` judged against ``versus``, with the cue as evidence.

    Examples
    --------
    >>> from kg.extract.films import find_films
    >>> r = Review(id="x", text="This remake is not as good as the 1962 original.", film_title="Cape Fear",
    ...            film_year=1991)
    >>> films, key = find_films(r)
    >>> [(c.film, c.verdict.value, c.versus) for c in find_comparisons(r, films, reviewed=key, relations=[])]
    [('f0', 'worse', 'f1')]
    """
    text = clean_text(review.text)
    spans: list[_Span] = sorted((m.start, m.end, f.key) for f in films for m in f.mentions)
    partners: dict[str, set[str]] = {}
    for rel in relations:
        partners.setdefault(rel.source, set()).add(rel.target)
        partners.setdefault(rel.target, set()).add(rel.source)
    found: dict[tuple[str, str], Comparison] = {}

    def add(a: str, b: str, verdict: Verdict, start: int, end: int, confidence: float) -> None:
        if a == b:
            return
        if (b, a) in found:
            a, b, verdict = b, a, verdict.flipped()
        old = found.get((a, b))
        if old is not None:
            if old.verdict != verdict:
                found[(a, b)] = Comparison(a, b, Verdict.MIXED, old.evidence, min(old.confidence, confidence))
            return
        found[(a, b)] = Comparison(a, b, verdict, Mention.of(review.text, start, end), confidence)

    prev_start = 0
    for s_start, s_end in find_sentences(text):
        in_sentence = [sp for sp in spans if s_start <= sp[0] < s_end]
        used: list[tuple[int, int]] = []
        for verdict, rx in _CUES:
            for m in rx.finditer(text, s_start, s_end):
                if any(u[0] <= m.start() < u[1] or m.start() <= u[0] < m.end() for u in used):
                    continue
                if any(sp[0] <= m.start() < sp[1] for sp in in_sentence):
                    continue
                v = verdict
                if v is Verdict.EQUAL and _NEGATED.search(text[max(s_start, m.start() - 20) : m.start()]):
                    v = Verdict.WORSE
                elif v is Verdict.BETTER and _NEGATED.search(text[max(s_start, m.start() - 12) : m.start()]):
                    v = Verdict.WORSE  # "no better than", "not better than"
                if set(re.findall(r"[\w]+", m.group().lower())) & _NEGATIVE_WORDS:
                    v = v.flipped()  # "not as awful as X": better than X
                objects = _objects(text, m.end(), in_sentence)
                if not objects:
                    continue
                subject, confidence = _subject(text, s_start, m.start(), in_sentence, reviewed, objects)
                if subject is None:
                    continue
                used.append(m.span())
                for obj in objects:
                    add(subject, obj, v, m.start(), m.end(), confidence)
        for verdict, rx in _SUBJECT_CUES:
            for m in rx.finditer(text, s_start, s_end):
                before = [sp for sp in in_sentence if sp[1] <= m.start() and m.start() - sp[1] <= 25]
                if any(u[0] <= m.start() < u[1] for u in used):
                    continue
                if re.search(
                    r"\b(?:this|it)(?: (?:film|movie|one|version))?\s+$",
                    text[max(s_start, m.start() - 20) : m.start()],
                    re.I,
                ):
                    subject = reviewed
                elif before:
                    subject = before[-1][2]
                else:
                    continue
                if subject is None:
                    continue
                others = partners.get(subject, set())
                if not others and s_start > 0:
                    others = {sp[2] for sp in spans if prev_start <= sp[0] < s_start and sp[2] != subject}
                if len(others) == 1:
                    add(subject, next(iter(others)), verdict, m.start(), m.end(), 0.55)
        _superlatives(text, s_start, s_end, in_sentence, reviewed, films, partners, add)
        prev_start = s_start
    return sorted(found.values(), key=lambda c: (c.evidence.start, c.film, c.versus))


def _superlatives(
    text: str,
    s_start: int,
    s_end: int,
    in_sentence: list[_Span],
    reviewed: str | None,
    films: list[Film],
    partners: dict[str, set[str]],
    add: Callable[..., None],
) -> None:
    """ "X remains his very best film" (better than the sentence's other films), "the best of the X movies"."""
    for m in _BEST_OF_ALL.finditer(text, s_start, s_end):
        subject = _left_film(text, s_start, m.start(), in_sentence, reviewed)
        if subject is None:
            continue
        others = [sp[2] for sp in in_sentence if sp[2] != subject]
        if not others and re.match(r"\s*[.!]", text[m.end() :]):
            others = sorted(partners.get(subject, set()))
        for other in dict.fromkeys(others):
            add(subject, other, Verdict.BETTER, m.start(), m.end(), 0.55)
    for m in _BEST_OF_SERIES.finditer(text, s_start, s_end):
        subject = _left_film(text, s_start, m.start(), in_sentence, reviewed)
        if subject is None:
            continue
        title = next(f for f in films if f.key == subject).title
        words = {w for w in re.findall(r"\w+", title.lower()) if len(w) >= 4}
        for f in films:
            if f.key != subject and words & set(re.findall(r"\w+", f.title.lower())):
                add(subject, f.key, Verdict.BETTER, m.start(), m.end(), 0.55)
    for m in _DID_BETTER.finditer(text, s_start, s_end):
        doers = [sp[2] for sp in in_sentence if sp[1] <= m.start()]
        if reviewed is not None:
            for key in dict.fromkeys(doers):
                add(key, reviewed, Verdict.BETTER, m.start(), m.end(), 0.55)


def _left_film(text: str, s_start: int, cue: int, spans: list[_Span], reviewed: str | None) -> str | None:
    if re.search(r"\b(?:this|it)(?: (?:film|movie|one|version))?\s+$", text[max(s_start, cue - 20) : cue], re.I):
        return reviewed
    before = [sp for sp in spans if sp[1] <= cue and cue - sp[1] <= 25]
    return before[-1][2] if before else None


def _objects(text: str, pos: int, spans: list[_Span]) -> list[str]:
    """The films right after a cue: one, or a list ("X, Y and Z")."""
    after = [sp for sp in spans if pos <= sp[0]]
    if not after or after[0][0] > pos + 70:
        return []
    gap = text[pos : after[0][0]]
    if re.search(r"[.!?;]", gap) or (re.search(r",\s", gap) and not _LEAD_GAP.fullmatch(gap)):
        return []
    keys = [after[0][2]]
    last = after[0][1]
    for sp in after[1:]:
        if not _LIST_GAP.fullmatch(text[last : sp[0]]) or text[sp[0]].islower():
            break  # a list goes on with titles, not with "this remake"
        if sp[2] not in keys:
            keys.append(sp[2])
        last = sp[1]
    return keys


def _subject(
    text: str, s_start: int, cue: int, spans: list[_Span], reviewed: str | None, objects: list[str]
) -> tuple[str | None, float]:
    """The film judged: the nearest before the cue in its clause, else the sentence's first, else the reviewed one."""
    bounds = [m.end() for m in _CLAUSE.finditer(text, s_start, cue)]
    clause_start = bounds[-1] if bounds else s_start
    in_clause = [sp for sp in spans if clause_start <= sp[0] and sp[1] <= cue and sp[2] not in objects]
    if in_clause:
        return in_clause[-1][2], 0.75
    in_sentence = [sp for sp in spans if sp[1] <= cue and sp[2] not in objects]
    if in_sentence:
        return in_sentence[0][2], 0.6
    if reviewed is not None and reviewed not in objects:
        return reviewed, 0.6
    return None, 0.0
