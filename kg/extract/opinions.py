"""Praise and criticism of films and of people's work.

An opinion is read where the words tie a judgement to a person or a film:
the name and a predicate ("Camilla Belle is absolutely stunning", "X gives a
wooden performance"), a judging word before the name ("the wonderful Frank
Morgan", "a strong performance from X", "the superb old version"), a phrase
that judges by itself ("X steals the show", "X can't act"), or the reviewer's
own verb ("I also liked X"). A list of names shares its predicate ("X, Y and Z
are all great actors"). Sentences are cut at contrast words ("good but
flawed" gives two opinions) and negation turns a judgement round ("not bad",
"isn't much of an actress", "not as convincing as"). The reviewed film gets
one opinion, with the polarity of the review's rating where there is one,
else of its text.

Valences come from vaderSentiment's lexicon, corrected for film talk by
:data:`kg.extract.lexicon_opinion.REVIEW_VALENCE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon_opinion import (
    ASPECTS,
    CONTRAST,
    CONTRAST_WORDS,
    NEGATORS,
    PERSON_NEGATIVE_PHRASES,
    PERSON_POSITIVE_PHRASES,
    REVIEW_VALENCE,
)
from kg.extract.rating import find_rating, lean_polarity, rating_share, text_sentiment
from kg.extract.scan import literal_finditer
from kg.extract.sentiment import plain_analyzer, plain_compound
from kg.extract.text import find_sentences
from kg.model import Film, Mention, MentionKind, Opinion, Person, Polarity, Review

__all__ = ["find_opinions", "valence"]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    lex = dict(plain_analyzer().lexicon)
    lex.update(REVIEW_VALENCE)
    return lex


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_INTENSIFIERS = frozenset(
    "very really truly quite so too rather pretty most more absolutely utterly totally simply just".split()
)


def valence(words: list[str]) -> tuple[float, list[int]]:
    """The summed valence of ``words`` with negation, and the indexes of the words that carry it.

    >>> valence("is not bad at all".split())[0] > 0
    True
    >>> valence("not as convincing as he could have been".split())[0] < 0
    True
    """
    lex = _lexicon()
    total = 0.0
    used: list[int] = []
    low = [w.lower().strip("'’") for w in words]
    for i, w in enumerate(low):
        v = lex.get(w)
        if v is None or abs(v) < 0.8:
            continue
        before = low[max(0, i - 3) : i]
        negated = any(b in NEGATORS or b.endswith("n't") or b.endswith("n’t") for b in before)
        if negated and i >= 2 and low[i - 1] == "as" and v > 0:  # "not as good as": a comparison that pans
            v = -abs(v)
        elif negated:
            v = -0.5 * v if v < 0 else -0.8 * v  # "not bad" is mild praise
        if i >= 1 and low[i - 1] == "too" and v > 0 and w not in ("good", "great", "much"):
            v = -0.5 * v
        total += v
        used.append(i)
    return total, used


@dataclass(frozen=True, slots=True)
class _Target:
    start: int
    end: int
    key: str
    person: bool


_COPULA = (
    r"(?:\s*,[^,.;]{0,50},)?(?:\s+(?:probably|certainly|really|truly|clearly|also|still|always|surely|just|"
    r"in\s+particular|especially|particularly|here|too))?"
    r"\s+(?:is|was|are|were|'s|’s|appears\s+to(?:\s+have)?|appeared\s+to(?:\s+have)?|doing|giving|turning\s+in|putting\s+in|seems|seemed|looks|looked|remains|comes\s+across\s+as|"
    r"came\s+across\s+as|proves|proved|makes|made|does|did|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|"
    r"doesn['’]t|didn['’]t|gives|gave|delivers|delivered|turns\s+in|turned\s+in|puts\s+in|put\s+in|brings|"
    r"brought|plays|played|acts|acted|sounds|sounded|fares|fared|holds\s+up|held\s+up|works|worked)\b"
)
_COPULA_RE = re.compile(_COPULA, re.I)
_POSSESSIVE = re.compile(
    r"['’]s\s+(?P<pre>(?:[\w'’-]+\s+){0,3}?)(?P<noun>performances?|acting|work|turn|portrayal|direction|directing|"
    r"score|music|soundtrack|script|screenplay|writing|cinematography|photography|effects|presence)\b(?P<rest>[^.;:!?]{0,80})",
    re.I,
)
_PRE = re.compile(
    r"(?:(?P<adjs>(?:[\w'’-]+\s+){1,4}?)(?:performances?|acting|work|turn|job|portrayal|direction|score|music|"
    r"screenplay|script|writing|cinematography|photography|turns?|songs|soundtrack)\s+"
    r"(?:from|by|of)\s+(?:the\s+)?$)|(?:\b(?:the|a|an|his|her|its|their)\s+(?P<attr>(?:[\w'’-]+\s+){1,3}?)$)",
    re.I,
)
_LIKE = re.compile(
    r"\bI\s+(?:also\s+|really\s+|especially\s+|just\s+)?(?P<v>liked|loved|enjoyed|admired|adored|hated|disliked|"
    r"detested|miss|missed|love|like|hate|recommend)\s+(?:the\s+)?$",
    re.I,
)
_LIKE_VALENCE = {"liked": 2.0, "loved": 3.0, "enjoyed": 2.2, "admired": 2.2, "adored": 3.0, "love": 3.0, "like": 1.8,
                 "miss": 1.5, "missed": 1.5, "recommend": 2.0, "hated": -3.0, "disliked": -2.0, "detested": -3.0,
                 "hate": -3.0}  # fmt: skip
_PHRASES = [(re.compile(rf"\s*(?:,[^,.;]{{0,40}},\s*)?{p}\b", re.I), 2.0) for p in PERSON_POSITIVE_PHRASES] + [
    (re.compile(rf"\s*(?:,[^,.;]{{0,40}},\s*)?{p}\b", re.I), -2.0) for p in PERSON_NEGATIVE_PHRASES
]
_WORK_NOUNS = frozenset("performance performances job work turn portrayal role roles acting".split())
_INCLUDING = re.compile(r"(?P<words>(?:[\w'’-]+\s+){1,5})(?:including|especially|particularly|notably)\s+$", re.I)
_MANNER = re.compile(
    r"\b(?P<adv>well|superbly|brilliantly|beautifully|nicely|perfectly|wonderfully|splendidly|ably|"
    r"badly|poorly|terribly|woodenly|awfully)\s+(?:played|acted|performed|portrayed|directed|written|scored|cast|shot|"
    r"photographed|edited|staged|handled|crafted)\s+by\s+$",
    re.I,
)
_MANNER_VALENCE = {"well": 1.8, "superbly": 3.0, "brilliantly": 3.0, "beautifully": 2.8, "nicely": 2.0,
                   "perfectly": 2.8, "wonderfully": 2.8, "splendidly": 2.8, "ably": 1.8, "badly": -2.5,
                   "poorly": -2.5, "terribly": -2.8, "woodenly": -2.5, "awfully": -2.5}  # fmt: skip
_STOP = frozenset("who whom which that when where because since after before until".split())
_PREPOSITIONS = frozenset("to of for with in on by from at into about over under".split())
_CLAUSE_WORDS = frozenset("what isn't isn’t wasn't wasn’t aren't aren’t".split())  # "the novel isn't what X"
_THAN = re.compile(
    r"(?P<cmp>(?:not|n['’]t)\s+(?:quite\s+|nearly\s+|half\s+)?as\s+[\w-]+(?:\s+or\s+[\w-]+)?\s+as|"
    r"(?:better|superior)\s+(?:than|to)|(?:worse|inferior)\s+(?:than|to))\s+(?:that\s+of\s+|the\s+|its\s+)?$",
    re.I,
)
_IN_PERFORMANCE = re.compile(
    r"\s*,?\s+in\s+(?:one\s+of\s+)?(?:his|her|their|an?)\s+(?P<adj>(?:[\w'’-]+\s+){1,3}?)(?:performances?|roles?|turns?)\b",
    re.I,
)
_CONTINUATION = re.compile(r"\b(?:and\s+)?I\s+think\s+(?:this|that|it)\s+(?P<words>(?:[\w'’-]+\s+){1,5})", re.I)
_ANAPHORA = re.compile(r"\b(?:this|the)\s+(?:film|movie|picture|flick|remake|version|one)\b", re.I)


def contrast_starts(text: str, at: int) -> range:
    """Where a match of :data:`CONTRAST` holding one of its words at ``at`` may start.

    Its leading spaces and, for ", and", a comma and the spaces before it.
    """
    start = at
    while start > 0 and text[start - 1].isspace():
        start -= 1
    if start > 0 and text[start - 1] == ",":
        start -= 1
        while start > 0 and text[start - 1].isspace():
            start -= 1
    return range(start, at + 1)


@lru_cache(maxsize=1024)
def _clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The clauses of the sentence ``text[start:end]``, cut at contrast words (once per sentence and text)."""
    out: list[tuple[int, int]] = []
    s = start
    for m in literal_finditer(CONTRAST, text, CONTRAST_WORDS, contrast_starts, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return tuple(out)


def _targets(text: str, films: list[Film], people: list[Person], reviewed: str | None) -> list[_Target]:
    out = [_Target(m.start, m.end, p.key, True) for p in people for m in p.mentions]
    out += [_Target(m.start, m.end, f.key, False) for f in films for m in f.mentions if f.key != reviewed]
    return sorted(out, key=lambda t: t.start)


def _groups(text: str, targets: list[_Target]) -> dict[int, tuple[int, int]]:
    """For each target index, the span of the list of names it stands in ("X, Y and Z")."""
    spans: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(targets):
        j = i
        while j + 1 < len(targets) and targets[j + 1].person == targets[i].person:
            gap = re.sub(r"\([^()]{0,80}\)", "", text[targets[j].end : targets[j + 1].start])
            if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+&)\s*", gap):
                break
            j += 1
        end = targets[j].end
        if j > i or re.match(r",?\s+and\s+", text[end : end + 6]):
            more = re.match(
                r"(?:\s*,\s*|,?\s+and\s+)(?:[A-Z][\w'’.-]*\s*){1,4}(?=\s+(?:are|were)\b)", text[end : end + 80]
            )
            if more:
                end += len(more.group(0).rstrip())
        for k in range(i, j + 1):
            spans[k] = (targets[i].start, end)
        i = j + 1
    return spans


def _judge(text: str, t: _Target, group: tuple[int, int], clause: tuple[int, int]) -> tuple[float, int, int] | None:
    """The valence the clause gives target ``t`` and the span of the words that carry it."""
    cs, ce = clause
    after_at = group[1]
    tail = text[after_at:ce]
    for pattern, v in _PHRASES:
        m = pattern.match(tail)
        if m:
            return v, t.start, after_at + m.end()
    m = _POSSESSIVE.match(tail)
    if m:
        words = m["pre"].split()
        rest = re.sub(r"^\s*\([^()]*\)", "", m["rest"])  # "X's score (nominated for ...) is ..."
        c = _COPULA_RE.match(rest)
        if c:
            words += [w.group(0) for w in _WORD.finditer(rest[c.end() :])][:8]
        v, used = valence(words)
        if used and abs(v) >= 1.2:
            return v, t.start, after_at + m.end("noun") + (len(m["rest"]) if c else 0)
    m = _COPULA_RE.match(tail)
    if m:
        rest = text[after_at + m.end() : ce]
        spans: list[tuple[int, int, str]] = []
        for w in _WORD.finditer(rest):
            if w.group(0).lower() in _STOP or len(spans) >= 9:
                break
            spans.append((w.start(), w.end(), w.group(0)))
        head = text[after_at : after_at + m.end()].lower()
        neg_copula = "n't" in head or "n’t" in head
        cut = next((k for k, w in enumerate(spans) if w[2].lower() in _WORK_NOUNS), None)
        if cut is not None:
            spans = spans[: cut + 1]
        plain = [w[2] for w in spans]
        v, used = valence(["not", *plain] if neg_copula else plain)
        if neg_copula:
            used = [u - 1 for u in used if u > 0]
        if used and abs(v) >= 1.2:
            last = spans[max(used)]
            return v, t.start, after_at + m.end() + last[1]
    m = _IN_PERFORMANCE.match(tail)
    if m:
        v, used = valence(m["adj"].split())
        if used and abs(v) >= 1.0:
            return v, t.start, after_at + m.end()
    if t.start - cs >= 0:
        head = text[max(cs, group[0] - 60) : group[0]]
        m = _THAN.search(head)
        if m:
            cmp = m["cmp"].lower()
            v = -1.5 if cmp.startswith(("better", "superior")) else 1.5
            return v, group[0] - len(head) + m.start(), t.end
        m = _LIKE.search(head)
        if m:
            return _LIKE_VALENCE[m["v"].lower()], group[0] - len(head) + m.start(), t.end
        m = _MANNER.search(head)
        if m:
            return _MANNER_VALENCE[m["adv"].lower()], group[0] - len(head) + m.start(), t.end
        m = _INCLUDING.search(head)
        if m:
            v, used = valence(m["words"].split())
            if used and abs(v) >= 1.2:
                return v, group[0] - len(head) + m.start(), t.end
        m = _PRE.search(head)
        if m:
            chunk = m["adjs"] or m["attr"] or ""
            if m["attr"] and any(w.lower() in _PREPOSITIONS | _STOP | _CLAUSE_WORDS for w in chunk.split()):
                chunk = ""  # a clause, not words said of X
            v, used = valence(chunk.split())
            if used and abs(v) >= 1.2:
                return v, group[0] - len(head) + m.start(), t.end
    m = re.match(r"\s*\((?P<inner>[^()]{3,160})\)", text[t.end : ce])
    if m:
        v, used = valence(m["inner"].split())
        if used and abs(v) >= 1.5:
            return v, t.start, t.end + m.end()
    return None


@lru_cache(maxsize=4096)
def _judged(text: str, t: _Target, group: tuple[int, int], clause: tuple[int, int]) -> tuple[float, int, int] | None:
    """:func:`_judge`, once per text, target, group and clause (opinions are read again after linking)."""
    return _judge(text, t, group, clause)


def _feature(words: str) -> str | None:
    for w in re.findall(r"[a-z]+", words.lower()):
        if w in ASPECTS:
            return ASPECTS[w]
    return None


def _polarity(v: float) -> Polarity:
    return Polarity.POSITIVE if v > 0 else Polarity.NEGATIVE


def find_opinions(review: Review, films: list[Film], people: list[Person], *, reviewed: str | None) -> list[Opinion]:
    """The opinions ``review`` gives of its films and of people's work.

    Parameters
    ----------
    review : Review
        The review to read.
    films : list of Film
        The films of the review with their mentions.
    people : list of Person
        The people of the review with their mentions.
    reviewed : str or None
        The key of the reviewed film.

    Returns
    -------
    list of Opinion
        Each with its target, polarity, score (-1..1), feature where named, the
        words that carry it and a confidence.

    Examples
    --------
    >>> from kg.model import Mention, MentionKind, Person
    >>> text = "Ann Lee is wonderful, but Tom Hardy is not convincing."
    >>> people = [Person("ann-lee", "Ann Lee", (Mention.of(text, 0, 7, MentionKind.PERSON),)),
    ...           Person("tom-hardy", "Tom Hardy", (Mention.of(text, 26, 35, MentionKind.PERSON),))]
    >>> [(o.target, o.polarity.value) for o in find_opinions(Review(id="r", text=text), [], people, reviewed=None)]
    [('ann-lee', 'positive'), ('tom-hardy', 'negative')]
    """
    text = review.text
    targets = _targets(text, films, people, reviewed)
    groups = _groups(text, targets)
    out: list[Opinion] = []
    sentences = list(find_sentences(text))
    for si, (ss, se) in enumerate(sentences):
        clauses = _clauses(text, ss, se)
        for ci, clause in enumerate(clauses):
            for i, t in enumerate(targets):
                if not (clause[0] <= t.start < clause[1]):
                    continue
                found = _judged(text, t, groups.get(i, (t.start, t.end)), clause)
                if found is None:
                    continue
                v, s, e = found
                ev = Mention.of(text, s, e, MentionKind.CUE)
                score = max(-1.0, min(1.0, v / 4))
                feature = _feature(text[s : min(clause[1], e + 25)])
                out.append(Opinion(t.key, _polarity(v), ev, round(score, 3), feature, 0.7))
                later = _CONTINUATION.search(text, e, se)
                if later and t.person and not any(e <= x.start < later.start() and x.person for x in targets):
                    lv, _ = valence(later["words"].split())
                    if lv * v < 0 and abs(lv) >= 1.0:
                        lev = Mention.of(text, later.start("words"), later.end("words"), MentionKind.CUE)
                        out.append(Opinion(t.key, _polarity(lv), lev, round(max(-1.0, min(1.0, lv / 4)), 3), None, 0.5))
                turn = _turn(text, clauses[ci + 1] if ci + 1 < len(clauses) else None, targets, v, se)
                if turn is not None:
                    out.append(
                        Opinion(
                            t.key, _polarity(turn[0]), turn[1], round(max(-1.0, min(1.0, turn[0] / 4)), 3), None, 0.5
                        )
                    )
        _pronoun(text, sentences, si, targets, out)
    if reviewed is not None:
        whole = _reviewed_opinion(review, reviewed, sentences)
        if whole is not None:
            out.append(whole)
    return out


_TURN = re.compile(
    r"(?:(?:it|he|she|they)(?:['’]s|\s+(?:is|was|are|were|remains?|seems?|looks?))?\s+)?"
    r"(?P<words>(?:(?:still|nevertheless|nonetheless|also|quite|rather|often|sometimes|a\s+bit|somewhat|very|too|"
    r"so|[a-z]+ly)\s+)*[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)",
    re.I,
)


def _turn(
    text: str, clause: tuple[int, int] | None, targets: list[_Target], v: float, end: int
) -> tuple[float, Mention] | None:
    """The opposite judgement of "X is A, but still B": the rest of the sentence names nobody and turns round."""
    if clause is None or any(clause[0] <= x.start < end for x in targets):
        return None
    back = re.search(r"\b(?:but|yet|though|although)\b[^.;,]{0,20}$", text[max(0, clause[0] - 30) : clause[0]], re.I)
    if back is None:
        return None
    begin = clause[0] - len(back.group(0)) + len(back.group(0).split()[0])
    while begin < end and text[begin].isspace():
        begin += 1
    m = _TURN.match(text, begin, end)
    if m is None:
        return None
    lv, used = valence(m["words"].split())
    if not used or lv * v >= 0 or abs(lv) < 1.2:
        return None
    return lv, Mention.of(text, m.start("words"), m.end("words"), MentionKind.CUE)


def _pronoun(text: str, sentences: list[tuple[int, int]], si: int, targets: list[_Target], out: list[Opinion]) -> None:
    """ "He isn't very good." right after words that name one person: that person is judged."""
    ss, se = sentences[si]
    clauses = _clauses(text, ss, se)
    for ci, (cs, ce) in enumerate(clauses):
        m = re.match(r"(?:he|she)\b", text[cs:ce], re.I)
        if not m or (ci == 0 and si == 0):
            continue
        ps, pe = clauses[ci - 1] if ci > 0 else sentences[si - 1]
        prev = {t.key for t in targets if ps <= t.start < pe and t.person}
        if len(prev) != 1 or any(cs <= t.start < ce for t in targets):
            continue
        key = prev.pop()
        found = _judged(text, _Target(cs, cs + m.end(), key, True), (cs, cs + m.end()), (cs, ce))
        if found is not None:
            v, s, e = found
            ev = Mention.of(text, s, e, MentionKind.CUE)
            out.append(Opinion(key, _polarity(v), ev, round(max(-1.0, min(1.0, v / 4)), 3), _feature(ev.text), 0.5))


def _reviewed_opinion(review: Review, reviewed: str, sentences: list[tuple[int, int]]) -> Opinion | None:
    """The review's judgement of the film it reviews: the rating's polarity, shown by the sentence that best says it."""
    text = review.text
    rating = find_rating(review)
    share = rating_share(rating) if rating is not None else None
    if share is not None:
        polarity = Polarity.POSITIVE if share >= 0.7 else Polarity.NEGATIVE if share <= 0.45 else Polarity.MIXED
        score, conf = 2 * share - 1, 0.8
    else:
        pos, neg, _ = text_sentiment(text)
        total = pos + neg
        if total == 0:
            return None
        lean = (pos - neg) / total
        polarity = lean_polarity(lean)
        score, conf = lean, 0.6
    best: tuple[float, int, int] | None = None
    for s, e in sentences:
        c = plain_compound(text[s:e])
        aligned = {Polarity.POSITIVE: c, Polarity.NEGATIVE: -c}.get(polarity, abs(c))
        if _ANAPHORA.search(text[s:e]) or (review.film_title and review.film_title.lower() in text[s:e].lower()):
            aligned += 0.5
        if aligned > 0.3 and (best is None or aligned > best[0]):
            best = (aligned, s, e)
    if best is None:
        if rating is None or rating.evidence is None:
            return None
        ev = rating.evidence
    else:
        ev = Mention.of(text, best[1], best[2], MentionKind.CUE)
    return Opinion(reviewed, polarity, ev, round(score, 3), None, conf)
