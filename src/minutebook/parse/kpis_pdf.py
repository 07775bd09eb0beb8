"""KPI tables from a PDF: ruled tables whose header names a Target column and at least one of
actual / trend / RAG / direction.

Signals:
- the table: a ruled table (see tables.ruled) on a page of a report/appendix/briefing whose
  lines carry the word "Target"; its header row names the columns;
- columns by header words: the indicator is the column named measure/indicator/KPI (else
  the first); target, last year, RAG, direction/trend by their names; the actual is the
  first remaining column named actual/month/quarter/current/result (a second period
  column, e.g. "Qtr to end", is not the actual);
- rows drawn on other column rules than the header (a nested sub-table) are skipped; a row
  that is one cell across the table is an area heading for the rows below;
- direction from the arrow glyph vocabulary (▲▼▬) or direction words; RAG from RAG words;
  a dash-only cell ("---") prints no value and is null;
- a one-row table whose indicator cell is empty is titled in its corner header cell.
"""

from __future__ import annotations

import re

from minutebook.models import KPI, Source
from minutebook.parse.base import Context
from minutebook.read import Pack
from minutebook.tables.locate import find_column, is_repeat_header, same_borders, tables_on
from minutebook.tables.ruled import Table, TableRow
from minutebook.tables.vocab import ARROWS, DIRECTION_WORDS, RAG_WORD

HEADER_WORDS = re.compile(r"(?i)\btarget")
INDICATOR = re.compile(r"(?i)\b(measure|indicator|kpi|metric|performance indicator|pi)\b")
TARGET = re.compile(r"(?i)\btarget")
LAST_YEAR = re.compile(r"(?i)\b(last year|previous|prior year|baseline)")
RAG = re.compile(r"(?i)\b(rag|rating|status)\b")
DIRECTION = re.compile(r"(?i)\b(trend|direction|travel|dot)\b")
ACTUAL = re.compile(r"(?i)\b(actual|month|quarter|qtr|current|outturn|result|ytd|value|performance)\b")
DASHES = re.compile(r"^[-–—‐]+$")


def _value(text: str) -> str | None:
    text = text.strip()
    return None if not text or DASHES.match(text) else text


def _direction(text: str) -> str | None:
    text = text.strip()
    if text in ARROWS:
        return ARROWS[text]
    if len(text) > 1 and DASHES.match(text):
        return None  # "---": nothing printed, not the one-glyph "stable" dash
    glyph = next((g for g in ARROWS if text.startswith(g)), None)
    if glyph:
        return ARROWS[glyph]
    if DIRECTION_WORDS.match(text):
        return text.split()[0].capitalize()
    return None


def _columns(header: TableRow) -> dict[str, int] | None:
    target = find_column(header, TARGET)
    if target is None:
        return None
    indicator = find_column(header, INDICATOR, skip=(target,))
    cols = {"indicator": 0 if indicator is None else indicator, "target": target}
    for name, pattern in (("last_year", LAST_YEAR), ("rag", RAG), ("direction", DIRECTION)):
        found = find_column(header, pattern, skip=tuple(cols.values()))
        if found is not None:
            cols[name] = found
    actual = find_column(header, ACTUAL, skip=tuple(cols.values()))
    if actual is not None:
        cols["actual"] = actual
    # a Target column alone is not a KPI table: it needs something measured against it
    if not {"actual", "rag", "direction"} & cols.keys() or cols["indicator"] == target:
        return None
    return cols


def _table_kpis(table: Table) -> list[KPI]:
    header = table.header
    cols = _columns(header)
    if cols is None:
        return []
    body = [r for r in table.rows[1:] if not is_repeat_header(r, header)]
    width = len(header.cells)
    out: list[KPI] = []
    area: str | None = None
    for row in body:
        texts = row.texts()
        if len(row.cells) == 1 and texts[0]:
            area = texts[0]
            continue
        if not same_borders(row, header) or len(texts) != width:
            continue  # a nested sub-table or a merged row: not one indicator
        name = texts[cols["indicator"]]
        if not name and len(body) == 1 and header.cells[cols["indicator"]].text:
            name = header.cells[cols["indicator"]].text
        if not name:
            continue

        def get(field: str) -> str | None:
            return _value(texts[cols[field]]) if field in cols else None

        rag = get("rag")
        out.append(KPI(
            area=area, indicator=name, last_year=get("last_year"), target=get("target"), actual=get("actual"),
            rag=rag.capitalize() if rag and RAG_WORD.match(rag) else None,
            direction=_direction(texts[cols["direction"]]) if "direction" in cols else None,
            source=Source(page=row.page, text=name[:200]),
        ))
    return out


def pdf_kpis(pack: Pack, ctx: Context) -> list[KPI]:
    segs = ctx.segments_of("report", "appendix", "briefing", "other")
    out: list[KPI] = []
    for table in tables_on(pack, segs, HEADER_WORDS):
        out += _table_kpis(table)
    return out
