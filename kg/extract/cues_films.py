"""Cue phrases for films: the words around a title, descriptions, demonyms (data only).

Everything here is general English usage about films; nothing names a film or a person.
"""

from __future__ import annotations

from kg.lexicon import NOT_AFTER_ORIGINAL

__all__ = [
    "COUNTRY_NAMES",
    "DEMONYMS",
    "DESCRIPTION_NOUNS",
    "EARLIER_WORDS",
    "FUNCTION_WORDS",
    "GENRE_WORDS",
    "LATER_WORDS",
    "LEAD_IN_CUES",
    "NON_FILM_CONTEXT",
    "NOT_AFTER_ORIGINAL",
    "NOT_TITLES",
    "QUOTE_SPEECH_CUES",
]

# Lower-case words that may sit inside a title ("The Shop Around the Corner").
FUNCTION_WORDS = frozenset(
    "a an the of and in on at to for from with by or nor but as into over under upon "
    "is are was be de du la le les el los las des di da del von van der die das et y &".split()
)

# Nationality adjectives (multi-word first) -> ISO 3166-1 alpha-2.
DEMONYMS: dict[str, str] = {
    "south korean": "KR",
    "north korean": "KP",
    "hong kong": "HK",
    "new zealand": "NZ",
    "korean": "KR",
    "spanish": "ES",
    "german": "DE",
    "french": "FR",
    "italian": "IT",
    "japanese": "JP",
    "chinese": "CN",
    "taiwanese": "TW",
    "american": "US",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "irish": "IE",
    "indian": "IN",
    "bollywood": "IN",
    "hollywood": "US",
    "swedish": "SE",
    "danish": "DK",
    "norwegian": "NO",
    "finnish": "FI",
    "dutch": "NL",
    "belgian": "BE",
    "mexican": "MX",
    "argentinian": "AR",
    "argentine": "AR",
    "brazilian": "BR",
    "russian": "RU",
    "soviet": "SU",
    "polish": "PL",
    "czech": "CZ",
    "hungarian": "HU",
    "greek": "GR",
    "turkish": "TR",
    "thai": "TH",
    "australian": "AU",
    "canadian": "CA",
    "austrian": "AT",
    "swiss": "CH",
    "portuguese": "PT",
    "iranian": "IR",
    "israeli": "IL",
    "egyptian": "EG",
    "filipino": "PH",
    "indonesian": "ID",
    "vietnamese": "VN",
    "hindi": "IN",
    "tamil": "IN",
    "telugu": "IN",
    "malayalam": "IN",
    "kannada": "IN",
    "bengali": "IN",
    "icelandic": "IS",
    "chilean": "CL",
    "colombian": "CO",
}

# Country names (and film-industry places) after "in" -> ISO 3166-1 alpha-2 ("remade in South Korea").
COUNTRY_NAMES: dict[str, str] = {
    "hollywood": "US",
    "america": "US",
    "the us": "US",
    "the usa": "US",
    "the united states": "US",
    "the states": "US",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "the uk": "GB",
    "scotland": "GB",
    "ireland": "IE",
    "bollywood": "IN",
    "india": "IN",
    "germany": "DE",
    "france": "FR",
    "spain": "ES",
    "italy": "IT",
    "japan": "JP",
    "china": "CN",
    "hong kong": "HK",
    "taiwan": "TW",
    "south korea": "KR",
    "korea": "KR",
    "sweden": "SE",
    "norway": "NO",
    "denmark": "DK",
    "finland": "FI",
    "iceland": "IS",
    "the netherlands": "NL",
    "holland": "NL",
    "belgium": "BE",
    "mexico": "MX",
    "argentina": "AR",
    "brazil": "BR",
    "chile": "CL",
    "colombia": "CO",
    "russia": "RU",
    "poland": "PL",
    "hungary": "HU",
    "greece": "GR",
    "turkey": "TR",
    "thailand": "TH",
    "australia": "AU",
    "new zealand": "NZ",
    "canada": "CA",
    "austria": "AT",
    "switzerland": "CH",
    "portugal": "PT",
    "iran": "IR",
    "israel": "IL",
    "egypt": "EG",
    "the philippines": "PH",
    "indonesia": "ID",
    "vietnam": "VN",
}

# Words that describe what kind of film something is, skipped between a cue and a title
# ("remake of Spanish thriller X", "the 2018 German adaptation X").
GENRE_WORDS = frozenset(
    "thriller thrillers horror comedy drama film films movie movies picture flick classic classics "
    "action crime noir western musical romance romantic melodrama adaptation version remake feature "
    "cult silent black-and-white b-movie mystery sci-fi science-fiction fantasy animated cartoon war "
    "gangster heist slasher zombie monster disaster spy superhero documentary tv television vehicle".split()
)

# Nouns that, after "the"/"this" (and optional year/adjectives), describe one film of the review.
DESCRIPTION_NOUNS = frozenset(
    "original remake re-make remakes version film movie one classic vehicle adaptation picture flick "
    "predecessor inspiration update".split()
)

# Adjectives/nouns in a description that make it the earlier film of a remake pair.
EARLIER_WORDS = frozenset("original first old older earlier previous predecessor inspiration classic".split())
# ... and the later one.
LATER_WORDS = frozenset("remake re-make new newer later update reboot".split())

# Words before a quoted/capitalised run that make it a film title ("films like X", "remake of X").
LEAD_IN_CUES: tuple[str, ...] = (
    "remake of sorts of",
    "remake of",
    "re-make of",
    "remade as",
    "remade into",
    "new version of",
    "film version of",
    "screen version of",
    "updated version of",
    "remake version of",
    "adaptation of",
    "sequel to",
    "follow-up to",
    "sequels",
    "sequel,",
    "films like",
    "movies like",
    "films such as",
    "movies such as",
    "flicks like",
    "classic called",
    "film called",
    "movie called",
    "film titled",
    "movie titled",
    "film entitled",
    "remake like",
    "remakes like",
    "remakes including",
    "remade it as",
    "debut in",
    "bit part in",
    "cameo in",
    "stole the show in",
    "starred in",
    "starring in",
    "appeared in",
    "appears in",
    "also appears in",
    "compared to",
    "comparisons to",
    "director of",
    "directed",
    "the makers of",
)

# Words just before a title that make it something other than a film (a novel, a play, a show).
NON_FILM_CONTEXT = frozenset(
    "novel novels book books novella story stories play plays stage musical-play poem song songs "
    "album series show shows episode episodes sitcom serial soap tv-series comic comics game "
    "magazine newspaper channel network station store company studio brand".split()
)

# Words before a quotation that make it speech or a nickname, not a title.
QUOTE_SPEECH_CUES = frozenset(
    "says said saying asks asked ask shouts shouted shouting yells yelled screams screamed "
    "cries cried tells told whispers whispered replies replied nicknamed dubbed moan moans "
    "line lines quote quotes tagline taglines slogan warned warns touts announces".split()
)

# Capitalised words that are never a title on their own (sentence openers, pronouns, days...).
NOT_TITLES = frozenset(
    """i i'm i've i'd i'll im ive you he she it we they me him her us them my your his its our their
    this that these those there here what when where why how who which while if but and or so
    yes no not ok okay oh well also anyway however although though still then now even just
    the a an as at in on of to for from with by after before since until unless because
    mr mrs ms dr sir miss monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    spoilers spoiler warning note update rating grade verdict bottom line plot summary overall
    god hollywood america usa uk oscar oscars academy award awards dvd vhs tv cgi fx sfx
    christmas easter eve""".split()
)
