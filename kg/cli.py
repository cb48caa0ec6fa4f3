"""The ``kg`` command line: thin commands over the library (the only module that imports click)."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import InputError, KgError
from kg.model import InputProblem

if TYPE_CHECKING:
    from kg.link import Catalog

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
    click.echo(f"{'warning' if problem.kept else 'skipped'}: {problem}", err=True)


def _formats(value: str) -> list[str]:
    from kg.pipeline import FORMAT_FILES

    formats = [f.strip().lstrip(".") for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMAT_FILES]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; expected some of {', '.join(FORMAT_FILES)}")
    return formats


def _catalog_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--catalog FILE`` (repeatable) and ``--no-builtin``, shared by the commands that link."""
    command = click.option("--no-builtin", is_flag=True, help="Do not link against the built-in catalog.")(command)
    return click.option(
        "--catalog",
        "catalogs",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="A catalog of known films and people (Turtle in the graph contract's shape); repeatable.",
    )(command)


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
@_catalog_options
@click.option(
    "--with-catalog",
    is_flag=True,
    help="Also write what only the catalog knows of the linked films (its remake links) into <graph/catalog>.",
)
@click.option("--no-pages", is_flag=True, help="Do not write the family pages (OUTDIR/index.html, OUTDIR/families/).")
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
    catalogs: Sequence[str],
    no_builtin: bool,
    with_catalog: bool,
    no_pages: bool,
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
      kg build examples/ reviews.jsonl -o output/ --format ttl,trig,nt --jobs 4 --catalog my-films.ttl
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
            catalog=_catalog(catalogs, no_builtin),
            on_problem=_report_problem,
            progress=bar,
            jobs=jobs,
            store=store,
            update=update,
            scheduler=scheduler,
            with_catalog=with_catalog,
            pages=not no_pages,
        )
    finally:
        bar.close()
    if not quiet:
        for line in result.summary.lines():
            click.echo(line)


class _ProgressBar:
    """Draws ``progress(done, total)`` on a terminal's stderr: a bar, reviews/s, ETA (builds past a second)."""

    def __init__(self, *, enabled: bool, tty: bool | None = None, clock: Callable[[], float] | None = None) -> None:
        import time

        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.last = self.start - 60.0
        self.enabled, self.drawn = enabled, False
        self.tty = sys.stderr.isatty() if tty is None else tty

    def __call__(self, done: int, total: int | None) -> None:
        now = self.clock()
        if not (self.enabled and self.tty) or now - self.start < 1.0 or now - self.last < 0.2:
            return  # drawn on a terminal only: logs and pipes get the summary alone
        self.last, self.drawn = now, True
        rate = done / (now - self.start)
        if total and total >= done:
            filled = int(30 * done / total) if total else 0
            eta = int((total - done) / rate) if rate else 0
            text = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} reviews  {rate:,.0f} reviews/s  "
            text += f"ETA {eta // 60}:{eta % 60:02d}"
        else:
            text = f"{done} reviews  {rate:,.0f} reviews/s"
        click.echo(f"\r{text}  ", err=True, nl=False)

    def close(self) -> None:
        if self.drawn and self.tty:
            click.echo("", err=True)


@cli.command(name="extract")
@click.argument("inputs", nargs=-1, type=str, required=True)
@_catalog_options
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per review (JSON Lines).")
def extract_(
    inputs: Sequence[str], catalogs: Sequence[str], no_builtin: bool, min_confidence: float, as_json: bool
) -> None:
    """Show what each review says: every claim with its confidence and the words that support it.

    \b
    Example:
      kg extract examples/el-desconocido-2015.txt
    """
    from kg.explain import explain, to_json
    from kg.pipeline import read_reviews_of

    catalog = _catalog(catalogs, no_builtin)
    for n, (extraction, links) in enumerate(
        read_reviews_of(inputs, catalog=catalog, min_confidence=min_confidence, on_problem=_report_problem)
    ):
        if as_json:
            click.echo(json.dumps(to_json(extraction, links), ensure_ascii=False))
        else:
            click.echo(("\n" if n else "") + "\n".join(explain(extraction, links)))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("inputs", nargs=-1, type=str)
@click.option(
    "--graph",
    "graph_path",
    type=click.Path(exists=True),
    help="Score this built graph (a file, or a store folder of `kg build --store`) instead of building.",
)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@_catalog_options
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", is_flag=True, help="Also list what the graph misses (-) and adds (+) against the gold, per field."
)
def eval_(
    gold: str,
    inputs: Sequence[str],
    graph_path: str | None,
    min_confidence: float,
    catalogs: Sequence[str],
    no_builtin: bool,
    as_json: bool,
    errors: bool,
) -> None:
    """Score extraction against gold annotations (precision, recall, F1 per field).

    Builds the reviews that GOLD names, from INPUTS or else from the sources
    the gold file gives (relative to the data folder that holds it).

    \b
    Example:
      kg eval ../shared/data/gold/seed.jsonl ../shared/data/seed/
    """
    from kg.evaluate import format_errors, format_scores, read_gold, score
    from kg.pipeline import build as run_build
    from kg.store import read_graph, union

    rows = read_gold(gold)
    if graph_path:
        graph = union(read_graph(graph_path))
    else:
        sources = list(inputs) or _gold_sources(Path(gold), rows)
        wanted = {r["review"] for r in rows}
        result = run_build(
            sources,
            catalog=_catalog(catalogs, no_builtin),
            min_confidence=min_confidence,
            keep=lambda r: r.id in wanted,
            on_problem=_report_problem,
        )
        graph = union(result.dataset)
    res = score(rows, graph, errors=errors)
    if as_json:
        click.echo(json.dumps(res, indent=1))
    else:
        for line in format_scores(res) + ([""] + format_errors(res) if errors else []):
            click.echo(line)


def _catalog(paths: Sequence[str], no_builtin: bool) -> Catalog | None:
    """The built-in catalog (unless ``no_builtin``) and the user's files, merged; ``None`` if neither."""
    from kg.link import load_catalog

    if no_builtin and not paths:
        return None
    return load_catalog(paths, builtin=not no_builtin)


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
    from kg.shacl import validate as run_validate
    from kg.store import read_graph

    problems = run_validate(read_graph(graph), shapes=shapes)
    for line in problems:
        click.echo(line)
    if problems:
        raise KgError(f"{graph}: {len(problems)} violation(s) of the shapes")
    click.echo(f"{graph}: conforms to the shapes")


@cli.command()
@click.argument("query_name", metavar="NAME|FILE.rq", required=False)
@click.option(
    "--graph", "graph_path", default=f"{DEFAULT_OUTPUT}/kg.trig", show_default=True, help="The built graph to query."
)
@click.option("--endpoint", metavar="URL", help="Query this SPARQL server instead (its query URL).")
@click.option("--bind", "bindings", multiple=True, metavar="NAME=VALUE", help="A parameter value (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the query library, one line each.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for a server.")
def query(
    query_name: str | None,
    graph_path: str,
    endpoint: str | None,
    bindings: Sequence[str],
    fmt: str,
    list_queries: bool,
    timeout: float,
) -> None:
    """Run a query of the library (NAME) or a FILE.rq on a built graph or a SPARQL server.

    Values given with --bind are bound as RDF terms of the kind the query's
    header declares (iri: film/hard-hit-2021, fkg:remakeOf or a full IRI),
    never pasted into the query. A server's credentials come from
    KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or ~/.netrc.

    \b
    Example:
      kg query --list
      kg query remakes --bind film=film/el-desconocido-2015
      kg query families --endpoint http://127.0.0.1:7878/query --format csv
    """
    from kg.server import run_query
    from kg.sparql import find_queries, serialize_query_list, serialize_table

    if list_queries:
        click.echo(serialize_query_list(find_queries()), nl=False)
        return
    if not query_name:
        raise click.UsageError("give a query NAME or a FILE.rq (`kg query --list` shows the library)")
    table = run_query(query_name, graph=graph_path, endpoint=endpoint, bind=list(bindings), timeout=timeout)
    click.echo(serialize_table(table, format=fmt), nl=False)


@cli.command()
@click.argument("graph", default=f"{DEFAULT_OUTPUT}/kg.trig", type=str)
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="0: any free port.")
@click.option("--location", type=click.Path(file_okay=False), help="Keep the store in this folder.")
def serve(graph: str, port: int, location: str | None) -> None:
    """Serve a built graph with Oxigraph on 127.0.0.1 (SPARQL endpoint and query page) until Ctrl-C.

    Queries see the union of the review graphs, each triple once (kept in the store's default graph).

    \b
    Example:
      kg serve output/kg.trig --port 7878
      kg query remakes --endpoint http://127.0.0.1:7878/query --bind film=film/el-desconocido-2015
    """
    from kg.server import OxigraphServer
    from kg.server import serve as run_serve

    def ready(server: OxigraphServer) -> None:
        click.echo(f"serving {graph} at {server.url} (SPARQL endpoint {server.query_url}); Ctrl-C stops", err=True)

    run_serve(graph, port=port, location=location, on_ready=ready)


@cli.command()
@click.argument("graph", default=f"{DEFAULT_OUTPUT}/kg.trig", type=str)
@click.option("--endpoint", metavar="URL", required=True, help="The store's SPARQL query URL (.../query).")
@click.option("--update-url", metavar="URL", help="Its update URL, if not the query URL with /update.")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds to wait per request.")
def push(graph: str, endpoint: str, update_url: str | None, timeout: float) -> None:
    """Load a built graph into a SPARQL 1.1 store, one named graph per review.

    Each review's graph is replaced whole (a second push replaces, never
    duplicates); a failed request changes none of its graphs. Credentials come
    from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or ~/.netrc.

    \b
    Example:
      kg push --endpoint http://127.0.0.1:7878/query output/kg.trig
    """
    from kg.endpoint import Endpoint
    from kg.server import push as run_push

    report = run_push(graph, Endpoint(endpoint, update_url=update_url, timeout=timeout))
    for line in report.lines():
        click.echo(line)


@cli.command()
@click.argument("title")
@click.option("--year", type=int, help="The film's year, when several films share the title.")
@click.option("--graph", "graph_path", default=f"{DEFAULT_OUTPUT}/kg.trig", show_default=True, help="A built graph.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def lineage(title: str, year: int | None, graph_path: str, fmt: str) -> None:
    """Print the remake family of the film TITLE as a tree by generation, with years and countries.

    \b
    Example:
      kg lineage "El desconocido" --year 2015 --graph output/kg.trig
    """
    from kg.lineage import lineage_report
    from kg.store import read_graph

    click.echo(lineage_report(read_graph(graph_path), title, year=year, format=fmt))


@cli.command()
@click.option("--graph", "graph_path", default=f"{DEFAULT_OUTPUT}/kg.trig", show_default=True, help="A built graph.")
@click.option("-o", "--output", "outdir", default=DEFAULT_OUTPUT, show_default=True, help="Folder to write into.")
@click.option("--min-size", type=click.IntRange(1), default=2, show_default=True, help="Smallest family to draw.")
@click.option("--inline", is_flag=True, help="Put the scripts and styles inside every page (one-file pages).")
def render(graph_path: str, outdir: str, min_size: int, inline: bool) -> None:
    """Write OUTDIR/index.html and a page per remake family (OUTDIR/families/*.html), for offline use.

    \b
    Example:
      kg render --graph output/kg.trig -o output/
    """
    from kg.render import write_site
    from kg.store import read_graph

    written = write_site(read_graph(graph_path), outdir, min_size=min_size, inline=inline)
    pages = sum(1 for p in written if p.parent.name == "families")
    click.echo(f"wrote {pages} family pages and {Path(outdir) / 'index.html'}")


@cli.command()
@click.argument("graph", default=f"{DEFAULT_OUTPUT}/kg.trig", type=str)
@click.option(
    "--endpoint",
    default="https://query.wikidata.org/sparql",
    show_default=True,
    help="A Wikidata-style SPARQL endpoint (its query URL).",
)
@click.option("-o", "--output", "out", help="Write the enriched graph here (default: over GRAPH).")
@click.option(
    "--cache",
    default=None,
    help="Folder for cached answers (default: .kg-cache/wikidata beside GRAPH); a second run asks nothing.",
)
@click.option("--batch", type=click.IntRange(1, 500), default=50, show_default=True, help="Items per query.")
@click.option("--timeout", type=click.FloatRange(1), default=60.0, show_default=True, help="Seconds per request.")
def enrich(graph: str, endpoint: str, out: str | None, cache: str | None, batch: int, timeout: float) -> None:
    """Add Wikidata's facts about the graph's linked films, in the named graph <graph/wikidata>.

    Asks for remake links (P144/P4969, both ends films), directors (P57), cast
    with characters (P161/P453), dates (P577), countries (P495) and IMDb ids
    (P345) of every film with owl:sameAs wd:Q..., in batches, politely, and
    keeps the answers in a cache.

    \b
    Example:
      kg enrich output/kg.trig --endpoint http://127.0.0.1:7878/query
    """
    from kg.endpoint import Endpoint
    from kg.link.wikidata import enrich as run_enrich
    from kg.store import read_graph, write_graph

    path = Path(graph)
    ds = read_graph(path)
    folder = Path(cache) if cache else path.resolve().parent / ".kg-cache" / "wikidata"
    result = run_enrich(ds, Endpoint(endpoint, timeout=timeout), cache=folder, batch=batch)
    target = write_graph(ds, out or path)
    click.echo(
        f"films linked to Wikidata {result.films}, known to the endpoint {result.known}, "
        f"triples added {result.triples}, requests {result.requests} (cached {result.cached})"
    )
    click.echo(f"wrote            {target}")


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
