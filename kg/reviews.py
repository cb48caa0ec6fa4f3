"""Reading reviews: every input shape of DESIGN.md, read into :class:`kg.model.Review`.

A text file holds one review (its id is the file's stem): an IMDb user-review page as copied
from a browser, or plain text with an optional ``key: value`` header ended by ``---``. JSON
Lines and CSV/TSV files hold many: ``id`` (or ``review_id``), ``text`` and any of
:data:`FIELDS`; every other field is ignored, never read. Folders are read recursively in
sorted order; ``-`` is standard input. Bad input is an :class:`~kg.model.InputProblem`
(``path:line: what is wrong``): the record is skipped (an impossible metadata value is
dropped, its review kept) and reading goes on; ``strict=True`` raises at the first one.
No line, record or file over :data:`MAX_RECORD_BYTES` is ever held whole.
"""

from __future__ import annotations

import codecs
import csv
import functools
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
from datetime import date
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.model import InputProblem, Review

__all__ = ["FIELDS", "MAX_FIELD_CHARS", "MAX_RECORD_BYTES", "parse_review", "read_reviews"]

log = logging.getLogger(__name__)

FIELDS = ("film_title", "film_year", "rating_best", "rating", "author", "date", "headline", "url", "imdb_id")
MAX_RECORD_BYTES = 1 << 20  # one review text, JSON line or CSV record
MAX_FIELD_CHARS = 500  # one metadata value (a URL may have 2,000)
MAX_ID_CHARS = 200
YEARS = range(1870, 2101)
_KINDS = {".txt": "text", ".md": "text", ".review": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_KINDS[".tsv"] = "tsv"
_NOT_REVIEWS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "sources"})
_HEADER_ALIASES = {"title": "film_title", "film": "film_title", "year": "film_year", "review_id": "id"}
_HEADER_KEYS = frozenset({*FIELDS, "id"})
_SNIFF_BYTES = 8192
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])

Report = Callable[[InputProblem], None]
_Fields = Mapping[str, tuple[object, int]]  # field name -> (value, line)
Inputs = Iterable[str | os.PathLike[str]] | str | os.PathLike[str]
_warn: Report = functools.partial(log.warning, "%s")

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
_PAGE_END = re.compile(  # the helpfulness line, or the page furniture after the body
    r"\s*(?:\d[\d,]*\s+out\s+of\s+\d[\d,]*\s+found\s+this\s+helpful|(?:permalink|recently viewed)\s*$)", re.I
)
_SPOILERS = "warning: spoilers"
_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_ -]{0,39}?)\s*:(?:\s+(.*)|)")
_BREAK = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNBALANCED = "unbalanced quotes: a quoted field that starts on this line"
_KIND_NAMES: dict[type, str] = {
    type(None): "null",
    bool: "true/false",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "an object",
}
_NAMING = "header row naming 'text' and 'id'"
_KEPT = re.compile(r"; (\w+ dropped, review kept|replaced by U\+FFFD)$")


class _Skip(Exception):
    """A record that cannot be read: reported, then skipped (never escapes this module)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Joined:
    """``head`` (bytes already read, to sniff the format) followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = io.BytesIO(head)
        self._stream = stream

    def read(self, size: int, /) -> bytes:
        data = self._head.read(size)
        return data + self._stream.read(size - len(data)) if len(data) < size else data

    def readline(self, size: int, /) -> bytes:
        data = self._head.readline(size)
        return data if data.endswith(b"\n") or len(data) >= size else data + self._stream.readline(size - len(data))


def _show(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "\u2026")


def _kind(value: object) -> str:
    return _KIND_NAMES.get(type(value), "a string")


def parse_review(text: str, *, id: str, source: str = "", line: int = 1, on_problem: Report | None = None) -> Review:
    """The review in ``text``, the whole text of one file, in whichever shape it is.

    Parameters
    ----------
    text : str
        An IMDb review page copy, a plain text with a ``key: value`` header ended by ``---``, or a plain text.
    id, source, line : str, str, int
        The review's id (a header's ``id`` overrides it) and where the text was read.
    on_problem : callable, optional
        Called with each impossible metadata value, which is dropped (default: a logged warning).

    Returns
    -------
    Review
        Its body (HTML line breaks as newlines, NFC, trimmed; offsets refer to it) and metadata.

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
    rid = _check_id(raw, line) if (raw := at.pop("id", ("", 0))[0]) else id
    if not (body := _clean_body(body)):
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
    found: list[tuple[str, int]] = []  # the headline, then the author, before the date line
    for i in idx[k : k + 4]:
        text = lines[i].strip()
        if d := _DATE_AT_END.search(text):
            author = (prefix, i) if (prefix := text[: d.start()].strip()) else found[1] if len(found) > 1 else None
            fields.update(date=(d[0], i), **({"headline": found[0]} if found else {}))
            fields.update({"author": author} if author else {})
            end = next((j for j in range(i + 1, len(lines)) if _PAGE_END.match(lines[j])), len(lines))
            body = "\n".join(lines[i + 1 : end])
            return fields, re.sub(rf"^\s*{_SPOILERS}\s*\n", "", body, flags=re.IGNORECASE)
        if text.lower() != _SPOILERS:
            found.append((text, i))
    return None


def _header(lines: list[str], where: str, line: int, report: Report) -> tuple[dict[str, tuple[str, int]], str] | None:
    """Fields (value, line index) and body of a text with a ``key: value`` header, or ``None``."""
    first = next(i for i, text in enumerate(lines) if text.strip())
    front = lines[first].strip() == "---"  # YAML-style front matter, opened by '---' too
    j = first + 1 if front else first
    pairs: list[tuple[str, str, int]] = []
    while j < len(lines) and ((m := _KEY_LINE.fullmatch(text := lines[j].strip())) or (front and not text)):
        if m:
            key = re.sub(r"[\s-]+", "_", m[1].strip().lower())
            pairs.append((_HEADER_ALIASES.get(key, key), (m[2] or "").strip(), j))
        j += 1
    if not pairs:
        return None
    if not (j < len(lines) and lines[j].strip() == "---"):  # a header needs its '---'; without it, is it one?
        known = all(key in _HEADER_KEYS for key, _, _ in pairs)
        if front or not known or (j < len(lines) and lines[j].strip()):
            return None
        expected = "expected '---' after the last 'key: value' line"
        report(InputProblem(where, line + j, f"header has no '---' line after it; {expected}", kept=True))
    fields: dict[str, tuple[str, int]] = {}
    for key, value, index in pairs:
        if key in _HEADER_KEYS:
            quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'"
            fields[key] = (value[1:-1] if quoted else value, index)
        else:
            log.debug("%s:%d: header key %r ignored", where, line + index, key)
    return fields, "\n".join(lines[j + 1 :])


def _clean_body(text: str) -> str:
    text = _BREAK.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).strip()


def _make_review(rid: str, body: str, fields: _Fields, *, source: str, line: int, report: Report) -> Review:
    where = source or "<text>"
    if m := _SURROGATE.search(body):
        why = f"text has an unpaired surrogate {m[0]!a} at character {m.start() + 1}, not valid Unicode"
        report(InputProblem(where, line, why + "; replaced by U+FFFD", kept=True))
        body = _SURROGATE.sub("\ufffd", body)
    values: dict[str, str | int | None] = {}
    for name in (n for n in FIELDS if n in fields):  # rating_best before rating, which is checked against it
        (raw, at), best = fields[name], values.get("rating_best")
        try:
            values[name] = _field(name, raw, best if isinstance(best, str) else None)
        except ValueError as bad:
            report(InputProblem(where, at, f"{bad}; {name} dropped, review kept", kept=True))
    year = values.pop("film_year", None)
    strings: dict[str, Any] = {k: v for k, v in values.items() if isinstance(v, str)}
    return Review(rid, body, source, line, film_year=year if isinstance(year, int) else None, **strings)


def _field(name: str, raw: object, best: str | None) -> str | int | None:
    """The normalised value of metadata field ``name``; ``ValueError`` when it cannot be right."""
    if raw is None:
        return None
    if isinstance(raw, float) and not math.isfinite(raw):
        raise ValueError(f"{name} is {raw}, not a number")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueError(f"{name} is {_kind(raw)}, expected a string")
    value = unicodedata.normalize("NFC", " ".join(str(raw).split()))
    if not value:
        return None
    if _SURROGATE.search(value):
        raise ValueError(f"{name} is not valid Unicode (an unpaired surrogate)")
    limit = 2000 if name == "url" else MAX_FIELD_CHARS
    if len(value) > limit:
        raise ValueError(f"{name} is {len(value):,} characters long, more than the limit of {limit:,}")
    if name == "film_year":
        if not re.fullmatch(r"\d{1,9}", value) or int(value) not in YEARS:
            raise ValueError(f"film_year {_show(value)} is not a year (expected {YEARS[0]} to {YEARS[-1]})")
        return int(value)
    if name == "date":
        return _iso_date(value)
    if name == "rating" and (m := _FRACTION.fullmatch(value)):
        if not 0 <= float(m[1]) <= float(m[2]) or float(m[2]) <= 0:
            raise ValueError(f"rating {_show(value)} is out of range (0 to {m[2]})")
    elif name == "rating" and re.fullmatch(_NUM, value):
        if float(value) < 0:
            raise ValueError(f"rating {_show(value)} is negative")
        if best is not None and re.fullmatch(_NUM, best) and float(value) > float(best):
            raise ValueError(f"rating {_show(value)} is more than rating_best {best}")
    elif name == "rating_best" and re.fullmatch(_NUM, value) and float(value) <= 0:
        raise ValueError(f"rating_best {_show(value)} is not a positive number")
    elif name == "url" and not _URL.fullmatch(value):
        raise ValueError(f"url {_show(value)} is not an http(s) URL")
    elif name == "imdb_id" and not re.fullmatch(r"tt\d{7,10}", value):
        raise ValueError(f"imdb_id {_show(value)} is not an IMDb title id (expected 'tt' and 7 to 10 digits)")
    return value


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
    if len(rid := str(raw).strip()) > MAX_ID_CHARS or _CONTROL.search(rid) or _SURROGATE.search(rid):
        raise _Skip(line, f"id {_show(rid)} is not an id (at most {MAX_ID_CHARS} characters, no control characters)")
    return rid


def read_reviews(inputs: Inputs, *, strict: bool = False, on_problem: Report | None = None) -> Iterator[Review]:
    """The reviews in files, folders (read recursively) and ``-`` (standard input).

    Parameters
    ----------
    inputs : iterable of str or path
        Files, folders, or ``-``. A file named explicitly is read whatever its extension (its format
        sniffed); in a folder, other extensions, hidden files and READMEs are skipped.
    strict : bool
        Raise :class:`~kg.errors.InputError` at the first problem instead of going on.
    on_problem : callable, optional
        Called with each :class:`~kg.model.InputProblem` (default: a logged warning).

    Yields
    ------
    Review
        In input order (a folder's files in sorted order); a repeated id is a problem, not a review.

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
        if strict:  # nothing is dropped, replaced or kept: the build stops here
            raise InputError(_KEPT.sub("", problem.message), path=problem.path, line=problem.line)
        user(problem)

    seen: dict[str, str] = {}
    for item in inputs:
        for review in _read_input(os.fspath(item), report):
            if (first := seen.get(review.id)) is not None:
                dup = f"duplicate review id {review.id!r} (first at {first})"
                report(InputProblem(review.source, review.line, dup))
                continue
            seen[review.id] = f"{review.source}:{review.line}"
            yield review


def _read_input(name: str, report: Report) -> Iterator[Review]:
    if name == "-":
        stdin = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))
        yield from _read_stream(stdin, "<stdin>", "stdin", None, report)
        return
    if not os.path.exists(name):
        report(InputProblem(name, None, "no such file or folder"))
        return
    for path in _walk(name, report) if os.path.isdir(name) else [name]:
        kind = _KINDS.get(Path(path).suffix.lower())
        if path != name and (kind is None or Path(path).stem.lower() in _NOT_REVIEWS):
            log.debug("%s: not a review file, skipped", path)
            continue
        try:
            with open(path, "rb") as f:
                yield from _read_stream(f, path, Path(path).stem, kind, report)
        except OSError as err:
            report(InputProblem(path, None, f"cannot read: {err.strerror or err}"))


def _walk(top: str, report: Report) -> list[str]:
    found = []
    for root, dirs, files in os.walk(top, onerror=lambda e: report(InputProblem(top, None, f"cannot read: {e}"))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in files if not f.startswith(".")]
    return sorted(found, key=lambda p: Path(os.path.relpath(p, top)).parts)


def _read_stream(stream: IO[bytes], where: str, stem: str, kind: str | None, report: Report) -> Iterator[Review]:
    try:
        head, src = _open(stream)
    except _Skip as skip:
        report(InputProblem(where, skip.line, skip.message))
        return
    kind = kind or _sniff(head)
    if kind == "text":
        items = _text_reviews(src, where, stem, report)
    elif kind == "jsonl":
        items = _jsonl_reviews(src, where, stem, report)
    else:
        first = head.split(b"\n", 1)[0]
        tab = kind == "tsv" or (b"\t" in first and b"," not in first)
        items = _csv_reviews(src, where, stem, report, delimiter="\t" if tab else ",")
    for item in items:
        if isinstance(item, _Skip):
            report(InputProblem(where, item.line, item.message))
        else:
            yield item


def _open(stream: IO[bytes]) -> tuple[bytes, _Joined]:
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
        low, high = sorted((head[0::2].count(0), head[1::2].count(0)))  # UTF-16: NULs at every other byte
        if high > 0.15 * len(head) and low < 0.025 * len(head):
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


def _text_reviews(src: _Joined, where: str, stem: str, report: Report) -> Iterator[Review | _Skip]:
    data = src.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        size = os.path.getsize(where) if os.path.isfile(where) else None
        what = f"file is {size:,} bytes, more" if size else "input is more"
        yield _Skip(1, f"{what} than the limit of {MAX_RECORD_BYTES:,} bytes for one review")
        return
    try:
        yield _parse(_decode(data, 1, 0), id=stem, source=where, line=1, report=report)
    except _Skip as skip:
        yield skip


def _decode(data: bytes, line: int, offset: int) -> str:
    """``data`` (starting at ``line``, byte ``offset`` of its file) as UTF-8 text; ``_Skip`` if it is not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        start = data.rfind(b"\n", 0, err.start) + 1
        column = len(data[start : err.start].decode("utf-8", "replace")) + 1
        why = f"not UTF-8: cannot decode byte 0x{data[err.start]:02x} at column {column} (byte offset {offset + err.start:,})"
        raise _Skip(line + data.count(b"\n", 0, err.start), f"{why}; save it as UTF-8") from None
    if (nul := text.find("\x00")) >= 0:
        start = text.rfind("\n", 0, nul) + 1
        raise _Skip(line + text.count("\n", 0, nul), f"NUL byte at column {nul - start + 1}; expected text")
    return text


def _lines(src: _Joined) -> Iterator[tuple[int, str | _Skip]]:
    """The lines of ``src`` with their numbers, or why one cannot be read; none over the limit is held whole."""
    no = offset = 0
    while chunk := src.readline(MAX_RECORD_BYTES + 1):
        no, size = no + 1, len(chunk)
        if len(chunk.rstrip(b"\r\n")) > MAX_RECORD_BYTES:
            while not chunk.endswith(b"\n") and (chunk := src.readline(1 << 16)):
                size += len(chunk)
            limit = f"more than the limit of {MAX_RECORD_BYTES:,} bytes for one record"
            yield no, _Skip(no, f"line is {size:,} bytes, {limit}")
        else:
            try:
                yield no, _decode(chunk, no, offset)
            except _Skip as skip:
                yield no, skip
        offset += size


def _jsonl_reviews(src: _Joined, where: str, stem: str, report: Report) -> Iterator[Review | _Skip]:
    blank = True
    for no, text in _lines(src):
        if isinstance(text, str) and not text.strip():
            continue
        blank = False
        try:
            if isinstance(text, _Skip):
                raise text
            try:
                obj = json.loads(text.rstrip("\r\n"))
            except json.JSONDecodeError as err:
                raise _Skip(no, f"not valid JSON: {err.msg.removesuffix(' at')} at column {err.colno}") from None
            except (ValueError, RecursionError) as err:
                raise _Skip(no, f"not valid JSON: {err}") from None
            if not isinstance(obj, dict):
                raise _Skip(no, f"expected a JSON object {{...}}, got {_kind(obj)}")
            yield _record(obj, where, stem, no, report)
        except _Skip as skip:
            yield skip
    if blank:
        yield _Skip(1, "only whitespace, expected a review")


def _record(obj: Mapping[str, object], where: str, stem: str, no: int, report: Report) -> Review:
    """The review of one JSON Lines or CSV record: only ``id``/``review_id``, ``text`` and :data:`FIELDS` are read."""
    fields = {str(k).strip().lower().replace(" ", "_"): v for k, v in obj.items()}
    ids = [v for k in ("id", "review_id") if (v := fields.get(k)) is not None and str(v).strip()]
    if "text" not in fields:
        names = ", ".join(sorted(str(k) for k in obj))[:300]
        raise _Skip(no, f"record has no 'text' field (fields: {names}); expected the review in 'text'")
    if not isinstance(text := fields["text"], str):
        raise _Skip(no, f"'text' is {_kind(text)}, expected a string")
    if not (body := _clean_body(text)):
        raise _Skip(no, "'text' is empty")
    at = {name: (fields[name], no) for name in FIELDS if name in fields}
    return _make_review(
        _check_id(ids[0], no) if ids else f"{stem}-{no}", body, at, source=where, line=no, report=report
    )


def _csv_reviews(src: _Joined, where: str, stem: str, report: Report, *, delimiter: str) -> Iterator[Review | _Skip]:
    header: list[str] | None = None
    header_line = rows = 0
    for no, row in _csv_records(src, delimiter):
        if isinstance(row, _Skip):
            yield row
            if header is None:
                return  # without a header row nothing can be read
        elif header is None:
            header, header_line = [c.strip().removeprefix("\ufeff").lower().replace(" ", "_") for c in row], no
            if "text" not in header:
                names, sep = ", ".join(repr(c) for c in row)[:300], "tab" if delimiter == "\t" else "comma"
                yield _Skip(no, f"no 'text' column (columns: {names}); expected a {sep}-separated {_NAMING}")
                return
        elif any(cell.strip() for cell in row):
            rows += 1
            counts = f"row has {len(row)} field{'s' * (len(row) != 1)} but the header has {len(header)}"
            if len(row) > len(header):
                yield _Skip(
                    no, f"{counts}; quote a field that contains {'a tab' if delimiter == chr(9) else 'a comma'}"
                )
            elif len(row) <= header.index("text"):
                yield _Skip(no, f"{counts}, so no 'text'")
            else:
                try:
                    yield _record(dict(zip(header, row, strict=False)), where, stem, no, report)
                except _Skip as skip:
                    yield skip
    if header is None:
        yield _Skip(1, "only whitespace, expected a review")
    elif not rows:
        yield _Skip(header_line, "no records after the header row")


def _csv_records(src: _Joined, delimiter: str) -> Iterator[tuple[int, list[str] | _Skip]]:
    """The records of a CSV file with their first line, or a ``_Skip`` for one that cannot be read.

    A quoted field that is never closed (within :data:`MAX_RECORD_BYTES`) is reported
    at the line that opened it, and reading starts again on the next line.
    """
    if csv.field_size_limit() < MAX_RECORD_BYTES:
        csv.field_size_limit(MAX_RECORD_BYTES)  # the record itself is bounded by the framing below
    source = _lines(src)
    replay: deque[tuple[int, str | _Skip]] = deque()  # lines to read again after an unbalanced quote
    pending: list[tuple[int, str]] = []
    open_quote = False
    size = 0
    while True:
        if replay:
            no, text = replay.popleft()
        elif (got := next(source, None)) is not None:
            no, text = got
        elif pending:  # the end of the file, inside a quoted field
            replay.extend(pending[1:])  # read again from the line after the one that opened the quote
            yield pending[0][0], _Skip(pending[0][0], f"{_UNBALANCED} is never closed")
            pending, open_quote, size = [], False, 0
            continue
        else:
            return
        if isinstance(text, _Skip):
            if pending:
                yield pending[0][0], _Skip(pending[0][0], f"the record that starts on this line is cut by line {no}")
                pending, open_quote, size = [], False, 0
            yield no, text
            continue
        pending.append((no, text))
        size += len(text)
        open_quote = _quote_open(text, delimiter, open_quote)
        if open_quote and size <= MAX_RECORD_BYTES:
            continue
        if open_quote:
            replay.extendleft(reversed(pending[1:]))
            still = f"{_UNBALANCED} is still open after {MAX_RECORD_BYTES:,} characters"
            yield pending[0][0], _Skip(pending[0][0], still)
        else:
            try:
                rows = list(csv.reader([t for _, t in pending], delimiter=delimiter))
                yield (pending[0][0], rows[0] if rows else [])
            except csv.Error as err:
                yield pending[0][0], _Skip(pending[0][0], f"not valid CSV: {err}")
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
