"""People a review names, and their parts in its films.

Names are capitalised runs ("Jo Woo-jin", "Cecil B. DeMille", "Jan de Bont")
that look like a person's: a known given name first (from the name list of
``gender-guesser``), a part given by the words around them ("directed by X",
"X as Y", "Y (X)", "X plays Y", "starring X", "X's performance"), or both. A
surname or a first name alone ("Stewart", "Lubitsch's film") is the person
named in full elsewhere in the review. Characters are found with their actors
and are never taken for people. Each credit goes to the reviewed film unless
the words tie it to another film of the review ("X in Film", "X (Film)",
"X's Film").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import gender_guesser.detector as gender_detector  # type: ignore[import-untyped]

from kg.extract.lexicon_people import (
    ACTING,
    CHARACTER_NOUNS,
    ELSEWHERE,
    FILM_NOUNS,
    LIST_ACTOR,
    LIST_ACTOR_AFTER,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    NOT_SURNAME_WORDS,
    ROLE_AFTER,
    ROLE_BEFORE,
    TITLE_NEAR,
    TITLES,
)
from kg.extract.text import find_sentences
from kg.model import Credit, Film, Mention, MentionKind, Person, Review, Role
from kg.vocab import fold, slug

__all__ = ["find_people", "is_given_name", "name_runs"]

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_WORD = (
    rf"(?:[{_UP}]\.(?:\s?[{_UP}]\.)*"
    rf"|(?:[OD]['’])?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)*(?:-[{_UP}{_LO}][{_LO}]+)*)"
)
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
_RUN = re.compile(
    rf"(?<![\w'’-]){_WORD}(?:[ \u00a0]+(?:(?:{_PARTICLE})[ \u00a0]+)*{_WORD}){{0,4}}(?:,?\s+Jr\.)?(?![\w-])"
)
_TOKEN = re.compile(rf"{_WORD}|Jr\.")


@lru_cache(maxsize=1)
def _detector() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name in some country (and not a common English word).

    >>> is_given_name("Margaret"), is_given_name("The"), is_given_name("Budapest")
    (True, False, False)
    """
    w = word.strip(".")
    if w.lower() in NOT_NAME_WORDS or len(w) < 2:
        return False
    return bool(_detector().get_gender(w) != "unknown")


@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    text: str

    @property
    def tokens(self) -> list[str]:
        return _TOKEN.findall(self.text)


def name_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """The capitalised runs of ``text`` that may be names, with leading and trailing common words cut.

    >>> [r[2] for r in name_runs("By 1940, director Ernst Lubitsch met Jan de Bont in Hollywood.")]
    ['Ernst Lubitsch', 'Jan de Bont']
    """
    for m in _RUN.finditer(text):
        run = _trim(text, m.start(), m.end())
        if run is not None:
            yield run.start, run.end, run.text


def _trim(text: str, start: int, end: int) -> _Run | None:
    toks = [(t.start() + start, t.end() + start) for t in _TOKEN.finditer(text[start:end])]
    while toks and _common(text[toks[0][0] : toks[0][1]]):
        toks.pop(0)
    while toks and _common(text[toks[-1][0] : toks[-1][1]]):
        toks.pop()
    if not toks:
        return None
    s, e = toks[0][0], toks[-1][1]
    return _Run(s, e, text[s:e])


def _sentence_trim(text: str, run: _Run, sentences: list[tuple[int, int]]) -> _Run:
    """``run`` without its first word where that word only has a capital because it starts a sentence."""
    toks = [(m.start() + run.start, m.end() + run.start) for m in _TOKEN.finditer(run.text)]
    if len(toks) < 2 or is_given_name(text[toks[0][0] : toks[0][1]]) or re.match(r"\s*\(", text[run.end : run.end + 3]):
        return run
    starts = {s for s, _ in sentences}
    head = toks[0][0]
    if head in starts or re.search(r"(?:^|[.!?:]\s+|\n)[\"'“‘(]*$", text[max(0, head - 4) : head]):
        s = toks[1][0]
        return _Run(s, run.end, text[s : run.end])
    return run


def _common(word: str) -> bool:
    return word.lower().strip(".") in NOT_NAME_WORDS


@dataclass
class _Person:
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    cued: bool = False  # a part-giving cue or a character pattern vouches for it

    @property
    def tokens(self) -> list[str]:
        return _TOKEN.findall(self.name)


@dataclass(frozen=True, slots=True)
class _Part:
    actor: tuple[int, int]  # span of the actor's name
    character: str
    span: tuple[int, int]  # evidence: the whole pattern
    confidence: float
    paren: bool = False  # found as "Y (X)", which may be "Actor (Character)"


# ---------------------------------------------------------------- characters

_ROLE_HEAD = "|".join(sorted((re.escape(w) for w in CHARACTER_NOUNS), key=len, reverse=True))
_NP = rf"(?:(?:the|a|an|his|her|their|[{_UP}][{_LO}]+(?:-[{_UP}{_LO}][{_LO}]+)*['’]s)\s+)(?:[\w'’-]+\s+){{0,3}}?(?:{_ROLE_HEAD})\b"
_NP_RE = re.compile(_NP, re.I)


def _character_after(text: str, pos: int, runs_at: dict[int, _Run]) -> tuple[str, int, int] | None:
    """The part named right at ``pos``: a capitalised run or a description ending in a role noun."""
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    run = runs_at.get(i)
    if run is None:
        m = re.match(rf"(?:(?:{'|'.join(TITLES)})\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}", text[i:], re.I)
        if m and text[i].isupper():
            run = _Run(i, i + m.end(), m.group(0))
    if run is not None and run.start == i:
        nxt = text[run.end : run.end + 3]
        if nxt.startswith("'s") or nxt.startswith("’s"):
            np = _NP_RE.match(text, i)
            return (np.group(0), np.start(), np.end()) if np else None
        return run.text, run.start, run.end
    np = _NP_RE.match(text, i)
    if np:
        s = np.start() + (np.group(0).lower().startswith(("a ", "an ")) and len(np.group(0).split()[0]) + 1)
        return text[s : np.end()], s, np.end()
    return None


def _character_before(text: str, pos: int, runs_end: dict[int, _Run]) -> tuple[str, int, int] | None:
    """The part named right before ``pos`` (the ``(`` of ``Y (X)``)."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    run = runs_end.get(j)
    if run is not None:
        start = run.start
        pre = re.search(rf"(?:{'|'.join(TITLES)})\s+$", text[max(0, start - 12) : start], re.I)
        if pre and text[start - len(pre.group(0))].isupper():
            start -= len(pre.group(0))
        return text[start:j], start, j
    window = text[max(0, j - 60) : j]
    np = re.search(rf"\b(?:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_ROLE_HEAD})$", window, re.I)
    if np:
        s = j - len(window) + np.start()
        if np.group(0).lower().startswith(("a ", "an ")):
            s += len(np.group(0).split()[0]) + 1
        return text[s:j], s, j
    return None


def _parts(text: str, runs: list[_Run], film_spans: list[tuple[int, int]], known: set[str]) -> list[_Part]:
    """Actor and part pairs: "X as Y", "Y (X)", "X plays Y", "Y is played by X", "X is Y"."""
    runs_at = {r.start: r for r in runs}
    runs_end = {r.end: r for r in runs}
    parts: list[_Part] = []

    def in_film(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in film_spans)

    for r in runs:
        if in_film(r.start, r.end):
            continue
        # "As Mildred Rogers, Davis burst forth": As C, X ...
        head = text[max(0, r.start - 4) : r.start]
        if head.endswith(("As ", "as ")) and (
            r.start < 4 or re.search(r"(?:^|[.!?\n]\s*)[Aa]s $", text[max(0, r.start - 6) : r.start])
        ):
            m = re.match(r",\s*", text[r.end : r.end + 3])
            actor = runs_at.get(r.end + m.end()) if m else None
            if actor is not None and fold(r.text) not in known:
                parts.append(_Part((actor.start, actor.end), r.text, (r.start - 3, actor.end), 0.75))
                continue
        # "... brings no energy to the role of Jill Johnson": the part of the last person named before
        m = re.search(r"\b(?:the\s+)?(?:role|part)\s+of\s+$", text[max(0, r.start - 16) : r.start])
        if m and fold(r.text) not in known:
            sent_start = _sentence_of(text, r.start)
            before = [x for x in runs if sent_start <= x.start and x.end <= r.start - len(m.group(0))]
            if before and len(before[-1].tokens) >= 2:
                a = before[-1]
                parts.append(_Part((a.start, a.end), r.text, (a.start, r.end), 0.6))
                continue
        tail = text[r.end : r.end + 40]
        # X as Y / X stars as Y / X plays Y / X played the role of Y / X is Y
        m = re.match(
            r"(?:,\s*)?(?:\s+(?:(?:who|also)\s+)?(?:stars|starred|appears|appeared|is\s+cast|was\s+cast|co-stars|"
            r"shines|excels|is\s+excellent|is\s+superb|is\s+great|is\s+good|is\s+fine)?)?\s+as\s+(?!well|usual|good|much|always|if|though|a\s+(?:whole|result|kid|child|director|actor|actress))"
            r"|\s+(?:plays|played|portrays|portrayed|playing|plays\s+the\s+role\s+of|played\s+the\s+role\s+of|"
            r"plays\s+the\s+part\s+of|in\s+the\s+role\s+of)\s+"
            r"|\s+(?:is|was)\s+(?=[" + _UP + r"])",
            tail,
        )
        if m:
            c = _character_after(text, r.end + m.end(), runs_at)
            if c and not in_film(c[1], c[2]) and fold(c[0]) not in known and _plausible_part(c[0]):
                verb = m.group(0).strip().lower()
                if verb in ("is", "was") and (c[0].split()[0].lower() in NOT_NAME_WORDS or " " not in c[0]):
                    continue
                conf = 0.6 if verb in ("is", "was") else 0.85
                parts.append(_Part((r.start, r.end), c[0], (r.start, c[2]), conf))
                continue
        # Y (X) or X (Y)
        if r.start > 0 and text[r.start - 1] == "(" and re.match(r"\s*[),]", text[r.end : r.end + 2]):
            c = _character_before(text, r.start - 1, runs_end)
            if c and not in_film(c[1], c[2]):
                parts.append(_Part((r.start, r.end), c[0], (c[1], r.end + 1), 0.8, paren=True))
        # Y is played by X / Y, played by X
        m = re.match(r"(?:,\s*|\s+(?:is|was)\s+)(?:(?:well|ably|superbly|nicely|badly|poorly)\s+)?played\s+by\s+", tail)
        if m:
            actor = runs_at.get(r.end + m.end())
            if actor is not None and fold(r.text) not in known:
                parts.append(_Part((actor.start, actor.end), r.text, (r.start, actor.end), 0.85))
    return parts


def _plausible_part(c: str) -> bool:
    words = c.split()
    return 0 < len(words) <= 6 and words[-1].lower() not in ("film", "movie", "role", "part", "well", "ever")


def _orient(text: str, parts: list[_Part], runs: list[_Run], persons: dict[str, _Person]) -> list[_Part]:
    """Turn "Actor (Character)" pairs found as "Character (Actor)" the right way round."""
    out: list[_Part] = []
    surnames = {p.tokens[-1] for p in persons.values() if len(p.tokens) > 1}
    flip_sentences: set[int] = set()
    decided: list[tuple[_Part, bool]] = []
    for p in parts:
        s, e = p.actor
        if not p.paren:
            decided.append((p, False))
            continue
        inside = text[s:e]
        outer_tokens = _TOKEN.findall(p.character)
        flip = (
            len(_TOKEN.findall(inside)) == 1
            and inside not in surnames
            and is_given_name(inside)
            and len(outer_tokens) >= 2
            and is_given_name(outer_tokens[0])
        )
        if flip:
            flip_sentences.add(_sentence_of(text, s))
        decided.append((p, flip))
    for p, flip in decided:
        if not flip and p.paren and _sentence_of(text, p.actor[0]) in flip_sentences:
            flip = len(_TOKEN.findall(p.character)) >= 2 and p.character[0].isupper()
        if flip:
            outer = p.span[0], p.span[0] + len(p.character)
            out.append(_Part(outer, text[p.actor[0] : p.actor[1]], p.span, p.confidence - 0.1, paren=True))
        else:
            out.append(p)
    return out


def _sentence_of(text: str, pos: int) -> int:
    return max((s for s, _ in find_sentences(text) if s <= pos), default=0)


# ---------------------------------------------------------------- people


def _looks_like_person(run: _Run) -> bool:
    toks = run.tokens
    if len(toks) < 2 or len(toks) > 4:
        return False
    last = toks[-1].lower().strip(".")
    if last in NOT_SURNAME_WORDS or last in NOT_NAME_WORDS:
        return False
    if any(t.lower() in NOT_NAME_WORDS for t in toks[1:]):
        return False
    first = toks[0]
    if re.fullmatch(rf"(?:[{_UP}]\.\s?)+", first):
        return True
    if is_given_name(first):
        return True
    # East Asian names: "Jo Woo-jin", "Kim Chang-ju"
    return len(first) <= 4 and len(toks) == 2 and "-" in toks[1]


def _cue(text: str, start: int, end: int, sent: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
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


def _lists(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
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


def find_people(review: Review, films: list[Film], *, reviewed: str | None) -> tuple[list[Person], list[Credit]]:
    """The people of ``review`` and their credits.

    Parameters
    ----------
    review : Review
        The review to read.
    films : list of Film
        The films of the review, with their mentions; credits go to these.
    reviewed : str or None
        The key of the reviewed film: the film of a credit unless the text ties it to another.

    Returns
    -------
    tuple of (list of Person, list of Credit)
        Each person with every mention of them; each credit with its evidence and confidence.

    Examples
    --------
    >>> from kg.model import Film
    >>> r = Review(id="r", text="Directed by Ann Lee, it stars Tom Hardy as Max. Hardy is superb.")
    >>> people, credits = find_people(r, [Film(key="f0", title="Road")], reviewed="f0")
    >>> [(p.name, len(p.mentions)) for p in people]
    [('Ann Lee', 1), ('Tom Hardy', 2)]
    >>> sorted((c.role.value, c.character) for c in credits)
    [('actor', 'Max'), ('director', None)]
    """
    text = review.text
    film_spans = [(m.start, m.end) for f in films for m in f.mentions]
    titles = {fold(t) for f in films for t in (f.title, *f.aka)}
    runs = [_Run(s, e, t) for s, e, t in name_runs(text)]
    runs = [r for r in runs if not any(a < r.end and r.start < b for a, b in film_spans) and fold(r.text) not in titles]
    sentences = list(find_sentences(text)) or [(0, len(text))]

    def sent_of(pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e in sentences if s <= pos < e), (0, len(text)))

    runs = [_sentence_trim(text, r, sentences) for r in runs]
    cued_runs = {
        i for i, r in enumerate(runs) if 2 <= len(r.tokens) <= 4 and _cue(text, r.start, r.end, sent_of(r.start))
    }
    for group in _lists(text, [(r.start, r.end) for r in runs]):
        if any(i in cued_runs for i in group):
            cued_runs.update(i for i in group if 2 <= len(runs[i].tokens) <= 4)
    persons: dict[str, _Person] = {}
    for i, r in enumerate(runs):
        if r.tokens[-1].lower() in NOT_SURNAME_WORDS or len(r.tokens) > 4:
            continue
        if _looks_like_person(r) or i in cued_runs:
            p = persons.setdefault(fold(r.text), _Person(r.text))
            p.mentions.append((r.start, r.end))

    parts = _parts(text, runs, film_spans, set())
    parts = _orient(text, parts, runs, persons)
    char_names = {fold(p.character) for p in parts if p.character[:1].isupper()}
    char_tokens = {t for p in parts if p.character[:1].isupper() for t in _TOKEN.findall(p.character)}
    for key in list(persons):
        if key in char_names or set(persons[key].tokens) <= char_tokens:
            del persons[key]
    for part in parts:  # the actor of a part is a person even with an unusual given name
        a = text[part.actor[0] : part.actor[1]]
        if len(_TOKEN.findall(a)) >= 2 and fold(a) not in char_names:
            p = persons.setdefault(fold(a), _Person(a))
            if part.actor not in p.mentions:
                p.mentions.append(part.actor)
            p.cued = True

    resolve = _resolver(persons, char_tokens)
    spans: list[tuple[tuple[int, int], str]] = []  # every mention, with the person's fold key
    for r in runs:
        key = fold(r.text)
        if key in persons:
            if (r.start, r.end) not in persons[key].mentions:
                persons[key].mentions.append((r.start, r.end))
            spans.append(((r.start, r.end), key))
            continue
        target = resolve(r)
        if target is not None:
            persons[target].mentions.append((r.start, r.end))
            spans.append(((r.start, r.end), target))
    for part in parts:
        found: str | None = next((k for (s, k) in spans if s == part.actor), None)
        if found is None:
            target = resolve(_Run(part.actor[0], part.actor[1], text[part.actor[0] : part.actor[1]]))
            if target is not None:
                persons[target].mentions.append(part.actor)
                spans.append((part.actor, target))

    credits = _credits(text, persons, spans, parts, films, reviewed, sent_of)
    people = []
    for p in persons.values():
        if not p.mentions:
            continue
        mentions = tuple(Mention.of(text, s, e, MentionKind.PERSON) for s, e in sorted(set(p.mentions)))
        people.append(Person(key=slug(p.name), name=p.name, mentions=mentions))
    keep = {p.key for p in people}
    credits = [c for c in credits if c.person in keep]
    return people, credits


def _resolver(persons: dict[str, _Person], char_tokens: set[str]):  # type: ignore[no-untyped-def]
    """A function from a partial name run to the fold key of the one person it names, if any."""
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for key, p in persons.items():
        toks = p.tokens
        if len(toks) < 2:
            continue
        by_last.setdefault(toks[-1], []).append(key)
        if len(toks) >= 3:
            by_last.setdefault(" ".join(toks[-2:]), []).append(key)
        by_first.setdefault(toks[0], []).append(key)

    def pick(keys: list[str]) -> str | None:
        if len(keys) == 1:
            return keys[0]
        counts = Counter({k: len(persons[k].mentions) for k in keys})
        (best, n), *rest = counts.most_common()
        return best if rest and n > rest[0][1] else None

    def resolve(run: _Run) -> str | None:
        toks = run.tokens
        if not toks or len(toks) > 2:
            return None
        name = " ".join(toks)
        if name in by_last:
            return pick(by_last[name])
        if len(toks) == 1 and name in by_first and name not in char_tokens and name.lower() not in NOT_NAME_WORDS:
            return pick(by_first[name])
        return None

    return resolve


_ROLE_OF = {
    "director": (Role.DIRECTOR,),
    "director+writer": (Role.DIRECTOR, Role.WRITER),
    "writer": (Role.WRITER,),
    "composer": (Role.COMPOSER,),
    "producer": (Role.PRODUCER,),
    "actor": (Role.ACTOR,),
}


def _credits(  # type: ignore[no-untyped-def]
    text: str,
    persons: dict[str, _Person],
    spans: list[tuple[tuple[int, int], str]],
    parts: list[_Part],
    films: list[Film],
    reviewed: str | None,
    sent_of,
) -> list[Credit]:
    out: dict[tuple[str, str, Role], Credit] = {}
    if reviewed is None and not films:
        return []

    def add(key: str, role: Role, span: tuple[int, int], conf: float, character: str | None = None) -> None:
        film = _film_for(text, span, films, reviewed, sent_of(span[0]))
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
        roles_by_span[span] = _cue(text, span[0], span[1], sent_of(span[0]))
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
    for group in _lists(text, ordered):
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
    list_spans = [(spans[g[0]][0][0], spans[g[-1]][0][1]) for g in _lists(text, ordered)]
    for key, p in persons.items():  # named in full, no part stated: a player where the talk is of acting
        if key in cued or len(p.tokens) < 2:
            continue
        full = [(s, e) for s, e in p.mentions if fold(text[s:e]) == key]
        if not full or not _looks_like_person(_Run(full[0][0], full[0][1], text[full[0][0] : full[0][1]])):
            continue
        for s, e in p.mentions:
            sent = sent_of(s)
            tied = _film_for(text, (s, e), films, reviewed, sent) != reviewed
            if not tied and (ELSEWHERE.match(text, e) or TITLE_NEAR.search(text[s : min(sent[1], e + 40)])):
                break  # the sentence ties the name to a film we do not know: no guess
            listed = any(a[0] <= s < a[1] for a in list_spans)
            near = text[sent_of(max(0, sent[0] - 2))[0] : sent_of(min(len(text) - 1, sent[1] + 1))[1]]
            if ACTING.search(text[sent[0] : sent[1]]) or (listed and ACTING.search(near)):
                add(key, Role.ACTOR, (s, e) if tied else full[0], 0.5)
                break
    return list(out.values())


def _film_for(
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
