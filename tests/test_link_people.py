"""People the catalog credits in a review's films: names with no cue, surnames, misspellings (kg.link.people)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.link import MemoryCatalog, link, parse_catalog, resolve
from kg.link.people import match_credited
from kg.model import Credit, Extraction, Film, Mention, MentionKind, Person, Review, Role

# Facts of real films (titles, years, directors, leading casts); the sentences below are the team's own.
CATALOG_TTL = """
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix fkg: <https://w3id.org/filmkg/ontology#> .
@base <https://w3id.org/filmkg/id/> .

<film/psycho-1960> a schema:Movie ; schema:name "Psycho" ; schema:datePublished "1960"^^xsd:gYear ;
    schema:director <person/alfred-hitchcock> ; schema:actor <person/anthony-perkins>, <person/janet-leigh> .
<film/psycho-1998> a schema:Movie ; schema:name "Psycho" ; schema:datePublished "1998"^^xsd:gYear ;
    schema:director <person/gus-van-sant> ; schema:actor <person/vince-vaughn>, <person/anne-heche> ;
    fkg:remakeOf <film/psycho-1960> .
<film/the-birds-1963> a schema:Movie ; schema:name "The Birds" ; schema:datePublished "1963"^^xsd:gYear ;
    schema:director <person/alfred-hitchcock> ; schema:actor <person/tippi-hedren> .
<film/unfaithful-2002> a schema:Movie ; schema:name "Unfaithful" ; schema:datePublished "2002"^^xsd:gYear ;
    schema:director <person/adrian-lyne> ; schema:actor <person/richard-gere>, <person/diane-lane> .
<film/la-femme-infidele-1969> a schema:Movie ; schema:name "La Femme infidèle" ;
    schema:datePublished "1969"^^xsd:gYear ; schema:director <person/claude-chabrol> ;
    schema:actor <person/stephane-audran>, <person/michel-bouquet> .
<film/the-royal-tenenbaums-2001> a schema:Movie ; schema:name "The Royal Tenenbaums" ;
    schema:datePublished "2001"^^xsd:gYear ; schema:director <person/wes-anderson> ;
    schema:actor <person/owen-wilson>, <person/luke-wilson> .
<person/alfred-hitchcock> a schema:Person ; schema:name "Alfred Hitchcock" .
<person/anthony-perkins> a schema:Person ; schema:name "Anthony Perkins" .
<person/janet-leigh> a schema:Person ; schema:name "Janet Leigh" .
<person/gus-van-sant> a schema:Person ; schema:name "Gus Van Sant" .
<person/vince-vaughn> a schema:Person ; schema:name "Vince Vaughn" .
<person/anne-heche> a schema:Person ; schema:name "Anne Heche" .
<person/tippi-hedren> a schema:Person ; schema:name "Tippi Hedren" .
<person/adrian-lyne> a schema:Person ; schema:name "Adrian Lyne" .
<person/richard-gere> a schema:Person ; schema:name "Richard Gere" .
<person/diane-lane> a schema:Person ; schema:name "Diane Lane" .
<person/claude-chabrol> a schema:Person ; schema:name "Claude Chabrol" .
<person/stephane-audran> a schema:Person ; schema:name "Stéphane Audran" .
<person/michel-bouquet> a schema:Person ; schema:name "Michel Bouquet" .
<person/wes-anderson> a schema:Person ; schema:name "Wes Anderson" .
<person/owen-wilson> a schema:Person ; schema:name "Owen Wilson" .
<person/luke-wilson> a schema:Person ; schema:name "Luke Wilson" .
"""


@pytest.fixture(scope="module")
def catalog() -> MemoryCatalog:
    return parse_catalog(CATALOG_TTL, name="test")


def credits_of(text: str, catalog: MemoryCatalog, *, title: str, year: int) -> set[tuple[str, str, str, int | None]]:
    """(catalog name of the person, role, film title, film year) of every credit a build would write."""
    x = resolve(extract(Review(id="r", text=text, film_title=title, film_year=year)), catalog)
    links = link(x, catalog)
    out = set()
    for c in x.credits:
        lk = links.get(c.person)
        f = x.film(c.film)
        out.add((lk.entity.name if lk else x.person(c.person).name, c.role.value, f.title, f.year))
    return out


def test_a_full_name_with_no_cue_gets_the_part_the_catalog_credits(catalog: MemoryCatalog) -> None:
    text = "A pointless copy. Anne Heche tries hard, but nothing here is frightening."
    assert ("Anne Heche", "actor", "Psycho", 1998) in credits_of(text, catalog, title="Psycho", year=1998)


def test_the_credit_keeps_the_words_and_a_lower_confidence(catalog: MemoryCatalog) -> None:
    text = "A pointless copy. Anne Heche tries hard, but nothing here is frightening."
    x = resolve(extract(Review(id="r", text=text, film_title="Psycho", film_year=1998)), catalog)
    (credit,) = [c for c in x.credits if x.person(c.person).name == "Anne Heche"]
    assert credit.evidence.text == "Anne Heche" and text[credit.evidence.start : credit.evidence.end] == "Anne Heche"
    assert credit.confidence < 1.0


def test_a_surname_alone_is_the_credited_person(catalog: MemoryCatalog) -> None:
    text = "Nobody needed it, and Van Sant's shot-for-shot copy proves the point."
    found = credits_of(text, catalog, title="Psycho", year=1998)
    assert ("Gus Van Sant", "director", "Psycho", 1998) in found


def test_a_misspelt_name_is_linked_to_the_credited_spelling(catalog: MemoryCatalog) -> None:
    text = "It stars Vince Vaughan as Norman Bates, and he is miscast."
    x = resolve(extract(Review(id="r", text=text, film_title="Psycho", film_year=1998)), catalog)
    links = link(x, catalog)
    (person,) = [p for p in x.people if p.name == "Vince Vaughan"]
    lk = links.get(person.key)
    assert lk is not None and lk.entity.name == "Vince Vaughn"


def test_people_of_both_films_of_a_review(catalog: MemoryCatalog) -> None:
    text = "Gus Van Sant remade Psycho (1960) in 1998. Janet Leigh was a real star; Anne Heche is merely competent."
    found = credits_of(text, catalog, title="Psycho", year=1998)
    assert {("Janet Leigh", "actor", "Psycho", 1960), ("Anne Heche", "actor", "Psycho", 1998)} <= found
    assert ("Janet Leigh", "actor", "Psycho", 1998) not in found


# (review of, year, words that name nobody the catalog credits, the same words naming the person, the person)
NO_NAME_CASES = [
    # the person's film is not named in the review: nothing from the catalog's cast lists
    ("Psycho", 1998, "A pointless copy. Tippi Hedren would have been a better choice.",
     "A pointless copy of The Birds (1963). Tippi Hedren would have been a better choice.", "Tippi Hedren"),
    # a surname that is also a word of this review
    ("Unfaithful", 2002, "A stroll down memory lane for fans of Lane, and of nothing else.",
     "A stroll for fans of Lane, and of nothing else.", "Diane Lane"),
    # a surname as a sentence's first word, not possessive
    ("Psycho", 1998, "Psycho (1960) still wins. Leigh is a name I will not forget.",
     "Psycho (1960) still wins. Leigh's scream is a sound I will not forget.", "Janet Leigh"),
    # another first name before the surname: someone else
    ("Psycho", 1998, "Psycho (1960) still wins. Jennifer Leigh could have played it better.",
     "Psycho (1960) still wins. Only Leigh could have played it better.", "Janet Leigh"),
]  # fmt: skip


@pytest.mark.parametrize("title, year, text, named, person", NO_NAME_CASES)
def test_no_credit_without_the_name_of_a_credited_person(
    catalog: MemoryCatalog, title: str, year: int, text: str, named: str, person: str
) -> None:
    assert person not in {n for n, *_ in credits_of(text, catalog, title=title, year=year)}
    assert person in {n for n, *_ in credits_of(named, catalog, title=title, year=year)}  # the words that do name them


def test_a_surname_two_credited_people_share_stays_unresolved(catalog: MemoryCatalog) -> None:
    text = "A film of small pleasures, though Wilson steals every scene he is in."
    found = credits_of(text, catalog, title="The Royal Tenenbaums", year=2001)
    assert not {n for n, *_ in found} & {"Owen Wilson", "Luke Wilson"}


def test_a_name_inside_a_film_title_is_not_a_mention() -> None:
    ttl = CATALOG_TTL + (
        '<film/rocket-1996> a schema:Movie ; schema:name "Rocket" ; schema:datePublished "1996"^^xsd:gYear ; '
        "schema:actor <person/jim-rocket> .\n"
        '<person/jim-rocket> a schema:Person ; schema:name "Jim Rocket" .\n'
    )  # "Rocket" alone would pass for Jim Rocket's surname, but it is the film's title here
    found = credits_of("I still prefer Rocket (1996).", parse_catalog(ttl, name="t"), title="Rocket", year=1996)
    assert not found


def test_accents_need_not_be_written(catalog: MemoryCatalog) -> None:
    text = 'It remakes "La Femme infidèle" (1969), where Stephane Audran never raises her voice; nor does Chabrol.'
    found = credits_of(text, catalog, title="Unfaithful", year=2002)
    assert ("Stéphane Audran", "actor", "La Femme infidèle", 1969) in found
    assert ("Claude Chabrol", "director", "La Femme infidèle", 1969) in found


def test_a_credit_in_the_wrong_film_moves_to_the_film_the_catalog_credits(catalog: MemoryCatalog) -> None:
    text = "Unfaithful (2002) redoes La Femme infidèle (1969). Richard Gere is fine."
    span = text.index("Richard Gere")
    gere = Person("richard-gere", "Richard Gere", (Mention.of(text, span, span + 12, MentionKind.PERSON),))
    films = (
        Film("f0", "Unfaithful", 2002, mentions=(Mention.of(text, 0, 10, MentionKind.FILM),)),
        Film("f1", "La Femme infidèle", 1969, mentions=(Mention.of(text, 25, 42, MentionKind.FILM),)),
    )
    wrong = Credit("richard-gere", "f1", Role.ACTOR, gere.mentions[0])  # the words tied him to the 1969 film
    x = Extraction(review=Review(id="r", text=text), films=films, people=(gere,), credits=(wrong,), reviewed_film="f0")
    out = resolve(x, catalog)
    assert {(c.person, c.film, c.role) for c in out.credits} == {("richard-gere", "f0", Role.ACTOR)}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Anne Heche", "Anne Heche"),
        ("anne heche", "Anne Heche"),
        ("Heche", "Anne Heche"),
        ("Van Sant", "Gus Van Sant"),
        ("Ann Heche", "Anne Heche"),
        ("Vince Vaughan", "Vince Vaughn"),
        ("Vince", None),  # a first name alone
        ("Sant", None),  # part of a surname
        ("Anna Heck", None),  # too far
        ("Bill Vaughn", None),  # another first name
    ],
)
def test_match_credited(catalog: MemoryCatalog, name: str, expected: str | None) -> None:
    from kg.link.people import credited_people
    from kg.model import Link, Links

    ent = catalog.entity("psycho-1998")
    assert ent is not None
    people = credited_people(Links.of([Link("f0", ent, 1.0)]), catalog)
    found = match_credited(name, people.values())
    assert (found.person.name if found else None) == expected


def test_a_catalog_name_without_words_is_no_mention() -> None:
    ttl = CATALOG_TTL.replace(
        '<person/anne-heche> a schema:Person ; schema:name "Anne Heche" .',
        '<person/anne-heche> a schema:Person ; schema:name "Anne Heche" .\n'
        '<film/psycho-1998> schema:actor <person/odd> .\n<person/odd> a schema:Person ; schema:name "x (1998)" .',
    )
    found = credits_of(
        "A pointless copy. Anne Heche tries hard.", parse_catalog(ttl, name="t"), title="Psycho", year=1998
    )
    assert {n for n, *_ in found} == {"Anne Heche"}


NAME_CUES = [
    "Anne Heche", "Heche", "Heche's", "Van Sant", "Van Sant's", "Vince Vaughan", "Janet Leigh", "Leigh",
    "Stephane Audran", "Stéphane", "Lane", "memory lane", "Wilson", "Psycho", '"Psycho" (1960)', "Unfaithful",
    "(1998)", "remake of", "the original", ". ", "\n", "<br />", "'s", "Jennifer", " ", ",", "superb", "x (1998)",
]  # fmt: skip
FUZZ_CATALOG = parse_catalog(  # with a name of no words, as a scraped list may hold
    CATALOG_TTL
    + '<film/psycho-1998> schema:actor <person/odd> .\n<person/odd> a schema:Person ; schema:name "x (1998)" .\n',
    name="fuzz",
)
texts = st.lists(st.one_of(st.sampled_from(NAME_CUES), st.text(max_size=12)), max_size=25).map("".join)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    text=texts,
    title=st.sampled_from(["Psycho", "Unfaithful", "The Royal Tenenbaums"]),
    year=st.sampled_from([None, 1960, 1998, 2002]),
)
def test_any_text_gives_credits_inside_it(text: str, title: str, year: int | None) -> None:
    x = resolve(extract(Review(id="fuzz", text=text, film_title=title, film_year=year)), FUZZ_CATALOG)
    films, people = {f.key for f in x.films}, {p.key for p in x.people}
    assert len(people) == len(x.people)
    for p in x.people:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
    for c in x.credits:
        assert c.person in people and c.film in films and 0 <= c.confidence <= 1
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert len({(c.person, c.film, c.role) for c in x.credits}) <= len(x.credits)
