"""The extractors as a whole: any text in, no crash, every claim's evidence inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.model import Extraction, Mention, Review

# words that wake up every extractor, mixed with arbitrary text
CUES = [
    "remake of",
    "the original",
    "remade as",
    "directed by",
    " as ",
    "plays",
    "(1960)",
    "7/10",
    "★★½",
    "B+",
    "not as good as",
    "better than",
    "the sequel",
    "aka",
    '"Psycho"',
    "Anna Berg",
    "Hitchcock's",
    "superb",
    "awful",
    "but",
    "not bad",
    "\n\n",
    "<br />",
    "'",
    "Mr.",
    "II",
    "3 out of 5",
]
texts = st.lists(st.one_of(st.sampled_from(CUES), st.text(max_size=40)), max_size=30).map("".join)


def spans(x: Extraction) -> list[Mention]:
    out = [m for f in x.films for m in f.mentions] + [m for p in x.people for m in p.mentions]
    out += [c.evidence for c in (*x.relations, *x.credits, *x.opinions, *x.comparisons)]
    if x.rating is not None and x.rating.evidence is not None:
        out.append(x.rating.evidence)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts,
    title=st.one_of(st.none(), st.sampled_from(["Psycho", "The Vanishing", "X"]), st.text(max_size=20)),
    year=st.one_of(st.none(), st.integers(1890, 2030)),
)
def test_any_text_gives_a_consistent_extraction(text: str, title: str | None, year: int | None) -> None:
    x = extract(Review(id="fuzz", text=text, film_title=title or None, film_year=year))
    for m in spans(x):
        assert 0 <= m.start <= m.end <= len(text) and text[m.start : m.end] == m.text
    films, people = {f.key for f in x.films}, {p.key for p in x.people}
    assert len(films) == len(x.films) and len(people) == len(x.people)
    assert x.reviewed_film is None or x.reviewed_film in films
    for r in x.relations:
        assert {r.source, r.target} <= films and r.source != r.target
    for c in x.credits:
        assert c.person in people and c.film in films
    for o in x.opinions:
        assert o.target in films | people and -1 <= o.score <= 1
    for c in x.comparisons:
        assert {c.film, c.versus} <= films and c.film != c.versus
    for claim in (*x.relations, *x.credits, *x.opinions, *x.comparisons):
        assert 0 <= claim.confidence <= 1


def test_extraction_is_deterministic() -> None:
    review = Review(
        id="r",
        text='A remake of "Rolig" (2011). Anna Berg plays Ida; not as good as the original. 6/10',
        film_title="Stille Wasser",
        film_year=2019,
    )
    assert extract(review) == extract(review)
