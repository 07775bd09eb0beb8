"""Read numbered agenda items out of the lines of an agenda (front sheet).

Kept free of the segmenter and the parser registry so the segmenter can call it (it needs
the items' page ranges and titles to know which item each document belongs to).

An item is a numbered line ("3. Minutes (Pages 1 - 8)", "33. SUBJECT: STATE AND FEDERAL
REPORT 2017-0346") in the dominant layout of numbered lines (same left edge, same case), so
numbered sub-points under an item ("1. To note any changes") are not taken for items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from minutebook.models import AgendaItem
from minutebook.read import Line, Pack

_NUMBERED = re.compile(r"^(?:item\s+)?(\d{1,3})[.)](?!\d)\s*(.*)$", re.IGNORECASE)
_PAGES = re.compile(r"\(\s*pages?\s+(\d+)\s*(?:(?:-|–|—|to)\s*(\d+)\s*)?\)", re.IGNORECASE)
# an opening "(Pages" whose numbers wrapped to the next line
_PAGES_OPEN = re.compile(r"\(\s*pages?(?:\s+\d+)?(?:\s*[-–])?\s*$", re.IGNORECASE)
_SUBPOINT = re.compile(r"^(?:\d{1,2}[.)]|[A-Za-z][.)]|\(?[ivxIVX]{1,4}\)|\([a-z0-9]{1,3}\)|[•·▪\-–])\s+")
_FILE_NUMBER = re.compile(r"\s+\d{4}-\d{3,5}$")  # Legistar file number printed after the title
_SUBJECT = re.compile(r"^subject:\s*", re.IGNORECASE)
_JUNK_CELL = re.compile(r"^[\d\s.:\-–apmAPM]*$")  # page-reference / time columns
_SECTION = re.compile(r"^(?:section|part)\s*\d+\s*:\s*", re.IGNORECASE)
PART_TWO = re.compile(
    r"^(?:part\s*(?:2|ii|two)\b|exempt items|public excluded|closed session|confidential (?:items|business)"
    r"|private (?:items|business)|items? (?:in|to be considered in) private|in camera)",
    re.IGNORECASE,
)
PART_ONE = re.compile(r"^(?:part\s*(?:1|i|one)\b|unrestricted items|public agenda|open session)", re.IGNORECASE)
_CLOSED_TITLE = re.compile(r"^(?:closed session|in camera|exempt|confidential)\b", re.IGNORECASE)
_ATTACHMENTS = re.compile(r"^(?:attachments?|enclosures?)\s*:", re.IGNORECASE)
_END_PUNCT = (".", "?", "!")


@dataclass(slots=True)
class _Item:
    index: int  # index of the item's line in `lines`
    number: str
    first: str
    part: int
    body: list[int] = field(default_factory=list)


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _title_text(line: Line, rest: str) -> str:
    """The title part of a numbered line, without trailing page-reference or time columns."""
    if len(line.cells) > 1:
        cells = [c.text for c in line.cells]
        m = _NUMBERED.match(cells[0])
        if m:
            cells[0] = m.group(2)
        while len(cells) > 1 and _JUNK_CELL.match(cells[-1]):
            cells.pop()
        return " ".join(c for c in cells if c).strip()
    return rest.strip()


def _style(line: Line, title: str, pdf: bool) -> tuple[int, bool]:
    step = 6.0 if pdf else 1.0
    return int(round(line.indent / step)), is_upper(_PAGES.sub("", title))


def _candidates(lines: list[Line], pdf: bool, skip: set[int]) -> list[tuple[int, str, str]]:
    found = []
    for i, line in enumerate(lines):
        if i in skip or not line.text:
            continue
        m = _NUMBERED.match(line.text)
        if not m or int(m.group(1)) == 0:
            continue
        found.append((i, m.group(1), _title_text(line, m.group(2))))
    return found


def _pick(found: list[tuple[int, str, str]], lines: list[Line], pdf: bool) -> list[tuple[int, str, str]]:
    """Keep the numbered lines in the dominant layout; drop repeats of a number."""
    if not found:
        return []
    styles = Counter(_style(lines[i], t, pdf) for i, _, t in found if t)
    if not styles:
        return []
    indent, upper = styles.most_common(1)[0][0]
    kept, seen = [], set()
    for i, number, title in found:
        s_indent, s_upper = _style(lines[i], title, pdf)
        if abs(s_indent - indent) > (1 if pdf else 0):
            continue
        if title and s_upper != upper and not (pdf and not upper):
            continue
        if number in seen:
            continue
        seen.add(number)
        kept.append((i, number, title))
    return kept if len(kept) >= 2 or len(found) == 1 else kept


def _clean_title(title: str) -> tuple[str, str | None]:
    pages = None
    m = _PAGES.search(title)
    if m:
        pages = m.group(1) if not m.group(2) else f"{m.group(1)}-{m.group(2)}"
        title = title[: m.start()] + title[m.end() :]
    title = _SUBJECT.sub("", title.strip())
    title = _FILE_NUMBER.sub("", title.strip())
    title = re.sub(r"\s+", " ", title).strip(" :;,")
    return title, pages


def _heading_above(lines: list[Line], index: int, stop: int) -> str:
    """The heading printed just above a numbered line that has no title of its own."""
    for j in range(index - 1, stop, -1):
        text = lines[j].text
        if text:
            return _SECTION.sub("", text)
    return ""


def _split_paragraphs(body: list[Line], pdf: bool) -> list[str]:
    """Body lines to sub-items: one per paragraph or numbered/lettered sub-point."""
    paras: list[list[str]] = []
    widths = [len(b.text) for b in body if b.text]
    wide = max(widths) if widths else 0
    open_para = False
    para_indent = 0.0
    prev: Line | None = None
    for line in body:
        text = line.text
        if not text:
            open_para = False
            continue
        marker = bool(_SUBPOINT.match(text))
        if marker and pdf and open_para and line.indent > para_indent + 3:
            marker = False  # "(10) years of ..." wrapped under a lettered point is not a new point
        new = not open_para or marker
        if not new and prev is not None:
            # a short line ending a sentence closes its paragraph; an all-caps line is a heading
            if prev.text.endswith(_END_PUNCT) and len(prev.text) < 0.75 * wide:
                new = True
            elif is_upper(prev.text) and not is_upper(text):
                new = True
            elif pdf and prev.top is not None and line.top is not None and line.page == prev.page \
                    and line.top - prev.top > 2.2 * max(prev.size or 10, 8):
                new = True
        if new:
            paras.append([text])
            para_indent = line.indent
        else:
            last = paras[-1][-1]
            glue = "" if last.endswith("-") and not last.endswith(" -") and text[:1].islower() else " "
            paras[-1][-1] = last + glue + text
        open_para = True
        prev = line
    return [re.sub(r"^[•·▪]\s*", "", p[0]).strip() for p in paras if p[0].strip()]


def parse_agenda_lines(pack: Pack, lines: list[Line], skip: set[int] | None = None) -> list[AgendaItem]:
    """The numbered items of an agenda printed in `lines`; `skip` holds indexes (into
    `lines`) of running headers and footers to ignore. Never raises on odd input."""
    pdf = pack.kind == "pdf"
    skip = skip or set()
    picked = _pick(_candidates(lines, pdf, skip), lines, pdf)
    if not picked:
        return []
    starts = {i for i, _, _ in picked}
    # the part each line falls in, from PART 2 / EXEMPT ITEMS / public excluded headings
    part, parts = 1, []
    for i, line in enumerate(lines):
        if i not in starts and i not in skip and len(line.text) < 80:
            if PART_TWO.match(line.text):
                part = 2
            elif PART_ONE.match(line.text):
                part = 1
        parts.append(part)
    items: list[AgendaItem] = []
    closed = False
    gaps = sorted(
        b.top - a.top
        for a, b in (
            (lines[picked[k][0]], lines[picked[k + 1][0]]) for k in range(len(picked) - 1)
        )
        if a.page == b.page and a.top is not None and b.top is not None and b.top > a.top
    )
    pitch = gaps[len(gaps) // 2] if gaps else None
    for k, (i, number, first) in enumerate(picked):
        end = picked[k + 1][0] if k + 1 < len(picked) else len(lines)
        head = lines[i]
        title = _FILE_NUMBER.sub("", first)
        if not title:
            title = _heading_above(lines, i, picked[k - 1][0] if k else -1)
        body = _body(lines, i + 1, end, head, pdf, skip)
        # title lines wrapped onto the following lines
        cont = _continuation(body, head, title, pdf, bool(first), pitch)
        title = " ".join([title] + [b.text for b in body[:cont] if b.text])
        title, pages = _clean_title(title)
        if _CLOSED_TITLE.match(title):
            closed = True
        subs = _split_paragraphs(body[cont:], pdf)
        items.append(
            AgendaItem(
                number=number,
                title=title,
                part=2 if (closed or parts[i] == 2) else 1,
                pages=pages,
                sub_items=subs,
                source=pack.source(head),
            )
        )
    return items


def _body(lines: list[Line], start: int, end: int, head: Line, pdf: bool, skip: set[int]) -> list[Line]:
    """The lines under an item, up to the next item, a heading at the item's margin, an
    attachments list, or (text) a run of blank lines."""
    out: list[Line] = []
    blanks = 0
    in_attachments = False
    for j in range(start, end):
        if j in skip:
            continue
        line = lines[j]
        if not line.text:
            blanks += 1
            if not pdf and blanks >= 2 and out:
                break
            out.append(line)
            continue
        blanks = 0
        if PART_TWO.match(line.text) or PART_ONE.match(line.text) or _SECTION.match(line.text):
            break
        if pdf and line.indent <= head.indent + 3:
            break
        if _ATTACHMENTS.match(line.text):
            in_attachments = True
            attach_indent = line.indent
            continue
        if in_attachments:
            if line.indent > attach_indent + 3:
                continue
            in_attachments = False
        out.append(line)
    while out and not out[-1].text:
        out.pop()
    return out


def _continuation(body: list[Line], head: Line, title: str, pdf: bool, titled: bool, pitch: float | None) -> int:
    """How many leading body lines continue the item's title."""
    if not titled or not body:
        return 0
    # a "(Pages x - y)" marker within the next few lines closes a wrapped title
    if not _PAGES.search(title):
        joined = title
        for n, line in enumerate(body[:5], start=1):
            if line.text and _SUBPOINT.match(line.text) and not _PAGES.match(line.text):
                break
            joined += " " + line.text
            if _PAGES.search(joined):
                return n
            if line.text and not pdf and not is_upper(line.text) and not _PAGES_OPEN.search(line.text) \
                    and not line.text.startswith("("):
                break
    upper = is_upper(title)
    n = 0
    prev = head
    for line in body:
        text = line.text
        if not text or _SUBPOINT.match(text) or text.endswith(":") or _PAGES.search(title):
            break
        if upper:
            if not is_upper(text):
                break
            if pdf and line.indent < head.indent + 40:
                break  # Legistar: the recommendation starts nearer the margin than the wrapped title
        elif pdf:
            if _PAGES_OPEN.search(title) is None and n == 0 and title.endswith(_END_PUNCT):
                break
            if head.size and line.size and abs(line.size - head.size) > 3:
                break
            # a wrapped title sits closer to its first line than items sit to each other
            if pitch and line.page == prev.page and line.top is not None and prev.top is not None \
                    and line.top - prev.top > 0.75 * pitch:
                break
        else:
            break
        prev = line
        n += 1
    return n
