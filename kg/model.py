"""The small, immutable data model that the stages pass to one another.

A :class:`Review` is read from a file; :func:`kg.extract.extract` turns it into
an :class:`Extraction` (films, people, relations, credits, opinions,
comparisons, rating, stance), every claim carrying its :class:`Mention` of
evidence and a confidence; :func:`kg.link.link` matches the extraction's films
and people to a catalog's :class:`Entity` records as :class:`Links`; and
:func:`kg.emit.emit` turns all of it into RDF.

Offsets are character offsets into ``Review.text`` (the review body as read,
header and page furniture removed), end exclusive, as in spaCy's ``Span``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

__all__ = [
    "Candidate",
    "Comparison",
    "Credit",
    "Entity",
    "Extraction",
    "Film",
    "InputProblem",
    "Link",
    "Links",
    "Mention",
    "MentionKind",
    "Opinion",
    "Person",
    "Polarity",
    "Rating",
    "Relation",
    "RelationKind",
    "Review",
    "Role",
    "Verdict",
]


class MentionKind(StrEnum):
    """What a span of review text is."""

    FILM = "film"
    PERSON = "person"
    CHARACTER = "character"
    RATING = "rating"
    CUE = "cue"  # the words that carry a claim: "remake of", "not as good as", ...


class Role(StrEnum):
    """A person's part in making a film."""

    ACTOR = "actor"
    DIRECTOR = "director"
    WRITER = "writer"
    PRODUCER = "producer"
    COMPOSER = "composer"


class Polarity(StrEnum):
    """Polarity of an opinion, or the stance of a whole review."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    MIXED = "mixed"


class Verdict(StrEnum):
    """How ``film`` fares against ``versus`` in a :class:`Comparison`."""

    BETTER = "better"
    WORSE = "worse"
    EQUAL = "equal"
    MIXED = "mixed"

    def flipped(self) -> Verdict:
        """The same judgement with the two films swapped."""
        return {Verdict.BETTER: Verdict.WORSE, Verdict.WORSE: Verdict.BETTER}.get(self, self)


class RelationKind(StrEnum):
    """A relation between two films."""

    REMAKE_OF = "remake_of"  # source is a remake of target


@dataclass(frozen=True, slots=True)
class Mention:
    """A span ``text == body[start:end]`` of a review body."""

    start: int
    end: int
    kind: MentionKind
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span {self.start}..{self.end} does not fit text {self.text!r}")

    @classmethod
    def of(cls, body: str, start: int, end: int, kind: MentionKind = MentionKind.CUE) -> Mention:
        """The mention of ``body[start:end]``.

        >>> Mention.of("a remake of Psycho", 2, 11).text
        'remake of'
        """
        if end > len(body):
            raise ValueError(f"span {start}..{end} is past the end of a text of {len(body)} characters")
        return cls(start, end, kind, body[start:end])


@dataclass(frozen=True, slots=True)
class Review:
    """One review as read from its source.

    ``id`` is the review's id in its source (a JSONL/CSV ``id`` or
    ``review_id``, or a text file's stem); ``source`` and ``line`` say where
    it was read. Metadata that the source does not give is ``None``.
    ``date`` is ISO 8601 (``YYYY-MM-DD``) where the reader could parse it.
    """

    id: str
    text: str
    source: str = ""
    line: int = 1
    film_title: str | None = None
    film_year: int | None = None
    rating: str | None = None
    rating_best: str | None = None
    author: str | None = None
    date: str | None = None
    headline: str | None = None
    url: str | None = None
    imdb_id: str | None = None


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A record or file that could not be read, and why; ``str()`` is ``path:line: message``."""

    path: str
    line: int | None
    message: str
    kept: bool = False  # the review was still read (a bad field was dropped)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line is not None else f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Film:
    """A film the review names or identifies; ``key`` is unique within one extraction."""

    key: str
    title: str
    year: int | None = None
    aka: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes
    languages: tuple[str, ...] = ()  # ISO 639-1 codes
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A person the review names; ``name`` is the fullest form the review uses."""

    key: str
    name: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A film-to-film relation: ``source`` (a film key) is a remake of ``target``."""

    kind: RelationKind
    source: str
    target: str
    evidence: Mention
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Credit:
    """A person's part in a film, with the character an actor plays where named."""

    person: str
    film: str
    role: Role
    evidence: Mention
    character: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Opinion:
    """Praise or criticism of a film or of a person's work (``target`` is a film or person key)."""

    target: str
    polarity: Polarity
    evidence: Mention
    score: float = 0.0  # -1 (worst) .. 1 (best)
    feature: str | None = None  # "performance", "direction", "score", "effects", "pacing", "tension", ...
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Comparison:
    """A judgement of ``film`` against ``versus`` (both film keys)."""

    film: str
    versus: str
    verdict: Verdict
    evidence: Mention
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Rating:
    """The reviewer's own score on its own scale; letter grades keep their letters."""

    value: float | str
    best: float | str
    worst: float | str
    text: str  # as written: "6/10", "★★½", "B+"
    evidence: Mention | None = None  # None when the rating came from metadata


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractors found in one review."""

    review: Review
    films: tuple[Film, ...] = ()
    people: tuple[Person, ...] = ()
    relations: tuple[Relation, ...] = ()
    credits: tuple[Credit, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    rating: Rating | None = None
    stance: Polarity | None = None
    stance_confidence: float = 0.0
    reviewed_film: str | None = None  # the key of the film under review
    extractor: str = ""  # name and version of the extractors that made it

    def film(self, key: str) -> Film:
        """The film with ``key``; ``KeyError`` if there is none."""
        for f in self.films:
            if f.key == key:
                return f
        raise KeyError(key)

    def person(self, key: str) -> Person:
        """The person with ``key``; ``KeyError`` if there is none."""
        for p in self.people:
            if p.key == key:
                return p
        raise KeyError(key)

    def with_min_confidence(self, threshold: float) -> Extraction:
        """A copy without the claims whose confidence is below ``threshold``."""
        stance = self.stance if self.stance_confidence >= threshold else None
        return replace(
            self,
            relations=tuple(c for c in self.relations if c.confidence >= threshold),
            credits=tuple(c for c in self.credits if c.confidence >= threshold),
            opinions=tuple(c for c in self.opinions if c.confidence >= threshold),
            comparisons=tuple(c for c in self.comparisons if c.confidence >= threshold),
            stance=stance,
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """What a catalog knows of a film or a person.

    ``key`` is the IRI key (``hard-hit-2021`` becomes ``<base>film/hard-hit-2021``).
    """

    key: str
    name: str
    year: int | None = None
    names: tuple[str, ...] = ()  # alternate names
    countries: tuple[str, ...] = ()
    wikidata: str | None = None  # "Q123"
    imdb: str | None = None  # "tt0123456" / "nm0123456"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A catalog entity that a mention may denote, with a score in 0..1."""

    entity: Entity
    score: float


@dataclass(frozen=True, slots=True)
class Link:
    """An extraction's film or person (``key``) identified as a catalog entity."""

    key: str
    entity: Entity
    score: float


@dataclass(frozen=True, slots=True)
class Links:
    """The links of one extraction; ``catalog`` names the catalog consulted (``None``: none was)."""

    films: tuple[Link, ...] = ()
    people: tuple[Link, ...] = ()
    catalog: str | None = None
    _index: dict[str, Link] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({link.key: link for link in (*self.films, *self.people)})

    def get(self, key: str) -> Link | None:
        """The link of a film or person key, or ``None`` when it is unlinked."""
        return self._index.get(key)

    @classmethod
    def of(cls, links: Iterable[Link], people: Iterable[Link] = (), *, catalog: str | None = None) -> Links:
        """Links from film links and person links."""
        return cls(tuple(links), tuple(people), catalog)
