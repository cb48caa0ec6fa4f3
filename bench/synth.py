"""Generated reviews for benchmarks: the team's templates filled with facts from public remake lists.

Titles and years come from the Wikipedia remake list in ``../shared/data``
(``wikipedia_remakes_wikidata/remakes.csv``; facts, with attribution in
SOURCES.md), or from a small built-in list where that is absent. People's
names are made up from syllables. Every sentence is a template written for
this project: no review text from anywhere is copied. Lengths follow the
spread of real IMDb user reviews (median about 1,100 characters).

    python bench/synth.py 200000 /tmp/reviews-200k.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = [
    ("The Quiet Harbour", 1961, "Harbour Lights", 1994),
    ("Night Train to Lisbon", 1974, "Last Train South", 2009),
    ("A Summer Apart", 1988, "Summer Apart", 2016),
    ("Red Orchard", 1952, "The Orchard", 2003),
]
SYLLABLES = "ka lo mi ren sa to vi na el da ro ju an be co fe ga hi is ol pe qu ru si ta ul ve wo ya ze".split()

OPENERS = [
    "{remake} ({ry}) is a remake of {orig} ({oy}), and it shows in every scene.",
    "I went into {remake} knowing it was based on the {oy} film {orig}.",
    "This {ry} version of {orig} tries hard to update the story for a new audience.",
    "{remake} remakes {orig} ({oy}) almost shot for shot.",
    "Having grown up with {orig}, I was curious about the {ry} remake.",
]
MIDDLES = [
    "{actor} plays {character} with real warmth, and {actor2} is a fine match as the rival.",
    "Directed by {director}, the film moves quickly but rarely stops to breathe.",
    "The score by {composer} is lovely, though it leans on the same three notes.",
    "{actor} gives a strong performance; the script gives {actor2} very little to do.",
    "The photography is crisp and the city at night looks wonderful.",
    "The second act drags, and the twist is visible from the first reel.",
    "It is not as good as the original, which had more patience with its characters.",
    "Compared with {orig}, the new version is louder, faster and a little emptier.",
    "The dialogue is sharp in places and clumsy in others.",
    "{director} keeps the camera close to the faces, which works for the quiet scenes.",
    "The supporting cast is uneven, but {actor2} steals every scene as {character2}.",
    "I liked the ending more than I expected, even if it changes the book's last chapter.",
]
CLOSERS = [
    "Worth a look if you have not seen the original. {rating}/10.",
    "Overall a decent remake, better than most. {rating}/10",
    "Skip it and watch {orig} instead. {rating}/10.",
    "A pleasant evening, nothing more. Rating: {rating} out of 10.",
]


def _pairs() -> list[tuple[str, int, str, int]]:
    data = Path(os.environ.get("KG_SHARED_DATA") or ROOT.parent / "shared" / "data")
    path = data / "wikipedia_remakes_wikidata" / "remakes.csv"
    if not path.exists():
        return FALLBACK
    pairs = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                pairs.append((row["original"], int(row["original_year"]), row["remake"], int(row["remake_year"])))
            except (KeyError, ValueError):
                continue
    return pairs or FALLBACK


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def generate(n: int, *, seed: int = 7) -> Iterator[dict[str, object]]:
    """``n`` review records (JSON Lines rows), the same for the same ``seed``.

    >>> rows = list(generate(3))
    >>> [r["id"] for r in rows]
    ['synth/000000', 'synth/000001', 'synth/000002']
    >>> all(len(str(r["text"])) > 100 for r in rows)
    True
    """
    rng = random.Random(seed)
    pairs = _pairs()
    for i in range(n):
        orig, oy, remake, ry = rng.choice(pairs)
        people = {
            "actor": _name(rng),
            "actor2": _name(rng),
            "director": _name(rng),
            "composer": _name(rng),
            "character": _name(rng).split()[0],
            "character2": _name(rng).split()[0],
        }
        rating = rng.randint(1, 10)
        facts = {"remake": remake, "ry": ry, "orig": orig, "oy": oy, "rating": rating, **people}
        target = int(min(9000, max(250, rng.lognormvariate(7.0, 0.6))))  # median ~1,100 characters
        parts = [rng.choice(OPENERS).format(**facts)]
        while sum(len(p) + 1 for p in parts) < target:
            parts.append(rng.choice(MIDDLES).format(**facts))
        parts.append(rng.choice(CLOSERS).format(**facts))
        yield {
            "id": f"synth/{i:06d}",
            "text": " ".join(parts),
            "film_title": remake,
            "film_year": ry,
            "rating": rating,
            "author": _name(rng),
            "date": f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }


def write(n: int, path: str | Path, *, seed: int = 7) -> Path:
    """Write ``n`` generated reviews to ``path`` (JSON Lines)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        for row in generate(n, seed=seed):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    write(args.n, args.out, seed=args.seed)
    print(f"wrote {args.n} reviews to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
