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

from kg.extract.attach import attacher
from kg.extract.credits import described_makers, find_credits, name_lists, role_cues
from kg.extract.lexicon_people import LIST_ACTOR, LIST_ACTOR_AFTER, NOT_SURNAME_WORDS
from kg.extract.names import (
    TOKEN,
    NameRun,
    PersonDraft,
    is_given_name,
    looks_like_person,
    name_runs,
    resolver,
    sentence_trim,
)
from kg.extract.parts import find_parts, orient_parts
from kg.extract.text import find_sentences
from kg.model import Credit, Film, Mention, MentionKind, Person, Review
from kg.vocab import fold, slug

__all__ = ["find_people", "is_given_name", "name_runs"]


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
    runs = [NameRun(s, e, t) for s, e, t in name_runs(text)]
    described = described_makers(text, films, runs)  # "the 1945 Ann Lee classic"
    runs = [
        r
        for r in runs
        if (r.start, r.end) in described
        or (not any(a < r.end and r.start < b for a, b in film_spans) and fold(r.text) not in titles)
    ]
    sentences = list(find_sentences(text)) or [(0, len(text))]

    def sent_of(pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e in sentences if s <= pos < e), (0, len(text)))

    runs = [sentence_trim(text, r, sentences) for r in runs]
    cues = {i: {c[0] for c in role_cues(text, r.start, r.end, sent_of(r.start))} for i, r in enumerate(runs)}
    cued_runs = {i for i, r in enumerate(runs) if 2 <= len(r.tokens) <= 4 and cues[i] - {"character"}}
    called = {fold(runs[i].text) for i in cues if cues[i] == {"character"}}  # "a novelist called Walter Finch"
    for group in name_lists(text, [(r.start, r.end) for r in runs]):
        first, last = runs[group[0]], runs[group[-1]]
        sent = sent_of(first.start)
        if (
            any(i in cued_runs for i in group)
            or LIST_ACTOR.search(text[max(sent[0], first.start - 40) : first.start])
            or LIST_ACTOR_AFTER.match(text, last.end)
        ):
            cued_runs.update(i for i in group if 2 <= len(runs[i].tokens) <= 4)
    persons: dict[str, PersonDraft] = {}
    for i, r in enumerate(runs):
        if r.tokens[-1].lower() in NOT_SURNAME_WORDS or len(r.tokens) > 4:
            continue
        if looks_like_person(r) or i in cued_runs:
            p = persons.setdefault(fold(r.text), PersonDraft(r.text))
            p.mentions.append((r.start, r.end))
            p.cued = p.cued or i in cued_runs

    parts = find_parts(text, runs, film_spans, set())
    parts = orient_parts(text, parts, runs, persons)
    char_names = {fold(p.character) for p in parts if p.character[:1].isupper()}
    char_tokens = {t for p in parts if p.character[:1].isupper() for t in TOKEN.findall(p.character)}
    actors = {fold(text[p.actor[0] : p.actor[1]]) for p in parts}
    surnames = {  # the last words of characters' names ("Finch" of "X plays Finch"), not "Ryan's mother"
        t.group(0)
        for p in parts
        if p.character[:1].isupper()
        for t in TOKEN.finditer(p.character)
        if not re.match(r"['’]s\b", p.character[t.end() :])
    }
    for key in list(persons):
        p = persons[key]
        if key in char_names or set(p.tokens) <= char_tokens:
            del persons[key]
        elif (p.tokens[-1] in surnames or key in called) and not p.cued and not {key, fold(p.tokens[-1])} & actors:
            del persons[key]  # "Walter Finch" where "X plays Finch": the character's full name
    for part in parts:  # the actor of a part is a person even with an unusual given name
        a = text[part.actor[0] : part.actor[1]]
        if len(TOKEN.findall(a)) >= 2 and fold(a) not in char_names:
            p = persons.setdefault(fold(a), PersonDraft(a))
            if part.actor not in p.mentions:
                p.mentions.append(part.actor)
            p.cued = True

    resolve = resolver(persons, char_tokens)
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
            target = resolve(NameRun(part.actor[0], part.actor[1], text[part.actor[0] : part.actor[1]]))
            if target is not None:
                persons[target].mentions.append(part.actor)
                spans.append((part.actor, target))

    film_of = attacher(text, films, reviewed, sentences)
    credits = find_credits(text, persons, spans, parts, films, reviewed, sent_of, film_of, described=described)
    people = []
    for p in persons.values():
        if not p.mentions:
            continue
        mentions = tuple(Mention.of(text, s, e, MentionKind.PERSON) for s, e in sorted(set(p.mentions)))
        people.append(Person(key=slug(p.name), name=p.name, mentions=mentions))
    keep = {p.key for p in people}
    credits = [c for c in credits if c.person in keep]
    return people, credits
