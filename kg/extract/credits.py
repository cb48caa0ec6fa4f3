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
from functools import lru_cache

from kg.extract.lexicon_people import (
    ACTING,
    COMPARED,
    ELSEWHERE,
    FILM_NOUNS,
    LIST_ACTOR,
    LIST_ACTOR_AFTER,
    MAKING,
    ROLE_AFTER,
    ROLE_BEFORE,
    SET_AGAINST,
    TITLE_NEAR,
)
from kg.extract.names import NameRun, PersonDraft, looks_like_person
from kg.extract.parts import Part
from kg.model import Credit, Film, Mention, MentionKind, Role
from kg.vocab import fold, slug

__all__ = ["described_makers", "find_credits", "name_lists", "possessive_form", "role_cues"]


# After "X's original": not another noun ("X's original play"), so the word names a film.
_NOUN_END = (
    r"(?!['’-])(?=\s*(?:[^\w\s]|$|(?-i:[A-Z0-9])|(?:in|is|was|and|but|with|from|of|which|that|had|has|to|"
    r"for|on|at|as|so|too|still|remains|made|did|keeps|takes|makes|gets|feels|works|moves|looks|seems|starts|"
    r"ends|opens|follows|tells|shows|stays|runs|drags|succeeds|fails|holds|loses|lacks|has|had|never|also)\b))"
)


# The cue patterns of the lexicon, compiled once: before the name (anchored at it), after it, "X's film".
_SEP, _ACTOR_SEP = r"\s*[:,]?\s*", r"\s*:?\s*"
_BEFORE = tuple(
    (
        re.compile(
            rf"\b(?:{pattern})"
            + (_ACTOR_SEP if role == "actor" else _SEP)
            + r"(?:(?:the\s+)?(?:great|legendary|late|young|talented|wonderful)\s+)?$",
            re.I,
        ),
        role,
    )
    for pattern, role in ROLE_BEFORE
)
_AFTER = tuple((re.compile(rf"\s*(?:{pattern})", re.I), role) for pattern, role in ROLE_AFTER)
# Their unions: a name that none of them fits (most names) is passed over in one search.
_ANY_BEFORE = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _BEFORE), re.I)
_ANY_AFTER = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _AFTER), re.I)
_FILM_OF = re.compile(rf"['’]s\s+(?:(?:[\w-]+|\"[^\"]*\")\s+){{0,3}}?{FILM_NOUNS}\b{_NOUN_END}", re.I)


def role_cues(text: str, start: int, end: int, sent: tuple[int, int]) -> list[tuple[str, tuple[int, int], str]]:
    """Parts that the words right around the name ``text[start:end]`` give it, with the cue's span and side.

    The side is ``"before"``, ``"after"`` or ``"possessive"`` ("X's film").

    >>> text = "It was directed by Ann Lee."
    >>> role_cues(text, 19, 26, (0, len(text)))
    [('director', (7, 26), 'before')]
    """
    return list(_role_cues(text, start, end, sent))


@lru_cache(maxsize=4096)
def _role_cues(text: str, start: int, end: int, sent: tuple[int, int]) -> tuple[tuple[str, tuple[int, int], str], ...]:
    """:func:`role_cues`, once per name and sentence of a text (the people and their credits both ask)."""
    found: list[tuple[str, tuple[int, int], str]] = []
    before = text[max(sent[0], start - 45) : start]
    for rx, role in _BEFORE if _ANY_BEFORE.search(before) else ():
        m = rx.search(before)
        if m:
            found.append((role, (start - len(before) + m.start(), end), "before"))
            break
    after, shift = possessive_form(text, end, min(sent[1], end + 60))
    for rx, role in _AFTER if _ANY_AFTER.match(after) else ():
        m = rx.match(after)
        if m and role == "actor?":
            if not ACTING.search(text, sent[0], sent[1]):
                break
            role = "actor"
        if m:
            found.append((role, (start, end + m.end() - shift), "after"))
            break
    m = _FILM_OF.match(after)
    if m and not any(r == "actor" for r, _, _ in found):
        found.append(("director", (start, end + m.end() - shift), "possessive"))
    return tuple(found)


def possessive_form(text: str, end: int, stop: int) -> tuple[str, int]:
    """``text[end:stop]`` with a possessive written as ``'s`` ("Sturges' western", "Ann’s film"), and the shift.

    >>> possessive_form("John Sturges' western", 12, 21)
    ("'s western", 1)
    """
    after = text[end:stop]
    if after[:2] == "’s":
        return "'s" + after[2:], 0
    if after[:1] in ("'", "’") and text[end - 1 : end] == "s" and not re.match(r".[\w]", after):
        return "'s" + after[1:], 1
    return after, 0


# A word between "X's" and the title of X's film: a year, a film noun, a word that judges or dates a film.
_POSSESSED = re.compile(
    rf"(?:(?:18|19|20)\d\d|{FILM_NOUNS}|iconic|classic|great|greatest|famous|celebrated|acclaimed|underrated|"
    r"overlooked|brilliant|masterful|early|earlier|later|last|latest|first|final|previous|new|newest|debut|"
    r"superb|excellent|wonderful|best|seminal|landmark|legendary|magnificent|minor|lesser|forgotten|"
    r"(?-i:[a-z]+(?:ing|ic|ful|ous|ive|est|able|ible)))\s+[\"'‘“]?",
    re.I,
)
_DESCRIBED_BEFORE = re.compile(r"(?:the|a|an|this|that)\s+(?:(?:18|19|20)\d\d\s+|['’]\d\d\s+)?(?:original\s+)?", re.I)
_MAKERS_NOUNS = frozenset("version classic original remake re-make adaptation update production".split())
_DESCRIBED_AFTER = re.compile(rf"\s+(?:(?:star\s+)?vehicle|{FILM_NOUNS})", re.I)


def described_makers(
    text: str, films: list[Film], runs: list[NameRun]
) -> dict[tuple[int, int], tuple[str, Role | None, tuple[int, int]]]:
    """Names inside a film's description ("the 1945 Ann Lee classic", "the 1979 Tom Hardy vehicle").

    Each name span maps to the described film, the part the description gives (the star of a
    "vehicle", the maker of a "classic" or a "version", ``None`` where the words do not say:
    "the 1953 Ann Lee film") and the span of the description.

    >>> text = "A remake of the 1945 Ann Lee classic."
    >>> f = Film(key="f1", title="Night", year=1945, mentions=(Mention.of(text, 12, 36, MentionKind.FILM),))
    >>> described_makers(text, [f], [NameRun(21, 28, "Ann Lee")])
    {(21, 28): ('f1', <Role.DIRECTOR: 'director'>, (12, 36))}
    """
    out: dict[tuple[int, int], tuple[str, Role | None, tuple[int, int]]] = {}
    for f in films:
        for m in f.mentions:
            for r in runs:
                if m.start <= r.start and r.end <= m.end and _DESCRIBED_BEFORE.fullmatch(text, m.start, r.start):
                    tail = _DESCRIBED_AFTER.fullmatch(text, r.end, m.end)
                    if tail is not None:
                        noun = tail.group(0).split()[-1].lower()
                        role = Role.ACTOR if noun == "vehicle" else Role.DIRECTOR if noun in _MAKERS_NOUNS else None
                        out[(r.start, r.end)] = (f.key, role, (m.start, m.end))
    return out


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
    against: bool = False  # set against someone ("compare her to X"): void unless the words name X's film
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
    *,
    described: dict[tuple[int, int], tuple[str, Role | None, tuple[int, int]]] | None = None,
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
        if described and span in described:
            roles_by_span[span] = []
            continue
        roles_by_span[span] = role_cues(text, span[0], span[1], sent_of(span[0]))
        for role, cue_span, side in roles_by_span[span]:
            against = bool(SET_AGAINST.search(text, max(sent_of(span[0])[0], span[0] - 40), span[0]))
            claims += [
                _Claim(key, r, cue_span, 0.8, weak=side == "possessive", against=against) for r in _ROLE_OF[role]
            ]
            cued.add(key)
    direct: list[tuple[str, str, Mention]] = []  # "X's Film": X directed that film
    film_at = {fm.start: (f.key, fm.end) for f in films for fm in f.mentions}
    for span, key in spans:  # up to two words between: "X's iconic 'Film'", "X's 1958 Film"
        after, shift = possessive_form(text, span[1], span[1] + 40)
        m = re.match(r"'s\s+((?:[\w-]+\s+){0,2})[\"'‘“]?", after)
        if m is None:
            continue
        base = span[1] - shift
        words = [base + m.start(1) + w.start() for w in re.finditer(r"\S+", m.group(1))]
        for n, at in enumerate([*words, base + m.end()]):
            if n and not _POSSESSED.fullmatch(text, words[n - 1], at):
                break  # "X's character Y", "X's Jesse in Film": not X's film
            owned = film_at.get(at)
            if owned is not None and not ACTING.search(text[span[1] : at]):
                direct.append((key, owned[0], Mention.of(text, span[0], owned[1], MentionKind.CUE)))
                cued.add(key)
                break
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
            or any(p.actor == span for p in parts for span, _ in members)  # "X and Y as Z"
            or (  # three or more full names, no other part, no maker talked of: a cast
                len(members) >= 3
                and all(len(persons[key].tokens) >= 2 for _, key in members)
                and not any(roles_by_span.get(span) for span, _ in members)
                and not MAKING.search(text, sent[0], sent[1])
                and not any(c.person == key and c.role is not Role.ACTOR for c in claims for _, key in members)
                and not COMPARED.search(text, max(sent[0], first[0] - 40), first[0])
            )
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
    claims += _pronoun_claims(text, spans, persons, sent_of, claims)
    claims += _filmography_claims(text, spans, films, claims)
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
    for span, key in spans:  # "the 1945 X classic": X made the film the words describe
        if described and span in described:
            film, given, where = described[span]
            known = {c.role for c in claims if c.person == key}
            if given is not Role.ACTOR:  # a "classic" or a "film" of a player is the film they star in
                given = Role.DIRECTOR if Role.DIRECTOR in known else Role.ACTOR if Role.ACTOR in known else given
            if given is not None:
                claims.append(_Claim(key, given, where, 0.7, film=film))
    crew = {key for span, key in spans for role, _, _ in roles_by_span[span] if role == "crew"}
    return _settle(text, persons, claims, direct, film_of, reviewed, crew)


# After a name, the words that open a list of the person's films: "Ford films, A and B", "whose films include A".
_WORKS = re.compile(
    r"(?:['’]s)?\s+(?:(?:[\w-]+\s+){0,2}?)(?:films|movies|pictures|works|classics|efforts|outings)"
    r"\s*(?:,|:|\s+(?:like|such\s+as|including|include|includes|included|were|are)\s)\s*"
    r"|,\s*whose\s+(?:[\w-]+\s+){0,2}?(?:films|movies|pictures|works|credits|efforts)\s+"
    r"(?:include|includes|included|are|were)\s+(?:such\s+(?:films\s+)?as\s+)?"
    r"|(?P<one>['’]s\s+(?:[\w-]+\s+){0,2}?(?:effort|film|movie|work|picture|outing|feature)\s+(?:was|is)\s+"
    r"(?:the\s+|an?\s+)?)",
    re.I,
)
_QUOTE = re.compile(r"[\"'‘“]")


def _after_quote(text: str, at: int) -> int:
    return at + 1 if _QUOTE.match(text, at) else at


_ADJECTIVES = re.compile(r"(?:[\w-]+\s+){0,2}[\"'‘“]?")
# Between two films of a list: a year in parentheses, a comma, "and".
_WORKS_GAP = re.compile(
    r"[\"'’”]?\s*(?:\(\s*(?:18|19|20)\d\d\s*\)\s*)?(?:,\s*(?:and\s+|or\s+)?|;\s*|\s+and\s+|\s+or\s+)[\"'‘“]?"
)


def _filmography_claims(
    text: str, spans: list[tuple[tuple[int, int], str]], films: list[Film], claims: list[_Claim]
) -> list[_Claim]:
    """A person's other films named in a list: "two other Ford films, A (1940) and B", "X, whose films include A".

    The part is the one the person has elsewhere in the review (a maker's, else a player's); a person with no
    part elsewhere gets none.
    """
    film_at = {fm.start: (f.key, fm.end) for f in films for fm in f.mentions}
    out = []
    for span, key in spans:
        m = _WORKS.match(text, span[1])
        if m is None:
            continue
        known = {c.role for c in claims if c.person == key}
        if not known:
            continue  # "Hong Kong movies, A": only a person with a part elsewhere has a filmography
        roles = sorted(known - {Role.ACTOR}) or sorted(known)
        at = m.end()
        if m.group("one"):  # "X's last film was the chilling A": a word or two may stand before the title
            at = next((a for a in sorted(film_at) if at <= a and _ADJECTIVES.fullmatch(text, at, a)), at)
        while (tied := film_at.get(at) or film_at.get(_after_quote(text, at))) is not None:
            out += [_Claim(key, role, (span[0], tied[1]), 0.6, film=tied[0]) for role in roles]
            gap = _WORKS_GAP.match(text, tied[1])
            if gap is None or m.group("one"):
                break
            at = gap.end()
    return out


# A sentence that opens with a pronoun and says how its subject acts: "He's wooden as the captain."
_PRONOUN_ACTING = re.compile(
    r"(?:He|She)(?:\s+(?:also|really|just|simply|certainly|even))?\s+(?:plays|played|portrays|portrayed|overacts|"
    r"over-?acts|acts|acted|hams|(?:gives|gave|delivers|delivered|turns\s+in|turned\s+in)(?:\s+[\w-]+){0,4}?\s+"
    r"(?:performance|portrayal|turn))\b"
    r"|(?:He|She)(?:['’]s|\s+is|\s+was)\s+(?:[\w-]+\s+){0,3}?as\s+(?:the|a|an|his|her)\b"
)


def _pronoun_claims(
    text: str,
    spans: list[tuple[tuple[int, int], str]],
    persons: dict[str, PersonDraft],
    sent_of: Callable[[int], tuple[int, int]],
    claims: list[_Claim],
) -> list[_Claim]:
    """Players named by a pronoun: "... is Ann Lee. She is wooden as the widow." (one person in the sentence before)."""
    makers = {c.person for c in claims if c.role is not Role.ACTOR}
    out = []
    starts = sorted({sent_of(s)[0] for (s, _), _ in spans})
    for start in starts:
        end = sent_of(start)[1]
        gap = re.compile(r"\s*").match(text, end)
        nxt = sent_of(gap.end()) if gap is not None and gap.end() < len(text) else (start, end)
        m = _PRONOUN_ACTING.match(text, nxt[0], nxt[1])
        if m is None or nxt[0] < end:
            continue
        named = {key for (s, _), key in spans if start <= s < end}
        if len(named) != 1:
            continue
        key = next(iter(named))
        if key in makers or len(persons[key].tokens) < 2:
            continue
        last = max(s for s, k in spans if k == key and start <= s[0] < end)
        out.append(_Claim(key, Role.ACTOR, (last[0], m.end()), 0.55))
    return out


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
        if film is None or (c.weak and not chosen and (c.person, c.role) in elsewhere) or (c.against and not chosen):
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
