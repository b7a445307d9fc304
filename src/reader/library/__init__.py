"""The library: one SQLite file holding articles, sections and (later) bookmarks.

The names below load on first use (PEP 562): `reader.library.db` alone is cheap, but
the article store brings sqlite3 queries, bookmarks and logging (~25 ms), which a
command such as `reader convert` without a library never needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library.articles import ArticleRow, ArticleStore, SectionRow, Stored
    from reader.library.db import (
        LibraryError,
        connect,
        default_library_dir,
        open_library,
        write,
    )

_WHERE = {
    "ArticleRow": "articles",
    "ArticleStore": "articles",
    "SectionRow": "articles",
    "Stored": "articles",
    "LibraryError": "db",
    "connect": "db",
    "default_library_dir": "db",
    "open_library": "db",
    "write": "db",
}

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


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'reader.library' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"reader.library.{module}"), name)
    globals()[name] = value
    return value
