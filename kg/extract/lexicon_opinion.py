"""Word lists for opinions and stance in film reviews (data only).

``REVIEW_VALENCE`` corrects and extends vaderSentiment's general lexicon
(valence -4..4) for film talk: genre words that are not judgements in a
review ("scary", "killer", "dead", "war") are neutral, and the words critics
use ("gripping", "wooden", "miscast", "masterpiece") carry their weight.
"""

from __future__ import annotations

import re

__all__ = [
    "ASPECTS",
    "CLOSING_CUES",
    "CONTRAST",
    "CONTRAST_WORDS",
    "FILM_WORDS",
    "NEGATORS",
    "PERSON_NEGATIVE_PHRASES",
    "PERSON_POSITIVE_PHRASES",
    "REVIEW_VALENCE",
]

REVIEW_VALENCE: dict[str, float] = {
    # plot and genre words that are not judgements
    "kill": 0.0, "killed": 0.0, "killer": 0.0, "killing": 0.0, "kills": 0.0, "murder": 0.0, "murdered": 0.0,
    "dead": 0.0, "death": 0.0, "die": 0.0, "dies": 0.0, "died": 0.0, "war": 0.0, "evil": 0.0, "horror": 0.0,
    "scary": 0.0, "scared": 0.0, "scare": 0.0, "scares": 0.5, "fear": 0.0, "terror": 0.0, "creepy": 0.5,
    "chilling": 1.5, "disturbing": 0.5, "haunting": 1.5, "haunts": 0.0, "victim": 0.0, "victims": 0.0, "crime": 0.0,
    "criminal": 0.0, "criminals": 0.0, "villain": 0.0, "villains": 0.0, "monster": 0.0, "ghost": 0.0, "ghosts": 0.0,
    "zombie": 0.0, "zombies": 0.0, "bomb": 0.0, "gun": 0.0, "revenge": 0.0, "cheating": 0.0, "hell": 0.0,
    "desperate": 0.0, "desperation": 0.0, "lonely": 0.0, "sad": -0.3, "tragic": 0.0, "tragedy": 0.0,
    "violence": 0.0, "violent": 0.0, "brutal": 0.0, "gore": 0.0, "blood": 0.0, "bloody": 0.0, "dark": 0.0,
    "darker": 0.0, "mystery": 0.0, "suspect": 0.0, "stranger": 0.0, "funny": 1.9, "lost": 0.0, "crazy": 0.0,
    "insane": 0.0, "insanity": 0.0, "madness": 0.0, "mad": 0.0, "psycho": 0.0, "alien": 0.0, "danger": 0.0,
    "dangerous": 0.0, "attack": 0.0, "attacks": 0.0, "fight": 0.0, "fighting": 0.0, "escape": 0.0, "trapped": 0.0,
    "prison": 0.0, "rape": 0.0, "bad guy": 0.0, "hurt": 0.0, "pain": 0.0, "cry": 0.0, "crying": 0.0,
    "original": 0.0, "classic": 1.2, "remake": 0.0, "like": 0.0, "no": 0.0, "steal": 0.0, "steals": 0.0,
    "fought": 0.0, "fights": 0.0, "betrayed": 0.0, "pardon": 0.0, "benefit": 0.0, "dilutes": -1.5, "dilute": -1.5,
    # the critic's words
    "masterpiece": 3.2, "masterful": 3.0, "masterfully": 3.0, "gripping": 2.5, "riveting": 2.6, "tense": 1.5,
    "suspenseful": 2.0, "atmospheric": 1.8, "well-made": 2.2, "well-acted": 2.4, "well-written": 2.2,
    "must-see": 2.8, "unmissable": 2.8, "underrated": 1.5, "watchable": 1.0, "compelling": 2.3,
    "engrossing": 2.3, "absorbing": 2.0, "stunning": 2.8, "superb": 3.1, "impeccable": 3.0, "terrific": 3.0,
    "delightful": 2.8, "charming": 2.4, "touching": 2.0, "moving": 1.5, "poignant": 1.8, "witty": 2.1,
    "stylish": 2.0, "polished": 1.6, "faithful": 1.2, "solid": 1.6, "efficient": 1.2, "effective": 1.8,
    "convincing": 1.8, "believable": 1.6, "memorable": 2.2, "standout": 2.4, "stand-out": 2.4, "gem": 2.6,
    "overrated": -2.0, "over-rated": -2.0, "dull": -2.2, "boring": -2.4, "bored": -1.8, "tedious": -2.4,
    "plodding": -2.0, "plods": -1.8, "predictable": -1.6, "clichéd": -1.8, "cliched": -1.8, "cliché": -1.2,
    "hackneyed": -2.0, "stilted": -2.0, "wooden": -2.2, "flat": -1.8, "lifeless": -2.4, "bland": -1.9,
    "forgettable": -1.8, "uninspired": -2.2, "unnecessary": -1.6, "pointless": -2.2, "lame": -2.2,
    "miscast": -2.2, "unconvincing": -2.0, "mess": -2.3, "messy": -1.6, "inept": -2.6, "awful": -3.0,
    "dreadful": -3.0, "abysmal": -3.2, "atrocious": -3.2, "unwatchable": -3.0, "garbage": -3.0, "junk": -2.6,
    "laughable": -2.2, "silly": -1.4, "padded": -1.5, "talky": -1.2, "slow": -1.0, "overlong": -1.8,
    "uneven": -1.2, "disappointing": -2.4, "disappointment": -2.4, "underused": -1.2, "wasted": -1.8,
    "waste": -2.2, "shabby": -2.0, "tepid": -1.6, "hammy": -1.8, "overacting": -2.0, "overacts": -2.0,
    "ruined": -2.4, "ruin": -2.0, "insult": -2.4, "abomination": -3.2, "crap": -3.0, "craptastic": -3.0,
    "stinker": -3.0, "unbearable": -2.8, "horrendous": -3.2, "cheesy": -0.8, "uninteresting": -2.0,
    "unthrilling": -2.0, "unsuspenseful": -2.0, "leaden": -2.0, "overdone": -1.6, "inferior": -2.0,
    "revelation": 2.5, "legendary": 2.0, "tinny": -1.5, "matured": 1.5, "inimitable": 2.5, "underappreciated": 1.5,
    "under-appreciated": 1.5, "stiff": -1.8, "tiresome": -2.0, "ridiculous": -2.0,
    "superior": 2.0, "heartbreaking": 1.5, "heart-breaking": 1.5, "brave": 2.0, "gritty": 1.3, "raw": 0.5, "understated": 1.0, "sensational": 2.6, "excellent": 3.0,
}  # fmt: skip

# Words that make a sentence speak of the film as a whole.
FILM_WORDS = re.compile(
    r"\b(?:this|the)\s+(?:film|movie|picture|flick|remake|one|version)\b|\b(?:i\s+(?:recommend|loved|enjoyed|liked|hated))\b"
)
# Words that close a review with its verdict.
CLOSING_CUES = re.compile(
    r"\b(?:overall|all\s+in\s+all|bottom\s+line|in\s+short|in\s+the\s+end|to\s+sum\s+up|verdict)\b"
)

NEGATORS = frozenset(
    "not no never n't nothing hardly barely nor neither isn't wasn't aren't weren't doesn't didn't don't can't couldn't won't".split()
)
# Words that end one clause and begin another of its own polarity.
CONTRAST = re.compile(
    r"\s*(?:;|:|\s-\s|\s--\s|—|,\s+and\s+(?=(?:he|she|they)\b)|\bbut\b|\bhowever\b|\byet\b|\balthough\b|\bthough\b|\bwhile\b|\bwhereas\b|"
    r"\bexcept\b|\bdespite\b|\bthen\s+again\b|\bstill\b|\bnevertheless\b|\bnonetheless\b)\s*",
    re.I,
)
# Every match of CONTRAST holds one of these, at the start of its cue or (", and", " - ") after
# a comma or a space (kg.extract.opinions looks for them first; tests/test_extract_scan.py checks).
CONTRAST_WORDS = (";", ":", "-", "\u2014", "and", "but", "however", "yet", "although", "though", "while", "whereas",
                  "except", "despite", "then", "still", "nevertheless", "nonetheless")  # fmt: skip

# Phrases that praise or pan a person's work wherever they stand next to the name.
PERSON_POSITIVE_PHRASES = (
    r"(?:seems?\s+to\s+|seemed\s+to\s+|manages?\s+to\s+)?steals?\s+the\s+(?:show|film|movie|picture)",
    r"stole\s+the\s+(?:show|film|movie|picture)",
    r"shines?",
    r"shone",
    r"excels?",
    r"nails?\s+(?:it|the\s+role)",
    r"owns?\s+the\s+(?:role|film|screen)",
    r"(?:is|was)\s+(?:a\s+)?(?:joy|delight|revelation|treat)",
    r"does\s+(?:himself|herself|themselves)\s+proud",
    r"holds?\s+your\s+attention",
    r"(?:is|was)\s+(?:truly\s+)?one\s+of\s+the\s+best\s+things",
    r"carries\s+the\s+(?:film|movie)",
    r"(?:really\s+)?(?:did|does)\s+try",
    r"(?:is|was)\s+the\s+(?:best|highlight)",
    r"(?:is|was|['’]s)\s+the\s+(?:whole|real)\s+show",
    r"dominates\s+the\s+(?:picture|film|movie|screen)",
    r"(?:really\s+)?comes?\s+into\s+(?:his|her|their)\s+own",
    r"came\s+into\s+(?:his|her|their)\s+own",
)
PERSON_NEGATIVE_PHRASES = (
    r"can(?:no|')t\s+act",
    r"(?:act|acts|acted|look|looks|looked|seem|seems|seemed)\s+(?:like|as\s+if)\s+(?:they|he|she)\s+(?:wish|wished|would\s+rather)",
    r"sleepwalks?\s+through",
    r"sleepwalked\s+through",
    r"(?:looks?|looked|seems?|seemed)\s+(?:bored|lost|embarrassed|uncomfortable)",
    r"(?:is|was)\s+(?:the\s+)?(?:biggest|main|real|only)\s+problem",
    r"phones?\s+it\s+in",
    r"phoned\s+it\s+in",
    r"(?:is|was)\s+miscast",
    r"hams?\s+it\s+up",
    r"(?:is|was)n['’]?t\s+much\s+of\s+an?\s+(?:actor|actress)",
    r"fares\s+(?:rather\s+)?less\s+well",
    r"(?:is|was)\s+(?:totally\s+|completely\s+)?wasted",
    r"couldn['’]t\s+save",
    r"sure\s+can['’]t",
    r"(?:gives?|gave)\s+(?:another\s+of\s+(?:his|her)\s+)?bored\s+performances?",
    r"(?:is|was)\s+(?:very\s+)?underused",
)

# Aspect nouns and the feature they name.
ASPECTS: dict[str, str] = {
    "performance": "performance", "performances": "performance", "acting": "performance", "acted": "performance",
    "role": "performance", "portrayal": "performance", "cast": "performance", "actor": "performance",
    "actress": "performance", "turn": "performance",
    "direction": "direction", "directing": "direction", "directed": "direction", "directorial": "direction",
    "score": "score", "music": "score", "soundtrack": "score", "theme": "score", "songs": "score",
    "effects": "effects", "cgi": "effects", "sfx": "effects", "fx": "effects",
    "pace": "pacing", "pacing": "pacing", "paced": "pacing",
    "tension": "tension", "suspense": "tension", "suspenseful": "tension",
    "script": "script", "screenplay": "script", "dialogue": "script", "dialog": "script", "writing": "script",
    "cinematography": "cinematography", "photography": "cinematography", "camera": "cinematography",
    "plot": "story", "story": "story", "storyline": "story", "ending": "story",
}  # fmt: skip
