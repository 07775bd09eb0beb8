"""`minutebook search`: ranked full-text hits with highlighted snippets and where they were printed.

Heavy modules (SQLAlchemy, the search engine, rich) load inside the command, so
`minutebook --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

import click

from minutebook.cli import cli

KINDS = ("passage", "resolution", "action")


def _since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-01-31") from None


@cli.command()
@click.argument("query")
@click.option("--db", "db_url", default=None, metavar="URL",
              help="Database URL or SQLite file (default: $MINUTEBOOK_DB or ./minutebook.db).")
@click.option("--committee", default=None, metavar="NAME", help="Only this committee (name, part of a name, or id).")
@click.option("--since", default=None, metavar="DATE", callback=_since, help="Only meetings on or after DATE (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only passages, resolutions or actions.")
@click.option("--year", type=int, default=None, help="Only meetings in this year.")
@click.option("--limit", type=click.IntRange(1, 500), default=10, show_default=True, help="Hits to show.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many hits (paging).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def search(query: str, db_url: str | None, committee: str | None, since: dt.date | None, kind: str | None,
           year: int | None, limit: int, offset: int, as_json: bool) -> None:
    """Search the stored packs' passages, resolutions and actions for QUERY.

    Words are plain words (AND, OR, *, quotes etc. have no special meaning) except that a
    phrase in double quotes is matched as a phrase. Every word must match; if nothing has
    them all, hits with any of them are shown, best first.

    Example:

        minutebook search "adult social care" --committee cabinet --since 2024-01-01
    """
    from minutebook.search import search as run_search  # noqa: PLC0415
    from minutebook.store.db import open_db, sessions  # noqa: PLC0415

    engine = open_db(db_url)
    try:
        with sessions(engine)() as session:
            result = run_search(session, query, committee=committee, since=since, kind=kind,  # type: ignore[arg-type]
                                year=year, limit=limit, offset=offset)
    finally:
        engine.dispose()
    if as_json:
        click.echo(json.dumps(_jsonable(asdict(result)), indent=2, ensure_ascii=False))
        return
    _print(result)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _print(result: Any) -> None:
    import html  # noqa: PLC0415
    import re  # noqa: PLC0415

    from rich.console import Console  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    console = Console(highlight=False)
    if not result.total:
        console.print(f"no hits for {result.query!r}")
        return
    note = "" if result.match == "all" else " (no hit has every word; showing hits with any of them)"
    console.print(Text(f"{result.total} hits for {result.query!r}{note}", style="bold"))
    for n, hit in enumerate(result.hits, 1):
        where = [hit.committee or "(no committee)", hit.meeting_date.isoformat() if hit.meeting_date else "no date"]
        if hit.document_title:
            where.append(hit.document_title[:70])
        where.append(", ".join(x for x in (f"page {hit.page}" if hit.page else "",
                                          f"line {hit.line}" if hit.line else "") if x) or "position unknown")
        console.print(Text(f"{n}. [{hit.kind}] ", style="cyan") + Text(" · ".join(where), style="dim"))
        snippet = Text("   ")
        # the snippet is HTML; show the <mark>ed words in bold and the text unescaped
        for i, part in enumerate(re.split(r"</?mark>", hit.snippet)):
            snippet.append(html.unescape(part), style="bold yellow" if i % 2 else "")
        console.print(snippet)
    facets = "; ".join(f"{name}: " + ", ".join(f"{f.value} {f.count}" for f in values[:5])
                       for name, values in result.facets.items() if values)
    console.print(Text(facets, style="dim"))
