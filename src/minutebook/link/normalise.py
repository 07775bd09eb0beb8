"""Text normalisation used for matching records across packs."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def norm_text(text: str) -> str:
    """Lower case, accents and punctuation dropped, curly quotes folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()
