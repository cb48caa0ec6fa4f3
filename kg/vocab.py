"""Namespaces, the ontology's terms, and IRI minting.

Every IRI that filmkg writes comes from here. ``FKG`` is a closed
``DefinedNamespace``: using a term that ``ontology/filmkg.ttl`` does not
declare raises ``AttributeError`` (a test checks both sides agree).

Resources are minted from stable keys under a base IRI, so the same film from
two reviews is one node and a rebuild gives the same graph:

>>> str(film_iri("Hard Hit", 2021))
'https://w3id.org/filmkg/id/film/hard-hit-2021'
>>> str(person_iri("Jo Woo-Jin")) == str(person_iri("Jo Woo-jin"))
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "DEFAULT_BASE",
    "FKG",
    "MARL",
    "NIF",
    "PROV",
    "SCHEMA",
    "WD",
    "WDT",
    "PREFIXES",
    "country_iri",
    "film_iri",
    "fold",
    "fold_title",
    "iri",
    "person_iri",
    "review_iri",
    "slug",
]

DEFAULT_BASE = "https://w3id.org/filmkg/id/"


class FKG(DefinedNamespace):
    """The filmkg ontology (``ontology/filmkg.ttl``)."""

    _NS = Namespace("https://w3id.org/filmkg/ontology#")
    _fail = True

    # classes
    Performance: URIRef  # an actor's part in one film
    Comparison: URIRef  # a review's judgement of one film against another
    Verdict: URIRef  # the class of Better, Worse, Equal, Mixed
    Statement: URIRef  # a claim drawn from text, with its evidence (Wikidata-style statement node)
    Mention: URIRef  # a span of review text that names a film or a person
    UnlinkedFilm: URIRef  # a film that no catalog entry could be matched to safely
    # individuals
    Better: URIRef
    Worse: URIRef
    Equal: URIRef
    Mixed: URIRef  # a verdict, and a marl:Polarity (a mixed stance)
    # properties
    remakeOf: URIRef
    remadeAs: URIRef
    inFilm: URIRef
    performer: URIRef
    character: URIRef
    stance: URIRef
    film: URIRef
    versus: URIRef
    verdict: URIRef
    confidence: URIRef
    refersTo: URIRef
    ratingText: URIRef
    extractorVersion: URIRef
    contentHash: URIRef


SCHEMA = Namespace("https://schema.org/")
MARL = Namespace("http://www.gsi.upm.es/ontologies/marl/ns#")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES: dict[str, str] = {
    "fkg": str(FKG._NS),
    "schema": str(SCHEMA),
    "marl": str(MARL),
    "prov": str(PROV),
    "nif": str(NIF),
    "wd": str(WD),
    "wdt": str(WDT),
}

# letters that Unicode does not decompose into a Latin letter and a mark
_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ı": "i"})
_ARTICLES = frozenset("the a an le la les el los las der die das il lo".split())


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold case, accents, punctuation and ``&``/``and`` for comparing names.

    >>> fold("Jo Woo-Jin") == fold("jo woo-jin")
    True
    >>> fold("Amélie & Nino")
    'amelie and nino'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ").replace("-", "").replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def fold_title(title: str) -> str:
    """:func:`fold`, without a leading article.

    >>> fold_title("The Ring") == fold_title("Ring")
    True
    """
    words = fold(title).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    """A readable IRI key: ASCII lowercase words joined by ``-``.

    >>> slug("Don't. Get. Out!")
    'dont-get-out'
    >>> slug("Amélie")
    'amelie'
    >>> slug("Erik Skjoldbjærg")
    'erik-skjoldbjaerg'
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "").replace("&", " and ")
    key = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if key:
        return key
    # a name with no ASCII letters at all (e.g. Korean script): keep it, percent-encoded
    return quote(re.sub(r"\s+", "-", text.strip()), safe="-")


def iri(kind: str, key: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI ``<base><kind>/<key>``; ``key`` is percent-encoded where it must be."""
    return URIRef(f"{base}{kind}/{quote(key, safe='/-._~%')}")


def film_iri(title: str, year: int | None = None, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a film known by its title and year."""
    key = slug(title) + (f"-{year}" if year else "")
    return iri("film", key, base=base)


def person_iri(name: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a person; names that fold alike are one person."""
    return iri("person", slug(name), base=base)


def country_iri(code: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a country by its ISO 3166-1 alpha-2 code."""
    return iri("country", code.upper(), base=base)


def review_iri(review_id: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a review by its id in its source (slashes are kept as path segments)."""
    return iri("review", review_id.strip("/"), base=base)
