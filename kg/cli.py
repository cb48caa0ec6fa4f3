"""The ``kg`` command line: thin commands over the library (the only module that imports click)."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from kg.errors import InputError, KgError
from kg.model import InputProblem

__all__ = ["cli", "main"]

DEFAULT_INPUT = "examples"
DEFAULT_OUTPUT = "output"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="filmkg")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """filmkg: a knowledge graph of films and remakes, built from reviews.

    \b
    Example:
      kg build examples/ -o output/
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _report_problem(problem: InputProblem) -> None:
    click.echo(f"skipped: {problem}", err=True)


def _formats(value: str) -> list[str]:
    from kg.pipeline import FORMAT_FILES

    formats = [f.strip().lstrip(".") for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMAT_FILES]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; expected some of {', '.join(FORMAT_FILES)}")
    return formats


@cli.command()
@click.argument("inputs", nargs=-1, type=str)
@click.option("-o", "--output", "outdir", default=DEFAULT_OUTPUT, show_default=True, help="Folder to write into.")
@click.option(
    "--format",
    "formats",
    default="ttl,trig",
    show_default=True,
    help="Comma-separated output formats: ttl, trig, nt, nq, jsonld.",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad input (exit status 1).")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Leave out claims with a lower confidence.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1),
    default=None,
    help="Worker processes for extraction (default: the cores); the output is the same for any number.",
)
@click.option(
    "--store",
    default="oxigraph",
    show_default=True,
    help="Where the graph is held: oxigraph (in memory), rdflib (rdflib's memory store, small graphs) "
    "or a folder for an Oxigraph store on disk that `kg query`/`kg validate` reopen without parsing.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Rebuild only reviews that changed since the last build into OUTDIR (by content hash); "
    "remove the graphs of reviews no longer in the input.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run extraction on a Dask cluster (tcp://host:8786); workers write N-Quads shards into "
    "OUTDIR/shards/ that a SPARQL server can bulk-load.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (no progress bar, no summary).")
def build(
    inputs: Sequence[str],
    outdir: str,
    formats: str,
    strict: bool,
    min_confidence: float,
    jobs: int | None,
    store: str,
    update: bool,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Build the graph from review files, folders or - (stdin); default: examples/.

    Writes OUTDIR/kg.ttl (the union of all graphs) and OUTDIR/kg.trig (one
    named graph per review), and prints a summary. Files are replaced only
    when all are complete: an interrupted build leaves the previous ones.

    \b
    Example:
      kg build examples/ reviews.jsonl -o output/ --format ttl,trig,nt --jobs 4
    """
    import signal

    from kg.pipeline import build_to

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)  # unwinds: workers stopped, temporary files removed

    signal.signal(signal.SIGTERM, terminate)
    chosen = _formats(formats)
    bar = _ProgressBar(enabled=not quiet)
    try:
        result = build_to(
            list(inputs) or [DEFAULT_INPUT],
            outdir,
            formats=chosen,
            strict=strict,
            min_confidence=min_confidence,
            on_problem=_report_problem,
            progress=bar,
            jobs=jobs,
            store=store,
            update=update,
            scheduler=scheduler,
        )
    finally:
        bar.close()
    if not quiet:
        for line in result.summary.lines():
            click.echo(line)


class _ProgressBar:
    """Draws ``progress(done, total)`` on stderr: a bar, reviews/s and ETA (only for builds past a second)."""

    def __init__(self, *, enabled: bool, tty: bool | None = None, clock: Callable[[], float] | None = None) -> None:
        import time

        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.last = self.start - 60.0
        self.enabled, self.drawn = enabled, False
        self.tty = sys.stderr.isatty() if tty is None else tty

    def __call__(self, done: int, total: int | None) -> None:
        now = self.clock()
        if not self.enabled or now - self.start < 1.0 or now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last, self.drawn = now, True
        rate = done / (now - self.start)
        if total and total >= done:
            filled = int(30 * done / total) if total else 0
            eta = int((total - done) / rate) if rate else 0
            text = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} reviews  {rate:,.0f} reviews/s  "
            text += f"ETA {eta // 60}:{eta % 60:02d}"
        else:
            text = f"{done} reviews  {rate:,.0f} reviews/s"
        click.echo(f"\r{text}  " if self.tty else text, err=True, nl=not self.tty)

    def close(self) -> None:
        if self.drawn and self.tty:
            click.echo("", err=True)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("inputs", nargs=-1, type=str)
@click.option(
    "--graph",
    "graph_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Score this built graph instead of building.",
)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_(gold: str, inputs: Sequence[str], graph_path: str | None, min_confidence: float, as_json: bool) -> None:
    """Score extraction against gold annotations (precision, recall, F1 per field).

    Builds the reviews that GOLD names, from INPUTS or else from the sources
    the gold file gives (relative to the data folder that holds it).

    \b
    Example:
      kg eval ../shared/data/gold/seed.jsonl ../shared/data/seed/
    """
    from kg.evaluate import format_scores, read_gold, score
    from kg.pipeline import build as run_build
    from kg.store import read_graph, union

    rows = read_gold(gold)
    if graph_path:
        graph = union(read_graph(graph_path))
    else:
        sources = list(inputs) or _gold_sources(Path(gold), rows)
        wanted = {r["review"] for r in rows}
        result = run_build(
            sources, min_confidence=min_confidence, keep=lambda r: r.id in wanted, on_problem=_report_problem
        )
        graph = union(result.dataset)
    res = score(rows, graph)
    if as_json:
        click.echo(json.dumps(res, indent=1))
    else:
        for line in format_scores(res):
            click.echo(line)


def _gold_sources(gold: Path, rows: list[dict[str, object]]) -> list[str]:
    data = Path(os.environ.get("KG_SHARED_DATA") or gold.resolve().parent.parent)
    sources = sorted({str(r.get("source", "")) for r in rows if r.get("source")})
    missing = [s for s in sources if not (data / s).exists()]
    if missing:
        raise InputError(
            f"the gold's source {missing[0]!r} is not under {data}; give the review files as INPUTS", path=gold
        )
    return [str(data / s) for s in sources]


@cli.command()
@click.argument("graph", default=f"{DEFAULT_OUTPUT}/kg.trig", type=str)
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), help="SHACL shapes (default: the project's).")
def validate(graph: str, shapes: str | None) -> None:
    """Check a built graph against the SHACL shapes; exit 1 when it has violations.

    \b
    Example:
      kg validate output/kg.trig
    """
    from kg.store import read_graph
    from kg.store import validate as run_validate

    problems = run_validate(read_graph(graph), shapes=shapes)
    for line in problems:
        click.echo(line)
    if problems:
        raise KgError(f"{graph}: {len(problems)} violation(s) of the shapes")
    click.echo(f"{graph}: conforms to the shapes")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; a :class:`~kg.errors.KgError` becomes ``Error: ...`` and exit status 1."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="kg", standalone_mode=False)
    except KgError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    if isinstance(code, int) and code:
        sys.exit(code)
