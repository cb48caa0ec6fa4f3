"""The query library on rdflib and on Oxigraph, for a graph of about a million triples.

The graph is generated in the contract's shape (one named graph per review):
remake families seeded from the real remake pairs in
``../shared/data/wikipedia_remakes_wikidata/remakes.csv`` (titles, years,
Wikidata ids; Wikipedia's *List of film remakes*, CC BY-SA 4.0) when that file is
there, then synthetic families, people and reviews (template text written for
this script) until the target size is reached. About 100 triples per review.

Engines:
- ``rdflib``: an in-memory ``Dataset(default_union=True)``, queries through
  ``kg.sparql.run_local`` (what ``kg query`` does on a file);
- ``oxigraph``: pyoxigraph in-process, ``use_default_graph_as_union=True``, values
  bound by ``kg.server.bind_values`` (a VALUES block, as on a server);
- ``server``: the Oxigraph server (``kg serve``), queries through
  ``kg.server.run_query`` over HTTP (what ``kg query --endpoint`` does), and the
  time of ``kg push`` of the whole graph into an empty server.

Each query runs once on rdflib (within ``--budget`` seconds, else recorded as a
timeout) and ``--repeat`` times on Oxigraph (median). Row counts are compared.

Usage::

    PYTHONPATH=. python bench/bench_queries.py                 # ~1M triples, writes bench/results/queries.json
    PYTHONPATH=. python bench/bench_queries.py --quick         # ~20k triples, seconds (CI)
"""

from __future__ import annotations

import argparse
import csv
import gc
import hashlib
import itertools
import json
import multiprocessing as mp
import os
import platform
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import psutil
import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.endpoint import Endpoint  # noqa: E402
from kg.errors import EndpointError  # noqa: E402
from kg.server import bind_values, load_graph, push, run_query, start_server  # noqa: E402
from kg.sparql import find_queries, parse_bindings  # noqa: E402
from kg.vocab import DEFAULT_BASE  # noqa: E402

B = DEFAULT_BASE
FKG = "https://w3id.org/filmkg/ontology#"
S = "https://schema.org/"
MARL = "http://www.gsi.upm.es/ontologies/marl/ns#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCT = "http://purl.org/dc/terms/"
COUNTRIES = {
    "US": "United States",
    "FR": "France",
    "ES": "Spain",
    "DE": "Germany",
    "KR": "South Korea",
    "JP": "Japan",
    "IN": "India",
    "HK": "Hong Kong",
    "GB": "United Kingdom",
    "IT": "Italy",
    "NL": "Netherlands",
    "MX": "Mexico",
    "TR": "Turkey",
    "CN": "China",
}
FEATURES = ["performance", "direction", "plot", "music", "pacing", "ending"]
SYLLABLES = "ka ri mo ta len vos an dre el mi sa tor ben ju li na co ra".split()


def lit(value: Any, dtype: str | None = None) -> str:
    if isinstance(value, str):  # N-Triples escaping (n3() may write a long string over several lines)
        text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        return f'"{text}"' + (f"^^<{dtype}>" if dtype else "")
    if isinstance(value, float):  # confidences and polarities are xsd:decimal, as kg.emit writes them
        value = Decimal(str(value))
    return Literal(value, datatype=URIRef(dtype) if dtype else None).n3()


def slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


class Generator:
    """Writes N-Quads of films, remake families, people and reviews, one named graph per review."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.films: list[dict[str, Any]] = []
        self.people = [self._name() for _ in range(4000)]
        self.lines: list[str] = []
        self.reviews = 0
        self.reviewed: Counter[str] = Counter()
        self.weights: list[float] = []

    def _name(self) -> str:
        r = self.rng
        first = "".join(r.choice(SYLLABLES) for _ in range(2)).capitalize()
        last = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3))).capitalize()
        return f"{first} {last}"

    def family(self, title: str, year: int, qid: str | None, remakes: list[tuple[str, int, str | None]]) -> None:
        r = self.rng
        country = r.choice(list(COUNTRIES))
        crew = r.sample(self.people, 6)
        original = {
            "title": title,
            "year": year,
            "qid": qid,
            "country": country,
            "of": None,
            "director": crew[0],
            "actors": crew[1:3],
        }
        members = [original]
        for rtitle, ryear, rqid in remakes:
            parent = r.choice(members) if r.random() < 0.25 else original  # some remakes of remakes
            if parent["year"] >= ryear:
                parent = original
            members.append(
                {
                    "title": rtitle,
                    "year": ryear,
                    "qid": rqid,
                    "country": r.choice(list(COUNTRIES)),
                    "of": parent,
                    "director": r.choice(crew + r.sample(self.people, 2)),
                    "actors": [r.choice(crew[1:]), r.choice(self.people)],
                }
            )
        for m in members:
            m["iri"] = f"<{B}film/{slug(m['title'])}-{m['year']}>"
        self.films.extend(members)

    def _film(self, q: list[str], g: str, f: dict[str, Any]) -> None:
        iri = f["iri"]
        q.append(f"{iri} <{RDF}type> <{S}Movie> {g} .")
        q.append(f"{iri} <{S}name> {lit(f['title'])} {g} .")
        q.append(f"{iri} <{S}datePublished> {lit(str(f['year']), XSD + 'gYear')} {g} .")
        q.append(f"{iri} <{S}countryOfOrigin> <{B}country/{f['country']}> {g} .")
        q.append(f"<{B}country/{f['country']}> <{S}name> {lit(COUNTRIES[f['country']])} {g} .")
        if f["qid"]:
            q.append(f"{iri} <{OWL}sameAs> <http://www.wikidata.org/entity/{f['qid']}> {g} .")
        elif self.rng.random() < 0.3:
            q.append(f"{iri} <{RDF}type> <{FKG}UnlinkedFilm> {g} .")

    def review(self) -> None:
        r, q = self.rng, self.lines
        self.reviews += 1
        rid = f"bench/{self.reviews}"
        g, rev = f"<{B}graph/{rid}>", f"<{B}review/{rid}>"
        if len(self.weights) != len(self.films):  # popular films get many reviews, most get a few (as on IMDb)
            self.weights = list(itertools.accumulate(min(30.0, r.paretovariate(1.2)) for _ in self.films))
        film = r.choices(self.films, cum_weights=self.weights)[0]
        self.reviewed[film["iri"]] += 1
        user = f"<{B}user/u{r.randint(1, 20000)}>"
        q.append(f"{g} <{RDF}type> <{PROV}Entity> {g} .")
        q.append(f"{g} <{PROV}wasDerivedFrom> {rev} {g} .")
        q.append(f'{g} <{FKG}extractorVersion> "0.1.0" {g} .')
        q.append(f"{g} <{DCT}source> {lit('bench/reviews.jsonl')} {g} .")
        words = r.randint(120, 400)  # about 700 to 2,400 characters, like the real reviews
        body = f"Review {self.reviews} of {film['title']}: " + " ".join(r.choice(SYLLABLES) for _ in range(words))
        for p, o in [
            (f"<{RDF}type>", f"<{S}Review>"),
            (f"<{S}identifier>", lit(rid)),
            (f"<{S}itemReviewed>", film["iri"]),
            (f"<{S}reviewBody>", lit(body)),
            (f"<{S}name>", lit(f"Headline {self.reviews}")),
            (f"<{S}author>", user),
            (f"<{S}datePublished>", lit(f"20{r.randint(10, 24)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}", XSD + "date")),
            (f"<{FKG}contentHash>", lit(f"{r.getrandbits(128):032x}")),
            (f"<{S}reviewRating>", f"<{B}review/{rid}#rating>"),
            (
                f"<{FKG}stance>",
                f"<{r.choice([MARL + 'Positive', MARL + 'Negative', MARL + 'Neutral', FKG + 'Mixed'])}>",
            ),
        ]:
            q.append(f"{rev} {p} {o} {g} .")
        rating, value = f"<{B}review/{rid}#rating>", r.randint(1, 10)
        for p, o in [
            (f"<{RDF}type>", f"<{S}Rating>"),
            (f"<{S}ratingValue>", lit(value)),
            (f"<{S}bestRating>", lit(10)),
            (f"<{S}worstRating>", lit(1)),
            (f"<{FKG}ratingText>", lit(f"{value}/10")),
        ]:
            q.append(f"{rating} {p} {o} {g} .")
        q.append(f"{user} <{RDF}type> <{S}Person> {g} .")
        q.append(f"{user} <{S}name> {lit('user ' + user[-8:-1])} {g} .")
        self._film(q, g, film)
        n = 0
        people = [("director", film["director"])] + [("actor", a) for a in film["actors"]]
        for role, name in people:
            person = f"<{B}person/{slug(name)}>"
            q.append(f"{film['iri']} <{S}{role}> {person} {g} .")
            q.append(f"{person} <{RDF}type> <{S}Person> {g} .")
            q.append(f"{person} <{S}name> {lit(name)} {g} .")
            if role == "actor":
                perf = f"<{B}performance/{film['iri'][len(B) + 6 : -1]}/{slug(name)}>"
                for p, o in [
                    (f"<{RDF}type>", f"<{FKG}Performance>"),
                    (f"<{FKG}inFilm>", film["iri"]),
                    (f"<{FKG}performer>", person),
                    (f"<{FKG}character>", lit(self._name())),
                ]:
                    q.append(f"{perf} {p} {o} {g} .")
            # an opinion about the person
            n += 1
            op = f"<{B}opinion/{rid}/{n}>"
            polarity = r.choice(["Positive", "Negative"])
            for p, o in [
                (f"<{RDF}type>", f"<{MARL}Opinion>"),
                (f"<{MARL}extractedFrom>", rev),
                (f"<{PROV}wasDerivedFrom>", rev),
                (f"<{MARL}describesObject>", person),
                (f"<{MARL}describesFeature>", lit(r.choice(FEATURES))),
                (f"<{MARL}hasPolarity>", f"<{MARL}{polarity}>"),
                (f"<{MARL}polarityValue>", lit(round(r.uniform(0.1, 1.0) * (1 if polarity == "Positive" else -1), 2))),
                (f"<{MARL}opinionText>", lit("words " + str(n))),
                (f"<{NIF}beginIndex>", lit(10 * n)),
                (f"<{NIF}endIndex>", lit(10 * n + 8)),
                (f"<{NIF}anchorOf>", lit("words " + str(n))),
                (f"<{FKG}confidence>", lit(round(r.uniform(0.4, 1.0), 2))),
            ]:
                q.append(f"{op} {p} {o} {g} .")
        original = film["of"]
        if original is not None:
            self._film(q, g, original)
            q.append(f"{film['iri']} <{FKG}remakeOf> {original['iri']} {g} .")
            st = f"<{B}statement/{rid}/1>"
            for p, o in [
                (f"<{RDF}type>", f"<{FKG}Statement>"),
                (f"<{RDF}subject>", film["iri"]),
                (f"<{RDF}predicate>", f"<{FKG}remakeOf>"),
                (f"<{RDF}object>", original["iri"]),
                (f"<{PROV}wasDerivedFrom>", rev),
                (f"<{NIF}beginIndex>", lit(20)),
                (f"<{NIF}endIndex>", lit(31)),
                (f"<{NIF}anchorOf>", lit("a remake of")),
                (f"<{FKG}confidence>", lit(round(r.uniform(0.5, 1.0), 2))),
            ]:
                q.append(f"{st} {p} {o} {g} .")
            cmp_ = f"<{B}comparison/{rid}/1>"
            verdict = r.choice(["Better", "Worse", "Worse", "Equal", "Mixed"])
            for p, o in [
                (f"<{RDF}type>", f"<{FKG}Comparison>"),
                (f"<{PROV}wasDerivedFrom>", rev),
                (f"<{FKG}film>", film["iri"]),
                (f"<{FKG}versus>", original["iri"]),
                (f"<{FKG}verdict>", f"<{FKG}{verdict}>"),
                (f"<{NIF}beginIndex>", lit(40)),
                (f"<{NIF}endIndex>", lit(52)),
                (f"<{NIF}anchorOf>", lit("it is worse")),
                (f"<{FKG}confidence>", lit(0.7)),
            ]:
                q.append(f"{cmp_} {p} {o} {g} .")
            mention = f"<{B}mention/{rid}/60-70>"
            for p, o in [
                (f"<{RDF}type>", f"<{FKG}Mention>"),
                (f"<{FKG}refersTo>", original["iri"]),
                (f"<{PROV}wasDerivedFrom>", rev),
                (f"<{NIF}beginIndex>", lit(60)),
                (f"<{NIF}endIndex>", lit(70)),
                (f"<{NIF}anchorOf>", lit(original["title"])),
            ]:
                q.append(f"{mention} {p} {o} {g} .")


def generate(target: int, path: Path, *, seed: int = 7) -> dict[str, Any]:
    gen = Generator(seed)
    pairs = (
        Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data"))
        / "wikipedia_remakes_wikidata"
        / "remakes.csv"
    )
    real = 0
    if pairs.is_file():
        by_original: dict[tuple[str, int, str], list[tuple[str, int, str | None]]] = {}
        with pairs.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    key = (row["original"], int(row["original_year"]), row["original_wikidata_id"])
                    by_original.setdefault(key, []).append(
                        (row["remake"], int(row["remake_year"]), row["remake_wikidata_id"] or None)
                    )
                except ValueError:
                    continue
        for (title, year, qid), remakes in by_original.items():
            gen.family(title, year, qid or None, remakes)
            real += 1
    families = max(1, target // 500)  # about 500 triples per family (5 films, 5 reviews each)
    for i in range(max(0, families - real)):
        year = gen.rng.randint(1930, 2005)
        remakes = [
            (f"{gen._name().split()[0]} {i}-{k}", year + gen.rng.randint(2, 18) * (k + 1), None)
            for k in range(gen.rng.choice([1, 1, 2, 2, 3, 4]))
        ]
        gen.family(f"{gen._name().split()[1]} {i}", year, None, remakes)
    with path.open("w", encoding="utf-8") as out:
        total = 0
        while total < target:
            gen.lines.clear()
            for _ in range(20):
                gen.review()
            out.write("\n".join(gen.lines) + "\n")
            total += len(gen.lines)
    originals = [f for f in gen.films if f["of"] is None]

    def root(f: dict[str, Any]) -> dict[str, Any]:
        return f if f["of"] is None else root(f["of"])

    # the parameters: the most reviewed remake, its family's original, its director
    remake = max((f for f in gen.films if f["of"] is not None), key=lambda f: (gen.reviewed[f["iri"]], f["iri"]))
    biggest = root(remake)["iri"]
    return {
        "quads": total,
        "reviews": gen.reviews,
        "films": len(gen.films),
        "families": len(originals),
        "real_families": real,
        "family": biggest[1 + len(B) : -1],
        "remake": remake["iri"][1 + len(B) : -1],
        "person": "person/" + slug(remake["director"]),
    }


def bindings_for(name: str, info: dict[str, Any]) -> list[str]:
    return {
        "remakes": [f"film={info['family']}"],
        "original": [f"film={info['remake']}"],
        "family": [f"film={info['remake']}"],
        "credits": [f"film={info['remake']}"],
        "film-reviews": [f"film={info['remake']}"],
        "find-film": ["title=night"],
        "review": ["id=bench/77"],
        "opinions-about": [f"person={info['person']}"],
        "verdicts": [f"family={info['family']}"],
        "remake-gap": [f"original={info['family']}"],
        "claims": ["min_confidence=0.95"],
    }.get(name, [])


class Timeout(BaseException):  # not an Exception: rdflib must not swallow it
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout()


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def _norm(value: str | None) -> str:
    """A value as compared across engines: numbers by value, GROUP_CONCAT lists by content."""
    if value is None:
        return ""
    try:
        return repr(round(float(value), 4))
    except ValueError:
        return "; ".join(sorted(value.split("; "))) if "; " in value else value


def answer_key(rows: list[tuple[str | None, ...]]) -> str:
    """A digest of an answer that does not depend on row order or number formatting."""
    canon = sorted(tuple(_norm(v) for v in row) for row in rows)
    return hashlib.sha256(json.dumps(canon).encode()).hexdigest()[:16]


def _table_rows(table: Any) -> list[tuple[str | None, ...]]:
    return [tuple(None if t is None else str(t) for t in row) for row in table.rows]


def _ox_value(term: Any) -> str | None:
    return None if term is None else str(term.value)


ENGINES = ("oxigraph", "kg_local", "kg_endpoint")  # run side by side, query by query


def _worker(
    location: str, url: str, jobs: list[tuple[str, str, list[str]]], repeat: int, budget: float, conn: Any
) -> None:
    """Each query on the three Oxigraph paths in turn, once to warm up, then ``repeat`` rounds.

    ``oxigraph``: pyoxigraph's own API on the store folder, the query text with its values in a
    VALUES block (as kg sends it); ``kg_local``: ``kg query NAME --graph STORE``
    (kg.server.run_query on the same store behind rdflib's API); ``kg_endpoint``:
    ``kg query NAME --endpoint URL`` against ``kg serve`` on a copy of the store.
    """
    store = ox.Store.read_only(location)
    ds = Dataset(store=OxigraphStore(store=store), default_union=True)

    def direct(text: str) -> list[tuple[str | None, ...]]:
        result = store.query(text)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return [tuple(_ox_value(sol[v]) for v in names) for sol in result]
        return [(str(bool(result)).lower(),)]

    for name, text, bind in jobs:
        times: dict[str, list[float]] = {e: [] for e in ENGINES}
        rows: dict[str, Any] = {}
        for i in range(repeat + 1):
            for engine in ENGINES:
                if engine in rows and rows[engine] is None:
                    continue  # it failed once
                t = time.perf_counter()
                try:
                    if engine == "oxigraph":
                        rows[engine] = direct(text)
                    elif engine == "kg_local":
                        rows[engine] = _table_rows(run_query(name, graph=ds, bind=bind))
                    else:
                        rows[engine] = _table_rows(run_query(name, endpoint=url, bind=bind, timeout=budget))
                except EndpointError:
                    rows[engine] = None
                    continue
                if i:
                    times[engine].append((time.perf_counter() - t) * 1000)
        result = {}
        for engine in ENGINES:
            got = rows.get(engine)
            if got is None or not times[engine]:
                result[engine] = {"timeout_s": budget}
            else:
                result[engine] = {
                    "ms": round(statistics.median(times[engine]), 2),
                    "rows": len(got),
                    "answer": answer_key(got),
                }
        conn.send((name, result))


def run_oxigraph(
    location: str, url: str, jobs: list[tuple[str, str, list[str]]], *, repeat: int, budget: float
) -> dict[str, dict[str, Any]]:
    """:func:`_worker` in a child process, stopped (by its pid) when a query overruns its time."""
    out: dict[str, dict[str, Any]] = {e: {} for e in ENGINES}
    todo = list(jobs)
    ctx = mp.get_context("spawn")
    while todo:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(location, url, todo, repeat, budget, child), daemon=True)
        proc.start()
        while todo:
            name = todo.pop(0)[0]
            if not parent.poll(budget * len(ENGINES) * (repeat + 1) + 10):
                for engine in ENGINES:
                    out[engine][name] = {"timeout_s": budget}
                print(f"  {name}: over {budget:g} s", file=sys.stderr, flush=True)
                os.kill(proc.pid, signal.SIGKILL)
                break
            got, result = parent.recv()
            for engine in ENGINES:
                out[engine][got] = result[engine]
            print(
                f"  {got}: " + ", ".join(f"{e} {result[e].get('ms', 'timeout')}" for e in ENGINES),
                file=sys.stderr,
                flush=True,
            )
        proc.join()
    return out


def run_rdflib(ds: Dataset, queries: list[Any], info: dict[str, Any], *, budget: float) -> dict[str, Any]:
    """``kg query NAME --graph kg.trig`` on rdflib's memory store (kg.server.run_query on the parsed Dataset)."""
    out: dict[str, Any] = {}
    signal.signal(signal.SIGALRM, _alarm)
    for q in queries:
        t = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            table = run_query(q.name, graph=ds, bind=bindings_for(q.name, info))
            ms = (time.perf_counter() - t) * 1000
        except Timeout:
            out[q.name] = {"timeout_s": budget}
            print(f"  rdflib {q.name}: over {budget:g} s", file=sys.stderr, flush=True)
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        rows = _table_rows(table)
        out[q.name] = {"ms": round(ms, 2), "rows": len(rows), "answer": answer_key(rows)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="quads to generate (default 1,000,000)")
    ap.add_argument("--quick", action="store_true", help="about 20,000 quads: runs in seconds (CI)")
    ap.add_argument("--budget", type=float, default=10.0, help="seconds allowed per query run")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per query on Oxigraph (median)")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib (its load alone takes a minute at 1M)")
    ap.add_argument("--push", action="store_true", help="also time `kg push` of the whole graph (minutes at 1M)")
    ap.add_argument("--out", help="where to write the figures (default bench/results/queries[-quick].json)")
    args = ap.parse_args()
    target = 20_000 if args.quick else args.triples
    default_out = ROOT / "bench" / "results" / ("queries-quick.json" if args.quick else "queries.json")
    out_path = Path(args.out) if args.out else default_out
    out: dict[str, Any] = {
        "command": "PYTHONPATH=. python bench/bench_queries.py " + " ".join(sys.argv[1:]),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "pyoxigraph": ox.__version__,
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "budget_s": args.budget,
        "repeat": args.repeat,
    }
    started = time.perf_counter()
    queries = find_queries()
    with tempfile.TemporaryDirectory(prefix="kg-bench-queries-") as tmp:
        nq = Path(tmp) / "kg.nq"
        t = time.perf_counter()
        info = generate(target, nq)
        out["graph"] = {**info, "generate_s": round(time.perf_counter() - t, 2), "bytes": nq.stat().st_size}
        print(
            f"generated {info['quads']:,} quads, {info['reviews']:,} reviews, {info['films']:,} films",
            file=sys.stderr,
            flush=True,
        )

        # the store `kg serve` makes: named graphs + their union as a set in the default graph
        location = str(Path(tmp) / "store")
        t = time.perf_counter()
        load_graph(nq, location)
        out["serve_load_s"] = round(time.perf_counter() - t, 2)
        count = ox.Store.read_only(location)
        union = int(next(iter(count.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))[0].value)
        del count
        out["graph"]["union_triples"] = union
        print(f"kg serve's load: {out['serve_load_s']} s; union {union:,} triples", file=sys.stderr, flush=True)

        jobs = []
        for q in queries:
            bind = bindings_for(q.name, info)
            jobs.append((q.name, bind_values(q.text, parse_bindings(bind, q)), bind))
        served = str(Path(tmp) / "served")  # the server's own copy: a store is opened read-only or by one writer
        shutil.copytree(location, served)
        print("pyoxigraph directly, kg query --graph STORE, kg query --endpoint ...", file=sys.stderr, flush=True)
        with start_server(None, port=0, location=served) as server:
            paths = run_oxigraph(location, server.query_url, jobs, repeat=args.repeat, budget=args.budget)

        local: dict[str, Any] = {}
        if not args.no_rdflib:
            gc.collect()
            base = rss_mb()
            t = time.perf_counter()
            ds = Dataset(default_union=True)
            ds.parse(nq, format="nquads")
            out["rdflib_load"] = {"s": round(time.perf_counter() - t, 2), "rss_mb": round(rss_mb() - base)}
            print("rdflib loaded", out["rdflib_load"], file=sys.stderr, flush=True)
            local = run_rdflib(ds, queries, info, budget=args.budget)
            if args.push or args.quick:
                with start_server(None, port=0) as server:
                    t = time.perf_counter()
                    report = push(ds, server.query_url)
                    seconds = time.perf_counter() - t
                    ep = Endpoint(server.query_url, timeout=600)
                    in_default = int(ep.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0]["n"].value)
                    out["push"] = {
                        "s": round(seconds, 2),
                        "graphs": report.graphs,
                        "quads": report.triples,
                        "requests": report.requests,
                        "default_graph_triples": in_default,
                        "default_graph_is_the_union": in_default == union,
                    }
                    print("kg push", out["push"], file=sys.stderr, flush=True)
            del ds
            gc.collect()

    out["queries"] = {}
    engines = (*((e, paths[e]) for e in ENGINES), ("rdflib", local))
    ran = [e for e, results in engines if results]
    for q in queries:
        row: dict[str, Any] = {"bind": bindings_for(q.name, info)}
        for engine, results in engines:
            if q.name in results:
                row[engine] = results[q.name]
        answered = [e for e in ran if "answer" in row.get(e, {})]
        row["answered_by"] = answered
        row["same_answer"] = len({row[e]["answer"] for e in answered}) == 1
        for kg_path in ("kg_local", "kg_endpoint"):
            if "ms" in row.get("oxigraph", {}) and "ms" in row.get(kg_path, {}):
                row[f"overhead_{kg_path}"] = round(row[kg_path]["ms"] / max(row["oxigraph"]["ms"], 0.001), 2)
        out["queries"][q.name] = row
    for kg_path in ("kg_local", "kg_endpoint"):
        both = [r for r in out["queries"].values() if f"overhead_{kg_path}" in r]
        if both:
            total_ox = sum(r["oxigraph"]["ms"] for r in both)
            total_kg = sum(r[kg_path]["ms"] for r in both)
            out[f"overhead_{kg_path}"] = {
                "total": round(total_kg / total_ox, 2),
                "median": round(statistics.median(r[f"overhead_{kg_path}"] for r in both), 2),
                "queries": len(both),
            }
    out["total_s"] = round(time.perf_counter() - started, 1)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(out, indent=1) + "\n")
    print(markdown(out))


def _ms(cell: dict[str, Any] | None) -> str:
    if not cell:
        return "-"
    if "ms" not in cell:
        return f"> {cell['timeout_s']:g} s"
    ms = cell["ms"]
    return f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}"


def markdown(out: dict[str, Any]) -> str:
    g = out["graph"]
    lines = [
        f"Graph: {g['quads']:,} quads in {g['reviews']:,} review graphs ({g['union_triples']:,} distinct "
        f"triples), {g['films']:,} films, {g['families']:,} families ({g['real_families']} seeded from real "
        "remake pairs).",
        "",
    ]
    loads = [f"`kg serve` loads it (named graphs + their union as a set) in {out['serve_load_s']} s"]
    if "rdflib_load" in out:
        loads.append(f"rdflib parses it in {out['rdflib_load']['s']} s (+{out['rdflib_load']['rss_mb']:,} MB)")
    if "push" in out:
        push_ = out["push"]
        loads.append(
            f"`kg push` sends it to an empty Oxigraph server in {push_['s']} s ({push_['requests']} "
            f"requests; default graph = the union: {'yes' if push_['default_graph_is_the_union'] else 'NO'})"
        )
    lines += [
        "; ".join(loads) + ".",
        "",
        "| query | rows | pyoxigraph directly (ms) | `kg query --graph STORE` (ms) | overhead "
        "| `kg query --endpoint` (ms) | overhead | rdflib (ms) | same answer |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for name, r in out["queries"].items():
        engines = ("oxigraph", "kg_local", "kg_endpoint", "rdflib")
        rows = next((r[e]["rows"] for e in engines if "rows" in r.get(e, {})), "-")
        cells = [name, str(rows), _ms(r.get("oxigraph"))]
        for kg_path in ("kg_local", "kg_endpoint"):
            over = r.get(f"overhead_{kg_path}")
            cells += [_ms(r.get(kg_path)), "-" if over is None else f"{over:.2f}"]
        same = "-" if not r["answered_by"] else "yes" if r["same_answer"] else "NO"
        if r["same_answer"] and len(r["answered_by"]) < 4:
            same += f" ({len(r['answered_by'])} engines)"
        cells += [_ms(r.get("rdflib")), same]
        lines.append("| " + " | ".join(cells) + " |")
    notes = []
    for kg_path, label in (("kg_local", "`kg query --graph STORE`"), ("kg_endpoint", "`kg query --endpoint`")):
        if f"overhead_{kg_path}" in out:
            o = out[f"overhead_{kg_path}"]
            notes.append(f"{label} {o['total']:.2f} on the whole library's time (median {o['median']:.2f} per query)")
    lines += [
        "",
        "Overhead over pyoxigraph on the same store: " + "; ".join(notes) + f". Median of {out['repeat']} runs "
        f"after one warm-up on Oxigraph, one run on rdflib; each run bounded by {out['budget_s']:g} s.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
