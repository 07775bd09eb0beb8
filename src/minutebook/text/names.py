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
# (?<!\s): a match starts at the first blank of a run; without it every blank of a long run
# started a scan to its end, quadratic on a line of thousands of spaces (found by fuzzing)
_POSTNOMINAL = re.compile(r",?(?<!\s)\s+\b(?:OBE|MBE|CBE|KBE|DBE|JP|MP|QC|KC|DL|BEM|FRS|PhD|MBA)\b\.?", re.IGNORECASE)
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


# --- attendance lists: names with job titles, PDF spacing faults, several separators ---

# words of job titles printed before or after a name in a list of officers ("Operations
# Superintendent Dan MacInnis", "Fire Chief- MLEO-CEMC Will Bateman")
TITLE_WORDS = frozenset(
    """
    acting administrator adviser advisor analyst assistant associate board cao ceo cfo chair
    chairman chairperson chief clerk co-chair coordinator co-ordinator corporate council
    councillor democratic department deputy designated director engineer executive finance
    fire general governance head intern interim land lead legal manager mayor member members
    municipal office officer operations planner planning principal programme project public
    scrutiny secretary senior services solicitor specialist strategic superintendent support
    team technology treasurer vice
    """.split()
)
# words that never appear in a person's name in an attendance list
_NOT_NAME_WORDS = frozenset(
    """
    the members member public media team board committee council officers officer staff
    executive management none nil all apologies present attendance item minutes meeting
    """.split()
)
_JOINERS = {"and", "of", "for", "the", "to", "in", "on", "at", "with", "by", "&"}
_PARTICLES = {"de", "van", "von", "la", "le", "du", "da", "di", "al", "bin", "st", "der", "den", "ter"}


def mend_name(name: str) -> str:
    """Repair a name a PDF printed with stray spaces: "John - Paul Negri notti" -> "John-Paul
    Negrinotti", "Croskery- H odgins" -> "Croskery-Hodgins", a doubled initial "T Tom Piper" -> "Tom Piper"."""
    name = re.sub(r"\s*-\s*", "-", name.strip())
    words = name.split()
    out: list[str] = []
    for w in words:
        # a fragment starting in lower case continues the previous word ("Negri notti")
        if out and w[:1].islower() and len(w) <= 6 and w.lower() not in _PARTICLES and w.lower() not in _JOINERS and (out[-1][-1:].isalpha() or out[-1].endswith("-")):
            out[-1] += w
        elif out and out[-1].endswith("-"):
            out[-1] += w
        else:
            out.append(w)
    # "H odgins": a lone capital glued to the lower-case fragment above becomes "Hodgins"
    if len(out) >= 3 and len(out[0]) == 1 and out[0].isupper() and out[1][:1] == out[0] and len(out[1]) > 2:
        out = out[1:]
    return " ".join(out)


def strip_job_title(text: str) -> str:
    """Drop job-title words printed before a name: "Operations Superintendent Dan MacInnis" -> "Dan MacInnis"."""
    words = text.split()
    while len(words) > 1:
        parts = [p for p in re.split(r"[-/]", words[0]) if p]
        if words[0].lower() in _JOINERS and words[1][:1].islower() is False and len(words) > 2:
            words = words[1:]
            continue
        if parts and all(p.lower().strip(".,") in TITLE_WORDS or (p.isupper() and len(p) > 1) for p in parts):
            words = words[1:]
            continue
        break
    return " ".join(words)


def is_person_name(text: str) -> bool:
    """A name as printed in an attendance list, not a role or a group ("Members of the public")."""
    if not looks_like_name(text):
        return False
    words = [w.strip(".,").lower() for w in text.split()]
    if any(w in _NOT_NAME_WORDS for w in words):
        return False
    return not all(w in TITLE_WORDS for w in words)


def _split_and(part: str) -> list[str]:
    # "X and Y" splits only where the left side ends in a name, not in a job title
    # ("Land Planning and Technology Administrator John Smith" stays whole)
    pieces = re.split(r"\s+(?:and|&)\s+", part)
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].split() and out[-1].split()[-1].lower().strip(".,") in TITLE_WORDS:
            out[-1] = f"{out[-1]} and {piece}"
        else:
            out.append(piece)
    return out


def split_attendees(text: str) -> list[str]:
    """A printed attendance list as names: brackets (roles, "departed at 2.30pm"), honorifics,
    post-nominals and job titles dropped; separators are ";", "," and "and"."""
    text = re.sub(r"\([^()]*\)?", " ", text)  # an unclosed bracket at the end runs to the end
    # one blank per run (a newline kept as one): the patterns below start a \s* scan at every
    # blank, quadratic on a long run such as the spaces left by thousands of brackets
    text = re.sub(r"\s+", lambda m: "\n" if "\n" in m.group() else " ", text)
    text = re.sub(r"\s*\)", " ", text)
    text = _POSTNOMINAL.sub("", text)
    names: list[str] = []
    for chunk in re.split(r"\s*;\s*", text):
        for part in re.split(r"\s*,\s*", chunk):
            for piece in _split_and(part):
                name = mend_name(strip_job_title(strip_honorific(piece)))
                name = strip_honorific(name)
                if name and is_person_name(name):
                    names.append(name)
    return names
