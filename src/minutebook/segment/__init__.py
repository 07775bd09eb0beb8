"""Stage 2 of the pipeline: split a pack into its constituent documents."""

from minutebook.segment.documents import Segment, segment

__all__ = ["Segment", "segment"]
