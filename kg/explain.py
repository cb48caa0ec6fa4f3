"""What one review became: its claims with their evidence, as text or JSON (``kg extract``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from kg.model import Extraction, Film, Links, Mention, Polarity

__all__ = ["explain", "to_json"]

_VERDICT = {"better": "better than", "worse": "worse than", "equal": "as good as", "mixed": "mixed against"}
_SIGN = {Polarity.POSITIVE: "+", Polarity.NEGATIVE: "-", Polarity.MIXED: "±", Polarity.NEUTRAL: "0"}


def _film(x: Extraction, key: str) -> str:
    f = x.film(key)
    return f"{f.title} ({f.year})" if f.year else f.title


def _name(x: Extraction, key: str) -> str:
    try:
        return _film(x, key)
    except KeyError:
        return x.person(key).name


def _number(value: float | str) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _quote(m: Mention, width: int = 70) -> str:
    text = " ".join(m.text.split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return f'"{text}" @{m.start}-{m.end}'


def _identity(f: Film, links: Links | None) -> str:
    link = links.get(f.key) if links else None
    if link is None:
        return " (unlinked)" if links and links.catalog else ""
    ids = [i for i in (link.entity.wikidata and f"wd:{link.entity.wikidata}", link.entity.imdb) if i]
    return f" = {link.entity.key}" + (f" [{', '.join(ids)}]" if ids else "")


def explain(x: Extraction, links: Links | None = None) -> list[str]:
    """The claims of one extraction as aligned lines: kind, claim, confidence, evidence.

    Examples
    --------
    >>> from kg.model import Review
    >>> explain(Extraction(review=Review(id="r1", text="Fine.")))[0]
    'review r1'
    """
    rv = x.review
    lines = [f"review {rv.id}" + (f"  ({rv.source}:{rv.line})" if rv.source else "")]

    def add(kind: str, claim: str, confidence: float | None = None, evidence: Mention | None = None) -> None:
        conf = f"{confidence:.2f}" if confidence is not None else "    "
        lines.append(f"  {kind:11} {claim:52} {conf}  {_quote(evidence) if evidence else ''}".rstrip())

    if x.reviewed_film:
        add("reviewed", _film(x, x.reviewed_film))
    if x.rating is not None:
        r = x.rating
        add("rating", f"{_number(r.value)} of {_number(r.best)} (as written: {r.text})", None, r.evidence)
    if x.stance is not None:
        add("stance", x.stance.value, x.stance_confidence)
    for f in x.films:
        aka = f" aka {', '.join(f.aka)}" if f.aka else ""
        where = f" [{', '.join(f.countries)}]" if f.countries else ""
        add("film", f"{_film(x, f.key)}{aka}{where}{_identity(f, links)}", None, f.mentions[0] if f.mentions else None)
    for rel in x.relations:
        add("remake", f"{_film(x, rel.source)} remake of {_film(x, rel.target)}", rel.confidence, rel.evidence)
    for c in x.credits:
        part = f" as {c.character}" if c.character else ""
        add(
            "credit", f"{x.person(c.person).name}: {c.role.value} of {_film(x, c.film)}{part}", c.confidence, c.evidence
        )
    for o in x.opinions:
        feature = f" ({o.feature})" if o.feature else ""
        add("opinion", f"{_SIGN[o.polarity]} {_name(x, o.target)}{feature}", o.confidence, o.evidence)
    for cmp in x.comparisons:
        verdict = f"{_film(x, cmp.film)} {_VERDICT[cmp.verdict.value]} {_film(x, cmp.versus)}"
        add("comparison", verdict, cmp.confidence, cmp.evidence)
    return lines


def to_json(x: Extraction, links: Links | None = None) -> dict[str, Any]:
    """The extraction (and its links) as plain JSON-able data."""
    data = asdict(x)
    data["links"] = {lk.key: asdict(lk.entity) for lk in (*links.films, *links.people)} if links else {}
    plain: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return plain
