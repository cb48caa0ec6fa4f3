"""Linking: candidates, disambiguation, resolve(), user catalogs (kg.link)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import CatalogError
from kg.link import (
    CATALOG_PREFIX,
    MemoryCatalog,
    catalog_facts,
    find_cues,
    known_remakes,
    link,
    load_catalog,
    parse_catalog,
    resolve,
)
from kg.model import Extraction, Film, Mention, MentionKind, Person, Relation, RelationKind, Review

# A small catalog in the contract's shape. Facts of real films (titles, years, countries,
# directors); the ids of the 2015 and 2021 films are those the shared remake lists give.
CATALOG_TTL = """
@prefix schema: <https://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix fkg: <https://w3id.org/filmkg/ontology#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/filmkg/id/> .

<film/retribution-2015> a schema:Movie ; schema:name "Retribution" ; schema:alternateName "El desconocido" ;
    schema:datePublished "2015"^^xsd:gYear ; schema:countryOfOrigin <country/ES> ;
    schema:director <person/dani-de-la-torre> ; schema:actor <person/luis-tosar> ; owl:sameAs wd:Q21218461 .
<film/retribution-2023> a schema:Movie ; schema:name "Retribution" ;
    schema:datePublished "2023"^^xsd:gYear ; schema:countryOfOrigin <country/US> ;
    schema:director <person/nimrod-antal> ; schema:actor <person/liam-neeson> ;
    fkg:remakeOf <film/retribution-2015> .
<film/hard-hit-2021> a schema:Movie ; schema:name "Hard Hit" ; schema:alternateName "Restricted Call" ;
    schema:datePublished "2021"^^xsd:gYear ; schema:countryOfOrigin <country/KR> ;
    schema:director <person/kim-chang-ju> ; schema:actor <person/jo-woo-jin> ;
    owl:sameAs wd:Q106882211 ; fkg:remakeOf <film/retribution-2015> .
<film/steig-nicht-aus-2018> a schema:Movie ; schema:name "Steig. Nicht. Aus!" ;
    schema:datePublished "2018"^^xsd:gYear ; schema:countryOfOrigin <country/DE> ;
    fkg:remakeOf <film/retribution-2015> .
<film/les-diaboliques-1955> a schema:Movie ; schema:name "Les Diaboliques" ; schema:alternateName "Diabolique" ;
    schema:datePublished "1955"^^xsd:gYear ; schema:countryOfOrigin <country/FR> ;
    schema:sameAs <https://www.imdb.com/title/tt0046911/> .
<film/amelie-2001> a schema:Movie ; schema:name "Amélie" ; schema:datePublished "2001"^^xsd:gYear .
<film/psycho-1960> a schema:Movie ; schema:name "Psycho" ; schema:datePublished "1960"^^xsd:gYear ;
    schema:director <person/alfred-hitchcock> ; schema:sameAs <https://www.imdb.com/title/tt0054215/> .
<film/psycho-1998> a schema:Movie ; schema:name "Psycho" ; schema:datePublished "1998"^^xsd:gYear ;
    schema:director <person/gus-van-sant> ; schema:sameAs <https://www.imdb.com/title/tt0155975/> ;
    fkg:remakeOf <film/psycho-1960> .
<film/heat-1995> a schema:Movie ; schema:name "Heat" ; schema:datePublished "1995"^^xsd:gYear .
<person/dani-de-la-torre> a schema:Person ; schema:name "Dani de la Torre" .
<person/luis-tosar> a schema:Person ; schema:name "Luis Tosar" .
<person/nimrod-antal> a schema:Person ; schema:name "Nimród Antal" .
<person/liam-neeson> a schema:Person ; schema:name "Liam Neeson" .
<person/kim-chang-ju> a schema:Person ; schema:name "Kim Chang-ju" .
<person/jo-woo-jin> a schema:Person ; schema:name "Jo Woo-jin" .
<person/alfred-hitchcock> a schema:Person ; schema:name "Alfred Hitchcock" .
<person/gus-van-sant> a schema:Person ; schema:name "Gus Van Sant" .
"""


@pytest.fixture(scope="module")
def catalog() -> MemoryCatalog:
    return parse_catalog(CATALOG_TTL, name="test")


def film(body: str, phrase: str, key: str, *, year: int | None = None, countries: tuple[str, ...] = ()) -> Film:
    start = body.index(phrase)
    return Film(key, phrase, year, countries=countries, mentions=(Mention.of(body, start, start + len(phrase)),))


def linked(extraction: Extraction, catalog: MemoryCatalog) -> dict[str, str | None]:
    links = link(extraction, catalog)
    return {f.key: (lk.entity.key if (lk := links.get(f.key)) else None) for f in extraction.films}


# -- candidates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title,year,best",
    [
        ("Retribution", 2023, "retribution-2023"),
        ("Retribution", 2015, "retribution-2015"),
        ("El desconocido", None, "retribution-2015"),  # an alternate title
        ("Restricted Call", 2021, "hard-hit-2021"),
        ("Diaboliques", 1955, "les-diaboliques-1955"),  # article dropped
        ("The Diabolique", None, "les-diaboliques-1955"),  # article added to an alternate title
        ("Amelie", None, "amelie-2001"),  # accent dropped
        ("AMÉLIE", 2001, "amelie-2001"),
        ("Steig Nicht Aus", 2018, "steig-nicht-aus-2018"),  # punctuation
        ("Restricted Cal", 2021, "hard-hit-2021"),  # a typo: fuzzy
    ],
)
def test_candidates_find_the_film_by_any_of_its_titles(
    catalog: MemoryCatalog, title: str, year: int | None, best: str
) -> None:
    found = catalog.candidates(title, year=year)
    assert found and found[0].entity.key == best


def test_candidates_score_exact_above_folded_above_fuzzy(catalog: MemoryCatalog) -> None:
    exact = catalog.candidates("Hard Hit")[0].score
    alternate = catalog.candidates("Restricted Call")[0].score
    fuzzy = catalog.candidates("Restricted Cal")[0].score
    assert exact == 1.0 > alternate > fuzzy > 0.7


def test_candidates_of_an_unknown_title_are_empty(catalog: MemoryCatalog) -> None:
    assert catalog.candidates("A Film Nobody Made") == []


def test_a_wrong_year_costs_most_of_the_score(catalog: MemoryCatalog) -> None:
    scores = {c.entity.key: c.score for c in catalog.candidates("Retribution", year=2023)}
    assert scores["retribution-2023"] == 1.0 and scores["retribution-2015"] < 0.5


# -- disambiguation ----------------------------------------------------------------------------


def test_same_title_different_years_link_to_different_films(catalog: MemoryCatalog) -> None:
    body = "Retribution with Liam Neeson copies Retribution, the Spanish thriller, scene by scene."
    x = Extraction(
        review=Review(id="r1", text=body),
        films=(film(body, "Retribution", "f0", year=2023), Film("f1", "Retribution", 2015)),
        reviewed_film="f0",
    )
    assert linked(x, catalog) == {"f0": "retribution-2023", "f1": "retribution-2015"}


def test_country_decides_between_films_of_one_title(catalog: MemoryCatalog) -> None:
    body = "Retribution is a tight Spanish thriller."
    x = Extraction(review=Review(id="r2", text=body), films=(film(body, "Retribution", "f0", countries=("ES",)),))
    assert linked(x, catalog) == {"f0": "retribution-2015"}
    x_us = Extraction(review=Review(id="r3", text=body), films=(film(body, "Retribution", "f0", countries=("US",)),))
    assert linked(x_us, catalog) == {"f0": "retribution-2023"}


def test_a_title_many_films_share_stays_unlinked_without_context(catalog: MemoryCatalog) -> None:
    body = "I watched Retribution last night."
    x = Extraction(review=Review(id="r4", text=body), films=(film(body, "Retribution", "f0"),))
    links = link(x, catalog)
    assert links.get("f0") is None
    assert links.catalog == "test"  # consulted: emit marks the film fkg:UnlinkedFilm


def test_co_mentioned_people_decide(catalog: MemoryCatalog) -> None:
    body = "Retribution gives Luis Tosar his best part."
    start = body.index("Luis Tosar")
    x = Extraction(
        review=Review(id="r5", text=body),
        films=(film(body, "Retribution", "f0"),),
        people=(Person("p0", "Luis Tosar", (Mention(start, start + 10, MentionKind.PERSON, "Luis Tosar"),)),),
    )
    assert linked(x, catalog) == {"f0": "retribution-2015"}
    assert link(x, catalog).get("p0") is not None


def test_remake_family_of_the_reviewed_film_decides(catalog: MemoryCatalog) -> None:
    body = "Hard Hit is a remake of Retribution and keeps its best trick."
    x = Extraction(
        review=Review(id="r6", text=body),
        films=(film(body, "Hard Hit", "f0", year=2021), film(body, "Retribution", "f1")),
        reviewed_film="f0",
    )
    assert linked(x, catalog) == {"f0": "hard-hit-2021", "f1": "retribution-2015"}


def test_reviewed_film_is_found_by_its_imdb_id(catalog: MemoryCatalog) -> None:
    body = "Van Sant copied every shot."
    x = Extraction(
        review=Review(id="r7", text=body, film_title="Psycho", imdb_id="tt0155975"),
        films=(Film("f0", "Psycho"),),
        reviewed_film="f0",
    )
    assert linked(x, catalog) == {"f0": "psycho-1998"}


def test_a_common_word_title_without_year_or_context_stays_unlinked(catalog: MemoryCatalog) -> None:
    body = "The heat in the cinema was unbearable, but Heat is a fine film."
    x = Extraction(review=Review(id="r8", text=body), films=(film(body, "Heat", "f0"),))
    assert linked(x, catalog) == {"f0": None}
    dated = Extraction(review=Review(id="r9", text=body), films=(film(body, "Heat", "f0", year=1995),))
    assert linked(dated, catalog) == {"f0": "heat-1995"}


def test_an_unknown_film_stays_unlinked(catalog: MemoryCatalog) -> None:
    body = "Midnight Harbour (1987) is the film this borrows from."
    x = Extraction(review=Review(id="r10", text=body), films=(film(body, "Midnight Harbour", "f0", year=1987),))
    assert linked(x, catalog) == {"f0": None}


def test_a_fuzzy_match_with_the_wrong_year_stays_unlinked(catalog: MemoryCatalog) -> None:
    body = "Restricted Cal from 1990 is a different story."
    x = Extraction(review=Review(id="r11", text=body), films=(film(body, "Restricted Cal", "f0", year=1990),))
    assert linked(x, catalog) == {"f0": None}


def test_no_catalog_links_nothing_and_marks_nothing() -> None:
    x = Extraction(review=Review(id="r", text="Psycho"), films=(Film("f0", "Psycho", 1960),))
    assert link(x) == link(x, None) and link(x).catalog is None


def test_people_are_linked_by_name_and_credits(catalog: MemoryCatalog) -> None:
    body = "Jo Woo-Jin carries Hard Hit."
    x = Extraction(
        review=Review(id="r12", text=body),
        films=(film(body, "Hard Hit", "f0", year=2021),),
        people=(Person("p0", "Jo Woo-Jin"), Person("p1", "Some Stranger")),
        reviewed_film="f0",
    )
    links = link(x, catalog)
    assert links.get("p0") is not None and links.get("p0").entity.key == "jo-woo-jin"  # type: ignore[union-attr]
    assert links.get("p1") is None


# -- resolve(): what the review says, pinned down by the catalog ---------------------------------


def test_the_original_of_a_known_remake_is_identified() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "Nothing here beats the original; this version only copies it."
    x = Extraction(
        review=Review(id="r13", text=body, film_title="Psycho", imdb_id="tt0155975"),
        films=(Film("f0", "Psycho", 1998),),
        reviewed_film="f0",
    )
    done = resolve(x, cat)
    assert len(done.relations) == 1
    rel = done.relations[0]
    assert (rel.source, rel.target) == ("f0", CATALOG_PREFIX + "psycho-1960")
    assert rel.evidence.text == "the original" and rel.confidence < 1.0
    assert link(done, cat).get(rel.target).entity.key == "psycho-1960"  # type: ignore[union-attr]


def test_a_family_film_named_near_a_remake_cue_gets_the_catalogs_direction() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "I preferred it to the German remake, Steig. Nicht. Aus!, which is too loud."
    x = Extraction(
        review=Review(id="r14", text=body, film_title="Retribution", film_year=2015),
        films=(Film("f0", "Retribution", 2015),),
        reviewed_film="f0",
    )
    done = resolve(x, cat)
    rels = [(r.source, r.target) for r in done.relations]
    assert rels == [(CATALOG_PREFIX + "steig-nicht-aus-2018", "f0")]
    added = done.film(CATALOG_PREFIX + "steig-nicht-aus-2018")
    assert added.mentions and body[added.mentions[0].start : added.mentions[0].end] == "Steig. Nicht. Aus!"


def test_resolve_adds_nothing_without_a_cue() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "Hard Hit is tense from the first call to the last."
    x = Extraction(
        review=Review(id="r15", text=body, film_title="Hard Hit", film_year=2021),
        films=(Film("f0", "Hard Hit", 2021),),
        reviewed_film="f0",
    )
    assert resolve(x, cat) == x


def test_resolve_keeps_a_relation_the_extractors_found() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "Hard Hit is a remake of Retribution."
    cue = Mention.of(body, 11, 20)
    x = Extraction(
        review=Review(id="r16", text=body),
        films=(film(body, "Hard Hit", "f0", year=2021), film(body, "Retribution", "f1")),
        relations=(Relation(RelationKind.REMAKE_OF, "f0", "f1", cue, 0.9),),
        reviewed_film="f0",
    )
    assert resolve(x, cat).relations == x.relations


def test_several_known_remakes_and_a_bare_cue_add_nothing() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "The remake cannot touch this one."
    x = Extraction(
        review=Review(id="r17", text=body, film_title="Retribution", film_year=2015),
        films=(Film("f0", "Retribution", 2015),),
        reviewed_film="f0",
    )
    assert resolve(x, cat).relations == ()  # three remakes are known: which one is meant is a guess


def test_find_cues_skips_original_as_a_plain_adjective() -> None:
    assert [c.text for c in find_cues("It was remade in 1998 and the original version is better.")] == [
        "remade",
        "the original",
    ]
    assert find_cues("An original idea with an original score.") == []


def test_known_remakes_lists_the_catalogs_own_links(catalog: MemoryCatalog) -> None:
    pairs = [(r.key, o.key) for r, o in known_remakes(catalog, ["hard-hit-2021", "retribution-2015", "heat-1995"])]
    assert pairs == [("hard-hit-2021", "retribution-2015")]


# -- user catalogs -----------------------------------------------------------------------------


def test_a_users_turtle_is_merged_with_the_builtin_by_wikidata_id(tmp_path: Path) -> None:
    mine = tmp_path / "mine.ttl"
    mine.write_text(
        """@prefix schema: <https://schema.org/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
        <http://example.org/films/1> a schema:Movie ; schema:name "Balsinjehan" ;
            schema:datePublished "2021" ; owl:sameAs <http://www.wikidata.org/entity/Q106882211> .
        <http://example.org/films/2> a schema:Movie ; schema:name "Our Club Film" ; schema:datePublished "2019" .
        """,
        encoding="utf-8",
    )
    cat = load_catalog([mine])
    assert cat.name == "builtin+mine.ttl"
    hard_hit = cat.entity("Q106882211")
    assert hard_hit is not None and hard_hit.key == "hard-hit-2021" and "Balsinjehan" in hard_hit.names
    assert cat.candidates("Balsinjehan")[0].entity.key == "hard-hit-2021"
    assert cat.candidates("Our Club Film", year=2019)[0].entity.key == "our-club-film-2019"


def test_a_broken_catalog_file_is_reported_with_its_path_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix schema: <https://schema.org/> .\n<film/x> a schema:Movie ; schema:name "X" \n', "utf-8")
    with pytest.raises(CatalogError, match=r"bad\.ttl: not a valid graph.*line"):
        load_catalog([bad], builtin=False)


def test_a_catalog_without_films_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "people.ttl"
    empty.write_text('@prefix schema: <https://schema.org/> .\n<p> a schema:Person ; schema:name "A" .\n', "utf-8")
    with pytest.raises(CatalogError, match="no films"):
        load_catalog([empty], builtin=False)
    with pytest.raises(CatalogError, match="no such catalog file"):
        load_catalog([tmp_path / "missing.ttl"], builtin=False)


def test_the_one_known_remake_of_a_reviewed_original() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "The remake could never match the original, and nobody should try."
    x = Extraction(
        review=Review(id="r18", text=body, imdb_id="tt0054215"),
        films=(Film("f0", "Psycho", 1960),),
        reviewed_film="f0",
    )
    done = resolve(x, cat)
    assert [(r.source, r.target, r.evidence.text) for r in done.relations] == [
        (CATALOG_PREFIX + "psycho-1998", "f0", "remake")
    ]
    assert done.film(CATALOG_PREFIX + "psycho-1998").mentions == ()  # "the original" is the reviewed film


# -- which words are remake cues -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The original work was a play.",
        "It has an original plot and an original cast.",
        "It scared me as much as it scared the original audiences.",
        "The original crew, the original cost and the original family all come back.",
        "A truly original film.",
        "It misses the original adventure's spirit and the original's score.",
    ],
)
def test_original_before_a_non_film_noun_or_after_a_is_no_cue(text: str) -> None:
    assert find_cues(text) == []


def test_the_original_as_a_film_is_a_cue() -> None:
    assert [c.text for c in find_cues("I prefer the original. Its original is better. The 1960 original wins.")] == [
        "the original",
        "Its original",
        "The 1960 original",
    ]


def _review(body: str, *, imdb: str, title: str, year: int) -> Extraction:
    return Extraction(
        review=Review(id="r", text=body, film_title=title, imdb_id=imdb),
        films=(Film("f0", title, year),),
        reviewed_film="f0",
    )


def test_in_a_review_of_an_original_the_original_is_the_film_itself() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "The original shower scene is still the best thing the original ever did."
    assert resolve(_review(body, imdb="tt0054215", title="Psycho", year=1960), cat).relations == ()


@pytest.mark.parametrize(
    "body",
    [
        "Unlike most remakes, this one was shot in colour.",  # plural: remakes in general
        "Directors keep remaking remakes of sequels these days.",
        "If they remade it today, it would be in colour.",  # a wish, not a fact
        "Whatever the poster says, this is not a remake.",
    ],
)
def test_a_remake_cue_not_said_of_one_film_adds_nothing(body: str) -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    assert resolve(_review(body, imdb="tt0054215", title="Psycho", year=1960), cat).relations == ()


@pytest.mark.parametrize(
    "body",
    [
        "It was remade in colour, shot for shot.",
        "Why anyone wanted to remake this film I cannot tell.",
        "Van Sant's remake copies it shot for shot.",
    ],
)
def test_a_remake_cue_said_of_the_film_names_its_one_remake(body: str) -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    done = resolve(_review(body, imdb="tt0054215", title="Psycho", year=1960), cat)
    assert [(r.source, r.target) for r in done.relations] == [(CATALOG_PREFIX + "psycho-1998", "f0")]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("It is no match for the original Psycho.", True),
        ("It is no match for the original Alfred Hitchcock film.", True),  # the catalog credits him
        ("It is scarier than the original 'Halloween', and that is saying something.", False),
        ("It is no match for the original Texas Chainsaw Massacre.", False),
        ("I never saw the original 1955 version, so I cannot compare.", False),  # not the catalog's year
        ("I never saw the original 1960 version, so I cannot compare.", True),
        ("It is no match for the original Hungarian version.", True),  # a nationality, not a title
    ],
)
def test_what_follows_the_original_must_fit_the_catalogs_original(body: str, expected: bool) -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    done = resolve(_review(body, imdb="tt0155975", title="Psycho", year=1998), cat)
    found = [(r.source, r.target) for r in done.relations]
    assert found == ([("f0", CATALOG_PREFIX + "psycho-1960")] if expected else [])


def test_an_aka_title_and_the_year_link_the_film(catalog: MemoryCatalog) -> None:
    # the review calls the film by a title the catalog does not know, and gives the title it was released as
    body = "Der Unbekannte, released abroad as Retribution, is tight."
    x = Extraction(
        review=Review(id="r19", text=body),
        films=(Film("f0", "Der Unbekannte", 2015, aka=("Retribution",)),),
        reviewed_film="f0",
    )
    assert linked(x, catalog) == {"f0": "retribution-2015"}
    later = Extraction(
        review=Review(id="r20", text=body),
        films=(Film("f0", "Der Unbekannte", 2023, aka=("Retribution",)),),
        reviewed_film="f0",
    )
    assert linked(later, catalog) == {"f0": "retribution-2023"}


def test_catalog_facts_are_the_remake_links_among_the_linked_films(catalog: MemoryCatalog) -> None:
    facts = catalog_facts(catalog, ["retribution-2015", "retribution-2023", "hard-hit-2021", "psycho-1960"])
    assert [(r.key, r.name, r.year, o.key, o.year) for r, o in facts] == [
        ("hard-hit-2021", "Hard Hit", 2021, "retribution-2015", 2015),
        ("retribution-2023", "Retribution", 2023, "retribution-2015", 2015),
    ]
    assert facts[0][1].wikidata == "Q21218461"
    assert catalog_facts(None, ["psycho-1960"]) == []
    assert catalog_facts(catalog, ["psycho-1960"]) == []  # its remake was not linked


# -- a film under a title the catalog does not hold, said to be the original or a remake ---------------------------

RELATED_TTL = """
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix fkg: <https://w3id.org/filmkg/ontology#> .
@base <https://w3id.org/filmkg/id/> .
<film/retribution-2015> a schema:Movie ; schema:name "Retribution" ; schema:datePublished "2015"^^xsd:gYear ;
    schema:countryOfOrigin <country/ES> .
<film/hard-hit-2021> a schema:Movie ; schema:name "Hard Hit" ; schema:datePublished "2021"^^xsd:gYear ;
    fkg:remakeOf <film/retribution-2015> .
<film/retribution-2023> a schema:Movie ; schema:name "Retribution" ; schema:datePublished "2023"^^xsd:gYear ;
    fkg:remakeOf <film/retribution-2015> .
"""


def _said_remake(original: str, year: int | None, countries: tuple[str, ...] = ()) -> Extraction:
    body = f"Hard Hit is a remake of {original}, and a faithful one."
    cue = Mention.of(body, body.index("a remake of"), body.index("a remake of") + 11)
    return Extraction(
        review=Review(id="r", text=body),
        films=(film(body, "Hard Hit", "f0", year=2021), film(body, original, "f1", year=year, countries=countries)),
        relations=(Relation(RelationKind.REMAKE_OF, "f0", "f1", cue, 0.9),),
        reviewed_film="f0",
    )


def test_the_original_under_its_own_language_title_is_the_catalogs_original_of_that_year() -> None:
    cat = parse_catalog(RELATED_TTL, name="test")
    assert linked(_said_remake("El desconocido", 2015, ("ES",)), cat) == {
        "f0": "hard-hit-2021",
        "f1": "retribution-2015",
    }


@pytest.mark.parametrize(
    "year, countries",
    [
        (None, ()),  # no year: the words give no way to tell
        (2014, ()),  # no original of that year
        (2015, ("FR",)),  # the text says another country
    ],
)
def test_an_unknown_title_stays_unlinked_unless_year_and_country_fit(
    year: int | None, countries: tuple[str, ...]
) -> None:
    cat = parse_catalog(RELATED_TTL, name="test")
    assert linked(_said_remake("El desconocido", year, countries), cat)["f1"] is None


def test_two_originals_of_the_year_leave_the_film_unlinked() -> None:
    ttl = (
        RELATED_TTL
        + '<film/other-2015> a schema:Movie ; schema:name "Other" ; schema:datePublished "2015"^^xsd:gYear .\n'
    )
    ttl += "<film/hard-hit-2021> fkg:remakeOf <film/other-2015> .\n"
    cat = parse_catalog(ttl, name="test")
    assert linked(_said_remake("El desconocido", 2015), cat)["f1"] is None


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Thirteen Ghosts Again", None),  # the catalog's film has "The": another film, without a year to tell
        ("The Thirteen Ghosts Again", "the-thirteen-ghosts-again-1961"),
        ("Maudits Sorciers", "les-maudits-sorciers-1958"),  # a foreign article is often dropped in English
    ],
)
def test_without_context_an_english_article_must_be_written_as_the_catalog_has_it(
    written: str, expected: str | None
) -> None:
    ttl = RELATED_TTL + (
        '<film/the-thirteen-ghosts-again-1961> a schema:Movie ; schema:name "The Thirteen Ghosts Again" ; '
        'schema:datePublished "1961"^^xsd:gYear .\n'
        '<film/les-maudits-sorciers-1958> a schema:Movie ; schema:name "Les Maudits Sorciers" ; '
        'schema:datePublished "1958"^^xsd:gYear .\n'
    )
    body = f"I once saw {written} on television."
    x = Extraction(review=Review(id="r", text=body), films=(film(body, written, "f0"),))
    assert linked(x, parse_catalog(ttl, name="test")) == {"f0": expected}


def _review_of_a_remake_calling_itself_the_remake() -> Extraction:
    body = "Why remake a classic? The 1960 film had real dread; the remake has none."
    cue = Mention.of(body, body.index("the remake"), body.index("the remake") + 10)
    return Extraction(
        review=Review(id="r", text=body, film_title="Psycho", film_year=1998),
        films=(
            Film("f0", "Psycho", 1998),
            film(body, "The 1960 film", "f1", year=1960),
            Film("f2", "Psycho", mentions=(cue,)),  # "the remake", read as a film of its own
        ),
        relations=(
            Relation(RelationKind.REMAKE_OF, "f0", "f1", Mention.of(body, 23, 36), 0.85),
            Relation(RelationKind.REMAKE_OF, "f2", "f0", cue, 0.75),
        ),
        reviewed_film="f0",
    )


def test_a_film_said_to_be_a_remake_is_never_linked_to_an_original_of_it() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    x = _review_of_a_remake_calling_itself_the_remake()
    assert linked(x, cat)["f2"] is None  # not Psycho (1960), which would turn the link around


def test_the_remake_said_of_a_reviewed_remake_is_the_reviewed_film() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    out = resolve(_review_of_a_remake_calling_itself_the_remake(), cat)
    assert [f.key for f in out.films] == ["f0", "f1"]
    assert [(r.source, r.target) for r in out.relations] == [("f0", "f1")]
    assert any(m.text == "the remake" for m in out.film("f0").mentions)
    assert {lk.key: lk.entity.key for lk in link(out, cat).films} == {"f0": "psycho-1998", "f1": "psycho-1960"}


def test_the_original_said_of_a_reviewed_original_is_the_reviewed_film() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "Still the best. The original Psycho has never been matched."
    cue = Mention.of(body, body.index("The original"), body.index("The original") + 12)
    x = Extraction(
        review=Review(id="r", text=body, film_title="Psycho", film_year=1960),
        films=(Film("f0", "Psycho", 1960), Film("f1", "Psycho", mentions=(cue,))),
        relations=(Relation(RelationKind.REMAKE_OF, "f0", "f1", cue, 0.75),),  # read as "the reviewed film remakes it"
        reviewed_film="f0",
    )
    out = resolve(x, cat)
    assert [f.key for f in out.films] == ["f0"] and out.relations == ()


def test_the_reviewed_title_a_year_off_is_the_reviewed_film() -> None:
    cat = parse_catalog(CATALOG_TTL, name="test")
    body = "Psycho (1997) is what the poster says; the original is better."
    cue = Mention.of(body, body.index("the original"), body.index("the original") + 12)
    x = Extraction(
        review=Review(id="r", text=body, film_title="Psycho", film_year=1998),
        films=(Film("f0", "Psycho", 1998), film(body, "Psycho", "f1", year=1997)),
        relations=(Relation(RelationKind.REMAKE_OF, "f0", "f1", cue, 0.85),),
        reviewed_film="f0",
    )
    out = resolve(x, cat)
    assert "f1" not in {f.key for f in out.films}
    assert all(r.source != r.target for r in out.relations)
    assert ("f0", "f1") not in {(r.source, r.target) for r in out.relations}
