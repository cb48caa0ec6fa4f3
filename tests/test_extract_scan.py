"""kg.extract.scan: the literal shortcut finds exactly what the pattern finds over the whole text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import cues_relations
from kg.extract.lexicon_opinion import CONTRAST, CONTRAST_WORDS
from kg.extract.opinions import _clauses, contrast_starts
from kg.extract.scan import fold_ascii, literal_finditer, mentions_any, occurrences, written_between
from kg.extract.text import _article_starts, _title_pattern, find_title_words

# Letters that Python's case-insensitive matching reads as ASCII ones (dotted and dotless i, long s,
# the Kelvin sign), other accented letters, spaces of several kinds, quotes and stops.
ALPHABET = "aAbBeEhHiIkKlLnNoOrRsStT \t\n\u00a0.,;:'\"-()\u0130\u0131\u017f\u212a\u00e9\u00c9"
texts = st.text(alphabet=ALPHABET, max_size=80)
words = st.text(alphabet="abehiklnorst .-'", min_size=1, max_size=6).filter(lambda w: w.strip() == w)


def spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


def test_fold_keeps_offsets_and_reads_case_as_python_does() -> None:
    text = "The \u212aelvin \u0130stanbul \u017fong Caf\u00c9"
    folded = fold_ascii(text)
    assert len(folded) == len(text)
    for i, ch in enumerate(text):
        if folded[i].isascii() and folded[i].isalpha():
            assert re.fullmatch(re.escape(folded[i]), ch, re.I)


def test_occurrences_in_any_case() -> None:
    assert sorted(occurrences("A Remake of REMAKE OF re\u017fmake", ["remake of"])) == [2, 12]
    assert mentions_any("This film, A.K.A. Other", ["aka", "a.k.a"])
    assert not mentions_any("Kafka wrote it", ["aka "])


@settings(max_examples=400, deadline=None)
@given(text=texts, cues=st.lists(words, min_size=1, max_size=3))
def test_cue_patterns_match_as_finditer(text: str, cues: list[str]) -> None:
    rx = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s*\w*", re.I)
    assert spans(literal_finditer(rx, text, cues)) == spans(rx.finditer(text))


@settings(max_examples=400, deadline=None)
@given(text=texts, core=words, article=st.booleans())
def test_title_patterns_match_as_finditer(text: str, core: str, article: bool) -> None:
    rx = _title_pattern(core, article)
    starts = _article_starts if article else None
    assert spans(literal_finditer(rx, text, [core.lower()], starts)) == spans(rx.finditer(text))


def test_title_words_with_article_spaces_and_case() -> None:
    text = "I saw the\u00a0 Ring twice; THE RING, \u0130 think, beats The Ring Two and Ring II."
    assert [text[s:e] for s, e in find_title_words(text, "The Ring")] == ["the\u00a0 Ring", "THE RING", "The Ring"]


def test_words_outside_ascii_scan_the_whole_text() -> None:
    rx = re.compile(r"\bam\u00e9lie\b", re.I)
    assert spans(literal_finditer(rx, "AM\u00c9LIE and Am\u00e9lie", ["am\u00e9lie"])) == [
        (0, 6, "AM\u00c9LIE"),
        (11, 17, "Am\u00e9lie"),
    ]


# Pieces of text around the cues of CONTRAST: the cues, words that hold them, spaces, commas and pronouns.
PIECES = [
    *CONTRAST_WORDS,
    *(w.upper() for w in CONTRAST_WORDS),
    "Although", "alTHOUGH", "hand", "butter", "yeti", "then again", "THEN  AGAIN", "he", "she", "They", "hence",
    "--", " - ", ",", ", ", " ,", "\t", "\n", "  ", " ", "\u00a0", "x", "Ann", "good", ".", "\u2013", "\u017f", "\u212a",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=14), cut=st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_contrast_cues_match_as_finditer(parts: list[str], cut: tuple[int, int]) -> None:
    text = "".join(parts)
    start, end = min(cut), min(max(cut), len(text))
    found = literal_finditer(CONTRAST, text, CONTRAST_WORDS, contrast_starts, start, end)
    assert spans(found) == spans(CONTRAST.finditer(text, start, end))


def test_clauses_cut_at_contrast_words() -> None:
    text = "Ann is fine ; but Tom -- although good -- is dull, and he knows it."
    assert [text[s:e] for s, e in _clauses(text, 0, len(text))] == [
        "Ann is fine",
        "Tom",
        "good",
        "is dull",
        "he knows it.",
    ]


CONTRASTED = [
    "good; bad", "good : bad", "good - bad", "good -- bad", "good \u2014 bad", "good, and he is bad", "good BUT bad",
    "good however bad", "good yet bad", "good, although bad", "good though bad", "good while bad", "good whereas bad",
    "good except bad", "good despite bad", "good, then again, bad", "good, still bad", "good, nevertheless bad",
    "good, nonetheless bad",
]  # fmt: skip


@pytest.mark.parametrize("text", CONTRASTED)
def test_every_contrast_cue_is_found(text: str) -> None:
    expected = spans(CONTRAST.finditer(text))
    assert expected
    assert spans(literal_finditer(CONTRAST, text, CONTRAST_WORDS, contrast_starts)) == expected


CUE_LISTS = [
    (cues_relations.BETTER_CUES, cues_relations.BETTER_ANCHORS),
    (cues_relations.WORSE_CUES, cues_relations.WORSE_ANCHORS),
    (cues_relations.EQUAL_CUES, cues_relations.EQUAL_ANCHORS),
    (cues_relations.SUBJECT_BETTER_CUES, cues_relations.SUBJECT_BETTER_ANCHORS),
    (cues_relations.SUBJECT_WORSE_CUES, cues_relations.SUBJECT_WORSE_ANCHORS),
]
EVERY_CUE = [(cue, anchors) for cues, anchors in CUE_LISTS for cue in cues]


@pytest.mark.parametrize(("cue", "anchors"), EVERY_CUE, ids=[c for c, _ in EVERY_CUE])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_comparison_cue_holds_an_anchor(cue: str, anchors: tuple[str, ...], data: st.DataObject) -> None:
    said = data.draw(st.from_regex(re.compile(cue, re.I), fullmatch=True))
    assert written_between(said, anchors, 0, len(said)), f"{said!r} holds none of {anchors}"


def test_sentences_without_anchors_are_passed_over() -> None:
    text = "Good fun. It is far BETTER than the first. Dull."
    first, second, third = (0, 9), (10, 42), (43, 48)
    assert written_between(text, cues_relations.BETTER_ANCHORS, *second)
    assert not written_between(text, cues_relations.BETTER_ANCHORS, *first)
    assert not written_between(text, cues_relations.BETTER_ANCHORS, *third)
