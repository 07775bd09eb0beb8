"""`minutebook user add|list|token`: the accounts that may edit records (reading stays public)."""

from __future__ import annotations

import click

from minutebook.cli import cli
from minutebook.store.db import DEFAULT_DB

DB_HELP = f"Database URL or SQLite file (default: $MINUTEBOOK_DB or ./{DEFAULT_DB})."


@cli.group()
def user() -> None:
    """Officer accounts: add users and API tokens.

    Example:

        minutebook user add olive --role officer
    """


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["officer", "admin"]), default="officer", show_default=True,
              help="officer edits records; admin also manages accounts.")
@click.option("--password", default=None, help="Otherwise prompted for (hidden, twice); or $MINUTEBOOK_PASSWORD.",
              envvar="MINUTEBOOK_PASSWORD")
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
def user_add(name: str, role: str, password: str | None, db_url: str | None) -> None:
    """Add the account NAME; the password is stored as an argon2 hash.

    Example:

        minutebook user add olive --role officer --db minutebook.db
    """
    from minutebook.store.db import open_db, sessions  # noqa: PLC0415 - keep --help fast
    from minutebook.web.auth import AuthError, create_user  # noqa: PLC0415

    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    engine = open_db(db_url)
    try:
        with sessions(engine).begin() as s:
            create_user(s, name, password, role)
    except AuthError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    click.echo(f"added {role} {name}")


@user.command("list")
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
def user_list(db_url: str | None) -> None:
    """List the accounts.

    Example:

        minutebook user list --db minutebook.db
    """
    from sqlalchemy import select  # noqa: PLC0415

    from minutebook.store.db import open_db, sessions  # noqa: PLC0415
    from minutebook.store.schema import AppUser  # noqa: PLC0415

    engine = open_db(db_url)
    with sessions(engine)() as s:
        for u in s.scalars(select(AppUser).order_by(AppUser.name)):
            click.echo(f"{u.name}\t{u.role}\t{u.created_at:%Y-%m-%d}")
    engine.dispose()


@user.command("token")
@click.argument("name")
@click.option("--label", default=None, help="What the token is for.")
@click.option("--db", "db_url", default=None, metavar="URL", help=DB_HELP)
def user_token(name: str, label: str | None, db_url: str | None) -> None:
    """Make an API token for NAME (printed once: send it as `Authorization: Bearer TOKEN`).

    Example:

        minutebook user token olive --label "tracker sync script"
    """
    from sqlalchemy import select  # noqa: PLC0415

    from minutebook.store.db import open_db, sessions  # noqa: PLC0415
    from minutebook.store.schema import AppUser  # noqa: PLC0415
    from minutebook.web.auth import new_api_token  # noqa: PLC0415

    engine = open_db(db_url)
    try:
        with sessions(engine).begin() as s:
            found = s.scalars(select(AppUser).where(AppUser.name == name)).first()
            if found is None:
                raise click.ClickException(f"no user {name!r}")
            token = new_api_token(s, found, label)
    finally:
        engine.dispose()
    click.echo(token)
