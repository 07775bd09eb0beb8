"""Pydantic response models of the JSON API: they make /api/v1/openapi.json describe real shapes."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Source(BaseModel):
    """Where a record was printed: the pack, its page (PDF) or line (text), and the text."""

    pack_id: int | None
    page: int | None = None
    line: int | None = None
    text: str | None = None


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="matching rows before paging")
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, if any")
    prev: str | None = Field(None, description="URL of the previous page, if any")


class ErrorBody(BaseModel):
    status: int
    message: str
    details: list[dict[str, str]] | None = None


class Error(BaseModel):
    error: ErrorBody


class Council(BaseModel):
    id: int
    name: str
    committees: int


class Committee(BaseModel):
    id: int
    name: str
    council_id: int | None
    council: str | None
    meetings: int = 0
    last_meeting: dt.date | None = None


class Meeting(BaseModel):
    id: int
    date: dt.date
    committee_id: int
    committee: str | None
    council: str | None
    packs: int


class PackInfo(BaseModel):
    id: int
    file_name: str
    kind: str | None
    pages: int | None
    committee_id: int | None
    meeting_id: int | None
    ingested_at: dt.datetime


class Document(BaseModel):
    id: int
    pack_id: int
    meeting_id: int | None
    position: int
    kind: str
    title: str
    agenda_item: str | None
    file_name: str
    start_page: int | None
    end_page: int | None
    start_line: int | None
    end_line: int | None
    pages: int | None


class AgendaItem(BaseModel):
    id: int
    pack_id: int
    meeting_id: int | None
    number: str
    title: str
    part: int | None
    pages: str | None
    sub_items: list[str]
    documents: list[Document]
    source: Source


class MinutesSummary(BaseModel):
    id: int
    pack_id: int
    meeting_id: int | None
    meeting_date: dt.date | None
    venue: str | None
    chair: str | None
    chair_person_id: int | None
    ended_at: str | None
    source: Source


class AttendanceEntry(BaseModel):
    person_id: int
    name: str
    role: Literal["present", "also_present", "apology", "substitute"] | str


class DeclarationEntry(BaseModel):
    id: int
    member: str
    person_id: int | None
    kind: str | None
    text: str
    source: Source


class MinuteItemEntry(BaseModel):
    id: int
    number: str
    title: str
    source: Source


class ResolutionEntry(BaseModel):
    id: int
    item: str | None
    text: str
    source: Source


class MinutesDetail(MinutesSummary):
    attendance: list[AttendanceEntry]
    declarations: list[DeclarationEntry]
    items: list[MinuteItemEntry]
    resolutions: list[ResolutionEntry]


class MeetingDetail(Meeting):
    pack_list: list[PackInfo]
    agenda: list[AgendaItem]
    documents: list[Document]
    minutes: list[MinutesDetail]


class StatusEvent(BaseModel):
    id: int
    status: str | None
    state: Literal["open", "done"]
    reported_on: dt.date | None
    meeting_id: int | None
    pack_id: int | None = Field(description="the pack that printed the status; null for an officer's update")
    pack: str | None
    text: str | None
    source: Source | None
    origin: Literal["pack", "officer"] = Field("pack", description="printed in a pack, or recorded by an officer")
    by: str | None = Field(None, description="the officer who recorded the update")


class Action(BaseModel):
    id: int
    committee_id: int | None
    committee: str | None
    meeting_id: int | None = Field(description="the meeting the action arose at")
    meeting_date: dt.date | None
    item: str | None
    item_title: str | None
    text: str
    status: str | None = Field(description="the latest status as printed")
    state: Literal["open", "done"] = Field(description="a reading of the latest status")
    history: list[StatusEvent]
    source: Source


class WpEvent(BaseModel):
    item_id: int
    item_title: str
    title: str
    status: Literal["scheduled", "moved", "deferred", "taken"] | str
    objective: str | None
    represented_by: list[str]
    source: Source


class WpRound(BaseModel):
    id: int
    pack_id: int
    meeting_id: int | None
    label: str | None
    date: dt.date | None
    items: list[WpEvent]
    source: Source


class WorkProgramme(BaseModel):
    committee_id: int | None
    committee: str | None
    rounds: list[WpRound]


class KpiObservation(BaseModel):
    id: int
    pack_id: int
    meeting_id: int | None
    meeting_date: dt.date | None
    period: str | None
    last_year: str | None
    target: str | None
    actual: str | None
    target_value: float | None = Field(description="target read as a number (percent if printed), for charts")
    actual_value: float | None
    rag: str | None
    direction: str | None
    commentary: str | None
    source: Source


class Kpi(BaseModel):
    id: int = Field(description="stable indicator id: its first observation's id")
    committee_id: int | None
    committee: str | None
    indicator: str
    area: str | None
    latest_actual: str | None
    latest_target: str | None
    rag: str | None
    direction: str | None
    observations: list[KpiObservation]


class SearchHit(BaseModel):
    kind: str
    id: int
    snippet: str = Field(description="HTML-safe; matched words wrapped in <mark>")
    score: float
    committee: str | None
    committee_id: int | None
    meeting_date: dt.date | None
    meeting_id: int | None
    document_title: str | None
    document_id: int | None
    pack_id: int | None
    page: int | None
    line: int | None
    source_url: str | None


class SearchFacet(BaseModel):
    value: str
    count: int


class SearchPage(Page[SearchHit]):
    query: str
    facets: dict[str, list[SearchFacet]]
    total_is_estimate: bool = Field(False, description="more matched than are counted: total is a lower bound")
    facets_are_partial: bool = Field(False, description="facets count the first matches only (see total_is_estimate)")
