"""The pack record: the schema-checked JSON that `minutebook extract` prints.

It follows ../shared/gold/SCHEMA.md (interchange format, version 1). Dates are ISO
strings, times 24-hour ``HH:MM``, item numbers strings; a field the pack does not
give is ``None`` (or an empty list), never a guess.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

DocumentKind = Literal[
    "agenda",
    "minutes",
    "actions",
    "briefing",
    "report",
    "appendix",
    "work_programme",
    "action_tracker",
    "other",
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Record):
    """Where a record came from: a 1-based line (text input) or page (PDF input)."""

    line: int | None = None
    page: int | None = None
    text: str | None = Field(default=None, description="the printed text the record was read from")

    @model_serializer(mode="wrap")
    def _drop_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        # {"line": 12} rather than {"line": 12, "page": null}: the scorer and readers key on presence
        return {k: v for k, v in handler(self).items() if v is not None}


class AgendaItem(Record):
    number: str
    title: str
    part: int | None = 1
    pages: str | None = None
    sub_items: list[str] = Field(default_factory=list)
    source: Source | None = None


class Declaration(Record):
    member: str
    kind: str | None = None
    text: str
    source: Source | None = None


class MinuteItem(Record):
    number: str
    title: str
    source: Source | None = None


class Resolution(Record):
    item: str | None = None
    text: str
    source: Source | None = None


class Minutes(Record):
    meeting_date: str | None = None
    venue: str | None = None
    chair: str | None = None
    present: list[str] = Field(default_factory=list)
    also_present: list[str] = Field(default_factory=list)
    apologies: list[str] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    items: list[MinuteItem] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    ended_at: str | None = None
    source: Source | None = None


class Action(Record):
    meeting_date: str | None = None
    item: str | None = None
    item_title: str | None = None
    text: str
    status: str | None = None
    source: Source | None = None
    also_source: Source | None = None


class WorkProgrammeItem(Record):
    title: str
    objective: str | None = None
    represented_by: list[str] = Field(default_factory=list)
    source: Source | None = None


class WorkProgrammeRound(Record):
    label: str | None = None
    date: str | None = None
    items: list[WorkProgrammeItem] = Field(default_factory=list)
    source: Source | None = None


class KPI(Record):
    area: str | None = None
    indicator: str
    last_year: str | None = None
    target: str | None = None
    actual: str | None = None
    rag: str | None = None
    direction: str | None = None
    commentary: str | None = None
    source: Source | None = None


class Document(Record):
    kind: DocumentKind
    title: str
    agenda_item: str | None = None
    source: Source | None = None
    end: Source | None = Field(default=None, description="the last line or page of the document")


class PackRecord(Record):
    """One agenda pack, as extracted."""

    council: str | None = None
    committee: str | None = None
    meeting_date: str | None = None
    published: str | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    minutes: list[Minutes] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    work_programme: list[WorkProgrammeRound] = Field(default_factory=list)
    kpis: list[KPI] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    file: str | None = Field(default=None, description="the file the record was extracted from")
    sha256: str | None = None
    pages: int | None = None

    def to_json_dict(self) -> dict[str, object]:
        """The interchange JSON: every section key present, None kept, empty sources dropped."""
        return self.model_dump(mode="json", exclude_none=False)
