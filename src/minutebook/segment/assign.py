"""Which agenda item each document belongs to.

Documents follow the agenda's order, so items are assigned monotonically: by the printed
page number where the agenda gives page ranges ("(Pages 9 - 30)"), else by the words the
document's first lines share with an item's title and description, else the next item
(with pages, where the agenda prints any). Appendices and the actions arising printed
after minutes inherit the item of the document they follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from minutebook.models import AgendaItem
from minutebook.read import Pack

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STOP = {
    "the", "of", "and", "for", "to", "a", "an", "in", "on", "with", "by", "at", "from", "be", "is", "are",
    "this", "that", "any", "all", "or", "as", "it", "its", "hb", "re", "update", "updates", "item", "items",
}
_FOOTER = re.compile(r"^\s*page\s+(\d{1,4})\s*$", re.IGNORECASE)
_BARE = re.compile(r"^\s*(?:page\s+)?(\d{1,4})\s*$", re.IGNORECASE)
MATCH = 0.4


def words(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"['’]s$", "", w)
        if len(w) > 2 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w not in _STOP and len(w) > 1:
            out.add(w)
    return out


def _score(doc_title: set[str], doc_text: set[str], item: AgendaItem) -> float:
    title = words(item.title)
    whole = title | words(" ".join(item.sub_items))
    a = len(title & doc_text) / len(title) if title else 0.0
    b = len(doc_title & whole) / len(doc_title) if doc_title else 0.0
    return 0.5 * a + 0.5 * b


def _page_range(item: AgendaItem) -> tuple[int, int] | None:
    if not item.pages:
        return None
    m = re.match(r"^(\d+)(?:-(\d+))?$", item.pages)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or m.group(1))


def printed_pages(pack: Pack, skip: set[int], at: Iterable[int]) -> dict[int, int]:
    """Line index -> printed page number, where the pack prints page numbers.

    Text dumps: lines after a "Page N" footer are on page N+1. PDFs: a bare number in a
    page's header or footer is its printed number; pages between get it by offset. For a
    PDF only the lines `at` are given (the documents' first lines, all `assign_items` asks
    about): a dict of every line was the segmenter's biggest object on a big pack."""
    out: dict[int, int] = {}
    if pack.kind == "text":
        for i, line in enumerate(pack.lines):
            m = _FOOTER.match(line.text)
            if m:
                out[i] = int(m.group(1)) + 1
        return out
    by_page: dict[int, int] = {}
    for i in skip:
        line = pack.lines[i]
        m = _BARE.match(line.text)
        if m and line.page is not None:
            by_page.setdefault(line.page, int(m.group(1)))
    offsets = sorted((p, n - p) for p, n in by_page.items())
    if len(offsets) < 2:
        return {}
    # the most common offset between physical and printed page wins
    from collections import Counter

    offset = Counter(o for _, o in offsets).most_common(1)[0][0]
    for i in sorted(set(at)):
        page = pack.lines[i].page
        if page is not None and page + offset >= 1:
            out[i] = page + offset
    return out


def _page_at(index: int, printed: dict[int, int], kind: str, near: int = 40) -> int | None:
    if kind == "pdf":
        return printed.get(index)
    # text: the nearest "Page N" footer just above
    for j in range(index, max(-1, index - near), -1):
        if j in printed:
            return printed[j]
    return None


def assign_items(
    pack: Pack,
    segments: Sequence[object],
    attached: Sequence[bool],
    heads: Sequence[str],
    items: list[AgendaItem],
    printed: dict[int, int],
) -> list[str | None]:
    """The agenda item number for each segment (None for the agenda itself)."""
    out: list[str | None] = []
    pointer = -1
    has_pages = any(it.pages for it in items)
    last: str | None = None
    for seg, is_attached, head in zip(segments, attached, heads):
        kind = getattr(seg, "kind")
        if kind == "agenda" or not items:
            out.append(None)
            continue
        if is_attached and last is not None:
            out.append(last)
            continue
        choice = None
        page = _page_at(getattr(seg, "start"), printed, pack.kind)
        if page is not None:
            for k, item in enumerate(items):
                rng = _page_range(item)
                if rng and rng[0] <= page <= rng[1] and k >= pointer:
                    choice = k
                    break
        if choice is None:
            title_words = words(getattr(seg, "title"))
            text_words = words(head) | title_words
            best, best_k = 0.0, None
            for k in range(max(pointer, 0), len(items)):
                s = _score(title_words, text_words, items[k])
                if k == pointer:
                    s -= 0.01  # a new document more likely opens the next item
                if s > best + 1e-9:
                    best, best_k = s, k
            if best_k is not None and best >= MATCH:
                choice = best_k
        if choice is None:
            nxt = [k for k in range(pointer + 1, len(items)) if items[k].pages or not has_pages]
            choice = nxt[0] if nxt else None
        if choice is None:
            out.append(None)
            continue
        pointer = choice
        last = items[choice].number
        out.append(last)
    return out
