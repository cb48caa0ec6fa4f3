"""kg.reviews: every input shape, every kind of bad input, strict mode, stdin, fuzzing."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.model import InputProblem, Review
from kg.reviews import MAX_RECORD_BYTES, parse_review, read_reviews

DATA = Path(__file__).parent / "data"
INPUTS = DATA / "inputs"
BAD = DATA / "bad"
ANSWER_FIELDS = ("ground_truth_relations", "mentions_remake", "mentions_original")


def read(*inputs: str | Path, strict: bool = False) -> tuple[list[Review], list[str]]:
    """The reviews read from ``inputs`` and the problems reported, as the user sees them."""
    problems: list[InputProblem] = []
    reviews = list(read_reviews([str(i) for i in inputs], strict=strict, on_problem=problems.append))
    return reviews, [str(p) for p in problems]


# -- every input shape ------------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_imdb_page_copy(shared_data: Path) -> None:
    path = shared_data / "seed" / "hard-hit-2021-imdb-user-review.txt"
    (review,), problems = read(path)
    assert problems == []
    lines = path.read_text(encoding="utf-8").splitlines()
    helpful = next(i for i, line in enumerate(lines) if "found this helpful" in line)
    assert review.id == "hard-hit-2021-imdb-user-review"
    assert (review.film_title, review.film_year) == ("Hard Hit", 2021)
    assert (review.rating, review.rating_best, review.date) == ("6/10", "10", "2023-08-19")
    assert review.headline == lines[2].strip()
    assert review.text == "\n".join(lines[4:helpful]).strip()  # between the date and the helpfulness line
    for furniture in ("found this helpful", "Permalink", "Recently Viewed", "Sign in to vote"):
        assert furniture not in review.text
    assert (review.source, review.line) == (str(path), 1)


def test_imdb_page_with_author_line() -> None:
    (review,), problems = read(INPUTS / "imdb-page.txt")
    assert problems == []
    assert review == Review(
        id="imdb-page",
        text=review.text,
        source=str(INPUTS / "imdb-page.txt"),
        film_title="Let Me In",
        film_year=2010,
        rating="8/10",
        rating_best="10",
        author="nightbus_reviews",
        date="2011-03-03",
        headline="A rare remake that earns its place beside the Swedish original",
    )
    assert review.text.startswith("Matt Reeves moves the story")
    assert review.text.endswith("had any right to be.")
    assert review.text.count("\n\n") == 2
    assert "Permalink" not in review.text and "Report this" not in review.text


def test_imdb_page_without_rating_line() -> None:
    text = "Sabrina (1995)\nGentler than Wilder\n2 May 2004\nHarrison Ford is a stiff Linus.\n1 out of 1 found this helpful."
    review = parse_review(text, id="s")
    assert (review.film_title, review.film_year, review.rating, review.headline) == (
        "Sabrina",
        1995,
        None,
        "Gentler than Wilder",
    )
    assert (review.date, review.text) == ("2004-05-02", "Harrison Ford is a stiff Linus.")


def test_header_keys_are_case_insensitive_and_unknown_keys_ignored() -> None:
    (review,), problems = read(INPUTS / "header.txt")
    assert problems == []
    assert review == Review(
        id="header",
        text="Scorsese's remake of Infernal Affairs keeps the two moles and the phone calls.\n\n"
        "Nicholson is enormous fun, DiCaprio is better than he has any right to be.",
        source=str(INPUTS / "header.txt"),
        film_title="The Departed",
        film_year=2006,
        rating="B+",
        rating_best="A+",
        author="Marta K.",
        date="2023-08-19",
        headline="Boston takes Hong Kong's maze and makes it louder",
        url="https://example.org/reviews/departed",
        imdb_id="tt0407887",
    )


def test_front_matter_with_aliases_and_quotes() -> None:
    (review,), _ = read(INPUTS / "front-matter.md")
    assert (review.id, review.film_title, review.film_year, review.rating) == ("front-matter", "Psycho", 1998, "3/10")
    assert review.text.startswith("A shot-for-shot remake") and "---" not in review.text


def test_plain_text_is_all_body() -> None:
    (review,), _ = read(INPUTS / "plain.txt")
    expected = (INPUTS / "plain.txt").read_text(encoding="utf-8").strip()
    assert review.text == expected  # a first line with a colon is not a header; a later '---' is text
    assert review.film_title is None and review.rating is None


def test_jsonl_fields_ids_and_numbers() -> None:
    reviews, problems = read(INPUTS / "reviews.jsonl")
    assert problems == []
    assert [(r.id, r.line) for r in reviews] == [("j1", 1), ("j2", 3), ("reviews-4", 4)]
    j1, j2, _ = reviews
    assert (j1.film_year, j1.rating, j1.rating_best, j1.imdb_id, j1.date) == (
        2001,
        "8",
        "10",
        "tt0240772",
        "2021-05-02",
    )
    assert j2.film_year == 2016 and j2.text.endswith("said.\nKate McKinnon is a joy.")


def test_csv_with_quoted_newlines_and_crlf() -> None:
    assert b"\r\n" in (INPUTS / "reviews.csv").read_bytes()
    reviews, problems = read(INPUTS / "reviews.csv")
    assert problems == []
    assert [(r.id, r.line, r.film_title, r.film_year, r.rating) for r in reviews] == [
        ("c1", 2, "Cape Fear", 1991, "7"),
        ("c2", 3, "True Grit", 2010, "9/10"),
        ("c3", 5, None, None, None),
    ]
    assert '"a cartoon"' in reviews[0].text
    assert reviews[1].text == (
        "The Coens go back to the novel.\nJeff Bridges mumbles, Hailee Steinfeld carries the film, "
        "and it beats the John Wayne version."
    )


def test_tsv_with_review_id() -> None:
    (review,), _ = read(INPUTS / "reviews.tsv")
    assert (review.id, review.film_title, review.film_year) == ("t1", "Insomnia", 2002)


def test_folder_is_read_recursively_in_sorted_order() -> None:
    reviews, problems = read(INPUTS)
    assert problems == []
    assert [r.id for r in reviews] == [
        "front-matter",
        "header",
        "imdb-page",
        "sequel",
        "plain",
        "c1",
        "c2",
        "c3",
        "j1",
        "j2",
        "reviews-4",
        "t1",
    ]  # README.md and nested/notes.json are not reviews
    assert reviews[3].source == str(INPUTS / "nested" / "more" / "sequel.review")
    assert read(str(INPUTS))[0] == reviews  # a str and a Path are the same input


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("19 August 2023", "2023-08-19"),
        ("2023-08-19", "2023-08-19"),
        ("August 19, 2023", "2023-08-19"),
        ("Aug 19 2023", "2023-08-19"),
        ("2023-08-19T10:30:00Z", "2023-08-19"),
        ("31 February 2023", "31 February 2023"),
        ("last summer", "last summer"),
    ],
)
def test_dates(raw: str, iso: str) -> None:
    assert parse_review(f"date: {raw}\n---\nFine.", id="d").date == iso


@pytest.mark.parametrize("rating", ["6/10", "7", "B+", "\u2605\u2605\u00bd", "3.5 out of 4"])
def test_ratings_are_kept_as_written(rating: str) -> None:
    assert parse_review(f"rating: {rating}\n---\nFine.", id="r").rating == rating


def test_body_is_normalised() -> None:
    text = "\ufefftitle: Am\u0065\u0301lie\r\n---\r\nA <BR>first<br/>second<br /><br />third.\r\n"
    review = parse_review(text, id="a")
    assert review.film_title == "Am\u00e9lie"  # NFC
    assert review.text == "A \nfirst\nsecond\n\nthird."


def test_header_id_overrides_the_file_stem() -> None:
    assert parse_review("id: my-id\n---\nFine.", id="stem").id == "my-id"


def test_byte_order_marks_and_crlf(tmp_path: Path) -> None:
    text = "film_title: Insomnia\r\n---\r\nAl Pacino, exhausted.\r\n"
    for name, data in {
        "utf8bom.txt": b"\xef\xbb\xbf" + text.encode(),
        "utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
    }.items():
        (tmp_path / name).write_bytes(data)
    reviews, problems = read(tmp_path)
    assert problems == []
    assert {(r.film_title, r.text) for r in reviews} == {("Insomnia", "Al Pacino, exhausted.")}
    assert len(reviews) == 3


def test_explicit_files_are_sniffed_and_folders_skip_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "a.dat").write_text('{"id": "x", "text": "JSON in a .dat file."}\n', encoding="utf-8")
    (tmp_path / "b.log").write_text("id,text\ny,CSV in a .log file.\n", encoding="utf-8")
    (tmp_path / "c.text").write_text("A plain review in a .text file.", encoding="utf-8")
    ids = [r.id for name in ("a.dat", "b.log", "c.text") for r in read(tmp_path / name)[0]]
    assert ids == ["x", "y", "c"]
    assert read(tmp_path) == ([], [])


def test_missing_input_is_a_problem(tmp_path: Path) -> None:
    assert read(tmp_path / "nope.txt") == ([], [f"{tmp_path / 'nope.txt'}: no such file or folder"])


# -- answer fields are never read -------------------------------------------------------------------


def test_answer_fields_change_nothing(tmp_path: Path) -> None:
    record = {
        "review_id": "train/pos/1_8",
        "text": "A remake.",
        "film_title": "Psycho",
        "film_year": "1998",
        "rating": 8,
    }
    answers = {
        "ground_truth_relations": "remake_of:tt0054215:Psycho (1960)",
        "mentions_remake": True,
        "mentions_original": False,
        "label": "pos",
        "split": "train",
        "title_source": "x",
    }
    (tmp_path / "plain.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "answers.jsonl").write_text(json.dumps({**answers, **record}) + "\n", encoding="utf-8")
    (plain,), _ = read(tmp_path / "plain.jsonl")
    (with_answers,), _ = read(tmp_path / "answers.jsonl")
    assert replace(with_answers, source=plain.source) == plain


@pytest.mark.shared
def test_aclimdb_reviews(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "aclimdb_remake_reviews" / "reviews.jsonl"
    reviews, problems = read(path)
    assert problems == []
    assert len(reviews) == 2635 == len({r.id for r in reviews})
    assert not any("<br" in r.text.lower() for r in reviews)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
    assert [r.id for r in reviews] == [rec["review_id"] for rec in records]
    stripped = tmp_path / "reviews.jsonl"  # the same records without their answers read the same
    with stripped.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps({k: v for k, v in rec.items() if k not in ANSWER_FIELDS}) + "\n")
    again, _ = read(stripped)
    assert [replace(r, source=str(path)) for r in again] == reviews


# -- bad input --------------------------------------------------------------------------------------

LIMIT = f"{MAX_RECORD_BYTES:,}"
BAD_CASES = [
    ("empty.txt", ["1: empty file, expected a review"], []),
    ("whitespace.txt", ["1: only whitespace, expected a review"], []),
    ("undecodable.txt", ["3: not UTF-8: cannot decode byte 0xe9 at column 66 (byte offset 88); save it as UTF-8"], []),
    ("utf16-no-bom.txt", ["1: UTF-16 text without a byte-order mark; save it as UTF-8"], []),
    ("nul-byte.txt", ["2: NUL byte at column 10; expected text"], []),
    ("binary.txt", ["1: binary file, not text (NUL byte at byte offset 8)"], []),
    ("header-only.txt", ["1: no review text after the header"], []),
    # a header without '---' is reported, and read as a header up to the blank line (the review is kept)
    (
        "no-dashes.txt",
        ["4: header has no '---' line after it; expected '---' after the last 'key: value' line"],
        ["no-dashes"],
    ),
    ("rating-11.txt", ["3: rating '11/10' is out of range (0 to 10); rating dropped, review kept"], ["rating-11"]),
    ("rating-negative.txt", ["3: rating '-3' is negative; rating dropped, review kept"], ["rating-negative"]),
    (
        "year-0.txt",
        ["2: film_year '0' is not a year (expected 1870 to 2100); film_year dropped, review kept"],
        ["year-0"],
    ),
    (
        "year-20215.txt",
        ["2: film_year '20215' is not a year (expected 1870 to 2100); film_year dropped, review kept"],
        ["year-20215"],
    ),
    (
        "long-title.txt",
        ["1: film_title is 10,000 characters long, more than the limit of 500; film_title dropped, review kept"],
        ["long-title"],
    ),
    ("broken-json.jsonl", ["2: not valid JSON: Unterminated string starting at column 22"], ["a1", "a3"]),
    (
        "not-object.jsonl",
        ["2: expected a JSON object {...}, got a list", "3: expected a JSON object {...}, got a string"],
        ["b1", "b2"],
    ),
    (
        "no-text.jsonl",
        ["2: record has no 'text' field (fields: body, id); expected the review in 'text'"],
        ["c1", "c3"],
    ),
    (
        "empty-text.jsonl",
        [
            "2: 'text' is empty",
            "3: 'text' is empty",
            "4: 'text' is a number, expected a string",
            "5: 'text' is null, expected a string",
        ],
        ["d1", "d6"],
    ),
    ("duplicate-id.jsonl", ["3: duplicate review id 'e1' (first at {path}:1)"], ["e1", "e2"]),
    (
        "undecodable.jsonl",
        ["2: not UTF-8: cannot decode byte 0xe9 at column 26 (byte offset 80); save it as UTF-8"],
        ["g1", "g3"],
    ),
    ("nul.jsonl", ["2: NUL byte at column 28; expected text"], ["h1", "h3"]),
    (
        "bad-fields.jsonl",
        [
            "1: film_year '20215' is not a year (expected 1870 to 2100); film_year dropped, review kept",
            "1: rating '-3' is negative; rating dropped, review kept",
            "1: url 'javascript:alert(1)' is not an http(s) URL; url dropped, review kept",
            "1: imdb_id '0086250' is not an IMDb title id (expected 'tt' and 7 to 10 digits); imdb_id dropped, review kept",
            "2: film_year '0' is not a year (expected 1870 to 2100); film_year dropped, review kept",
            "2: rating '11/10' is out of range (0 to 10); rating dropped, review kept",
            "2: author is a list, expected a string; author dropped, review kept",
        ],
        ["k1", "k2"],
    ),
    (
        "no-text-column.csv",
        [
            "1: no 'text' column (columns: 'id', 'body', 'rating'); expected a comma-separated header "
            "row naming 'text' and 'id'"
        ],
        [],
    ),
    (
        "unbalanced-quotes.csv",
        ["3: unbalanced quotes: a quoted field that starts on this line is never closed"],
        ["n1", "n3"],
    ),
    (
        "extra-fields.csv",
        ["3: row has 4 fields but the header has 3; quote a field that contains a comma"],
        ["p1", "p3"],
    ),
    ("empty-text.csv", ["3: 'text' is empty"], ["q1", "q3"]),
]


@pytest.mark.parametrize(("name", "messages", "good"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_is_reported_and_the_rest_is_read(name: str, messages: list[str], good: list[str]) -> None:
    path = BAD / name
    reviews, problems = read(path)
    assert problems == [f"{path}:{m.replace('{path}', str(path))}" for m in messages]
    assert [r.id for r in reviews] == good


def test_the_bad_corpus_is_all_covered() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(c[0] for c in BAD_CASES)
    reviews, problems = read(BAD)  # the whole folder at once: every good record, every problem
    assert sorted(r.id for r in reviews) == sorted(i for c in BAD_CASES for i in c[2])
    assert len(problems) == sum(len(c[1]) for c in BAD_CASES)


def test_impossible_fields_are_dropped_and_the_rest_kept() -> None:
    (k1, k2), _ = read(BAD / "bad-fields.jsonl")
    assert (k1.film_title, k1.film_year, k1.rating, k1.url, k1.imdb_id) == ("Scarface", None, None, None, None)
    assert (k2.rating, k2.film_year, k2.author) == (None, None, None)
    (review,), _ = read(BAD / "no-dashes.txt")
    assert (review.film_title, review.film_year, review.rating) == ("Sorcerer", 1977, "9/10")
    assert review.text.startswith("Friedkin's remake")


def test_key_value_lines_that_are_not_all_known_keys_are_body() -> None:
    review = parse_review("Verdict: better than the original.\nfilm_year: 1998\n\nMore text.", id="v")
    assert review.text.startswith("Verdict:") and review.film_year is None


def test_unpaired_surrogate_is_replaced_and_reported(tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text('{"id": "s", "text": "bad \\ud800 char"}\n', encoding="utf-8")
    (review,), problems = read(tmp_path / "s.jsonl")
    assert review.text == "bad \ufffd char"
    assert problems == [
        f"{tmp_path / 's.jsonl'}:1: text has an unpaired surrogate '\\ud800' at character 5, "
        "not valid Unicode; replaced by U+FFFD"
    ]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Two."}\n', encoding="utf-8")
    reviews, problems = read(tmp_path / "a", tmp_path / "b.jsonl")
    assert [r.text for r in reviews] == ["One."]
    assert problems == [f"{tmp_path / 'b.jsonl'}:1: duplicate review id 'x' (first at {tmp_path / 'a' / 'x.txt'}:1)"]


def test_a_50_mb_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    size = 50 * 2**20
    jsonl, text = tmp_path / "big.jsonl", tmp_path / "big.txt"
    with jsonl.open("w", encoding="utf-8") as f:
        f.write('{"id": "before", "text": "Fine."}\n{"id": "big", "text": "')
        f.write("a" * size)
        f.write('"}\n{"id": "after", "text": "Also fine."}\n')
    text.write_bytes(b"b" * size)
    tracemalloc.start()
    try:
        reviews, problems = read(jsonl, text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.id for r in reviews] == ["before", "after"]
    assert problems == [
        f"{jsonl}:2: line is {size + 26:,} bytes, more than the limit of {LIMIT} bytes for one record",
        f"{text}:1: file is {size:,} bytes, more than the limit of {LIMIT} bytes for one review",
    ]
    assert peak < 16 * 2**20  # a few times the 1 MiB limit, never the 50 MB line


# -- strict mode ------------------------------------------------------------------------------------


def test_strict_stops_at_the_first_problem() -> None:
    path = BAD / "broken-json.jsonl"
    seen: list[str] = []
    with pytest.raises(InputError) as err:
        for review in read_reviews([path], strict=True):
            seen.append(review.id)
    assert seen == ["a1"]
    assert str(err.value) == f"{path}:2: not valid JSON: Unterminated string starting at column 22"
    assert (err.value.path, err.value.line) == (str(path), 2)


def test_strict_also_stops_at_a_dropped_field() -> None:
    with pytest.raises(InputError) as err:
        read(BAD / "rating-11.txt", strict=True)
    assert str(err.value) == f"{BAD / 'rating-11.txt'}:3: rating '11/10' is out of range (0 to 10)"


def test_parse_review_raises_input_error_without_text() -> None:
    with pytest.raises(InputError, match=r"^x\.txt:7: only whitespace, expected a review$"):
        parse_review("  \n ", id="x", source="x.txt", line=7)
    with pytest.raises(InputError, match=r"^<text>:1: no review text after the header$"):
        parse_review("film_title: X\n---\n", id="x")


# -- standard input ---------------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'\n  {"id": "s1", "text": "From a pipe."}\n{"id": "s2", "text": "Again."\n')
    reviews, problems = read("-")
    assert [(r.id, r.source, r.line) for r in reviews] == [("s1", "<stdin>", 2)]
    assert problems == ["<stdin>:3: not valid JSON: Expecting ',' delimiter at column 30"]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"film_title: Solaris\n---\nSoderbergh's Solaris is quieter than Tarkovsky's.\n")
    (review,), problems = read("-")
    assert (review.id, review.film_title, review.source) == ("stdin", "Solaris", "<stdin>")
    assert problems == []


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    assert read("-") == ([], ["<stdin>:1: empty file, expected a review"])


# -- fuzzing ----------------------------------------------------------------------------------------

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(reviews: list[Review]) -> None:
    for r in reviews:
        assert isinstance(r.text, str) and r.text and r.text == r.text.strip()
        assert r.film_year is None or 1870 <= r.film_year <= 2100


@FUZZ
@given(st.text())
def test_fuzz_parse_review(text: str) -> None:
    try:
        review = parse_review(text, id="f", on_problem=lambda p: None)
    except InputError as err:
        assert err.path == "<text>" and err.line is not None
        return
    _check([review])


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _fuzz_read(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    problems: list[InputProblem] = []
    reviews = list(read_reviews([path], on_problem=problems.append))
    _check(reviews)
    assert all(p.path == str(path) for p in problems)
    try:
        strict = list(read_reviews([path], strict=True))
    except InputError:
        assert problems
    else:
        assert strict == reviews and not problems


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_fuzz_jsonl_and_csv_readers_with_any_bytes(fuzz_dir: Path, data: bytes) -> None:
    for name in ("any.jsonl", "any.csv", "any.tsv", "any.txt"):
        _fuzz_read(fuzz_dir / name, data)


_values = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats() | st.text(max_size=30)
_records = st.dictionaries(
    st.sampled_from(
        [
            "id",
            "review_id",
            "text",
            "film_title",
            "film_year",
            "rating",
            "rating_best",
            "date",
            "url",
            "imdb_id",
            "author",
            "headline",
            *ANSWER_FIELDS,
        ]
    ),
    _values | st.lists(_values, max_size=2),
)


@FUZZ
@given(st.lists(_records, max_size=5))
def test_fuzz_jsonl_and_csv_records(fuzz_dir: Path, records: list[dict[str, object]]) -> None:
    _fuzz_read(fuzz_dir / "records.jsonl", "".join(json.dumps(r) + "\n" for r in records).encode())
    columns = sorted({k for r in records for k in r} | {"text"})
    rows = [",".join(columns)] + [",".join(json.dumps(str(r.get(c, ""))) for c in columns) for r in records]
    _fuzz_read(fuzz_dir / "records.csv", "\n".join(rows).encode("utf-8", "surrogatepass"))


def test_imdb_page_without_headline_and_with_spoiler_warning() -> None:
    text = "Oldboy (2013)\n4/10\nWarning: Spoilers\n27 November 2013\nLouder than the Korean film.\nPermalink\n"
    review = parse_review(text, id="o")
    assert (review.headline, review.date, review.rating, review.text) == (
        None,
        "2013-11-27",
        "4/10",
        "Louder than the Korean film.",
    )


def test_csv_line_that_cannot_be_read_inside_a_quoted_field(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes(b'id,text\nu1,"starts here\nthen caf\xe9\nends here"\nu2,Fine.\n')
    reviews, problems = read(path)
    assert [r.id for r in reviews] == ["u2"]
    assert problems == [
        f"{path}:2: the record that starts on this line is cut by line 3",
        f"{path}:3: not UTF-8: cannot decode byte 0xe9 at column 9 (byte offset 32); save it as UTF-8",
        f"{path}:4: row has 1 field but the header has 2, so no 'text'",
    ]


_cells = st.text(st.sampled_from(list('ab ",\n\t\u00e9')), min_size=1, max_size=40).filter(str.strip)


@FUZZ
@given(st.lists(_cells, min_size=1, max_size=6))
def test_fuzz_csv_round_trip(fuzz_dir: Path, texts: list[str]) -> None:
    """Whatever csv.writer writes (quotes, commas, tabs, newlines in fields), the reader reads back."""
    import csv

    for name, delimiter in (("round.csv", ","), ("round.tsv", "\t")):
        path = fuzz_dir / name
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=delimiter)
            writer.writerow(["id", "text"])
            writer.writerows([f"r{i}", t] for i, t in enumerate(texts))
        reviews, problems = read(path)
        assert problems == []
        assert [r.text for r in reviews] == [t.strip() for t in texts]


def test_blank_ids_fall_back_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": " ", "review_id": "", "text": "No usable id."}\n{"id": 7, "text": "Numeric id."}\n')
    assert [r.id for r in read(path)[0]] == ["ids-1", "7"]
    assert parse_review("id:\nfilm_year: 2001\n---\nFine.", id="stem").id == "stem"
