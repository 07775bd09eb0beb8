"""Dates and times as councils print them, read day-first.

"Wednesday 23 November 2016", "1st February 2017", "23.11.2016", "30th January, 2025",
"December 19, 2023" (North American order when the month is a word), "7.30 pm", "9.10pm",
"10.00 am", "19:30", "noon". A fast regular-expression path handles the common forms;
dateparser (DMY order) is the fallback for the rest.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:\s?(?:st|nd|rd|th))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

DAY_MONTH_YEAR = re.compile(_WEEKDAY + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[./-](?P<month>[01]?\d)[./-](?P<year>(?:19|20)?\d\d)\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
TIME = re.compile(
    r"\b(?P<hour>[012]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|\b(?P<hour24>[012]?\d)[:.](?P<minute24>[0-5]\d)\s*(?:hours|hrs|h)\b"
    r"|\b(?P<hh>[012]\d):(?P<mm>[0-5]\d)\b"
    r"|\b(?P<noon>noon|midday)\b",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, date]]:
    """Every date printed in `text`, as (offset, date), in order of appearance."""
    found: list[tuple[int, date]] = []
    # offsets already inside a found date: a mask, not a list of ranges to scan (that was
    # quadratic on a text of thousands of dates)
    taken = bytearray(len(text) + 1)
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, NUMERIC):
        for m in pattern.finditer(text):
            if taken[m.start()]:
                continue
            month = m.group("month")
            month_no = MONTHS[month.lower().rstrip(".")] if month.isalpha() else int(month)
            value = _make(int(m.group("year")), month_no, int(m.group("day")))
            if value:
                found.append((m.start(), value))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    found.sort(key=lambda pair: pair[0])
    return found


def first_date(text: str) -> date | None:
    """The first date in `text`, or None."""
    found = find_dates(text)
    return found[0][1] if found else None


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """A printed date as ISO `YYYY-MM-DD`, day-first; None when `text` holds no date."""
    value = first_date(text)
    if value is None:
        value = _dateparser(text)
    return value.isoformat() if value else None


def _dateparser(text: str) -> date | None:
    # dateparser is slow to import and to run: only for what the patterns above missed,
    # and only when the text carries a year (a bare "Monday" is not a date for a record)
    if not re.search(r"\b(19|20)\d\d\b", text) or len(text) > 80:
        return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def parse_time(text: str) -> str | None:
    """The first time of day in `text` as 24-hour `HH:MM` ("9.10pm" -> "21:10")."""
    for m in TIME.finditer(text):
        if m.group("noon"):
            return "12:00"
        if m.group("hour") is not None:
            hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
            pm = m.group("ampm").lower().startswith("p")
            if hour > 12:
                continue
            if pm and hour != 12:
                hour += 12
            elif not pm and hour == 12:
                hour = 0
        elif m.group("hour24") is not None:
            hour, minute = int(m.group("hour24")), int(m.group("minute24"))
        else:
            hour, minute = int(m.group("hh")), int(m.group("mm"))
        if hour < 24:
            return f"{hour:02d}:{minute:02d}"
    return None
