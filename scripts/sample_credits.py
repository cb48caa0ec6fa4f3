"""Draw credits that the catalog step (kg.link.people) adds, to check them by hand.

Reads every review of the inputs, extracts and completes the remake links as a
build does, then completes the people from the catalog, and prints a random
sample of the credits that step added, with the words around each mention::

    python scripts/sample_credits.py ../shared/data/aclimdb_remake_reviews/reviews.jsonl --seed 7 -n 25

The words come from the reviews at run time; nothing of them is kept.
"""

from __future__ import annotations

import argparse
import json
import random

from kg.extract import extract
from kg.link import link, load_catalog
from kg.link.linking import resolve_remakes
from kg.link.people import complete_people
from kg.reviews import read_reviews


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-n", type=int, default=25)
    args = ap.parse_args()
    catalog = load_catalog()
    new, more = [], []  # credits of people the extractors left without one; further credits of people with one
    for review in read_reviews(args.inputs):
        x = resolve_remakes(extract(review), catalog)
        y = complete_people(x, link(x, catalog), catalog)
        before = {(c.person, c.film, c.role) for c in x.credits}
        credited = {c.person for c in x.credits}
        for c in y.credits:
            if (c.person, c.film, c.role) in before:
                continue
            film, text, ev = y.film(c.film), review.text, c.evidence
            row = {
                "review": review.id,
                "person": y.person(c.person).name,
                "role": c.role.value,
                "film": f"{film.title} ({film.year})",
                "words": ev.text,
                "confidence": c.confidence,
                "context": " ".join(text[max(0, ev.start - 80) : ev.end + 80].split()),
            }
            (more if c.person in credited else new).append(row)
    print(f"credits added: {len(new)} to people with none, {len(more)} to people with one")
    rng = random.Random(args.seed)
    for name, rows in (("to people with none", new), ("to people with one", more)):
        print(f"--- {name}")
        for row in rng.sample(rows, min(args.n, len(rows))):
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
