"""Engine snippets -> HTML-safe text where only the matched words are wrapped in <mark>.

Both engines are asked to wrap matches in two private-use characters (never markup), then
everything is HTML-escaped and only those markers become tags. Pack text may contain
'<script>' or a stray marker character: escaping comes first, and the markers are paired by
a toggle so the output is always well-formed.
"""

from __future__ import annotations

import html
import re

START = "\ue000"
STOP = "\ue001"
_MARKERS = re.compile(f"([{START}{STOP}])")
_SPACE = re.compile(r"\s+")


def render(marked: str | None) -> str:
    if not marked:
        return ""
    out: list[str] = []
    open_ = False
    for part in _MARKERS.split(_SPACE.sub(" ", marked).strip()):
        if part == START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif part == STOP:
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(html.escape(part, quote=True))
    if open_:
        out.append("</mark>")
    return "".join(out).replace("<mark></mark>", "")
