from __future__ import annotations

import pytest

from kg.model import (
    Credit,
    Entity,
    Extraction,
    Film,
    Link,
    Links,
    Mention,
    MentionKind,
    Opinion,
    Polarity,
    Review,
    Role,
    Verdict,
)


def test_mention_checks_its_span() -> None:
    body = "a remake of Psycho"
    assert Mention.of(body, 12, 18, MentionKind.FILM).text == "Psycho"
    with pytest.raises(ValueError, match="past the end"):
        Mention.of(body, 12, 40)
    with pytest.raises(ValueError, match="does not fit"):
        Mention(0, 3, MentionKind.CUE, "ab")
    with pytest.raises(ValueError, match="bad span"):
        Mention(5, 2, MentionKind.CUE, "")


def test_model_is_immutable() -> None:
    review = Review(id="r", text="x")
    with pytest.raises(AttributeError):
        review.text = "y"  # type: ignore[misc]


def test_verdict_flips_both_ways() -> None:
    assert Verdict.BETTER.flipped() is Verdict.WORSE
    assert Verdict.WORSE.flipped() is Verdict.BETTER
    assert Verdict.MIXED.flipped() is Verdict.MIXED


def test_min_confidence_drops_weak_claims_and_stance() -> None:
    body = "Smith is superb as Bob."
    ev = Mention.of(body, 0, 5)
    x = Extraction(
        review=Review(id="r", text=body),
        films=(Film("f0", "X"),),
        credits=(Credit("p0", "f0", Role.ACTOR, ev, "Bob", 0.9), Credit("p1", "f0", Role.DIRECTOR, ev, None, 0.3)),
        opinions=(Opinion("p0", Polarity.POSITIVE, ev, confidence=0.4),),
        stance=Polarity.POSITIVE,
        stance_confidence=0.5,
    )
    kept = x.with_min_confidence(0.5)
    assert [c.role for c in kept.credits] == [Role.ACTOR]
    assert kept.opinions == ()
    assert kept.stance is Polarity.POSITIVE
    assert x.with_min_confidence(0.6).stance is None
    assert len(x.credits) == 2  # the original is untouched


def test_links_find_by_key() -> None:
    entity = Entity("psycho-1960", "Psycho", 1960, wikidata="Q163038")
    links = Links.of([Link("f0", entity, 0.9)], catalog="builtin")
    assert links.get("f0") is not None and links.get("f0").entity.wikidata == "Q163038"  # type: ignore[union-attr]
    assert links.get("f1") is None
