"""Matching an extraction's films and people to a catalog, and what the catalog lets a review say.

:func:`link` picks, for each film and person of an extraction, the catalog entity
it denotes, or none. The reviewed film is found by the review's IMDb id where it
has one; other films by their titles (exact, folded, alternate, fuzzy), weighed by
year, country, the remake family of the reviewed film and the people the review
names. A film is linked only when the best candidate is good enough *and* clearly
better than the next one: a mention the catalog cannot resolve stays unlinked.

:func:`resolve` completes an extraction with what the review says about remakes
but can only be pinned down with the catalog: "the original" of a known remake,
a film of the reviewed film's remake family named near a remake cue, and the
direction of that relation. Every relation it adds carries the review's own words
as evidence (the cue) and a lower confidence than an extractor's; remake links
that only the catalog knows are never added here (see :func:`known_remakes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from kg.lexicon import NOT_AFTER_ORIGINAL as LEXICON_NOT_AFTER_ORIGINAL
from kg.link.kin import contradicted, described_reviewed_film, link_related
from kg.link.people import complete_people, credited_people, match_credited
from kg.link.protocol import Catalog
from kg.model import (
    Candidate,
    Entity,
    Extraction,
    Film,
    Link,
    Links,
    Mention,
    MentionKind,
    Relation,
    RelationKind,
)
from kg.vocab import fold, fold_title

__all__ = ["CATALOG_PREFIX", "NOT_AFTER_ORIGINAL", "catalog_facts", "find_cues", "known_remakes", "link", "resolve"]

CATALOG_PREFIX = "catalog:"  # film keys that resolve() adds: "catalog:<catalog key>"

THRESHOLD = 0.8  # least score of a link
MARGIN = 0.1  # least lead of the best candidate over the next
FAMILY_BOOST = 0.15  # candidate is an original or a remake of the reviewed film
SIBLING_BOOST = 0.03  # candidate is another remake of the same original (or the like)
PEOPLE_BOOST = 0.1  # the review names someone the catalog credits in the candidate
COUNTRY_BOOST, COUNTRY_COST = 0.05, 0.2
NAMED_CONFIDENCE = 0.8  # resolve(): the other film is named (title or year) next to a remake cue
NEAR = 120  # resolve(): characters between a title and a cue that still make them one statement
CUE_CONFIDENCE = 0.6  # resolve(): only "the original" / "remake" points at the one known film

# nouns after "original" that make it an adjective of something other than a film ("the original cast")
NOT_AFTER_ORIGINAL = LEXICON_NOT_AFTER_ORIGINAL | {"sin"}
_NOUNS = "|".join(sorted(NOT_AFTER_ORIGINAL, key=lambda w: (-len(w), w)))

# remake cues (general words, no titles): "remake", "remade", "the original", "original version"
_REMAKE_CUE = re.compile(r"\b(?:re-?make[sd]?|re-?making|remade)\b", re.IGNORECASE)
_ORIGINAL_CUE = re.compile(
    rf"\b(?:(?:the|this|that|its)\s+(?:\d{{4}}\s+)?original(?!\s+(?:{_NOUNS})\b)(?!'s\s+(?:{_NOUNS})\b)(?!\s+[a-z]+'s\b)"
    r"|original\s+version)\b",
    re.IGNORECASE,
)
# a remake cue said of one film (the named group is the word): "this remake", "Tian's remake",
# "another "remake"", "was remade", "remade in 1946", "to remake this film", "a remake of";
# not "remakes", "remaking", nor "if they remade it", "this is not a remake"
_ONE_REMAKE = re.compile(
    r"\b(?:(?:this|the|a|an|its|that|another|his|her|their|[\w-]+'s)\s+(?:[\w'-]+\s+){0,2}?[\"\u201c']?"
    r"(?P<a>re-?make)(?![sd\w-])"
    r"|(?:was|been|being|is|got|be)\s+(?:\w+ly\s+)?(?P<b>remade)\b"
    r"|(?P<c>remade)\s+(?:in|by|as|into|it|this|again|twice)\b"
    r"|(?P<d>re-?make)\s+(?:of|it|this|that)\b)",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|should|hope|wish|please)\b[^.!?]{0,25}$|(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# what follows "the original" when it names a film: a quotation, a year, or a capitalised word that is
# not a nationality ("the original Japanese version" is the film of that country, "the original Texas ..."
# is a title)
_NAMED_NEXT = re.compile(
    r"\s*[\"\u201c\u2018]|\s*'(?=[A-Z0-9])|\s+(?!I\b)(?![A-Z][a-z]+(?:an|ese|ish|ch|i)\s+[a-z])[A-Z]"
)
_YEAR_NEXT = re.compile(r"\s+(1[89]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|<br\s*/?>\s*(?:<br\s*/?>)?|\n+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def find_cues(text: str) -> list[Mention]:
    """The remake cues of ``text``: "remake", "remade", "the original", "original version", ...

    >>> [m.text for m in find_cues("The original was better than this remake.")]
    ['The original', 'remake']
    >>> find_cues("The original score is lovely.")
    []
    """
    found = [Mention.of(text, m.start(), m.end()) for rx in (_REMAKE_CUE, _ORIGINAL_CUE) for m in rx.finditer(text)]
    return sorted(found, key=lambda m: m.start)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _window(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence around ``pos`` with its neighbours."""
    for i, (s, e) in enumerate(sentences):
        if s <= pos < e or pos < s:
            lo = sentences[max(i - 1, 0)][0]
            hi = sentences[min(i + 1, len(sentences) - 1)][1]
            return lo, hi
    return (sentences[-1][0], sentences[-1][1]) if sentences else (0, 0)


def _family(catalog: Catalog, key: str | None) -> dict[str, float]:
    """The films related to ``key`` by a remake link, with the boost each gets (siblings less)."""
    if key is None:
        return {}
    near = set(catalog.originals(key)) | set(catalog.remakes(key))
    boosts = {k: SIBLING_BOOST for n in near for k in (*catalog.remakes(n), *catalog.originals(n))}
    boosts.update({k: FAMILY_BOOST for k in near})
    boosts.pop(key, None)
    return boosts


def _year_of(catalog: Catalog, key: str) -> int | None:
    ent = catalog.entity(key)
    return ent.year if ent is not None else None


def _distinctive(title: str) -> bool:
    """A title that one word of ordinary prose is unlikely to be (two words or a long one)."""
    words = fold_title(title).split()
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 8)


def _english_article(title: str) -> tuple[str, str]:
    """A title's leading English article (or "") with the title folded: "The Thirteen" -> ("the", "thirteen").

    >>> _english_article("The Thirteen"), _english_article("Les Diaboliques")
    (('the', 'thirteen'), ('', 'diaboliques'))
    """
    words = fold(title).split()
    article = words[0] if words and words[0] in ("the", "a", "an") and len(words) > 1 else ""
    return article, fold_title(title)


_NUMERALS = re.compile(r"\b(?:\d+|[ivx]+)\b")


def _numerals(title: str) -> set[str]:
    """The numbers of a title ("II", "2", "1984"): a sequel differs from its film by them.

    >>> sorted(_numerals("The Hills Have Eyes II"))
    ['ii']
    """
    return set(_NUMERALS.findall(fold_title(title)))


def _choose(
    film: Film,
    catalog: Catalog,
    *,
    family: dict[str, float],
    people: set[str],
    exclude: set[str],
    imdb: str | None = None,
) -> Link | None:
    pool: dict[str, Candidate] = {}
    for name in (film.title, *film.aka):
        numerals = _numerals(name)
        for c in catalog.candidates(name, year=film.year):
            ent = c.entity
            if ent.key in exclude or (imdb and ent.imdb and ent.imdb != imdb):
                continue  # the review says which film it is, and this is another
            if not any(_numerals(n) == numerals for n in (ent.name, *ent.names)):
                continue  # "Part II" is not the film it follows
            if c.score > pool.get(ent.key, Candidate(ent, 0.0)).score:
                pool[ent.key] = c
    if not pool:
        return None
    scored: list[tuple[float, float, bool, Entity]] = []
    for key, c in pool.items():
        ent, base, support = c.entity, c.score, False
        s = base
        if key in family:
            s, support = s + family[key], True
        credited = {fold(p.name) for role, pk in catalog.credits(key) if (p := catalog.entity(pk)) is not None}
        if credited & people:
            s, support = s + PEOPLE_BOOST, True
        if film.countries and ent.countries:
            if set(film.countries) & set(ent.countries):
                s, support = s + COUNTRY_BOOST, True
            else:
                s -= COUNTRY_COST
        if film.year is not None and ent.year == film.year:
            support = True
        scored.append((s, base, support, ent))
    scored.sort(key=lambda t: (-t[0], t[3].key))
    best_s, best_base, support, ent = scored[0]
    if best_s < THRESHOLD or (len(scored) > 1 and best_s - scored[1][0] < MARGIN):
        return None
    if not support:
        # no year, no family, no people: only an exact, unique, distinctive title will do, with its
        # English article ("Thirteen" is not "The Thirteen"; "Diaboliques" may be "Les Diaboliques")
        if best_base < 0.97 or len(scored) > 1 or not _distinctive(film.title):
            return None
        written = {_english_article(t) for t in (film.title, *film.aka)}
        if not written & {_english_article(n) for n in (ent.name, *ent.names)}:
            return None
    return Link(film.key, ent, round(min(best_s, 1.0), 4))


def link(extraction: Extraction, catalog: Catalog | None = None) -> Links:
    """The links of ``extraction``'s films and people to ``catalog`` (none without a catalog).

    Parameters
    ----------
    extraction : Extraction
        What the extractors found in one review.
    catalog : Catalog, optional
        Known films and people; ``None`` links nothing (and marks nothing unlinked).

    Returns
    -------
    Links
        One :class:`~kg.model.Link` per film or person identified safely; the others
        stay unlinked. ``Links.catalog`` names the catalog consulted.

    Examples
    --------
    >>> from kg.model import Review
    >>> link(Extraction(review=Review(id="r", text="x"))).films
    ()
    """
    if catalog is None:
        return Links()
    review = extraction.review
    films: dict[str, Link] = {}
    reviewed = extraction.reviewed_film
    for f in extraction.films:
        if f.key.startswith(CATALOG_PREFIX) and (ent := catalog.entity(f.key[len(CATALOG_PREFIX) :])) is not None:
            films[f.key] = Link(f.key, ent, 1.0)
    if reviewed is not None and reviewed not in films and review.imdb_id:
        ent = catalog.entity(review.imdb_id)
        if ent is not None and ent.imdb == review.imdb_id:
            films[reviewed] = Link(reviewed, ent, 1.0)
    people = {fold(p.name) for p in extraction.people}
    order = sorted(extraction.films, key=lambda f: f.key != reviewed)
    if reviewed is not None and reviewed not in films:
        f = next(f for f in order if f.key == reviewed)
        chosen = _choose(f, catalog, family={}, people=people, exclude=set(), imdb=review.imdb_id)
        if chosen is not None:
            films[reviewed] = chosen
    anchor = films[reviewed].entity if reviewed in films else None
    family = _family(catalog, anchor.key if anchor else None)
    for f in order:
        if f.key in films:
            continue
        exclude = {anchor.key} if anchor is not None and (f.year is None or f.year != anchor.year) else set()
        exclude |= contradicted(extraction, catalog, films, f.key)
        chosen = _choose(f, catalog, family=family, people=people, exclude=exclude)
        if chosen is not None:
            films[f.key] = chosen
    link_related(extraction, catalog, films)
    person_links = []
    in_films = credited_people(Links.of(films.values()), catalog)
    for p in extraction.people:
        cands = catalog.person_candidates(p.name)
        credited = [c for c in cands if c.entity.key in in_films]
        if len(credited) == 1:
            person_links.append(Link(p.key, credited[0].entity, 1.0))
        elif len(cands) == 1 and len(fold(p.name).split()) >= 2:
            person_links.append(Link(p.key, cands[0].entity, 0.9))
        elif not cands and (near := match_credited(p.name, in_films.values())) is not None:
            person_links.append(Link(p.key, near.person, 0.8))  # "Van Sant", "Vince Vaughan"
    return Links.of(sorted(films.values(), key=lambda lk: lk.key), person_links, catalog=catalog.name)


def _name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in names:
        if len(fold_title(name)) < 4:
            continue
        words = [re.escape(w) for w in re.split(r"\s+", name.strip()) if w]
        rx = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return sorted(spans)


def _one_remake_cues(text: str) -> list[Mention]:
    """The remake cues of ``text`` said of one film ("this remake", "was remade"), not of many.

    >>> [m.text for m in _one_remake_cues("Unlike most remakes, this remake works. It was remade again.")]
    ['remake', 'remade']
    >>> _one_remake_cues("If they remade it, I would watch it. This is NOT a remake.")
    []
    """
    out = []
    for m in _ONE_REMAKE.finditer(text):
        group = next(g for g in "abcd" if m.group(g))
        if not _HYPOTHETICAL.search(text, max(0, m.start() - 40), m.start()):
            out.append(Mention.of(text, m.start(group), m.end(group)))
    return out


def _bare_cue(
    text: str, cues: list[Mention], catalog: Catalog, *, originals: set[str], remakes: set[str]
) -> tuple[str, Mention, bool] | None:
    """The one film a cue can mean when the text names none: (its key, the cue, whether the cue names it).

    "The original" in a review of a remake of one known film is that film (unless the words after it
    name another); a remake cue said of one film ("this remake", "was remade") is the one original of
    a remake, or the one remake of an original. In a review of an original, "the original" is the
    reviewed film itself and says nothing of its remakes.
    """
    said = _one_remake_cues(text)
    if len(originals) == 1:
        target = next(iter(originals))
        other = catalog.entity(target)
        # what may follow "the original" and still mean this film: its titles, its makers ("George Cukor's")
        names = [fold_title(n) for n in ((other.name, *other.names) if other is not None else ())]
        names += [fold(p.name) for _, pk in catalog.credits(target) if (p := catalog.entity(pk)) is not None]
        for c in cues:
            if not _ORIGINAL_CUE.fullmatch(c.text):
                continue
            if _NAMED_NEXT.match(text, c.end):  # "the original 'X'": X is named, and must be this film
                after = fold_title(text[c.end : c.end + 80])
                if not any(n and (after + " ").startswith(n + " ") for n in names):
                    continue
            year = _YEAR_NEXT.match(text, c.end)  # "the original 1953 movie"
            if year and other is not None and other.year and int(year.group(1)) != other.year:
                continue
            return target, c, True
        if said and not remakes:
            return target, said[0], False
    elif not originals and len(remakes) == 1 and said:
        return next(iter(remakes)), said[0], False
    return None


def resolve(extraction: Extraction, catalog: Catalog | None = None) -> Extraction:
    """``extraction`` completed with what its text states that the catalog pins down.

    The remake relations (:func:`resolve_remakes`), then the parts of the people the
    review names whom the catalog credits in its films (:func:`kg.link.people.complete_people`).

    >>> from kg.model import Review
    >>> resolve(Extraction(review=Review(id="r", text="x"))).people
    ()
    """
    if catalog is None:
        return extraction
    extraction = resolve_remakes(extraction, catalog)
    links = link(extraction, catalog)
    folded = described_reviewed_film(extraction, catalog, links)
    if folded is not extraction:
        extraction, links = folded, link(folded, catalog)
    return complete_people(extraction, links, catalog)


def resolve_remakes(extraction: Extraction, catalog: Catalog | None = None) -> Extraction:
    """``extraction`` completed with the remake relations its text states that the catalog pins down.

    The reviewed film is identified (by IMDb id, else by title and year) and its remake
    family looked up. Then, where the text has a remake cue ("remake", "remade",
    "the original", "original version"):

    - a film of the extraction that is in the family and named within a sentence of a cue
      gets the relation the catalog knows (its direction too);
    - a family film that the text names (a title, or its year next to a cue) is added;
    - with no film named, "the original" of a film with one known original is that film;
      a remake cue said of one film ("this remake", "was remade", not "remakes") in a
      review of a film with one original (or, of an original, with one remake) is that
      film. In a review of an original, "the original" is the film itself: no cue.

    Films added have keys ``catalog:<key>``; relations have the cue as evidence and a
    confidence of 0.8 (named) or 0.6 (cue only). Nothing is added without a cue.

    Examples
    --------
    >>> from kg.model import Review
    >>> resolve_remakes(Extraction(review=Review(id="r", text="x"))).films
    ()
    """
    if catalog is None:
        return extraction
    review = extraction.review
    films = list(extraction.films)
    reviewed = extraction.reviewed_film
    if reviewed is None and review.imdb_id and (ent := catalog.entity(review.imdb_id)) is not None:
        reviewed = CATALOG_PREFIX + ent.key
        films.insert(0, Film(key=reviewed, title=ent.name, year=ent.year, countries=ent.countries))
        extraction = replace(extraction, films=tuple(films), reviewed_film=reviewed)
    links = link(extraction, catalog)
    anchor = links.get(reviewed) if reviewed else None
    if anchor is None or reviewed is None:
        return extraction
    rkey: str = reviewed
    e = anchor.entity
    originals, remakes = set(catalog.originals(e.key)), set(catalog.remakes(e.key))
    family = originals | remakes
    text = review.text
    cues = find_cues(text)
    if not family or not cues:
        return extraction
    sentences = _sentences(text)

    def near_cue(start: int) -> Mention | None:
        # the sentence with its neighbours, or a few lines around (titles with full stops cut sentences)
        lo, hi = _window(sentences, start)
        return next((c for c in cues if lo <= c.start < hi or abs(c.start - start) <= NEAR), None)

    related = {frozenset((r.source, r.target)) for r in extraction.relations}
    relations = list(extraction.relations)
    done: set[str] = set()

    def relate(key: str, other: str, cue: Mention, confidence: float) -> None:
        if frozenset((rkey, key)) in related or other in done:
            return
        src, dst = (rkey, key) if other in originals else (key, rkey)
        relations.append(Relation(RelationKind.REMAKE_OF, src, dst, cue, confidence))
        related.add(frozenset((rkey, key)))
        done.add(other)

    # 1. films of the extraction that are in the family
    for f in extraction.films:
        lk = links.get(f.key)
        if lk is None or f.key == reviewed or lk.entity.key not in family:
            continue
        cue = next((c for m in f.mentions if (c := near_cue(m.start)) is not None), None)
        if cue is None and not f.mentions:
            cue = cues[0]
        if cue is not None:
            relate(f.key, lk.entity.key, cue, NAMED_CONFIDENCE)
        done.add(lk.entity.key)
    # 2. family films the text names by title, or by year next to a cue (where no film is named yet)
    taken = [(m.start, m.end) for f in extraction.films for m in f.mentions]
    added: list[Film] = []
    own = fold_title(e.name)
    years: dict[int, list[str]] = {}
    for k in family:
        other = catalog.entity(k)
        if other is not None and other.year:
            years.setdefault(other.year, []).append(k)
    found: dict[str, list[tuple[int, int]]] = {}
    for k in sorted(family - done):
        other = catalog.entity(k)
        if other is None:
            continue
        names = [n for n in (other.name, *other.names) if fold_title(n) != own]
        hits = [
            (s, t)
            for s, t in _name_spans(text, names)
            if near_cue(s) is not None and not any(a < t and s < b for a, b in taken)
        ]
        if not hits and other.year and len(years.get(other.year, [])) == 1 and other.year != e.year:
            hits = [
                (m.start(), m.end())
                for m in _YEAR.finditer(text)
                if int(m.group(0)) == other.year and any(abs(c.start - m.start()) < 40 for c in cues)
            ]
        if hits:
            found[k] = hits
    # a span that names several family films (remakes sharing a title) is the one whose year is near it
    claims: dict[tuple[int, int], list[str]] = {}
    for k, hits in found.items():
        for span in hits:
            claims.setdefault(span, []).append(k)
    for span, keys in claims.items():
        if len(keys) > 1:
            lo, hi = _window(sentences, span[0])
            gap: dict[int, int] = {}  # year -> its least distance from the span
            for m in _YEAR.finditer(text, lo, hi):
                d = max(m.start() - span[1], span[0] - m.end(), 0)
                gap[int(m.group(0))] = min(d, gap.get(int(m.group(0)), d))
            dist = {k: gap[y] for k in keys if (y := _year_of(catalog, k)) in gap}
            best = min(dist.values(), default=None)
            winner = [k for k, d in dist.items() if d == best]
            for k in keys:
                if len(winner) != 1 or k != winner[0]:
                    found[k] = [h for h in found[k] if h != span]
    for k, hits in sorted(found.items()):
        other = catalog.entity(k)
        if not hits or other is None:
            continue
        s, t = hits[0]
        cue = near_cue(s) or min(cues, key=lambda c: abs(c.start - s))
        key = CATALOG_PREFIX + k
        added.append(
            Film(
                key=key,
                title=other.name,
                year=other.year,
                countries=other.countries,
                mentions=tuple(Mention(a, b, MentionKind.FILM, text[a:b]) for a, b in hits),
            )
        )
        relate(key, k, cue, NAMED_CONFIDENCE)
    # 3. a bare cue and exactly one film it can mean
    if not done:
        chosen = _bare_cue(text, cues, catalog, originals=originals, remakes=remakes)
        other = catalog.entity(chosen[0]) if chosen else None
        if chosen is not None and other is not None:
            target, cue, names_it = chosen
            mentions = (Mention(cue.start, cue.end, MentionKind.FILM, cue.text),) if names_it else ()
            key = CATALOG_PREFIX + target
            added.append(Film(key=key, title=other.name, year=other.year, countries=other.countries, mentions=mentions))
            relate(key, target, cue, CUE_CONFIDENCE)
    if len(relations) == len(extraction.relations) and not added:
        return extraction
    return replace(extraction, films=(*films, *added), relations=tuple(relations))


def known_remakes(catalog: Catalog, keys: Iterable[str]) -> list[tuple[Entity, Entity]]:
    """The remake links (remake, original) that ``catalog`` knows among the films ``keys``.

    These are the catalog's facts, not a review's: they belong in the ``<graph/catalog>``
    named graph, apart from what the reviews say.

    >>> from kg.link.catalog import MemoryCatalog
    >>> cat = MemoryCatalog(name="demo")
    >>> a = cat.add_film(Entity(key="a-1960", name="A", year=1960))
    >>> b = cat.add_film(Entity(key="a-1998", name="A", year=1998))
    >>> cat.add_remake(b, a)
    >>> [(r.key, o.key) for r, o in known_remakes(cat, [a, b])]
    [('a-1998', 'a-1960')]
    """
    wanted = set(keys)
    out = []
    for k in sorted(wanted):
        for o in catalog.originals(k):
            if o in wanted:
                r_ent, o_ent = catalog.entity(k), catalog.entity(o)
                if r_ent is not None and o_ent is not None:
                    out.append((r_ent, o_ent))
    return out


def catalog_facts(catalog: Catalog | None, keys: Iterable[str]) -> list[tuple[Entity, Entity]]:
    """What only the catalog knows of the films a build linked: its remake links among them.

    ``keys`` are the catalog keys of the linked films (``Link.entity.key`` of every film link
    of a build). The answer is sorted ``(remake, original)`` pairs of catalog entities (keys,
    names, years, ids), for the ``<graph/catalog>`` named graph; empty without a catalog.

    >>> from kg.link.catalog import MemoryCatalog
    >>> cat = MemoryCatalog(name="demo")
    >>> a = cat.add_film(Entity(key="a-1960", name="A", year=1960))
    >>> b = cat.add_film(Entity(key="a-1998", name="A", year=1998))
    >>> cat.add_remake(b, a)
    >>> [(r.name, r.year, o.year) for r, o in catalog_facts(cat, {"a-1998", "a-1960"})]
    [('A', 1998, 1960)]
    >>> catalog_facts(None, {"a-1998"})
    []
    """
    return [] if catalog is None else known_remakes(catalog, keys)
