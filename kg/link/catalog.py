"""Catalogs read from graphs in the contract's shape: the built-in one and a user's Turtle.

A catalog graph holds films (``a schema:Movie`` with ``schema:name``,
``schema:alternateName``, ``schema:datePublished``, ``schema:countryOfOrigin``,
``schema:inLanguage``, ``schema:director``, ``schema:actor``, ``owl:sameAs wd:Q…``,
``schema:sameAs <https://www.imdb.com/title/tt…/>``), people (``a schema:Person``
with ``schema:name`` and the same ids) and ``fkg:remakeOf`` links. This module
is the only one that parses them (with pyoxigraph, about a million triples a
second) and the only one that imports rapidfuzz (fuzzy titles).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import CatalogError
from kg.model import Candidate, Entity
from kg.vocab import fold, fold_title, slug

__all__ = [
    "BUILTIN",
    "MemoryCatalog",
    "dump_index",
    "load_catalog",
    "load_index",
    "parse_catalog",
    "read_builtin",
    "read_catalog",
]

log = logging.getLogger(__name__)

BUILTIN = "builtin"
BUILTIN_GRAPH = "catalog.nt.gz"  # in kg/data: the built-in catalog as a graph in the contract's shape
BUILTIN_INDEX = "catalog.idx.json.gz"  # the same catalog, pre-indexed (scripts/build_catalog.py writes both)

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_S = "https://schema.org/"
_OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
_REMAKE_OF = "https://w3id.org/filmkg/ontology#remakeOf"
_P144 = "http://www.wikidata.org/prop/direct/P144"
_ID = re.compile(r"(?:wikidata\.org/entity/(Q\d+))|(?:imdb\.com/(?:title|name)/((?:tt|nm)\d+))")
_ROLES = {
    "director": "director",
    "actor": "actor",
    "author": "writer",
    "producer": "producer",
    "musicBy": "composer",
}

# scores of the kinds of title match, before the year is weighed
EXACT, FOLDED, ALTERNATE, FUZZY = 1.0, 0.97, 0.93, 0.9
FUZZY_CUTOFF = 88.0


@dataclass
class _Raw:
    """What one graph says of one subject."""

    types: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)
    alt: list[str] = field(default_factory=list)
    year: int | None = None
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    credits: list[tuple[str, str]] = field(default_factory=list)  # (role, person IRI)
    originals: list[str] = field(default_factory=list)  # IRIs this film is a remake of


@dataclass
class MemoryCatalog:
    """Films and people held in memory, indexed for linking.

    >>> cat = MemoryCatalog(name="demo")
    >>> cat.add_film(Entity(key="psycho-1960", name="Psycho", year=1960, wikidata="Q163038"))
    'psycho-1960'
    >>> [c.entity.key for c in cat.candidates("psycho", year=1960)]
    ['psycho-1960']
    """

    name: str
    films: dict[str, Entity] = field(default_factory=dict)
    people: dict[str, Entity] = field(default_factory=dict)
    languages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    credit_map: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    original_map: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    remake_map: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    country_names: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    _titles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _ids: dict[str, str] = field(default_factory=dict)
    _fuzzy: list[str] | None = None

    # building ------------------------------------------------------------
    def add_film(self, entity: Entity, *, languages: Iterable[str] = ()) -> str:
        """Add a film, merged into a known one with the same Wikidata or IMDb id; its key."""
        key = self._merge_target(entity, self.films)
        if key is not None:
            old = self.films[key]
            names = tuple(dict.fromkeys(n for n in (*old.names, entity.name, *entity.names) if n != old.name))
            entity = replace(
                old,
                names=names,
                year=old.year or entity.year,
                countries=tuple(dict.fromkeys((*old.countries, *entity.countries))),
                wikidata=old.wikidata or entity.wikidata,
                imdb=old.imdb or entity.imdb,
            )
        else:
            key = self._free_key(entity.key, self.films)
            entity = replace(entity, key=key) if key != entity.key else entity
        self.films[key] = entity
        self.languages[key] = tuple(dict.fromkeys((*self.languages.get(key, ()), *languages)))
        for name in (entity.name, *entity.names):
            self._titles[fold_title(name)].add(key)
        for ident in (entity.wikidata, entity.imdb):
            if ident:
                self._ids.setdefault(ident, key)
        self._fuzzy = None
        return key

    def add_person(self, entity: Entity) -> str:
        """Add a person (merged by id, or by key when neither has ids); its key."""
        key = self._merge_target(entity, self.people)
        if key is None and entity.key in self.people and not (entity.wikidata or entity.imdb):
            key = entity.key
        if key is not None:
            old = self.people[key]
            entity = replace(old, wikidata=old.wikidata or entity.wikidata, imdb=old.imdb or entity.imdb)
        else:
            key = self._free_key(entity.key, self.people)
            entity = replace(entity, key=key) if key != entity.key else entity
        self.people[key] = entity
        self._names.clear()  # rebuilt on the next person_candidates()
        for ident in (entity.wikidata, entity.imdb):
            if ident:
                self._ids.setdefault(ident, key)
        return key

    def add_remake(self, remake: str, original: str) -> None:
        """Record that film ``remake`` is a remake of film ``original`` (both keys)."""
        if remake != original:
            self.original_map[remake].add(original)
            self.remake_map[original].add(remake)

    def add_credit(self, film: str, role: str, person: str) -> None:
        """Record ``person``'s ``role`` (``director``, ``actor``, ...) in ``film``."""
        if (role, person) not in self.credit_map[film]:
            self.credit_map[film].append((role, person))

    def _merge_target(self, entity: Entity, table: dict[str, Entity]) -> str | None:
        for ident in (entity.wikidata, entity.imdb):
            if ident and ident in self._ids and self._ids[ident] in table:
                return self._ids[ident]
        return None

    @staticmethod
    def _free_key(key: str, table: dict[str, Entity]) -> str:
        n, cand = 2, key
        while cand in table:
            cand = f"{key}-{n}"
            n += 1
        return cand

    # looking up ----------------------------------------------------------
    def entity(self, ident: str) -> Entity | None:
        """The film or person with key or id ``ident`` (``psycho-1960``, ``Q163038``, ``tt0054215``)."""
        key = self._ids.get(ident, ident)
        return self.films.get(key) or self.people.get(key)

    def originals(self, key: str) -> tuple[str, ...]:
        """Keys of the films that film ``key`` is a remake of."""
        return tuple(sorted(self.original_map.get(key, ())))

    def remakes(self, key: str) -> tuple[str, ...]:
        """Keys of the films that remake film ``key``."""
        return tuple(sorted(self.remake_map.get(key, ())))

    def credits(self, key: str) -> tuple[tuple[str, str], ...]:
        """``(role, person key)`` of film ``key``'s known credits."""
        return tuple(self.credit_map.get(key, ()))

    def candidates(self, title: str, *, year: int | None = None) -> list[Candidate]:
        """Films that ``title`` may denote, best first, scored in 0..1.

        Exact names score 1.0, names equal after folding case, accents, punctuation and a
        leading article 0.97, alternate titles 0.93, fuzzy matches up to 0.9. A known year
        that differs costs a tenth (one year apart) or 60% (more).
        """
        folded = fold_title(title)
        if not folded:
            return []
        scores: dict[str, float] = {}
        for key in self._titles.get(folded, ()):
            ent = self.films[key]
            if ent.name.casefold() == title.strip().casefold():
                s = EXACT
            elif fold_title(ent.name) == folded:
                s = FOLDED
            else:
                s = ALTERNATE
            scores[key] = max(scores.get(key, 0.0), s)
        if not scores and len(folded) >= 4:
            from rapidfuzz import fuzz, process  # only when a title is not known as written (saves start-up)

            for choice, ratio, _ in process.extract(
                folded, self._fuzzy_choices(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8
            ):
                for key in self._titles[choice]:
                    scores[key] = max(scores.get(key, 0.0), FUZZY * ratio / 100.0)
        out = []
        for key, s in scores.items():
            ent = self.films[key]
            if year is not None and ent.year is not None and ent.year != year:
                s *= 0.9 if abs(ent.year - year) == 1 else 0.4
            out.append(Candidate(ent, round(s, 4)))
        return sorted(out, key=lambda c: (-c.score, c.entity.key))

    def person_candidates(self, name: str) -> list[Candidate]:
        """People that ``name`` may denote (names equal after folding), best first."""
        if not self._names:
            for key, ent in self.people.items():
                for n in (ent.name, *ent.names):
                    self._names[fold(n)].add(key)
        keys = self._names.get(fold(name), set())
        return [Candidate(self.people[k], 1.0) for k in sorted(keys)]

    def _fuzzy_choices(self) -> list[str]:
        if self._fuzzy is None:
            self._fuzzy = sorted(self._titles)
        return self._fuzzy


def _key_of(iri: str, kind: str) -> str | None:
    marker = f"/{kind}/"
    return iri.rsplit(marker, 1)[1] if marker in iri else None


def _quads(data: bytes | None, *, path: str, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
    try:
        if data is None:
            yield from ox.parse(path=path, format=fmt)
        else:
            yield from ox.parse(data, format=fmt, base_iri="https://w3id.org/filmkg/id/")
    except SyntaxError as err:
        raise CatalogError(f"not a valid graph: {err}", path=path) from err
    except OSError as err:
        raise CatalogError(f"cannot read: {err}", path=path) from err


_TYPE, _NAME, _ALT, _DATE, _COUNTRY, _LANG, _SAMEAS, _CREDIT, _REMAKE, _DERIVED = range(10)
_DISPATCH = {
    _RDF_TYPE: _TYPE,
    _S + "name": _NAME,
    _S + "alternateName": _ALT,
    _S + "datePublished": _DATE,
    _S + "countryOfOrigin": _COUNTRY,
    _S + "inLanguage": _LANG,
    _OWL_SAMEAS: _SAMEAS,
    _S + "sameAs": _SAMEAS,
    _REMAKE_OF: _REMAKE,
    "http://www.w3.org/ns/prov#wasDerivedFrom": _DERIVED,
    **{_S + local: _CREDIT for local in _ROLES},
}


def _collect(quads: Iterable[ox.Quad]) -> tuple[dict[str, _Raw], dict[str, str], list[str]]:
    raw: dict[str, _Raw] = defaultdict(_Raw)
    labels: dict[str, str] = {}
    sources: list[str] = []
    named, dispatch = ox.NamedNode, _DISPATCH
    for q in quads:
        p = q.predicate.value
        code = dispatch.get(p)
        s = q.subject
        if code is None or type(s) is not named:
            continue
        o = q.object
        if isinstance(o, ox.Triple):
            continue
        sv, ov = s.value, o.value
        r = raw[sv]
        if code == _TYPE:
            r.types.add(ov)
        elif code == _NAME:
            r.names.append(ov)
            labels[sv] = ov
        elif code == _ALT:
            r.alt.append(ov)
        elif code == _DATE:
            if ov[:4].isdigit():
                r.year = int(ov[:4])
        elif code == _COUNTRY:
            r.countries.append(ov.rstrip("/").rsplit("/", 1)[-1].upper())
        elif code == _LANG:
            r.languages.append(ov)
        elif code == _SAMEAS:
            m = _ID.search(ov)
            if m:
                r.ids.append(m.group(1) or m.group(2))
        elif code == _CREDIT:
            if type(o) is named:
                r.credits.append((_ROLES[p[len(_S) :]], ov))
        elif code == _REMAKE:
            if type(o) is named:
                r.originals.append(ov)
        elif code == _DERIVED and sv.endswith("/graph/catalog"):
            sources.append(ov)
    return raw, labels, sources


def _entity(iri: str, r: _Raw, kind: str) -> Entity:
    name = r.names[0]
    key = _key_of(iri, kind) or (slug(name) + (f"-{r.year}" if r.year and kind == "film" else ""))
    ids = r.ids
    return Entity(
        key=key,
        name=name,
        year=r.year if kind == "film" else None,
        names=tuple(dict.fromkeys(n for n in (*r.names[1:], *r.alt) if n != name)),
        countries=tuple(dict.fromkeys(r.countries)),
        wikidata=next((i for i in ids if i.startswith("Q")), None),
        imdb=next((i for i in ids if i.startswith(("tt", "nm"))), None),
    )


def _fill(catalog: MemoryCatalog, raw: dict[str, _Raw], labels: dict[str, str]) -> int:
    film_keys: dict[str, str] = {}
    person_keys: dict[str, str] = {}
    for iri in sorted(raw):
        r = raw[iri]
        if not r.names:
            continue
        if _S + "Movie" in r.types:
            film_keys[iri] = catalog.add_film(_entity(iri, r, "film"), languages=r.languages)
        elif _S + "Person" in r.types:
            person_keys[iri] = catalog.add_person(_entity(iri, r, "person"))
        elif _S + "Country" in r.types:
            catalog.country_names.setdefault(iri.rstrip("/").rsplit("/", 1)[-1].upper(), r.names[0])
    for iri, key in film_keys.items():
        r = raw[iri]
        for role, person in r.credits:
            if person not in person_keys and person in labels:
                person_keys[person] = catalog.add_person(_entity(person, _Raw(names=[labels[person]]), "person"))
            if person in person_keys:
                catalog.add_credit(key, role, person_keys[person])
        for original in r.originals:
            if original in film_keys:
                catalog.add_remake(key, film_keys[original])
    return len(film_keys)


def parse_catalog(
    data: bytes | str, *, name: str = "catalog", format: str = "turtle", into: MemoryCatalog | None = None
) -> MemoryCatalog:
    """A catalog from graph text in the contract's shape (Turtle, N-Triples, TriG, N-Quads).

    >>> ttl = '''@prefix schema: <https://schema.org/> .
    ... <https://w3id.org/filmkg/id/film/psycho-1960> a schema:Movie ; schema:name "Psycho" ;
    ...     schema:datePublished "1960" .'''
    >>> parse_catalog(ttl).entity("psycho-1960").year
    1960
    """
    fmt = {
        "turtle": ox.RdfFormat.TURTLE,
        "ttl": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "trig": ox.RdfFormat.TRIG,
        "nq": ox.RdfFormat.N_QUADS,
    }.get(format)
    if fmt is None:
        raise CatalogError(f"unknown catalog format {format!r}; expected turtle, nt, trig or nq", path=name)
    raw, labels, sources = _collect(_quads(data.encode() if isinstance(data, str) else data, path=name, fmt=fmt))
    catalog = into if into is not None else MemoryCatalog(name=name)
    if not _fill(catalog, raw, labels):
        raise CatalogError("no films (a schema:Movie with a schema:name) in this catalog", path=name)
    catalog.sources.extend(s for s in sources if s not in catalog.sources)
    return catalog


def read_catalog(path: str | Path, *, into: MemoryCatalog | None = None) -> MemoryCatalog:
    """A catalog from a file (``.ttl``, ``.nt``, ``.trig``, ``.nq``, optionally ``.gz``).

    A film with the Wikidata or IMDb id of a film already in ``into`` is merged into it.
    """
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    ext = (suffixes[-2] if gz and len(suffixes) > 1 else suffixes[-1] if suffixes else ".ttl").lstrip(".")
    if not path.is_file():
        raise CatalogError("no such catalog file", path=path)
    try:
        data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
    except (OSError, EOFError) as err:
        raise CatalogError(f"cannot read: {err}", path=path) from err
    fmt = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "trig": "trig", "nq": "nq"}.get(ext)
    if fmt is None:
        raise CatalogError(f"unknown catalog file type .{ext}; expected .ttl, .nt, .trig or .nq", path=path)
    return parse_catalog(data, name=str(path), format=fmt, into=into)


INDEX_VERSION = 1


def dump_index(catalog: MemoryCatalog, *, source: bytes = b"") -> bytes:
    """``catalog`` as a compact, pre-indexed JSON document (gzipped, byte-identical on a rebuild).

    The built-in catalog ships as N-Triples (the graph contract's shape) and as this index of
    the same catalog, which loads several times faster; ``source`` is the N-Triples file the
    index was made from (its SHA-256 is recorded, and checked when the index is read).

    >>> cat = MemoryCatalog(name="demo")
    >>> cat.add_film(Entity(key="psycho-1960", name="Psycho", year=1960))
    'psycho-1960'
    >>> load_index(dump_index(cat), name="demo").candidates("Psycho")[0].entity.key
    'psycho-1960'
    """
    people_names: dict[str, list[str]] = defaultdict(list)
    for key, ent in catalog.people.items():
        for n in (ent.name, *ent.names):
            if key not in people_names[fold(n)]:
                people_names[fold(n)].append(key)
    doc = {
        "version": INDEX_VERSION,
        "source_sha256": hashlib.sha256(source).hexdigest() if source else None,
        "films": [
            [e.key, e.name, e.year, e.names, e.countries, e.wikidata, e.imdb, catalog.languages.get(k, ())]
            for k, e in catalog.films.items()
        ],
        "people": [[e.key, e.name, e.names, e.wikidata, e.imdb] for e in catalog.people.values()],
        "credits": {k: v for k, v in catalog.credit_map.items() if v},
        "remakes": sorted((r, o) for r, os_ in catalog.original_map.items() for o in os_),
        "countries": catalog.country_names,
        "sources": catalog.sources,
        "titles": {t: sorted(keys) for t, keys in sorted(catalog._titles.items()) if keys},
        "person_names": {n: sorted(keys) for n, keys in sorted(people_names.items())},
        "ids": catalog._ids,
    }
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(data, compresslevel=9, mtime=0)


def load_index(data: bytes, *, name: str = BUILTIN, into: MemoryCatalog | None = None) -> MemoryCatalog:
    """The catalog of an index that :func:`dump_index` wrote (into ``into``, merged, if given)."""
    try:
        doc = json.loads(gzip.decompress(data))
        if doc.get("version") != INDEX_VERSION:
            raise ValueError(f"index version {doc.get('version')!r}, expected {INDEX_VERSION}")
        films = {f[0]: Entity(f[0], f[1], f[2], tuple(f[3]), tuple(f[4]), f[5], f[6]) for f in doc["films"]}
        languages = {f[0]: tuple(f[7]) for f in doc["films"]}
        people = {p[0]: Entity(p[0], p[1], None, tuple(p[2]), (), p[3], p[4]) for p in doc["people"]}
        credits = {k: [(r, p) for r, p in v] for k, v in doc["credits"].items()}
        remakes: list[tuple[str, str]] = [(r, o) for r, o in doc["remakes"]]
    except (OSError, EOFError, ValueError, KeyError, IndexError, TypeError) as err:
        raise CatalogError(f"not a catalog index: {err}", path=name) from err
    if into is not None and (into.films or into.people):  # merge, film by film, as a graph would be
        keys = {k: into.add_film(e, languages=languages[k]) for k, e in films.items()}
        pkeys = {k: into.add_person(e) for k, e in people.items()}
        for film, pairs in credits.items():
            for role, person in pairs:
                into.add_credit(keys[film], role, pkeys[person])
        for r, o in remakes:
            into.add_remake(keys[r], keys[o])
        into.country_names.update({c: n for c, n in doc["countries"].items() if c not in into.country_names})
        into.sources.extend(x for x in doc["sources"] if x not in into.sources)
        return into
    catalog = into if into is not None else MemoryCatalog(name=name)
    catalog.films.update(films)
    catalog.people.update(people)
    catalog.languages.update(languages)
    catalog.credit_map.update(credits)
    for r, o in remakes:
        catalog.original_map[r].add(o)
        catalog.remake_map[o].add(r)
    catalog.country_names.update(doc["countries"])
    catalog.sources.extend(doc["sources"])
    catalog._titles.update({t: set(keys) for t, keys in doc["titles"].items()})
    catalog._names.update({n: set(keys) for n, keys in doc["person_names"].items()})
    catalog._ids.update(doc["ids"])
    catalog._fuzzy = None
    return catalog


def _builtin_ref(filename: str) -> Traversable:
    return resources.files("kg") / "data" / filename


@lru_cache(maxsize=1)
def _builtin_gz() -> bytes:
    ref = _builtin_ref(BUILTIN_GRAPH)
    try:
        return ref.read_bytes()
    except OSError as err:
        raise CatalogError(f"the built-in catalog is missing: {err}", path=str(ref)) from err


def _builtin_bytes() -> bytes:
    try:
        return gzip.decompress(_builtin_gz())
    except (OSError, EOFError) as err:
        raise CatalogError(f"the built-in catalog is damaged: {err}", path=BUILTIN_GRAPH) from err


def _builtin_index() -> bytes | None:
    """The shipped index of the built-in catalog, if it is there and made from the shipped graph."""
    try:
        data = _builtin_ref(BUILTIN_INDEX).read_bytes()
    except OSError:
        return None
    # the index names the graph it was made from; a graph edited without rebuilding the index wins
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            head = fh.read(200)
    except (OSError, EOFError):
        head = b""
    m = re.search(rb'"source_sha256":"([0-9a-f]{64})"', head)
    if m is None or m.group(1).decode() != hashlib.sha256(_builtin_gz()).hexdigest():
        log.warning("%s is not the index of %s: reading the graph", BUILTIN_INDEX, BUILTIN_GRAPH)
        return None
    return data


def read_builtin(*, into: MemoryCatalog | None = None, index: bool = True) -> MemoryCatalog:
    """The built-in catalog shipped with the package (films of the public remake lists).

    It is read from its pre-built index (``catalog.idx.json.gz``) where that was made from the
    shipped graph (``catalog.nt.gz``), else (or with ``index=False``) from the graph itself.
    """
    catalog = into if into is not None else MemoryCatalog(name=BUILTIN)
    data = _builtin_index() if index else None
    if data is not None:
        return load_index(data, name=BUILTIN, into=catalog)
    return parse_catalog(_builtin_bytes(), name=BUILTIN, format="nt", into=catalog)


def load_catalog(paths: Iterable[str | Path] = (), *, builtin: bool = True) -> MemoryCatalog:
    """The catalog a build links against: the built-in one and the user's files, merged.

    Films of later files with the Wikidata or IMDb id of an earlier film are merged into it;
    ``name`` lists what was loaded (``builtin+my.ttl``).

    >>> cat = load_catalog()
    >>> cat.entity("Q163038").name
    'Psycho'
    """
    files = [Path(p) for p in paths]
    names = ([BUILTIN] if builtin else []) + [p.name for p in files]
    catalog = MemoryCatalog(name="+".join(names) or "empty")
    if builtin:
        read_builtin(into=catalog)
    for p in files:
        before = len(catalog.films)
        read_catalog(p, into=catalog)
        log.info("catalog %s: %d films added", p, len(catalog.films) - before)
    return catalog
