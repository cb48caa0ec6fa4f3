"""Credits: a person's part in a film, and the film of the review it belongs to.

The words around a name give its part ("directed by X", "X's score", "X
plays", "starring X"); a list of names shares the part of its cue. Each
credit goes to the reviewed film unless the words tie it to another film of
the review ("X in Film", "X (Film)", "X's Film").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.lexicon_people import (
    ACTING,
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

__all__ = ["film_for", "find_credits", "name_lists", "role_cues"]


def role_cues(text: str, start: int, end: int, sent: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
    """Parts that the words right around the name ``text[start:end]`` give it, with the cue's span."""
    found: list[tuple[str, tuple[int, int]]] = []
    before = text[max(sent[0], start - 45) : start]
    for pattern, role in ROLE_BEFORE:
        sep = r"\s*:?\s*" if role == "actor" else r"\s*[:,]?\s*"
        m = re.search(
            rf"\b(?:{pattern}){sep}(?:(?:the\s+)?(?:great|legendary|late|young|talented|wonderful)\s+)?$", before, re.I
        )
        if m:
            found.append((role, (start - len(before) + m.start(), end)))
            break
    after = text[end : min(sent[1], end + 60)]
    for pattern, role in ROLE_AFTER:
        m = re.match(pattern, after, re.I)
        if m:
            found.append((role, (start, end + m.end())))
            break
    m = re.match(rf"['’]s\s+(?:(?:[\w-]+|\"[^\"]*\")\s+){{0,3}}?{FILM_NOUNS}\b", after, re.I)
    if m and not any(r == "actor" for r, _ in found):
        found.append(("director", (start, end + m.end())))
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


_ROLE_OF = {
    "director": (Role.DIRECTOR,),
    "director+writer": (Role.DIRECTOR, Role.WRITER),
    "writer": (Role.WRITER,),
    "composer": (Role.COMPOSER,),
    "producer": (Role.PRODUCER,),
    "actor": (Role.ACTOR,),
}


def find_credits(
    text: str,
    persons: dict[str, PersonDraft],
    spans: list[tuple[tuple[int, int], str]],
    parts: list[Part],
    films: list[Film],
    reviewed: str | None,
    sent_of: Callable[[int], tuple[int, int]],
) -> list[Credit]:
    """The credits of the people of a review (see the module's docstring)."""
    out: dict[tuple[str, str, Role], Credit] = {}
    if reviewed is None and not films:
        return []

    def add(key: str, role: Role, span: tuple[int, int], conf: float, character: str | None = None) -> None:
        film = film_for(text, span, films, reviewed, sent_of(span[0]))
        if film is None:
            return
        pkey = slug(persons[key].name)
        k = (pkey, film, role)
        old = out.get(k)
        if old is not None and (old.character or not character) and old.confidence >= conf:
            return
        ev = Mention.of(text, span[0], span[1], MentionKind.CUE)
        if old is not None and old.character and not character:
            character = old.character
        out[k] = Credit(pkey, film, role, ev, character=character, confidence=round(conf, 2))

    cued: set[str] = set()
    for part in parts:
        key = next((k for s, k in spans if s == part.actor), None)
        if key is not None:
            add(key, Role.ACTOR, part.span, part.confidence, part.character)
            cued.add(key)
    roles_by_span: dict[tuple[int, int], list[tuple[str, tuple[int, int]]]] = {}
    for span, key in spans:
        roles_by_span[span] = role_cues(text, span[0], span[1], sent_of(span[0]))
        for role, cue_span in roles_by_span[span]:
            for r in _ROLE_OF[role]:
                add(key, r, cue_span, 0.8)
            cued.add(key)
    for span, key in spans:  # "X's Film", "X's iconic 'Film'": X directed that film
        m = re.match(r"['’]s\s+(?:[\w-]+\s+){0,2}?[\"'‘“]?", text[span[1] : span[1] + 40])
        if m is None:
            continue
        at = span[1] + m.end()
        for f in films:
            if any(fm.start == at for fm in f.mentions) and not ACTING.search(text[span[1] : at]):
                ev = Mention.of(text, span[0], next(fm.end for fm in f.mentions if fm.start == at), MentionKind.CUE)
                pkey = slug(persons[key].name)
                out.setdefault((pkey, f.key, Role.DIRECTOR), Credit(pkey, f.key, Role.DIRECTOR, ev, confidence=0.7))
                cued.add(key)
    ordered = [s for s, _ in spans]
    for group in name_lists(text, ordered):
        members = [spans[i] for i in group]
        first, last = members[0][0], members[-1][0]
        sent = sent_of(first[0])
        listed = (
            bool(LIST_ACTOR.search(text[max(sent[0], first[0] - 40) : first[0]]))
            or bool(LIST_ACTOR_AFTER.match(text, last[1]))
            or any(r == "actor" for span, _ in members for r, _ in roles_by_span.get(span, []))
        )
        if listed:
            for _span, key in members:
                add(key, Role.ACTOR, (first[0], last[1]), 0.7)
                cued.add(key)
    list_spans = [(spans[g[0]][0][0], spans[g[-1]][0][1]) for g in name_lists(text, ordered)]
    for key, p in persons.items():  # named in full, no part stated: a player where the talk is of acting
        if key in cued or len(p.tokens) < 2:
            continue
        full = [(s, e) for s, e in p.mentions if fold(text[s:e]) == key]
        if not full or not looks_like_person(NameRun(full[0][0], full[0][1], text[full[0][0] : full[0][1]])):
            continue
        for s, e in p.mentions:
            sent = sent_of(s)
            tied = film_for(text, (s, e), films, reviewed, sent) != reviewed
            if not tied and (ELSEWHERE.match(text, e) or TITLE_NEAR.search(text[s : min(sent[1], e + 40)])):
                break  # the sentence ties the name to a film we do not know: no guess
            listed = any(a[0] <= s < a[1] for a in list_spans)
            near = text[sent_of(max(0, sent[0] - 2))[0] : sent_of(min(len(text) - 1, sent[1] + 1))[1]]
            if ACTING.search(text[sent[0] : sent[1]]) or (listed and ACTING.search(near)):
                add(key, Role.ACTOR, (s, e) if tied else full[0], 0.5)
                break
    return list(out.values())


def film_for(
    text: str, span: tuple[int, int], films: list[Film], reviewed: str | None, sent: tuple[int, int]
) -> str | None:
    """The film a credit at ``span`` belongs to: a film the words tie it to, else the reviewed film."""
    best: tuple[int, str] | None = None
    for f in films:
        for m in f.mentions:
            if not (sent[0] <= m.start < sent[1]):
                continue
            if m.start >= span[1]:
                gap = text[span[1] : m.start]
                ok = re.fullmatch(
                    r"\s*(?:\(|['’]s\s+(?:\w+\s+)?|,?\s+(?:in|from|for|of|on)\s+(?:the\s+)?(?:\w+\s+)?|"
                    r"\s+(?:appears|appeared|starred|stars|also\s+appears|co-starred)\s+in\s+(?:the\s+)?)[\"'‘“]?",
                    gap,
                )
                dist = len(gap)
            elif m.end <= span[0]:
                gap = text[m.end : span[0]]
                ok = re.fullmatch(
                    r"[\"'’”]?\s*(?:['’]s\s+|\(|,\s*|\s+)(?:(?:the\s+)?(?:film['’]?s\s+)?"
                    r"(?:director|star|writer|composer|producer|lead)s?\s*,?\s*)?",
                    gap,
                )
                dist = len(gap)
            else:
                continue
            if ok and (best is None or dist < best[0]):
                best = (dist, f.key)
    if best is not None:
        return best[1]
    return reviewed
