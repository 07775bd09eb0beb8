"""KPI tables from a text dump, where each row's cells come one after another.

Signals:
- the table opens at a header naming the indicator with Target and RAG / Direction columns;
  header blocks (repeated on each page) are skipped: they open at an "Indicator"/"Measure"
  line and run over the short lines of header vocabulary that follow;
- an indicator is the prose before a row's values; values are the cells that start with a
  number, a sign or a bracket (a bracket continues the cell before: "6%" "(25/392)"), or a
  label ending in ":" ("Q1 Target: 390"), or a word cell before the RAG ("Target to be
  confirmed"); then the RAG word (Red/Amber/Green), then direction of travel words;
- text between rows: a short heading is the area; a paragraph opening "Reason ..." /
  "Mitigation" / "Commentary" is the previous indicator's commentary.
"""

from __future__ import annotations

import re

from minutebook.models import KPI
from minutebook.read import Line, Pack
from minutebook.tables.textcells import join_lines
from minutebook.tables.vocab import RAG_WORD, VALUE_START

HEADER_START = re.compile(r"^\s*(?:key\s+)?(?:performance\s+)?(?:indicator|measure|kpi)s?\b", re.IGNORECASE)
HEADER_WORDS = re.compile(r"\b(?:indicator|measure|target|rag|rating|direction|travel|position|performance|quarter|"
                          r"last year|red|amber|green|perf|actual|trend|outturn|q[1-4])\b|^\s*\d{4}/\d{2}\s*$", re.IGNORECASE)
TABLE_HEAD = re.compile(r"\btarget\b", re.IGNORECASE)
COMMENTARY = re.compile(r"^\s*(?:reason|mitigation|commentary|comment)\b", re.IGNORECASE)
DIRECTION = re.compile(r"^(?:improving|improved|stable|static|declining|deteriorating|worsening|worse|better|"
                       r"same|unchanged|no change|increasing|decreasing|maintained)\b", re.IGNORECASE)


def _is_value_line(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    if VALUE_START.match(text) and not text.startswith("("):
        # "65 years and over" wraps an indicator; values carry words only in brackets
        outside = re.sub(r"\([^)]*\)?", " ", text).split()[1:]
        if sum(w.isalpha() and w.islower() for w in outside) >= 2:
            return False
    return bool(VALUE_START.match(text) or RAG_WORD.match(first) or DIRECTION.match(text))


def _cells(tokens: list[str]) -> tuple[list[str], str | None, str | None]:
    """Split a row's value tokens into value cells, the RAG and the direction."""
    cells: list[list[str]] = []
    rag: list[str] = []
    direction: list[str] = []
    depth = 0
    for tok in tokens:
        target = direction if direction else rag if rag else None
        if depth > 0:
            (target if target is not None else cells[-1]).append(tok)
        elif target is None and RAG_WORD.match(tok) and cells:
            rag.append(tok.rstrip(","))
        elif rag and not direction and tok.startswith("("):
            rag.append(tok)
        elif rag:
            direction.append(tok)
        elif tok.startswith("(") and cells:
            cells[-1].append(tok)
        elif VALUE_START.match(tok):
            if cells and cells[-1][-1].endswith(":"):
                cells[-1].append(tok)
            else:
                cells.append([tok])
        elif cells and not any(VALUE_START.match(t) for t in cells[-1]) and not cells[-1][-1].endswith(")"):
            cells[-1].append(tok)  # a word cell: "Target to be confirmed", "Q1 Target:"
        else:
            cells.append([tok])
        depth += tok.count("(") - tok.count(")")
        depth = max(depth, 0)
    return [" ".join(c) for c in cells], " ".join(rag) or None, " ".join(direction) or None


def _skip_header(lines: list[Line], i: int, stop: int) -> int:
    j = i + 1
    while j < stop and j < i + 25:
        text = lines[j].text
        if text and not (HEADER_WORDS.search(text) and len(text.split()) <= 10):
            break
        j += 1
    return j


def text_kpis(pack: Pack, start: int, stop: int) -> list[KPI]:
    lines = pack.lines
    heads = [i for i in range(start, stop) if HEADER_START.match(lines[i].text)
             and any(TABLE_HEAD.search(lines[k].text) for k in range(i, min(stop, i + 8)))]
    if not heads:
        return []
    out: list[KPI] = []
    area: str | None = None
    prose: list[list[Line]] = [[]]  # paragraphs of text since the last row
    values: list[str] = []
    i = heads[0]
    end = min(stop, heads[0] + 600)

    def flush_row() -> None:
        nonlocal values
        if not values or not out:
            values = []
            return
        cells, rag, direction = _cells(" ".join(values).split())
        kpi = out[-1]
        kpi.last_year, kpi.target, kpi.actual = (cells + [None, None, None])[:3] if len(cells) >= 3 else (
            [None] * (3 - len(cells)) + cells)
        kpi.rag, kpi.direction = rag, direction
        values = []

    while i < end:
        text = lines[i].text
        if HEADER_START.match(text) and i in heads or (HEADER_START.match(text) and i > heads[0] and
                                                       any(TABLE_HEAD.search(lines[k].text) for k in range(i, min(end, i + 8)))):
            flush_row()
            i = _skip_header(lines, i, end)
            prose = [[]]
            continue
        if not text:
            if prose[-1]:
                prose.append([])
            i += 1
            continue
        if values and (_is_value_line(text) or text[:1].islower() or text.startswith("(")
                       or (not _row_done(values) and len(text.split()) <= 4)):
            values.append(text)
        elif not values and _is_value_line(text) and any(prose):
            # the last paragraph of prose is the indicator; earlier ones are area / commentary
            paras = [p for p in prose if p]
            for para in paras[:-1]:
                para_text = join_lines([x.text for x in para])
                if COMMENTARY.match(para_text) and out:
                    out[-1].commentary = para_text
                elif len(para_text.split()) <= 6 and not para_text.endswith((":", ".")):
                    area = para_text
            indicator = join_lines([x.text for x in paras[-1]])
            if COMMENTARY.match(indicator) or len(indicator.split()) > 40:
                prose = [[]]
                i += 1
                continue
            out.append(KPI(area=area, indicator=indicator, source=pack.source(paras[-1][0])))
            values = [text]
            prose = [[]]
        else:
            if values:
                flush_row()
                prose = [[]]
            if text.startswith("*"):
                i += 1
                continue  # a footnote to the row above
            prose[-1].append(lines[i])
        i += 1
    flush_row()
    # commentary left after the last row
    for para in prose:
        para_text = join_lines([x.text for x in para])
        if para and COMMENTARY.match(para_text) and out:
            out[-1].commentary = para_text
    return [k for k in out if k.target or k.actual or k.rag]


def _row_done(values: list[str]) -> bool:
    _cells_, rag, direction = _cells(" ".join(values).split())
    return bool(rag and direction)
