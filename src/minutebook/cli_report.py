"""`minutebook report work-programme`: the Work Programme and Action Tracker for a meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from minutebook.cli import cli
from minutebook.store.db import DEFAULT_DB

DB_HELP = f"Database URL or SQLite file (default: $MINUTEBOOK_DB or ./{DEFAULT_DB})."
FORMATS = ("docx", "pdf", "html")


@cli.group()
def report() -> None:
    """Reports generated from the stored records.

    Example:

        minutebook report work-programme -c "Adults, Health" -m 2017-02-01 -o report.docx
    """


@report.command("work-programme")
@click.option("--committee", "-c", required=True, help="Committee name (or a unique part of it) or id.")
@click.option("--meeting", "-m", required=True, type=click.DateTime(["%Y-%m-%d"]),
              help="Date of the meeting the report is for (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix).")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Your own docxtpl .docx template (DOCX only).")
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
def work_programme(committee: str, meeting: dt.datetime, fmt: str | None, out: Path, template: Path | None,
                   db_url: str | None) -> None:
    """Write the 'Work Programme and Action Tracker' report for COMMITTEE's meeting.

    Example:

        minutebook report work-programme --committee "Adults, Health" --meeting 2017-02-01 --format pdf -o wp.pdf
    """
    from minutebook.report.render import render_report  # noqa: PLC0415 - keeps --help light
    from minutebook.report.data import ReportError  # noqa: PLC0415
    from minutebook.store.db import open_db, sessions  # noqa: PLC0415

    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise click.UsageError(f"give --format ({', '.join(FORMATS)}) or an -o file ending in one")
    engine = open_db(db_url)
    try:
        with sessions(engine)() as s:
            render_report(s, committee, meeting.date(), fmt, out, template)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    click.echo(f"wrote {out}")
