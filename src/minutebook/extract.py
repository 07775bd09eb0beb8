"""The extraction pipeline: read -> segment -> parse, giving a `PackRecord`."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from minutebook.errors import InputError, MinutebookError, ParseError
from minutebook.models import PackRecord
from minutebook.parse import PARSERS, Context
from minutebook.read import Pack, read_pack
from minutebook.segment import segment
from minutebook.tables.pdfpage import release as release_tables

REPORT = "please report it with the file"


def extract_pack(pack: Pack) -> PackRecord:
    """Run the segmenter and every section parser over a pack that has been read.

    Returns a schema-valid record or raises a MinutebookError: a bug in any stage on odd
    input must name the file and the stage, never escape as a traceback.
    """
    try:
        return _extract(pack)
    finally:
        # the table layer keeps the PDF open between the pages its parsers ask for; close it
        # here, or it stays open (with up to 64 pages of words cached) until the next pack
        release_tables()


def _extract(pack: Pack) -> PackRecord:
    if not any(line.text for line in pack.lines):
        raise InputError(pack.path, "has no text", "give a pack with text in it")
    try:
        segments = segment(pack)
        ctx = Context(pack=pack, segments=segments)
        ctx.record.documents = [s.to_document(pack) for s in segments]
    except MinutebookError:
        raise
    except Exception as exc:  # noqa: BLE001 - any segmenter bug becomes one line, see docstring
        raise ParseError(pack.path, f"could not split the pack into documents ({_brief(exc)})", REPORT) from exc
    for parser in PARSERS:
        try:
            parser.parse(ctx)
        except MinutebookError:
            raise
        except Exception as exc:  # noqa: BLE001 - as above, for each section parser
            raise ParseError(pack.path, f"could not parse the {parser.name} section ({_brief(exc)})", REPORT) from exc
    ctx.record.file = Path(pack.path).name
    ctx.record.sha256 = pack.sha256
    ctx.record.pages = pack.pages
    # the parsers are done with the table layer: its open document and cached pages would
    # otherwise still be held while the record is copied for validation, the pack's peak
    release_tables()
    return _validated(ctx.record, pack.path)


def _validated(record: PackRecord, path: str) -> PackRecord:
    """The record re-checked against the schema: parsers assign fields without validation."""
    try:
        return PackRecord.model_validate(record.model_dump())
    except (ValidationError, ValueError, TypeError) as exc:
        raise ParseError(path, f"produced a record that breaks the schema ({_brief(exc)})", REPORT) from exc


def _brief(exc: BaseException) -> str:
    """`Type: message`, first line only, short enough for one error line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = text if len(text) <= 160 else text[:157] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def extract(path: str | Path) -> PackRecord:
    """Read and extract the pack at `path`."""
    return extract_pack(read_pack(path))
