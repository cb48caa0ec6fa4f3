"""Credits: a person's part in a film, and the film of the review it belongs to.

The words around a name give its part ("directed by X", "X's score", "X
plays", "starring X"); a list of names shares the part of its cue ("directed
by X and Y"). Each credit goes to the film that :mod:`kg.extract.attach`
reads from the words around it, the reviewed film by default; a credit that
only the default places is left out where the same person's part is tied to
another film elsewhere in the review ("X's 2008 film ... X's film").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.lexicon_people import (
    ACTING,
    COMPARED,
    ELSEWHERE,
    FILM_NOUNS,
    LIST_ACTOR,
    LIST_ACTOR_AFTER,
    ROLE_AFTER,
    ROLE_BEFORE,
    TITLE_NEAR,
)
from kg.extract.names import NameRun, PersonDraft, looks_like_person
from kg.extract.parts import Part
from kg.model import Credit, Film, Mention, MentionKind, Role
from kg.vocab import fold, slug

__all__ = ["find_credits", "name_lists", "role_cues"]


# After "X's original": not another noun ("X's original play"), so the word names a film.
_NOUN_END = (
    r"(?!['’-])(?=\s*(?:[^\w\s]|$|(?-i:[A-Z0-9])|(?:in|is|was|and|but|with|from|of|which|that|had|has|to|"
    r"for|on|at|as|so|too|still|remains|made|did)\b))"
)


def role_cues(text: str, start: int, end: int, sent: tuple[int, int]) -> list[tuple[str, tuple[int, int], str]]:
    """Parts that the words right around the name ``text[start:end]`` give it, with the cue's span and side.

    The side is ``"before"``, ``"after"`` or ``"possessive"`` ("X's film").

    >>> text = "It was directed by Ann Lee."
    >>> role_cues(text, 19, 26, (0, len(text)))
    [('director', (7, 26), 'before')]
    """
    found: list[tuple[str, tuple[int, int], str]] = []
    before = text[max(sent[0], start - 45) : start]
    for pattern, role in ROLE_BEFORE:
        sep = r"\s*:?\s*" if role == "actor" else r"\s*[:,]?\s*"
        m = re.search(
            rf"\b(?:{pattern}){sep}(?:(?:the\s+)?(?:great|legendary|late|young|talented|wonderful)\s+)?$", before, re.I
        )
        if m:
            found.append((role, (start - len(before) + m.start(), end), "before"))
            break
    after = text[end : min(sent[1], end + 60)]
    for pattern, role in ROLE_AFTER:
        m = re.match(rf"\s*(?:{pattern})", after, re.I)
        if m and role == "actor?":
            if not ACTING.search(text, sent[0], sent[1]):
                break
            role = "actor"
        if m:
            found.append((role, (start, end + m.end()), "after"))
            break
    m = re.match(
        rf"['’]s\s+(?:(?:[\w-]+|\"[^\"]*\")\s+){{0,3}}?{FILM_NOUNS}\b{_NOUN_END}",
        after,
        re.I,
    )
    if m and not any(r == "actor" for r, _, _ in found):
        found.append(("director", (start, end + m.end()), "possessive"))
    return found


def name_lists(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """Groups of indexes of name spans that form a list ("X, Y and Z", "X (…), Y (…)")."""
    groups: list[list[int]] = []
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    current: list[int] = []
    for i in order:
        if current:
            gap = text[spans[current[-1]][1] : spans[i][0]]
            gap = re.sub(r"\([^()]{0,80}\)", "", gap)
            if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+&|;)\s*", gap):
                current.append(i)
                continue
            groups.append(current)
        current = [i]
    if current:
        groups.append(current)
    return [g for g in groups if len(g) > 1]


# A film right after a name: "X in Film", "X from 'Film'", "X (Film".
_IN_TITLE = re.compile(r"\s*(?:\(\s*|,?\s+(?:in|from)\s+)[\"'‘“]?")
_CLOSE = re.compile(r"[\"'’”]?\s*(?:,?\s*\(?(?:18|19|20)\d\d\)?\s*)?\)")

_ROLE_OF = {
    "director": (Role.DIRECTOR,),
    "director+writer": (Role.DIRECTOR, Role.WRITER),
    "writer": (Role.WRITER,),
    "composer": (Role.COMPOSER,),
    "producer": (Role.PRODUCER,),
    "actor": (Role.ACTOR,),
    "crew": (),
    "character": (),
}


@dataclass(frozen=True, slots=True)
class _Claim:
    person: str  # fold key
    role: Role
    span: tuple[int, int]
    confidence: float
    character: str | None = None
    weak: bool = False  # a cue that says the part but not the film ("X's film", an unmarked name)
    tie: bool = False  # only a film next to the name says the part ("X in Film"): void for a film's maker
    film: str | None = None  # the film, where the words name it


def find_credits(
    text: str,
    persons: dict[str, PersonDraft],
    spans: list[tuple[tuple[int, int], str]],
    parts: list[Part],
    films: list[Film],
    reviewed: str | None,
    sent_of: Callable[[int], tuple[int, int]],
    film_of: Callable[[tuple[int, int]], tuple[str | None, bool]],
) -> list[Credit]:
    """The credits of the people of a review (see the module's docstring)."""
    if reviewed is None and not films:
        return []
    claims: list[_Claim] = []
    cued: set[str] = set()
    for part in parts:
        key = next((k for s, k in spans if s == part.actor), None)
        if key is not None:
            claims.append(_Claim(key, Role.ACTOR, part.span, part.confidence, part.character))
            cued.add(key)
    roles_by_span: dict[tuple[int, int], list[tuple[str, tuple[int, int], str]]] = {}
    for span, key in spans:
        roles_by_span[span] = role_cues(text, span[0], span[1], sent_of(span[0]))
        for role, cue_span, side in roles_by_span[span]:
            claims += [_Claim(key, r, cue_span, 0.8, weak=side == "possessive") for r in _ROLE_OF[role]]
            cued.add(key)
    direct: list[tuple[str, str, Mention]] = []  # "X's Film": X directed that film
    for span, key in spans:
        m = re.match(r"['’]s\s+(?:[\w-]+\s+){0,2}?[\"'‘“]?", text[span[1] : span[1] + 40])
        if m is None:
            continue
        at = span[1] + m.end()
        for f in films:
            if any(fm.start == at for fm in f.mentions) and not ACTING.search(text[span[1] : at]):
                end = next(fm.end for fm in f.mentions if fm.start == at)
                direct.append((key, f.key, Mention.of(text, span[0], end, MentionKind.CUE)))
                cued.add(key)
    ordered = [s for s, _ in spans]
    groups = name_lists(text, ordered)
    for group in groups:
        members = [spans[i] for i in group]
        first, last = members[0][0], members[-1][0]
        sent = sent_of(first[0])
        whole = (first[0], last[1])
        for role, cue_span, side in roles_by_span.get(first, []):  # "directed by X and Y"
            if side == "before" and role != "actor":
                for _span, key in members[1:]:
                    claims += [_Claim(key, r, (cue_span[0], whole[1]), 0.75) for r in _ROLE_OF[role]]
                    cued.add(key)
        listed = (
            bool(LIST_ACTOR.search(text[max(sent[0], first[0] - 40) : first[0]]))
            or bool(LIST_ACTOR_AFTER.match(text, last[1]))
            or any(r == "actor" for span, _ in members for r, _, _ in roles_by_span.get(span, []))
        )
        if listed:
            for _span, key in members:
                claims.append(_Claim(key, Role.ACTOR, whole, 0.7))
                cued.add(key)
    starts = {m.start: (m.end, f.key) for f in films for m in f.mentions if f.key != reviewed}
    for span, key in spans:  # "X in Film", "X (Film)": a player of that film, unless a maker
        m = _IN_TITLE.match(text, span[1])
        tied = starts.get(m.end()) if m else None
        if m is None or tied is None or (m.group(0).strip().startswith("(") and not _CLOSE.match(text, tied[0])):
            continue
        claims.append(_Claim(key, Role.ACTOR, (span[0], tied[0]), 0.6, tie=True, film=tied[1]))
        cued.add(key)
    list_spans = [(spans[g[0]][0][0], spans[g[-1]][0][1]) for g in groups]
    played: dict[str, set[str]] = {}  # the words of the parts each person plays
    for part in parts:
        key = next((k for s, k in spans if s == part.actor), None)
        if key is not None and part.character[:1].isupper():
            played.setdefault(key, set()).update(re.findall(r"\b[A-Z]\w+", part.character))
    others = {k: set().union(*(v for o, v in played.items() if o != k)) for k in persons}
    for key, p in persons.items():  # named in full, no part stated: a player where the talk is of acting
        if key in cued or len(p.tokens) < 2:
            continue
        full = [(s, e) for s, e in p.mentions if fold(text[s:e]) == key]
        if not full or not looks_like_person(NameRun(full[0][0], full[0][1], text[full[0][0] : full[0][1]])):
            continue
        for s, e in p.mentions:
            sent = sent_of(s)
            film, chosen = film_of((s, e))
            if film is None:
                break  # the words tie the name to a film the review does not name
            if not chosen and (ELSEWHERE.match(text, e) or TITLE_NEAR.search(text[s : min(sent[1], e + 40)])):
                break  # the sentence ties the name to a film we do not know: no guess
            if COMPARED.search(text, max(sent[0], s - 40), s):
                break  # "compare her to X", "remade it with X": a player of another film
            if set(re.findall(r"\b[A-Z]\w+", text[e : min(sent[1], e + 30)])) & others.get(key, set()):
                break  # "Y plays Norman ..., but X made Norman sweet": X played the part in another film
            listed = any(a[0] <= s < a[1] for a in list_spans)
            near = text[sent_of(max(0, sent[0] - 2))[0] : sent_of(min(len(text) - 1, sent[1] + 1))[1]]
            if ACTING.search(text[sent[0] : sent[1]]) or (listed and ACTING.search(near)):
                claims.append(_Claim(key, Role.ACTOR, (s, e) if chosen else full[0], 0.5, weak=True))
                break
    crew = {key for span, key in spans for role, _, _ in roles_by_span[span] if role == "crew"}
    return _settle(text, persons, claims, direct, film_of, reviewed, crew)


def _settle(
    text: str,
    persons: dict[str, PersonDraft],
    claims: list[_Claim],
    direct: list[tuple[str, str, Mention]],
    film_of: Callable[[tuple[int, int]], tuple[str | None, bool]],
    reviewed: str | None,
    crew: set[str],
) -> list[Credit]:
    """One credit per person, film and part, from the claims placed on their films."""
    placed = [(c, *((c.film, True) if c.film else film_of(c.span))) for c in claims]
    elsewhere = {(c.person, c.role) for c, film, chosen in placed if chosen and film != reviewed}
    elsewhere |= {(key, Role.DIRECTOR) for key, film, _ in direct if film != reviewed}
    makers = {c.person for c in claims if c.role is not Role.ACTOR} | {key for key, _, _ in direct} | crew
    out: dict[tuple[str, str, Role], Credit] = {}
    for c, film, chosen in placed:
        if film is None or (c.weak and not chosen and (c.person, c.role) in elsewhere):
            continue
        if c.tie and c.person in makers:
            continue
        pkey = slug(persons[c.person].name)
        k = (pkey, film, c.role)
        old = out.get(k)
        character = c.character
        if old is not None and (old.character or not character) and old.confidence >= c.confidence:
            continue
        if old is not None and old.character and not character:
            character = old.character
        ev = Mention.of(text, c.span[0], c.span[1], MentionKind.CUE)
        out[k] = Credit(pkey, film, c.role, ev, character=character, confidence=round(c.confidence, 2))
    for key, film, ev in direct:
        pkey = slug(persons[key].name)
        out.setdefault((pkey, film, Role.DIRECTOR), Credit(pkey, film, Role.DIRECTOR, ev, confidence=0.7))
    return list(out.values())
