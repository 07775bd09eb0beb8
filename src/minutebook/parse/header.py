"""The header parser: council, committee, meeting date and publication date of a pack.

Runs last. Reads the front sheet first (the pack's first document), then the cover sheets
and minutes the segmenter found. A field the pack does not print stays None.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

from minutebook.parse.base import Context
from minutebook.read import Line
from minutebook.text.dates import MONTH_DAY_YEAR, find_dates, parse_date

_BODY = r"[A-Za-z][A-Za-z'’ .&-]{1,60}?"
COUNCIL = re.compile(
    r"^(?:the\s+)?(?:corporation of the\s+)?("
    r"(?:city|township|town|county|borough|district|municipality|village|london borough|royal borough|"
    r"metropolitan borough|city and county|region|shire) of " + _BODY + r"|"
    + _BODY + r" (?:county|city|borough|district|town|parish|metropolitan borough|regional|shire|unitary) council|"
    + _BODY + r" (?:transportation|transit|metropolitan|regional|combined|fire|police) authority)$",
    re.IGNORECASE,
)
_BODIES = r"committee|sub-committee|subcommittee|cabinet|board|panel|commission|council|forum|executive|assembly"
COMMITTEE_LINE = re.compile(r"^(?:the\s+)?(" + r"(?:[A-Za-z][A-Za-z'’ ,&-]{0,90}?\s)?(?:" + _BODIES + r"))(?:\s+meeting)?$", re.I)
_ROLE = re.compile(r"\b(chair\w*|co-chairs?|member|members|of the|officer|representative)\b", re.I)
MEETING_OF = re.compile(r"\bmeeting of (?:the\s+)?(.{3,120}?)\s+(?:was\s+|were\s+)?held\b", re.IGNORECASE)
_MEETING_FIELD = re.compile(r"^(?:meeting|committee)\s*:\s*(.+?)(?:\s+date\s*:.*)?$", re.IGNORECASE)
_DATE_FIELD = re.compile(r"^date(?: of meeting)?\s*:\s*(.*)$", re.IGNORECASE)
_TRAILING_DATE = re.compile(r"\s*[-–—,]\s*.*\d{4}\s*$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s")
_SIGNATORY = re.compile(
    r"\b(chief executive|general counsel|clerk|secretary|monitoring officer|director|head of|proper officer|"
    r"democratic services|chief officer|solicitor|town clerk|county clerk|city manager)\b",
    re.IGNORECASE,
)
_ISSUED = re.compile(r"\b(printed on|published(?: on)?|issued(?: on)?|date of publication|dispatched|despatched)\b", re.I)
_US_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
_FUNCTION_WORDS = {"with", "and", "to", "for", "from", "by", "of", "in", "on", "at", "between"}
_SMALL = {"of", "the", "and", "for", "&", "on", "in"}


def tidy(name: str) -> str:
    """Title-case a name printed in capitals ("KENT COUNTY COUNCIL" -> "Kent County Council")."""
    name = re.sub(r"\s+", " ", name).strip(" ,.:;-–")
    if name.upper() != name:
        return name
    words = name.lower().split()
    return " ".join(w if (k and w in _SMALL) else w[:1].upper() + w[1:] for k, w in enumerate(words))


def _texts(lines: list[Line], limit: int) -> list[str]:
    return [line.text for line in lines if line.text][:limit]


class HeaderParser:
    name: ClassVar[str] = "header"

    def parse(self, ctx: Context) -> None:
        if not ctx.segments:
            return
        record = ctx.record
        front = ctx.lines_of(ctx.segments[0])
        head = self._front_head(ctx, front)
        record.council = record.council or self._council(ctx, head)
        record.committee = record.committee or self._committee(ctx, head, record.council)
        record.meeting_date = record.meeting_date or self._meeting_date(ctx, head)
        if ctx.segments[0].kind == "agenda":
            record.published = record.published or self._published(ctx, front)

    # -- the front sheet: its lines before the first agenda item
    def _front_head(self, ctx: Context, front: list[Line]) -> list[str]:
        texts = []
        first_item = ctx.record.agenda[0].source if ctx.record.agenda else None
        for line in front[:60]:
            if first_item is not None and ctx.pack.source(line) == first_item:
                break
            if line.text:
                texts.append(line.text)
        return texts[:40]

    def _council(self, ctx: Context, head: list[str]) -> str | None:
        # the front sheet, then the headings of the pack's minutes and reports
        pools = [head] + [_texts(ctx.lines_of(s), 6) for s in ctx.segments[1:]
                          if s.kind in ("minutes", "report", "briefing", "agenda")]
        for pool in pools:
            for text in pool:
                if len(text) > 70:
                    continue
                m = COUNCIL.match(text.strip(" *"))
                if m and m.group(1).split()[0].lower() not in _FUNCTION_WORDS:
                    return tidy(m.group(1))
        return None

    def _committee(self, ctx: Context, head: list[str], council: str | None) -> str | None:
        for text in head[:30]:
            m = _MEETING_FIELD.match(text)
            if m:
                return tidy(m.group(1))
        for text in head[:30]:
            name = self._committee_line(text, council)
            if name:
                return name
        # minutes: "Minutes of a meeting of the X held on ..."
        for seg in ctx.segments_of("minutes"):
            lines = _texts(ctx.lines_of(seg), 12)
            joined = " ".join(lines)
            m = MEETING_OF.search(joined)
            if m:
                name = m.group(1)
                if council and name.lower().startswith(council.lower()):
                    name = name[len(council):]
                name = re.sub(r"^(?:the\s+)", "", name.strip(), flags=re.I)
                name = re.split(r"\s+(?:in|at)\s+the\b", name)[0]
                if name:
                    return tidy(name)
            for text in lines:
                name = self._committee_line(text, council)
                if name:
                    return name
        return None

    @staticmethod
    def _committee_line(text: str, council: str | None) -> str | None:
        if len(text) > 100 or _NUMBERED.match(text) or COUNCIL.match(text) or _ROLE.search(text):
            return None
        text = _TRAILING_DATE.sub("", text).strip(" *")
        m = COMMITTEE_LINE.match(text)
        if not m or len(m.group(1).split()) > 14:
            return None
        name = m.group(1)
        if council and name.lower() == council.lower():
            return None
        return tidy(name)

    def _meeting_date(self, ctx: Context, head: list[str]) -> str | None:
        first = ctx.segments[0]
        if first.kind in ("agenda", "report", "briefing", "other"):
            for text in head[:25]:
                m = _DATE_FIELD.match(text)
                if m and parse_date(m.group(1)):
                    return parse_date(m.group(1))
            for text in head[:15]:
                if _NUMBERED.match(text):
                    continue
                found = find_dates(text)
                if found:
                    return found[0][1].isoformat()
        # cover sheets of the pack's briefings and reports: their "Date:" field
        votes: Counter[str] = Counter()
        for seg in ctx.segments:
            lines = _texts(ctx.lines_of(seg), 20)
            for k, text in enumerate(lines):
                m = _DATE_FIELD.match(text)
                if m:
                    value = m.group(1) or (lines[k + 1] if k + 1 < len(lines) else "")
                    iso = parse_date(value) if len(value) < 60 else None
                    if iso:
                        votes[iso] += 1
        if votes:
            return votes.most_common(1)[0][0]
        if first.kind == "minutes":
            if ctx.record.minutes and ctx.record.minutes[0].meeting_date:
                return ctx.record.minutes[0].meeting_date
            for text in head[:12]:
                found = find_dates(text)
                if found:
                    return found[0][1].isoformat()
        return None

    def _published(self, ctx: Context, front: list[Line]) -> str | None:
        """The date under the signature closing the agenda, or a "Printed on" date."""
        texts = [line.text for line in front if line.text]
        us = any(MONTH_DAY_YEAR.search(t) for t in texts[:40])
        # the signature closes the agenda: look after its last item
        if ctx.record.agenda and ctx.record.agenda[-1].source is not None:
            last = ctx.record.agenda[-1].source
            at = next((k for k, line in enumerate(l for l in front if l.text)
                       if ctx.pack.source(line) == last), 0)
            texts = texts[at:]
        for k, text in enumerate(texts):
            if _ISSUED.search(text):
                iso = _date(text, us)
                if iso:
                    return iso
            if _SIGNATORY.search(text) and len(text) < 60:
                for nxt in texts[k : k + 4]:
                    if len(nxt) < 60:
                        iso = _date(nxt, us)
                        if iso:
                            return iso
        return None


def _date(text: str, us: bool) -> str | None:
    m = _US_NUMERIC.search(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        month, day = (a, b) if (us or b > 12) and a <= 12 else (b, a)
        try:
            from datetime import date

            return date(year, month, day).isoformat()
        except ValueError:
            return None
    found = find_dates(text)
    return found[0][1].isoformat() if found else None
