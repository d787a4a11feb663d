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
              show_default=True, help="Folder for graph.ttl and graph.html.")
@click.option("--quiet", is_flag=True, help="Print only errors and the summary.")
def build(paths: tuple[Path, ...], out: Path, quiet: bool) -> None:
    """Build the knowledge graph from article files or folders (default: seeds/) and write exports.

    Reads .txt, .md (YAML front matter), .html and .jsonl articles. Unreadable inputs are reported and
    skipped; the exit status is 0 for a clean build, 3 when some input was skipped, 1 on failure.
    """
    from kg import graph as graph_mod
    from kg.export import write_exports
    from kg.pipeline import build_with_report

    sources = list(paths) or [DEFAULT_SEEDS]
    show = sys.stderr.isatty() and not quiet

    def progress(done: int, total: int) -> None:
        if show:
            click.echo(f"\r  extracting {done}/{total} articles", err=True, nl=done == total)

    try:
        report = build_with_report(sources, progress=progress)
        assert report.graph is not None
        written = write_exports(report.graph, out)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for item in report.skipped:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    counts = graph_mod.summary(report.graph)
    entity_counts = ", ".join(f"{n} {t}" for t, n in counts["nodes"].items() if t != "Document") or "none"
    fact_counts = ", ".join(f"{n} {p}" for p, n in counts["edges"].items()) or "none"
    click.echo(f"{report.documents} articles; entities: {entity_counts}; facts: {fact_counts}; "
               f"skipped files: {len(report.skipped)}")
    click.echo("wrote " + ", ".join(str(p) for p in written))
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


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    sys.exit(main())
