"""`search()`: one query plan over either backend — match, filter, count facets, page, decorate.

All words must match; when that finds nothing and there were several words, any word may
match (ranked, so pages with more of the words come first). The filters apply inside each
index query; then at most CANDIDATES matches per kind, newest first, are taken with their
scores in one query. Totals, facets and ranking are exact whenever no kind reaches that
cap; when one does, the total is a lower bound (`total_is_estimate`), the facets count the
candidates (`facets_are_partial`) and the page is the best of the candidates - so the cost
of a query no longer grows with the number of matches. Snippets and provenance are fetched
for the returned page only, in plain SQL (one statement per kind on the page), and committee
names once per search for the facets and the page together.
"""

from __future__ import annotations

import datetime as dt
import heapq
import html
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import TextClause, bindparam, select, text
from sqlalchemy.orm import Session

from minutebook.search import Facet, Hit, HitKind, SearchResult
from minutebook.search.pg_backend import PgBackend
from minutebook.search.snippet import render
from minutebook.search.sqlite_backend import SqliteBackend
from minutebook.search.terms import Term, parse
from minutebook.store.schema import Committee

KINDS: tuple[HitKind, ...] = ("passage", "resolution", "action")
MAX_LIMIT = 500
# matches per kind counted, faceted and ranked (newest first); beyond it the total is a lower bound.
# 500 (was 1,000): ranking (bm25 / ts_rank_cd), the joins and the Python per candidate are a third
# of a common word's search time on 1.4M passages (issue 8: client CPU 29 -> 19 ms a query).
# 300 (was 500): on PostgreSQL at 1.43M passages, -3.3 ms server and -2.3 ms client CPU a query
# (ts_rank_cd, the joins and the rows per candidate); the GIN bitmap of a common word, which the
# cap cannot shorten, is what remains (see pg_backend)
CANDIDATES = 300
NO_COMMITTEE = "(no committee)"


class Candidate(NamedTuple):
    """One match as the backends' branch queries return it (columns in this order)."""

    kind: str
    id: int
    score: float | None
    committee_id: int | None
    meeting_id: int | None
    mdate: Any
    year: int | None


class Backend(Protocol):
    name: str

    def branch(self, kind: str, where: list[str]) -> tuple[str, dict[str, Any]]: ...
    def year(self, date_col: str) -> str: ...
    def date_param(self, value: Any) -> Any: ...
    def prepare(self, session: Session) -> None: ...
    def located(self, session: Session, kind: str, columns: str, joins: str, ids: Sequence[int]) -> Sequence[Any]: ...


def _backend(session: Session, terms: list[Term], any_term: bool) -> Backend:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return SqliteBackend(terms, any_term)
    if dialect == "postgresql":
        return PgBackend(terms, any_term)
    raise ValueError(f"search supports SQLite and PostgreSQL, not {dialect}")


def search(session: Session, query: str, *, committee: str | int | None = None, since: dt.date | None = None,
           kind: HitKind | None = None, year: int | None = None, limit: int = 20, offset: int = 0) -> SearchResult:
    """Ranked hits over passages, resolutions and actions, with snippets, provenance and facets."""
    result = SearchResult(query=query, total=0)
    terms = parse(query or "")
    kinds = [k for k in KINDS if kind is None or k == kind]
    committee_ids = _committees(session, committee) if committee is not None else None
    if not terms or not kinds or committee_ids == []:
        return result
    limit, offset = max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))
    # a deep page widens the candidate set so the page is always cut from ranked candidates
    depth = max(CANDIDATES, offset + limit)
    for any_term in (False, True) if len(terms) > 1 else (False,):
        backend = _backend(session, terms, any_term)
        backend.prepare(session)
        rows = _candidates(session, backend, kinds, committee_ids, since, year, depth)
        if rows:
            result.match = "any" if any_term else "all"
            names = _names(session, list({r.committee_id for r in rows if r.committee_id is not None}))
            _count(rows, names, depth, result)
            if limit:
                _page(session, backend, rows, names, limit, offset, result)
            break
    return result


def _committees(session: Session, committee: str | int) -> list[int]:
    """An id, or a name: exact (any case) first, else every committee whose name contains it."""
    if isinstance(committee, int) and not isinstance(committee, bool):
        return [committee]
    want = str(committee).strip().casefold()
    # ASCII digits only ("²".isdigit() is True, int() refuses it) and within 64 bits (SQLite
    # cannot bind more): anything else is matched as a name; both were 500s (hypothesis)
    if want.isascii() and want.isdigit() and len(want) <= 18:
        return [int(want)]
    rows = session.execute(select(Committee.id, Committee.name)).all()
    exact = [cid for cid, name in rows if name.casefold() == want]
    return exact or [cid for cid, name in rows if want and want in name.casefold()]


def _candidates(session: Session, backend: Backend, kinds: list[str], committee_ids: list[int] | None,
                since: dt.date | None, year: int | None, depth: int) -> list[Candidate]:
    """The newest `depth` matches of each kind after the filters, with their scores: one query.

    Each branch walks its index newest-first and stops at `depth` rows, so the engine ranks
    at most `depth` rows per kind however common the words are (ranking every match was the
    whole cost of a common word: ~3.5 us a match with FTS5's bm25, 37,000 matches for
    "children" on a million passages).
    """
    where, params = [], {"depth": depth}
    if committee_ids is not None:
        where.append("{committee} IN :cids")
        params["cids"] = committee_ids
    if since is not None:
        where.append("mt.date >= :since")
        params["since"] = backend.date_param(since)
    if year is not None:
        where.append(f"{backend.year('mt.date')} = :year")
        params["year"] = int(year)
    branches = []
    for k in kinds:
        sql, p = backend.branch(k, where)
        branches.append(f"SELECT * FROM ({sql}) AS b_{k}")
        params.update(p)
    stmt = text(" UNION ALL ".join(branches))
    if "cids" in params:
        stmt = stmt.bindparams(bindparam("cids", expanding=True))
    # plain named tuples: the counting and sorting below touch every candidate's fields, and
    # SQLAlchemy Row attribute access cost more than the query itself on 3,000 candidates;
    # .all() fetches in one call (iterating the result fetched row by row: +0.8 ms a search)
    return [Candidate._make(r) for r in session.execute(stmt, params).all()]


def _count(rows: list[Candidate], names: dict[int, str], depth: int, result: SearchResult) -> None:
    """Total and facets over the candidates: exact unless a kind filled its `depth` rows, in
    which case the total is a lower bound (`total_is_estimate`) and the facets count the
    candidates only (`facets_are_partial`)."""
    # Counter over an iterable counts in C: a third of the time of a Python loop over 3,000 rows
    kinds: Counter[str] = Counter(map(attrgetter("kind"), rows))
    by_id: Counter[int | None] = Counter(map(attrgetter("committee_id"), rows))
    years: Counter[int] = Counter()
    for y, n in Counter(map(attrgetter("year"), rows)).items():
        if y is not None:
            years[int(y)] += n
    result.total = sum(kinds.values())
    result.total_is_estimate = any(n >= depth for n in kinds.values())
    result.facets_are_partial = result.total_is_estimate
    # one facet per committee NAME: two councils' "Cabinet" are one choice, as the name filter is
    committees: Counter[str] = Counter()
    ids: dict[str, set[int]] = {}
    for cid, n in by_id.items():
        name = names.get(cid, NO_COMMITTEE) if cid is not None else NO_COMMITTEE
        committees[name] += n
        if cid is not None:
            ids.setdefault(name, set()).add(cid)
    result.facets = {
        "committee": [Facet(name, n) for name, n in committees.most_common()],
        "kind": [Facet(k, n) for k, n in kinds.most_common()],
        "year": [Facet(str(y), n) for y, n in sorted(years.items(), reverse=True)],
    }
    result.facet_ids = {"committee": {name: next(iter(c)) for name, c in ids.items() if len(c) == 1}}


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(_COMMITTEE_NAMES, {"ids": ids}).all())


def _page(session: Session, backend: Backend, candidates: list[Candidate], names: dict[int, str], limit: int,
          offset: int, result: SearchResult) -> None:
    # the same as sorted(...)[:offset + limit], without sorting the rest of the candidates
    ordered = heapq.nsmallest(offset + limit, candidates, key=lambda r: (-float(r.score or 0.0), r.kind, int(r.id)))
    rows = ordered[offset:offset + limit]
    by_kind: dict[str, list[int]] = {}
    for r in rows:
        by_kind.setdefault(r.kind, []).append(int(r.id))
    where = _provenance(session, backend, by_kind)
    for r in rows:
        pack_id, document_id, title, page, line, plain, marked = where.get((r.kind, int(r.id)), (None,) * 7)
        snippet = render(marked) or html.escape((plain or "")[:240])
        result.hits.append(Hit(
            kind=cast(HitKind, r.kind), id=int(r.id), snippet=snippet, score=float(r.score or 0.0),
            committee=names.get(r.committee_id), committee_id=r.committee_id, meeting_date=_date(r.mdate),
            meeting_id=r.meeting_id, document_title=title, document_id=document_id, pack_id=pack_id,
            page=page, line=line))


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


# pack, document, document title, page, line, text, engine snippet (matches between markers)
Where = tuple[int | None, int | None, str | None, int | None, int | None, str | None, str | None]


def _in(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("ids", expanding=True))


# kind -> (columns of row `x` of the kind's table: id, pack, document, page, line, text, title of
# the document when the row knows it; joins they need). The backend adds the snippet column and
# runs it for the page's ids: one statement per kind on the page.
_LOCATE = {
    "passage": ("x.id, x.pack_id, x.document_id, x.page, x.line, x.text, d.title",
                "LEFT JOIN document d ON d.id = x.document_id"),
    "resolution": ("x.id, mi.pack_id, NULL, x.source_page, x.source_line, x.text, NULL",
                   "JOIN minutes mi ON mi.id = x.minutes_id"),
    "action": ("x.id, x.first_pack_id, NULL, x.source_page, x.source_line, x.text, NULL", ""),
}
_COMMITTEE_NAMES = _in("SELECT id, name FROM committee WHERE id IN :ids")
_PACK_DOCUMENTS = _in("SELECT d.id, d.pack_id, d.title, d.start_page, d.start_line, p.kind FROM document d "
                      "JOIN pack p ON p.id = d.pack_id WHERE d.pack_id IN :ids ORDER BY d.pack_id, d.position")


def _provenance(session: Session, backend: Backend, by_kind: dict[str, list[int]]) -> dict[tuple[str, int], Where]:
    """(kind, id) -> pack, document id and title, page, line, text, snippet; documents of
    resolutions and actions are the pack's document their source position falls in."""
    out: dict[tuple[str, int], Where] = {}
    for kind, ids in by_kind.items():
        for rid, pack_id, doc_id, page, line, plain, title, marked in backend.located(session, kind, *_LOCATE[kind],
                                                                                      ids):
            out[(kind, rid)] = (pack_id, doc_id, title, page, line, plain, marked)
    # only resolutions and actions need their pack's documents (to find the one they fall in);
    # a passage knows its document. Loading every document of every pack on the page was the
    # largest part of a search's Python time.
    packs = {v[0] for v in out.values() if v[0] is not None and v[1] is None}
    if not packs:
        return out
    docs: dict[int, list[Any]] = {}
    for d in session.execute(_PACK_DOCUMENTS, {"ids": list(packs)}):
        docs.setdefault(d.pack_id, []).append(d)
    for key, (pack_id, doc_id, _, page, line, plain, marked) in out.items():
        if doc_id is None and pack_id is not None:
            ds = docs.get(pack_id, [])
            pdf = bool(ds) and ds[0].kind == "pdf"  # the pack's kind, on each of its documents
            at = page if pdf else line
            starts = [d for d in ds if at is not None and ((d.start_page if pdf else d.start_line) or 0) <= at]
            if starts:
                out[key] = (pack_id, starts[-1].id, starts[-1].title, page, line, plain, marked)
    return out
