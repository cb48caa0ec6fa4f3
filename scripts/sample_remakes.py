"""Draw remake links from a build, to check them by hand.

Reads a build's TriG, takes its distinct remake links (remake, original), shuffles
them with a seed and prints the first N, each with the review that states it, the
words around its evidence and that review's ``ground_truth_relations`` (a hint
only: the pair lists miss many true remakes)::

    kg build ../shared/data/aclimdb_remake_reviews/reviews.jsonl -o /tmp/all --no-pages
    python scripts/sample_remakes.py /tmp/all/kg.trig ../shared/data/aclimdb_remake_reviews/reviews.jsonl --seed 31337

The words come from the reviews at run time; nothing of them is kept.
"""

from __future__ import annotations

import argparse
import json
import random

from rdflib.namespace import RDF

from kg.store import read_graph
from kg.vocab import FKG, NIF, PROV, SCHEMA


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trig")
    ap.add_argument("reviews", help="the JSON Lines file the build read (for ground_truth_relations)")
    ap.add_argument("--seed", type=int, default=31337)
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()
    hints = {}
    with open(args.reviews, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            hints[row.get("review_id") or row.get("id")] = row.get("ground_truth_relations", "")
    g = read_graph(args.trig)

    def name(film: object) -> str:
        return f"{g.value(film, SCHEMA.name)} ({g.value(film, SCHEMA.datePublished)})"

    links: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for st in g.subjects(RDF.predicate, FKG.remakeOf):
        s, o, review = g.value(st, RDF.subject), g.value(st, RDF.object), g.value(st, PROV.wasDerivedFrom)
        rid = str(g.value(review, SCHEMA.identifier))
        body = str(g.value(review, SCHEMA.reviewBody))
        b, e = int(g.value(st, NIF.beginIndex)), int(g.value(st, NIF.endIndex))
        words = " ".join(body[max(0, b - 200) : e + 200].split())
        links.setdefault((str(s), str(o)), []).append((rid, name(s), name(o), words, hints.get(rid, "")))
    keys = sorted(links)
    print(f"{len(keys)} remake links")
    random.Random(args.seed).shuffle(keys)
    for key in keys[: args.n]:
        print(json.dumps(sorted(links[key])[0], ensure_ascii=False))


if __name__ == "__main__":
    main()
