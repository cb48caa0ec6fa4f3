"""Films known by the remake links the text states: what linking learns from the direction of a link.

- :func:`contradicted`: the catalog films a film cannot be, given the links the text states
  (a film said to be a remake is none of the originals of the film it remakes);
- :func:`link_related`: a film under a title the catalog lacks (its original-language title),
  said to be the original or a remake of a linked film, is the catalog's one such film of its year;
- :func:`described_reviewed_film`: "the remake" of a reviewed remake, "the original" of a
  reviewed original, the reviewed title a year off: the reviewed film itself.
"""

from __future__ import annotations

from dataclasses import replace

from kg.link.protocol import Catalog
from kg.model import Extraction, Film, Link, Links
from kg.vocab import fold_title

__all__ = ["RELATED_SCORE", "contradicted", "described_reviewed_film", "link_related"]

RELATED_SCORE = 0.85  # link_related(): the one original (remake) of a linked film from the year the text gives


def contradicted(extraction: Extraction, catalog: Catalog, films: dict[str, Link], key: str) -> set[str]:
    """The catalog films that film ``key`` cannot be, by the direction of the remake links the text states.

    The text says ``key`` is a remake of a linked film: it is none of that film's originals
    (in a review of a remake, "the remake" is not the original the catalog knows); the text
    says it is an original: it is none of that film's remakes.
    """
    out: set[str] = set()
    for rel in extraction.relations:
        if rel.source == key and rel.target in films:
            out.update(catalog.originals(films[rel.target].entity.key))
        elif rel.target == key and rel.source in films:
            out.update(catalog.remakes(films[rel.source].entity.key))
    return out


def link_related(extraction: Extraction, catalog: Catalog, films: dict[str, Link]) -> None:
    """Link the films the text says are an original or a remake of a linked film, by their year.

    A review may give a film under a title the catalog does not hold (its original-language
    title: "El desconocido" for the catalog's "Retribution" of 2015). Where the words say it is
    the original (or a remake) of a linked film, and the catalog knows exactly one original (or
    remake) of that film from the same year, of no other country, that film is the one.
    """
    taken = {lk.entity.key for lk in films.values()}
    for rel in extraction.relations:
        for this, other, kin in (
            (rel.target, rel.source, catalog.originals),
            (rel.source, rel.target, catalog.remakes),
        ):
            if this in films or other not in films:
                continue
            film = extraction.film(this)
            if film.year is None:
                continue
            found = [
                ent
                for key in kin(films[other].entity.key)
                if (ent := catalog.entity(key)) is not None
                and ent.year == film.year
                and not (film.countries and ent.countries and not set(film.countries) & set(ent.countries))
            ]
            if len(found) == 1 and found[0].key not in taken:
                films[this] = Link(this, found[0], RELATED_SCORE)
                taken.add(found[0].key)


def described_reviewed_film(extraction: Extraction, catalog: Catalog, links: Links) -> Extraction:
    """``extraction`` without the films that are the reviewed film under a description.

    A film with the reviewed film's title and no link of its own is the reviewed film itself
    when the text relates the two and the film's year is a year off the reviewed film's (a
    production year), or when it has no year and the text calls it a remake of the reviewed
    film while the catalog knows the reviewed film as a remake and not as an original ("the
    remake" said of the film under review), or the original of it while the catalog knows it
    as an original and not as a remake ("the original" said of the original under review).
    Its mentions and claims go to the reviewed film, and the link to itself is dropped.
    """
    reviewed = extraction.reviewed_film
    anchor = links.get(reviewed) if reviewed else None
    if reviewed is None or anchor is None:
        return extraction
    originals, remakes = catalog.originals(anchor.entity.key), catalog.remakes(anchor.entity.key)
    own = extraction.film(reviewed)
    year = own.year or anchor.entity.year

    def described(f: Film) -> bool:
        if f.year is not None:  # a year off, with the title: the film under review (a production year)
            pairs = {(f.key, reviewed), (reviewed, f.key)}
            return (
                year is not None
                and abs(f.year - year) <= 1
                and any((r.source, r.target) in pairs for r in extraction.relations)
            )
        if bool(originals) == bool(remakes):
            return False  # unknown to the catalog's remake lists, or both original and remake: words must decide
        pair = (f.key, reviewed) if originals else (reviewed, f.key)
        return any((r.source, r.target) == pair for r in extraction.relations)

    same = {
        f.key
        for f in extraction.films
        if f.key != reviewed
        and links.get(f.key) is None
        and fold_title(f.title) == fold_title(own.title)
        and described(f)
    }
    if not same:
        return extraction

    def to(key: str) -> str:
        return reviewed if key in same else key

    moved = {m for f in extraction.films if f.key in same for m in f.mentions}
    films = tuple(
        replace(f, mentions=tuple(sorted({*f.mentions, *moved}, key=lambda m: (m.start, m.end))))
        if f.key == reviewed
        else f
        for f in extraction.films
        if f.key not in same
    )
    return replace(
        extraction,
        films=films,
        relations=tuple(
            replace(r, source=to(r.source), target=to(r.target))
            for r in extraction.relations
            if to(r.source) != to(r.target)
        ),
        credits=tuple(dict.fromkeys(replace(c, film=to(c.film)) for c in extraction.credits)),
        opinions=tuple(replace(o, target=to(o.target)) for o in extraction.opinions),
        comparisons=tuple(
            replace(c, film=to(c.film), versus=to(c.versus))
            for c in extraction.comparisons
            if to(c.film) != to(c.versus)
        ),
    )
