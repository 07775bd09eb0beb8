"""What kind of document begins at a line: read from the first lines printed there.

Generic council vocabulary only: cover-sheet fields ("Date:", "Report of:", "Briefing of:",
"For the attention of:"), "Minutes of a meeting ...", "Actions Arising", "Appendix A",
"Work Programme". Returns None where the lines do not announce a document.
"""

from __future__ import annotations

import re

from minutebook.models import DocumentKind

_FIELD = re.compile(
    r"^(date|classification|title(?: of report)?|report of|report to|report by|report author|briefing of|from|to|"
    r"subject|meeting|decision no\.?|decision number|wards?(?: affected| involved)?|key decision|"
    r"for the attention of|contact officer|cabinet member portfolio|policy context|author)\s*:",
    re.IGNORECASE,
)
_STRONG = {"report of", "report to", "report by", "title of report", "briefing of", "for the attention of"}
_TITLE_FIELDS = ("title of report", "title", "subject")
_MINUTES = re.compile(r"^(?:draft\s+|unconfirmed\s+|confirmed\s+)?minutes\b|\bminutes of (?:the|a)\b.*\bmeeting", re.IGNORECASE)
_AGENDA = re.compile(r"\bagenda\b", re.IGNORECASE)
_ACTIONS = re.compile(r"\b(actions arising|matters arising|action tracker|action log|actions log)\b", re.IGNORECASE)
_TRACKER = re.compile(r"\b(tracker|log)\b", re.IGNORECASE)
_STATUS_HEADER = re.compile(r"\baction\b.*\bstatus\b|\bstatus\b.*\baction\b", re.IGNORECASE)
_WORK_PROGRAMME = re.compile(r"\b(work\s*programme|work\s*program|workplan|work plan|forward plan)\b", re.IGNORECASE)
APPENDIX = re.compile(r"^(?:appendix|annex|attachment)\s+([A-Z0-9]{1,3})\b\s*[-–:.]?\s*(.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d+)*[.)]?\s")
_SENTENCE = re.compile(r"\b(that|was|were|has|have|resolved|agreed|noted)\b", re.IGNORECASE)


def heading_like(text: str) -> bool:
    """A heading, not a sentence that happens to use the word ("RESOLVED that the work programme was noted.")."""
    return len(text) < 70 and not text.endswith(".") and not _NUMBERED.match(text) and not _SENTENCE.search(text)
# report sections that open a report whose cover sheet the text dump lost
REPORT_OPENING = re.compile(
    r"^1\.?0?\.?\s+(introduction|summary|executive summary|purpose(?: of (?:the )?report)?|background)\b", re.IGNORECASE
)
# the closing lines of a report: what follows on the next page is an appendix
REPORT_END = re.compile(
    r"^(if you have any queries about this report|background papers\b|appendices\s*:|list of appendices)", re.IGNORECASE
)


def field_value(head: list[str], index: int) -> str:
    """The value of the field on head[index]: after its colon, or the next line if empty."""
    m = _FIELD.match(head[index])
    rest = head[index][m.end():].strip() if m else ""
    if not rest and index + 1 < len(head) and not _FIELD.match(head[index + 1]):
        rest = head[index + 1]
    # a second field on the same printed line ("Meeting: Cabinet Date: 10 December 2025")
    return re.split(r"\s+\b(?:date|time|venue)\s*:", rest, flags=re.IGNORECASE)[0].strip()


def cover_sheet(head: list[str]) -> tuple[DocumentKind, str] | None:
    """A report or briefing cover sheet: two cover fields, or one that only reports have."""
    fields: dict[str, int] = {}
    for i, text in enumerate(head[:20]):
        m = _FIELD.match(text)
        if m:
            fields.setdefault(m.group(1).lower(), i)
    if not (len(fields) >= 3 or _STRONG & set(fields) or ({"date", "classification"} <= set(fields))):
        return None
    title = ""
    for name in _TITLE_FIELDS:
        if name in fields:
            title = field_value(head, fields[name])
            break
    if "briefing of" in fields:
        who = field_value(head, fields["briefing of"])
        return "briefing", title or f"Briefing of {who}".strip()
    if not title:
        title = next((t for t in head if not _FIELD.match(t)), head[0] if head else "Report")
    if _WORK_PROGRAMME.search(title):
        return "work_programme", title
    if re.search(r"\baction tracker\b", title, re.IGNORECASE):
        return "action_tracker", title
    return "report", title


def classify(head: list[str], first: bool = False) -> tuple[DocumentKind, str] | None:
    """The kind and title of a document whose first printed lines are `head`."""
    if not head:
        return None
    top = head[0]
    m = APPENDIX.match(top)
    if m and len(top) < 120:
        kind: DocumentKind = "action_tracker" if re.search(r"action tracker|action log", top, re.I) else "appendix"
        return kind, top
    for text in head[:4]:
        if _MINUTES.search(text) and not _NUMBERED.match(text) and not _AGENDA.search(text):
            title = next((t for t in head[:6] if re.search(r"minutes of", t, re.I)), text)
            return "minutes", title
    for text in head[:2]:
        if _ACTIONS.search(text) and heading_like(text):
            tracker = _TRACKER.search(text) or any(_STATUS_HEADER.search(t) for t in head[:8])
            return ("action_tracker" if tracker else "actions"), text
    limit = 40 if first else 8
    for text in head[:limit]:
        if _AGENDA.search(text) and len(text) < 45 and not text.endswith(".") and not _NUMBERED.match(text):
            return "agenda", "Agenda" if first else text
    cover = cover_sheet(head)
    if cover:
        return cover
    for text in head[:3]:
        if _WORK_PROGRAMME.search(text) and heading_like(text):
            return "work_programme", text
    return None
