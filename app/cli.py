"""The `opinions` command: ingest, extract, annotate, reextract, evaluate, serve, keys, db upgrade."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from alembic.util import CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from typer._click.exceptions import UsageError  # typer vendors click (pinned in pyproject.toml)
from typer.core import TyperGroup

from app import audit, keys
from app.annotate.taxonomy import Taxonomy, load_taxonomy
from app.config import get_settings
from app.db import database_error_reason, database_url_problem, get_engine, shown
from app.ingest import pipeline
from app.ingest.analyse import analyse
from app.ingest.persist import bump_version
from app.ingest.serialize import analysis_record
from app.ingest.sources import ReadError, iter_files, named_path_problem, read_documents
from app.migrate import upgrade_database


class OneLineUsageErrors(TyperGroup):
    """The `opinions` group: a usage error anywhere below it (an unknown command or option, a value
    an option cannot take) is one line on stderr and exit 2, instead of Rich's usage-and-box."""

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001, ANN201 - click's signature
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except UsageError as error:
            usage_exit(error, f"{parent.command_path} {info_name}" if parent else info_name)

    def invoke(self, ctx):  # noqa: ANN001, ANN201
        try:
            return super().invoke(ctx)
        except UsageError as error:
            usage_exit(error, " ".join(filter(None, [ctx.command_path, ctx.invoked_subcommand])))


def usage_exit(error: UsageError, command_path: str) -> NoReturn:
    """`error: No such option: --nope (see 'opinions ingest --help')` on stderr, exit 2 (the error's code).
    `command_path` names the command when the error does not."""
    if type(error).__name__ == "NoArgsIsHelpError":  # a command given alone: typer prints its help
        raise error
    message = " ".join(error.format_message().split())
    typer.echo(f"error: {message} (see '{error.ctx.command_path if error.ctx else command_path} --help')", err=True)
    raise typer.Exit(error.exit_code) from None


app = typer.Typer(help=__doc__, cls=OneLineUsageErrors, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
app.add_typer(db_app, name="db")
keys_app = typer.Typer(help="API keys: create (shown once), list, revoke.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
err = Console(stderr=True)

URL_HELP = "SQLAlchemy URL (default: OPINIONS_DATABASE_URL, else sqlite:///opinions.db)"
TAXONOMY_HELP = "Topic taxonomy TOML (default: OPINIONS_TAXONOMY_PATH, else seeds/topics.toml)"
DatabaseUrl = Annotated[str | None, typer.Option("--database-url", help=URL_HELP + "; also before the command")]
TaxonomyPath = Annotated[Path | None, typer.Option("--taxonomy", help=TAXONOMY_HELP + "; also before the command")]


@dataclass(frozen=True, slots=True)
class GlobalOptions:
    """The options given before the command; the same option after the command wins."""

    database_url: str | None = None
    taxonomy: Path | None = None


@app.callback()
def main(
    ctx: typer.Context,
    database_url: Annotated[str | None, typer.Option("--database-url", envvar="OPINIONS_DATABASE_URL",
                                                     help="SQLAlchemy URL (default: sqlite:///opinions.db)")] = None,
    taxonomy: Annotated[Path | None, typer.Option("--taxonomy", help=TAXONOMY_HELP)] = None,
) -> None:
    ctx.obj = GlobalOptions(database_url, taxonomy)


def global_options(ctx: typer.Context) -> GlobalOptions:
    return ctx.find_object(GlobalOptions) or GlobalOptions()


def usage_error(message: str) -> NoReturn:
    """One line on stderr and exit 2: the command was given something it cannot use."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def failure(message: str) -> NoReturn:
    """One line on stderr and exit 1: the command could not do its work."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def resolve_url(ctx: typer.Context, url: str | None) -> str:
    """The database URL: after the command, before it, the environment, the default; exit 2 if unusable."""
    url = url or global_options(ctx).database_url or get_settings().database_url
    if problem := database_url_problem(url):
        usage_error(problem)
    return url


@contextmanager
def database(url: str) -> Iterator[Engine]:
    """The engine of the database, its schema brought up to date. A database that cannot be
    reached or used ends the command with one line and exit 1, here or in the `with` block."""
    try:
        upgrade_database(url)
        yield get_engine(url)
    except (SQLAlchemyError, CommandError) as error:
        failure(f"database {shown(url)}: {database_error_reason(url, error)}")


def taxonomy_from(ctx: typer.Context, path: Path | None) -> Taxonomy:
    path = path or global_options(ctx).taxonomy or get_settings().taxonomy()
    try:
        return load_taxonomy(path)
    except OSError as error:
        usage_error(f"cannot read the topic taxonomy {path}: {error.strerror or error}")
    except ValueError as error:
        usage_error(f"bad topic taxonomy: {error}")


def document_files(paths: list[Path]) -> list[Path]:
    """The files to read. A path named that is missing or no document ends the command (exit 2);
    a file passed over in a folder is noted on stderr."""
    for path in paths:
        if problem := named_path_problem(path):
            usage_error(f"{path}: {problem}")
    return list(iter_files(paths, on_skip=lambda path, reason: typer.echo(f"skipped {path}: {reason}", err=True)))


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: seeds/)")] = None,
    database_url: DatabaseUrl = None,
    taxonomy: TaxonomyPath = None,
) -> None:
    """Load documents into the database, each whole or not at all; exit 1 if any failed."""
    url, topics = resolve_url(ctx, database_url), taxonomy_from(ctx, taxonomy)
    files = document_files(paths or [get_settings().seeds()])
    with database(url) as engine, Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=len(files))
        report = pipeline.ingest(files, engine=engine, taxonomy=topics, on_result=lambda _: progress.advance(task))
    for result in report.failures:
        report_failure(result.source, result.reason)
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
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files or folders")],
    format: Annotated[str, typer.Option("--format", help="Output format (ndjson)")] = "ndjson",
    taxonomy: TaxonomyPath = None,
) -> None:
    """Run the extraction alone (no database) and print one JSON object per document."""
    if format != "ndjson":
        usage_error(f"unknown --format {format!r}; use ndjson")
    topics, failed = taxonomy_from(ctx, taxonomy), False
    for item in read_documents(document_files(paths)):
        if isinstance(item, ReadError):
            report_failure(item.source, item.reason)
            failed = True
            continue
        record = analysis_record(item, analyse(item.text, topics, published=item.published))
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def annotate(ctx: typer.Context, database_url: DatabaseUrl = None, taxonomy: TaxonomyPath = None) -> None:
    """Re-annotate every stored statement from the taxonomy (no re-extraction)."""
    url, topics = resolve_url(ctx, database_url), taxonomy_from(ctx, taxonomy)
    with database(url) as engine:
        count = pipeline.reannotate(engine=engine, taxonomy=topics)
    err.print(f"re-annotated {count} statements")


@app.command()
def reextract(
    ctx: typer.Context,
    everything: Annotated[bool, typer.Option("--all", help="Every document, not only those of an older extractor")]
    = False,
    document: Annotated[int | None, typer.Option("--document", help="Only this document (id)", min=1)] = None,
    database_url: DatabaseUrl = None,
    taxonomy: TaxonomyPath = None,
) -> None:
    """Extract stored documents again with the current extractor (by default those an older one extracted),
    keeping manual statements and every field a person curated; a rejected statement stays rejected."""
    from app.ingest.reextract import documents_to_reextract
    from app.ingest.reextract import reextract as run_reextract

    url, topics = resolve_url(ctx, database_url), taxonomy_from(ctx, taxonomy)
    with database(url) as engine:
        ids = documents_to_reextract(engine, everything=everything, document_id=document)
        if document is not None and not ids:
            failure(f"no document with id {document}")
        done = run_reextract(ids, engine=engine, taxonomy=topics)
    for result in done:
        typer.echo(f"document {result.document_id}: {result.before} -> {result.after} statements "
                   f"({result.kept} kept for the people who curated them)")
    err.print(f"re-extracted {len(done)} documents")


@app.command()
def evaluate(
    ctx: typer.Context,
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files")],
    docs_dir: Annotated[Path | None, typer.Argument(help="Documents folder (default: GOLD_DIR/../seeds)")] = None,
    taxonomy: TaxonomyPath = None,
) -> None:
    """Score the extraction against hand annotations and print the table; exit 1 if nothing was scored."""
    from app.evaluate import EvaluationError, default_docs_dir, evaluate_command

    docs_dir = docs_dir or default_docs_dir(gold_dir)
    for folder in (gold_dir, docs_dir):
        if not folder.is_dir():
            usage_error(f"{folder}: {'not a folder' if folder.exists() else 'no such folder'}")
    topics = taxonomy_from(ctx, taxonomy)
    try:
        evaluate_command(gold_dir, docs_dir, taxonomy=topics,
                         on_skip=lambda gold, reason: typer.echo(f"skipped {gold}: {reason}", err=True))
    except EvaluationError as error:
        failure(str(error))


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes; one per core gives the most requests/s")] = 1,
    database_url: DatabaseUrl = None,
) -> None:
    """Upgrade the schema, load seeds/ into an empty database, and serve the API."""
    import uvicorn

    from app.main import create_app
    from app.queries.documents import has_documents

    url = resolve_url(ctx, database_url)
    with database(url) as engine:
        if not has_documents(engine):
            err.print(f"empty database: loading {get_settings().seeds()}")
            pipeline.ingest([get_settings().seeds()], engine=engine, taxonomy=taxonomy_from(ctx, None))
    if workers == 1:
        uvicorn.run(create_app(url), host=host, port=port)
        return
    os.environ["OPINIONS_DATABASE_URL"] = url  # each worker process builds the app from its environment
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Bring the database schema up to date (Alembic migrations)."""
    with database(resolve_url(ctx, database_url)):
        err.print("database schema is up to date")


@keys_app.command("create")
def keys_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who the key is for; shown in the change feed as the actor")],
    scope: Annotated[str, typer.Option(help="read, write (read and write) or admin (everything)")] = "read",
    database_url: DatabaseUrl = None,
) -> None:
    """Create an API key and print it once, alone on the last line (only its hash is stored)."""
    with database(resolve_url(ctx, database_url)) as engine, engine.begin() as conn:
        try:
            key, key_id = keys.create_key(conn, name=name, scope=scope)
        except keys.KeyProblem as error:
            usage_error(str(error))
        bump_version(conn)  # the feed changed: so do the ETags of /v1/changes
        audit.record(conn, actor=audit.CLI, entity="key", entity_id=key_id, action="created",
                     changes={"name": (None, name), "scope": (None, scope)})
    err.print(f"key {name!r} ({scope}) created; it is shown once, below:")
    typer.echo(key)


@keys_app.command("list")
def keys_list(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """List the keys: name, scope, created, revoked (never a secret)."""
    with database(resolve_url(ctx, database_url)) as engine, engine.connect() as conn:
        listed = keys.list_keys(conn)
    for key in listed:
        revoked = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        typer.echo(f"{key.name}\t{key.scope}\tcreated {key.created_at:%Y-%m-%d %H:%M}\t{revoked}")


@keys_app.command("revoke")
def keys_revoke(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The key's name")],
                database_url: DatabaseUrl = None) -> None:
    """Revoke a key: it stops working at once."""
    with database(resolve_url(ctx, database_url)) as engine, engine.begin() as conn:
        try:
            key_id = keys.revoke_key(conn, name=name)
        except keys.KeyProblem as error:
            usage_error(str(error))
        bump_version(conn)
        audit.record(conn, actor=audit.CLI, entity="key", entity_id=key_id, action="revoked")
    err.print(f"key {name!r} revoked")
