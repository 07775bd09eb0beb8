"""PostgreSQL: generated `search_tsv` tsvector columns with GIN indexes (migration 0002), ts_rank_cd."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from minutebook.search.snippet import START, STOP
from minutebook.search.terms import Term

_FROM = {
    "passage": ("passage", "", "x.committee_id", "x.meeting_id"),
    "resolution": ("resolution", "JOIN minutes mi ON mi.id = x.minutes_id JOIN pack pk ON pk.id = mi.pack_id",
                   "pk.committee_id", "x.meeting_id"),
    "action": ("action", "", "x.committee_id", "x.meeting_id"),
}
# 1 = divide the rank by 1 + log(length): a short passage full of the words beats a long one
RANK_NORMALISATION = 1
HEADLINE = f'StartSel="{START}", StopSel="{STOP}", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'


class PgBackend:
    name = "postgresql"

    def __init__(self, terms: list[Term], any_term: bool) -> None:
        # every word goes in as a bind parameter through plainto/phraseto_tsquery, which accept
        # any text: no tsquery syntax from the user is ever parsed
        parts = []
        self.params: dict[str, Any] = {}
        for i, term in enumerate(terms):
            fn = "phraseto_tsquery" if term.phrase else "plainto_tsquery"
            parts.append(f"{fn}('english'::regconfig, CAST(:t{i} AS text))")
            self.params[f"t{i}"] = " ".join(term.words)
        self.tsquery = "(" + (" || " if any_term else " && ").join(parts) + ")"

    def branch(self, kind: str, where: list[str]) -> tuple[str, dict[str, Any]]:
        """The newest :depth matches of `kind` passing `where` ("{committee}" stands for the
        hit's committee column), with score, committee, meeting, date and year."""
        table, joins, committee, meeting = _FROM[kind]
        extra = "".join(f" AND {w.replace('{committee}', committee)}" for w in where)
        # The GIN index finds the matches and the inner LIMIT stops the heap scan after :depth
        # of them, in table order (roughly oldest first): a bitmap scan cannot return newest-
        # first without fetching every match's row, which was most of the cost of a common
        # word. ts_rank_cd then reads only those rows' tsvectors (in the outer select).
        sql = (f"SELECT '{kind}' AS kind, c.id AS id, "
               f"ts_rank_cd(c.search_tsv, {self.tsquery}, {RANK_NORMALISATION}) AS score, "
               f"c.committee_id, c.meeting_id, mt.date AS mdate, {self.year('mt.date')} AS year "
               f"FROM (SELECT x.id, x.search_tsv, {committee} AS committee_id, {meeting} AS meeting_id "
               f"FROM {table} x {joins} LEFT JOIN meeting mt ON mt.id = {meeting} "
               f"WHERE x.search_tsv @@ {self.tsquery}{extra} LIMIT :depth) AS c "
               f"LEFT JOIN meeting mt ON mt.id = c.meeting_id")
        return sql, self.params

    @staticmethod
    def year(date_col: str) -> str:
        return f"CAST(EXTRACT(YEAR FROM {date_col}) AS INTEGER)"

    @staticmethod
    def date_param(value: Any) -> Any:
        return value

    @staticmethod
    def prepare(session: Session) -> None:
        """Nothing to set per connection on PostgreSQL."""

    def located(self, session: Session, kind: str, columns: str, joins: str, ids: Sequence[int]) -> Sequence[Any]:
        """`columns` of the rows `ids` of `kind` (table alias x, `joins` added), and the snippet:
        ts_headline re-parses each text, so it runs on the page's rows only."""
        sql = text(f"SELECT {columns}, ts_headline('english'::regconfig, x.text, {self.tsquery}, :opts) "
                   f"FROM {_FROM[kind][0]} x {joins} WHERE x.id IN :ids").bindparams(bindparam("ids", expanding=True))
        return session.execute(sql, {**self.params, "opts": HEADLINE, "ids": list(ids)}).all()
