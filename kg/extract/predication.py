"""What a "remake of X" phrase is said of: the reviewed film, a film named beside it, or nothing.

"A remake of X" names a remake; whether that remake is the reviewed film, another
film of the review, or some film the text only mentions depends on the words
around it:

- "this remake of X", "it is a remake of X", "This film is basically a remake of X",
  and a sentence that opens with the phrase ("A remake of X.") speak of the reviewed film;
- "Y is a remake of X", "Y, a remake of X", "Y (itself a remake of X)", "Y, which was
  a remake of X" speak of the film Y;
- "the remake of X", "his remake of X", "auditioning for a remake of X", "it's like a
  remake of X" only mention some remake of X: no film of the review is said to be it.
"""

from __future__ import annotations

import re

__all__ = ["REVIEWED", "remake_subject"]

REVIEWED = -1  # the phrase is said of the reviewed film

_DETERMINERS = frozenset("this these the a an its his her their my our your another that".split())
_REMAKE_NOUNS = frozenset("remake re-make version copy update adaptation reimagining re-imagining rip-off".split())
_DEFINITE = frozenset("the his her their my our your that".split())
# words that end a noun phrase when read backwards from the cue: verbs, prepositions, conjunctions
_NP_STOP = frozenset(
    """is was are were be been being 's it's seems seem seemed appears appear appeared became becomes become
    remains remained of for in into to like as with and or but than that which who from by on at about
    made make makes do does did doing done directed saw see seen watch watched watching enjoyed loved
    hated liked wanted want expecting expected awaiting awaited called named entitled titled
    it he she they we you i there what""".split()
)
_COPULA = re.compile(
    r"\b(?:is|was|are|were|be|been|being|becomes|became|remains|remained|seems|seemed|appears|appeared)\b"
    r"|(?<=\w)['\u2019]s\b",
    re.I,
)
# words that may sit between a copula and "a remake of": adverbs and hedges ("is essentially", "was supposed to be")
_LINK_WORDS = frozenset(
    """not just really basically essentially actually simply merely only nothing little more than also in fact
    effectively obviously clearly apparently technically supposedly reportedly originally itself indeed
    definitely certainly probably presumably undoubtedly turn somewhat almost practically virtually largely
    mostly partly loosely sort kind of supposed meant to be being seen considered intended billed as described
    advertised marketed promoted touted said called nominally yet still always now then truly pretty quite
    reality truth however though therefore thus ultimately arguably admittedly officially unofficially
    openly frankly honestly surely""".split()
)
_SUBJECT_PRONOUN = re.compile(
    r"(?:^|\b)(?:this|it|what we have(?: here)?|here|the (?:film|movie|picture|flick)|"
    r"this (?:film|movie|picture|flick|one|version|effort|production|feature))"
    r"(?:\s+(?:here|too|also|itself|really|actually|in fact|then))?\s*$",
    re.I,
)
_FRAGMENT_LEAD = frozenset(
    "as basically essentially just simply actually really also and but so well ok okay yes indeed "
    "obviously sadly unfortunately itself plot summary premise".split()
)
_GAP = r"[\s'\"\u201c\u201d\u2018\u2019*_]*(?:\(\s*\d{4}\s*\))?[\s'\"\u201c\u201d\u2018\u2019*_]*"
_APPOSITION = re.compile(
    _GAP
    + r"(?:,|\(|\[|--|\u2014|-|:)[\s'\"\u201c\u201d\u2018\u2019*_]*(?:(?:which|that)\s+)?(?:(?:itself|also|in turn|both)\s+)*$",
    re.I,
)
_RELATIVE = re.compile(_GAP + r",?\s*(?:which|that)\s*(?:(?:itself|also|in turn)\s+)*$", re.I)


def _np_start(text: str, s_start: int, cue_start: int) -> tuple[int, str]:
    """Where the noun phrase ending in the cue begins, and its determiner ("" when it has none)."""
    toks = list(re.finditer(r"\S+", text[s_start:cue_start]))
    start = cue_start
    for n, tok in enumerate(reversed(toks)):
        raw = tok.group()
        word = raw.lower().strip("\"'\u201c\u201d\u2018\u2019*_()[],;:")
        pos = s_start + tok.start()
        if word == "of" and n + 1 < len(toks) and toks[-n - 2].group().lower().strip("(") in ("sort", "kind"):
            start = pos  # "a sort of remake of X"
            continue
        if word in ("sort", "kind") and start < cue_start:
            start = pos
            continue
        if word in _DETERMINERS:
            return pos, word
        if re.fullmatch(r"[A-Z][\w.-]*(?:['\u2019]s|s['\u2019])", raw.strip("\"'\u201c\u201d*_(")):
            k = len(toks) - n - 1
            while k > 0 and re.fullmatch(r"[A-Z][\w.-]*", toks[k - 1].group()) and k > len(toks) - n - 4:
                k -= 1  # the owner's whole name: "Rob Roe's"
            return s_start + toks[k].start(), "the"  # "Rob Roe's remake of X": a definite remake
        if word in ("or", "and") and n + 1 < len(toks) and toks[-n - 2].group().lower() in _REMAKE_NOUNS:
            start = pos  # "a remake or update of X"
            continue
        if word in _NP_STOP or n >= 6 or re.search(r"[.;:!?]$", raw):
            return start, ""
        start = pos
    return start, ""


def remake_subject(text: str, s_start: int, cue_start: int, film_spans: list[tuple[int, int]]) -> int | None:
    """The film that a cue such as "remake of" (at ``cue_start``) is said of.

    Parameters
    ----------
    text : str
        The review body.
    s_start : int
        Start of the sentence holding the cue.
    cue_start : int
        Start of the cue ("remake of", "new version of", ...).
    film_spans : list of (int, int)
        Spans of the review's film mentions, sorted.

    Returns
    -------
    int or None
        :data:`REVIEWED` when the remake is the reviewed film, the index in
        ``film_spans`` of the film named as the remake, or ``None`` when the
        text only mentions some remake.

    Examples
    --------
    >>> t = "Harbour Lights is a remake of Night Tide."
    >>> remake_subject(t, 0, t.index("remake"), [(0, 14), (30, 40)])
    0
    >>> remake_subject("This film is a remake of it.", 0, 15, [])
    -1
    >>> remake_subject("I enjoyed the remake of it.", 0, 14, []) is None
    True
    """
    np_start, det = _np_start(text, s_start, cue_start)
    if det in ("this", "these"):
        return REVIEWED
    pre = text[s_start:np_start]
    if re.search(
        r"\b(?:make|made|makes|making|turn|turned|call|called|consider|considered)\s+(?:this|it)\s+$", pre, re.I
    ):
        return REVIEWED  # "they made this a remake of X"
    before = [i for i, (s, e) in enumerate(film_spans) if s_start <= s and e <= np_start]
    # "Y, a remake of X" / "Y (itself a remake of X)": the film named just before
    if before and _APPOSITION.fullmatch(text[film_spans[before[-1]][1] : np_start]):
        listed = len(before) > 1 and re.fullmatch(
            _GAP + r"(?:,|;)" + _GAP, text[film_spans[before[-2]][1] : film_spans[before[-1]][0]]
        )
        return None if listed else before[-1]  # "A, B, the remake of X": a list, not an apposition
    if det not in _DEFINITE:
        lead = [w.lower() for w in re.findall(r"[\w'-]+", re.sub(r"^[^.:;]{0,30}:\s*", "", pre))]
        if all(w in _FRAGMENT_LEAD for w in lead) and not re.search(r"[,;]\s*$", pre):
            return REVIEWED  # "A remake of X.", "Basically a remake of X", "As a remake of X, it ..."
    cops = list(_COPULA.finditer(text, s_start, np_start))
    for cop in reversed(cops):
        mid = re.findall(r"[\w'-]+", text[cop.end() : np_start].lower())
        if not all(w in _LINK_WORDS or w in ("a", "an", "the") for w in mid):
            # "is a dull thriller and a remake of X", "is not a loose, but a faithful remake of X"
            tail = text[cop.end() : np_start]
            if not re.search(r"(?:,|\band|\bbut)\s*(?:also\s+)?$", tail) or len(mid) > 8:
                continue
        subject = text[s_start : cop.start()]
        near = [i for i in before if film_spans[i][1] <= cop.start()]
        if near and re.search(
            r"\b(?:to|of|from|than|like|with)\s+['\"\u201c\u2018*_]?$", text[s_start : film_spans[near[-1]][0]]
        ):
            return None  # "Jane Roe's follow-up to X is a remake of Y": X is not the subject
        if near:
            gap = text[film_spans[near[-1]][1] : cop.start()]
            if re.fullmatch(_GAP + r",?\s*(?:(?:which|that)\s*)?(?:(?:also|itself|really|actually|in turn)\s+)*", gap):
                return near[-1]
        if _RELATIVE.search(subject):
            return None  # "a DVD which is a remake of X": a thing we do not know
        if _SUBJECT_PRONOUN.search(subject):
            return REVIEWED
        # "X was supposed to be a remake": look further back, past "be"
    return None
