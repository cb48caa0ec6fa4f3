"""Text helpers shared by the extractors: sentences, words, spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.cues_films import (
    DEMONYMS,
    GENRE_WORDS,
    LEAD_IN_CUES,
    NON_FILM_CONTEXT,
    NOT_TITLES,
    QUOTE_SPEECH_CUES,
)
from kg.extract.scan import literal_finditer, mentions_any
from kg.extract.sentences import find_sentences, sentence_at, sentence_spans

__all__ = [
    "Spot",
    "as_year",
    "clean_text",
    "context_year",
    "find_akas",
    "find_sentences",
    "find_title_spots",
    "find_title_words",
    "looks_like_title",
    "meta_title",
    "remake_role",
    "run_backward",
    "run_forward",
    "sentence_at",
    "sentence_spans",
    "side_before",
    "words",
    "year_of",
    "decade_of",
]


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased.

    >>> words("Not a patch on the original!")
    ['not', 'a', 'patch', 'on', 'the', 'original']
    """
    return re.findall(r"[\w']+", text.lower())


_YEAR = re.compile(r"^(?:1[89]\d\d|20[0-4]\d)$")


def as_year(token: str) -> int | None:
    """The year a token names (``1962``, ``'62`` is left to the caller), else ``None``.

    >>> as_year("1962"), as_year("962"), as_year("2525")
    (1962, None, None)
    """
    return int(token) if _YEAR.match(token) else None


@lru_cache(maxsize=64)
def clean_text(text: str) -> str:
    """``text`` with HTML line breaks as newlines padded to the same length (offsets are kept).

    >>> clean_text("a<br />b")
    'a\\n     b'
    """
    return re.sub(r"<br\s*/?>", lambda m: "\n" + " " * (len(m.group()) - 1), text)


# --- titles -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spot:
    """A span of text that names or describes a film, with what the words around it say.

    ``side`` is ``"earlier"``/``"later"`` where the words place the film before or after
    another one of the same story ("the original X", "the 2007 remake"), ``"this"`` for
    "this film"; ``same_title`` marks "a film of the same title".
    """

    start: int
    end: int
    title: str
    year: int | None = None
    side: str = ""
    country: str | None = None
    decade: int | None = None
    same_title: bool = False


_CAP_TOKEN = re.compile(r"[A-Z0-9\u00C0-\u00DE][\w'\u2019&.!:?-]*")
_INNER = frozenset(
    "of the and a an in on at to from for de la le les el los las du des di da del von der die das".split()
)
_ABBREV_TOKEN = re.compile(r"^(?:[A-Z]\.)+$|^(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Mt|Vs)\.$")
_YEAR_RX = r"(?:1[89]\d\d|20[0-4]\d)"
_QUOTED = (
    re.compile(r'["\u201c](?!\s)([^"\u201c\u201d\n]{1,80}?)(?<!\s)["\u201d]'),
    re.compile(
        r"(?<![\w'\u2019])['\u2018](?!\s)((?:[^'\u2018\u2019\n]|['\u2019](?=\w)){1,80}?)(?<!\s)['\u2019](?![\w'\u2019])"
    ),
    re.compile(r"(?<![\w*])\*(?!\s)([^*\n]{1,80}?)(?<!\s)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?!\s)([^_\n]{1,80}?)(?<!\s)_(?![\w_])"),
)
_SPEECH_AFTER = frozenset(
    "said says warned warns asked asks screamed yelled shouted cried replied franchise series "
    "saga novel book song songs character characters family tagline line".split()
)


def meta_title(title: str) -> str:
    """A metadata title with a trailing article put back in front.

    >>> meta_title("Hills Have Eyes II;The"), meta_title("Ring, The"), meta_title("Night;Day")
    ('The Hills Have Eyes II', 'The Ring', 'Night, Day')
    """
    m = re.match(r"^(.*?)\s*[;,]\s*(The|A|An|Le|La|Les|El|Der|Die|Das|Il)\s*$", title.strip())
    title = f"{m.group(2)} {m.group(1)}" if m else title.strip()
    return re.sub(r"\s*;\s*", ", ", title)


def looks_like_title(title: str, *, sentence_case: bool = False) -> bool:
    """Whether ``title`` is written like a film title (every content word capitalised).

    With ``sentence_case`` (a quoted title with its year: ``"La Femme infidèle" (1969)``)
    only the first word need be: many languages capitalise titles so.

    >>> looks_like_title("The Shop Around the Corner"), looks_like_title("Lubitsch touch")
    (True, False)
    >>> looks_like_title("Don't. Get. Out!"), looks_like_title("I")
    (True, False)
    >>> looks_like_title("La Femme infidèle", sentence_case=True), looks_like_title("La Femme infidèle")
    (True, False)
    """
    tokens = re.findall(r"[\w'\u2019&.!:?-]+", title)
    if not tokens or len(tokens) > 10 or len(title) > 70 or not (title[0].isupper() or title[0].isdigit()):
        return False
    if re.fullmatch(r"[\d\s.,/-]+", title) or re.search(r"([a-zA-Z])\1\1", title):
        return False
    if any(re.fullmatch(r"['\u2019]?\d*0['\u2019]?s", t) for t in tokens):
        return False  # "1970s", "80s": a decade, not a title word
    if len(tokens) == 1 and tokens[0].lower().strip(".!?") in NOT_TITLES:
        return False
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) <= 2:
        return False
    for i, tok in enumerate(tokens):
        core = tok.strip(".!?:'\u2019-")
        if not core:
            continue
        if core[0].isupper() or core[0].isdigit():
            continue
        if i > 0 and (sentence_case or core.lower() in _INNER | {"vs", "with", "is", "as", "or", "it", "but"}):
            continue
        return False
    return not re.search(r"\b(?:I'm|I've|I'd|I'll)\b", title)


def year_of(token: str) -> int | None:
    """The year a token names: ``1962``, ``1981's``, ``'54`` (a decade like ``1970's`` is not a year).

    >>> year_of("1962"), year_of("'54"), year_of("1970's")
    (1962, 1954, None)
    """
    m = re.fullmatch(r"(\d{4})(?:'s)?", token)
    if m and token.endswith("0's"):
        return None
    if m and as_year(m.group(1)):
        return int(m.group(1))
    m = re.fullmatch(r"['\u2019](\d\d)", token)
    if m:
        yy = int(m.group(1))
        return 2000 + yy if yy <= 25 else 1900 + yy
    return None


def decade_of(token: str) -> int | None:
    """The first year of a decade a token names: ``1970s``, ``'60s``, ``80s``.

    >>> decade_of("1970s"), decade_of("'60s"), decade_of("80s")
    (1970, 1960, 1980)
    """
    m = re.fullmatch(r"(?:(1[89]|20)|['\u2019])?(\d)0['\u2019]?s", token.lower())
    if not m:
        return None
    century = int(m.group(1)) * 100 if m.group(1) else 1900
    return century + int(m.group(2)) * 10


def _country_before(before: str) -> str | None:
    words = re.findall(r"[\w'-]+", before[-60:].lower())
    while words and (words[-1] in GENRE_WORDS or year_of(words[-1]) or words[-1] in ("the", "a", "an")):
        words.pop()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in DEMONYMS:
            return DEMONYMS[" ".join(words[-n:])]
    return None


def context_year(text: str, start: int, end: int) -> int | None:
    """A year written next to a title: ``X (1960)``, ``X, 1967)``, ``X of 1979``, ``the 1973 X``, ``1981's X``.

    >>> context_year("The 1960 Magnificent Seven took", 9, 26)
    1960
    """
    after = text[end : end + 12]
    m = re.match(r"['\"\u201d\u2019*_]?\s*(?:\(\s*|,\s*|\s+of\s+|\s+in\s+)(" + _YEAR_RX + r")\b(?!s)", after)
    if m and not re.match(r"\s+in\s", after) or (m and re.match(r"\s+in\s+\d{4}\s*[,.;)]", after)):
        return int(m.group(1))
    before = text[max(0, start - 45) : start]
    m = re.search(r"\b(" + _YEAR_RX + r")((?:'s)?)\s+((?:[\w'\u2019-]+\s+){0,3})['\"\u201c\u2018*_]?$", before)
    if m and not (m.group(2) and m.group(1).endswith("0")):
        between = m.group(3).split()
        if all(w.islower() or w.endswith("'s") or w.lower() in _demonym_words() for w in between):
            return int(m.group(1))
    return None


def _demonym_words() -> frozenset[str]:
    return frozenset(w for k in DEMONYMS for w in k.split())


def side_before(text: str, start: int) -> str:
    """``"earlier"`` after "original", ``"later"`` after "remake", else ``""``.

    >>> side_before("the original Cape Fear", 13)
    'earlier'
    """
    before = text[max(0, start - 25) : start].lower()
    if re.search(r"\boriginal\s*['\"\u201c\u2018*_]?$", before):
        return "earlier"
    if re.search(r"\bre-?make\s*['\"\u201c\u2018*_]?$", before):
        return "later"
    return ""


_NONSPACE = re.compile(r"\S+")
_TRAILING_PUNCT = re.compile(r"^(.*?)([,;)\]]+[.,;!?]*)?$")
_STOPPED_TOKEN = re.compile(r"[\w'\u2019]+[.!]+")


@lru_cache(maxsize=1024)
def run_forward(text: str, pos: int) -> tuple[int, int] | None:
    """The capitalised run that starts at ``pos`` ("High Sierra", "Don't. Get. Out!").

    Several finders start runs at the same places of a review: each is read once per text.
    """
    tokens = [(m.start() + pos, m.end() + pos, m.group()) for m in _NONSPACE.finditer(text[pos : pos + 120])]
    run: list[tuple[int, int, str]] = []
    for i, (s, _e, tok) in enumerate(tokens):
        if s != pos and not run:
            break
        parts = _TRAILING_PUNCT.match(tok)
        bare = parts.group(1) if parts else tok
        is_cap = bool(_CAP_TOKEN.fullmatch(bare))
        if not is_cap and not (run and tok.lower() in _INNER):
            break
        run.append((s, s + len(bare), bare))
        if bare != tok:
            break
        nxt_tok = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if bare.endswith(("!", ":")) and nxt_tok[:1].isupper():
            continue
        if bare.endswith((".", "!", "?", ":")) and not _ABBREV_TOKEN.match(bare):
            # "Don't. Get. Out!": single capitalised words each ended by a stop
            nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
            if not (
                len(run) >= 1
                and nxt[:1].isupper()
                and _STOPPED_TOKEN.fullmatch(nxt)
                and all(t.endswith((".", "!")) for _, _, t in run)
            ):
                break
    for k in range(1, len(run) - 1):
        if run[k][2] in ("in", "from") and as_year(run[k + 1][2].rstrip(".,;:!?")):
            del run[k:]  # "The Magnificent Seven in 1960": the year says when, it is not part of the title
            break
    while run and run[-1][2].lower() in _INNER:
        run.pop()
    if not run:
        return None
    s, e = run[0][0], run[-1][1]
    while e > s and text[e - 1] in ".,:;?" and not _ABBREV_TOKEN.match(text[s:e].split()[-1]):
        e -= 1
    return (s, e) if e > s else None


def run_backward(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised run that ends at ``end`` ("The Slayer" before " (1981)")."""
    words = list(re.finditer(r"\S+", text[max(0, end - 100) : end]))
    base = max(0, end - 100)
    run: list[tuple[int, int, str]] = []
    for m in reversed(words):
        tok = m.group()
        if tok[0] in "'\"\u201c\u2018(":
            break
        if run and tok.endswith((",", ";", ".", ")", ":", "!", "?")) and not _ABBREV_TOKEN.match(tok):
            break
        if _CAP_TOKEN.fullmatch(tok.rstrip(",;")) and not tok.endswith("'s"):
            run.insert(0, (base + m.start(), base + m.end(), tok))
        elif run and tok.lower() in _INNER:
            run.insert(0, (base + m.start(), base + m.end(), tok))
        else:
            break
    while run and run[0][2].lower() in _INNER and run[0][2][0].islower():
        run.pop(0)
    if len(run) >= 3 and run[-2][2] in ("in", "from") and as_year(run[-1][2].rstrip(",;")):
        del run[-2:]  # "The Long Ride in 1960": the year says when
    return (run[0][0], run[-1][1]) if run else None


_APPOSITIVE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its)\s+|\b[A-Z][\w-]+'s\s+)"
    r"(?:(?:1[89]\d\d|20[0-4]\d|'\d\d|\d0's|\d0s)(?:'s)?\s+)?(?:[A-Z][a-z]+\s+){0,2}"
    r"(?:classic|film|movie|thriller|adaptation|remake|version|flick|picture|documentary|western|musical|comedy|drama)"
    r"\s+(?=[A-Z0-9])"
)


_MADE_VERBS = frozenset("made make makes directed shot wrote produced did does filmed created put gave".split())


def _genre_word(word: str) -> bool:
    """ "thriller", "action-thriller", "B-movie", "hit": a word that says what kind of film follows a name."""
    low = word.lower()
    return low in GENRE_WORDS or low in ("hit", "produced", "directed") or low.rsplit("-", 1)[-1] in GENRE_WORDS


# A cue that announces a film ("remake of", "films like"), then the words that may stand before its title.
_LEAD_IN = re.compile(
    r"\b(?:"
    + "|".join(re.escape(c) for c in LEAD_IN_CUES)
    + r")\s+"
    + r"(?:(?:the|a|an)\s+)?(?:(?:"
    + _YEAR_RX
    + r"|'\d\d)(?:'s)?\s+)?"
    r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}(?:'s|s')\s+)?",
    re.I,
)


def find_title_spots(text: str, reviewed_title: str | None = None) -> list[Spot]:
    """Spans written as film titles: quoted, italics, ``Title (1960)``, after a film cue, reviewer's capitals.

    >>> [s.title for s in find_title_spots('I prefer "Cape Fear" to Night Tide (1961).')]
    ['Cape Fear', 'Night Tide']
    """
    found: dict[tuple[int, int], Spot] = {}

    def add(start: int, end: int, title: str) -> None:
        if any(s <= start < e or start <= s < end for s, e in found):
            return
        before = text[max(0, start - 40) : start].lower()
        prev = re.findall(r"[\w-]+", before)[-3:]
        if any(w in NON_FILM_CONTEXT for w in prev[-2:]) or any(w in QUOTE_SPEECH_CUES for w in prev):
            return
        after = re.findall(r"[\w-]+", text[end : end + 25].lower())[:1]
        if after and after[0] in _SPEECH_AFTER:
            return
        if re.match(r"['\"\u201d\u2019*_]?\s*\((?!\d)[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*\)", text[end : end + 40]):
            return  # "Nick" (Actor Name): a character
        found[(start, end)] = Spot(
            start,
            end,
            title,
            context_year(text, start, end),
            side_before(text, start),
            _country_before(text[max(0, start - 60) : start].rstrip("'\"\u201c\u2018*_ ")),
        )

    for rx in _QUOTED:
        last_quote = (0, False)
        for m in rx.finditer(text):
            s, e = m.span(1)
            inner = text[s:e]
            ym = re.search(r"\s*\(\s*" + _YEAR_RX + r"\s*\)[.,]?\s*$", inner)
            if ym:
                e = s + ym.start()
            while e > s and text[e - 1] in " .,;:" and not re.search(r"(?:\b[A-Z]\.){2,}$", text[s:e]):
                e -= 1
            while s < e and text[s] == " ":
                s += 1
            gap = text[last_quote[0] : m.start()]
            if last_quote[1] and re.fullmatch(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?", gap):
                last_quote = (m.end(), True)
                continue  # the list goes on: "series like "A", "B" and "C""
            n_before = len(found)
            dated = ym is not None or re.match(r"\s*\(\s*" + _YEAR_RX + r"\s*\)", text[m.end() :]) is not None
            if looks_like_title(text[s:e], sentence_case=dated):
                add(s, e, text[s:e])
            low_before = re.findall(r"[\w-]+", text[max(0, m.start() - 30) : m.start()].lower())[-2:]
            last_quote = (m.end(), len(found) == n_before and any(w in NON_FILM_CONTEXT for w in low_before))
    for m in re.finditer(r"\(\s*" + _YEAR_RX + r"\s*\)", text):
        run = run_backward(text, len(text[: m.start()].rstrip()))
        if run and looks_like_title(text[run[0] : run[1]]):
            add(run[0], run[1], text[run[0] : run[1]])
    for m in literal_finditer(_LEAD_IN, text, LEAD_IN_CUES):
        pos = m.end()
        words = re.match(r"((?:[\w-]+\s+){0,3})", text[pos:])
        if words:
            skipped = pos
            for w in words.group(1).split():
                if w.lower() in GENRE_WORDS or w.lower() in DEMONYMS or w.lower() in _demonym_words():
                    pos = text.index(w, pos) + len(w)
                    pos += len(text[pos:]) - len(text[pos:].lstrip())
                    if w.lower() in GENRE_WORDS:
                        skipped = pos
                else:
                    break
            if pos != skipped and text[pos : pos + 1].isupper():
                pos = skipped  # "remake of The Italian Job": the demonym is part of the title
                art = re.search(r"\b(?:The|A|An)\s+$", text[m.start() : pos])
                pos -= len(art.group()) if art else 0
        art = re.search(r"(?<=\s)The\s+$", text[m.start() : pos])
        if art and text[pos : pos + 1].isupper():
            pos -= len(art.group())  # "remade it as The Magnificent Seven": the capitalised article is the title's
        run = run_forward(text, pos)
        while run and looks_like_title(text[run[0] : run[1]]):
            if re.match(r"['\u2019]s?\b|,?\s*(?:Jr|Sr)\.?['\u2019]s\b", text[run[1] :]) or re.search(
                r"['\u2019]s?$", text[run[0] : run[1]]
            ):
                break  # "remake of Jane Doe's ...": a person, not the title
            nxt_word = re.match(r"\s+([\w-]+)", text[run[1] :])
            if nxt_word and _genre_word(nxt_word.group(1)) or _genre_word(text[run[0] : run[1]].split()[-1]):
                break  # "remake of the 1979 Jane Doe vehicle": a name, not the title
            parts = re.split(r"\s+and\s+", text[run[0] : run[1]])
            if len(parts) == 2 and all(len(p.split()) >= 2 for p in parts):  # "films like Iron Gate and Glass Roof"
                second = run[0] + text[run[0] : run[1]].rindex(parts[1])
                add(run[0], run[0] + len(parts[0]), parts[0])
                add(second, run[1], parts[1])
            else:
                add(run[0], run[1], text[run[0] : run[1]])
            nxt = re.match(r",?\s+(?:and\s+)?|,\s*", text[run[1] :])
            if not nxt or not text[run[1] + nxt.end() : run[1] + nxt.end() + 1].isupper():
                break
            run = run_forward(text, run[1] + nxt.end())
    for m in _APPOSITIVE.finditer(text):
        run = run_forward(text, m.end())
        if run and looks_like_title(text[run[0] : run[1]]) and text[m.end() - 1].isspace():
            nxt_word = re.match(r"\s+([\w-]+)", text[run[1] :])
            if nxt_word and nxt_word.group(1).lower() in _MADE_VERBS:
                continue  # "the film Jane Roe and Rob Roe made": the makers, not a title
            if not (nxt_word and _genre_word(nxt_word.group(1))) and not _genre_word(text[run[0] : run[1]].split()[-1]):
                add(run[0], run[1], text[run[0] : run[1]])
    if reviewed_title and len(reviewed_title) >= 4 and reviewed_title.upper() in text:
        for m in re.finditer(r"\b[A-Z][A-Z0-9'\u2019!&:-]+(?:\s+(?:A|[A-Z0-9'\u2019!&:-]{2,}))*\b", text):
            word = m.group()
            if len(re.sub(r"[^A-Z]", "", word)) >= 5 and not re.search(r"[a-z]", word):
                add(m.start(), m.end(), word.title().replace("'S", "'s"))
    return sorted(found.values(), key=lambda s: s.start)


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_WORD_RX = re.compile(r"[\w']+")


@lru_cache(maxsize=2048)
def _title_pattern(core: str, article: bool) -> re.Pattern[str]:
    """The pattern of :func:`find_title_words` for one title, compiled once (a review names its titles often)."""
    lead = r"(?:(?:the|a|an)\s+)?" if article else ""
    sequel = r"(?!\s*:?\s+(?:II|III|IV|V|VI|[2-9]|Part|Returns)\b)"  # "X II" is another film than X
    return re.compile(r"(?<![\w'])" + lead + re.escape(core) + r"(?![\w])" + sequel, re.I)


def _article_starts(text: str, at: int) -> tuple[int, ...]:
    """Where a match of a title pattern holding the title at ``at`` may start: there, or at "the"/"a"/"an" before it."""
    gap = 0
    while gap < at and text[at - gap - 1].isspace():
        gap += 1
    return (at, at - gap - 1, at - gap - 2, at - gap - 3) if gap else (at,)


def find_title_words(text: str, title: str) -> list[tuple[int, int]]:
    """Where ``text`` writes ``title`` as a title (capitalised or in capitals), with or without its article.

    >>> find_title_words("I saw The Ring; ring me. THE RING rules.", "The Ring")
    [(6, 14), (25, 33)]
    """
    core = _LEADING_ARTICLE.sub("", title.strip())
    if len(core) < 2:
        return []
    out = []
    article = core != title.strip()
    for m in literal_finditer(
        _title_pattern(core, article), text, [core.lower()], _article_starts if article else None
    ):
        got = m.group()
        words = [w for w in _WORD_RX.findall(got) if w.lower() not in _INNER]
        if (
            got.isupper()
            or (core[0].isupper() and got.endswith(core))
            or all(w[0].isupper() or w[0].isdigit() for w in words)
        ):
            s = m.start()
            if re.match(r"(?:a|an)\s", got, re.I) and not title.lower().startswith(got.split()[0].lower()):
                s += len(got.split()[0]) + 1
            out.append((s, m.end()))
    return out


_AKA = r"['\"\u201d\u2019*_]?\s*[,(]?\s*\b(?:aka|a\.k\.a\.?|also known as)\s+"


def find_akas(text: str) -> list[tuple[int, str, int, int]]:
    """Alternative titles: ``X, aka Y,`` / ``X (aka Y)`` / ``X, also known as Y``.

    Each is ``(end of the main title, alternative title, start, end)``.

    >>> find_akas("Death Ship (aka Ghost Ship) sank.")
    [(10, 'Ghost Ship', 16, 26)]
    """
    out = []
    for m in re.finditer(r"\bTitle\s*\([^)]{2,30}\)\s*:\s*['\"\u201c]([^'\"\u201d\n]{2,60})['\"\u201d]", text):
        if looks_like_title(m.group(1)):
            out.append((-1, m.group(1), m.start(1), m.end(1)))
    for m in re.finditer(r"['\"\u201d]\s*\(\s*['\"\u201c]([^'\"\u201d\n]{2,60})['\"\u201d]\s*\)", text):
        if looks_like_title(m.group(1)):
            out.append((m.start() + 1, m.group(1), m.start(1), m.end(1)))
    named_aka = mentions_any(text, ("aka", "a.k.a", "also known as"))
    for m in re.finditer(_AKA, text, re.I) if named_aka else ():
        pos = m.end()
        q = re.match(r"['\"\u201c\u2018*_]", text[pos:])
        if q:
            close = re.match(r"(.{1,70}?)['\"\u201d\u2019*_](?!\w)", text[pos + 1 :])
            run = (pos + 1, pos + 1 + len(close.group(1))) if close else None
        else:
            run = run_forward(text, pos)
        if run and looks_like_title(text[run[0] : run[1]]):
            out.append((m.start(), text[run[0] : run[1]], run[0], run[1]))
    return out


_MODAL = re.compile(r"\b(?:should|would|could|might|if|hope|wish|please|someone|decide|plan|planning|want)\b", re.I)


@lru_cache(maxsize=64)
def remake_role(text: str, title: str | None, year: int | None, *, by_original: bool = True) -> str:
    """Whether the text treats the reviewed film as the ``"remake"`` or the ``"original"`` (else ``""``).

    >>> remake_role("This remake is flat; the original was better.", "Psycho", 1998)
    'remake'
    >>> remake_role("It was remade in 1988 as a gorier film.", "The Blob", 1958)
    'original'
    """
    remake = original = 0
    low = text.lower()

    def modal(pos: int) -> bool:
        return bool(_MODAL.search(low[max(0, pos - 40) : pos]))

    remake += 2 * len(re.findall(r"\bthis\s+(?:[\w-]+\s+){0,2}?re-?make\b", low))
    for m in re.finditer(
        r"\b(?:is|was|it's|its|'s)\s+(?:not\s+)?(?:just\s+|really\s+|simply\s+)?(?:a|an|another|the)\s+"
        r"(?:[\w-]+\s+){0,3}?re-?make\b(?!s)",
        low,
    ):
        if not modal(m.start()):
            remake += 1
    for m in re.finditer(
        r"\b(?:has|have|had)\s+(?:made|directed|delivered)\s+an?\s+(?:[\w,-]+\s+){0,5}?re-?make\b", low
    ):
        if not modal(m.start()):
            remake += 1  # "Jane Roe has made a careful, faithful remake"
    for m in re.finditer(r"\bre-?make of\b", low):
        if not modal(m.start()) and not re.search(
            r"\b(?:the|this)\s+re-?make of this\b", low[max(0, m.start() - 5) : m.end() + 6]
        ):
            remake += 1
    if by_original and re.search(r"\bthe original\b", low):
        remake += 1  # "the original" alone hints that the reviewed film is a remake
    if title and title.lower() in low:
        for m in re.finditer(r"\bre-?mak(?:e|ing)\s+['\"\u201c\u2018]?" + re.escape(title.lower()), low):
            if not modal(m.start()):
                remake += 2  # "to remake X as a musical": this film is the remake
    for m in re.finditer(
        r"\b(?:been|was|were|being|be|is|it)\s+(?:\w+\s+)?remade\b|\bremade\s+(?:in|as|into|it|this)\b"
        r"|\bremade\s+the\s+(?:first|original)\s+(?:film|movie|one)\b"
        r"|\bre-?makes?\s+(?:including|came|like)\b|\bre-?make of this (?:film|movie)\b",
        low,
    ):
        if not modal(m.start()):
            original += 2
    for m in re.finditer(r"\b(?:a|the|its)\s+(?:[\w-]+\s+){0,2}?(\d{4}|'\d\d)\s+re-?make\b", low):
        y = year_of(m.group(1))
        if y and year:
            if y > year:
                original += 2
            elif y == year:
                remake += 2
    if remake > original:
        return "remake"
    if original > remake:
        return "original"
    return ""
