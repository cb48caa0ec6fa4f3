"""VADER's compound score of a sentence, as vaderSentiment computes it, without its repeated work.

vaderSentiment (3.3.2) lower-cases every word of a sentence again for each
sentiment word it weighs (negations, idioms), so its cost grows with the square
of the sentence. :class:`Analyzer` reads each sentence's words once and then
applies the same rules in the same order (the code below follows
``SentimentIntensityAnalyzer.sentiment_valence`` and its helpers line by line);
``tests/test_extract_sentiment.py`` checks the scores against vaderSentiment's own.
Each score is remembered, so the sentences of a review are scored once.

Two lexicons are used: VADER's own (:func:`plain_compound`) and VADER's with the
film-review corrections of :data:`kg.extract.lexicon_opinion.REVIEW_VALENCE`
(:func:`review_compound`).

The rules are vaderSentiment's: Copyright (c) 2016 C.J. Hutto, MIT License (its
notice ships with the vaderSentiment package, a dependency, whose lexicon and
constants this module imports).
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
    scalar_inc_dec,
)

from kg.extract.lexicon_opinion import REVIEW_VALENCE

__all__ = ["Analyzer", "plain_compound", "review_compound"]

_NEGATE = frozenset(NEGATE)


class Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """vaderSentiment's analyzer with :meth:`compound`: the same score, each word lower-cased once."""

    def compound(self, text: str) -> float:
        """``self.polarity_scores(text)["compound"]``.

        >>> a = Analyzer()
        >>> a.compound("The book was not great, but the ending was GOOD!") == a.polarity_scores(
        ...     "The book was not great, but the ending was GOOD!")["compound"]
        True
        """
        if not self.emojis.keys().isdisjoint(text):
            return float(self.polarity_scores(text)["compound"])  # emojis become words: vaderSentiment's own way
        text = text.strip()
        words = SentiText(text).words_and_emoticons
        lower = [w.lower() for w in words]
        cap_diff = allcap_differential(words)
        sentiments: list[float] = []
        for i, item in enumerate(words):
            if lower[i] in BOOSTER_DICT:
                sentiments.append(0)
                continue
            if i < len(words) - 1 and lower[i] == "kind" and lower[i + 1] == "of":
                sentiments.append(0)
                continue
            sentiments.append(self._valence(words, lower, cap_diff, item, i))
        sentiments = self._but_check(words, sentiments)
        return float(self.score_valence(sentiments, text)["compound"])

    def _valence(self, words: list[str], lower: list[str], cap_diff: bool, item: str, i: int) -> float:
        lexicon = self.lexicon
        item_lowercase = lower[i]
        valence: float = 0
        if item_lowercase not in lexicon:
            return valence
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return _least_check(valence, lower, i, lexicon)


def _negated(word: str) -> bool:
    """vaderSentiment's ``negated([word])``."""
    word = word.lower()
    return word in _NEGATE or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lower: list[str], i: int, lexicon: dict[str, float]) -> float:
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


@lru_cache(maxsize=1)
def plain_analyzer() -> Analyzer:
    """The analyzer with VADER's own lexicon."""
    return Analyzer()


@lru_cache(maxsize=1)
def review_analyzer() -> Analyzer:
    """The analyzer with VADER's lexicon corrected for film reviews."""
    sia = Analyzer()
    sia.lexicon.update(REVIEW_VALENCE)
    return sia


@lru_cache(maxsize=8192)
def plain_compound(sentence: str) -> float:
    """VADER's compound score of ``sentence`` with its own lexicon.

    >>> plain_compound("A wonderful film.") > 0.5
    True
    """
    return plain_analyzer().compound(sentence)


@lru_cache(maxsize=8192)
def review_compound(sentence: str) -> float:
    """VADER's compound score of ``sentence`` with the film-review lexicon.

    >>> review_compound("A dull remake.") < 0
    True
    """
    return review_analyzer().compound(sentence)
