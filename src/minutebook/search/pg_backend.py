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

    def branch(self, kind: str) -> tuple[str, dict[str, Any]]:
        table, joins, committee, meeting = _FROM[kind]
        sql = (f"SELECT '{kind}' AS kind, x.id AS id, "
               f"ts_rank_cd(x.search_tsv, {self.tsquery}, {RANK_NORMALISATION}) AS score, "
               f"{committee} AS committee_id, {meeting} AS meeting_id FROM {table} x {joins} "
               f"WHERE x.search_tsv @@ {self.tsquery}")
        return sql, self.params

    @staticmethod
    def year(date_col: str) -> str:
        return f"CAST(EXTRACT(YEAR FROM {date_col}) AS INTEGER)"

    @staticmethod
    def date_param(value: Any) -> Any:
        return value

    def snippets(self, session: Session, kind: str, ids: Sequence[int]) -> dict[int, str]:
        table = _FROM[kind][0]
        sql = text(f"SELECT id, ts_headline('english'::regconfig, text, {self.tsquery}, :opts) FROM {table} "
                   f"WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
        rows = session.execute(sql, {**self.params, "opts": HEADLINE, "ids": list(ids)})
        return {int(r[0]): r[1] for r in rows}
