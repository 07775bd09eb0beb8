"""Printed vocabularies of council tables: item labels, status words, RAG, direction of travel.

These are properties of how councils write tables in general, not of any one pack.
"""

from __future__ import annotations

import re

# "Item 4", "Item 5 - Cabinet Member Updates", "Item 3 – Minutes: Issues", "Item No. 7"
ITEM_LABEL = re.compile(r"^\s*Item\s*(?:No\.?\s*)?(?P<number>\d+(?:\.\d+)*[a-z]?)\b\s*[-–—:.]?\s*(?P<rest>.*)$", re.IGNORECASE)

# a one-word/short status as printed in a tracker's Status column
STATUS_WORDS = re.compile(
    r"^(?:completed?|done|closed|open|ongoing|on[- ]going|on track|in progress|pending|requested|deferred|"
    r"outstanding|not started|superseded|withdrawn|cancelled|overdue|noted|actioned|agreed|delayed|"
    r"under way|underway|to do|tbc|n/?a)\.?$",
    re.IGNORECASE,
)

# enumerators and bullets that open a sub-part of one cell: i) (ii) (iii)Write a) 1. • -
ENUMERATOR = re.compile(r"^\s*(?:\(?(?:[ivx]{1,5}|[a-h])\)|\(?\d{1,2}[.)]\s|[•▪●◦‣\-–*·o]\s)", re.IGNORECASE)

RAG = re.compile(
    r"^(?:red|amber|green|blue|grey|gray|amber[/-]red|red[/-]amber|amber[/-]green|green[/-]amber|r|a|g|ag|ar|rag)$",
    re.IGNORECASE,
)
RAG_WORD = re.compile(r"^(?:red|amber|green)(?:[/-](?:red|amber|green))?[,.]?$", re.IGNORECASE)

DIRECTION_WORDS = re.compile(
    r"^(?:improving|improved|improvement|stable|static|steady|declining|declined|deteriorating|deteriorated|"
    r"worsening|worse|better|same|unchanged|no change|up|down|increasing|decreasing|maintained|new)\b",
    re.IGNORECASE,
)

# trend glyphs as printed in "Trend" / "Direction of travel" columns, and what they say
ARROWS = {
    "▲": "Improving", "↑": "Improving", "⬆": "Improving", "▼": "Declining", "↓": "Declining", "⬇": "Declining",
    "▬": "Stable", "►": "Stable", "→": "Stable", "↔": "Stable", "◄►": "Stable", "━": "Stable", "—": "Stable",
}

# a value cell in a KPI table starts with a number, a percentage, money, a comparison sign or a bracket
VALUE_START = re.compile(r"^(?:[≥≤<>=~±+£$€-]?\s?\(?\d|\(\d|---?$|n/?a$|nil$)", re.IGNORECASE)
