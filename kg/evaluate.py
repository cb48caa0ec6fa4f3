"""Scoring a built graph against gold annotations (``shared/data/gold/FORMAT.md``).

Films, remakes, people and characters are facts about the world: the gold
facts of all reviews (deduplicated) are matched one to one against the
graph's facts. Comparisons and opinions belong to one review and are matched
review by review, then summed. Precision, recall and F1 are micro-averaged;
rating and stance are accuracies. The numbers agree with the reference
scorer ``shared/tools/score_graph.py`` (a test checks it).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import InputError
from kg.vocab import FKG, MARL, PROV, SCHEMA, fold, fold_title

__all__ = ["FIELDS", "format_errors", "format_scores", "read_gold", "score"]

FIELDS = ("films", "remakes", "remakes_dated", "people", "characters", "comparisons", "opinions")
_POLARITY: dict[Node, str] = {
    MARL.Positive: "positive",
    MARL.Negative: "negative",
    MARL.Neutral: "neutral",
    FKG.Mixed: "mixed",
}
_VERDICT: dict[Node, str] = {FKG.Better: "better", FKG.Worse: "worse", FKG.Equal: "equal", FKG.Mixed: "mixed"}
_FLIP = {"better": "worse", "worse": "better", "equal": "equal", "mixed": "mixed"}
_ROLES = (
    ("actor", SCHEMA.actor),
    ("director", SCHEMA.director),
    ("writer", SCHEMA.author),
    ("producer", SCHEMA.producer),
    ("composer", SCHEMA.musicBy),
)

Gold = dict[str, Any]


def read_gold(path: str | Path) -> list[Gold]:
    """The gold annotations in a JSON Lines file."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise InputError(f"broken JSON: {err.msg} (column {err.colno})", path=path, line=n) from err
    return rows


def _year(value: object) -> int | None:
    m = re.match(r"\s*(\d{4})", str(value)) if value is not None else None
    return int(m.group(1)) if m else None


def _ref_key(ref: Gold) -> tuple[str, object]:
    return (fold_title(ref["title"]), ref.get("year"))


def _dedupe(items: Iterable[Any], key: Callable[[Any], object]) -> list[Any]:
    seen: set[object] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _pairs(gold: Sequence[Any], system: Sequence[Any], ok: Callable[[Any, Any], bool]) -> dict[int, int]:
    """A maximum one-to-one matching (augmenting paths): system index -> gold index."""
    edges = [[k for k, s in enumerate(system) if ok(g, s)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for k in edges[i]:
            if k not in seen:
                seen.add(k)
                if k not in owner or augment(owner[k], seen):
                    owner[k] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return owner


def _prf(tp: int, n_gold: int, n_sys: int) -> dict[str, float | int]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "tp": tp,
        "gold": n_gold,
        "system": n_sys,
    }


class _Facts:
    """The facts of a graph, in the shapes the gold uses."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        nodes = (
            set(g.subjects(RDF.type, SCHEMA.Movie)) | set(g.subjects(FKG.remakeOf)) | set(g.objects(None, FKG.remakeOf))
        )
        self.films: dict[Node, tuple[set[str], int | None]] = {}
        for f in nodes:
            names = {fold_title(str(n)) for p in (SCHEMA.name, SCHEMA.alternateName) for n in g.objects(f, p)}
            years = [_year(y) for y in g.objects(f, SCHEMA.datePublished)]
            self.films[f] = (names, next((y for y in years if y), None))
        people = set(g.subjects(RDF.type, SCHEMA.Person)) | set(g.objects(None, FKG.performer))
        self.people = {p: {fold(str(n)) for n in g.objects(p, SCHEMA.name)} for p in people}
        self.reviews: dict[str, Node] = {}
        for r in g.subjects(RDF.type, SCHEMA.Review):
            for ident in g.objects(r, SCHEMA.identifier):
                self.reviews.setdefault(str(ident), r)

    def film_matches(self, node: Node, ref: Gold, *, strict: bool = False) -> bool:
        names, year = self.films.get(node, (set(), None))
        titles = {fold_title(ref["title"])} | {fold_title(a) for a in ref.get("aka", [])}
        if not names & titles:
            return False
        if ref.get("year") is None:
            return True
        return year == int(ref["year"]) if strict else year is None or year == int(ref["year"])

    def person_matches(self, node: Node, name: str) -> bool:
        return fold(name) in self.people.get(node, set())

    def credits(self) -> list[tuple[Node, str, Node, str | None]]:
        g, out = self.g, []
        for perf in g.subjects(RDF.type, FKG.Performance):
            for p in g.objects(perf, FKG.performer):
                for f in g.objects(perf, FKG.inFilm):
                    chars: list[str | None] = [str(c) for c in g.objects(perf, FKG.character)] or [None]
                    out += [(p, "actor", f, c) for c in chars]
        acted = {(p, f) for p, _, f, _ in out}
        for role, pred in _ROLES:
            for f, p in g.subject_objects(pred):
                if p in self.people and f in self.films and not (role == "actor" and (p, f) in acted):
                    out.append((p, role, f, None))
        return out

    def comparisons(self, review: Node | None) -> list[tuple[Node, Node, str]]:
        if review is None:
            return []
        g, out = self.g, []
        for c in g.subjects(RDF.type, FKG.Comparison):
            if (c, PROV.wasDerivedFrom, review) in g:
                for a in g.objects(c, FKG.film):
                    for b in g.objects(c, FKG.versus):
                        out += [(a, b, _VERDICT.get(v, str(v))) for v in g.objects(c, FKG.verdict)]
        return out

    def opinions(self, review: Node | None) -> list[tuple[Node, str]]:
        if review is None:
            return []
        g = self.g
        by_target: dict[Node, set[str]] = defaultdict(set)
        for o in g.subjects(RDF.type, MARL.Opinion):
            if (o, MARL.extractedFrom, review) in g:
                for t in g.objects(o, MARL.describesObject):
                    by_target[t].update(_POLARITY.get(p, str(p)) for p in g.objects(o, MARL.hasPolarity))
        out = []
        for t, pols in by_target.items():
            if len(pols) > 1:
                pols.discard("neutral")
            out.append((t, pols.pop() if len(pols) == 1 else "mixed"))
        return out


def _rating_ok(g: Graph, review: Node, gold: Gold) -> bool:
    gv, gb = gold["value"], gold.get("best")
    for node in g.objects(review, SCHEMA.reviewRating):
        v, b = g.value(node, SCHEMA.ratingValue), g.value(node, SCHEMA.bestRating)
        try:
            if gb is None:
                same = abs(float(str(v)) - float(gv)) < 0.011
            else:
                same = abs(float(str(v)) / float(str(b) if b is not None else 10) - float(gv) / float(gb)) < 0.011
        except (TypeError, ValueError):
            same = fold(str(v)) == fold(str(gv))
        if same:
            return True
    return False


_Spec = tuple[str, str | None, list[Any], list[Any], Callable[[Any, Any], bool]]


def _specs(gold_rows: Sequence[Gold], facts: _Facts) -> Iterator[_Spec]:
    """Per field: (field, review id or ``None`` for facts about the world, gold items, system items, match test)."""
    fm = facts.film_matches
    yield (
        "films",
        None,
        _dedupe([f for r in gold_rows for f in r["films"]], _ref_key),
        list(facts.films),
        (lambda gx, node: fm(node, gx)),
    )
    gold_remakes = _dedupe(
        [x for r in gold_rows for x in r["remakes"]], lambda x: (_ref_key(x["remake"]), _ref_key(x["original"]))
    )
    remakes = list(facts.g.subject_objects(FKG.remakeOf))
    yield "remakes", None, gold_remakes, remakes, lambda gx, s: fm(s[0], gx["remake"]) and fm(s[1], gx["original"])
    yield (
        "remakes_dated",
        None,
        gold_remakes,
        remakes,
        (lambda gx, s: fm(s[0], gx["remake"], strict=True) and fm(s[1], gx["original"], strict=True)),
    )

    credits = facts.credits()
    gold_people = _dedupe(
        [x for r in gold_rows for x in r["people"]], lambda x: (fold(x["name"]), x["role"], _ref_key(x["film"]))
    )
    yield (
        "people",
        None,
        gold_people,
        _dedupe(credits, lambda c: c[:3]),
        (lambda gx, c: gx["role"] == c[1] and facts.person_matches(c[0], gx["name"]) and fm(c[2], gx["film"])),
    )

    def char_ok(gx: Gold, c: tuple[Node, str, Node, str]) -> bool:
        if not (c[1] == "actor" and facts.person_matches(c[0], gx["name"]) and fm(c[2], gx["film"])):
            return False
        a, b = set(fold(gx["character"]).split()), set(fold(c[3]).split())
        return bool(a and b) and len(a & b) / len(a | b) >= 0.5

    gold_chars = _dedupe(
        [x for r in gold_rows for x in r["people"] if x.get("character")],
        lambda x: (fold(x["name"]), _ref_key(x["film"]), fold(x["character"])),
    )
    yield (
        "characters",
        None,
        gold_chars,
        _dedupe([c for c in credits if c[3]], lambda c: (c[0], c[2], fold(str(c[3])))),
        char_ok,
    )

    def cmp_ok(gx: Gold, sx: tuple[Node, Node, str]) -> bool:
        a, b, v = sx
        if fm(a, gx["film"]) and fm(b, gx["versus"]):
            return bool(v == gx["verdict"])
        if fm(b, gx["film"]) and fm(a, gx["versus"]):
            return bool(_FLIP.get(v) == gx["verdict"])
        return False

    def op_ok(gx: Gold, sx: tuple[Node, str]) -> bool:
        t, pol = sx
        if pol != gx["polarity"]:
            return False
        if t in facts.people and facts.person_matches(t, gx["target"]):
            return True
        return bool(t in facts.films and fm(t, {"title": gx["target"], "year": gx.get("year")}))

    for r in gold_rows:
        node = facts.reviews.get(r["review"])
        yield "comparisons", r["review"], list(r["comparisons"]), facts.comparisons(node), cmp_ok
        yield "opinions", r["review"], list(r.get("opinions", [])), facts.opinions(node), op_ok


def score(gold_rows: Sequence[Gold], g: Graph, *, errors: bool = False) -> dict[str, Any]:
    """Precision, recall and F1 per field, and rating and stance accuracy, of ``g`` against the gold.

    With ``errors``, ``res["errors"]`` lists per field the gold facts the graph misses and the
    graph's facts the gold does not hold, as readable lines.

    Examples
    --------
    >>> score([], Graph())["films"]["f1"]
    0.0
    """
    facts = _Facts(g)
    totals: dict[str, list[int]] = {name: [0, 0, 0] for name in FIELDS}
    found_errors: dict[str, dict[str, list[str]]] = {name: {"missed": [], "extra": []} for name in FIELDS}
    for name, review, gold, system, ok in _specs(gold_rows, facts):
        owner = _pairs(gold, system, ok)
        for i, n in enumerate((len(owner), len(gold), len(system))):
            totals[name][i] += n
        if errors and name != "remakes_dated":
            where = f"{review}: " if review else ""
            matched = set(owner.values())
            found_errors[name]["missed"] += [
                where + _show_gold(name, x) for i, x in enumerate(gold) if i not in matched
            ]
            found_errors[name]["extra"] += [
                where + _show_fact(name, x, g) for k, x in enumerate(system) if k not in owner
            ]
    res: dict[str, Any] = {name: _prf(*totals[name]) for name in FIELDS}
    n_rating = ok_rating = n_stance = ok_stance = found = 0
    for r in gold_rows:
        node = facts.reviews.get(r["review"])
        found += node is not None
        if r.get("rating"):
            n_rating += 1
            ok_rating += node is not None and _rating_ok(g, node, r["rating"])
        if r.get("polarity"):
            n_stance += 1
            ok_stance += node is not None and r["polarity"] in {_POLARITY.get(s) for s in g.objects(node, FKG.stance)}
    res["reviews_found"] = {"found": found, "gold": len(gold_rows)}
    res["rating_accuracy"] = {"accuracy": round(ok_rating / n_rating, 3) if n_rating else None, "n": n_rating}
    res["stance_accuracy"] = {"accuracy": round(ok_stance / n_stance, 3) if n_stance else None, "n": n_stance}
    res["triples"] = len(g)
    if errors:
        res["errors"] = {name: e for name, e in found_errors.items() if name != "remakes_dated"}
    return res


def _ref(ref: Gold) -> str:
    return f"{ref['title']} ({ref.get('year') or '?'})"


def _show_gold(field: str, x: Gold) -> str:
    """A gold fact as a line: "Hard Hit (2021) remake of El desconocido (2015)"."""
    if field == "films":
        return _ref(x)
    if field == "remakes":
        return f"{_ref(x['remake'])} remake of {_ref(x['original'])}"
    if field in ("people", "characters"):
        part = f" as {x['character']}" if field == "characters" else ""
        return f"{x['name']}: {x['role']} of {_ref(x['film'])}{part}"
    if field == "comparisons":
        return f"{_ref(x['film'])} {x['verdict']} against {_ref(x['versus'])}"
    return f"{x['polarity']} of {x['target']}"


def _show_fact(field: str, x: Any, g: Graph) -> str:
    """A fact of the graph as a line, with names and years as the graph gives them."""

    def name(node: Node) -> str:
        label = g.value(node, SCHEMA.name)
        year = g.value(node, SCHEMA.datePublished)
        return f"{label} ({str(year)[:4]})" if year is not None else str(label)

    if field == "films":
        return name(x)
    if field == "remakes":
        return f"{name(x[0])} remake of {name(x[1])}"
    if field in ("people", "characters"):
        part = f" as {x[3]}" if field == "characters" else ""
        return f"{name(x[0])}: {x[1]} of {name(x[2])}{part}"
    if field == "comparisons":
        return f"{name(x[0])} {x[2]} against {name(x[1])}"
    return f"{x[1]} of {name(x[0])}"


def format_scores(res: dict[str, Any]) -> list[str]:
    """The scores as an aligned table, one line per field."""
    lines = [f"{'field':16} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'gold':>5} {'system':>6}"]
    for name in FIELDS:
        s = res[name]
        lines.append(
            f"{name:16} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['tp']:5} {s['gold']:5} {s['system']:6}"
        )
    for name in ("rating_accuracy", "stance_accuracy"):
        acc = res[name]["accuracy"]
        lines.append(f"{name:16} {'-' if acc is None else f'{acc:.3f}':>9}  (n={res[name]['n']})")
    found = res["reviews_found"]
    lines.append(f"{'reviews found':16} {found['found']}/{found['gold']}")
    return lines


def format_errors(res: dict[str, Any]) -> list[str]:
    """The errors of :func:`score` (with ``errors=True``): per field, what the graph missed, then what it adds."""
    lines = []
    for name, found in res.get("errors", {}).items():
        for kind, sign in (("missed", "-"), ("extra", "+")):
            lines += [f"{name:12} {sign} {line}" for line in sorted(found[kind])]
    return lines
