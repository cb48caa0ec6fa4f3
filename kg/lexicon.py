"""Words that more than one stage reads the same way (the extractors and the linker).

>>> "cast" in NOT_AFTER_ORIGINAL
True
"""

from __future__ import annotations

__all__ = ["NOT_AFTER_ORIGINAL"]

# Nouns after "the original" that make it an adjective of something other than a film ("the original cast").
NOT_AFTER_ORIGINAL = frozenset(
    """story stories series script scripts ending endings play plays plot plots cast book books title titles
    theatrical release music material novel novella episode episodes choice idea ideas crew actor actors actress
    actresses storyline work works score format budget cost soundtrack production rating screen text
    characterization camera theme franchise name names performance performances scene scenes character
    characters show shows concept family tale fairy sales audience audiences crime guns doctor threesome lineup
    lyrics song songs dialogue dialog screenplay premise source trailer print prints cut footage director
    directors star stars creators makers producer producers team writer writers design sets costumes effects
    language setting location intent intention purpose spirit meaning message operetta artwork poster run
    airing broadcast stage musical comic comics game games sketch skit strip artist author vision""".split()
)
