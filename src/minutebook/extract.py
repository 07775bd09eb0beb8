"""The extraction pipeline: read -> segment -> parse, giving a `PackRecord`."""

from __future__ import annotations

from pathlib import Path

from minutebook.errors import ParseError
from minutebook.models import PackRecord
from minutebook.parse import PARSERS, Context
from minutebook.read import Pack, read_pack
from minutebook.segment import segment


def extract_pack(pack: Pack) -> PackRecord:
    """Run every section parser over a pack that has been read."""
    segments = segment(pack)
    ctx = Context(pack=pack, segments=segments)
    ctx.record.documents = [s.to_document(pack) for s in segments]
    for parser in PARSERS:
        try:
            parser.parse(ctx)
        except (ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
            # a parser bug on odd input must name the file and the section, not dump a traceback
            raise ParseError(pack.path, f"could not parse the {parser.name} section ({type(exc).__name__}: {exc})",
                             "please report it with the file") from exc
    ctx.record.file = Path(pack.path).name
    ctx.record.sha256 = pack.sha256
    ctx.record.pages = pack.pages
    return ctx.record


def extract(path: str | Path) -> PackRecord:
    """Read and extract the pack at `path`."""
    return extract_pack(read_pack(path))
