"""Build filmkg's built-in catalog (``kg/data/catalog.nt.gz``) from the public remake lists.

Usage::

    python scripts/build_catalog.py [DATA_DIR] [-o kg/data/catalog.nt.gz] [--index FILE]

``DATA_DIR`` is the shared data folder (default ``$KG_SHARED_DATA`` or ``../shared/data``)
holding the four remake lists that ``SOURCES.md`` describes. The script

1. reads every film record of the four sources (title, year, Wikipedia page, Wikidata
   and IMDb ids, countries, languages, directors, top-billed actors) and every
   original -> remake pair;
2. normalises titles ("12 Angry Men (1997)" -> "12 Angry Men"; "X aka Y" -> X with
   alternate title Y; a parenthesised other title becomes an alternate title);
3. joins the records of one film: same Wikidata id, IMDb id or Wikipedia page, same
   folded title and year, or the same place in a remake pair whose other side is
   already joined. A join that would give one film two Wikidata ids, two IMDb ids or
   years more than one apart is refused (the lists have a few wrong ids);
4. writes the films, people and remake links as N-Triples in the graph contract's
   shape, sorted, gzipped without a timestamp (a rebuild is byte-identical), with the
   sources and their licences in the metadata of ``<graph/catalog>``;
5. writes beside it the same catalog pre-indexed (``catalog.idx.json.gz``: films, people,
   credits, remake links and the folded-title index as JSON, with the graph's SHA-256), which
   ``kg`` loads at start-up several times faster than it parses the graph.

Facts only: no plot, no review text, no ratings.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.link.catalog import BUILTIN, BUILTIN_INDEX, dump_index, parse_catalog  # noqa: E402
from kg.vocab import DEFAULT_BASE, fold, fold_title, slug  # noqa: E402

SCHEMA = "https://schema.org/"
FKG = "https://w3id.org/filmkg/ontology#"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"

COUNTRIES = {
    "Argentina": ("AR", "Argentina"),
    "Australia": ("AU", "Australia"),
    "Austria": ("AT", "Austria"),
    "Bahamas": ("BS", "Bahamas"),
    "Belgium": ("BE", "Belgium"),
    "Brazil": ("BR", "Brazil"),
    "Canada": ("CA", "Canada"),
    "Chile": ("CL", "Chile"),
    "China": ("CN", "China"),
    "Czech Republic": ("CZ", "Czech Republic"),
    "Czechoslovakia": ("CS", "Czechoslovakia"),
    "Denmark": ("DK", "Denmark"),
    "East Germany": ("DD", "East Germany"),
    "Finland": ("FI", "Finland"),
    "France": ("FR", "France"),
    "Germany": ("DE", "Germany"),
    "West Germany": ("DE", "Germany"),
    "Hong Kong": ("HK", "Hong Kong"),
    "Hungary": ("HU", "Hungary"),
    "India": ("IN", "India"),
    "Indonesia": ("ID", "Indonesia"),
    "Ireland": ("IE", "Ireland"),
    "Israel": ("IL", "Israel"),
    "Italy": ("IT", "Italy"),
    "Japan": ("JP", "Japan"),
    "Korea": ("KR", "South Korea"),
    "South Korea": ("KR", "South Korea"),
    "Malta": ("MT", "Malta"),
    "Mexico": ("MX", "Mexico"),
    "Netherlands": ("NL", "Netherlands"),
    "New Zealand": ("NZ", "New Zealand"),
    "Norway": ("NO", "Norway"),
    "Philippines": ("PH", "Philippines"),
    "Romania": ("RO", "Romania"),
    "Russia": ("RU", "Russia"),
    "Saudi Arabia": ("SA", "Saudi Arabia"),
    "Singapore": ("SG", "Singapore"),
    "South Africa": ("ZA", "South Africa"),
    "Soviet Union": ("SU", "Soviet Union"),
    "Spain": ("ES", "Spain"),
    "Sri Lanka": ("LK", "Sri Lanka"),
    "Sweden": ("SE", "Sweden"),
    "Switzerland": ("CH", "Switzerland"),
    "Taiwan": ("TW", "Taiwan"),
    "Thailand": ("TH", "Thailand"),
    "UK": ("GB", "United Kingdom"),
    "USA": ("US", "United States"),
    "United Arab Emirates": ("AE", "United Arab Emirates"),
    "Vietnam": ("VN", "Vietnam"),
    "Yugoslavia": ("YU", "Yugoslavia"),
}

LANGUAGES = {
    "Arabic": "ar",
    "Armenian": "hy",
    "Bengali": "bn",
    "Burmese": "my",
    "Cantonese": "zh",
    "Chechen": "ce",
    "Chinese": "zh",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Filipino": "tl",
    "Finnish": "fi",
    "Flemish": "nl",
    "French": "fr",
    "Georgian": "ka",
    "German": "de",
    "Greek": "el",
    "Gujarati": "gu",
    "Hebrew": "he",
    "Hindi": "hi",
    "Hungarian": "hu",
    "Icelandic": "is",
    "Indonesian": "id",
    "Italian": "it",
    "Japanese": "ja",
    "Kannada": "kn",
    "Korean": "ko",
    "Latin": "la",
    "Malayalam": "ml",
    "Mandarin": "zh",
    "Marathi": "mr",
    "Norwegian": "no",
    "Persian": "fa",
    "Polish": "pl",
    "Portuguese": "pt",
    "Romanian": "ro",
    "Russian": "ru",
    "Serbian": "sr",
    "Serbo-Croatian": "sh",
    "Sinhalese": "si",
    "Somali": "so",
    "Spanish": "es",
    "Swahili": "sw",
    "Swedish": "sv",
    "Tagalog": "tl",
    "Tamil": "ta",
    "Telugu": "te",
    "Thai": "th",
    "Turkish": "tr",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Vietnamese": "vi",
    "Welsh": "cy",
    "Xhosa": "xh",
    "Yiddish": "yi",
    "Zulu": "zu",
}

SOURCES = [
    {
        "id": "wikipedia_remakes_wikidata",
        "url": "https://github.com/epfl-ada/ada-2024-project-madayam/blob/"
        "18448ca104da9b10c95685f739119f3e1e25b2a5/data/remake/remakes.csv",
        "title": "Remake pairs with Wikidata ids (EPFL ADA 2024 project 'madayam')",
        "license": "no licence stated; pairs from Wikipedia's List of film remakes (CC BY-SA 4.0), "
        "ids from Wikidata (CC0)",
    },
    {
        "id": "remake_pairs_omdb",
        "url": "https://github.com/andreaeverett/movie-remakes/tree/"
        "2de3809f00eb2a57747de8246b47e0fbdaaf80fa/data_files",
        "title": "Remake pairs with OMDb metadata (andreaeverett/movie-remakes, 2017)",
        "license": "MIT (repository licence); pairs from Wikipedia (CC BY-SA 4.0), metadata from the OMDb API",
    },
    {
        "id": "remake_pairs_imdb_meta",
        "url": "https://github.com/kasiewong/movie_remakes/tree/dd50794ce699a95d6972d2b0fd3bc9dba12ef30e",
        "title": "Remake pairs with IMDb metadata (kasiewong/movie_remakes, 2020)",
        "license": "no licence stated; pairs from Wikipedia (CC BY-SA 4.0), metadata from the OMDb API",
    },
    {
        "id": "wikipedia_remakes_graph",
        "url": "https://github.com/sravanrekandar/movies-remakes-visualisation-sanky-d3/blob/"
        "03ed5cf557d4dc0bdb1e0d53fd26f3a4a031a344/docs/assets/movies.json",
        "title": "Films and remake edges with directors (sravanrekandar/movies-remakes-visualisation-sanky-d3)",
        "license": "ISC (repository code); data parsed from Wikipedia's List of film remakes (CC BY-SA 4.0)",
    },
]


@dataclass
class Record:
    """One film as one source gives it."""

    source: str
    title: str
    year: int | None
    akas: list[str] = field(default_factory=list)
    wikidata: str | None = None
    imdb: str | None = None
    wiki: str | None = None
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)


_YEAR_PAREN = re.compile(r"\s*\((\d{4})\)\s*$")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_AKA = re.compile(r"\s+(?:aka|a\.k\.a\.)\s+", re.IGNORECASE)
_LANG_MARK = re.compile(r"\s*\[[a-z]{2,3}\]\s*$")  # Wikipedia's link to another language's page: "[de]"
_PLACEHOLDER = re.compile(r"untitled\b", re.IGNORECASE)  # "Untitled X film": no title yet


def clean_title(raw: str) -> tuple[str, list[str]]:
    """A list's title as (title, alternate titles).

    >>> clean_title("Perfect Number aka Yong-eui-ja X")
    ('Perfect Number', ['Yong-eui-ja X'])
    >>> clean_title("12 Angry Men (1997)")
    ('12 Angry Men', [])
    >>> clean_title("The Secret in Their Eyes (El secreto de sus ojos)")
    ('The Secret in Their Eyes', ['El secreto de sus ojos'])
    >>> clean_title("A Fistful of Dollars/Per un pugno di dollari")
    ('A Fistful of Dollars', ['Per un pugno di dollari'])
    >>> clean_title("Victor/Victoria"), clean_title("Ihr erstes Rendezvous [de]")
    (('Victor/Victoria', []), ('Ihr erstes Rendezvous', []))
    """
    title = _LANG_MARK.sub("", " ".join(raw.split()))
    if _PLACEHOLDER.match(title):
        return "", []
    akas: list[str] = []
    title = _YEAR_PAREN.sub("", title)
    m = _PAREN.search(title)
    if m:
        inner = m.group(1).strip()
        title = title[: m.start()].strip()
        if inner and not re.search(r"\bremake\b|\bversion\b|\bfilm\b|\bmade-for|\d{4}", inner, re.IGNORECASE):
            akas.append(inner)
    parts = _AKA.split(title)
    title, akas = parts[0].strip(), [*(p.strip() for p in parts[1:] if p.strip()), *akas]
    halves = title.split("/")
    if len(halves) == 2 and all(len(h.split()) >= 2 for h in halves):  # "English Title/Original Title"
        title, akas = halves[0].strip(), [halves[1].strip(), *akas]
    return title, akas


def parse_year(text: str | None) -> int | None:
    m = re.match(r"\s*(\d{4})", text or "")
    return int(m.group(1)) if m else None


def split_names(text: str | None) -> list[str]:
    """The people's names in a credit cell, without what a scrape left in it.

    >>> split_names("Jane Doe, John Roe[1], Ann Lee (co-director)")
    ['Jane Doe', 'John Roe', 'Ann Lee']
    >>> split_names("Jane Doe and John Roe Based on the novel by Ann Lee"), split_names("Night (1988) dir Ann Lee")
    (['Jane Doe', 'John Roe'], ['Ann Lee'])
    >>> split_names("e Magnificent Seven (1960) John Sturges, by Harold Gray, N/A")
    []
    """
    if not text or text.strip() in {"N/A", ""}:
        return []
    text = re.split(r"\s+(?:Both\s+)?(?:[Bb]ased\s+(?:on|upon)|From\s+the)\b", text)[0]  # "X Based on the novel by Y"
    out = []
    for raw in re.split(r",|\s+(?:and|&)\s+", text):
        raw = raw.rsplit(" dir ", 1)[-1]  # "Spoorloos (1988) dir George Sluizer"
        name = " ".join(re.sub(r"\[\d+\]|\((?:co-)?(?:director|directors)\)", " ", raw).split())
        if person_name(name):
            out.append(name)
    return out


def person_name(name: str) -> bool:
    """Whether ``name`` reads as a person's name: capitalised words, no digits or brackets, no prose.

    >>> [person_name(n) for n in ("Jan de Bont", "Kim Chang-ju", "ltimo bacio (2001)", "by Harold Gray", "N/A")]
    [True, True, False, False, False]
    """
    words = name.split()
    if not 1 <= len(words) <= 5 or name == "N/A" or re.search(r"[\d()\[\]:;]", name):
        return False
    if not (words[0][0].isupper() or words[0][0] in "'\u2019"):
        return False
    return not re.search(r"\b(?:based|novel|by|dir|directed|written|film|the)\b", name, re.IGNORECASE)


def wiki_key(url: str | None) -> str | None:
    """A Wikipedia page as a join key; a link into a section of another page is no key."""
    if not url or "#" in url or "/wiki/" not in url:
        return None
    return unquote(url.split("/wiki/", 1)[1]).replace("_", " ").strip()


def wiki_matches(page: str, title: str, akas: list[str]) -> bool:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", page)
    return any(fold_title(name) == fold_title(t) for t in [title, *akas])


_PERSON_PAGE = re.compile(
    r"\((?:[^()]*\s)?(?:director|actor|actress|filmmaker|producer|screenwriter|writer|novelist|author|"
    r"composer|singer|musician|politician|cinematographer|animator)\)$",
    re.IGNORECASE,
)


def names_a_person(rec: Record) -> bool:
    """Whether a record's "title" is a person: one of its own credits, or a person's Wikipedia page.

    >>> names_a_person(Record("x", "Jane Doe", 1959, directors=["Jane Doe"]))
    True
    >>> names_a_person(Record("x", "Jane Doe", 1959, wiki="Jane Doe (director)"))
    True
    >>> names_a_person(Record("x", "Doe", 1959, directors=["Jane Doe"]))
    False
    """
    title = fold(rec.title)
    if title and any(fold(p) == title for p in (*rec.directors, *rec.actors)):
        return True
    return bool(rec.wiki and _PERSON_PAGE.search(rec.wiki))


def country_codes(text: str | None) -> list[str]:
    return [COUNTRIES[c][0] for c in split_names(text) if c in COUNTRIES]


def language_codes(text: str | None) -> list[str]:
    return [LANGUAGES[x] for x in split_names(text) if x in LANGUAGES]


def read_sources(data: Path) -> tuple[list[Record], list[tuple[int, int]]]:
    """Every film record and every (original, remake) pair of record indices."""
    records: list[Record] = []
    pairs: list[tuple[int, int]] = []

    def add(rec: Record) -> int:
        if names_a_person(rec):
            # a row whose title cell holds a person (the scrape took the director's cell): the film
            # keeps its place in its remake pairs and gets its title from another list, or is left out
            rec.title, rec.akas, rec.wiki, rec.wikidata = "", [], None, None
        records.append(rec)
        return len(records) - 1

    # 1. wikipedia_remakes_wikidata: pairs with Wikipedia pages and Wikidata ids
    with open(data / "wikipedia_remakes_wikidata" / "remakes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ids = []
            for side in ("original", "remake"):
                title, akas = clean_title(row[side])
                if not title:
                    ids.append(None)
                    continue
                wiki = wiki_key(row[f"{side}_url"])
                wd = row[f"{side}_wikidata_id"].strip() or None
                if row[f"{side}_url"] and "#" in row[f"{side}_url"]:
                    wd = None  # the id of the page the section belongs to, not of this film
                ids.append(
                    add(
                        Record(
                            "wikipedia_remakes_wikidata",
                            title,
                            parse_year(row[f"{side}_year"]),
                            akas,
                            wikidata=wd,
                            wiki=wiki,
                        )
                    )
                )
            if ids[0] is not None and ids[1] is not None:
                pairs.append((ids[0], ids[1]))

    # 2. wikipedia_remakes_graph: films with directors and edges
    movies = json.loads((data / "wikipedia_remakes_graph" / "movies.json").read_text(encoding="utf-8"))
    local: dict[int, int] = {}
    for m in movies:
        title, akas = clean_title(m.get("title") or "")
        if not title:
            continue
        guessed = any("Missing year" in r for r in m.get("remarks") or [])
        year = None if guessed else parse_year(m.get("year"))
        link = m.get("titleWikiLink") or ""
        local[m["id"]] = add(
            Record(
                "wikipedia_remakes_graph",
                title,
                year,
                akas,
                wiki=wiki_key(link),
                directors=split_names(",".join(m.get("directors") or [])),
            )
        )
    for m in movies:
        for r in m.get("remakes") or []:
            if m["id"] in local and r in local:
                pairs.append((local[m["id"]], local[r]))

    # 3. remake_pairs_omdb: films with IMDb ids, countries, languages, director, actors
    by_title_year: dict[tuple[str, int | None], int] = {}
    with open(data / "remake_pairs_omdb" / "final_movies.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            title, akas = clean_title(row["Title"])
            year = parse_year(row["Year"])
            idx = add(
                Record(
                    "remake_pairs_omdb",
                    title,
                    year,
                    akas,
                    imdb=row["imdbID"].strip() or None,
                    countries=country_codes(row["Country"]),
                    languages=language_codes(row["Language"]),
                    directors=split_names(row["Director"]),
                    actors=split_names(row["Actors"]),
                )
            )
            by_title_year[(row["Title"], year)] = idx
    with open(data / "remake_pairs_omdb" / "paired_movies.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            o = by_title_year.get((row["Title_orig"], parse_year(row["Year_orig"])))
            r = by_title_year.get((row["Title_remake"], parse_year(row["Year_remake"])))
            if o is not None and r is not None:
                pairs.append((o, r))

    # 4. remake_pairs_imdb_meta: films with IMDb ids; pairs by the project's Movie ID
    by_movie_id: dict[str, int] = {}
    with open(data / "remake_pairs_imdb_meta" / "imdb_df.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            title, akas = clean_title(row["Title"])
            by_movie_id[row["Movie ID"]] = add(
                Record(
                    "remake_pairs_imdb_meta",
                    title,
                    parse_year(row["Year"]),
                    akas,
                    imdb=row["IMDb ID"].strip() or None,
                    countries=country_codes(row["Country"]),
                    languages=language_codes(row["Language"]),
                    directors=split_names(row["Director"]),
                    actors=split_names(row["Actors"]),
                )
            )
    with open(data / "remake_pairs_imdb_meta" / "remakes_originals.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ids = []
            for side in ("Original", "Remake"):
                key = row[f"Movie ID {side}"]
                if key not in by_movie_id:
                    year = parse_year(row[f"{side} Year"])
                    if year is None or not row[f"{side} Title"].strip():
                        ids.append(None)
                        continue
                    title, akas = clean_title(row[f"{side} Title"])
                    by_movie_id[key] = add(Record("remake_pairs_imdb_meta", title, year, akas))
                ids.append(by_movie_id[key])
            if ids[0] is not None and ids[1] is not None:
                pairs.append((ids[0], ids[1]))
    return records, pairs


class Groups:
    """Union-find over records that refuses joins giving a film two ids or distant years."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.parent = list(range(len(records)))
        self.wd = [{r.wikidata} - {None} for r in records]
        self.imdb = [{r.imdb} - {None} for r in records]
        self.years = [{r.year} - {None} for r in records]
        self.refused = 0

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        wd, imdb, years = (
            self.wd[ra] | self.wd[rb],
            self.imdb[ra] | self.imdb[rb],
            self.years[ra] | self.years[rb],
        )
        if len(wd) > 1 or len(imdb) > 1 or (years and max(years) - min(years) > 1):
            self.refused += 1
            return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        self.wd[lo], self.imdb[lo], self.years[lo] = wd, imdb, years
        return True


def drop_wrong_ids(records: list[Record]) -> None:
    """A Wikidata id or page given to records of different years belongs to one film only.

    The lists link a remake without a page of its own to its original's page: the id and page
    stay with the record whose title the page names and whose year the page names (or, for a
    page without a year, the earliest such record, the original).
    """
    by_id: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        for key in (r.wikidata, r.wiki):
            if key:
                by_id[key].append(r)
    for recs in by_id.values():
        years = {r.year for r in recs if r.year}
        if len(years) <= 1:
            continue
        page = next((r.wiki for r in recs if r.wiki), "")
        m = re.search(r"\((\d{4})[^)]*\)\s*$", page or "")
        page_year = int(m.group(1)) if m else None
        keep = [
            r
            for r in recs
            if r.wiki and wiki_matches(r.wiki, r.title, r.akas) and (page_year is None or r.year == page_year)
        ]
        keep_year = min((r.year for r in keep if r.year), default=None)
        kept = {id(r) for r in keep if r.year == keep_year}
        for r in recs:
            if id(r) not in kept:
                r.wikidata = r.wiki = None


def join(records: list[Record], pairs: list[tuple[int, int]]) -> Groups:
    """Join the records of one film (ids, pages, title and year, then places in remake pairs)."""
    drop_wrong_ids(records)
    groups = Groups(records)
    for attr in ("wikidata", "imdb", "wiki"):
        first: dict[str, int] = {}
        for i, r in enumerate(records):
            key = getattr(r, attr)
            if key:
                groups.union(first.setdefault(key, i), i)
    first_ty: dict[tuple[str, int], int] = {}
    for i, r in enumerate(records):
        if r.year is None:
            continue
        for name in (r.title, *r.akas):
            if not fold_title(name):
                continue
            groups.union(first_ty.setdefault((fold_title(name), r.year), i), i)
    # a remake pair whose original is joined: the remakes of one year are one film (and back), where
    # they make at most two films so far (ids that differ still refuse the join)
    for _ in range(2):
        for side in (0, 1):
            slots: dict[tuple[int, int | None], set[int]] = defaultdict(set)
            for pair in pairs:
                anchor, other = groups.find(pair[side]), pair[1 - side]
                slots[(anchor, records[other].year)].add(other)
            for (_, year), members in slots.items():
                roots = {groups.find(m) for m in members}
                if year is not None and 1 < len(roots) <= 2:
                    ms = sorted(members)
                    for m in ms[1:]:
                        groups.union(ms[0], m)
    return groups


SOURCE_RANK = {
    "wikipedia_remakes_wikidata": 0,
    "wikipedia_remakes_graph": 1,
    "remake_pairs_omdb": 2,
    "remake_pairs_imdb_meta": 3,
}


def lit(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def films_of(records: list[Record], groups: Groups) -> dict[int, dict[str, object]]:
    """One dict of merged facts per film (keyed by its group root)."""
    members: dict[int, list[Record]] = defaultdict(list)
    for i, r in enumerate(records):
        members[groups.find(i)].append(r)
    films: dict[int, dict[str, object]] = {}
    for root, recs in members.items():
        recs.sort(key=lambda r: SOURCE_RANK[r.source])
        names: list[str] = []
        for r in recs:
            for n in (r.title, *r.akas):
                if n and all(n != m for m in names):
                    names.append(n)
        if not names:
            continue  # no list gives this film a title (see names_a_person)
        years = sorted({r.year for r in recs if r.year})
        year = next((r.year for r in recs if r.year), None)

        def uniq(values: list[str], folder=fold) -> list[str]:  # type: ignore[no-untyped-def]
            seen, out = set(), []
            for v in values:
                if v and folder(v) not in seen:
                    seen.add(folder(v))
                    out.append(v)
            return out

        films[root] = {
            "name": names[0],
            "names": names[1:],
            "year": year,
            "years": years,
            "wikidata": next((r.wikidata for r in recs if r.wikidata), None),
            "imdb": next((r.imdb for r in recs if r.imdb), None),
            "countries": uniq([c for r in recs for c in r.countries], str),
            "languages": uniq([x for r in recs for x in r.languages], str),
            "directors": uniq([d for r in recs for d in r.directors]),
            "actors": uniq([a for r in recs for a in r.actors])[:6],
            "sources": sorted({r.source for r in recs}),
        }
    # an id the joins could not settle stays with one film only (the best attested)
    for attr in ("wikidata", "imdb"):
        owners: dict[str, list[int]] = defaultdict(list)
        for root, f in films.items():
            if f[attr]:
                owners[str(f[attr])].append(root)
        for roots in owners.values():
            roots.sort(key=lambda r: (-len(members[r]), films[r]["year"] or 9999))
            for r in roots[1:]:
                films[r][attr] = None
    return films


def assign_keys(films: dict[int, dict[str, object]]) -> dict[int, str]:
    """``slug(title)-year``; films that would share a key all get a country or id suffix."""
    base: dict[str, list[int]] = defaultdict(list)
    for root, f in films.items():
        base[slug(str(f["name"])) + (f"-{f['year']}" if f["year"] else "")].append(root)
    keys: dict[int, str] = {}
    for key, roots in base.items():
        if len(roots) == 1:
            keys[roots[0]] = key
            continue
        used: set[str] = set()
        for root in sorted(
            roots,
            key=lambda r: (
                str(films[r]["wikidata"] or "~"),
                str(films[r]["imdb"] or "~"),
                str(films[r]["names"]),
            ),
        ):
            f = films[root]
            countries = f["countries"]
            suffix = str(countries[0]).lower() if countries else ""  # type: ignore[index]
            cand = f"{key}-{suffix}" if suffix else key
            n = 2
            while cand in used or cand == key:
                cand = f"{key}-{n}"
                n += 1
            used.add(cand)
            keys[root] = cand
    return keys


def write_catalog(
    records: list[Record],
    pairs: list[tuple[int, int]],
    groups: Groups,
    out: Path,
    *,
    base: str = DEFAULT_BASE,
) -> dict[str, int]:
    films = films_of(records, groups)
    keys = assign_keys(films)
    lines: set[str] = set()

    def t(s: str, p: str, o: str) -> None:
        lines.add(f"{s} <{p}> {o} .")

    people: dict[str, str] = {}  # person key -> name
    countries: dict[str, str] = {}
    for code, name in COUNTRIES.values():
        countries.setdefault(code, name)
    used_countries: set[str] = set()
    for root, f in films.items():
        s = f"<{base}film/{keys[root]}>"
        t(s, RDF_TYPE, f"<{SCHEMA}Movie>")
        t(s, SCHEMA + "name", lit(str(f["name"])))
        for n in f["names"]:  # type: ignore[attr-defined]
            t(s, SCHEMA + "alternateName", lit(n))
        if f["year"]:
            t(s, SCHEMA + "datePublished", f'"{f["year"]}"^^<{XSD}gYear>')
        if f["wikidata"]:
            t(s, OWL_SAMEAS, f"<{WD}{f['wikidata']}>")
        if f["imdb"]:
            t(s, SCHEMA + "sameAs", f"<https://www.imdb.com/title/{f['imdb']}/>")
        for c in f["countries"]:  # type: ignore[attr-defined]
            t(s, SCHEMA + "countryOfOrigin", f"<{base}country/{c}>")
            used_countries.add(c)
        for lang in f["languages"]:  # type: ignore[attr-defined]
            t(s, SCHEMA + "inLanguage", lit(lang))
        for prop, who in (("director", f["directors"]), ("actor", f["actors"])):
            for name in who:  # type: ignore[attr-defined]
                pk = slug(name)
                people.setdefault(pk, name)
                t(s, SCHEMA + prop, f"<{base}person/{pk}>")
        for src in f["sources"]:  # type: ignore[attr-defined]
            t(s, DCT + "source", f"<{base}source/{src}>")
    for pk, name in people.items():
        t(f"<{base}person/{pk}>", RDF_TYPE, f"<{SCHEMA}Person>")
        t(f"<{base}person/{pk}>", SCHEMA + "name", lit(name))
    for code in used_countries:
        t(f"<{base}country/{code}>", RDF_TYPE, f"<{SCHEMA}Country>")
        t(f"<{base}country/{code}>", SCHEMA + "name", lit(countries[code]))
    links = set()
    for o, r in pairs:
        ro, rr = groups.find(o), groups.find(r)
        if ro != rr and ro in keys and rr in keys:
            links.add((ro, rr))
    for ro, rr in links:
        t(f"<{base}film/{keys[rr]}>", FKG + "remakeOf", f"<{base}film/{keys[ro]}>")
    g = f"<{base}graph/catalog>"
    t(g, RDF_TYPE, f"<{PROV}Entity>")
    t(g, DCT + "title", lit("filmkg built-in catalog of films and remakes"))
    t(
        g,
        DCT + "description",
        lit(
            "Films, people and remake links merged from four public remake lists scraped from Wikipedia's "
            "'List of film remakes' (A-M, N-Z) with Wikidata, OMDb and IMDb identifiers. Facts only."
        ),
    )
    t(
        g,
        DCT + "license",
        lit(
            "Facts from Wikipedia (CC BY-SA 4.0) and Wikidata (CC0), via the sources below; see each source's licence."
        ),
    )
    t(g, PROV + "wasGeneratedBy", lit("scripts/build_catalog.py"))
    for src in SOURCES:
        node = f"<{base}source/{src['id']}>"
        t(g, PROV + "wasDerivedFrom", node)
        t(node, RDF_TYPE, f"<{PROV}Entity>")
        t(node, DCT + "title", lit(src["title"]))
        t(node, DCT + "source", f"<{src['url']}>")
        t(node, DCT + "license", lit(src["license"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(sorted(lines)) + "\n").encode("utf-8")
    with (
        open(out, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(data)
    return {
        "films": len(films),
        "people": len(people),
        "remake_links": len(links),
        "triples": len(lines),
        "records": len(records),
        "refused_joins": groups.refused,
    }


def write_index(graph: Path, out: Path) -> None:
    """Write the pre-built index of the catalog graph ``graph`` (what ``kg`` loads at start-up).

    The index is made by reading the graph with the package's own reader, so it holds exactly
    what reading the graph gives, and records the graph's SHA-256 (a stale index is ignored).
    """
    source = graph.read_bytes()
    catalog = parse_catalog(gzip.decompress(source), name=BUILTIN, format="nt")
    out.write_bytes(dump_index(catalog, source=source))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("KG_SHARED_DATA") or str(Path(__file__).resolve().parent.parent / ".." / "shared" / "data")
    parser.add_argument("data", nargs="?", default=default, help="the shared data folder")
    parser.add_argument(
        "-o",
        "--output",
        default=str(Path(__file__).resolve().parent.parent / "kg" / "data" / "catalog.nt.gz"),
    )
    parser.add_argument(
        "--index",
        help="where the pre-built index goes (default: beside the output, catalog.idx.json.gz)",
    )
    args = parser.parse_args(argv)
    records, pairs = read_sources(Path(args.data))
    groups = join(records, pairs)
    out = Path(args.output)
    stats = write_catalog(records, pairs, groups, out)
    write_index(out, Path(args.index) if args.index else out.with_name(BUILTIN_INDEX))
    print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
