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
    BAD_REMAKE_WORDS,
    BETTER_ANCHORS,
    BETTER_CUES,
    EQUAL_ANCHORS,
    EQUAL_CUES,
    PREFER_CUES,
    RECOMMEND_CUES,
    SUBJECT_BETTER_ANCHORS,
    SUBJECT_BETTER_CUES,
    SUBJECT_WORSE_ANCHORS,
    SUBJECT_WORSE_CUES,
    WORSE_ANCHORS,
    WORSE_CUES,
)
from kg.extract.scan import written_between
from kg.extract.text import clean_text, find_sentences
from kg.model import Comparison, Film, Mention, Relation, Review, Verdict

__all__ = ["find_comparisons"]


def _rx(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(cues) + r")(?![\w-])", re.I)


# Each list of cues with the words all its cues hold (a sentence with none of them is not searched).
_CUES = (
    (Verdict.WORSE, _rx(WORSE_CUES), WORSE_ANCHORS),
    (Verdict.BETTER, _rx(BETTER_CUES), BETTER_ANCHORS),
    (Verdict.EQUAL, _rx(EQUAL_CUES), EQUAL_ANCHORS),
)
_SUBJECT_CUES = (
    (Verdict.BETTER, _rx(SUBJECT_BETTER_CUES), SUBJECT_BETTER_ANCHORS),
    (Verdict.WORSE, _rx(SUBJECT_WORSE_CUES), SUBJECT_WORSE_ANCHORS),
)
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
    back = [0, 0]  # the starts of the two sentences before this one
    for s_start, s_end in find_sentences(text):
        in_sentence = [sp for sp in spans if s_start <= sp[0] < s_end]
        used: list[tuple[int, int]] = []
        for verdict, rx, anchors in _CUES:
            for m in rx.finditer(text, s_start, s_end) if written_between(text, anchors, s_start, s_end) else ():
                if any(u[0] <= m.start() < u[1] or m.start() <= u[0] < m.end() for u in used):
                    continue
                if any(sp[0] <= m.start() < sp[1] for sp in in_sentence):
                    continue
                v = verdict
                if v is Verdict.EQUAL and _NEGATED.search(text[max(s_start, m.start() - 20) : m.start()]):
                    v = Verdict.WORSE
                elif v is Verdict.BETTER and (
                    _NEGATED.search(text[max(s_start, m.start() - 12) : m.start()])
                    or re.search(
                        r"(?:\bnot|n't)\s+(?:much|really|quite)\s+(?:of\s+)?$", text[s_start : m.start()], re.I
                    )
                ):
                    v = Verdict.WORSE  # "no better than", "not better than", "wasn't much of an improvement on"
                if set(re.findall(r"[\w]+", m.group().lower())) & _NEGATIVE_WORDS:
                    v = v.flipped()  # "not as awful as X": better than X
                objects = _objects(text, m.end(), in_sentence)
                if not objects:
                    objects = _pronoun_objects(text, m.end(), m.start(), s_start, back[0], spans)
                if not objects:
                    continue
                subject, confidence = _subject(text, s_start, m.start(), in_sentence, reviewed, objects)
                if subject is None:
                    continue
                used.append(m.span())
                if v in (Verdict.BETTER, Verdict.WORSE) and _MIXED_TAIL.match(text, m.end(), s_end):
                    v = Verdict.MIXED  # "better than X in places and worse in others"
                for obj in objects:
                    add(subject, obj, v, m.start(), m.end(), confidence)
        for verdict, rx, anchors in _SUBJECT_CUES:
            for m in rx.finditer(text, s_start, s_end) if written_between(text, anchors, s_start, s_end) else ():
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
        _next_to(text, s_start, s_end, in_sentence, reviewed, add)
        if reviewed is not None:
            _preferences(text, s_start, s_end, in_sentence, reviewed, relations, add)
        prev_start = s_start
        back = [back[1], s_start]
    if reviewed is not None:
        _bad_remakes(text, spans, reviewed, relations, add)
        _fan_of_the_original(review, text, reviewed, relations, spans, add)
    return sorted(found.values(), key=lambda c: (c.evidence.start, c.film, c.versus))


_MIXED_TAIL = re.compile(
    r"[^.;!?]{0,60}?\bin (?:some|places|parts|a few|many) (?:\w+ )?(?:ways|respects|places|parts)?\s*"
    r"(?:,\s*)?(?:and|but)\s+(?:\w+\s+)?(?:worse|better|weaker|stronger)\s+in\s+(?:others|other\s+\w+)\b",
    re.I,
)
_PRONOUN = re.compile(
    r"\s*(?:it|that one|that film|this one|(?:either|both|all|any) of them|them)\b"
    r"(?=\s*(?:[.,;:!?)\u2014]|$|(?:in|on|and|but|for|by|as)\b))",  # "than it seems": a clause, not a film
    re.I,
)


_NAMED_SUBJECT = re.compile(
    r"[\s'\"\u201d\u2019*_]*(?:is|was|remains|looks|seems)\s+(?:(?:still|far|much|even|so|a lot|way)\s+)?", re.I
)


def _pronoun_objects(
    text: str, pos: int, cue_start: int, s_start: int, prev_start: int, spans: list[_Span]
) -> list[str]:
    """The films a pronoun after a cue stands for: "better than it" (the film named last), "than either of them"."""
    m = _PRONOUN.match(text, pos)
    if m is None:
        return []
    earlier = [sp for sp in spans if prev_start <= sp[0] and sp[1] <= pos]
    # the subject must be named right before the cue: "X is better than it", not "it is no better than it"
    if not earlier or earlier[-1][0] < s_start or not _NAMED_SUBJECT.fullmatch(text, earlier[-1][1], cue_start):
        return []
    subject = earlier[-1][2]
    if "them" in m.group().lower():
        return list(dict.fromkeys(sp[2] for sp in earlier if sp[2] != subject))
    rest = [sp[2] for sp in earlier if sp[2] != subject and sp[0] >= s_start]  # "it": the film named before
    return rest[-1:]


_NEXT_TO = re.compile(r"\b(?:next to|compared (?:to|with)|beside|alongside|set against)\s+$", re.I)
_JUDGED = re.compile(
    r"\s*(?:it|this(?: one| film| movie| remake| version)?|(?P<film>))\s+(?:is|was|looks|seems|feels)\s+"
    r"(?:\w+\s+){0,2}?(?:the\s+)?(?P<adj>weaker|worse|lesser|poorer|inferior|better|stronger|superior)\b",
    re.I,
)


def _next_to(
    text: str, s_start: int, s_end: int, spans: list[_Span], reviewed: str | None, add: Callable[..., None]
) -> None:
    """ "Next to X, Y is weaker", "next to the original it is the weaker film": Y judged against X."""
    for sp in spans:
        if not (s_start <= sp[0] < s_end) or not _NEXT_TO.search(text[max(s_start, sp[0] - 20) : sp[0]]):
            continue
        comma = re.match(r"[\s'\"\u201d\u2019*_]*(?:,\s*|\s+)", text[sp[1] :])
        pos = sp[1] + (comma.end() if comma else 0)
        named = next((o for o in spans if o[0] == pos), None)
        m = _JUDGED.match(text, named[1] if named else pos)
        if m is None or (
            named is None and m.group("film") is not None and not re.match(r"\s*(?:it|this)\b", text[pos:], re.I)
        ):
            continue
        subject = named[2] if named else reviewed
        if subject is None or subject == sp[2]:
            continue
        better = m.group("adj").lower() in ("better", "stronger", "superior")
        add(subject, sp[2], Verdict.BETTER if better else Verdict.WORSE, m.start("adj"), m.end("adj"), 0.6)


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


_INTENSIFIERS = frozenset(
    "very truly really so most utterly totally completely pretty rather quite incredibly extremely".split()
)
_PREFER = re.compile(r"\b(?:" + "|".join(PREFER_CUES) + r")\b", re.I)
_RECOMMEND = re.compile(
    r"(?:^|\bif you [^,.;]{3,60},\s*|\bdo yourself a favou?r and\s+)(?:" + RECOMMEND_CUES + r")\b", re.I
)
_ENJOYED_MORE = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+)?(?:enjoyed|liked|loved)\s+(?P<obj>this(?:\s+(?:one|film|movie|version|remake))?|it)"
    r"\s+(?:a lot\s+|much\s+|far\s+|even\s+|a little\s+|so much\s+|way\s+)?(?:more|better)\b(?!\s+than)",
    re.I,
)
_FAN = re.compile(
    r"\b(?:I'm|I am|I was|as|are)\s+(?:a\s+)?(?:(?:huge|big|great|long-time|longtime)\s+)?fan of the original\b"
    r"|\bI (?:really |absolutely )?loved the original\b"
    r"|\bthe original (?:was|is) (?:still |truly |really |simply |just )?(?:a |an )?(?:great|classic|masterpiece|brilliant"
    r"|excellent|superb|wonderful|fantastic|amazing|terrific|gem)\b",
    re.I,
)


def _roles(relations: list[Relation], key: str) -> tuple[list[str], list[str]]:
    """The originals and the remakes of ``key``."""
    originals = list(dict.fromkeys(r.target for r in relations if r.source == key))
    remakes = list(dict.fromkeys(r.source for r in relations if r.target == key))
    return originals, remakes


def _film_at(spans: list[_Span], pos: int, slack: int = 0) -> str | None:
    return next((sp[2] for sp in spans if pos <= sp[0] <= pos + slack), None)


def _bad_remakes(
    text: str, spans: list[_Span], reviewed: str, relations: list[Relation], add: Callable[..., None]
) -> None:
    """ "a ghastly and pointless remake", "this awful remake": the remake is worse than its original."""
    originals, remakes = _roles(relations, reviewed)
    for m in re.finditer(r"\bre-?make\b", text, re.I):
        words = list(re.finditer(r"[\w'-]+|,", text[max(0, m.start() - 60) : m.start()]))[::-1]
        det, bad = None, False
        for w in words[:6]:
            low = w.group().lower()
            if low in ("this", "a", "an", "the", "its", "such"):
                det = low
                break
            if low in BAD_REMAKE_WORDS:
                bad = True
            elif low not in _INTENSIFIERS and low not in (",", "and") and not low.endswith("ly"):
                break
        if det is None or not bad:
            continue
        start = m.start() - 60 + words[words.index(w)].start() if m.start() >= 60 else words[words.index(w)].start()
        if re.search(r"\b(?:not|n't|never|no)\s+(?:\w+\s+)?$", text[max(0, start - 20) : start], re.I):
            continue  # "not a bad remake"
        s_start = max(text.rfind(".", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start)) + 1
        if re.search(r"\b(?:complain\w*|claim\w*|says?|said|call\w*|accus\w*)\b", text[s_start:start], re.I):
            continue  # "people complain that it is a weak remake": someone else's judgement
        named = _film_at(spans, start, slack=m.end() - start)
        if det == "this" or named == reviewed or (len(originals) == 1 and not remakes):
            if len(originals) == 1:
                add(reviewed, originals[0], Verdict.WORSE, start, m.end(), 0.55)
        elif len(remakes) == 1 and not originals:
            add(remakes[0], reviewed, Verdict.WORSE, start, m.end(), 0.55)


def _preferences(
    text: str,
    s_start: int,
    s_end: int,
    in_sentence: list[_Span],
    reviewed: str,
    relations: list[Relation],
    add: Callable[..., None],
) -> None:
    """ "I'll take X over Y", "I prefer the original", "Watch X instead", "I enjoyed this a lot more"."""
    originals, remakes = _roles(relations, reviewed)
    partners = originals + remakes
    sentence = text[s_start:s_end]
    for m in _PREFER.finditer(text, s_start, s_end):
        first = _film_at(in_sentence, m.end(), slack=6)
        if first is None:
            continue
        after = next(sp for sp in in_sentence if sp[2] == first and sp[0] >= m.end())
        rest = re.match(
            r"[\s'\"\u201d\u2019*_]*(?:\(\d{4}\))?\s*(?:over|to|rather than|instead of)\s+", text[after[1] : s_end]
        )
        second = _film_at(in_sentence, after[1] + rest.end(), slack=6) if rest else None
        if second is not None:
            add(first, second, Verdict.BETTER, m.start(), m.end(), 0.6)
        elif first != reviewed and first in partners and not rest:
            add(first, reviewed, Verdict.BETTER, m.start(), m.end(), 0.55)  # "I still prefer the original"
    rec = _RECOMMEND.search(sentence.lstrip("'\"(*- "))
    if rec and re.search(r"\binstead\b|\bfavou?r\b|\bif you\b|\bgo back\b|!\s*$", sentence, re.I):
        if not re.search(r"\b(?:too|also|as well|both)\b", sentence, re.I):
            offset = s_start + len(sentence) - len(sentence.lstrip("'\"(*- "))
            gap = re.match(
                r"\s*(?:a copy of\s+|the dvd of\s+)?['\"\u201c\u2018*_]?", text[offset + rec.end() : s_end], re.I
            )
            other = _film_at(in_sentence, offset + rec.end() + (gap.end() if gap else 0), slack=1)
            if other is not None and other != reviewed:
                add(reviewed, other, Verdict.WORSE, offset + rec.start(), offset + rec.end(), 0.55)
    for m in _ENJOYED_MORE.finditer(text, s_start, s_end):
        others = [sp[2] for sp in in_sentence if sp[2] != reviewed and sp[1] <= m.start()]
        for other in dict.fromkeys(others or (partners if len(partners) == 1 else [])):
            add(reviewed, other, Verdict.BETTER, m.start(), m.end(), 0.55)


def _fan_of_the_original(
    review: Review,
    text: str,
    reviewed: str,
    relations: list[Relation],
    spans: list[_Span],
    add: Callable[..., None],
) -> None:
    """A fan of the original who scores its remake low: the remake is judged worse."""
    originals, _ = _roles(relations, reviewed)
    if len(originals) != 1 or review.rating is None:
        return
    try:
        score = float(review.rating) / float(review.rating_best or 10)
    except ValueError:
        return
    if score > 0.4:
        return
    m = _FAN.search(text)
    if m:
        add(reviewed, originals[0], Verdict.WORSE, m.start(), m.end(), 0.5)
