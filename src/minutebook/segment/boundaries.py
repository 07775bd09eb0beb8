"""Where documents begin in a pack.

PDF: at page starts, where the running header's tail changes or the page opens with a cover
sheet, minutes, actions, an appendix heading, or follows a report's closing lines.
Text dump: page starts are inferred (a line with exactly one leading space that runs on
from a printed line, or a line after a "Page N" footer), plus cover-sheet "Date:" blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import DocumentKind
from minutebook.read import Pack
from minutebook.segment.furniture import page_lines, running_titles
from minutebook.segment.starts import APPENDIX, REPORT_END, REPORT_OPENING, classify

_DATE_FIELD = re.compile(r"^date\s*:", re.IGNORECASE)
_COVER_FIELD = re.compile(r"^(briefing of|classification|report of|title(?: of report)?|wards?\b[^:]*)\s*:", re.IGNORECASE)
SHORT_PAGE = 8  # a page with no more lines than this is a title page (a verbal item, a presentation)


@dataclass(slots=True)
class Start:
    index: int
    kind: DocumentKind
    title: str
    attached: bool = False  # belongs to the agenda item of the document before it


def head_texts(pack: Pack, start: int, skip: set[int], count: int = 40) -> list[str]:
    out: list[str] = []
    for i in range(start, len(pack.lines)):
        line = pack.lines[i]
        if line.text and i not in skip:
            out.append(line.text)
            if len(out) >= count:
                break
    return out


def _closing_lines(pack: Pack, before: int, skip: set[int], count: int = 8) -> bool:
    """Whether the few printed lines before `before` close a report."""
    seen = 0
    for i in range(before - 1, -1, -1):
        line = pack.lines[i]
        if not line.text or i in skip:
            continue
        if REPORT_END.match(line.text):
            return True
        seen += 1
        if seen >= count:
            break
    return False


def _follow_on(pack: Pack, index: int, skip: set[int], current: Start) -> Start | None:
    """A document that announces itself only by where it stands: after a report's closing
    lines (an appendix), or a report restarting at "1. Introduction" after an appendix."""
    head = head_texts(pack, index, skip, 2)
    if not head:
        return None
    if _closing_lines(pack, index, skip) and current.kind in ("report", "briefing", "work_programme", "appendix"):
        return Start(index, "appendix", head[0], attached=True)
    if current.kind == "appendix" and REPORT_OPENING.match(head[0]):
        return Start(index, "report", head[0])
    return None


def _heading_or_follow_on(pack: Pack, index: int, skip: set[int], current: Start,
                          found: tuple[DocumentKind, str] | None, head: list[str]) -> Start | None:
    """The document a page opens: by its heading when it has one (appendices and actions arising
    after minutes belong to the document before), else by where it stands."""
    if found and _accept(found, current):
        attached = bool(APPENDIX.match(head[0])) or (found[0] == "actions" and current.kind == "minutes")
        return Start(index, found[0], found[1], attached=attached)
    return _follow_on(pack, index, skip, current)


def _accept(new: tuple[DocumentKind, str], current: Start) -> bool:
    # a page of minutes or agenda that happens to repeat its heading is not a new document
    return not (new[0] == current.kind and new[0] in ("minutes", "agenda", "actions", "action_tracker"))


def pdf_starts(pack: Pack, skip: set[int]) -> list[Start]:
    pages = page_lines(pack)
    order = sorted(pages)
    tails = running_titles(pack)
    first_idx = next((i for i in pages[order[0]] if i not in skip), 0) if order else 0
    first = classify(head_texts(pack, 0, skip), first=True)
    starts = [Start(0, *(first or ("other", head_texts(pack, 0, skip, 1)[0] if pack.lines else "Document")))]
    if starts[0].kind == "other" and first is None:
        starts[0].kind = "report" if len(order) > 1 else "other"
    cur_tail = tails.get(order[0]) if order else None
    del first_idx
    for page in order[1:]:
        content = [i for i in pages[page] if i not in skip]
        if not content:
            continue
        index = content[0]
        head = [pack.lines[i].text for i in content]  # this page only: a title page stands alone
        found = classify(head)
        tail = tails.get(page) or ""
        current = starts[-1]
        if tails and tail:
            if cur_tail in (None, ""):
                cur_tail = tail
                continue
            if tail.lower() != cur_tail.lower():
                cur_tail = tail
                if found is None:
                    found = ("other", tail)
                starts.append(Start(index, found[0], found[1] if found[0] != "other" else tail))
            continue
        start = _heading_or_follow_on(pack, index, skip, current, found, head)
        if start:
            starts.append(start)
    return starts


def _text_page_starts(pack: Pack) -> list[int]:
    lines = pack.lines
    out: list[int] = []
    last = -2
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if line.page_start and i > 0:
            out.append(i)
            last = i
            continue
        if line.indent == 1 and i > 0 and lines[i - 1].text and last != i - 1:
            out.append(i)
            last = i
    return out


def _cover_blocks(pack: Pack) -> list[tuple[int, int]]:
    """(start, date line) of cover sheets: a "Date:" field with other cover fields below,
    starting at the heading lines printed just above it."""
    lines = pack.lines
    out = []
    for i, line in enumerate(lines):
        if not _DATE_FIELD.match(line.text):
            continue
        window = [lines[j].text for j in range(i + 1, min(len(lines), i + 25))]
        if not any(_COVER_FIELD.match(t) for t in window):
            continue
        start, j, taken = i, i - 1, 0
        while j >= 0 and not lines[j].text:
            j -= 1
        while j >= 0 and lines[j].text and taken < 4:
            text = lines[j].text
            if len(text) > 45 or text.endswith((".", ":")):
                break
            start, taken = j, taken + 1
            if lines[j].indent == 1 or lines[j].page_start:
                break
            j -= 1
        out.append((start, i))
    return out


def text_starts(pack: Pack, skip: set[int]) -> list[Start]:
    first = classify(head_texts(pack, 0, skip), first=True)
    starts = [Start(0, *(first or ("other", head_texts(pack, 0, skip, 1)[0])))]
    covers = _cover_blocks(pack)
    cover_at = {s: d for s, d in covers}
    candidates = sorted(set(_text_page_starts(pack)) | set(cover_at))
    covered_until = -1
    for index in candidates:
        if index == 0 or index <= covered_until or index in skip:
            continue
        current = starts[-1]
        if index in cover_at:
            head = head_texts(pack, index, skip)
            found = classify(head) or ("report", head[0])
            starts.append(Start(index, found[0], found[1]))
            covered_until = cover_at[index] + 20
            continue
        # a cover block just below this page start begins the document here
        near = [s for s in cover_at if index < s <= index + 3
                or (index < s <= index + 20 and all(not pack.lines[j].text or j in skip for j in range(index + 1, s)))]
        if near:
            continue
        head = head_texts(pack, index, skip)
        found = classify(head)
        if found and found[0] == "agenda":
            found = None  # "agenda" in running text is not a new front sheet
        start = _heading_or_follow_on(pack, index, skip, current, found, head)
        if start:
            starts.append(start)
    return starts
