"""User input -> search terms: plain words, and phrases in double quotes. Never fails.

Nothing the user types reaches an engine's query syntax: words are runs of letters and
digits (so AND/OR/NOT/NEAR are words, and * ^ : ( ) - are dropped), and each engine gets
them quoted (FTS5) or through plainto/phraseto_tsquery bind parameters (PostgreSQL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# letters and digits only: \w also allows "_" which FTS5 splits on anyway; drop it here so
# both engines see the same words
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')
MAX_TERMS = 32  # a pasted page of text must not become a thousand-term query
MAX_WORD = 64


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase (words in order)

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1


def words(text: str) -> list[str]:
    return [w[:MAX_WORD].lower() for w in _WORD.findall(text)]


def parse(query: str) -> list[Term]:
    """Balanced double quotes make a phrase; an unbalanced quote is just ignored."""
    terms: list[Term] = []
    pos = 0
    for m in _PHRASE.finditer(query):
        terms.extend(Term((w,)) for w in words(query[pos:m.start()]))
        phrase = words(m.group(1))
        if phrase:
            terms.append(Term(tuple(phrase)))
        pos = m.end()
    terms.extend(Term((w,)) for w in words(query[pos:]))
    seen: dict[Term, None] = dict.fromkeys(terms)  # a word typed twice counts once
    return list(seen)[:MAX_TERMS]


def fts5_query(terms: list[Term], any_term: bool = False) -> str:
    """An FTS5 MATCH string of quoted strings only: no operator or column filter can appear.

    Words hold no '"' (letters and digits only), so quoting cannot be broken out of.
    """
    return (" OR " if any_term else " ").join('"' + " ".join(t.words) + '"' for t in terms)
