"""Later packs built from real content: the Westminster text pack, moved to a later meeting."""

from __future__ import annotations

import re
from pathlib import Path

WESTMINSTER = "westminster-ahpp-2017-02-01"
# tracker statuses as printed in the fixture (split over two lines) -> what the next meeting reports
STATUS_CHANGES = {
    "Main item on \nFebruary Agenda": "Discussed at the \nFebruary meeting",
    "Email to Committee \non 23.1.2017": "Completed \non 23.1.2017",
}


def later_westminster_pack(original: Path, dest: Path) -> Path:
    """The same committee's pack for 22 March 2017, with two tracker statuses updated.

    Line numbers are kept (replacements have the same line count), and the work programme's
    round dates are left as printed, so rounds up to 1 February 2017 now lie in the past.
    """
    text = original.read_text(encoding="utf-8")
    text = re.sub(r"\b1(st)? February 2017", lambda m: f"22{'nd' if m.group(1) else ''} March 2017", text)
    for old, new in STATUS_CHANGES.items():
        assert old in text, f"fixture no longer prints {old!r}"
        text = text.replace(old, new)
    target = dest / "westminster-ahpp-2017-03-22.txt"
    target.write_text(text, encoding="utf-8")
    return target
