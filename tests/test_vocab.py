from __future__ import annotations

import pytest

from kg.vocab import FKG, film_iri, fold, fold_title, person_iri, review_iri, slug


@pytest.mark.parametrize(
    "a,b",
    [("Jo Woo-Jin", "Jo Woo-jin"), ("Amélie", "Amelie"), ("Rock & Roll", "rock and roll"), ("Don't", "dont")],
)
def test_fold_makes_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_title_drops_a_leading_article_only() -> None:
    assert fold_title("The Vanishing") == "vanishing"
    assert fold_title("Das Boot") == "boot"
    assert fold_title("The") == "the"


def test_iris_are_stable_and_readable() -> None:
    assert str(film_iri("Don't. Get. Out!", 2018)).endswith("/film/dont-get-out-2018")
    assert person_iri("Jo Woo-Jin") == person_iri("jo woo-jin")
    assert str(review_iri("train/pos/4211_7")).endswith("/review/train/pos/4211_7")
    assert " " not in str(review_iri("a b")) and "#" not in str(review_iri("a#b"))


def test_slug_keeps_names_without_latin_letters_distinct() -> None:
    assert slug("조우진") != slug("지창욱")
    assert slug("조우진")


def test_fkg_namespace_is_closed() -> None:
    assert str(FKG.remakeOf) == "https://w3id.org/filmkg/ontology#remakeOf"
    with pytest.raises(AttributeError):
        FKG.remakeof  # noqa: B018
