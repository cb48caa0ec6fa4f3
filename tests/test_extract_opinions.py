"""Praise and criticism of people's work and of films (kg.extract.opinions)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from kg.extract.opinions import find_opinions, valence
from kg.model import Film, Mention, MentionKind, Person, Polarity, Review
from kg.vocab import slug

NAMES = ("Ann Lee", "Tom Hardy", "Rosa Diaz", "Mark Stone")


def _people(text: str) -> list[Person]:
    out = []
    for name in NAMES:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        spans += [
            (m.start(), m.end())
            for m in re.finditer(rf"\b{name.split()[-1]}\b", text)
            if not any(s <= m.start() < e for s, e in spans)
        ]
        if spans:
            out.append(Person(slug(name), name, tuple(Mention.of(text, s, e, MentionKind.PERSON) for s, e in spans)))
    return out


def _films(text: str, titles: tuple[str, ...]) -> list[Film]:
    return [
        Film(
            key=f"f{i}",
            title=t,
            mentions=tuple(
                Mention.of(text, m.start(), m.end(), MentionKind.FILM) for m in re.finditer(re.escape(t), text)
            ),
        )
        for i, t in enumerate(titles)
    ]


def _opinions(text: str, *films: str, rating: str | None = None) -> dict[str, set[Polarity]]:
    review = Review(id="t", text=text, rating=rating)
    got: dict[str, set[Polarity]] = {}
    for o in find_opinions(review, _films(text, ("Night Train", *films)), _people(text), reviewed="f0"):
        got.setdefault(o.target, set()).add(o.polarity)
        assert text[o.evidence.start : o.evidence.end] == o.evidence.text
        assert o.evidence.kind is MentionKind.CUE
        assert 0 < o.confidence <= 1 and -1 <= o.score <= 1
    return got


POS, NEG = {Polarity.POSITIVE}, {Polarity.NEGATIVE}


@pytest.mark.parametrize(
    ("text", "target", "polarity"),
    [
        ("Ann Lee is absolutely wonderful in the lead.", "ann-lee", POS),
        ("Tom Hardy gives a wooden, lifeless performance.", "tom-hardy", NEG),
        ("The picture is lifted by a superb performance from Rosa Diaz.", "rosa-diaz", POS),
        ("And then there is the wonderful Ann Lee, who steals every scene.", "ann-lee", POS),
        ("I also liked Mark Stone as the neighbour.", "mark-stone", POS),
        ("Tom Hardy steals the show.", "tom-hardy", POS),
        ("Rosa Diaz isn't much of an actress, sadly.", "rosa-diaz", NEG),
        ("Mark Stone is not as convincing as he could have been.", "mark-stone", NEG),
        ("Ann Lee's performance is heartbreaking and brave.", "ann-lee", POS),
        ("Tom Hardy is not bad at all.", "tom-hardy", POS),
        ("His friends are leagues better than Mark Stone ever was.", "mark-stone", NEG),
    ],
)
def test_judgements_of_a_persons_work(text: str, target: str, polarity: set[Polarity]) -> None:
    assert _opinions(text).get(target) == polarity


def test_contrast_gives_both_sides() -> None:
    got = _opinions("Ann Lee is charming in the first half, but she is dull and stiff in the second.")
    assert got["ann-lee"] == {Polarity.POSITIVE, Polarity.NEGATIVE}


def test_contrast_keeps_each_person_apart() -> None:
    got = _opinions("Ann Lee is wonderful, but Tom Hardy is awful.")
    assert got["ann-lee"] == POS and got["tom-hardy"] == NEG


def test_a_list_of_names_shares_its_predicate() -> None:
    got = _opinions("Ann Lee, Tom Hardy and Rosa Diaz are all excellent.")
    del got["f0"]
    assert got == {"ann-lee": POS, "tom-hardy": POS, "rosa-diaz": POS}


def test_a_pronoun_carries_the_judgement_to_the_person_just_named() -> None:
    got = _opinions("The landlord is played by Mark Stone. He is terrible.")
    assert got.get("mark-stone") == NEG


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee plays a nurse who kills her husband in a brutal murder.",
        "My brother Tom Hardy hated it, but he hates everything.",
        "Rosa Diaz was born in Madrid and moved to Rome.",
        "Mark Stone is a journalist in the story.",
        "The novel isn't what Rosa Diaz is adapting, though.",  # a clause before the name, not words about her
    ],
)
def test_no_opinion_of_a_person_where_none_is_given(text: str) -> None:
    got = _opinions(text)
    assert "ann-lee" not in got and "rosa-diaz" not in got and "mark-stone" not in got


def test_other_films_are_judged_by_their_own_words() -> None:
    got = _opinions("Unlike the timid Night Train, Ghost Road is gripping and brilliant.", "Ghost Road")
    assert got["f1"] == POS


def test_not_as_good_as_praises_the_other_film() -> None:
    got = _opinions("It is not as tense or raw as Ghost Road, but it has its moments.", "Ghost Road")
    assert got["f1"] == POS


def test_the_reviewed_film_takes_the_polarity_of_the_rating() -> None:
    text = "The plot is thin. Still, this film is fun and the cast is lovely."
    assert _opinions(text, rating="6")["f0"] == {Polarity.MIXED}
    assert _opinions(text, rating="9")["f0"] == POS


def test_the_reviewed_film_without_a_rating_is_judged_by_the_text() -> None:
    assert _opinions("This film is a dull, lifeless mess. Avoid it.")["f0"] == NEG


def test_feature_is_named_where_the_words_name_it() -> None:
    review = Review(id="t", text="Tom Hardy gives a terrific performance.")
    (op,) = [o for o in find_opinions(review, [], _people(review.text), reviewed=None)]
    assert op.feature == "performance" and op.score > 0


def test_valence_handles_negation() -> None:
    assert valence("not bad".split())[0] > 0
    assert valence("not good".split())[0] < 0
    assert valence("a dull film".split())[0] < 0


@pytest.mark.parametrize(
    ("text", "target", "polarity"),
    [
        (
            "Ann Lee's score (nominated for an award) is tinny and cheap, but nevertheless haunting.",
            "ann-lee",
            {Polarity.NEGATIVE, Polarity.POSITIVE},
        ),
        ("Tom Hardy is wonderful, but dull in the last act.", "tom-hardy", {Polarity.NEGATIVE, Polarity.POSITIVE}),
        ("Rosa Diaz in particular is miscast.", "rosa-diaz", NEG),
        ("Mark Stone was the real revelation for me.", "mark-stone", POS),
        ("Ann Lee and Tom Hardy act like they wish they were anywhere else.", "tom-hardy", NEG),
        ("The film boasts an excellent screenplay by Rosa Diaz.", "rosa-diaz", POS),
        ("The caves are well shot by Mark Stone.", "mark-stone", POS),
        ("Tom Hardy appears to have matured as an actor.", "tom-hardy", POS),
    ],
)
def test_more_judgements_of_people(text: str, target: str, polarity: set[Polarity]) -> None:
    assert _opinions(text).get(target) == polarity


def test_a_turn_with_another_target_is_not_the_first_ones() -> None:
    got = _opinions("Tom Hardy is great, but Night Train is a mess.")
    assert got.get("tom-hardy") == POS


def test_dev_gold_opinions_stance_and_rating_hold_their_figures(dev_scores: dict[str, Any]) -> None:
    """Opinions, stance and rating on the development gold stay within 0.03 of the recorded figures.

    Recorded (issue 3): opinions P 0.822 R 0.464 F1 0.594; stance 0.983; rating 1.000.
    """
    res = dev_scores
    opinions = res["opinions"]
    assert opinions["f1"] >= 0.594 - 0.03 and opinions["precision"] >= 0.7, opinions
    assert res["stance_accuracy"]["accuracy"] >= 0.983 - 0.03
    assert res["rating_accuracy"]["accuracy"] >= 1.0 - 0.03
