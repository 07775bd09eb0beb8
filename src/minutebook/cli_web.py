"""Web commands on the `minutebook` group: serve (the UI and JSON API) and demo (ingest + serve).

FastAPI and uvicorn are imported inside the commands so the rest of the CLI starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from minutebook.cli import cli

DB_HELP = "Database URL or SQLite file (default: $MINUTEBOOK_DB or ./minutebook.db)."


def _run(db_url: str | None, host: str, port: int, workers: int = 1) -> None:
    import uvicorn  # noqa: PLC0415

    from minutebook.store.db import open_db, resolve_url  # noqa: PLC0415
    from minutebook.web.app import create_app  # noqa: PLC0415

    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    message = (f"Minutebook is serving at http://{shown}:{port}/  (JSON API: http://{shown}:{port}/api/v1/openapi.json)"
               "  - press Ctrl+C to stop")
    if workers <= 1:
        app = create_app(db_url)
        click.echo(message, err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # several processes: migrate once here, so the workers only find the schema at head,
    # then each worker builds its own app (and engine) from MINUTEBOOK_DB
    url = resolve_url(db_url)
    open_db(url).dispose()
    os.environ["MINUTEBOOK_DB"] = url
    click.echo(f"{message} ({workers} worker processes)", err=True)
    uvicorn.run("minutebook.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@cli.command()
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; use about one per core for many readers. The sign-in rate limit is per process.")
def serve(db_url: str | None, host: str, port: int, workers: int) -> None:
    """Serve the web UI and the JSON API (/api/v1) over the database.

    Example:

        minutebook serve --db minutebook.db --port 8000

        minutebook serve --db postgresql+psycopg://minutebook@db/minutebook --host 0.0.0.0 --workers 4
    """
    _run(db_url, host, port, workers)


def default_fixtures() -> Path:
    from minutebook.testing.fixtures import FIXTURES  # noqa: PLC0415

    return FIXTURES


@cli.command()
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--fixtures", "fixtures", type=click.Path(path_type=Path), default=None,
              help="Folder of sample packs (default: ../shared/fixtures beside the checkout).")
def demo(db_url: str | None, host: str, port: int, fixtures: Path | None) -> None:
    """Ingest the sample packs into the database, then serve the UI and print its address.

    Packs already stored with the same extractor are skipped, so a second run starts at once.

    Example:

        minutebook demo --port 8000
    """
    from minutebook.store.batch import ingest_paths  # noqa: PLC0415
    from minutebook.store.db import open_db  # noqa: PLC0415

    folder = fixtures or default_fixtures()
    if not folder.is_dir():
        raise click.UsageError(f"no sample packs at {folder}: give --fixtures DIR")
    engine = open_db(db_url)
    click.echo(f"ingesting {folder} ...", err=True)
    report = ingest_paths(engine, [folder], workers=2)
    engine.dispose()
    for o in report.outcomes:
        if o.status == "failed":
            click.echo(f"error: {o.reason}", err=True)
    click.echo(", ".join(f"{report.count(s)} {s}" for s in ("inserted", "updated", "unchanged", "failed")
                         if report.count(s)), err=True)
    if not report.outcomes:
        click.echo("no packs found there", err=True)
        sys.exit(1)
    _run(db_url, host, port)
