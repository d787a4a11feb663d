"""Command-line interface: parse arguments, call the library, print. Nothing else lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.errors import KgError


@click.group()
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: build a knowledge graph from Chinese news articles."""


DEFAULT_SEEDS = Path("seeds")
DEFAULT_OUT = Path("exports")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Folder for the exports (graph.ttl, .nt, .jsonld, .graphml, .gexf, .html) and the oxigraph/ store.")
@click.option("--quiet", is_flag=True, help="Print only errors and the summary.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction and for rendering the exports side by side [default: one per CPU; small inputs run in one process].")
@click.option("--segmenter", type=click.Choice(["jieba", "rjieba"]), default="rjieba", show_default=True,
              help="Word segmenter: rjieba (jieba's model in Rust), or jieba itself (the same words and tags, slower).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the per-article analysis cache [default: OUT/.kg-cache].")
@click.option("--no-cache", is_flag=True, help="Analyze every article afresh; read and write no cache.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Run extraction on the Dask cluster with this scheduler instead of local processes "
                   "(workers need this kg version; start them with `dask worker ADDRESS --nthreads 1`).")
@click.option("--formats", "formats_arg", metavar="LIST", default=None,
              help="Comma-separated exports to write: turtle, ntriples, jsonld, graphml, gexf, html [default: all]. "
                   "The SPARQL store is loaded from ntriples, so it is built only when that is written.")
def build(paths: tuple[Path, ...], out: Path, quiet: bool, workers: int | None, segmenter: str,
          cache_dir: Path | None, no_cache: bool, scheduler: str | None, formats_arg: str | None) -> None:
    """Build the knowledge graph from article files or folders (default: seeds/) and write exports.

    Reads .txt, .md (YAML front matter), .html and .jsonl articles. Unreadable inputs are reported and
    skipped; the exit status is 0 for a clean build, 3 when some input was skipped, 1 on failure (and when
    no article could be read at all: the exports of an earlier build are then left as they were).

    Each article's analysis is cached under OUT/.kg-cache (see --cache), so a rebuild analyzes only new
    or changed articles; removed articles drop out of the graph with the entities only they mentioned.
    """
    from kg import graph as graph_mod
    from kg.cache import CACHE_DIRNAME
    from kg.export import DEFAULT_FORMATS, EXPORTERS, write_exports
    from kg.pipeline import build_with_report, default_workers
    from kg.progress import ProgressBar

    formats = DEFAULT_FORMATS
    if formats_arg is not None:
        formats = tuple(dict.fromkeys(f.strip() for f in formats_arg.split(",") if f.strip()))
        unknown = [f for f in formats if f not in EXPORTERS]
        if unknown or not formats:
            raise click.BadParameter(f"unknown format {', '.join(unknown) or '(none given)'}; choose from "
                                     f"{', '.join(EXPORTERS)}", param_hint="--formats")
    sources = list(paths) or [DEFAULT_SEEDS]
    cache = None if no_cache else (cache_dir or out / CACHE_DIRNAME)
    bar = ProgressBar(enabled=False if quiet else None)
    try:
        with bar:
            report = build_with_report(sources, progress=bar, workers=workers, segmenter=segmenter,
                                       cache_dir=cache, scheduler=scheduler)
        assert report.graph is not None
        if report.documents == 0:
            for item in report.skipped:
                click.echo(f"skipped {item.path}: {item.reason}", err=True)
            # an empty graph would replace the exports of an earlier build: a mistyped path must not wipe them
            raise click.ClickException(f"no article could be read from {', '.join(str(p) for p in sources)} "
                                       f"({len(report.skipped)} skipped); nothing was written to {out}")
        if bar.enabled:
            click.echo(f"writing exports to {out} ...", err=True)
        written = write_exports(report.graph, out, formats, workers=default_workers(workers), with_store=True,
                                memo=None if cache is None else Path(cache))
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for problem in report.cache_errors:
        click.echo(f"warning: cache entry not written: {problem}", err=True)
    for item in report.skipped:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    counts = graph_mod.summary(report.graph)
    entity_counts = ", ".join(f"{n} {t}" for t, n in counts["nodes"].items() if t != "Document") or "none"
    fact_counts = ", ".join(f"{n} {p}" for p, n in counts["edges"].items()) or "none"
    cached = f" ({report.cached} from cache)" if report.cached else ""
    click.echo(f"{report.documents} articles{cached}; entities: {entity_counts}; facts: {fact_counts}; "
               f"skipped files: {len(report.skipped)}")
    click.echo("wrote " + ", ".join(str(p) for p in written))
    if report.skipped:
        sys.exit(3)


@cli.command(name="viz")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--focus", "focus_name", default=None, metavar="NAME",
              help="Show only the neighbourhood of this entity (its name, an alias or its id).")
@click.option("--depth", type=click.IntRange(min=0), default=None,
              help="With --focus: how many edges away from the entity to go.  [default: 1]")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write.  [default: exports/graph.html, or exports/focus.html with --focus]")
@click.option("--title", default=None, help="Page title.  [default: kg, or the entity and depth with --focus]")
def viz_command(paths: tuple[Path, ...], focus_name: str | None, depth: int | None, out: Path | None,
                title: str | None) -> None:
    """Build the graph from article files or folders (default: seeds/) and write the HTML explorer.

    The page works offline (everything inlined). With --focus it holds only the entities within
    --depth edges of one entity. Exit status as for build: 0 clean, 3 when some input was skipped, 1 on failure.
    """
    from kg import viz
    from kg.export import write_atomic
    from kg.pipeline import build_with_report

    if depth is not None and focus_name is None:
        raise click.UsageError("--depth needs --focus NAME")
    depth = 1 if depth is None else depth
    out = out or DEFAULT_OUT / ("focus.html" if focus_name else "graph.html")
    try:
        report = build_with_report(list(paths) or [DEFAULT_SEEDS])
        assert report.graph is not None
        G = report.graph
        if focus_name is not None:
            G = viz.focus(G, focus_name, depth)
            label = G.nodes[G.graph["focus"]].get("label", G.graph["focus"])
            title = title or f"{label}（{depth} 度邻域）"
        write_atomic(out, viz.html(G, title=title or "kg"))
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for item in report.skipped:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    click.echo(f"wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    if report.skipped:
        sys.exit(3)


@cli.group(name="eval")
def eval_group() -> None:
    """Measure the project's recognizers against public benchmarks."""


@eval_group.command(name="ner")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file instead of a table.")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences of each file.")
def eval_ner(files: tuple[Path, ...], as_json: bool, limit: int | None) -> None:
    """Score the mention recognizer on NER test FILES (BIO, BMES or CLUENER JSONL).

    Prints exact-span precision, recall and F1 per type and micro-averaged, and characters per second.
    """
    from kg import nereval

    try:
        for path in files:
            report = nereval.evaluate_file(path, limit=limit)
            click.echo(json.dumps(report, ensure_ascii=False) if as_json else nereval.format_report(path, report))
    except KgError as e:
        raise click.ClickException(str(e)) from e


@cli.command(name="query")
@click.argument("query_spec", metavar="QUERY", required=False)
@click.option("-e", "--export", "export", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Export folder (uses its Oxigraph store) or an RDF file (.nt, .ttl, .jsonld).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (repeatable); values are bound as RDF terms, never pasted into the query.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output: a table, or the SPARQL 1.1 CSV, TSV or JSON results format.")
@click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True,
              help="Clip table cells to this many columns (0: never).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
def query_command(query_spec: str | None, export: Path, params: tuple[str, ...], fmt: str, max_width: int,
                  list_queries: bool) -> None:
    """Run SPARQL over an export: QUERY is a named query (see --list), a .rq file, or SPARQL text.

    \b
    Examples:
      kg query --list
      kg query people-by-honor -p honor=劳动模范
      kg query quotes -p person=李会东 --format csv
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg import query as q
    from kg import store

    try:
        if list_queries:
            for name, nq in q.named_queries().items():
                args = " ".join(f"-p {p.name}=…" if p.required else f"[-p {p.name}=…]" for p in nq.params)
                click.echo(f"{name} {args}".rstrip())
                click.echo(f"    {nq.description}")
                for p in nq.params:
                    click.echo(f"    {p.name} ({p.kind}{', optional' if not p.required else ''}): {p.help}")
            return
        if not query_spec:
            raise click.UsageError("give a QUERY (a named query, a .rq file or SPARQL text), or --list")
        values = {}
        for item in params:
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise click.UsageError(f"-p {item!r}: write it as NAME=VALUE")
            values[name.strip()] = value
        data, where = store.open_export(export)
        if not where.startswith("store "):
            click.echo(f"note: reading {where}", err=True)
        result = q.run(data, q.resolve(query_spec), values)
        click.echo(q.format_result(result, fmt, max_width), nl=False)
    except KgError as e:
        raise click.ClickException(str(e)) from e


@cli.command(name="serve")
@click.argument("export", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the graph to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True, help="Port to listen on.")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL updates and Graph Store writes (changes last until the next `kg build`).")
def serve_command(export: Path, host: str, port: int, writable: bool) -> None:
    """Serve EXPORT (default: exports/) as a SPARQL 1.1 endpoint with the oxigraph server.

    Read-only and bound to 127.0.0.1 unless told otherwise. Queries go to http://HOST:PORT/query
    (SPARQL 1.1 Protocol); the Graph Store Protocol is at /store. Stop it with Ctrl-C.
    """
    import signal

    from kg import server

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Ctrl-C and SIGTERM stop the oxigraph child too, even when SIGINT was ignored by whoever started us.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        srv = server.serve_export(export, host, port, writable, capture_output=False)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    except KeyboardInterrupt:
        sys.exit(130)  # stopped while starting; the server was stopped with it
    try:
        mode = "read-write" if writable else "read-only"
        click.echo(f"serving {export} ({mode}) at {srv.query_url} — Ctrl-C to stop", err=True)
        srv.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
    if srv.process.returncode not in (0, -15, None):
        sys.exit(1)


@cli.command(name="push")
@click.argument("export", type=click.Path(exists=True, path_type=Path), default=DEFAULT_OUT)
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL, e.g. http://localhost:3030/DATASET/data (Fuseki) or "
                   "http://localhost:7878/store (Oxigraph).")
@click.option("--graph", "graph_iri", default=None, metavar="IRI", help="Named graph to load into [default: the default graph].")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--ontology", "with_ontology", is_flag=True,
              help="Also load ontology/kg.ttl into the graph https://example.org/kg/ontology.")
@click.option("--user", default=None, help="User for HTTP basic auth; the password is read from $KG_ENDPOINT_PASSWORD.")
def push_command(export: Path, endpoint: str, graph_iri: str | None, append: bool, with_ontology: bool,
                 user: str | None) -> None:
    """Load EXPORT (an export folder or an RDF file) into a SPARQL 1.1 Graph Store Protocol endpoint.

    Works with Fuseki, GraphDB, Virtuoso, Oxigraph and any other Graph Store Protocol server.
    """
    import os

    from kg.push import push

    try:
        done = push(export, endpoint, graph_iri, append, with_ontology, user, os.environ.get("KG_ENDPOINT_PASSWORD"))
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for item in done:
        click.echo(f"{item.method} {item.source} ({item.size} bytes) -> {item.url}: HTTP {item.status}")


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    sys.exit(main())
