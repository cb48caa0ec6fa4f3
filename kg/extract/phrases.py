"""Phrases that name films in passing: appositions, lists of remakes by country, release titles.

- ``X, the 2015 Spanish thriller`` / ``X, Jane Roe's 2008 Swedish vampire film`` /
  ``X, directed by ...``: the words after the comma say that X is a film (and may
  give its year and country); X may have lower-case words ("El desconocido").
- ``his own Dutch film, X,``: the words before the comma say so.
- ``remade in Germany (X), in South Korea (Y) and finally in Hollywood ..., also
  called Z`` / ``remade in Germany as X in 2018 and in South Korea as Y in 2021``:
  each title is a remake, with its country (and year where given).
- ``It was released abroad as X`` / ``Y, which was released in English as X``: X is
  another title of the film (an aka).

Everything here is general English usage; nothing names a film or a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.cues_films import COUNTRY_NAMES, DEMONYMS, FUNCTION_WORDS, NOT_TITLES
from kg.extract.text import Spot, as_year, looks_like_title, run_backward, run_forward

__all__ = [
    "Listed",
    "find_appositive_titles",
    "find_predicated_titles",
    "find_release_titles",
    "find_remake_lists",
    "with_phrase_titles",
]

_YEAR_RX = r"(?:1[89]\d\d|20[0-4]\d)"
_NOUNS = (
    r"(?:film|movie|thriller|picture|classic|western|drama|comedy|horror|sequel|prequel|remake|version|adaptation"
    r"|feature|debut|flick|documentary|musical|chiller|melodrama|noir|original)"
)
# ", the 2015 Spanish thriller", ", Jane Roe's 2008 Swedish vampire film", ", the Spanish thriller from 2015"
_AFTER = re.compile(
    r",\s+(?:the|a|an|(?:[A-Z][\w.\u00C0-\u024F-]*\s+){0,2}[A-Z][\w\u00C0-\u024F-]*['\u2019]s)\s+"
    r"(?P<mods>(?:[\w'\u2019-]+\s+){0,4}?)(?P<noun>" + _NOUNS + r")\b(?:\s+from\s+(?P<from>" + _YEAR_RX + r"))?"
    r"(?=\s*[,.;:)!?]|\s+(?P<next>with|by|from|of|that|which|starring|directed|made|about)\b)"
    r"|,\s+directed\s+by\s+[A-Z]"
)
# "his own Dutch film, X," / "the 1988 thriller, X."
_BEFORE = re.compile(
    r"\b(?:the|his|her|their|its|[A-Z][\w-]*['\u2019]s)\s+(?:own\s+)?(?P<mods>(?:[\w'\u2019-]+\s+){0,3}?)"
    + _NOUNS
    + r",\s+(?=[A-Z\u00C0-\u00DE])"
)
_OPENERS = frozenset("skip watch see try avoid rent forget including unlike like only both".split())
_MOD_STOP = FUNCTION_WORDS | frozenset(
    "is was are were be been that which who it he she they i we you not no this these those".split()
)
_LOOSE_TITLE = re.compile(
    r"[A-Z\u00C0-\u00DE][\w'\u2019.!\u00C0-\u024F-]*(?:\s+[\w'\u2019.!&\u00C0-\u024F-]+){0,5}?(?=,)"
)


@dataclass(frozen=True, slots=True)
class Listed:
    """A film named in passing: its span, title, and what the words around it say."""

    start: int
    end: int
    title: str
    year: int | None = None
    country: str | None = None
    cue_start: int = 0  # for a remake list: the "remade" the title belongs to
    cue_end: int = 0


def _mods_ok(mods: str) -> bool:
    return all(w.lower() not in _MOD_STOP for w in mods.split())


def _facts(mods: str, year_from: str | None) -> tuple[int | None, str | None]:
    words = mods.lower().split()
    year = next((y for w in words if (y := as_year(w))), None) or (as_year(year_from) if year_from else None)
    country = next(
        (DEMONYMS[" ".join(words[i : i + 2])] for i in range(len(words)) if " ".join(words[i : i + 2]) in DEMONYMS),
        None,
    )
    country = country or next((DEMONYMS[w] for w in words if w in DEMONYMS), None)
    return year, country


def _sentence_opener_dropped(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A run that opens a sentence without its first word where that word opens sentences ("Skip X, the ...")."""
    if span is None:
        return None
    first = re.match(r"\S+\s+", text[span[0] : span[1]])
    if first and re.search(r"(?:^|[.!?:]\s+|\n)$", text[: span[0]]):
        word = first.group().strip().lower()
        if word in NOT_TITLES or word in _OPENERS:
            return span[0] + first.end(), span[1]
    return span


_PEOPLE_BEFORE = frozenset(
    "with by starring featuring and as on in at from to of for stars actor actress director".split()
)


def _title_before_ok(text: str, span: tuple[int, int]) -> bool:
    """A capitalised run read backwards from an apposition that may be a title (not people, a place, an adverb)."""
    title = text[span[0] : span[1]]
    prev = re.findall(r"[\w'-]+", text[max(0, span[0] - 20) : span[0]].lower())[-1:]
    if prev and prev[0] in _PEOPLE_BEFORE:
        return False  # "the 1958 version with Jane Roe and Tom Berg, directed by", "on DVD from Alpha Video"
    if re.fullmatch(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+and\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?", title):
        return False  # "Jane Roe and Tom Berg": two names
    return not (" " not in title and (title.lower().endswith("ly") or title.lower() in NOT_TITLES | _OPENERS))


def find_appositive_titles(text: str, lead_ins: list[int]) -> list[Listed]:
    """Titles that an apposition marks as films.

    ``lead_ins`` are the offsets right after cues such as "remake of": there a title
    may run, lower-case words and all, up to the comma of its apposition.

    >>> t = "I loved Night Tide, Jane Roe's 1961 Danish horror film, a lot."
    >>> [(x.title, x.year, x.country) for x in find_appositive_titles(t, [])]
    [('Night Tide', 1961, 'DK')]
    >>> t = "It is a remake of El silencio, the Spanish thriller from 2015."
    >>> [(x.title, x.year, x.country) for x in find_appositive_titles(t, [t.index("El")])]
    [('El silencio', 2015, 'ES')]
    """
    out: list[Listed] = []
    for m in _AFTER.finditer(text):
        if m.group("mods") is not None and not _mods_ok(m.group("mods")):
            continue
        if m.group("noun") in ("version", "remake", "adaptation", "original") and m.group("next") == "of":
            continue  # "X, Jane Roe's version of the villain": X is a character
        year, country = _facts(m.group("mods") or "", m.group("from"))
        span = None
        for pos in lead_ins:
            if pos < m.start() <= pos + 70:
                loose = _LOOSE_TITLE.match(text, pos)
                if loose and loose.end() == m.start() and not re.search(r"[.!?;:]\s", loose.group()):
                    when = re.search(r"\s+(?:in|from)\s+" + _YEAR_RX + r"$", loose.group())
                    span = (pos, pos + when.start() if when else m.start())
        if span is None:
            span = _sentence_opener_dropped(text, run_backward(text, m.start()))
            if span is None or not _title_before_ok(text, span):
                continue
        title = text[span[0] : span[1]]
        if (looks_like_title(title) or span[0] in lead_ins) and len(title.split()) <= 6:
            out.append(Listed(span[0], span[1], title, year, country))
    for m in _BEFORE.finditer(text):
        if not _mods_ok(m.group("mods")):
            continue
        words = m.group("mods").lower().split()
        owned = not re.match(r"the\b", m.group(), re.I)
        if not (owned or any(as_year(w) or w in DEMONYMS for w in words)):
            continue  # "the whole movie, Jane Roe, ...": a name, not a title
        run = run_forward(text, m.end())
        if run is None or not re.match(r"\s*[,.;]", text[run[1] :]):
            continue
        title = text[run[0] : run[1]]
        if looks_like_title(title):
            year, country = _facts(m.group("mods"), None)
            out.append(Listed(run[0], run[1], title, year, country))
    return sorted(out, key=lambda x: x.start)


# "Jane Roe's The Long Night": a possessive name and a title that starts with an article
_POSSESSIVE = re.compile(r"\b[A-Z][\w\u00C0-\u024F-]+['\u2019]s\s+(?=(?:The|A|An)\s+[A-Z])")
# "X is one of the best crime films of ...", "X is a great thriller.": a sentence about a film
_IS_A_FILM = re.compile(
    r"\s+(?:is|was|remains)\s+(?:still\s+)?(?:one\s+of\s+the\s+(?:best|greatest|finest|worst|most\s+\w+)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:films|movies|thrillers|westerns|dramas|comedies|pictures)"
    r"|an?\s+(?P<mods>(?:[\w-]+\s+){0,3}?)(?:film|movie|thriller|western|picture))(?=\s*[,.;:!?]|\s+(?:of|from|and|that|in)\b)"
)


def find_predicated_titles(text: str) -> list[Listed]:
    """Titles that a sentence says are films, or that a possessive name owns with an article.

    >>> t = "Night Tide is one of the best crime films of its decade. I liked Jane Roe's The Long Hall."
    >>> [x.title for x in find_predicated_titles(t)]
    ['Night Tide', 'The Long Hall']
    """
    out: list[Listed] = []
    for m in re.finditer(r"(?:^|(?<=[.!?])\s+|\n)(?=[A-Z\u00C0-\u00DE])", text):
        run = run_forward(text, m.end())
        said = _IS_A_FILM.match(text, run[1]) if run else None
        if run is None or said is None or not _mods_ok(said.group("mods") or ""):
            continue  # "Jane Roe is a boxer in the film": a person
        title = text[run[0] : run[1]]
        if looks_like_title(title) and title.split()[0].lower() not in NOT_TITLES | _OPENERS:
            out.append(Listed(run[0], run[1], title))
    for m in _POSSESSIVE.finditer(text):
        run = run_forward(text, m.end())
        if run is not None and looks_like_title(text[run[0] : run[1]]) and len(text[run[0] : run[1]].split()) <= 6:
            out.append(Listed(run[0], run[1], text[run[0] : run[1]]))
    return sorted(out, key=lambda x: x.start)


_PLACE = re.compile(r"in\s+(?P<place>(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})")
_SEP = re.compile(r"\s*,?\s*(?:and\s+)?(?:(?:then|finally|later|again|also|once more)\s+)?")


def _place(text: str, pos: int) -> tuple[str, int] | None:
    m = _PLACE.match(text, pos)
    if not m:
        return None
    words = m.group("place").split()
    for n in range(len(words), 0, -1):  # "in South Korea as": the longest country name
        name = " ".join(words[:n]).lower()
        if name in COUNTRY_NAMES:
            return COUNTRY_NAMES[name], m.start("place") + len(" ".join(words[:n]))
    return None


def find_remake_lists(text: str) -> list[Listed]:
    """The remakes that "remade in <country> (<title>), in <country> as <title> ..." lists.

    >>> t = "It was remade in France (Le Train), in Japan as Night Line in 2004 and finally in Hollywood."
    >>> [(x.title, x.year, x.country) for x in find_remake_lists(t)]
    [('Le Train', None, 'FR'), ('Night Line', 2004, 'JP')]
    """
    out: list[Listed] = []
    for m in re.finditer(r"\bremade\s+", text):
        pos = m.end()
        first = True
        while True:
            if not first:
                sep = _SEP.match(text, pos)
                pos = sep.end() if sep else pos
            first = False
            place = _place(text, pos)
            if place is None:
                break
            country, pos = place
            found = _listed_title(text, pos)
            if found is None:
                break
            start, end, year, pos = found
            out.append(Listed(start, end, text[start:end], year, country, m.start(), m.end() - 1))
    return out


def _listed_title(text: str, pos: int) -> tuple[int, int, int | None, int] | None:
    """The title after "in <country>": ``(X)``, ``as X [in 2018]``, ``with ..., also called X``."""
    paren = re.match(r"\s*\(\s*([^()\n]{1,60}?)\s*\)", text[pos:])
    if paren:
        start = pos + paren.start(1)
        end = pos + paren.end(1)
        title = text[start:end]
        named = looks_like_title(title) or (title[0].isupper() and len(title.split()) <= 6 and not title.isdigit())
        return (start, end, None, pos + paren.end()) if named else None
    cue = re.match(r"\s+as\s+|[^,.;:()!?]{0,50}?,\s*(?:also\s+)?(?:called|titled|named|known as)\s+", text[pos:])
    if not cue:
        return None
    run = run_forward(text, pos + cue.end())
    if run is None or not looks_like_title(text[run[0] : run[1]]):
        return None
    year_m = re.match(r"\s+in\s+(" + _YEAR_RX + r")\b", text[run[1] :])
    year = int(year_m.group(1)) if year_m else None
    return run[0], run[1], year, run[1] + (year_m.end() if year_m else 0)


_RELEASED = re.compile(r"\b(?:released|known)\s+(?:[\w-]+\s+){0,3}?as\s+", re.I)


def find_release_titles(text: str) -> list[tuple[int, str, int, int]]:
    """Other titles a film was released under: ``(end of the film's name or -1 for "it", title, start, end)``.

    >>> find_release_titles("It was released abroad as Night Line, and it shows.")
    [(-1, 'Night Line', 26, 36)]
    >>> find_release_titles("I saw Le Train, which was released in English as Night Line.")
    [(14, 'Night Line', 49, 59)]
    """
    out = []
    for m in _RELEASED.finditer(text):
        if re.match(r"also\b", text[m.start() - 5 : m.start()].strip(), re.I):
            continue  # "also known as" is an aka of its own kind (kg.extract.text.find_akas)
        s_start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        before = text[s_start : m.start()]
        rel = re.search(
            r"['\"\u201d\u2019*_]?\s*,?\s*(?:which|that)\s+(?:was|is|has been|had been|were)\s+(?:\w+\s+)?$", before
        )
        if rel:
            main_end = s_start + rel.start()
        elif re.fullmatch(
            r"\s*(?:It|This(?: film| movie| one)?|The (?:film|movie))\s+(?:was|is|has been|had been|got)\s+(?:\w+\s+)?",
            before,
        ):
            main_end = -1
        else:
            continue
        run = run_forward(text, m.end())
        if run and looks_like_title(text[run[0] : run[1]]):
            out.append((main_end, text[run[0] : run[1]], run[0], run[1]))
    return out


_LEAD_IN = re.compile(
    r"\b(?:re-?make of|remade (?:it )?as|(?:new |film |screen )?version of|adaptation of|sequel to)\s+", re.I
)


_SENTENCE_CASE = re.compile(
    r"(?:El|La|Le|Les|Il|Lo|Los|Las|Der|Die|Das|Het|Un|Una|Une|Ein|Eine)\s+[a-z\u00DF-\u00FF][\w\u00C0-\u024F'-]*"
    r"(?:\s+[a-z\u00DF-\u00FF][\w\u00C0-\u024F'-]*){0,3}(?=\s*[,.;:!?)(]|$)"
)


def with_phrase_titles(text: str, spots: list[Spot]) -> list[Spot]:
    """``spots`` with the titles that the phrases of this module name (their year and country too).

    A phrase's title replaces the shorter spots it overlaps.

    >>> [(s.title, s.year) for s in with_phrase_titles("A remake of El silencio, the 1990 thriller.", [])]
    [('El silencio', 1990)]
    """
    out = list(spots)
    leads = [m.end() for m in _LEAD_IN.finditer(text)]
    cased = []
    for pos in leads:  # "a remake of El tren (2009)": a title in sentence case after a cue
        m = _SENTENCE_CASE.match(text, pos)
        if m:
            dated = re.match(r"\s*\(\s*(" + _YEAR_RX + r")\s*\)", text[m.end() :])
            cased.append(Listed(m.start(), m.end(), m.group(), int(dated.group(1)) if dated else None))
    for x in [*find_appositive_titles(text, leads), *find_remake_lists(text), *find_predicated_titles(text), *cased]:
        same = [o for o in out if o.start < x.end and x.start < o.end]
        if any(o.end - o.start > x.end - x.start for o in same):
            continue
        for o in same:
            out.remove(o)
        old = same[0] if same else None
        year = x.year or (old.year if old else None)
        country = x.country or (old.country if old else None)
        out.append(Spot(x.start, x.end, x.title, year, old.side if old else "", country))
    return sorted(out, key=lambda o: o.start)
