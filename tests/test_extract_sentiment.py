"""kg.extract.sentiment: the same compound scores as vaderSentiment, for every sentence."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from kg.extract.lexicon_opinion import REVIEW_VALENCE
from kg.extract.sentiment import plain_analyzer, plain_compound, review_analyzer, review_compound
from kg.extract.text import find_sentences
from kg.reviews import read_reviews

PLAIN = SentimentIntensityAnalyzer()
REVIEW = SentimentIntensityAnalyzer()
REVIEW.lexicon.update(REVIEW_VALENCE)

# Words that VADER's rules turn on: lexicon words, boosters, dampeners, negations, "but", "least",
# idioms and special cases, in several cases and with punctuation; and plain words.
WORDS = (
    "good great GOOD bad BAD awful wonderful dull boring love hate no No not never NEVER isn't ain't without "
    "doubt so this very VERY really kind of sort least at but BUT nor or the shit bomb bad ass yeah right "
    "kiss death to die for cut mustard remake original film Ann plot! fun!! okay?? :) :( dull. lame, "
    "flawed; superb best worst"
).split()
sentences = st.lists(st.sampled_from(WORDS), max_size=16).map(" ".join)


def test_scores_follow_vader_rules() -> None:
    for text in ("Not bad at all.", "The plot was good, but the ending was NOT great!!", "It is the shit.", ""):
        assert plain_analyzer().compound(text) == PLAIN.polarity_scores(text)["compound"]
    assert plain_compound("A wonderful film.") > 0.5 > review_compound("A dull remake.")


@settings(max_examples=600, deadline=None)
@given(text=sentences)
def test_same_scores_as_vader(text: str) -> None:
    assert plain_analyzer().compound(text) == PLAIN.polarity_scores(text)["compound"]
    assert review_analyzer().compound(text) == REVIEW.polarity_scores(text)["compound"]


def test_emojis_are_read_as_vader_reads_them() -> None:
    text = "What a film \U0001f60d but the end \U0001f44e"
    assert plain_analyzer().compound(text) == PLAIN.polarity_scores(text)["compound"] != 0


def test_same_scores_on_the_real_reviews(shared_data: Path) -> None:
    reviews = list(read_reviews([str(shared_data / "aclimdb_remake_reviews" / "reviews.jsonl")]))[:400]
    texts = [r.text[s:e] for r in reviews for s, e in find_sentences(r.text)]
    assert len(texts) > 1000
    assert [plain_analyzer().compound(t) for t in texts] == [PLAIN.polarity_scores(t)["compound"] for t in texts]
    assert [review_analyzer().compound(t) for t in texts] == [REVIEW.polarity_scores(t)["compound"] for t in texts]
