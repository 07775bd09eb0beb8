"""Store commands on the `minutebook` group: ingest, db upgrade, people, export."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

import click

from minutebook.cli import cli

if TYPE_CHECKING:  # imported inside the commands: `minutebook --help` must not load SQLAlchemy/alembic
    from rich.table import Table

    from minutebook.store.ingest import Outcome, Report

DB_HELP = "Database URL or SQLite file (default: $MINUTEBOOK_DB or ./minutebook.db)."


def _db_option(f):  # type: ignore[no-untyped-def]
    return click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)(f)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=min(4, os.cpu_count() or 1),
              show_default=True, help="Parsing processes (one writer commits).")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where parsing runs: local processes, or tasks on a Ray cluster (docs/ray.md).")
@click.option("--ray-address", default=None, metavar="ADDR",
              help="Ray cluster for --executor ray: ray://HEAD:10001, auto, or HOST:PORT "
                   "(default: $RAY_ADDRESS, else a Ray started on this machine).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or table; errors still go to stderr.")
def ingest(paths: tuple[str, ...], db_url: str | None, workers: int, executor: str, ray_address: str | None,
           as_json: bool, quiet: bool) -> None:
    """Store agenda packs (files, folders or globs) in the database, linked across meetings.

    Each file is one transaction: inserted, updated (newer extractor), unchanged (same file and
    extractor) or failed (the database is left as it was and the batch goes on). Exits 1 if
    any file failed.

    Example:

        minutebook ingest ../shared/fixtures --db minutebook.db

        minutebook ingest packs/ --executor ray --ray-address ray://head:10001 --db postgresql+psycopg://...
    """
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: PLC0415

    from minutebook.store.batch import find_files, ingest_paths  # noqa: PLC0415
    from minutebook.store.db import open_db  # noqa: PLC0415
    from minutebook.store.executors import ExecutorUnavailable, make_executor  # noqa: PLC0415

    if ray_address and executor != "ray":
        raise click.UsageError("--ray-address only applies with --executor ray")
    try:
        runner = make_executor(executor, workers=workers, ray_address=ray_address)
    except ExecutorUnavailable as exc:  # e.g. ray not installed: one line, before touching the database
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    engine = open_db(db_url)
    files = find_files(paths)
    show = not quiet and not as_json and sys.stderr.isatty()
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[pages]} pages"),
                  TimeElapsedColumn(), console=console, disable=not show) as bar:
        task = bar.add_task("ingesting", total=len(files), pages=0)
        pages = 0

        def tick(outcome: Outcome) -> None:
            nonlocal pages
            pages += outcome.pages or 0
            bar.update(task, advance=1, pages=pages)

        try:
            report = ingest_paths(engine, files, workers=workers, progress=tick, executor=runner)
        except ExecutorUnavailable as exc:  # the Ray cluster could not be reached
            engine.dispose()
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
    engine.dispose()
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        for o in report.outcomes:
            if o.status == "failed":
                click.echo(f"error: {o.reason}", err=True)
        if not quiet:
            Console().print(_table(report))
    sys.exit(0 if report.ok else 1)


def _table(report: Report) -> Table:
    from rich.table import Table  # noqa: PLC0415

    from minutebook.store.ingest import STATUSES  # noqa: PLC0415

    table = Table(title="ingest")
    table.add_column("file")
    table.add_column("result")
    table.add_column("reason")
    for o in report.outcomes:
        table.add_row(Path(o.path).name, o.status, o.reason or "")
    table.caption = ", ".join(f"{report.count(s)} {s}" for s in STATUSES)
    return table


@cli.group()
def db() -> None:
    """The database schema (Alembic migrations shipped with minutebook).

    Example:

        minutebook db upgrade --db minutebook.db
    """


@db.command("upgrade")
@_db_option
def db_upgrade(db_url: str | None) -> None:
    """Create the database or bring its schema up to date (also done on every open).

    Example:

        minutebook db upgrade --db postgresql+psycopg://user@localhost/minutebook
    """
    from minutebook.store.db import current_revision, open_db  # noqa: PLC0415

    engine = open_db(db_url)
    click.echo(f"database at revision {current_revision(engine)}")
    engine.dispose()


@cli.group()
def people() -> None:
    """People named in the packs, and the aliases that tie printed names to them.

    Example:

        minutebook people list
    """


@people.command("list")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def people_list(db_url: str | None, as_json: bool) -> None:
    """List people with every printed form of their name and its match confidence.

    Example:

        minutebook people list --json
    """
    from minutebook.store.queries import list_people  # noqa: PLC0415
    from minutebook.store.db import open_db  # noqa: PLC0415

    engine = open_db(db_url)
    rows = list_people(engine)
    engine.dispose()
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table  # noqa: PLC0415

    table = Table(title="people")
    for col in ("id", "name", "aliases (confidence, * = confirmed)"):
        table.add_column(col)
    for r in rows:
        aliases = ", ".join(f"{a['alias']} ({a['confidence']:.2f}{'*' if a['confirmed'] else ''})"
                            for a in r["aliases"])  # type: ignore[union-attr]
        table.add_row(str(r["id"]), str(r["name"]), aliases)
    Console().print(table)


@people.command("merge")
@click.argument("keep")
@click.argument("other")
@_db_option
def people_merge(keep: str, other: str, db_url: str | None) -> None:
    """Merge person OTHER into KEEP (ids, names or printed aliases); the aliases become confirmed.

    Example:

        minutebook people merge "Nickie Aiken" "Aiken"
    """
    from minutebook.link.people import find_person, merge_people  # noqa: PLC0415
    from minutebook.store.db import open_db, sessions  # noqa: PLC0415

    engine = open_db(db_url)
    with sessions(engine).begin() as session:
        a, b = find_person(session, keep), find_person(session, other)
        missing = [ref for ref, p in ((keep, a), (other, b)) if p is None]
        if missing:
            raise click.ClickException(f"no such person: {', '.join(missing)} (see `minutebook people list`)")
        assert a is not None and b is not None
        name = a.name
        merge_people(session, a.id, b.id)
    engine.dispose()
    click.echo(f"merged {other!r} into {name} (id {a.id})")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True,
              help="json: one file; csv: a folder with one file per table.")
@click.argument("dest", type=click.Path(path_type=Path))
@_db_option
def export(fmt: str, dest: Path, db_url: str | None) -> None:
    """Export the store as open data: pack records and linked actions with their status history.

    Example:

        minutebook export --format csv open-data/
    """
    from minutebook.store.db import open_db  # noqa: PLC0415
    from minutebook.store.export import export_csv, export_json  # noqa: PLC0415

    engine = open_db(db_url)
    written = export_json(engine, dest) if fmt == "json" else export_csv(engine, dest)
    engine.dispose()
    click.echo(f"wrote {written}")
