"""Person names in review text: capitalised runs that look like a person's.

A name is a capitalised run ("Jo Woo-jin", "Cecil B. DeMille", "Jan de Bont")
with a known given name first (from the name list of ``gender-guesser``), or
one that the words around it vouch for (see :mod:`kg.extract.credits`). A
surname or a first name alone ("Stewart", "Lubitsch's film") is the person
named in full elsewhere in the review (:func:`resolver`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import gender_guesser.detector as gender_detector

from kg.extract.lexicon_people import NAME_PARTICLES, NOT_NAME_WORDS, NOT_SURNAME_WORDS, SENTENCE_WORDS

__all__ = [
    "LO",
    "TOKEN",
    "UP",
    "WORD",
    "NameRun",
    "PersonDraft",
    "is_given_name",
    "looks_like_person",
    "name_runs",
    "resolver",
    "sentence_trim",
]

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
WORD = (
    rf"(?:[{UP}]\.(?:\s?[{UP}]\.)*"
    rf"|(?:[OD]['’])?[{UP}][{LO}]+(?:[{UP}][{LO}]+)*(?:-[{UP}{LO}][{LO}]+(?:[{UP}][{LO}]+)*)*)"
)
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
_RUN = re.compile(
    rf"(?<![\w'’-]){WORD}(?:[ \u00a0]+(?:(?:{_PARTICLE})[ \u00a0]+)*{WORD}){{0,4}}(?:,?\s+Jr\.)?(?![\w-])"
)
TOKEN = re.compile(rf"{WORD}|Jr\.")


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
    if _detector().get_gender(w) != "unknown":
        return True
    plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    return plain != w and len(plain) >= 2 and _detector().get_gender(plain) != "unknown"  # "Chloë" as "Chloe"


@dataclass(frozen=True, slots=True)
class NameRun:
    """A capitalised run of a text that may be a name."""

    start: int
    end: int
    text: str

    @property
    def tokens(self) -> list[str]:
        return TOKEN.findall(self.text)


def name_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """The capitalised runs of ``text`` that may be names, with leading and trailing common words cut.

    >>> [r[2] for r in name_runs("By 1940, director Ernst Lubitsch met Jan de Bont in Hollywood.")]
    ['Ernst Lubitsch', 'Jan de Bont']
    """
    for m in _RUN.finditer(text):
        run = _trim(text, m.start(), m.end())
        if run is not None:
            yield run.start, run.end, run.text


def _trim(text: str, start: int, end: int) -> NameRun | None:
    toks = [(t.start() + start, t.end() + start) for t in TOKEN.finditer(text[start:end])]
    while toks and _common(text[toks[0][0] : toks[0][1]]):
        toks.pop(0)
    while toks and _common(text[toks[-1][0] : toks[-1][1]]):
        toks.pop()
    if not toks:
        return None
    s, e = toks[0][0], toks[-1][1]
    return NameRun(s, e, text[s:e])


def sentence_trim(text: str, run: NameRun, sentences: list[tuple[int, int]]) -> NameRun:
    """``run`` without its first word where that word only has a capital because it starts a sentence."""
    toks = [(m.start() + run.start, m.end() + run.start) for m in TOKEN.finditer(run.text)]
    if len(toks) < 2 or is_given_name(text[toks[0][0] : toks[0][1]]) or re.match(r"\s*\(", text[run.end : run.end + 3]):
        return run
    starts = {s for s, _ in sentences}
    head = toks[0][0]
    if head in starts or re.search(r"(?:^|[.!?:]\s+|\n)[\"'“‘(]*$", text[max(0, head - 4) : head]):
        first, second = (text[a:b] for a, b in toks[:2])
        if not _sentence_word(first) and not _sentence_word(second) and not re.search(r"-[a-z]", first):
            return run  # "Kiefer Sutherland plays ...", "Wotan Wilke Möhring plays ...": the first word is the name's
        s = toks[1][0]
        return NameRun(s, run.end, text[s : run.end])
    return run


def _sentence_word(word: str) -> bool:
    low = word.lower()
    return low in SENTENCE_WORDS or low.endswith(("ing", "ly", "ed")) or _common(word)


def _common(word: str) -> bool:
    return word.lower().strip(".") in NOT_NAME_WORDS


@dataclass
class PersonDraft:
    """A person being gathered: the fullest name and every mention."""

    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    cued: bool = False  # a part-giving cue or a character pattern vouches for it

    @property
    def tokens(self) -> list[str]:
        return TOKEN.findall(self.name)


def looks_like_person(run: NameRun) -> bool:
    toks = run.tokens
    if len(toks) < 2 or len(toks) > 4:
        return False
    last = toks[-1].lower().strip(".")
    if last in NOT_SURNAME_WORDS or last in NOT_NAME_WORDS:
        return False
    if any(t.lower() in NOT_NAME_WORDS for t in toks[1:]):
        return False
    first = toks[0]
    if re.fullmatch(rf"(?:[{UP}]\.\s?)+", first):
        return True
    if is_given_name(first):
        return True
    # East Asian names: "Jo Woo-jin", "Kim Chang-ju"
    return len(first) <= 4 and len(toks) == 2 and "-" in toks[1]


def resolver(persons: dict[str, PersonDraft], char_tokens: set[str]) -> Callable[[NameRun], str | None]:
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

    def resolve(run: NameRun) -> str | None:
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
