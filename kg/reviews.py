"""Reading reviews: every input shape of DESIGN.md, read into :class:`kg.model.Review`.

Shapes:

- a text file of one review (``.txt``, ``.md``, ``.review``): an IMDb user-review
  page as copied from a browser (``Title (YYYY)``, ``N/10``, headline, date,
  body, ``N out of M found this helpful``, page furniture), or plain text with
  an optional header of ``key: value`` lines ended by a ``---`` line, or plain
  text alone; its id is the file's stem;
- JSON Lines (``.jsonl``, ``.ndjson``) and CSV (``.csv``, ``.tsv``) of many
  reviews: ``id`` (or ``review_id``), ``text`` and any of :data:`FIELDS`; every
  other field is ignored, never read;
- a folder of any of these, read recursively in sorted order; ``-`` for standard input.

Bad input is an :class:`~kg.model.InputProblem` (``path:line: what is wrong``)
passed to ``on_problem``: the record is skipped (or, for an impossible metadata
value, the field is dropped and the review kept) and reading goes on; with
``strict=True`` the first problem raises :class:`~kg.errors.InputError`.
Memory stays bounded: no line, record or file of more than
:data:`MAX_RECORD_BYTES` is held whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import math
import os
import re
import sys
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.model import InputProblem, Review

__all__ = ["FIELDS", "MAX_FIELD_CHARS", "MAX_RECORD_BYTES", "parse_review", "read_reviews"]

log = logging.getLogger(__name__)

FIELDS = ("film_title", "film_year", "rating", "rating_best", "author", "date", "headline", "url", "imdb_id")
MAX_RECORD_BYTES = 1 << 20  # one review text, JSON line or CSV record
MAX_FIELD_CHARS = 500  # one metadata value (a URL may have 2,000)
MAX_ID_CHARS = 200
YEARS = range(1870, 2101)
TEXT_SUFFIXES = frozenset({".txt", ".md", ".review"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
_NOT_REVIEWS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "sources"})
_HEADER_ALIASES = {"title": "film_title", "film": "film_title", "year": "film_year", "review_id": "id"}
_SNIFF_BYTES = 8192
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])

Report = Callable[[InputProblem], None]

_NUM = r"[+-]?\d+(?:\.\d+)?"
_FRACTION = re.compile(rf"({_NUM})\s*(?:/|out of)\s*({_NUM})", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DMY = rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})"
_MDY = rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
_DATE_FORMS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*(?:Z|[+-]\d\d:?\d\d)?)?"), (1, 2, 3)),
    (re.compile(_DMY, re.IGNORECASE), (3, 2, 1)),
    (re.compile(_MDY, re.IGNORECASE), (3, 1, 2)),
)
_DATE_AT_END = re.compile(rf"(?:{_DMY}|{_MDY})$", re.IGNORECASE)
_TITLE_LINE = re.compile(r"(.+?)\s+\((\d{4})(?:\s*[-\u2013]\s*\d{0,4})?\s*\)")
_SCORE_LINE = re.compile(r"\d{1,3}(?:\.\d)?\s*/\s*10")
_HELPFUL = re.compile(r"\d[\d,]*\s+out\s+of\s+\d[\d,]*\s+found\s+this\s+helpful", re.IGNORECASE)
_FURNITURE = frozenset({"permalink", "recently viewed", "was this review helpful? sign in to vote."})
_SPOILERS = "warning: spoilers"
_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_ -]{0,39}?)\s*:(?:\s+(.*)|)")
_BREAK = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class _Skip(Exception):
    """A record that cannot be read: reported, then skipped (never escapes this module)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Bad(Exception):
    """A metadata value that cannot be right: reported and dropped."""


class _Stream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...
    def readline(self, size: int = -1, /) -> bytes: ...


class _Joined:
    """``head`` (bytes already read, to sniff the format) followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: _Stream) -> None:
        self._head = io.BytesIO(head)
        self._stream = stream

    def read(self, size: int = -1, /) -> bytes:
        data = self._head.read(size)
        if size < 0:
            return data + self._stream.read()
        return data + self._stream.read(size - len(data)) if len(data) < size else data

    def readline(self, size: int = -1, /) -> bytes:
        data = self._head.readline(size)
        if data.endswith(b"\n") or (size >= 0 and len(data) >= size):
            return data
        return data + self._stream.readline(size - len(data) if size >= 0 else -1)


@dataclass(frozen=True, slots=True)
class _Line:
    no: int  # 1-based line number
    offset: int  # byte offset of the line in the file
    data: bytes  # with its line end; empty when the line is over the limit
    size: int


def _warn(problem: InputProblem) -> None:
    log.warning("%s", problem)


def _show(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "\u2026")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else "a string"


# -- one review as text --------------------------------------------------------------------------


def parse_review(text: str, *, id: str, source: str = "", line: int = 1, on_problem: Report | None = None) -> Review:
    """The review in ``text``, the whole text of one file, in whichever shape it is.

    Parameters
    ----------
    text : str
        An IMDb review page as copied from a browser, a plain text with an
        optional ``key: value`` header ended by ``---``, or a plain text.
    id : str
        The review's id (a file's stem); a header's ``id`` overrides it.
    source, line : str, int
        Where the text was read; problems and the review say so.
    on_problem : callable, optional
        Called with each impossible metadata value, which is dropped (default: a logged warning).

    Returns
    -------
    Review
        Its body (HTML line breaks as newlines, NFC, trimmed) and metadata.

    Raises
    ------
    InputError
        When there is no review text.

    Examples
    --------
    >>> r = parse_review("film_title: Psycho\\nfilm_year: 1998\\nrating: 4/10\\n---\\nA shot-for-shot remake.", id="p")
    >>> r.film_title, r.film_year, r.rating, r.text
    ('Psycho', 1998, '4/10', 'A shot-for-shot remake.')
    """
    try:
        return _parse(text, id=id, source=source, line=line, report=on_problem or _warn)
    except _Skip as skip:
        raise InputError(skip.message, path=source or "<text>", line=skip.line) from None


def _parse(text: str, *, id: str, source: str, line: int, report: Report) -> Review:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Skip(line, "only whitespace, expected a review" if text else "empty text, expected a review")
    lines = text.split("\n")
    where = source or "<text>"
    shape = _imdb_page(lines) or _header(lines, where, line, report)
    fields, body = ({}, text) if shape is None else shape
    at = {name: (value, line + index) for name, (value, index) in fields.items()}
    rid = _check_id(at.pop("id")[0], line) if "id" in at else id
    body = _clean_body(body)
    if not body:
        raise _Skip(line, "no review text after the header")
    return _make_review(rid, body, at, source=source, line=line, report=report)


def _imdb_page(lines: list[str]) -> tuple[dict[str, tuple[str, int]], str] | None:
    """Fields (value, line index) and body of an IMDb review page copy, or ``None``."""
    idx = [i for i, text in enumerate(lines[:40]) if text.strip()][:8]
    if len(idx) < 4 or not (m := _TITLE_LINE.fullmatch(lines[idx[0]].strip())):
        return None
    fields = {"film_title": (m[1], idx[0]), "film_year": (m[2], idx[0])}
    k = 1
    if _SCORE_LINE.fullmatch(score := lines[idx[1]].strip()):
        fields.update(rating=(score, idx[1]), rating_best=("10", idx[1]))
        k = 2
    fields["headline"] = (lines[idx[k]].strip(), idx[k])
    author: tuple[str, int] | None = None
    for i in idx[k + 1 : k + 4]:
        text = lines[i].strip()
        if d := _DATE_AT_END.search(text):
            prefix = text[: d.start()].strip()
            if prefix:
                author = (prefix, i)
            if author:
                fields["author"] = author
            fields["date"] = (d[0], i)
            return fields, _page_body(lines, i + 1)
        if text.lower() != _SPOILERS:
            if author:
                return None
            author = (text, i)
    return None


def _page_body(lines: list[str], start: int) -> str:
    end = len(lines)
    for i in range(start, len(lines)):
        text = lines[i].strip()
        if _HELPFUL.match(text) or text.lower() in _FURNITURE:
            end = i
            break
    body = lines[start:end]
    while body and body[0].strip().lower() in ("", _SPOILERS):
        body = body[1:]
    return "\n".join(body)


def _header(lines: list[str], where: str, line: int, report: Report) -> tuple[dict[str, tuple[str, int]], str] | None:
    """Fields (value, line index) and body of a text with a ``key: value`` header, or ``None``."""
    first = next(i for i, text in enumerate(lines) if text.strip())
    front = lines[first].strip() == "---"  # YAML-style front matter, opened by '---' too
    j = first + 1 if front else first
    pairs: list[tuple[str, str, int]] = []
    while j < len(lines):
        text = lines[j].strip()
        if front and not text:
            j += 1
            continue
        m = _KEY_LINE.fullmatch(text)
        if not m:
            break
        key = re.sub(r"[\s-]+", "_", m[1].strip().lower())
        pairs.append((_HEADER_ALIASES.get(key, key), (m[2] or "").strip(), j))
        j += 1
    if not pairs:
        return None
    closed = j < len(lines) and lines[j].strip() == "---"
    if not closed:
        known = all(key in FIELDS or key == "id" for key, _, _ in pairs)
        if front or not known or (j < len(lines) and lines[j].strip()):
            return None
        report(
            InputProblem(
                where, line + j, "header has no '---' line after it; expected '---' after the last 'key: value' line"
            )
        )
    fields: dict[str, tuple[str, int]] = {}
    for key, value, index in pairs:
        if key in FIELDS or key == "id":
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key] = (value, index)
        else:
            log.debug("%s:%d: header key %r ignored", where, line + index, key)
    return fields, "\n".join(lines[j + 1 :])


def _clean_body(text: str) -> str:
    text = _BREAK.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).strip()


# -- metadata --------------------------------------------------------------------------------------


def _make_review(
    rid: str, body: str, fields: Mapping[str, tuple[object, int]], *, source: str, line: int, report: Report
) -> Review:
    where = source or "<text>"
    if m := _SURROGATE.search(body):
        report(
            InputProblem(
                where,
                line,
                f"text has an unpaired surrogate {m[0]!a} at character {m.start() + 1}, "
                "not valid Unicode; replaced by U+FFFD",
            )
        )
        body = _SURROGATE.sub("\ufffd", body)
    values: dict[str, str | int | None] = {}
    for name in ("rating_best", *(f for f in FIELDS if f != "rating_best")):
        if name not in fields:
            continue
        raw, at = fields[name]
        best = values.get("rating_best")
        try:
            values[name] = _field(name, raw, best if isinstance(best, str) else None)
        except _Bad as bad:
            report(InputProblem(where, at, f"{bad}; {name} dropped, review kept"))
    year = values.pop("film_year", None)

    def text(name: str) -> str | None:
        value = values.get(name)
        return value if isinstance(value, str) else None

    return Review(
        id=rid,
        text=body,
        source=source,
        line=line,
        film_title=text("film_title"),
        film_year=year if isinstance(year, int) else None,
        rating=text("rating"),
        rating_best=text("rating_best"),
        author=text("author"),
        date=text("date"),
        headline=text("headline"),
        url=text("url"),
        imdb_id=text("imdb_id"),
    )


def _field(name: str, raw: object, best: str | None) -> str | int | None:
    """The normalised value of metadata field ``name``; ``_Bad`` when it cannot be right."""
    if raw is None:
        return None
    if isinstance(raw, float) and not math.isfinite(raw):
        raise _Bad(f"{name} is {raw}, not a number")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise _Bad(f"{name} is {_kind(raw)}, expected a string")
    value = unicodedata.normalize("NFC", " ".join(str(raw).split()))
    if not value:
        return None
    if _SURROGATE.search(value):
        raise _Bad(f"{name} is not valid Unicode (an unpaired surrogate)")
    limit = 2000 if name == "url" else MAX_FIELD_CHARS
    if len(value) > limit:
        raise _Bad(f"{name} is {len(value):,} characters long, more than the limit of {limit:,}")
    if name == "film_year":
        if not re.fullmatch(r"\d{1,9}", value) or int(value) not in YEARS:
            raise _Bad(f"film_year {_show(value)} is not a year (expected {YEARS[0]} to {YEARS[-1]})")
        return int(value)
    if name == "date":
        return _iso_date(value)
    if name == "rating":
        _check_rating(value, best)
    elif name == "rating_best" and re.fullmatch(_NUM, value) and float(value) <= 0:
        raise _Bad(f"rating_best {_show(value)} is not a positive number")
    elif name == "url" and not _URL.fullmatch(value):
        raise _Bad(f"url {_show(value)} is not an http(s) URL")
    elif name == "imdb_id" and not re.fullmatch(r"tt\d{7,10}", value):
        raise _Bad(f"imdb_id {_show(value)} is not an IMDb title id (expected 'tt' and 7 to 10 digits)")
    return value


def _check_rating(value: str, best: str | None) -> None:
    if m := _FRACTION.fullmatch(value):
        if float(m[2]) <= 0:
            raise _Bad(f"rating {_show(value)} has a scale of {m[2]}, expected a positive number")
        if not 0 <= float(m[1]) <= float(m[2]):
            raise _Bad(f"rating {_show(value)} is out of range (0 to {m[2]})")
    elif re.fullmatch(_NUM, value):
        if float(value) < 0:
            raise _Bad(f"rating {_show(value)} is negative")
        if best is not None and re.fullmatch(_NUM, best) and float(value) > float(best):
            raise _Bad(f"rating {_show(value)} is more than rating_best {best}")


def _iso_date(value: str) -> str:
    """``YYYY-MM-DD`` where ``value`` is a date in a common form, else ``value`` as given.

    >>> _iso_date("19 August 2023"), _iso_date("Aug 19, 2023"), _iso_date("last summer")
    ('2023-08-19', '2023-08-19', 'last summer')
    """
    for pattern, (y, mo, d) in _DATE_FORMS:
        if m := pattern.fullmatch(value):
            month = m[mo] if m[mo].isdigit() else 1 + _MONTHS.index(m[mo][:3].lower())
            try:
                return date(int(m[y]), int(month), int(m[d])).isoformat()
            except ValueError:
                break
    log.debug("date %r kept as given", value)
    return value


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def _check_id(raw: object, line: int) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise _Skip(line, f"id is {_kind(raw)}, expected a string or a number")
    rid = str(raw).strip()
    if len(rid) > MAX_ID_CHARS:
        raise _Skip(line, f"id is {len(rid):,} characters long, more than the limit of {MAX_ID_CHARS}")
    if _CONTROL.search(rid) or _SURROGATE.search(rid):
        raise _Skip(line, f"id {rid!a} has control characters")
    return rid


# -- files, folders and streams --------------------------------------------------------------------


def read_reviews(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    strict: bool = False,
    on_problem: Report | None = None,
) -> Iterator[Review]:
    """The reviews in files, folders (read recursively) and ``-`` (standard input).

    Parameters
    ----------
    inputs : iterable of str or path
        Text files of one review, JSON Lines and CSV files of many, folders of
        them, or ``-``. A file named explicitly is read whatever its extension
        (its format sniffed); in a folder, files of other extensions are skipped.
    strict : bool
        Raise :class:`~kg.errors.InputError` at the first problem instead of skipping.
    on_problem : callable, optional
        Called with each :class:`~kg.model.InputProblem` (default: a logged warning).

    Yields
    ------
    Review
        In input order; files of a folder in sorted path order. A review whose
        id was read before in this batch is a problem, not a review.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "r.jsonl").write_text('{"id": "a", "text": "Fine.<br />Really.", "film_year": 1960}\\n{"id": 1}\\n')
    >>> problems = []
    >>> [(r.id, r.text, r.film_year) for r in read_reviews([d], on_problem=problems.append)]
    [('a', 'Fine.\\nReally.', 1960)]
    >>> print(problems[0].message)
    record has no 'text' field (fields: id); expected the review in 'text'
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    user = on_problem or _warn

    def report(problem: InputProblem) -> None:
        if strict:
            raise InputError(problem.message, path=problem.path, line=problem.line)
        user(problem)

    seen: dict[str, str] = {}
    for item in inputs:
        for review in _read_input(os.fspath(item), report):
            if (first := seen.get(review.id)) is not None:
                report(
                    InputProblem(review.source, review.line, f"duplicate review id {review.id!r} (first at {first})")
                )
                continue
            seen[review.id] = f"{review.source}:{review.line}"
            yield review


def _read_input(name: str, report: Report) -> Iterator[Review]:
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        stream = buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))
        yield from _read_stream(stream, "<stdin>", "stdin", None, report)
    elif os.path.isdir(name):
        for path in _walk(name, report):
            kind = _kind_of(path)
            if kind is None or Path(path).stem.lower() in _NOT_REVIEWS:
                log.debug("%s: not a review file, skipped", path)
                continue
            yield from _read_file(path, kind, report)
    elif os.path.exists(name):
        yield from _read_file(name, _kind_of(name), report)
    else:
        report(InputProblem(name, None, "no such file or folder"))


def _walk(top: str, report: Report) -> list[str]:
    def failed(err: OSError) -> None:
        report(InputProblem(err.filename or top, None, f"cannot read the folder: {err.strerror}"))

    found = []
    for root, dirs, files in os.walk(top, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in files if not f.startswith(".")]
    return sorted(found, key=lambda p: Path(os.path.relpath(p, top)).parts)


def _kind_of(path: str) -> str | None:
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "csv" if suffix in CSV_SUFFIXES else None


def _read_file(path: str, kind: str | None, report: Report) -> Iterator[Review]:
    try:
        f = open(path, "rb")
    except OSError as err:
        report(InputProblem(path, None, f"cannot read: {err.strerror}"))
        return
    with f:
        yield from _read_stream(f, path, Path(path).stem, kind, report, tsv=path.lower().endswith(".tsv"))


def _read_stream(
    stream: _Stream, where: str, stem: str, kind: str | None, report: Report, *, tsv: bool = False
) -> Iterator[Review]:
    try:
        head, src = _open(stream)
    except _Skip as skip:
        report(InputProblem(where, skip.line, skip.message))
        return
    except OSError as err:
        report(InputProblem(where, None, f"cannot read: {err.strerror or err}"))
        return
    kind = kind or _sniff(head)
    if kind == "text":
        yield from _text_review(src, where, stem, report)
    elif kind == "jsonl":
        yield from _jsonl_reviews(src, where, stem, report)
    else:
        first = head.split(b"\n", 1)[0]
        delimiter = "\t" if tsv or (b"\t" in first and b"," not in first) else ","
        yield from _csv_reviews(src, where, stem, delimiter, report)


def _open(stream: _Stream) -> tuple[bytes, _Joined]:
    """The first bytes of ``stream`` (its byte-order mark removed) and the whole stream; ``_Skip`` if not text."""
    head = stream.read(_SNIFF_BYTES)
    if not head:
        raise _Skip(1, "empty file, expected a review")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # read whole, as UTF-8
        try:
            head = (head + stream.read()).decode("utf-16").encode("utf-8")
        except UnicodeError as err:
            raise _Skip(1, f"not UTF-16 although it starts with a UTF-16 byte-order mark: {err}") from None
        return head, _Joined(head, io.BytesIO())
    head = head.removeprefix(codecs.BOM_UTF8)
    if (nul := head.find(b"\x00")) >= 0:  # UTF-16, binary, or text with a stray NUL (reported by line)
        half = max(len(head) // 2, 1)
        zeros = sorted((head[0::2].count(0), head[1::2].count(0)))
        if zeros[1] > 0.3 * half and zeros[0] < 0.05 * half:
            raise _Skip(1, "UTF-16 text without a byte-order mark; save it as UTF-8")
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            binary = len(head.translate(None, _TEXT_BYTES)) > len(head) // 20
        except UnicodeDecodeError:
            binary = True
        if binary:
            raise _Skip(1, f"binary file, not text (NUL byte at byte offset {nul:,})")
    return head, _Joined(head, stream)


def _sniff(head: bytes) -> str:
    """``jsonl`` if the first non-blank character is ``{``, ``csv`` for a header naming a text column."""
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    columns = [c.strip().strip('"') for c in re.split(r"[\t,]", first)]
    return "csv" if len(columns) > 1 and "text" in columns else "text"


def _text_review(src: _Joined, where: str, stem: str, report: Report) -> Iterator[Review]:
    data = src.read(MAX_RECORD_BYTES + 1)
    try:
        if len(data) > MAX_RECORD_BYTES:
            size = os.path.getsize(where) if os.path.isfile(where) else None
            what = f"file is {size:,} bytes, more" if size else "input is more"
            raise _Skip(1, f"{what} than the limit of {MAX_RECORD_BYTES:,} bytes for one review")
        text = _decode(data, 1, 0)
        review = _parse(text, id=stem, source=where, line=1, report=report)
    except _Skip as skip:
        report(InputProblem(where, skip.line, skip.message))
        return
    yield review


def _decode(data: bytes, line: int, offset: int) -> str:
    """``data`` (starting at ``line``, byte ``offset`` of its file) as UTF-8 text; ``_Skip`` if it is not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        start = data.rfind(b"\n", 0, err.start) + 1
        column = len(data[start : err.start].decode("utf-8", "replace")) + 1
        raise _Skip(
            line + data.count(b"\n", 0, err.start),
            f"not UTF-8: cannot decode byte 0x{data[err.start]:02x} at column {column} "
            f"(byte offset {offset + err.start:,}); save it as UTF-8",
        ) from None
    if (nul := text.find("\x00")) >= 0:
        start = text.rfind("\n", 0, nul) + 1
        raise _Skip(line + text.count("\n", 0, nul), f"NUL byte at column {nul - start + 1}; expected text")
    return text


def _lines(src: _Joined) -> Iterator[_Line]:
    """The lines of ``src``; one over :data:`MAX_RECORD_BYTES` comes with empty data and is never held whole."""
    no = offset = 0
    while chunk := src.readline(MAX_RECORD_BYTES + 1):
        no += 1
        size = len(chunk)
        if len(chunk.rstrip(b"\r\n")) > MAX_RECORD_BYTES:
            while not chunk.endswith(b"\n") and (chunk := src.readline(1 << 16)):
                size += len(chunk)
            yield _Line(no, offset, b"", size)
        else:
            yield _Line(no, offset, chunk, size)
        offset += size


def _line_text(ln: _Line) -> str:
    if not ln.data and ln.size:
        raise _Skip(
            ln.no, f"line is {ln.size:,} bytes, more than the limit of {MAX_RECORD_BYTES:,} bytes for one record"
        )
    return _decode(ln.data, ln.no, ln.offset)


def _jsonl_reviews(src: _Joined, where: str, stem: str, report: Report) -> Iterator[Review]:
    blank = True
    for ln in _lines(src):
        try:
            text = _line_text(ln)
            if not text.strip():
                continue
            blank = False
            try:
                obj = json.loads(text.rstrip("\r\n"))
            except json.JSONDecodeError as err:
                raise _Skip(ln.no, f"not valid JSON: {err.msg.removesuffix(' at')} at column {err.colno}") from None
            except (ValueError, RecursionError) as err:
                raise _Skip(ln.no, f"not valid JSON: {err}") from None
            if not isinstance(obj, dict):
                raise _Skip(ln.no, f"expected a JSON object {{...}}, got {_kind(obj)}")
            review = _record(obj, where, stem, ln.no, report)
        except _Skip as skip:
            blank = False
            report(InputProblem(where, skip.line, skip.message))
            continue
        yield review
    if blank:
        report(InputProblem(where, 1, "only whitespace, expected a review"))


def _record(obj: Mapping[str, object], where: str, stem: str, no: int, report: Report) -> Review:
    """The review of one JSON Lines or CSV record: only ``id``/``review_id``, ``text`` and :data:`FIELDS` are read."""
    fields = {str(k).strip().lower().replace(" ", "_"): v for k, v in obj.items()}
    rid: object = next((fields[k] for k in ("id", "review_id") if fields.get(k) not in (None, "")), None)
    if rid is None:
        rid = f"{stem}-{no}"
        log.debug("%s:%d: no id, using %r", where, no, rid)
    rid = _check_id(rid, no)
    if "text" not in fields:
        names = ", ".join(sorted(str(k) for k in obj))
        raise _Skip(no, f"record has no 'text' field (fields: {names[:300]}); expected the review in 'text'")
    text = fields["text"]
    if not isinstance(text, str):
        raise _Skip(no, f"'text' is {_kind(text)}, expected a string")
    body = _clean_body(text)
    if not body:
        raise _Skip(no, "'text' is empty")
    return _make_review(
        rid, body, {n: (fields[n], no) for n in FIELDS if n in fields}, source=where, line=no, report=report
    )


def _csv_reviews(src: _Joined, where: str, stem: str, delimiter: str, report: Report) -> Iterator[Review]:
    header: list[str] | None = None
    header_line = rows = 0
    for item in _csv_records(src, delimiter):
        if isinstance(item, _Skip):
            report(InputProblem(where, item.line, item.message))
            if header is None:
                return  # no header row: nothing else can be read
            continue
        no, row = item
        if header is None:
            header = [c.strip().removeprefix("\ufeff").lower().replace(" ", "_") for c in row]
            if "text" not in header:
                names = ", ".join(repr(c) for c in row)[:300]
                sep = "tab" if delimiter == "\t" else "comma"
                report(
                    InputProblem(
                        where,
                        no,
                        f"no 'text' column (columns: {names}); expected a {sep}-separated "
                        "header row naming 'text' and 'id'",
                    )
                )
                return
            header_line = no
            continue
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        try:
            if len(row) > len(header):
                raise _Skip(
                    no,
                    f"row has {len(row)} fields but the header has {len(header)}; "
                    f"quote a field that contains {'a tab' if delimiter == chr(9) else 'a comma'}",
                )
            review = _record(dict(zip(header, row, strict=False)), where, stem, no, report)
        except _Skip as skip:
            report(InputProblem(where, skip.line, skip.message))
            continue
        yield review
    if header is None:
        report(InputProblem(where, 1, "only whitespace, expected a review"))
    elif not rows:
        report(InputProblem(where, header_line, "no records after the header row"))


def _csv_records(src: _Joined, delimiter: str) -> Iterator[tuple[int, list[str]] | _Skip]:
    """The records of a CSV file with their first line, or a ``_Skip`` for one that cannot be read.

    A quoted field that is never closed (within :data:`MAX_RECORD_BYTES`) is reported
    at the line that opened it, and reading starts again on the next line.
    """
    if csv.field_size_limit() < MAX_RECORD_BYTES:
        csv.field_size_limit(MAX_RECORD_BYTES)  # the record itself is bounded by the framing below
    source = _lines(src)
    replay: deque[tuple[int, str]] = deque()
    pending: list[tuple[int, str]] = []
    open_quote = False
    size = 0
    while True:
        if replay:
            no, text = replay.popleft()
        elif (ln := next(source, None)) is None:
            if not pending:
                return
            replay.extend(pending[1:])  # read again from the line after the one that opened the quote
            yield _Skip(pending[0][0], "unbalanced quotes: a quoted field that starts on this line is never closed")
            pending, open_quote, size = [], False, 0
            continue
        else:
            try:
                no, text = ln.no, _line_text(ln)
            except _Skip as skip:
                if pending:
                    yield _Skip(pending[0][0], f"the record that starts on this line is cut by line {ln.no}")
                    pending, open_quote, size = [], False, 0
                yield skip
                continue
        pending.append((no, text))
        size += len(text)
        open_quote = _quote_open(text, delimiter, open_quote)
        if open_quote and size <= MAX_RECORD_BYTES:
            continue
        if open_quote:
            replay.extendleft(reversed(pending[1:]))
            yield _Skip(
                pending[0][0],
                f"unbalanced quotes: a quoted field that starts on this line is still open "
                f"after {MAX_RECORD_BYTES:,} characters",
            )
        else:
            try:
                rows = list(csv.reader([t for _, t in pending], delimiter=delimiter))
                yield (pending[0][0], rows[0] if rows else [])
            except csv.Error as err:
                yield _Skip(pending[0][0], f"not valid CSV: {err}")
        pending, open_quote, size = [], False, 0


def _quote_open(text: str, delimiter: str, quoted: bool) -> bool:
    """Whether a quoted field is open at the end of line ``text`` (the rules of Python's csv reader)."""
    i, n = 0, len(text)
    while i < n:
        if quoted:
            j = text.find('"', i)
            if j < 0:
                return True
            if text.startswith('"', j + 1):
                i = j + 2
                continue
            quoted = False
            i = j + 1
        elif text[i] == '"' and (i == 0 or text[i - 1] == delimiter):
            quoted = True
            i += 1
            continue
        k = text.find(delimiter, i)
        if k < 0:
            return False
        i = k + 1
    return quoted
