"""Table reconstruction: rows and cells from a text dump (where columns come interleaved)
or from PDF line runs with their x-positions (where the table is only drawn).

`textcells` reads the shape of text (blank lines, leading spaces, item labels, bullets);
`pdfgrid` infers columns from where runs start and bands rows on a key column;
`vocab` holds the printed vocabularies both rely on (status, RAG, direction of travel).
"""

from minutebook.tables.pdfgrid import Grid, GridRow, grid_from_lines
from minutebook.tables.textcells import Chunk, chunks, is_blank

__all__ = ["Chunk", "Grid", "GridRow", "chunks", "grid_from_lines", "is_blank"]
