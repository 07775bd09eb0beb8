"""The web side of `minutebook.search.search`: one call for the page, the API and the Atom feed.

The search engine is built separately; until `search()` exists this raises SearchUnavailable,
which the page shows as a message and the API as a 503, instead of failing at import time.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from sqlalchemy.orm import Session

from minutebook.web.app import source_url


class SearchUnavailable(RuntimeError):
    pass


def run_search(session: Session, query: str, *, committee: str | None = None, since: dt.date | None = None,
               kind: str | None = None, year: int | None = None, limit: int = 20, offset: int = 0) -> Any:
    try:
        from minutebook.search import search  # type: ignore[attr-defined]  # noqa: PLC0415
    except ImportError as exc:
        raise SearchUnavailable("search is not available in this build yet (minutebook.search.search is missing)") \
            from exc
    return search(session, query, committee=committee, since=since, kind=kind, year=year, limit=limit,
                  offset=offset)


_TAGS = re.compile(r"<[^>]+>")


def plain(snippet: str) -> str:
    """The snippet's text without <mark> tags and ellipses (to find it on the source page)."""
    return html.unescape(_TAGS.sub("", snippet)).strip(" .…\u2026")


def hit_url(hit: Any) -> str | None:
    return source_url({"pack_id": hit.pack_id, "page": hit.page, "line": hit.line, "text": plain(hit.snippet)})


def hit_dict(hit: Any) -> dict[str, Any]:
    return {"kind": hit.kind, "id": hit.id, "snippet": hit.snippet, "score": hit.score, "committee": hit.committee,
            "committee_id": hit.committee_id, "meeting_date": hit.meeting_date, "meeting_id": hit.meeting_id,
            "document_title": hit.document_title, "document_id": hit.document_id, "pack_id": hit.pack_id,
            "page": hit.page, "line": hit.line, "source_url": hit_url(hit)}
