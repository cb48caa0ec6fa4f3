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
import json
import os
import platform
import random
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
from rdflib import Dataset, Literal, URIRef  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.server import bind_values, push, run_query, start_server  # noqa: E402
from kg.sparql import find_queries, parse_bindings, run_local  # noqa: E402
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
COUNTRIES = {"US": "United States", "FR": "France", "ES": "Spain", "DE": "Germany", "KR": "South Korea",
             "JP": "Japan", "IN": "India", "HK": "Hong Kong", "GB": "United Kingdom", "IT": "Italy",
             "NL": "Netherlands", "MX": "Mexico", "TR": "Turkey", "CN": "China"}
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

    def _name(self) -> str:
        r = self.rng
        first = "".join(r.choice(SYLLABLES) for _ in range(2)).capitalize()
        last = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3))).capitalize()
        return f"{first} {last}"

    def family(self, title: str, year: int, qid: str | None, remakes: list[tuple[str, int, str | None]]) -> None:
        r = self.rng
        country = r.choice(list(COUNTRIES))
        crew = r.sample(self.people, 6)
        original = {"title": title, "year": year, "qid": qid, "country": country, "of": None,
                    "director": crew[0], "actors": crew[1:3]}
        members = [original]
        for rtitle, ryear, rqid in remakes:
            parent = r.choice(members) if r.random() < 0.25 else original  # some remakes of remakes
            if parent["year"] >= ryear:
                parent = original
            members.append({"title": rtitle, "year": ryear, "qid": rqid,
                            "country": r.choice(list(COUNTRIES)), "of": parent,
                            "director": r.choice(crew + r.sample(self.people, 2)),
                            "actors": [r.choice(crew[1:]), r.choice(self.people)]})
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
        film = r.choice(self.films)
        self.reviewed[film["iri"]] += 1
        user = f"<{B}user/u{r.randint(1, 20000)}>"
        q.append(f"{g} <{RDF}type> <{PROV}Entity> {g} .")
        q.append(f"{g} <{PROV}wasDerivedFrom> {rev} {g} .")
        q.append(f"{g} <{FKG}extractorVersion> \"0.1.0\" {g} .")
        q.append(f"{g} <{DCT}source> {lit('bench/reviews.jsonl')} {g} .")
        body = f"Review {self.reviews} of {film['title']}: " + " ".join(r.choice(SYLLABLES) for _ in range(60))
        for p, o in [(f"<{RDF}type>", f"<{S}Review>"), (f"<{S}identifier>", lit(rid)),
                     (f"<{S}itemReviewed>", film["iri"]), (f"<{S}reviewBody>", lit(body)),
                     (f"<{S}name>", lit(f"Headline {self.reviews}")), (f"<{S}author>", user),
                     (f"<{S}datePublished>", lit(f"20{r.randint(10, 24)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}",
                                                 XSD + "date")),
                     (f"<{FKG}contentHash>", lit(f"{r.getrandbits(128):032x}")),
                     (f"<{S}reviewRating>", f"<{B}review/{rid}#rating>"),
                     (f"<{FKG}stance>", f"<{r.choice([MARL + 'Positive', MARL + 'Negative', MARL + 'Neutral', FKG + 'Mixed'])}>")]:
            q.append(f"{rev} {p} {o} {g} .")
        rating, value = f"<{B}review/{rid}#rating>", r.randint(1, 10)
        for p, o in [(f"<{RDF}type>", f"<{S}Rating>"), (f"<{S}ratingValue>", lit(value)),
                     (f"<{S}bestRating>", lit(10)), (f"<{S}worstRating>", lit(1)),
                     (f"<{FKG}ratingText>", lit(f"{value}/10"))]:
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
                perf = f"<{B}performance/{film['iri'][len(B) + 6:-1]}/{slug(name)}>"
                for p, o in [(f"<{RDF}type>", f"<{FKG}Performance>"), (f"<{FKG}inFilm>", film["iri"]),
                             (f"<{FKG}performer>", person), (f"<{FKG}character>", lit(self._name()))]:
                    q.append(f"{perf} {p} {o} {g} .")
            # an opinion about the person
            n += 1
            op = f"<{B}opinion/{rid}/{n}>"
            polarity = r.choice(["Positive", "Negative"])
            for p, o in [(f"<{RDF}type>", f"<{MARL}Opinion>"), (f"<{MARL}extractedFrom>", rev),
                         (f"<{PROV}wasDerivedFrom>", rev), (f"<{MARL}describesObject>", person),
                         (f"<{MARL}describesFeature>", lit(r.choice(FEATURES))),
                         (f"<{MARL}hasPolarity>", f"<{MARL}{polarity}>"),
                         (f"<{MARL}polarityValue>", lit(round(r.uniform(0.1, 1.0) * (1 if polarity == 'Positive' else -1), 2))),
                         (f"<{MARL}opinionText>", lit("words " + str(n))), (f"<{NIF}beginIndex>", lit(10 * n)),
                         (f"<{NIF}endIndex>", lit(10 * n + 8)), (f"<{NIF}anchorOf>", lit("words " + str(n))),
                         (f"<{FKG}confidence>", lit(round(r.uniform(0.4, 1.0), 2)))]:
                q.append(f"{op} {p} {o} {g} .")
        original = film["of"]
        if original is not None:
            self._film(q, g, original)
            q.append(f"{film['iri']} <{FKG}remakeOf> {original['iri']} {g} .")
            st = f"<{B}statement/{rid}/1>"
            for p, o in [(f"<{RDF}type>", f"<{FKG}Statement>"), (f"<{RDF}subject>", film["iri"]),
                         (f"<{RDF}predicate>", f"<{FKG}remakeOf>"), (f"<{RDF}object>", original["iri"]),
                         (f"<{PROV}wasDerivedFrom>", rev), (f"<{NIF}beginIndex>", lit(20)),
                         (f"<{NIF}endIndex>", lit(31)), (f"<{NIF}anchorOf>", lit("a remake of")),
                         (f"<{FKG}confidence>", lit(round(r.uniform(0.5, 1.0), 2)))]:
                q.append(f"{st} {p} {o} {g} .")
            cmp_ = f"<{B}comparison/{rid}/1>"
            verdict = r.choice(["Better", "Worse", "Worse", "Equal", "Mixed"])
            for p, o in [(f"<{RDF}type>", f"<{FKG}Comparison>"), (f"<{PROV}wasDerivedFrom>", rev),
                         (f"<{FKG}film>", film["iri"]), (f"<{FKG}versus>", original["iri"]),
                         (f"<{FKG}verdict>", f"<{FKG}{verdict}>"), (f"<{NIF}beginIndex>", lit(40)),
                         (f"<{NIF}endIndex>", lit(52)), (f"<{NIF}anchorOf>", lit("it is worse")),
                         (f"<{FKG}confidence>", lit(0.7))]:
                q.append(f"{cmp_} {p} {o} {g} .")
            mention = f"<{B}mention/{rid}/60-70>"
            for p, o in [(f"<{RDF}type>", f"<{FKG}Mention>"), (f"<{FKG}refersTo>", original["iri"]),
                         (f"<{PROV}wasDerivedFrom>", rev), (f"<{NIF}beginIndex>", lit(60)),
                         (f"<{NIF}endIndex>", lit(70)), (f"<{NIF}anchorOf>", lit(original["title"]))]:
                q.append(f"{mention} {p} {o} {g} .")


def generate(target: int, path: Path, *, seed: int = 7) -> dict[str, Any]:
    gen = Generator(seed)
    pairs = Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data")) / "wikipedia_remakes_wikidata" / "remakes.csv"
    real = 0
    if pairs.is_file():
        by_original: dict[tuple[str, int, str], list[tuple[str, int, str | None]]] = {}
        with pairs.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    key = (row["original"], int(row["original_year"]), row["original_wikidata_id"])
                    by_original.setdefault(key, []).append((row["remake"], int(row["remake_year"]),
                                                            row["remake_wikidata_id"] or None))
                except ValueError:
                    continue
        for (title, year, qid), remakes in by_original.items():
            gen.family(title, year, qid or None, remakes)
            real += 1
    families = max(1, target // 500)  # about 500 triples per family (5 films, 5 reviews each)
    for i in range(max(0, families - real)):
        year = gen.rng.randint(1930, 2005)
        remakes = [(f"{gen._name().split()[0]} {i}-{k}", year + gen.rng.randint(2, 18) * (k + 1), None)
                   for k in range(gen.rng.choice([1, 1, 2, 2, 3, 4]))]
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
    return {"quads": total, "reviews": gen.reviews, "films": len(gen.films), "families": len(originals),
            "real_families": real, "family": biggest[1 + len(B):-1], "remake": remake["iri"][1 + len(B):-1],
            "person": "person/" + slug(remake["director"])}


def bindings_for(name: str, info: dict[str, Any]) -> list[str]:
    return {
        "remakes": [f"film={info['family']}"], "original": [f"film={info['remake']}"],
        "family": [f"film={info['remake']}"], "credits": [f"film={info['remake']}"],
        "film-reviews": [f"film={info['remake']}"], "find-film": ["title=night"],
        "review": ["id=bench/77"], "opinions-about": [f"person={info['person']}"],
        "verdicts": [f"family={info['family']}"], "remake-gap": [f"original={info['family']}"],
        "claims": ["min_confidence=0.95"],
    }.get(name, [])


class Timeout(BaseException):  # not an Exception: rdflib must not swallow it
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout()


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="about 20,000 triples: runs in seconds")
    ap.add_argument("--budget", type=float, default=120.0, help="seconds allowed per rdflib query")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-server", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "queries.json"))
    args = ap.parse_args()
    target = 20_000 if args.quick else args.triples
    out: dict[str, Any] = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                       "platform": platform.platform()}, "queries": {}}
    with tempfile.TemporaryDirectory() as tmp:
        nq = Path(tmp) / "bench.nq"
        t = time.perf_counter()
        info = generate(target, nq)
        out["graph"] = {**info, "generate_s": round(time.perf_counter() - t, 2), "bytes": nq.stat().st_size}
        print(f"generated {info['quads']} quads, {info['reviews']} reviews, {info['families']} families", file=sys.stderr)

        base = rss_mb()
        t = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(nq, format="nquads")
        out["rdflib_load"] = {"s": round(time.perf_counter() - t, 2), "rss_mb": round(rss_mb() - base)}
        print("rdflib loaded", out["rdflib_load"], file=sys.stderr)

        base = rss_mb()
        t = time.perf_counter()
        store = ox.Store()
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        out["oxigraph_load"] = {"s": round(time.perf_counter() - t, 2), "rss_mb": round(rss_mb() - base)}
        print("oxigraph loaded", out["oxigraph_load"], file=sys.stderr)

        queries = find_queries()
        signal.signal(signal.SIGALRM, _alarm)
        for q in queries:
            print(q.name, "...", file=sys.stderr, flush=True)
            bound = parse_bindings(bindings_for(q.name, info), q)
            row: dict[str, Any] = {"bind": bindings_for(q.name, info)}
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.budget)
            try:
                table = run_local(q, ds, bindings=bound)
                row["rdflib_ms"] = round((time.perf_counter() - t) * 1000, 1)
                row["rows"] = len(table.rows)
            except Timeout:
                row["rdflib_ms"] = None
                row["rdflib_timeout_s"] = args.budget
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            text = bind_values(q.text, bound)  # as on a server (substitutions need projected variables)
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                n = len(list(store.query(text, use_default_graph_as_union=True)))
                times.append((time.perf_counter() - t) * 1000)
            row["oxigraph_ms"] = round(statistics.median(times), 2)
            row["oxigraph_rows"] = n
            out["queries"][q.name] = row
            print(q.name, row, file=sys.stderr)
        del ds
        gc.collect()

        if not args.no_server:
            with start_server(None, port=0) as server:
                ds2 = Dataset(default_union=True)
                ds2.parse(nq, format="nquads")
                t = time.perf_counter()
                report = push(ds2, server.query_url)
                out["server_push"] = {"s": round(time.perf_counter() - t, 2), "graphs": report.graphs,
                                      "triples": report.triples, "requests": report.requests}
                print("pushed", out["server_push"], file=sys.stderr)
                del ds2
                gc.collect()
                for q in queries:
                    times = []
                    for _ in range(args.repeat):
                        t = time.perf_counter()
                        table = run_query(q.name, endpoint=server.query_url, bind=bindings_for(q.name, info),
                                          timeout=600)
                        times.append((time.perf_counter() - t) * 1000)
                    out["queries"][q.name]["server_ms"] = round(statistics.median(times), 2)
                    out["queries"][q.name]["server_rows"] = len(table.rows)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    if args.quick and args.out == str(ROOT / "bench" / "results" / "queries.json"):
        args.out = str(ROOT / "bench" / "results" / "queries-quick.json")
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    print(markdown(out))


def markdown(out: dict[str, Any]) -> str:
    g = out["graph"]
    lines = [f"Graph: {g['quads']:,} quads in {g['reviews']:,} review graphs, {g['films']:,} films, "
             f"{g['families']:,} families ({g['real_families']} seeded from real remake pairs).", "",
             f"Load: rdflib {out['rdflib_load']['s']} s (+{out['rdflib_load']['rss_mb']} MB), "
             f"Oxigraph {out['oxigraph_load']['s']} s (+{out['oxigraph_load']['rss_mb']} MB)"
             + (f"; `kg push` to an Oxigraph server {out['server_push']['s']} s "
                f"({out['server_push']['requests']} requests)" if "server_push" in out else "") + ".", "",
             "| query | rows | rdflib (ms) | Oxigraph in-process (ms) | Oxigraph server via kg (ms) |",
             "|---|---:|---:|---:|---:|"]
    for name, r in out["queries"].items():
        rd = f"{r['rdflib_ms']:,}" if r.get("rdflib_ms") is not None else f"> {r['rdflib_timeout_s']:g} s"
        rows = r.get("rows", r["oxigraph_rows"])
        same = "" if r.get("rows") in (None, r["oxigraph_rows"]) else f" (Oxigraph {r['oxigraph_rows']})"
        lines.append(f"| {name} | {rows}{same} | {rd} | {r['oxigraph_ms']:,} | {r.get('server_ms', '-')} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
