"""People's names as printed in attendance lists, without honorifics.

"Councillors Antonia Cox (Chairman), Barbara Arzymanow and Barrie Taylor" ->
["Antonia Cox", "Barbara Arzymanow", "Barrie Taylor"]; "Mr R C Love, OBE" -> "R C Love".
"""

from __future__ import annotations

import re

HONORIFICS = (
    "councillors",
    "councillor",
    "cllrs",
    "cllr",
    "deputy mayor",
    "mayor",
    "alderman",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "prof",
    "professor",
    "rev",
    "revd",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "hon",
)
_HONORIFIC = re.compile(r"^(?:(?:" + "|".join(HONORIFICS) + r")\.?\s+)+", re.IGNORECASE)
# post-nominal letters and decorations printed after a name
_POSTNOMINAL = re.compile(r",?\s+\b(?:OBE|MBE|CBE|KBE|DBE|JP|MP|QC|KC|DL|BEM|FRS|PhD|MBA)\b\.?", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^)]*\)?")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\n)\s*")
_ROLE_WORDS = re.compile(r"\b(?:chair(?:man|woman|person)?|vice[- ]chair\w*|in the chair)\b", re.IGNORECASE)


def strip_honorific(name: str) -> str:
    """'Councillor Jan Prendergast' -> 'Jan Prendergast'; post-nominals and roles in brackets go too."""
    name = _PAREN.sub("", name)
    name = _POSTNOMINAL.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" .,;:-\u2013")
    return _HONORIFIC.sub("", name).strip(" .,;:")


def looks_like_name(text: str) -> bool:
    """A short run of capitalised words (initials allowed), not a sentence."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if not all(w[:1].isupper() or w[:1] in "'’-" or w.lower() in {"de", "van", "von", "la", "le", "du", "da", "di", "al", "bin", "st"} for w in words):
        return False
    return any(len(w.strip(".")) > 1 for w in words) or len(words) == 1


def split_names(text: str) -> list[str]:
    """Split a printed list of people into names, honorifics and bracketed roles dropped."""
    text = _PAREN.sub("", text)
    text = _POSTNOMINAL.sub("", text)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = strip_honorific(part)
        if name and not _ROLE_WORDS.fullmatch(name):
            names.append(name)
    return names


def role_in_brackets(text: str, name: str) -> str | None:
    """The bracketed role printed after `name` in `text` ("Antonia Cox (Chairman)" -> "Chairman")."""
    m = re.search(re.escape(name) + r"\s*\(([^)]*)\)", text)
    return m.group(1).strip() if m else None
