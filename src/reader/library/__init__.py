"""The library: one SQLite file holding articles, sections and (later) bookmarks."""

from __future__ import annotations

from reader.library.articles import ArticleRow, ArticleStore, SectionRow, Stored
from reader.library.db import LibraryError, connect, default_library_dir, open_library, write

__all__ = [
    "ArticleRow",
    "ArticleStore",
    "LibraryError",
    "SectionRow",
    "Stored",
    "connect",
    "default_library_dir",
    "open_library",
    "write",
]
