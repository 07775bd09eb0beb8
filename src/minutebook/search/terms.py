"""User input -> search terms: plain words, and phrases in double quotes. Never fails.

Nothing the user types reaches an engine's query syntax: words are runs of letters and
digits (so AND/OR/NOT/NEAR are words, and * ^ : ( ) - are dropped), and each engine gets
them quoted (FTS5) or through plainto/phraseto_tsquery bind parameters (PostgreSQL).

Stop words ("the", "of", ...: PostgreSQL's English list) outside a quoted phrase are dropped
when the query has another word, on both engines: PostgreSQL's 'english' configuration always
ignored them, and on SQLite FTS5's bm25 counted every row holding each query word to weigh it
(a million rows for "the": most of the time of "minutes of the meeting"), for a weight of ~0.
A query of stop words only keeps them (FTS5 finds them; PostgreSQL finds nothing, as before).
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
# PostgreSQL's snowball English stop words (tsearch_data/english.stop), matched before stemming
STOP_WORDS = frozenset((
    'i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself',
    'yourselves', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself',
    'they', 'them', 'their', 'theirs', 'themselves', 'what', 'which', 'who', 'whom', 'this', 'that', 'these',
    'those', 'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do',
    'does', 'did', 'doing', 'a', 'an', 'the', 'and', 'but', 'if', 'or', 'because', 'as', 'until', 'while',
    'of', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into', 'through', 'during', 'before',
    'after', 'above', 'below', 'to', 'from', 'up', 'down', 'in', 'out', 'on', 'off', 'over', 'under',
    'again', 'further', 'then', 'once', 'here', 'there', 'when', 'where', 'why', 'how', 'all', 'any', 'both',
    'each', 'few', 'more', 'most', 'other', 'some', 'such', 'no', 'nor', 'not', 'only', 'own', 'same', 'so',
    'than', 'too', 'very', 's', 't', 'can', 'will', 'just', 'don', 'should', 'now',
))


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
    kept = [t for t in seen if t.phrase or t.words[0] not in STOP_WORDS]
    return (kept or list(seen))[:MAX_TERMS]


def fts5_query(terms: list[Term], any_term: bool = False) -> str:
    """An FTS5 MATCH string of quoted strings only: no operator or column filter can appear.

    Words hold no '"' (letters and digits only), so quoting cannot be broken out of.
    """
    return (" OR " if any_term else " ").join('"' + " ".join(t.words) + '"' for t in terms)
