"""Libraries for the article list's tests, written straight into SQLite: thousands of
rows in a moment, with the columns the list reads (folded titles as the titles)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.library import open_library, write

Section = tuple[int, int, str]  # id, parent id (0 at the top), name
Row = tuple[str, int, str, str | None, int]  # id, section id, title, published, read


def listed_library(
    path: Path, sections: Iterable[Section], rows: Iterable[Row]
) -> sqlite3.Connection:
    conn = open_library(path)
    with write(conn):
        conn.executemany(
            "INSERT INTO sections (id, parent_id, name, fold_key) VALUES (?, ?, ?, ?3)",
            list(sections),
        )
        conn.executemany(
            "INSERT INTO articles (id, section_id, title, folded_title, section_path, published, "
            "read, editors, script, blocks, original_text) "
            "VALUES (?, ?, ?, ?3, '[]', ?, ?, '[]', 'simplified', '[]', '')",
            list(rows),
        )
    return conn
