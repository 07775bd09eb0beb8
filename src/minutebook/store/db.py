"""Opening a database: URL resolution, SQLite pragmas, and Alembic upgrades on open.

The schema is created only by the migrations in `minutebook/store/migrations`; `open_db`
upgrades to head so a fresh file or an old one is always current before use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from minutebook.errors import MinutebookError

DEFAULT_DB = "minutebook.db"
MIGRATIONS = str(Path(__file__).resolve().parent / "migrations")


class StoreError(MinutebookError):
    """The database cannot be opened or written."""


def resolve_url(url: str | None) -> str:
    """--db, else MINUTEBOOK_DB, else ./minutebook.db; a bare path means a SQLite file."""
    url = url or os.environ.get("MINUTEBOOK_DB") or DEFAULT_DB
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        # psycopg 3 is the driver we ship; SQLAlchemy's default would be psycopg2
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets readers run while the one writer commits; busy_timeout waits out short locks
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    resolved = resolve_url(url)
    try:
        engine = create_engine(resolved, future=True)
    except Exception as exc:  # noqa: BLE001 - a bad URL is a user error, one line
        raise StoreError(url, f"is not a database URL we can open ({type(exc).__name__}: {exc})",
                         "use a file path, sqlite:///file.db or postgresql+psycopg://user@host/db") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` on one connection, in one transaction."""
    cfg = alembic_config(engine)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except MinutebookError:
        raise
    except Exception as exc:  # noqa: BLE001 - cannot reach/upgrade: one line naming the database
        raise StoreError(_shown(engine), f"cannot be opened or upgraded ({type(exc).__name__}: "
                         f"{str(exc).splitlines()[0] if str(exc) else ''})", "check --db / MINUTEBOOK_DB") from exc


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_db(url: str | None = None, migrate: bool = True) -> Engine:
    """An engine on an up-to-date database (created on first use)."""
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        db = engine.url.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
    if migrate:
        upgrade(engine)
    return engine


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _shown(engine: Engine) -> str:
    return str(make_url(engine.url).set(password=None)) if engine.url.password else str(engine.url)
