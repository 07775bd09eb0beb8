"""Admin commands on the `minutebook` group: backup and restore."""

from __future__ import annotations

from pathlib import Path

import click

from minutebook.cli import cli

DB_HELP = "Database URL or SQLite file (default: $MINUTEBOOK_DB or ./minutebook.db)."


@cli.command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
def backup(dest: Path, db_url: str | None) -> None:
    """Write a consistent backup of the database to DEST, safe while it is in use.

    SQLite: a SQLite file (online backup API). PostgreSQL: a pg_dump custom-format archive.

    Example:

        minutebook backup backups/minutebook-$(date +%F).db --db minutebook.db
    """
    from minutebook.store.backup import backup as run_backup  # noqa: PLC0415 - keep --help light

    click.echo(f"wrote {run_backup(db_url, dest)}")


@cli.command()
@click.argument("src", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
def restore(src: Path, db_url: str | None) -> None:
    """Replace the database's contents with the backup SRC (from `minutebook backup`).

    Example:

        minutebook restore backups/minutebook-2025-01-30.db --db minutebook.db
    """
    from minutebook.store.backup import restore as run_restore  # noqa: PLC0415

    run_restore(src, db_url)
    click.echo(f"restored {src}")
