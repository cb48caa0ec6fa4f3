"""Films that a review names or identifies, and which one it reviews.

Titles are spotted where a careful reader sees them: in quotes or italics
markers, with a year (``Psycho (1960)``), after words that announce a film
("remake of", "films like"), in the reviewer's own capitals convention, and
as "aka" titles. Descriptions ("the original", "the 1962 version", "the
Spanish original", "this remake") are resolved against the reviewed film and
the other films of the review: an earlier or later film with the reviewed
film's title is a film of its own ("the 1979 original"), never merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from kg.extract.cues_films import DEMONYMS, EARLIER_WORDS, LATER_WORDS, NON_FILM_CONTEXT, NOT_AFTER_ORIGINAL
from kg.extract.phrases import find_release_titles, find_remake_lists, with_phrase_titles
from kg.extract.predication import REVIEWED, remake_subject
from kg.extract.text import (
    Spot,
    as_year,
    clean_text,
    context_year,
    decade_of,
    find_akas,
    find_sentences,
    find_title_spots,
    find_title_words,
    meta_title,
    remake_role,
    sentence_at,
    side_before,
    year_of,
)
from kg.model import Film, Mention, MentionKind, Review
from kg.vocab import fold_title

__all__ = ["find_descriptions", "find_films"]

FILM = MentionKind.FILM
_YEAR_RX = r"(?:1[89]\d\d|20[0-4]\d)"


@dataclass
class _Draft:
    title: str
    year: int | None = None
    aka: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    side: str = ""  # "reviewed", "earlier", "later", "" (a film named in the text)
    called_original: bool = False  # named right after "the original"
    listed: bool = False  # named in a list of remakes ("remade in Germany (X), in Korea (Y)")
    first: int = 10**9

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.spans:
            self.spans.append((start, end))
            self.first = min(self.first, start)

    def names(self) -> set[str]:
        return {fold_title(n) for n in (self.title, *self.aka)}


def find_films(review: Review) -> tuple[list[Film], str | None]:
    """The films of ``review`` and the key of the reviewed one.

    Parameters
    ----------
    review : Review
        The review; its ``film_title``/``film_year`` make the reviewed film.

    Returns
    -------
    tuple of (list of Film, str or None)
        Every film the text names or identifies (the reviewed film first, key
        ``f0``), each with the spans that name or describe it; and the key of
        the reviewed film (``None`` when the metadata names none).

    Examples
    --------
    >>> r = Review(id="x", text="A remake of the 1962 original, Cape Fear (1991) is loud.",
    ...            film_title="Cape Fear", film_year=1991)
    >>> films, key = find_films(r)
    >>> [(f.title, f.year) for f in films], key
    ([('Cape Fear', 1991), ('Cape Fear', 1962)], 'f0')
    """
    text = clean_text(review.text)
    sentences = list(find_sentences(text))
    reviewed = _Draft(meta_title(review.film_title), review.film_year, side="reviewed") if review.film_title else None
    drafts: list[_Draft] = [reviewed] if reviewed else []
    spots = with_phrase_titles(text, find_title_spots(text, reviewed.title if reviewed else None))
    role = remake_role(text, reviewed.title if reviewed else None, reviewed.year if reviewed else None)
    akas = [*find_akas(text), *find_release_titles(text)]
    aka_spans = [(a_start, a_end) for _, _, a_start, a_end in akas]
    listed = {(x.start, x.end) for x in find_remake_lists(text)}

    # 1. named titles
    for spot in spots:
        if (spot.start, spot.end) in aka_spans:
            continue
        _place(spot, drafts, reviewed)
        if (spot.start, spot.end) in listed:
            next(d for d in drafts if (spot.start, spot.end) in d.spans).listed = True
    twins: list[Spot] = []
    if reviewed:
        for start, end in find_title_words(text, reviewed.title):
            if any(s <= start < e for d in drafts for s, e in d.spans):
                continue
            year = context_year(text, start, end)
            if side_before(text, start) == "earlier":
                twins.append(Spot(start, end, text[start:end], side="earlier", same_title=True))
            elif year and reviewed.year and year != reviewed.year:  # "the 1960 Magnificent Seven" in a 2016 review
                side = "earlier" if year < reviewed.year else "later"
                twins.append(Spot(start, end, text[start:end], year, side=side, same_title=True))
            else:
                reviewed.add(start, end)
    for d in list(drafts):
        if d.side != "reviewed":
            for start, end in find_title_words(text, d.title):
                taken = [*aka_spans, *(sp for x in drafts for sp in x.spans)]
                if not any(s <= start < e or start <= s < end for s, e in taken):
                    d.add(start, end)
    _merge_short_names(drafts)

    # 2. aka titles
    for main_end, aka_title, a_start, a_end in akas:
        owner = (
            reviewed
            if main_end == -1
            else next((d for d in drafts for s, e in d.spans if main_end - 2 <= e <= main_end), None)
        )
        if owner is None:
            continue
        for d in [
            x
            for x in drafts
            if x is not owner and x.side == "" and not x.listed and fold_title(x.title) == fold_title(aka_title)
        ]:
            drafts.remove(d)
        if fold_title(aka_title) not in owner.names():
            owner.aka.append(aka_title)
        owner.add(a_start, a_end)

    # 3. descriptions: "the original", "the 1962 version", "this remake"
    if reviewed:
        original = _named_original(text, sentences, drafts, reviewed)
        older = any(  # the text uses the reviewed title for the older film: "Hitchcock's Psycho", "to remake X"
            _OLDER_TITLE.search(text[max(0, s - 30) : s]) for s, _ in find_title_words(text, reviewed.title)
        )
        for desc in sorted([*find_descriptions(text), *twins], key=lambda d: d.start):
            _resolve(desc, drafts, reviewed, original, role, text, older_title=older)

    films: list[Film] = []
    keyed = sorted(drafts, key=lambda d: (d.side != "reviewed", d.first))
    for i, d in enumerate(keyed):
        mentions = tuple(Mention.of(review.text, s, e, FILM) for s, e in sorted(d.spans))
        films.append(
            Film(
                key=f"f{i}",
                title=d.title,
                year=d.year,
                aka=tuple(dict.fromkeys(d.aka)),
                countries=tuple(dict.fromkeys(d.countries)),
                mentions=mentions,
            )
        )
    return films, ("f0" if reviewed else None)


_SEQUEL = re.compile(r"^(.+?)\s*[:,-]?\s+(?:part\s+)?(?:[2-4]|ii|iii|iv|two|three)$", re.I)


def _place(spot: Spot, drafts: list[_Draft], reviewed: _Draft | None) -> None:
    """Add a named title to the film it names, or make a new film of it."""
    key = fold_title(spot.title)
    if reviewed and len(key) >= 6 and SequenceMatcher(None, key, fold_title(reviewed.title)).ratio() >= 0.85:
        key = fold_title(reviewed.title)  # a slip of the pen for the reviewed title
    if reviewed and key in reviewed.names():
        if spot.year is None or spot.year == reviewed.year or reviewed.year is None:
            if spot.side not in ("earlier", "later"):
                reviewed.add(spot.start, spot.end)
                if reviewed.year is None and spot.year:
                    reviewed.year = spot.year
                _countries(reviewed, spot)
                return
    same = [d for d in drafts if d is not reviewed and key in d.names()]
    for d in same:
        if spot.year is None or d.year is None or d.year == spot.year:
            if spot.side and d.side and spot.side != d.side:
                continue
            if spot.country and d.countries and spot.country not in d.countries:
                continue  # "in Japan as Night Line ... in Hollywood, also called Night Line": two films
            d.add(spot.start, spot.end)
            d.year = d.year or spot.year
            _countries(d, spot)
            return
    d = _Draft(spot.title, spot.year, side=spot.side if reviewed and key in reviewed.names() else "")
    d.called_original = spot.side == "earlier"
    d.add(spot.start, spot.end)
    _countries(d, spot)
    drafts.append(d)


def _countries(d: _Draft, spot: Spot) -> None:
    if spot.country and spot.country not in d.countries:
        d.countries.append(spot.country)


_NUMERAL = re.compile(r"^(?:\d+|[ivx]+|part|chapter|episode)$")


def _merge_short_names(drafts: list[_Draft]) -> None:
    """A short form of a longer title in the same review ("Strangers") names that film (as an aka)."""
    for short in list(drafts):
        if short.side == "reviewed" or short.year is not None:
            continue
        s_words = fold_title(short.title).split()
        for long in drafts:
            if long is short or short not in drafts:
                continue
            for name in long.names():
                l_words = name.split()
                if len(l_words) <= len(s_words):
                    continue
                rest = None
                if l_words[: len(s_words)] == s_words:
                    rest = l_words[len(s_words) :]
                elif l_words[-len(s_words) :] == s_words:
                    rest = l_words[: -len(s_words)]
                if rest and not _NUMERAL.match(rest[0]):
                    long.aka.append(short.title)
                    for s, e in short.spans:
                        long.add(s, e)
                    drafts.remove(short)
                    break


_REMAKE_OF = re.compile(
    r"\b(?:re-?make|remade|adaptation|version|update|based (?:off|on)|inspired by)\b[^.!?;]{0,12}?\b(?:of|from|on)\b",
    re.I,
)


def _named_original(
    text: str, sentences: list[tuple[int, int]], drafts: list[_Draft], reviewed: _Draft
) -> _Draft | None:
    """The named film that the reviewed film remakes ("a remake of X"), if the text says so."""
    spans = sorted((s, e, i) for i, d in enumerate(drafts) for s, e in d.spans)
    unsaid: set[int] = set()  # films named after "a remake of" said of no film of the review
    for m in _REMAKE_OF.finditer(text):
        s_start, s_end = sentence_at(sentences, m.start())
        if re.search(r"\b(?:not|n't|never|if|would|should|could)\b[^.,;]{0,25}$", text[s_start : m.start()], re.I):
            continue
        subject = remake_subject(text, s_start, m.start(), [(s, e) for s, e, _ in spans])
        if subject is None and re.search(r"\ban?\s+(?:[\w-]+\s+){0,2}$", text[s_start : m.start()], re.I):
            after = [i for s, _, i in spans if m.end() <= s < min(s_end, m.end() + 70)]
            unsaid.update(after[:1])
        if subject is None or (subject != REVIEWED and drafts[spans[subject][2]] is not reviewed):
            continue  # "the remake of X", "Y is a remake of X": not the reviewed film's original
        window_end = min(len(text), m.end() + 70, s_end)
        best: tuple[int, _Draft] | None = None
        for d in drafts:
            if d is reviewed or d.side == "later":
                continue
            for s, _ in d.spans:
                if m.end() <= s < window_end and (best is None or s < best[0]):
                    best = (s, d)
        if best and not re.search(r"\b(?:novel|book|play|story|stories)\b", text[m.end() : best[0]], re.I):
            d = best[1]
            if reviewed.year is None or d.year is None or d.year < reviewed.year:
                return d
    others = [d for d in drafts if d is not reviewed and d.side == ""]
    # a film that shares a distinctive title word with the reviewed film and came before it
    words = {w for w in fold_title(reviewed.title).split() if len(w) >= 4}
    kin = [
        d
        for d in others
        if words & set(fold_title(d.title).split())
        and d.year is not None
        and reviewed.year is not None
        and d.year < reviewed.year
    ]
    if len(kin) == 1:
        return kin[0]
    # the one other film the review names, older than the reviewed film, in a review that calls it a remake
    if (
        len(others) == 1
        and reviewed.year is not None
        and (others[0].year is not None and others[0].year < reviewed.year or drafts.index(others[0]) in unsaid)
        and not _SEQUEL.match(others[0].title)
        and remake_role(text, reviewed.title, reviewed.year, by_original=False) == "remake"
    ):
        return others[0]
    return None


_OLDER_TITLE = re.compile(
    r"(?:\boriginal|\bfirst|\bre-?mak(?:e|ing)|\bremade|\b[A-Z][\w-]+'s)\s*['\"\u201c\u2018*_]?\s*$"
)


def _resolve(
    desc: Spot,
    drafts: list[_Draft],
    reviewed: _Draft,
    original: _Draft | None,
    role: str,
    text: str,
    *,
    older_title: bool = False,
) -> None:
    """Attach a description to the film it identifies (creating that film where it must)."""
    if any(s <= desc.start < e or desc.start <= s < desc.end for d in drafts for s, e in d.spans):
        return
    gap = re.match(r"\s*['\"\u201c\u2018*_]?", text[desc.end :])
    follower = desc.end + (gap.end() if gap else 0)
    for d in drafts:
        if any(s == follower for s, _ in d.spans):  # "the 2018 German adaptation X": the words describe X
            d.add(desc.start, desc.end)
            d.year = d.year or desc.year
            _countries(d, desc)
            return
    if (
        re.match(r"[A-Z]", text[follower : follower + 1])
        and desc.end == follower - len(text[desc.end : follower])
        and not re.search(r"[.!?:;,)\]]\s*$", text[desc.start : follower])
        and not desc.same_title
        and desc.year is None
        and not any(
            s == 0 for s, _ in find_title_words(text[follower : follower + len(reviewed.title) + 8], reviewed.title)
        )
    ):
        return  # "the original Bond, Sean Connery": the words describe a name we do not know as a film
    if _other_remake(desc, reviewed, text):
        return
    side = desc.side
    year = desc.year
    if side == "this":
        reviewed.add(desc.start, desc.end)
        return
    if side == "" and year is None and desc.decade is None and desc.country and not desc.same_title:
        of_country = [d for d in drafts if desc.country in d.countries]
        if len(of_country) == 1:  # "the German one": the one film of the review from Germany
            of_country[0].add(desc.start, desc.end)
        return
    if year is not None:
        if year == reviewed.year:
            reviewed.add(desc.start, desc.end)
            return
        same_year = [d for d in drafts if d.year == year and d is not reviewed]
        if same_year and not desc.same_title:
            same_year[0].add(desc.start, desc.end)
            return
        if reviewed.year is not None:
            side = "earlier" if year < reviewed.year else "later"
    elif desc.decade is not None and reviewed.year is not None:
        if desc.decade <= reviewed.year < desc.decade + 10:
            reviewed.add(desc.start, desc.end)
            return
        side = "earlier" if desc.decade < reviewed.year else "later"
    if side == "earlier":
        if role == "original" and year is None and not desc.same_title:
            reviewed.add(desc.start, desc.end)
            return
        if original is not None and not desc.same_title:
            original.add(desc.start, desc.end)
            original.year = original.year or year
            _countries(original, desc)
            return
        if (
            role == ""
            and year is None
            and desc.decade is None
            and not desc.same_title
            and not _SEQUEL.match(reviewed.title)
        ):
            return  # nothing says the reviewed film is a remake: "the old film" may be itself
    elif side == "later":
        if role == "remake" and year is None:
            reviewed.add(desc.start, desc.end)
            return
        if role != "original" and not desc.same_title and year is None:
            return
    else:
        return
    # a film with the reviewed film's title, earlier or later than it
    title = reviewed.title
    prequel = _SEQUEL.match(title)
    if prequel and side == "earlier" and not desc.same_title:
        title = prequel.group(1)  # the film a sequel follows: a film of its own, not a remake
    elif reviewed.year is None and year is None:
        return  # two films of one title and no year to tell them apart
    twin = next(
        (
            d
            for d in drafts
            if d.side == side
            and fold_title(d.title) == fold_title(title)
            and (year is None or d.year is None or d.year == year)
        ),
        None,
    )
    if twin is None:
        if side == "later" and not desc.same_title and _retitled_remake(drafts, reviewed, text):
            return  # "remade as Y in 1960 ... the 2016 version": a later film whose title the text does not give
        if not prequel and not desc.same_title and not older_title:
            if side == "earlier" and year is None and desc.decade is None:
                return  # "the original" of a remake whose original the text never names: its title is unknown
            strong = re.search(r"\b(?:version|original|re-?make)\b", desc.title, re.I) or re.search(
                r"\bre-?make (?:of|to)\s*$", text[max(0, desc.start - 15) : desc.start], re.I
            )
            if not strong:
                return  # "the 1998 film": a film of that year, but nothing says it has this title
        twin = _Draft(title, year, side=side)
        drafts.append(twin)
    twin.year = twin.year or year
    twin.add(desc.start, desc.end)
    _countries(twin, desc)


_REMADE_AS = re.compile(r"\bremade\b[^.;!?]{0,30}\b(?:as|into)\s+$", re.I)


def _retitled_remake(drafts: list[_Draft], reviewed: _Draft, text: str) -> bool:
    """Whether the text names a later film under another title as the reviewed film's remake ("remade as Y")."""
    own = fold_title(reviewed.title)
    return any(
        d is not reviewed
        and d.side == ""
        and (d.listed or any(_REMADE_AS.search(text[max(0, s - 40) : s]) for s, _ in d.spans))
        and d.year is not None
        and reviewed.year is not None
        and d.year > reviewed.year
        and fold_title(d.title) != own
        for d in drafts
    )


def _other_remake(desc: Spot, reviewed: _Draft, text: str) -> bool:
    """A remake that is not one of the reviewed film: "the 2003 remake of X", "the 50's remake" of a 1995 film.

    Also "the play or the 1971 version": another adaptation of the same play or novel, not a remake.
    """
    s_start = max(text.rfind(".", 0, desc.start), text.rfind("?", 0, desc.start), text.rfind("!", 0, desc.start)) + 1
    if re.search(r"\b(?:version|adaptation)s?$", desc.title, re.I) and not re.search(
        r"\b(?:original|first|re-?make)\b", desc.title, re.I
    ):
        s_end = min((i for i in (text.find(c, desc.end) for c in ".?!") if i >= 0), default=len(text))
        if re.search(r"\bthe (?:stage )?(?:play|novel|book)\b", text[s_start:s_end], re.I):
            return True
    if not re.search(r"\bre-?make\b", desc.title, re.I) or desc.side == "this":
        return False
    when = desc.year or desc.decade
    if when is not None and reviewed.year is not None and when + (9 if desc.year is None else 0) < reviewed.year:
        return True  # a remake made before the reviewed film is not a remake of it
    after = re.match(r"\s+of\s+['\"\u201c\u2018*_]?(.{0,60})", text[desc.end :], re.S)
    if after and not re.match(r"(?:this|it|that|the same)\b", after.group(1), re.I):
        if not any(s == 0 for s, _ in find_title_words(after.group(1), reviewed.title)):
            return True  # "the 2003 remake of X": a remake of another film
    return bool(re.search(r"\b(?:would|should|could|if|wish|hope)\b", text[s_start : desc.start], re.I))


_GENRE_NOUNS = frozenset("thriller western drama comedy chiller melodrama".split())
_DESC = re.compile(
    r"\b(?P<det>the|this|its|a|an)\s+"
    r"(?P<mods>(?:[\w'\u2019.-]+\s+){0,4}?)"
    r"['\"\u2018\u201c]?(?P<noun>original|re-?make|version|film|movie|one|classic|vehicle|adaptation|predecessor|inspiration"
    r"|picture|first|thriller|western|drama|comedy|chiller|melodrama)(?![\w-])"
    r"(?P<tail>\s+(?:of|with)\s+(?:this\s+film\s+with\s+)?the\s+same\s+(?:title|name)(?:\s+in\s+(?P<ty>\d{4}))?)?",
    re.I,
)
_FILM_NOUNS = frozenset("version film movie one picture adaptation vehicle".split()) | _GENRE_NOUNS
_MOD_STOP = frozenset(
    "the a an of in on at to for from with by and or but is was are were be been being that which who what not no "
    "than as "
    "it its his her their this these those my your our very so too all any some each every".split()
)


def find_descriptions(text: str) -> list[Spot]:
    """Descriptions that identify one film of a review: "the original", "the 1962 version", "this remake".

    The films and the attachment of credits both read them: they are found once per text.

    >>> [(s.side, s.year) for s in find_descriptions("Unlike the 1962 version, this remake drags.")]
    [('', 1962), ('this', None)]
    >>> [(s.side, s.country) for s in find_descriptions("not as raw as the Spanish original")]
    [('earlier', 'ES')]
    """
    return list(_descriptions(text))


@lru_cache(maxsize=64)
def _descriptions(text: str) -> tuple[Spot, ...]:
    out: list[Spot] = []
    for d_m in re.finditer(r"\b(?:the|this|its|a|an)\b", text, re.I):
        m = _DESC.match(text, d_m.start())
        if m is None or (out and m.start() < out[-1].end):
            continue
        det, noun = m.group("det").lower(), m.group("noun").lower()
        mods = m.group("mods").split()
        if any(re.search(r"[,;:!?()\"]", w) for w in mods) or any(w.endswith(".") and len(w) > 3 for w in mods):
            continue
        low = [w.lower() for w in mods]
        if any(w in _MOD_STOP for w in low):
            continue
        after = re.findall(r"[\w-]+", text[m.end() : m.end() + 25].lower())[:2]
        if any(w in NON_FILM_CONTEXT for w in after):
            continue
        if (
            noun in ("film", "movie", "one", "picture", "version")
            and after
            and after[0] in ("in", "about")
            and not mods
        ):
            continue
        year = next((y for w in mods if (y := year_of(w))), None)
        if m.group("ty"):
            year = as_year(m.group("ty"))
        decade = next((d for w in mods if (d := decade_of(w))), None)
        words = set(low) | {noun}
        country = next((DEMONYMS[w] for w in low if w in DEMONYMS), None)
        if " ".join(low[-2:]) in DEMONYMS:
            country = DEMONYMS[" ".join(low[-2:])]
        named = any(w[0].isupper() and w.lower() not in DEMONYMS for w in mods)
        same = bool(m.group("tail"))
        side = ""
        if det == "this" and not year and not decade and noun in _FILM_NOUNS | {"remake", "re-make"} and len(mods) <= 1:
            if low and low[0] in EARLIER_WORDS | {"new", "other", "second", "third", "latest"}:
                continue
            side = "this"
        elif noun == "first":
            if (
                det != "the"
                or mods
                or not re.match(r"\s*(?:[.,;!?)]|film\b|movie\b|one\b|and\b|but\b|$)", text[m.end() :])
            ):
                continue
            side = "earlier"
        elif noun in ("predecessor", "inspiration"):
            if det not in ("its", "the") or mods:
                continue
            side = "earlier"
        elif words & {"original"} and (noun == "original" or noun in _FILM_NOUNS):
            if det not in ("the", "its") and not year:
                continue
            if noun == "original" and after and after[0] in NOT_AFTER_ORIGINAL:
                continue
            side = "earlier"
        elif noun in ("remake", "re-make"):
            if det == "the" and not mods:
                side = "later"
            elif not (year or decade or same):
                continue
            side = side or ("later" if not year else "")
        elif noun == "classic":
            if det != "the" or not (year or named):
                continue
            side = "earlier"
        elif noun in _FILM_NOUNS:
            if not (year or decade or same or words & (EARLIER_WORDS | LATER_WORDS)) and not (
                country and det == "the" and len(mods) == 1 and noun in ("one", "film", "movie", "version")
            ):
                continue
            if det not in ("the", "its", "a", "an") or (det in ("a", "an") and not (year and same)):
                if not (det in ("a", "an") and year and same):
                    continue
            if words & EARLIER_WORDS:
                side = "earlier"
            elif words & LATER_WORDS:
                side = "later"
        else:
            continue
        if det in ("a", "an") and not same and not year:
            continue
        end = m.end()
        if noun == "first":
            tail = re.match(r"\s+(?:film|movie|one|picture)\b", text[end:], re.I)
            end += tail.end() if tail else 0
        out.append(Spot(m.start(), end, text[m.start() : end], year, side, country, decade, same))
    # "a remake came in 1988", "(it was) remade in 1988": the later film, by its year
    for m in re.finditer(
        r"\ba (?:\w+ )?re-?make (?:came|followed|appeared|was made|was released|arrived) in (" + _YEAR_RX + r")\b",
        text,
        re.I,
    ):
        out.append(Spot(m.start(), m.end(), m.group(), int(m.group(1)), "later", same_title=True))
    # "a remake of a classic movie": the earlier film, unnamed
    for m in re.finditer(
        r"\bre-?make of (an? (?:\w+ )?(?:classic|film|movie|picture)(?: (?:film|movie))?)\b", text, re.I
    ):
        if not any(o.start <= m.start(1) < o.end for o in out):
            out.append(Spot(m.start(1), m.end(1), m.group(1), None, "earlier"))
    return tuple(sorted(out, key=lambda o: o.start))
