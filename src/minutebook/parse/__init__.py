"""Stage 3 of the pipeline: one parser per section kind, behind `SectionParser`."""

from __future__ import annotations

from minutebook.parse.actions import ActionsParser
from minutebook.parse.agenda import AgendaParser
from minutebook.parse.base import Context, SectionParser
from minutebook.parse.header import HeaderParser
from minutebook.parse.kpis import KPIParser
from minutebook.parse.minutes import MinutesParser
from minutebook.parse.work_programme import WorkProgrammeParser

# order matters: the header parser reads what the others found
PARSERS: list[SectionParser] = [
    AgendaParser(), MinutesParser(), ActionsParser(), WorkProgrammeParser(), KPIParser(), HeaderParser(),
]

__all__ = ["PARSERS", "Context", "SectionParser"]
