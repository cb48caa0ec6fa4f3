"""Comparisons of one film against another (kg.extract.comparisons), on the team's own sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.extract.comparisons import find_comparisons
from kg.extract.films import find_films
from kg.extract.remakes import find_remakes
from kg.model import MentionKind, Review


def judged(
    text: str, title: str = "Harbour Lights", year: int | None = 2004
) -> list[tuple[str, object, str, str, object]]:
    review = Review(id="t", text=text, film_title=title, film_year=year)
    films, key = find_films(review)
    rels = find_remakes(review, films, reviewed=key)
    by_key = {f.key: f for f in films}
    out = []
    for c in find_comparisons(review, films, reviewed=key, relations=rels):
        assert c.evidence.kind is MentionKind.CUE
        assert review.text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert 0.0 < c.confidence <= 1.0
        a, b = by_key[c.film], by_key[c.versus]
        out.append((a.title, a.year, c.verdict.value, b.title, b.year))
    return out


def normalised(rows: list[tuple[str, object, str, str, object]]) -> set[tuple[object, ...]]:
    """Comparisons with both word orders folded together (A worse than B == B better than A)."""
    flip = {"better": "worse", "worse": "better"}
    out = set()
    for a, ay, v, b, by in rows:
        out.add((a, ay, v, b, by))
        out.add((b, by, flip.get(v, v), a, ay))
    return out


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("This remake is not as good as the 1958 original.", "worse"),
        ("This remake is not a patch on the 1958 original.", "worse"),
        ("This remake is far inferior to the 1958 original.", "worse"),
        ("This remake pales in comparison to the 1958 original.", "worse"),
        ("This remake is much better than the 1958 original.", "better"),
        ("This remake is every bit as good as the 1958 original.", "equal"),
        ("This remake is not as dreadful as the 1958 original.", "better"),
    ],
)
def test_remake_against_original(text: str, verdict: str) -> None:
    assert ("Harbour Lights", 2004, verdict, "Harbour Lights", 1958) in normalised(judged(text))


def test_both_word_orders() -> None:
    """ "The original is far superior" judges the remake worse."""
    text = "This remake of the 1958 film is flat. The original is far superior."
    assert ("Harbour Lights", 2004, "worse", "Harbour Lights", 1958) in normalised(judged(text))


def test_in_all_ways_superior() -> None:
    text = "It is a remake of Midnight Ferry. Midnight Ferry is in every way superior."
    assert ("Harbour Lights", 2004, "worse", "Midnight Ferry", None) in normalised(judged(text))


def test_the_reviewed_film_against_a_list() -> None:
    text = "It holds up far better than 'Iron Gate', 'Glass Roof' and 'Paper Moon Rising'."
    rows = normalised(judged(text))
    for other in ("Iron Gate", "Glass Roof", "Paper Moon Rising"):
        assert ("Harbour Lights", 2004, "better", other, None) in rows


def test_while_clause_before_the_subject() -> None:
    text = "While not as raw as the Danish original, this remake of Stille Vand is still tense."
    assert judged(text, "Quiet Water", 2020) == [("Quiet Water", 2020, "worse", "Stille Vand", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The actors are leagues better than the script.",  # no second film
        "It is better than I expected, and the remake of Midnight Ferry shows it.",
        "I watched the 1958 original last week.",  # two films, no judgement
        "It was little more than a remake of Midnight Ferry.",
    ],
)
def test_no_comparison_without_two_films_and_a_cue(text: str) -> None:
    assert judged(text) == []


def test_one_judgement_per_pair() -> None:
    text = "This remake is worse than the 1958 original. Truly, the remake is inferior to the 1958 original."
    assert len(judged(text)) == 1


def test_dev_gold_comparisons_hold_their_figures(dev_scores: dict[str, Any]) -> None:
    """On the development gold, comparisons keep F1 >= 0.50 and precision >= 0.7 (measured 0.56 / 0.82)."""
    comparisons = dev_scores["comparisons"]
    assert comparisons["f1"] >= 0.50 and comparisons["precision"] >= 0.7, comparisons


def test_seed_review_comparison(shared_data: Path) -> None:
    """The seed review judges Hard Hit worse than Retribution, and makes no other comparison."""
    from kg.reviews import read_reviews

    (review,) = read_reviews([shared_data / "seed"])
    films, key = find_films(review)
    rels = find_remakes(review, films, reviewed=key)
    names = {f.key: f.title for f in films}
    found = [
        (names[c.film], c.verdict.value, names[c.versus])
        for c in find_comparisons(review, films, reviewed=key, relations=rels)
    ]
    assert found == [("Hard Hit", "worse", "Retribution")]


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("This flat and uninspired remake of the 1958 original drags.", "worse"),
        ("It is a sad, bad remake of the 1958 original.", "worse"),
        ("This remake of the 1958 original bored me. Watch the 1958 original instead.", "worse"),
        ("This remake of the 1958 original bored me. Do yourself a favour and rent the 1958 original.", "worse"),
        ("I'll take the 1958 original over this remake any day.", "worse"),
        ("This remake of the 1958 original is fine, but I still prefer the 1958 original.", "worse"),
    ],
)
def test_judgements_without_comparatives(text: str, verdict: str) -> None:
    assert ("Harbour Lights", 2004, verdict, "Harbour Lights", 1958) in normalised(judged(text))


def test_after_seeing_other_films_i_enjoyed_this_one_more() -> None:
    text = 'After "Night Tide" and "Cold Snap" I enjoyed this a lot more.'
    assert normalised(judged(text)) >= {
        ("Harbour Lights", 2004, "better", "Night Tide", None),
        ("Harbour Lights", 2004, "better", "Cold Snap", None),
    }


@pytest.mark.parametrize(
    "text",
    [
        "This remake of the 1958 original is not a bad remake at all.",
        "People complain that this is a weak remake of the 1958 original.",
        "This remake of the 1958 original is fun. If you liked it, watch the 1958 original too.",
        "This remake of the 1958 original is fun; I watched the 1958 original last week.",
    ],
)
def test_no_judgement_from_praise_hearsay_or_plain_mentions(text: str) -> None:
    assert judged(text) == []


def test_a_fan_of_the_original_who_scores_the_remake_low() -> None:
    text = "I am a huge fan of the original. This remake of the 1958 film lost me."
    low = Review(id="t", text=text, film_title="Harbour Lights", film_year=2004, rating="2", rating_best="10")
    films, key = find_films(low)
    rels = find_remakes(low, films, reviewed=key)
    (c,) = find_comparisons(low, films, reviewed=key, relations=rels)
    assert (c.film, c.verdict.value) == (key, "worse")
    high = Review(id="t", text=text, film_title="Harbour Lights", film_year=2004, rating="9", rating_best="10")
    films, key = find_films(high)
    assert find_comparisons(high, films, reviewed=key, relations=find_remakes(high, films, reviewed=key)) == []


def test_better_in_places_and_worse_in_others_is_mixed() -> None:
    text = "Der Zug is the German remake of El tren. It is better than El tren in places and worse in others."
    assert normalised(judged(text, "Der Zug", 2015)) >= {("Der Zug", 2015, "mixed", "El tren", None)}


def test_next_to_the_original_the_remake_is_weaker() -> None:
    text = "This is a remake of El tren (2009). Next to the original, Der Zug is weaker in every way."
    assert ("Der Zug", 2015, "worse", "El tren", 2009) in normalised(judged(text, "Der Zug", 2015))


def test_better_than_it_is_judged_against_the_film_named_before() -> None:
    text = "It was remade in Germany (Der Zug). I have seen the German one: fine, but El tren is better than it."
    assert normalised(judged(text, "El tren", 2009)) == normalised([("El tren", 2009, "better", "Der Zug", None)])


def test_better_than_either_of_them() -> None:
    text = "It was remade in France (Le Train) and in Japan (Night Line). El tren is better than either of them."
    assert normalised(judged(text, "El tren", 2009)) == normalised(
        [("El tren", 2009, "better", "Le Train", None), ("El tren", 2009, "better", "Night Line", None)]
    )


def test_the_better_film_against_its_remake() -> None:
    text = "Tom Berg's The Crossing later remade the first film. I still think Harbour Lights is the better film."
    assert normalised(judged(text, "Harbour Lights", 2002)) == normalised(
        [("Harbour Lights", 2002, "better", "The Crossing", None)]
    )


def test_a_pronoun_that_starts_a_clause_is_no_film() -> None:
    text = "Tom Berg's The Crossing later remade it. This one is not as slow as it seems."
    assert judged(text, "Harbour Lights", 2002) == []


def test_not_much_of_an_improvement_is_no_praise() -> None:
    text = "Harbour Lights remade the 1960 original, and it isn't much of an improvement on it."
    got = normalised(judged(text, "Harbour Lights", 2002))
    assert all(v != "better" or a != "Harbour Lights" or ay != 2002 for a, ay, v, _, _ in got)
