"""SQLite FTS5: external-content tables `<table>_fts` kept by triggers (migration 0002), bm25 rank."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from minutebook.search.snippet import START, STOP
from minutebook.search.terms import Term, fts5_query

# kind -> (searched table, FROM ... JOIN clause giving committee/meeting of the hit)
_FROM = {
    "passage": ("passage", "JOIN passage x ON x.id = passage_fts.rowid", "x.committee_id", "x.meeting_id"),
    "resolution": ("resolution", ("JOIN resolution x ON x.id = resolution_fts.rowid "
                                  "JOIN minutes mi ON mi.id = x.minutes_id JOIN pack pk ON pk.id = mi.pack_id"),
                   "pk.committee_id", "x.meeting_id"),
    "action": ("action", "JOIN action x ON x.id = action_fts.rowid", "x.committee_id", "x.meeting_id"),
}
SNIPPET_TOKENS = 32
MMAP_BYTES = 256 * 1024 * 1024
CACHE_KIB = 32 * 1024
_PREPARED = "minutebook_search_pragmas"  # key in the DBAPI connection's info dict


class SqliteBackend:
    name = "sqlite"

    def __init__(self, terms: list[Term], any_term: bool) -> None:
        self.match = fts5_query(terms, any_term)

    def branch(self, kind: str, where: list[str]) -> tuple[str, dict[str, Any]]:
        """The newest :depth matches of `kind` passing `where` ("{committee}" stands for the
        hit's committee column), with score, committee, meeting, date and year."""
        table, joins, committee, meeting = _FROM[kind]
        fts = f"{table}_fts"
        extra = "".join(f" AND {w.replace('{committee}', committee)}" for w in where)
        # ORDER BY rowid DESC is consumed by FTS5 itself, which walks its doclists newest-first
        # and stops at the LIMIT, so bm25 runs on :depth rows only, never on every match.
        # bm25() is "lower is better" (negative); negate so higher is better like ts_rank_cd
        sql = (f"SELECT '{kind}' AS kind, x.id AS id, -bm25({fts}) AS score, {committee} AS committee_id, "
               f"{meeting} AS meeting_id, mt.date AS mdate, {self.year('mt.date')} AS year "
               f"FROM {fts} {joins} LEFT JOIN meeting mt ON mt.id = {meeting} "
               f"WHERE {fts} MATCH :fts{extra} ORDER BY {fts}.rowid DESC LIMIT :depth")
        return sql, {"fts": self.match}

    @staticmethod
    def year(date_col: str) -> str:
        # Date is stored as 'YYYY-MM-DD' text
        return f"CAST(substr({date_col}, 1, 4) AS INTEGER)"

    @staticmethod
    def date_param(value: Any) -> Any:
        return value.isoformat()

    @staticmethod
    def prepare(session: Session) -> None:
        """Read settings for the search's connection, once per connection: memory-mapped reads
        and a larger page cache (the default 2 MB holds a few hundred of the pages one query
        touches). Connection-level only; nothing in the file changes."""
        conn = session.connection()
        if not conn.info.get(_PREPARED):
            conn.exec_driver_sql(f"PRAGMA mmap_size={MMAP_BYTES}")
            conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
            conn.info[_PREPARED] = True

    def located(self, session: Session, kind: str, columns: str, joins: str, ids: Sequence[int]) -> Sequence[Any]:
        """`columns` of the rows `ids` of `kind` (table alias x, `joins` added), and the snippet."""
        fts = f"{_FROM[kind][0]}_fts"
        # FTS5 takes `rowid IN (...)` as one lookup per id, each re-seeking every word's doclist
        # (~0.5 ms a row for common words); a rowid range is one pass over the doclists from lo
        # to hi, and "+rowid" keeps the IN list out of FTS5, so only the page's rows pass and
        # only they get a snippet
        sql = text(f"SELECT {columns}, snippet({fts}, 0, :start, :stop, '…', {SNIPPET_TOKENS}) FROM {fts} "
                   f"JOIN {_FROM[kind][0]} x ON x.id = {fts}.rowid {joins} WHERE {fts} MATCH :fts "
                   f"AND {fts}.rowid >= :lo AND {fts}.rowid <= :hi AND +{fts}.rowid IN :ids"
                   ).bindparams(bindparam("ids", expanding=True))
        return session.execute(sql, {"start": START, "stop": STOP, "fts": self.match, "ids": list(ids),
                                     "lo": min(ids), "hi": max(ids)}).all()
