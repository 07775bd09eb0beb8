"""Page furniture: running headers, footers and page numbers.

Parsers skip these lines (a running header in the middle of an agenda item is not part of
it), and the segmenter reads the running header's changing tail ("Board Meeting 24 April
2019 - CEO's Report") as the title of the document a page belongs to.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from minutebook.read import Line, Pack

HEADER_ZONE = 60.0  # points from the top of the page (headers sit above ~55pt)
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?$", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", _DIGITS.sub("", text.lower())).strip(" -–|")[:25]


def _zones(pack: Pack) -> dict[int, list[int]]:
    """Per page, the indexes of the lines in its header or footer zone."""
    lines = pack.lines
    bottom = max((line.top or 0.0) for line in lines) if lines else 0.0
    zones: dict[int, list[int]] = {}
    for page, idx in page_lines(pack).items():
        # its first three and last two printed lines: only these can be furniture
        first = _printed(lines, idx, 3)
        if not first:
            continue
        last = _printed(lines, reversed(idx), 2)[::-1]
        zone = [i for i in first if (lines[i].top or 1e9) < HEADER_ZONE]
        zone += [i for i in last if (lines[i].top or 0.0) > 0.85 * bottom and i not in zone]
        zones[page] = zone
    return zones


def _printed(lines: Sequence[Line], idx: Iterable[int], count: int) -> list[int]:
    """The first `count` of `idx` whose lines are not blank."""
    out: list[int] = []
    for i in idx:
        if lines[i].text:
            out.append(i)
            if len(out) == count:
                break
    return out


def furniture(pack: Pack) -> set[int]:
    """Indexes into `pack.lines` of running headers, footers and bare page numbers."""
    out: set[int] = set()
    if pack.kind != "pdf":
        for i, line in enumerate(pack.lines):
            if _PAGE_NUMBER.match(line.text):
                out.add(i)
        return out
    zones = _zones(pack)
    pages_with: dict[str, set[int]] = defaultdict(set)
    for page, idx in zones.items():
        for i in idx:
            pages_with[_key(pack.lines[i].text)].add(page)
    need = max(2, int(0.3 * len(zones)))
    prefix = _running_prefix(pack, zones)
    for page, idx in zones.items():
        for i in idx:
            text = pack.lines[i].text
            if _PAGE_NUMBER.match(text) or len(pages_with[_key(text)]) >= need:
                out.add(i)
            elif prefix and text.startswith(prefix) and (pack.lines[i].top or 1e9) < HEADER_ZONE:
                out.add(i)
    return out


def _headers(pack: Pack, zones: dict[int, list[int]]) -> dict[int, str]:
    heads: dict[int, str] = {}
    for page, idx in zones.items():
        tops = [pack.lines[i] for i in idx if (pack.lines[i].top or 1e9) < HEADER_ZONE]
        texts = [t.text for t in tops if not _PAGE_NUMBER.match(t.text)]
        if texts:
            heads[page] = max(texts, key=len)
    return heads


def _running_prefix(pack: Pack, zones: dict[int, list[int]]) -> str:
    """The part of a running header shared by most pages, up to a separator ("... - ")."""
    heads = _headers(pack, zones)
    if len(heads) < max(3, 0.5 * len(zones)):
        return ""
    prefix = os.path.commonprefix(list(heads.values()))
    cut = max(prefix.rfind(" - "), prefix.rfind(" – "), prefix.rfind(": "))
    return prefix[: cut + 3] if cut >= 8 else ""


def running_titles(pack: Pack) -> dict[int, str]:
    """Per page, the varying tail of a running header shared by most pages ("" where the
    page has none): 'Board Meeting 24 April 2019 - CEO's Report' -> "CEO's Report"."""
    if pack.kind != "pdf":
        return {}
    zones = _zones(pack)
    heads = _headers(pack, zones)
    prefix = _running_prefix(pack, zones)
    if not prefix:
        return {}
    # the tails must vary for them to name documents
    tails = {page: _DIGITS.sub("", text[len(prefix):]).strip(" -–") for page, text in heads.items()}
    if len(set(tails.values())) < 2:
        return {}
    return tails


def page_lines(pack: Pack) -> dict[int, Sequence[int]]:
    """Indexes of each page's lines (PDF input), in page order of first appearance.

    A page's lines follow one another in a pack as read, so each page is a `range` (a list
    of every index cost ~36 bytes a line, held while the segmenter runs); lists only where
    some page's lines are interleaved with another's."""
    spans: dict[int, list[int]] = {}  # page -> [start, stop)
    run: list[int] | None = None
    for i, line in enumerate(pack.lines):
        page = line.page
        if page is None:
            run = None
        elif run is not None and run[1] == i and spans.get(page) is run:
            run[1] = i + 1
        elif page in spans:
            return _page_lists(pack)
        else:
            run = spans[page] = [i, i + 1]
    return {page: range(start, stop) for page, (start, stop) in spans.items()}


def _page_lists(pack: Pack) -> dict[int, Sequence[int]]:
    pages: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(pack.lines):
        if line.page is not None:
            pages[line.page].append(i)
    return dict(pages)


def is_page_number(line: Line) -> bool:
    return bool(_PAGE_NUMBER.match(line.text))
