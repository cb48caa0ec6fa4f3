"""People a review names whom the catalog credits in the review's films.

The extractors give a person a part from the words around the name ("directed
by X", "X as Y"). Reviews as often name people with no such words ("Meg Ryan is
lost in it"), by surname alone ("Van Sant's remake") or misspelt ("Vince
Vaughan"). Where the review names a film the catalog knows, and the catalog
credits someone in that film, the review's mention of that person says their
part: the name is the review's words, the part is the catalog's.

- :func:`credited_people`: the catalog's credits in the review's linked films;
- :func:`match_credited`: the credited person a written name denotes (the same
  name, its surname, or a near spelling, each only where one person fits);
- :func:`complete_people`: the extraction with those people and their credits.

Nothing is added for a person the text does not name, nor for a film the review
does not name: a cast list alone stays in the catalog's own graph.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.link.protocol import Catalog
from kg.model import Credit, Entity, Extraction, Links, Mention, MentionKind, Person, Role
from kg.vocab import fold, slug

__all__ = ["Credited", "complete_people", "credited_people", "match_credited"]

FULL_CONFIDENCE = 0.7  # the full name is written
SHORT_CONFIDENCE = 0.6  # the surname alone, or a near spelling
NEAR = 80  # least similarity (rapidfuzz ratio of folded names) of a misspelt name
NEAR_LEAD = 5  # ... and its lead over the next person's
NEAR_WORD = 60  # ... and the least similarity of its first words, and of its last words
SURNAME_LETTERS = 4  # a surname alone must be at least this long ("Lee" is too common to trust)

# words that join a surname's parts ("Gus Van Sant", "Jan de Bont", "Olivia de Havilland")
_PARTICLES = frozenset("van von de der den del della di da du le la st dos das ten ter".split())
# words that may stand before a surname alone ("Mr. Stewart", "director Siegel")
_TITLES = frozenset("mr mrs ms miss dr sir dame director".split())
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_BEFORE = re.compile(r"([^\W\d_][\w'\u2019.-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201d)]\s+|\n\s*|<br\s*/?>\s*)$")
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z][a-z]")


@dataclass(frozen=True, slots=True)
class Credited:
    """A person the catalog credits in the review's films: ``parts`` are ``(role, film key)`` of the extraction."""

    person: Entity
    parts: tuple[tuple[Role, str], ...]


def credited_people(links: Links, catalog: Catalog) -> dict[str, Credited]:
    """The people the catalog credits in the films of ``links``, by person key."""
    parts: dict[str, list[tuple[Role, str]]] = {}
    for film in links.films:
        for role, person in catalog.credits(film.entity.key):
            try:
                parts.setdefault(person, []).append((Role(role), film.key))
            except ValueError:
                continue
    out = {}
    for key, found in sorted(parts.items()):
        entity = catalog.entity(key)
        if entity is not None:
            out[key] = Credited(entity, tuple(dict.fromkeys(found)))
    return out


@lru_cache(maxsize=8192)
def _forms(entity: Entity) -> tuple[str, ...]:
    """The folded names of ``entity`` (a person's name and its other spellings)."""
    return tuple(dict.fromkeys(f for f in (fold(n) for n in (entity.name, *entity.names)) if f))


@lru_cache(maxsize=8192)
def _folded_surname(name: str) -> str:
    return fold(_surname(name))


def _surname(name: str) -> str:
    """The surname of a full name with its particles: "Gus Van Sant" -> "Van Sant"; "" for one word."""
    words = name.split()
    if len(words) < 2:
        return ""
    i = len(words) - 1
    while i > 1 and fold(words[i - 1]) in _PARTICLES:
        i -= 1
    return " ".join(words[i:])


def match_credited(name: str, people: Iterable[Credited]) -> Credited | None:
    """The one credited person that ``name`` denotes, or ``None``.

    The same name (folded); else its surname ("Van Sant" for Gus Van Sant, at
    least four letters); else a near spelling of a full name ("Vince Vaughan")
    with the same initials and alike first and last words, clearly nearer than
    anyone else's.

    >>> from kg.model import Entity, Role
    >>> cast = [Credited(Entity("a", "Vince Vaughn"), ((Role.ACTOR, "f"),)),
    ...         Credited(Entity("b", "Gus Van Sant"), ((Role.DIRECTOR, "f"),))]
    >>> [match_credited(n, cast).person.name for n in ("vince vaughn", "Van Sant", "Vince Vaughan")]
    ['Vince Vaughn', 'Gus Van Sant', 'Vince Vaughn']
    >>> match_credited("Vera Vaughn", cast) is None
    True
    """
    people = list(people)
    n = fold(name)
    words = n.split()
    if not words:
        return None
    exact = [c for c in people if n in _forms(c.person)]
    if exact:
        return exact[0] if len(exact) == 1 else None
    by_surname = [c for c in people if n == _folded_surname(c.person.name)]
    if by_surname:
        return by_surname[0] if len(by_surname) == 1 and len(n.replace(" ", "")) >= SURNAME_LETTERS else None
    if len(words) < 2:
        return None
    from rapidfuzz import fuzz  # only for names the catalog does not know as written

    scored = []
    for c in people:
        forms = [f for f in _forms(c.person) if len(f.split()) >= 2 and _alike(f, n, fuzz.ratio)]
        if forms:
            scored.append((max(fuzz.ratio(n, f) for f in forms), c.person.key, c))
    scored.sort(key=lambda s: (-s[0], s[1]))
    if not scored or scored[0][0] < NEAR or (len(scored) > 1 and scored[0][0] - scored[1][0] < NEAR_LEAD):
        return None
    return scored[0][2]


def _alike(a: str, b: str, ratio: Callable[[str, str], float]) -> bool:
    """Whether two folded full names may be one name misspelt: same initials, first and last words alike
    ("eve mendes" / "eva mendes"; not "jennifer leigh" / "janet leigh")."""
    x, y = a.split(), b.split()
    return (
        (x[0][0], x[-1][0]) == (y[0][0], y[-1][0])
        and ratio(x[0], y[0]) >= NEAR_WORD
        and ratio(x[-1], y[-1]) >= NEAR_WORD
    )


def _plain(text: str) -> str:
    """``text`` without accents, of the same length (offsets stay valid)."""
    return "".join(unicodedata.normalize("NFD", c)[0] if ord(c) > 127 else c for c in text)


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str] | None:
    """The pattern of ``name`` written with any spacing and case, accents optional; ``None`` without words."""
    words = _WORD.findall(_plain(name))
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"[\s.'\u2019-]*".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def _surname_alone(text: str, start: int, end: int) -> bool:
    """Whether the surname at ``start:end`` stands for a person: capitalised, no first name before it,
    no other name after it, not a sentence's first word unless possessive."""
    if not text[start].isupper():
        return False
    before = text[:start]
    prev = _BEFORE.search(before[-40:])
    possessive = _POSSESSIVE.match(text, end) is not None
    if _SENTENCE_START.search(before[-12:]) and not possessive:
        return False
    if prev and prev.group(1)[0].isupper() and fold(prev.group(1)) not in _TITLES:
        if not _SENTENCE_START.search(before[: len(before) - len(prev.group(0))][-12:]):
            return False
    return possessive or _NEXT_CAPITAL.match(text, end) is None


def _mentions(text: str, plain: str, person: Entity, *, surname: bool) -> tuple[list[Mention], bool]:
    """The mentions of ``person`` in ``text`` (full names first; else, where ``surname``, the surname alone),
    and whether they are full names."""
    full = []
    for form in dict.fromkeys((person.name, *person.names)):
        if len(_WORD.findall(form)) >= 2 and (pattern := _pattern(form)) is not None:
            full += [m.span() for m in pattern.finditer(plain)]
    if full:
        return [Mention.of(text, s, e, MentionKind.PERSON) for s, e in sorted(set(full))], True
    last = _surname(person.name)
    pattern = _pattern(last)
    if (
        not surname
        or pattern is None
        or len(fold(last).replace(" ", "")) < SURNAME_LETTERS
        or re.search(rf"(?<!\w){re.escape(fold(last))}(?!\w)", text)
    ):  # "Lane" is the person; "a lane" in the same review says it is a word too
        return [], False
    spans = [m.span() for m in pattern.finditer(plain) if m.end() > m.start() and _surname_alone(text, *m.span())]
    return [Mention.of(text, s, e, MentionKind.PERSON) for s, e in spans], False


def complete_people(extraction: Extraction, links: Links, catalog: Catalog | None) -> Extraction:
    """``extraction`` with the parts the catalog gives the people its review names.

    For each person the catalog credits in a linked film of the review:

    - a person the extractors found (same name, surname or near spelling) gets the
      credits the extraction lacks;
    - a person the text names but the extractors left out (no cue around the name)
      is added, with their credits;
    - an extractor's credit in a linked film whose cast the catalog knows without the
      person, where the catalog credits them in that role in one other film of the
      review, is moved to that film (the words were about the other film).

    Each credit added has the person's first mention as evidence and a confidence of
    0.7 (full name) or 0.6 (surname or near spelling). Names inside a film's title or
    another person's name do not count.
    """
    if catalog is None or not links.films:
        return extraction
    credited = credited_people(links, catalog)
    if not credited:
        return extraction
    text = extraction.review.text
    plain = _plain(text)
    # words that already name a film or someone else: "Rocket (1996)", "Jennifer Leigh" (not Janet Leigh)
    taken = [(m.start, m.end) for f in extraction.films for m in f.mentions]
    taken += [(m.start, m.end) for p in extraction.people for m in p.mentions]
    people = {p.key: p for p in extraction.people}
    matched: dict[str, tuple[str, float]] = {}  # catalog person key -> (extraction person key, confidence)
    for p in extraction.people:
        linked = links.get(p.key)
        found = match_credited(p.name, credited.values())
        if found is not None and (linked is None or linked.entity.key == found.person.key):
            exact = fold(p.name) in _forms(found.person)
            matched.setdefault(found.person.key, (p.key, FULL_CONFIDENCE if exact else SHORT_CONFIDENCE))
    surnames = Counter(_folded_surname(c.person.name) for c in credited.values())
    for key, c in credited.items():
        if key in matched:
            continue
        mentions, full = _mentions(text, plain, c.person, surname=surnames[_folded_surname(c.person.name)] == 1)
        mentions = [m for m in mentions if not any(s <= m.start < e for s, e in taken)]
        if not mentions:
            continue
        pkey = slug(c.person.name)
        old = people.get(pkey)
        spans = {(m.start, m.end) for m in (old.mentions if old else ())}
        merged = (*(old.mentions if old else ()), *(m for m in mentions if (m.start, m.end) not in spans))
        people[pkey] = Person(pkey, old.name if old else c.person.name, tuple(sorted(merged, key=lambda m: m.start)))
        matched[key] = (pkey, FULL_CONFIDENCE if full else SHORT_CONFIDENCE)
    credits = _moved(list(extraction.credits), matched, credited, links, catalog)
    have = {(c.person, c.film, c.role) for c in credits}
    for key, (pkey, confidence) in sorted(matched.items()):
        person = people[pkey]
        for role, film in credited[key].parts:
            if (pkey, film, role) not in have and person.mentions:
                credits.append(Credit(pkey, film, role, person.mentions[0], confidence=confidence))
                have.add((pkey, film, role))
    return replace(extraction, people=tuple(people.values()), credits=tuple(credits))


def _moved(
    credits: list[Credit],
    matched: dict[str, tuple[str, float]],
    credited: dict[str, Credited],
    links: Links,
    catalog: Catalog,
) -> list[Credit]:
    """``credits`` with each one put in the film the catalog credits it in, where the words chose another."""
    person_of = {pkey: key for key, (pkey, _) in matched.items()}
    out: list[Credit] = []
    for c in credits:
        key, film = person_of.get(c.person), links.get(c.film)
        if key is not None and film is not None:
            cast = {pk for _, pk in catalog.credits(film.entity.key)}
            elsewhere = [f for role, f in credited[key].parts if role is c.role and f != c.film]
            if cast and key not in cast and len(set(elsewhere)) == 1:
                c = replace(c, film=elsewhere[0], confidence=min(c.confidence, FULL_CONFIDENCE))
        if not any((o.person, o.film, o.role) == (c.person, c.film, c.role) for o in out):
            out.append(c)
    return out
