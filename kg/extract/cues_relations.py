"""Cue phrases for remake links and for comparisons between films (data only).

Regular-expression fragments, matched case-insensitively on word boundaries.
Nothing here names a film or a person.
"""

from __future__ import annotations

__all__ = [
    "BAD_REMAKE_WORDS",
    "BETTER_ANCHORS",
    "BETTER_CUES",
    "EQUAL_ANCHORS",
    "EQUAL_CUES",
    "MIXED_CUES",
    "NEGATIONS",
    "NOT_FILM_SOURCE",
    "PREFER_CUES",
    "RECOMMEND_CUES",
    "REMADE_AS_CUES",
    "REMAKE_OF_CUES",
    "SEQUEL_WORDS",
    "SUBJECT_BETTER_ANCHORS",
    "SUBJECT_BETTER_CUES",
    "SUBJECT_WORSE_ANCHORS",
    "SUBJECT_WORSE_CUES",
    "WORSE_ANCHORS",
    "WORSE_CUES",
]

# "<remake> ... CUE <original>": the film after the cue is the original.
REMAKE_OF_CUES: tuple[str, ...] = (
    r"shot[- ]for[- ]shot (?:re-?make|copy|remake) of",
    r"re-?make of",
    r"re-?imagining of",
    r"reboot of",
    r"(?:new|updated|modern|american|english-language|hollywood|loose|faithful) version of",
    r"(?:an? |the )?(?:modern |new |updated )?update of",
    r"(?:film|movie|screen) adaptation of",
    r"adaptation of the (?:\w+ )?(?:film|movie|flick|picture)",
    r"(?:perfect |faithful |loose )?adaptation of",
    r"remade from",
    r"based (?:off|on) (?:of )?(?:a|the) (?:\w+ )?(?:film|movie|picture)",
    r"copy of",
    r"rip-?off of",
)

# "<original> ... CUE <remake>": the film after the cue is the remake.
REMADE_AS_CUES: tuple[str, ...] = (
    r"remade (?:in \d{4} )?(?:as|into)",
    r"and again (?:in \d{4} )?as",
    r"re-?makes? (?:including|like|such as)",
    r"re-?made it as",
)

# Words that make the thing after a cue something other than a film (a source, not a remake link).
NOT_FILM_SOURCE = frozenset(
    "novel novella book story stories play stage poem comic comics manga series show episode song "
    "legend myth fairy-tale tale opera musical-play".split()
)

SEQUEL_WORDS = frozenset("sequel sequels prequel prequels part follow-up spin-off".split())

NEGATIONS = (r"not", r"n't", r"never", r"no", r"hardly", r"nothing like")

# "<A> CUE <B>": A is better than B.
BETTER_CUES: tuple[str, ...] = (
    r"(?:much |far |a lot |way |so much |even |a little |slightly |leagues |miles )?better than",
    r"(?:far |vastly |much |greatly |clearly )?superior to",
    r"improves? (?:up)?on",
    r"an improvement (?:on|over)",
    r"outdoes",
    r"surpass(?:es)?",
    r"outshines",
    r"holds? up (?:much |far )?better than",
    r"(?<!little )(?<!nothing )(?<!no )(?:far |much )?more (?:\w+ ){1,2}than",
    r"blows? (?:\w+ )?away",
    r"beats",
    r"does it more justice than",
)

# "<A> CUE <B>": A is worse than B.
WORSE_CUES: tuple[str, ...] = (
    r"(?:much |far |a lot |way |even )?worse than",
    r"(?:far |vastly |much |greatly |clearly )?inferior to",
    r"(?:not|n't) (?:nearly |quite |half |anywhere near |really )?as (?:[\w-]+ ){1,4}?as",
    r"(?:doesn't|does not|didn't|did not) have the same (?:[\w-]+ ){1,3}(?:as|of)",
    r"nowhere near as (?:\w+ ){1,3}?as",
    r"fails? to be as (?:\w+ ){1,3}?as",
    r"(?:is |was )?no match for",
    r"not a patch on",
    r"(?:doesn't|does not|don't|can't|cannot) hold a candle to",
    r"pales? (?:in comparison )?(?:to|next to|beside)",
    r"(?:a )?pale (?:imitation|shadow|copy) of",
    r"(?:can't|cannot|couldn't|could not) (?:really )?(?:compare|compete) (?:to|with)",
    r"(?:can't|cannot|couldn't|could not) catch up with",
    r"not in the same (?:league|class) as",
    r"(?:far |much )?less (?:\w+ ){1,2}than",
    r"(?:a real |an )?insult to",
    r"(?:is |was )?a far cry from",
    r"without (?:a scintilla|an ounce|any|a trace|a shred|a fraction) of the (?:\w+ ){1,5}of",
)

EQUAL_CUES: tuple[str, ...] = (
    r"(?:just |every bit |equally )?as good as",
    r"on (?:a )?par with",
    r"as much as I (?:enjoyed|liked|loved)",
    r"(?:just )?as (?:enjoyable|entertaining|scary|effective|strong) as",
)

MIXED_CUES: tuple[str, ...] = ()

# Words that every cue of a list holds (lower case, read case-insensitively): a sentence without any of them
# holds none of the cues, and is not searched for them (tests/test_extract_scan.py checks each cue).
BETTER_ANCHORS: tuple[str, ...] = (
    "better",
    "superior",
    "improv",
    "outdoes",
    "surpass",
    "outshines",
    "more",
    "blow",
    "beats",
)
WORSE_ANCHORS: tuple[str, ...] = (
    "worse", "inferior", "not", "n't", "have the same", "nowhere", "fail", "no match", "candle", "pale",
    "compare", "compete", "catch up", "less", "insult", "far cry", "without",
)  # fmt: skip
EQUAL_ANCHORS: tuple[str, ...] = (
    "as good as",
    "par with",
    "as much as",
    "enjoyable",
    "entertaining",
    "scary",
    "effective",
    "strong",
)

# "<A> is CUE" with no second film: A is judged against its remake partner.
SUBJECT_BETTER_CUES: tuple[str, ...] = (
    r"(?:is|was|remains) (?:still )?the (?:better|stronger|superior) (?:film|movie|one|version|picture)",
    r"(?:is|was|remains) (?:far |much |vastly |so much |still |clearly )?(?:superior|better)\b(?! than| to)",
    r"(?:in all ways|in every way|in almost every (?:conceivable )?way) superior",
    r"superior (?:\w+ ){0,3}in (?:all|every) (?:\w+ )?ways?",
)
SUBJECT_WORSE_CUES: tuple[str, ...] = (
    r"(?:is|was|remains) (?:still )?the (?:weaker|lesser|poorer|inferior) (?:film|movie|one|version|picture)",
    r"(?:is|was) (?:far |much |vastly |so much |clearly )?(?:inferior|worse)\b(?! than| to)",
)
SUBJECT_BETTER_ANCHORS: tuple[str, ...] = ("better", "stronger", "superior")
SUBJECT_WORSE_ANCHORS: tuple[str, ...] = ("weaker", "lesser", "poorer", "inferior", "worse")

# "a ghastly and pointless remake", "this awful remake": the remake is judged worse than its original.
BAD_REMAKE_WORDS = frozenset(
    """awful bad terrible horrible dreadful ghastly pointless unnecessary needless useless worthless dismal abysmal
    lame weak poor pathetic sad inferior atrocious woeful feeble shoddy lousy lackluster lacklustre
    uninspired flat dull limp tepid misguided botched worst crappy stupid dumb silly sorry wretched rotten
    disappointing insulting embarrassing miserable mediocre forgettable soulless lifeless bland
    cheap""".split()
)

# "I'll take X over Y", "I still prefer X to Y": X is better than Y (Y may be left out: "I prefer the original").
PREFER_CUES: tuple[str, ...] = (
    r"(?:I'll|I will|I'd|I would|I)\s+(?:still\s+|much\s+|rather\s+)?(?:take|pick|choose)",
    r"(?:I|I'd|I would|I still|we)\s+(?:much\s+|still\s+|definitely\s+|far\s+)?prefer(?:red)?",
)

# "Watch X instead", "Do yourself a favour and rent X", "If you want a thriller, see X": the reviewed film is worse.
RECOMMEND_CUES: str = (
    r"(?:do yourself a favou?r(?: and)?|instead,?|just|better yet,?|go back and|go and|so)?\s*"
    r"(?:watch|see|rent|get|buy|seek out|dig up|stick (?:with|to)|check out|go for|try)"
)
