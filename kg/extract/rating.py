"""The reviewer's own score and the stance of the review.

A rating comes from the review's metadata where it has one, else from the
text, in whatever scale the reviewer used: ``7/10``, ``3 out of 5``,
``4 stars out of 5``, ``** from ****``, ``★★½``, ``3 reels``, a letter grade
(``Grade: B+``, or alone on the last line) or a word (``My vote is nine``).
The stance (positive, negative, mixed, neutral) follows the rating where there is one; without one
it is read from the text with a sentiment lexicon (vaderSentiment's, plus a
small one for film reviews) weighted toward the sentences that judge the film.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon_opinion import CLOSING_CUES, FILM_WORDS
from kg.extract.sentiment import review_compound
from kg.extract.text import find_sentences
from kg.model import Comparison, Mention, MentionKind, Opinion, Polarity, Rating, Review

__all__ = ["find_rating", "find_stance", "lean_polarity", "parse_rating", "rating_share", "text_sentiment"]

log = logging.getLogger(__name__)

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NUM = r"(?:\d+(?:\.\d+)?(?:\s*1/2|\s*½)?|½|" + "|".join(_NUMBER_WORDS) + r")"
_SCALES = {4, 5, 10, 20, 100}
_GRADES = ("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F")

# Each pattern names its groups: v (value), b (best, optional); stars count glyphs instead.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("slash", re.compile(rf"(?<![\d/.])(?P<v>-?{_NUM})\s*/\s*(?P<b>\d+)(?![\d/]|\.\d)", re.I)),
    (
        "outof",
        re.compile(
            rf"(?<![\w.])(?P<v>-?{_NUM})\s*(?:(?:stars?|reels?|points?)\s+)?(?:out\s+of|from|on)\s+(?:a\s+possible\s+)?"
            rf"(?P<b>\d+|{'|'.join(_NUMBER_WORDS)})(?:\s+(?:stars?|reels?|possible))?\b",
            re.I,
        ),
    ),
    ("asterisks", re.compile(r"(?<![*\w])(?P<v>\*{1,5}(?:\s*1/2|½)?)\s*(?:from|out\s+of|/)\s*(?P<b>\*{2,5})(?!\*)")),
    ("asterisk_outof", re.compile(r"(?<![*\w])(?P<v>\*{1,5}(?:\s*1/2|½)?)\s*\(\s*out\s+of\s+(?P<b>\w+)\s*\)", re.I)),
    ("glyphs", re.compile(r"(?P<v>[★✭✮⭐]+\s*(?:½|1/2)?)(?P<b>[☆✩]*)")),
    (
        "stars",
        re.compile(rf"(?<![\w.])(?P<v>{_NUM})\s*(?:-\s*)?(?P<unit>stars?|reels?)\b(?!\s+(?:out\s+of|from))", re.I),
    ),
    # "Grade: B+", "my verdict - C"; not "grade A nonsense", "a B movie"
    (
        "grade",
        re.compile(r"\b(?i:grade|rating|verdict|score)\s*[:=-]?\s*(?:an?\s+)?(?P<v>[A-DF][+-]?)(?![\w+-])(?!\s+[a-z])"),
    ),
    # a grade alone on the review's last line ("...closer than I expected.\n\nB+")
    ("grade", re.compile(r"(?:\n|<br\s*/?>)\s*(?P<v>[A-DF][+-]?)\s*[.!]?\s*$")),
    (
        "give",
        re.compile(
            rf"\b(?:give|giving|gave|rate|rated|rating|vote|score)\s+(?:is\s+|it\s+|this\s+(?:one\s+|film\s+|movie\s+)?)?"
            rf"(?:an?\s+|a\s+solid\s+)?(?P<v>{_NUM})(?!\s*(?:/|out\s+of|stars?|reels?|points?|%|\w))",
            re.I,
        ),
    ),
)
_BOOST = re.compile(r"\b(?:give|giving|gave|rate|rating|rated|vote|score|grade|verdict|overall|my)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Found:
    value: float | str
    best: float | str
    worst: float | str
    start: int
    end: int
    rank: float


def _number(word: str) -> float:
    w = word.strip().lower().replace(" ", "")
    half = 0.5 if w.endswith(("1/2", "½")) else 0.0
    w = w.removesuffix("1/2").removesuffix("½")
    if not w:
        return half
    if w.lstrip("-") in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[w.lstrip("-")]) + half
    return float(w) + half


def _worst(best: float) -> float:
    return 1.0 if best == 10 else 0.0


def _candidates(text: str) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            f = _read(kind, m, text)
            if f is not None:
                found.append(f)
                taken.append((m.start(), m.end()))
    return found


def _read(kind: str, m: re.Match[str], text: str) -> _Found | None:
    try:
        if kind in ("asterisks", "asterisk_outof"):
            value = m["v"].count("*") + (0.5 if m["v"].rstrip().endswith(("1/2", "½")) else 0.0)
            b = m["b"]
            best = float(b.count("*")) if b.startswith("*") else _number(b)
        elif kind == "glyphs":
            value = sum(1 for c in m["v"] if c in "★✭✮⭐") + (0.5 if m["v"].rstrip().endswith(("1/2", "½")) else 0)
            best = (
                float(max(5, value + len(m["b"]))) if not m["b"] else float(value // 1 + len(m["b"]) + (value % 1 > 0))
            )
        elif kind == "grade":
            g = m["v"].upper()
            if g not in _GRADES:
                return None
            return _Found(g, "A+", "F", m.start("v"), m.end(), 3.0)
        elif kind == "stars":
            value = _number(m["v"])
            best = 5.0 if value <= 5 else 10.0
        elif kind == "give":
            value = _number(m["v"])
            if not 0 <= value <= 10 or m["v"].isdigit() and len(m["v"]) > 2:
                return None
            best = 10.0
        else:
            value, best = _number(m["v"]), _number(m["b"])
    except ValueError:
        return None
    if best not in _SCALES or value > best:
        return None
    if value < 0:  # "-10 out of 10": the worst the scale has
        value = 0.0
    if kind == "slash" and re.match(r"\s*[/-]\s*\d", text[m.end() : m.end() + 3]):
        return None  # a date: 4/25/08
    rank = {"slash": 2.0, "outof": 2.0, "asterisks": 2.0, "asterisk_outof": 2.0, "glyphs": 1.5}.get(kind, 1.0)
    before = text[max(0, m.start() - 40) : m.start()]
    if _BOOST.search(before):
        rank += 1.0
    if re.search(r"\(\s*[^()]{0,20}$", before):  # "(so-so 6/10)": an aside about another film
        rank -= 1.5
    if m.start() > 0.75 * len(text) or re.search(r"(?:^|\n)\W*$", before):
        rank += 0.5
    return _Found(value, best, _worst(best), m.start(), m.end(), rank)


def parse_rating(text: str, *, best: str | float | None = None) -> Rating | None:
    """A rating written as ``text`` alone (metadata): ``"6"``, ``"6/10"``, ``"4 out of 5"``, ``"B+"``, ``"★★½"``.

    >>> parse_rating("★★½")
    Rating(value=2.5, best=5.0, worst=0.0, text='★★½', evidence=None)
    """
    t = text.strip()
    if not t:
        return None
    if re.fullmatch(r"-?\d+(?:\.\d+)?", t):
        b = float(best) if best not in (None, "") else 10.0
        v = float(t)
        return Rating(v, b, _worst(b) if v >= 1 else 0.0, t) if 0 <= v <= b else None
    if t.upper() in _GRADES:
        return Rating(t.upper(), "A+", "F", t)
    found = _candidates(t) or _candidates(f"rating: {t}")
    if not found:
        return None
    f = max(found, key=lambda x: x.rank)
    return Rating(f.value, f.best, f.worst, t)


def find_rating(review: Review) -> Rating | None:
    """The rating of ``review``: its metadata rating, else the one its text gives.

    Where the text gives several scores, the one the reviewer gives this film
    wins ("I give it 8/10" over "(so-so 6/10)" about another film), then the last.

    Examples
    --------
    >>> r = find_rating(Review(id="r", text="Tense and well made. I give it a 7 out of 10."))
    >>> (r.value, r.best, r.text)
    (7.0, 10.0, '7 out of 10')
    """
    if review.rating is not None:
        meta = parse_rating(review.rating, best=review.rating_best)
        if meta is not None:
            return meta
        log.debug("review %s: metadata rating %r not understood", review.id, review.rating)
    found = _candidates(review.text)
    if not found:
        return None
    f = max(reversed(found), key=lambda x: x.rank)  # ties go to the last one
    evidence = Mention.of(review.text, f.start, f.end, MentionKind.RATING)
    return Rating(f.value, f.best, f.worst, evidence.text, evidence)


_GRADE_SHARE = {"A+": 1.0, "A": 0.95, "A-": 0.9, "B+": 0.85, "B": 0.78, "B-": 0.7, "C+": 0.62,
                "C": 0.55, "C-": 0.48, "D+": 0.4, "D": 0.3, "D-": 0.22, "F": 0.05}  # fmt: skip


def rating_share(rating: Rating) -> float | None:
    """Where ``rating`` sits on its scale, 0 (worst) to 1 (best); ``None`` if it cannot be placed.

    >>> rating_share(Rating("B+", "A+", "F", "B+")), rating_share(Rating(6.0, 10.0, 1.0, "6/10"))
    (0.85, 0.6)
    """
    if isinstance(rating.value, str):
        return _GRADE_SHARE.get(rating.value.upper())
    if isinstance(rating.best, str) or not rating.best:
        return None
    return max(0.0, min(1.0, float(rating.value) / float(rating.best)))


@lru_cache(maxsize=64)
def text_sentiment(text: str) -> tuple[float, float, float]:
    """The positive weight, negative weight and count of the judging sentences of ``text``.

    Sentences that speak of the film ("this movie", "the remake", "I recommend")
    and the closing ones count more than plot summary.

    >>> pos, neg, n = text_sentiment("A wonderful film. I loved every minute.")
    >>> pos > neg
    True
    """
    spans = list(find_sentences(text))
    pos = neg = 0.0
    n = 0
    for i, (s, e) in enumerate(spans):
        sent = text[s:e]
        c = review_compound(sent)
        low = sent.lower()
        w = 1.0
        if FILM_WORDS.search(low):
            w += 1.0
        if CLOSING_CUES.search(low) or i >= len(spans) - 2:
            w += 1.0
        if abs(c) >= 0.3:
            n += 1
            if c > 0:
                pos += w * c
            else:
                neg -= w * c
    return pos, neg, float(n)


def find_stance(
    review: Review, *, rating: Rating | None, opinions: list[Opinion], comparisons: list[Comparison]
) -> tuple[Polarity | None, float]:
    """The stance of ``review`` on the film it reviews, and a confidence in 0..1.

    From the rating where there is one (70% of the scale and up: positive;
    45% and below: negative; between: mixed); else from the text.

    Examples
    --------
    >>> find_stance(Review(id="r", text="x"), rating=Rating(6.0, 10.0, 1.0, "6/10"), opinions=[], comparisons=[])
    (<Polarity.MIXED: 'mixed'>, 0.7)
    >>> find_stance(Review(id="r", text="A dull, lifeless and boring remake. Avoid it."),
    ...             rating=None, opinions=[], comparisons=[])[0]
    <Polarity.NEGATIVE: 'negative'>
    """
    share = rating_share(rating) if rating is not None else None
    if share is not None:
        if share >= 0.7:
            return Polarity.POSITIVE, 0.9
        if share <= 0.45:
            return Polarity.NEGATIVE, 0.9
        return Polarity.MIXED, 0.7
    pos, neg, n = text_sentiment(review.text)
    for op in opinions:
        w = 0.5 * op.confidence
        if op.polarity is Polarity.POSITIVE:
            pos += w
        elif op.polarity is Polarity.NEGATIVE:
            neg += w
    if n == 0 and pos == neg == 0:
        return Polarity.NEUTRAL, 0.3
    total = pos + neg
    lean = (pos - neg) / total if total else 0.0
    polarity = lean_polarity(lean)
    if polarity is Polarity.MIXED:
        return polarity, 0.4
    return polarity, round(min(0.85, 0.5 + abs(lean - 0.325) / 2), 3)


def lean_polarity(lean: float) -> Polarity:
    """The stance of a text whose judging sentences lean ``lean`` (-1 negative .. 1 positive).

    General-purpose sentiment words run positive in reviews (plot summary, "good
    guys", "love story"), so the line between praise and pans sits above zero.

    >>> lean_polarity(0.8), lean_polarity(0.3), lean_polarity(-0.2)
    (<Polarity.POSITIVE: 'positive'>, <Polarity.MIXED: 'mixed'>, <Polarity.NEGATIVE: 'negative'>)
    """
    if lean >= 0.4:
        return Polarity.POSITIVE
    if lean <= 0.25:
        return Polarity.NEGATIVE
    return Polarity.MIXED
