"""Grow a bench database to >= N passages quickly, keeping the real search index.

Ingesting enough packs for a million passages takes most of an hour; search latency only
needs the passages and their index. So the bench ingests a real corpus, then copies its
passage rows (same text, committee, meeting, document) with INSERT ... SELECT until the
table holds the target: the FTS5 triggers (SQLite) and the generated tsvector column with
its GIN index (PostgreSQL) index every copy exactly as they index an ingested row.
"""

from __future__ import annotations

import time

from sqlalchemy import text

COLUMNS = "pack_id, document_id, meeting_id, committee_id, kind, page, line, text"


def grow_passages(url: str, target: int) -> tuple[int, float]:
    """Copy passages until there are >= `target`; (passages now, seconds)."""
    from minutebook.store.db import open_db

    engine = open_db(url)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        n = conn.execute(text("SELECT count(*) FROM passage")).scalar_one()
        hi = conn.execute(text("SELECT max(id) FROM passage")).scalar_one() or 0
        # copy the ingested rows only (id <= hi), so each round repeats the real distribution
        while 0 < n < target:
            take = min(n if n <= hi else hi, target - n)
            conn.execute(text(f"INSERT INTO passage ({COLUMNS}) SELECT {COLUMNS} FROM passage "
                              "WHERE id <= :hi ORDER BY id LIMIT :take"), {"hi": hi, "take": take})
            n += take
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE passage"))  # planner statistics for the grown table
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    engine.dispose()
    return n, time.perf_counter() - t0
