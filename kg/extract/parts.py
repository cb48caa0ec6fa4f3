"""Actors and the parts they play: "X as Y", "Y (X)", "X plays Y", "Y is played by X", "X is Y".

A part is a character's name or a description ending in a role noun ("the
stranger", "his daughter"). Pairs found as "Y (X)" are turned round where the
names show the parenthesis holds the character ("Actor (Character)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon_people import CHARACTER_NOUNS, NOT_NAME_WORDS, TITLES
from kg.extract.names import LO, TOKEN, UP, WORD, NameRun, PersonDraft, is_given_name
from kg.extract.text import find_sentences
from kg.vocab import fold

__all__ = ["Part", "find_parts", "orient_parts", "sentence_start"]


@dataclass(frozen=True, slots=True)
class Part:
    """An actor's name span and the part they play, with the words that say so."""

    actor: tuple[int, int]  # span of the actor's name
    character: str
    span: tuple[int, int]  # evidence: the whole pattern
    confidence: float
    paren: bool = False  # found as "Y (X)", which may be "Actor (Character)"


# ---------------------------------------------------------------- characters

_ROLE_HEAD = "|".join(sorted((re.escape(w) for w in CHARACTER_NOUNS), key=len, reverse=True))
_NP = rf"(?:(?:the|a|an|his|her|their|[{UP}][{LO}]+(?:-[{UP}{LO}][{LO}]+)*['’]s)\s+)(?:[\w'’-]+\s+){{0,3}}?(?:{_ROLE_HEAD})\b"
_NP_RE = re.compile(_NP, re.I)


def _character_after(text: str, pos: int, runs_at: dict[int, NameRun]) -> tuple[str, int, int] | None:
    """The part named right at ``pos``: a capitalised run or a description ending in a role noun."""
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    run = runs_at.get(i)
    if run is None:
        m = re.match(rf"(?:(?:{'|'.join(TITLES)})\s+)?{WORD}(?:\s+{WORD}){{0,3}}", text[i:], re.I)
        if m and text[i].isupper():
            run = NameRun(i, i + m.end(), m.group(0))
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


def _character_before(text: str, pos: int, runs_end: dict[int, NameRun]) -> tuple[str, int, int] | None:
    """The part named right before ``pos`` (the ``(`` of ``Y (X)``)."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    quoted = j > 0 and text[j - 1] in "\"'”’"
    run = runs_end.get(j - 1 if quoted else j)
    if run is not None and (not quoted or text[run.start - 1 : run.start] in "\"'“‘"):
        if quoted:  # '"Lishka" (Barbara Stanwyck)'
            return run.text, run.start, run.end
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


def find_parts(text: str, runs: list[NameRun], film_spans: list[tuple[int, int]], known: set[str]) -> list[Part]:
    """Actor and part pairs: "X as Y", "Y (X)", "X plays Y", "Y is played by X", "X is Y"."""
    runs_at = {r.start: r for r in runs}
    runs_end = {r.end: r for r in runs}
    parts: list[Part] = []

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
                parts.append(Part((actor.start, actor.end), r.text, (r.start - 3, actor.end), 0.75))
                continue
        # "... brings no energy to the role of Jill Johnson": the part of the last person named before
        m = re.search(r"\b(?:the\s+)?(?:role|part)\s+of\s+$", text[max(0, r.start - 16) : r.start])
        if m and fold(r.text) not in known:
            sent_start = sentence_start(text, r.start)
            before = [x for x in runs if sent_start <= x.start and x.end <= r.start - len(m.group(0))]
            if before and len(before[-1].tokens) >= 2:
                a = before[-1]
                parts.append(Part((a.start, a.end), r.text, (a.start, r.end), 0.6))
                continue
        aside = _ASIDE.match(text, r.end)
        after_at = aside.end() if aside else r.end  # "X (not a villain as usual) was Y"
        tail = text[after_at : after_at + 40]
        # X as Y / X stars as Y / X plays Y / X played the role of Y / X is Y
        m = re.match(
            r"(?:,\s*)?(?:\s+(?:(?:who|also)\s+)?(?:stars|starred|appears|appeared|is\s+cast|was\s+cast|co-stars|"
            r"shines|excels|is\s+excellent|is\s+superb|is\s+great|is\s+good|is\s+fine)?)?\s+as\s+(?!well|usual|good|much|always|if|though|a\s+(?:whole|result|kid|child|director|actor|actress))"
            r"|\s+(?:plays|played|portrays|portrayed|playing|plays\s+the\s+role\s+of|played\s+the\s+role\s+of|"
            r"plays\s+the\s+part\s+of|in\s+the\s+role\s+of)\s+"
            r"|\s+(?:is|was)\s+(?=[" + UP + r"])",
            tail,
        )
        if m:
            c = _character_after(text, after_at + m.end(), runs_at)
            if c and not in_film(c[1], c[2]) and fold(c[0]) not in known | {fold(r.text)} and _plausible_part(c[0]):
                verb = m.group(0).strip().lower()
                head = c[0].split()[0].lower()
                if verb in ("is", "was") and ((head in NOT_NAME_WORDS and head not in TITLES) or " " not in c[0]):
                    continue
                conf = 0.6 if verb in ("is", "was") else 0.85
                name, end = c[0], c[2]
                appos = re.match(r",\s+", text[end : end + 3]) if not c[0][:1].isupper() else None
                named = runs_at.get(end + appos.end()) if appos else None
                if named is not None and len(named.tokens) >= 2 and re.match(r"\s*(?:[,;.)]|and\b)", text[named.end :]):
                    name, end = named.text, named.end  # "plays the boyfriend, Jeff Harriman, ..."
                parts.append(Part((r.start, r.end), name, (r.start, end), conf))
                continue
        # Y (X) or X (Y)
        if r.start > 0 and text[r.start - 1] == "(" and re.match(r"\s*[),]", text[r.end : r.end + 2]):
            c = _character_before(text, r.start - 1, runs_end)
            if c and not in_film(c[1], c[2]) and not _PLACE_BEFORE.search(text, max(0, c[1] - 24), c[1]):
                parts.append(Part((r.start, r.end), c[0], (c[1], r.end + 1), 0.8, paren=True))
        # Y, whom X plays
        m = re.match(r",\s*whom\s+", tail)
        actor = runs_at.get(after_at + m.end()) if m else None
        if actor is not None and re.match(r"\s+(?:plays|played|portrays|portrayed)\b", text[actor.end :]):
            if fold(r.text) not in known and len(actor.tokens) >= 2:
                parts.append(Part((actor.start, actor.end), r.text, (r.start, actor.end), 0.8))
                continue
        # "X's Calvera is a great villain": the part X plays, named by what it is
        m = _POSSESSED_PART.match(text, r.end)
        if m and len(r.tokens) >= 2 and not in_film(m.start("part"), m.end("part")) and fold(m["part"]) not in known:
            parts.append(Part((r.start, r.end), m["part"], (r.start, m.end()), 0.7))
            continue
        # Y is played by X / Y, played by X / Y, who is played by X
        m = re.match(
            r"(?:,\s*(?:who\s+(?:is|was)\s+)?|\s+(?:is|was)\s+)(?:(?:well|ably|superbly|nicely|badly|poorly)\s+)?"
            r"played\s+by\s+",
            tail,
        )
        if m:
            actor = runs_at.get(after_at + m.end())
            if actor is not None and fold(r.text) not in known:
                parts.append(Part((actor.start, actor.end), r.text, (r.start, actor.end), 0.85))
    return parts


# "'s Calvera is a great villain": a possessive, a capitalised name, and a role noun that says it is a part.
_POSSESSED_PART = re.compile(
    rf"(?:['’]s|(?<=s)['’])\s+(?P<part>{WORD}(?:\s+{WORD})?)\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_ROLE_HEAD})\b"
)
# A short aside in parentheses right after a name.
_ASIDE = re.compile(r"\s*\([^()]{1,60}\)(?=\s)")
# "in South Korea (Title)": a place before a parenthesis, not a character.
_PLACE_BEFORE = re.compile(r"\b(?:in|from|to|at|into)\s+(?:[A-Z][a-z]+\s+)?$")


def _plausible_part(c: str) -> bool:
    words = c.split()
    return 0 < len(words) <= 6 and words[-1].lower() not in ("film", "movie", "role", "part", "well", "ever")


def orient_parts(text: str, parts: list[Part], runs: list[NameRun], persons: dict[str, PersonDraft]) -> list[Part]:
    """Turn "Actor (Character)" pairs found as "Character (Actor)" the right way round."""
    out: list[Part] = []
    surnames = {p.tokens[-1] for p in persons.values() if len(p.tokens) > 1}
    flip_sentences: set[int] = set()
    decided: list[tuple[Part, bool]] = []
    for p in parts:
        s, e = p.actor
        if not p.paren:
            decided.append((p, False))
            continue
        inside = text[s:e]
        outer_tokens = TOKEN.findall(p.character)
        flip = (
            len(TOKEN.findall(inside)) == 1
            and inside not in surnames
            and is_given_name(inside)
            and len(outer_tokens) >= 2
            and is_given_name(outer_tokens[0])
        )
        if flip:
            flip_sentences.add(sentence_start(text, s))
        decided.append((p, flip))
    for p, flip in decided:
        if not flip and p.paren and sentence_start(text, p.actor[0]) in flip_sentences:
            flip = len(TOKEN.findall(p.character)) >= 2 and p.character[0].isupper()
        if flip:
            outer = p.span[0], p.span[0] + len(p.character)
            out.append(Part(outer, text[p.actor[0] : p.actor[1]], p.span, p.confidence - 0.1, paren=True))
        else:
            out.append(p)
    return out


def sentence_start(text: str, pos: int) -> int:
    return max((s for s, _ in find_sentences(text) if s <= pos), default=0)
