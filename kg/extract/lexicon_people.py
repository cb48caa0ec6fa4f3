"""Word lists for finding people and their parts in review text (data only).

Cue phrases are regular-expression fragments, matched case-insensitively
against the few words right before or after a name.
"""

from __future__ import annotations

import re

__all__ = [
    "ACTING",
    "ELSEWHERE",
    "LIST_ACTOR",
    "LIST_ACTOR_AFTER",
    "MAKING",
    "TITLE_NEAR",
    "CHARACTER_NOUNS",
    "COMPARED",
    "FILM_NOUNS",
    "NAME_PARTICLES",
    "NOT_NAME_WORDS",
    "NOT_SURNAME_WORDS",
    "ROLE_AFTER",
    "ROLE_BEFORE",
    "SENTENCE_WORDS",
    "SET_AGAINST",
    "TITLES",
]

# Lower-case words that may sit inside a name: "Jan de Bont", "Ludwig van Beethoven".
NAME_PARTICLES = frozenset("de van von der den da di del della du la le dos das ter ten bin al st".split())

# Capitalised words that begin or make up a capitalised run but are not given names,
# whatever a name list says ("The", "Will", "Even", "Young" are names somewhere).
NOT_NAME_WORDS = frozenset(
    """
    a an the this that these those there their they then than his her hers its it our your my mine we you he she
    i in on at of for from by with without to into onto upon as and or but nor so yet if when while where why who
    whom whose what which how after before during since until unless although though because once also even ever
    never not no yes all any both each every few many most much more some such only just still again however
    meanwhile anyway overall finally first second third last next later early now today here well oh wow ok okay
    mr mrs ms miss dr sir lady lord saint st uncle aunt sister brother father mother king queen prince princess
    general captain major colonel sergeant detective officer professor judge doctor agent president senator
    god jesus christ christmas easter halloween new old big little great good bad best worst young grand
    north south east west american british english french german italian spanish korean japanese chinese
    russian indian irish scottish european hollywood bollywood oscars academy award awards emmy
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december part chapter volume episode season act scene film movie
    remake sequel original version classic story book novel play series show channel tv dvd vhs cd
    rating grade vote verdict note warning spoilers spoiler update edit plot summary bottom line
    will rich grace hope joy faith love star stars happy sweet young dawn summer autumn winter spring
    despite aside apart perhaps maybe unfortunately sadly luckily thankfully fortunately indeed actually basically
    certainly obviously clearly especially particularly rather instead worse better nobody everybody everyone
    someone anyone something nothing everything watch see look note read thanks please yeah sure true
    super mega ultra
    """.split()
)

# Capitalised words that open a sentence before a surname ("Director Nolan", "Poor Sutherland").
SENTENCE_WORDS = frozenset(
    """
    director directors actor actors actress actresses star stars co-star veteran newcomer legend legendary writer
    producer composer screenwriter filmmaker helmer auteur poor sweet lovely beautiful gorgeous talented brilliant
    great wonderful superb even only both either neither star-crossed cameo unlike like without whereas seeing
    given seen taken beyond behind among against toward towards throughout within via per dear hey hello cast
    """.split()
)

# Last words that make a capitalised run a place, a thing or an event, not a person.
NOT_SURNAME_WORDS = frozenset(
    """
    street avenue road city town county state states island islands river lake mountain mountains hill hills
    valley park square bridge station hotel house hall school university college institute museum church
    company corporation studios studio pictures films productions records entertainment channel network
    war wars army navy corps club society festival award awards prize academy center centre theater theatre
    cafe restaurant bar shop store market day night eve year years age era century show hour minute
    avenue boulevard lane kingdom empire republic union league team brothers bros underground line railway
    circle sisters family
    """.split()
)

# Courtesy and rank words that may stand before a name or a character's name.
TITLES = frozenset("mr mrs ms miss dr sir lady lord uncle aunt sister brother father mother general captain".split())

# Nouns that name a film, for "X's film", "a X movie", "X directed this picture".
FILM_NOUNS = (
    r"(?:film|films|movie|movies|picture|pictures|flick|flicks|masterpiece|classic|classics|remake|remakes|"
    r"thriller|western|comedy|comedies|drama|melodrama|noir|feature|epic|adaptation|horror|musical|opus|original|version)"
)

# Cue phrases right BEFORE a name, with the part they give it.
ROLE_BEFORE: tuple[tuple[str, str], ...] = (
    (r"written\s+and\s+directed\s+by|directed\s+and\s+(?:co-)?written\s+by", "director+writer"),
    (r"(?:directed|helmed|co-directed)\s+by", "director"),
    (
        r"(?:(?:the|its|his|her|their|a|an)\s+)?(?:film\s*maker|director|co-director|helmer|auteur|directors)",
        "director",
    ),
    (r"directed\s+by|direction\s*\(?\s*(?:by|of)|from\s+director", "director"),
    (r"(?:written|scripted|penned|adapted)\s+by|screenplay\s+by|script\s+by|(?:screen)?writers?|scenarist", "writer"),
    (
        r"(?:music|score|soundtrack|songs|pieces|themes?|compositions?)\s+(?:is\s+|are\s+)?by|composer|composed\s+by",
        "composer",
    ),
    (r"produced\s+by|(?:executive\s+)?producer|producers", "producer"),
    (  # parts the graph does not record: they keep a name from being taken for a player
        r"(?:cinematography|photography|camera\s*work|editing|costumes?|make-?up|effects)\s+(?:is\s+|are\s+)?by|"
        r"cinematographer|(?:film\s+)?editor|edited\s+by|shot\s+by|photographed\s+by|critic|reviewer",
        "crew",
    ),
    (r"(?:named|called|nicknamed|brings|bringing)", "character"),  # a part's name, not a player's
    (
        r"starring|co-starring|stars|co-stars|features|featuring|cast\s+(?:is|was)\s+(?:lead|led|headed|headlined)\s+by|"
        r"actors?|actress(?:es)?|star|co-star|cast\s+(?:includes|members?)|played\s+by|portrayed\s+by|"
        r"performances?\s+(?:by|from|of)|acting\s+(?:by|from|of)|turn\s+(?:by|from)",
        "actor",
    ),
)

# Cue phrases right AFTER a name (and its possessive), with the part they give it.
ROLE_AFTER: tuple[tuple[str, str], ...] = (
    (r"(?:,\s*)?(?:who\s+)?(?:directed|directs|directing|co-directed|helmed|helms)\b", "director"),
    (r"'s\s+(?:(?:\w+\s+){0,2})?(?:direction|directing|directorial|camera)", "director"),
    (r"(?:,\s*)?(?:who\s+)?(?:wrote|writes|scripted|penned)\s+(?:the\s+)?(?:screenplay|script)", "writer"),
    (r"'s\s+(?:(?:\w+\s+){0,2})?(?:script|screenplay|writing)", "writer"),
    (r"'s\s+(?:(?:\w+\s+){0,2})?(?:score|music|soundtrack|theme)", "composer"),
    (r"(?:,\s*)?(?:who\s+)?(?:composed|scored)\b", "composer"),
    (r"(?:,\s*)?(?:who\s+)?produced\b", "producer"),
    (  # a film maker's signature: "the Lubitsch touch", "a Ford regular", "X's later creations"
        r"(?:['’]s\s+(?:(?:\w+\s+){0,2})?)?(?:touch|regulars?|oeuvre|trademark|creations|filmography)\b",
        "crew",
    ),
    (
        r"(?:,\s*)?(?:who\s+)?(?:plays|played|playing|portrays|portrayed|co-stars|co-starred|stars|starred|acts|acted|"
        r"appears|appeared|overacts|is\s+cast|was\s+cast|steals\s+(?:the|every|each|all)|stole\s+(?:the|every|each|all)|(?:seems|seemed|manages|managed)\s+to\s+steal|hams|reprises|reprised)\b",
        "actor",
    ),
    (
        r"(?:,\s*)?(?:who\s+)?(?:gives|gave|delivers|delivered|turns\s+in|turned\s+in|puts\s+in|put\s+in)"
        r"(?:\s+[\w-]+){0,4}?\s+(?:performances?|turns?|portrayals?|job|showing)\b",
        "actor",
    ),
    (
        r"'s\s+(?:(?:\w+\s+){0,2})?(?:performance|portrayal|acting|character|role|turn|part|presence|"
        r"screen\s+persona|persona)",
        "actor",
    ),
    (r"\s+(?:vehicle|character|in\s+(?:the|a|an|his|her)\s+(?:\w+\s+)?(?:role|part|lead))", "actor"),
    (
        r"(?:,\s*)?(?:is|was)\s+(?:(?:\w+\s+){0,3})?(?:cast|miscast|wasted|underused|convincing|unconvincing|"
        r"believable|wooden|stiff|hammy)\b",
        "actor",
    ),
    (  # a judgement that may be of any work: an actor's only where the sentence talks of acting
        r"(?:,\s*)?(?:is|was)\s+(?:(?:\w+\s+){0,3})?(?:superb|great|good|excellent|wonderful|terrible|awful|fine|"
        r"brilliant|stunning|lovely|impeccable|delightful|hilarious|outstanding|amazing|bad|dreadful|solid|effective)\b",
        "actor?",
    ),
)

# Heads of the descriptions that name a part: "the stranger", "his girlfriend", "the head mistress".
CHARACTER_NOUNS = frozenset(
    """
    daughter son wife husband mother father brother sister girlfriend boyfriend fiance fiancee lover mistress
    friend sidekick partner uncle aunt cousin grandmother grandfather widow widower niece nephew kid child boy
    girl man woman lady gentleman stranger villain hero heroine killer murderer detective cop policeman officer
    sheriff deputy agent spy assassin thief crook gangster boss owner manager clerk employee errand-boy maid
    housekeeper butler nurse doctor teacher student professor scientist priest nun lawyer judge reporter
    journalist writer artist singer dancer soldier sergeant captain general colonel lieutenant pilot driver
    cracker executive banker millionaire heir heiress landlord landlady neighbor neighbour caller babysitter
    mentor leader king queen prince princess one ghost monster vampire alien robot psycho stalker waitress
    secretary salesman hostess host mayor governor president senator ambassador chief inspector servant
    """.split()
)

# Words that show a sentence talks of acting; cast-list openers and closers; a film named right after a name.
ACTING = re.compile(
    r"(?<![\w-])(?:act|acts|acting|acted|actor|actors|actress|actresses|performances?|performers?|roles?|cast|casting|"
    r"miscast|star|stars|starring|starred|co-stars?|played|plays|playing|portray\w*|screen|supporting|lead|cameo|"
    r"on-screen|leading\s+(?:man|lady)|scene[- ]stealing|chemistry)\b",
    re.I,
)
ELSEWHERE = re.compile(r"\s*(?:\(\s*(?:[\"'“‘]?[A-Z0-9])|,?\s+(?:in|from|for)\s+[\"'“‘]?[A-Z])")
# Words before a name that set it against the film's own people: "compare her to X", "remade it with X".
_SET_AGAINST = (
    r"\bcompare[ds]?\s+(?:\w+\s+)?(?:to|with)|\bunlike|\breminiscent\s+of|\bresembles?|"
    r"\bremade\s+(?:it|this|the\s+film)?\s*(?:\w+\s+){0,3}?with|\blost\s+to|\brecalls?|\binstead\s+of|\bcandle\s+to"
)
COMPARED = re.compile(rf"(?:{_SET_AGAINST}|\bthan|\blike)\s+(?:the\s+likes\s+of\s+)?(?:\w+\s+)?$", re.I)
# ... and the words that do so even where a part is stated ("like X's character" may be a player of this film).
SET_AGAINST = re.compile(rf"(?:{_SET_AGAINST})\s+(?:the\s+likes\s+of\s+)?(?:\w+\s+)?$", re.I)
TITLE_NEAR = re.compile(r"[\"“‘'][A-Z][^\"”’']{1,50}[\"”’']|\((?:19|20)\d\d\)")
LIST_ACTOR = re.compile(
    r"(?:\bcameos?\s+(?:by|from|of)|\bcast(?:\s+(?:includes|members|list|of))?|\bcast\b[^.;:()]{0,40}?\b(?:including|includes)|starring|stars|co-stars|actors?|actresses|"
    r"performances?\s+(?:by|from)|with)\s*[:,]?\s*(?:(?:the\s+)?(?:great|wonderful|legendary)\s+)?$",
    re.I,
)
LIST_ACTOR_AFTER = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?(?:(?:play|act|portray|co-star|appear)\b|star\s+(?:as|in|together|opposite)\b)"
    r"|\s*(?:\([^()]{0,80}\)\s*|,\s*as\s+[^,.;:()]{1,60},\s*)?(?:,\s*)?(?:are|were)\s+(?:[\w-]+\s+){0,3}?as\s+"
    r"(?:the|a|an|his|her|their)\b"
    r"|\s*(?:\([^()]{0,80}\)\s*|,\s*as\s+[^,.;:()]{1,60},\s*)?(?:,\s*)?(?:are|were)\s+(?:(?:all|both|also|just|really|quite|so)\s+)*"
    r"(?:great|good|fine|wonderful|lovely|excellent|superb|delightful|wasted|terrible|awful|bad|"
    r"(?:\w+\s+){0,2}(?:actors|actresses|performers|in\s+their\s+roles|in\s+the\s+roles))",
    re.I,
)
# Words that show a sentence talks of the making of films, not of their players.
MAKING = re.compile(
    r"\b(?:direct\w*|film-?makers?|auteurs?|songs?|songwriters?|music|score|composers?|writers?|written|script\w*|"
    r"screenplay|decoration|design\w*|costumes?|cinematograph\w*|photograph\w*|produc\w+|edit\w*)\b",
    re.I,
)
