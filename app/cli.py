"""The `opinions` command: ingest, extract, annotate, evaluate, serve, db upgrade."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.annotate.taxonomy import Taxonomy, load_taxonomy
from app.config import get_settings
from app.db import get_engine
from app.ingest import pipeline
from app.ingest.analyse import analyse
from app.ingest.serialize import analysis_record
from app.ingest.sources import ReadError, iter_files, read_documents
from app.migrate import upgrade_database

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
app.add_typer(db_app, name="db")
err = Console(stderr=True)

DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url", envvar="OPINIONS_DATABASE_URL", help="SQLAlchemy URL [default: sqlite:///opinions.db]"
    ),
]
TaxonomyPath = Annotated[
    Path | None, typer.Option("--taxonomy", help="Topic taxonomy TOML [default: seeds/topics.toml]")
]


def resolve_url(url: str | None) -> str:
    return url or get_settings().database_url


def taxonomy_from(path: Path | None) -> Taxonomy:
    path = path or get_settings().taxonomy()
    try:
        return load_taxonomy(path)
    except (OSError, ValueError) as error:
        err.print(f"[red]cannot read the topic taxonomy {path}: {error}[/red]")
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders [default: seeds/]")] = None,
    database_url: DatabaseUrl = None,
    taxonomy: TaxonomyPath = None,
) -> None:
    """Load documents into the database, one transaction each; exit 1 if any failed."""
    url = resolve_url(database_url)
    upgrade_database(url)
    paths = paths or [get_settings().seeds()]
    total = sum(1 for _ in iter_files(paths))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=total)
        report = pipeline.ingest(
            paths, engine=get_engine(url), taxonomy=taxonomy_from(taxonomy), on_result=lambda _: progress.advance(task)
        )
    for failure in report.failures:
        report_failure(failure.source, failure.reason)
    err.print(summary_table(report))
    raise typer.Exit(1 if report.failures else 0)


def report_failure(source: str, reason: str) -> None:
    """One unwrapped stderr line per failed document, easy to grep."""
    typer.echo(f"failed {source}: {reason}", err=True)


def summary_table(report: pipeline.IngestReport) -> Table:
    table = Table(title="ingest summary")
    for column in ("documents", "loaded", "unchanged", "failed", "experts", "statements"):
        table.add_column(column, justify="right")
    loaded = [r for r in report.results if r.outcome == "loaded"]
    table.add_row(
        str(len(report.results)),
        str(len(loaded)),
        str(report.count("unchanged")),
        str(report.count("failed")),
        str(sum(r.experts for r in loaded)),
        str(sum(r.statements for r in loaded)),
    )
    return table


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders")],
    format: Annotated[str, typer.Option("--format", help="Output format (ndjson)")] = "ndjson",
    taxonomy: TaxonomyPath = None,
) -> None:
    """Run the extraction alone (no database) and print one JSON object per document."""
    if format != "ndjson":
        err.print(f"unknown --format {format!r}; use ndjson")
        raise typer.Exit(2)
    topics, failed = taxonomy_from(taxonomy), False
    for item in read_documents(paths):
        if isinstance(item, ReadError):
            report_failure(item.source, item.reason)
            failed = True
            continue
        record = analysis_record(item, analyse(item.text, topics, published=item.published))
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def annotate(database_url: DatabaseUrl = None, taxonomy: TaxonomyPath = None) -> None:
    """Re-annotate every stored statement from the taxonomy (no re-extraction)."""
    url = resolve_url(database_url)
    upgrade_database(url)
    count = pipeline.reannotate(engine=get_engine(url), taxonomy=taxonomy_from(taxonomy))
    err.print(f"re-annotated {count} statements")


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files")],
    docs_dir: Annotated[Path | None, typer.Argument(help="Folder of the documents")] = None,
) -> None:
    """Score the extraction against hand annotations and print the table."""
    from app.evaluate import evaluate_command

    evaluate_command(gold_dir, docs_dir)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes; one per core gives the most requests/s")] = 1,
    database_url: DatabaseUrl = None,
) -> None:
    """Upgrade the schema, load seeds/ into an empty database, and serve the API."""
    import uvicorn

    from app.main import create_app
    from app.queries.documents import has_documents

    url = resolve_url(database_url)
    upgrade_database(url)
    engine = get_engine(url)
    if not has_documents(engine):
        err.print(f"empty database: loading {get_settings().seeds()}")
        pipeline.ingest([get_settings().seeds()], engine=engine, taxonomy=taxonomy_from(None))
    if workers == 1:
        uvicorn.run(create_app(url), host=host, port=port)
        return
    os.environ["OPINIONS_DATABASE_URL"] = url  # each worker process builds the app from its environment
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers)


@db_app.command("upgrade")
def db_upgrade(database_url: DatabaseUrl = None) -> None:
    """Bring the database schema up to date (Alembic migrations)."""
    upgrade_database(resolve_url(database_url))
    err.print("database schema is up to date")
