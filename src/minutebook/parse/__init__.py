"""Stage 3 of the pipeline: one parser per section kind, behind `SectionParser`."""

from __future__ import annotations

from minutebook.parse.agenda import AgendaParser
from minutebook.parse.base import Context, SectionParser
from minutebook.parse.header import HeaderParser
from minutebook.parse.minutes import MinutesParser

# order matters: the header parser reads what the others found
PARSERS: list[SectionParser] = [AgendaParser(), MinutesParser(), HeaderParser()]

__all__ = ["PARSERS", "Context", "SectionParser"]
