"""Extractors: a :class:`~kg.model.Review` in, an :class:`~kg.model.Extraction` out.

One module per kind of fact, each a plain function over the review and what
the earlier ones found (spaCy's components share only the ``Doc``; here they
share only the model objects):

- :mod:`.films`: the films a review names or identifies, and which one it reviews;
- :mod:`.people`: people and their credits (actors with characters, directors, ...);
- :mod:`.remakes`: remake relations between the films;
- :mod:`.comparisons`: one film judged against another;
- :mod:`.opinions`: praise and criticism of films and people;
- :mod:`.rating`: the reviewer's score and the review's stance.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.comparisons import find_comparisons
from kg.extract.films import find_films
from kg.extract.opinions import find_opinions
from kg.extract.people import find_people
from kg.extract.rating import find_rating, find_stance
from kg.extract.remakes import find_remakes
from kg.model import Extraction, Review

__all__ = ["EXTRACTOR_VERSION", "extract", "reread"]

EXTRACTOR_VERSION = "0.1.0"


def extract(review: Review) -> Extraction:
    """Everything the extractors find in ``review``.

    Parameters
    ----------
    review : Review
        The review to read.

    Returns
    -------
    Extraction
        Films, people, relations, credits, opinions, comparisons, rating and
        stance, each claim with its evidence and confidence.

    Examples
    --------
    >>> from kg.model import Review
    >>> x = extract(Review(id="r1", text="A fine remake of Psycho (1960).", film_title="Psycho", film_year=1998))
    >>> [f.title for f in x.films][:1]
    ['Psycho']
    """
    films, reviewed = find_films(review)
    people, credits = find_people(review, films, reviewed=reviewed)
    relations = find_remakes(review, films, reviewed=reviewed)
    comparisons = find_comparisons(review, films, reviewed=reviewed, relations=relations)
    opinions = find_opinions(review, films, people, reviewed=reviewed)
    rating = find_rating(review)
    stance, stance_confidence = find_stance(review, rating=rating, opinions=opinions, comparisons=comparisons)
    return Extraction(
        review=review,
        films=tuple(films),
        people=tuple(people),
        relations=tuple(relations),
        credits=tuple(credits),
        opinions=tuple(opinions),
        comparisons=tuple(comparisons),
        rating=rating,
        stance=stance,
        stance_confidence=stance_confidence,
        reviewed_film=reviewed,
        extractor=f"filmkg-extract {EXTRACTOR_VERSION}",
    )


def reread(extraction: Extraction) -> Extraction:
    """``extraction`` with its opinions read again over its films and people as they now are.

    Linking may add people the extractors had no cue for (a name the catalog credits
    in the review's film); praise of them is found only once they are known.
    """
    review, films, people = extraction.review, list(extraction.films), list(extraction.people)
    opinions = find_opinions(review, films, people, reviewed=extraction.reviewed_film)
    return replace(extraction, opinions=tuple(opinions))
