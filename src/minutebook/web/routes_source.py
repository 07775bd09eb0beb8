"""Provenance pages (a pack's page or lines with the record's passage marked), search and its feed."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from xml.sax.saxutils import escape

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from minutebook.web import queries as Q
from minutebook.web.app import get_session, render
from minutebook.web.provenance import mark, pdf_page_lines, render_page_png, text_window
from minutebook.web.search_adapter import SearchUnavailable, hit_url, plain, run_search

DB = Annotated[Session, Depends(get_session)]
router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
ATTR = {'"': "&quot;"}  # saxutils.escape leaves quotes alone; attributes need them escaped


@router.get("/packs/{pack_id}/source", response_class=HTMLResponse)
def source(request: Request, pack_id: int, db: DB, page: Annotated[int | None, Query(ge=1)] = None,
           line: Annotated[int | None, Query(ge=1)] = None,
           hl: Annotated[str | None, Query(max_length=2000)] = None) -> HTMLResponse:
    pack = Q.pack(db, pack_id)
    if pack is None:
        raise HTTPException(404, f"pack {pack_id} not found")
    if pack.kind == "pdf":
        page = page or 1
        lines, original = pdf_page_lines(pack, db, page)
    else:
        lines, original = text_window(pack, db, line, page)
    mark(lines, hl, line if pack.kind != "pdf" else None)
    meeting = Q.meeting(db, pack.meeting_id) if pack.meeting_id else None
    return render(request, "source.html", {
        "pack": Q.pack_row(pack), "page": page, "line": line, "hl": hl, "lines": lines, "original": original,
        "path": pack.path, "meeting": meeting, "documents": Q.documents(db, pack=pack_id),
        "image": original and pack.kind == "pdf"})


@router.get("/packs/{pack_id}/pages/{page}.png")
def page_png(pack_id: int, page: int, db: DB, scale: Annotated[float, Query(ge=0.5, le=3.0)] = 1.5) -> Response:
    pack = Q.pack(db, pack_id)
    if pack is None:
        raise HTTPException(404, f"pack {pack_id} not found")
    png = render_page_png(pack, page, scale)
    if png is None:
        raise HTTPException(404, f"page {page} of pack {pack_id} is not available (original file moved or no such page)")
    return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=3600"})


def _search(db: Session, q: str, committee: str | None, kind: str | None, year: int | None,
            offset: int) -> tuple[Any, str | None]:
    if not q.strip():
        return None, None
    try:
        return run_search(db, q, committee=committee or None, kind=kind or None, year=year, limit=PAGE_SIZE,
                          offset=offset), None
    except SearchUnavailable as exc:
        return None, str(exc)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: DB, q: Annotated[str, Query(max_length=500)] = "",
                committee: str | None = None, kind: str | None = None, year: str | None = None,
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    year_n = int(year) if year and year.isdigit() else None
    result, unavailable = _search(db, q, committee, kind, year_n, offset)
    hits = [{"hit": h, "url": hit_url(h)} for h in result.hits] if result else []
    base = {"q": q, "committee": committee or "", "kind": kind or "", "year": year or ""}
    return render(request, "search.html", {
        "q": q, "result": result, "hits": hits, "unavailable": unavailable, "offset": offset, "size": PAGE_SIZE,
        "filters": base, "feed": str(request.url_for("search_feed").include_query_params(q=q)) if q else None})


@router.get("/search.atom", name="search_feed")
def search_feed(request: Request, db: DB, q: Annotated[str, Query(min_length=1, max_length=500)],
                committee: str | None = None, kind: str | None = None) -> Response:
    """A saved search as an Atom feed: the newest 50 hits, one entry each, linking to the source."""
    try:
        result = run_search(db, q, committee=committee or None, kind=kind or None, limit=50, offset=0)
    except SearchUnavailable as exc:
        raise HTTPException(503, str(exc)) from exc
    base = str(request.base_url).rstrip("/")
    self_url = str(request.url)
    updated = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    entries = []
    for h in result.hits:
        link = base + (hit_url(h) or "/")
        when = dt.datetime.combine(h.meeting_date, dt.time(), dt.timezone.utc).isoformat() if h.meeting_date else updated
        title = f"{h.committee or 'Minutebook'}{' ' + h.meeting_date.isoformat() if h.meeting_date else ''}: {h.kind}"
        entries.append(
            f"<entry><id>{escape(base)}/{escape(h.kind)}/{h.id}</id><title>{escape(title)}</title>"
            f"<updated>{when}</updated><link href=\"{escape(link, ATTR)}\"/>"
            f"<summary type=\"text\">{escape(plain(h.snippet))}</summary></entry>")
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
           f"<id>{escape(self_url)}</id><title>Minutebook search: {escape(q)}</title><updated>{updated}</updated>"
           f"<link rel=\"self\" href=\"{escape(self_url, ATTR)}\"/><author><name>Minutebook</name></author>"
           + "".join(entries) + "</feed>\n")
    return Response(xml, media_type="application/atom+xml; charset=utf-8")
