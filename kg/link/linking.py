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

__all__ = ["CATALOG_PREFIX", "find_cues", "known_remakes", "link", "resolve"]

CATALOG_PREFIX = "catalog:"  # film keys that resolve() adds: "catalog:<catalog key>"

THRESHOLD = 0.8  # least score of a link
MARGIN = 0.1  # least lead of the best candidate over the next
FAMILY_BOOST = 0.15  # candidate is an original or a remake of the reviewed film
SIBLING_BOOST = 0.03  # candidate is another remake of the same original (or the like)
PEOPLE_BOOST = 0.1  # the review names someone the catalog credits in the candidate
COUNTRY_BOOST, COUNTRY_COST = 0.05, 0.2
NAMED_CONFIDENCE = 0.8  # resolve(): the other film is named (title or year) next to a remake cue
CUE_CONFIDENCE = 0.6  # resolve(): only "the original" / "remake" points at the one known film

# remake cues (general words, no titles): "remake", "remade", "the original", "original version"
_REMAKE_CUE = re.compile(r"\b(?:re-?make[sd]?|re-?making|remade)\b", re.IGNORECASE)
_ORIGINAL_CUE = re.compile(
    r"\b(?:(?:the|an?|this|that|its)\s+(?:\d{4}\s+)?original(?!\s+(?:score|music|idea|story|script|screenplay|"
    r"soundtrack|cast|ending|song|novel|book|play|concept|premise|dialogue|material|language|title|print|"
    r"release|cut|character|sin))|original\s+(?:film|movie|version|one|picture))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|<br\s*/?>\s*(?:<br\s*/?>)?|\n+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def find_cues(text: str) -> list[Mention]:
    """The remake cues of ``text``: "remake", "remade", "the original", "original version", ...

    >>> [m.text for m in find_cues("The original was better than this remake.")]
    ['The original', 'remake']
    >>> find_cues("The original score is lovely.")
    []
    """
    found = [
        Mention.of(text, m.start(), m.end()) for rx in (_REMAKE_CUE, _ORIGINAL_CUE) for m in rx.finditer(text)
    ]
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
        credited = {
            fold(p.name) for role, pk in catalog.credits(key) if (p := catalog.entity(pk)) is not None
        }
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
        # no year, no family, no people: only an exact, unique, distinctive title will do
        if best_base < 0.97 or len(scored) > 1 or not _distinctive(film.title):
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
        if (
            f.key.startswith(CATALOG_PREFIX)
            and (ent := catalog.entity(f.key[len(CATALOG_PREFIX) :])) is not None
        ):
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
        chosen = _choose(f, catalog, family=family, people=people, exclude=exclude)
        if chosen is not None:
            films[f.key] = chosen
    linked_films = {lk.entity.key for lk in films.values()}
    person_links = []
    for p in extraction.people:
        cands = catalog.person_candidates(p.name)
        credited = [
            c
            for c in cands
            if any(pk == c.entity.key for fk in linked_films for _, pk in catalog.credits(fk))
        ]
        if len(credited) == 1:
            person_links.append(Link(p.key, credited[0].entity, 1.0))
        elif len(cands) == 1 and len(fold(p.name).split()) >= 2:
            person_links.append(Link(p.key, cands[0].entity, 0.9))
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


def resolve(extraction: Extraction, catalog: Catalog | None = None) -> Extraction:
    """``extraction`` completed with the remake relations its text states that the catalog pins down.

    The reviewed film is identified (by IMDb id, else by title and year) and its remake
    family looked up. Then, where the text has a remake cue ("remake", "remade",
    "the original", "original version"):

    - a film of the extraction that is in the family and named within a sentence of a cue
      gets the relation the catalog knows (its direction too);
    - a family film that the text names (a title, or its year next to a cue) is added;
    - with no film named, "the original" of a film with one known original, or "remake"
      in a review of a film with one original (or, of an original, with one remake), is
      that film.

    Films added have keys ``catalog:<key>``; relations have the cue as evidence and a
    confidence of 0.8 (named) or 0.6 (cue only). Nothing is added without a cue.

    Examples
    --------
    >>> from kg.model import Review
    >>> resolve(Extraction(review=Review(id="r", text="x"))).films
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
        lo, hi = _window(sentences, start)
        return next((c for c in cues if lo <= c.start < hi), None)

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
        original_cue = next((c for c in cues if _ORIGINAL_CUE.fullmatch(c.text)), None)
        target = None
        if len(originals) == 1 and (original_cue is not None or not remakes):
            target = next(iter(originals))
        elif not originals and len(remakes) == 1:  # "the original" of an original is the film itself
            target = next(iter(remakes))
        other = catalog.entity(target) if target else None
        if other is not None and target is not None:
            names_original = original_cue is not None and target in originals
            if names_original and original_cue is not None:
                cue = original_cue
            else:
                cue = next((c for c in cues if _REMAKE_CUE.fullmatch(c.text)), cues[0])
            mentions = (Mention(cue.start, cue.end, MentionKind.FILM, cue.text),) if names_original else ()
            key = CATALOG_PREFIX + target
            added.append(
                Film(key=key, title=other.name, year=other.year, countries=other.countries, mentions=mentions)
            )
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
