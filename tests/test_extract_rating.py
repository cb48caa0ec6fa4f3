"""Ratings in every common scale, and the stance of a review (kg.extract.rating)."""

from __future__ import annotations

import pytest

from kg.extract.rating import find_rating, find_stance, parse_rating, rating_share
from kg.model import Polarity, Rating, Review


def _review(text: str, **meta: str) -> Review:
    return Review(id="t", text=text, **meta)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value", "best", "written"),
    [
        ("A tight little thriller. 7/10", 7.0, 10.0, "7/10"),
        ("Overall I would give it 8.5 / 10 and no more.", 8.5, 10.0, "8.5 / 10"),
        ("I rated this picture 3 out of 5.", 3.0, 5.0, "3 out of 5"),
        ("Rating: 4 stars out of 5.", 4.0, 5.0, "4 stars out of 5"),
        ("Not much to say. ** from ****", 2.0, 4.0, "** from ****"),
        ("My verdict: ★★½", 2.5, 5.0, "★★½"),
        ("It earns ★★★☆☆ from me.", 3.0, 5.0, "★★★☆☆"),
        ("I give it three reels.", 3.0, 5.0, "three reels"),
        ("Dreadful from start to end. 0/10", 0.0, 10.0, "0/10"),
        ("Awful beyond words: -10 out of 10.", 0.0, 10.0, "-10 out of 10"),
        ("My vote is nine.", 9.0, 10.0, "vote is nine"),
    ],
)
def test_text_ratings_keep_their_scale(text: str, value: float, best: float, written: str) -> None:
    r = find_rating(_review(text))
    assert r is not None
    assert (r.value, r.best, r.text) == (value, best, written)
    assert r.evidence is not None and text[r.evidence.start : r.evidence.end] == written


def test_letter_grade_keeps_its_letters() -> None:
    r = find_rating(_review("A handsome period piece with a weak last act.\nGrade: B+"))
    assert r is not None and (r.value, r.best, r.worst) == ("B+", "A+", "F")


@pytest.mark.parametrize(
    "text, grade",
    [
        ("Slow to start, then it grips you and does not let go.\n\nB+", "B+"),
        ("A remake that forgets why the first one worked.<br /><br />C-", "C-"),
        ("Better than I feared.\nA.", "A"),
    ],
)
def test_a_grade_alone_on_the_last_line_is_the_rating(text: str, grade: str) -> None:
    r = find_rating(_review(text))
    assert r is not None and (r.value, r.best) == (grade, "A+")


@pytest.mark.parametrize(
    "text",
    [
        "The third act is grade A nonsense, and the B movie it copies was better.",
        "I saw it twice.\nA friend of mine loved it.",
    ],
)
def test_letters_that_are_not_a_grade_are_no_rating(text: str) -> None:
    r = find_rating(_review(text))
    assert r is None or r.value not in ("A", "B")


def test_the_reviewers_own_score_wins_over_an_aside_about_another_film() -> None:
    text = "After the trailer for another horror film (dire, 3/10) I expected little. I give this one 8/10."
    r = find_rating(_review(text))
    assert r is not None and r.value == 8.0


@pytest.mark.parametrize(
    "text",
    [
        "It opened on 4/25/08 in two theatres.",
        "The crew worked 24/7 and you can tell.",
        "The star of the show is the score.",
        "He grew up in the fifties, one of ten children.",
    ],
)
def test_no_rating_where_there_is_none(text: str) -> None:
    assert find_rating(_review(text)) is None


def test_metadata_rating_comes_first() -> None:
    r = find_rating(_review("I give it 2/10.", rating="9"))
    assert r is not None and (r.value, r.best, r.evidence) == (9.0, 10.0, None)


def test_metadata_rating_with_its_own_scale() -> None:
    assert parse_rating("6/10") == Rating(6.0, 10.0, 1.0, "6/10")
    assert parse_rating("4", best="5") == Rating(4.0, 5.0, 0.0, "4")
    r = parse_rating("B-")
    assert r is not None and r.value == "B-"
    assert parse_rating("lots") is None


@pytest.mark.parametrize(
    ("rating", "stance"),
    [
        (Rating(8.0, 10.0, 1.0, "8/10"), Polarity.POSITIVE),
        (Rating(6.0, 10.0, 1.0, "6/10"), Polarity.MIXED),
        (Rating(4.0, 10.0, 1.0, "4/10"), Polarity.NEGATIVE),
        (Rating(2.5, 5.0, 0.0, "★★½"), Polarity.MIXED),
        (Rating("A-", "A+", "F", "A-"), Polarity.POSITIVE),
        (Rating("D", "A+", "F", "D"), Polarity.NEGATIVE),
    ],
)
def test_stance_follows_the_rating(rating: Rating, stance: Polarity) -> None:
    got, confidence = find_stance(_review("whatever the text says"), rating=rating, opinions=[], comparisons=[])
    assert got is stance and 0 < confidence <= 1


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "What a wonderful film. The cast is superb and the story gripping. I loved every minute of it.",
            Polarity.POSITIVE,
        ),
        (
            "A dull, lifeless remake. The acting is wooden and the plot is predictable. Avoid this mess.",
            Polarity.NEGATIVE,
        ),
        (
            "The killer stalks the babysitter through a dark house. It is a tense, scary and beautifully made film.",
            Polarity.POSITIVE,
        ),
    ],
)
def test_stance_from_text_alone(text: str, stance: Polarity) -> None:
    assert find_stance(_review(text), rating=None, opinions=[], comparisons=[])[0] is stance


def test_rating_share_places_every_scale() -> None:
    assert rating_share(Rating(3.0, 4.0, 0.0, "***")) == 0.75
    assert rating_share(Rating("F", "A+", "F", "F")) is not None
