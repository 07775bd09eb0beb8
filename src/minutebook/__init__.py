"""Minutebook: local-government committee agenda packs into linked, searchable records."""

from minutebook.models import PackRecord

__all__ = ["PackRecord", "extract"]
__version__ = "0.1.0"


def extract(path: str) -> PackRecord:
    """Extract the pack record from the PDF or text file at `path`."""
    from minutebook.extract import extract as _extract

    return _extract(path)
