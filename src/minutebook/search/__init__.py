"""Full-text search over passages, resolutions and actions, one interface over two engines.

SQLite FTS5 and PostgreSQL tsvector sit behind `search()`; callers (the CLI, the web UI and
the JSON API) never see which one answered. User input can never make the query fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

HitKind = Literal["passage", "resolution", "action"]


@dataclass(slots=True)
class Hit:
    """One ranked search result with its provenance."""

    kind: HitKind
    id: int  # the row id in its table (passage / resolution / action)
    snippet: str  # HTML-safe text with the matched words wrapped in <mark>...</mark>
    score: float  # higher is better; comparable within one result set only
    committee: str | None
    committee_id: int | None
    meeting_date: date | None
    meeting_id: int | None
    document_title: str | None
    document_id: int | None
    pack_id: int | None
    page: int | None
    line: int | None


@dataclass(slots=True)
class Facet:
    value: str
    count: int


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int  # hits matching, before paging (a lower bound when total_is_estimate)
    hits: list[Hit] = field(default_factory=list)
    # facet name ("committee", "kind", "year") -> counts over all matching hits
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    # added for issue 5 (additive): "all" = every word matched; "any" = nothing had every word,
    # so hits have at least one (ranked by how many and how often)
    match: Literal["all", "any"] = "all"
    # facet name -> facet value -> its id, where the value has one (committee names -> committee ids)
    facet_ids: dict[str, dict[str, int]] = field(default_factory=dict)
    # added for issue 8 (additive): True when more matched than the engine counts (CANDIDATES
    # per kind, newest first): `total` is then a lower bound ("300+"), the facets count those
    # candidates only and the hits are the best-ranked of them
    total_is_estimate: bool = False
    facets_are_partial: bool = False


from minutebook.search.engine import search  # noqa: E402 - needs the classes above

__all__ = ["Facet", "Hit", "HitKind", "SearchResult", "search"]
