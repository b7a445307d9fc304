"""A library as older versions left it: a breadcrumb of thousands of levels, stored whole."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reader.domain import Article, Block
from reader.library import ArticleStore, open_library

DEEP_ID = "deadbeefdeadbeef"
MIDDLE_ID = "feedfacefeedface"


def level(i: int) -> str:
    return f"第{i}层"


def write_deep_library(folder: Path, depth: int) -> sqlite3.Connection:
    """A library whose one chain of sections is `depth` levels deep, written straight into
    SQLite (today's importer would not build it): an article at the bottom, and one
    half-way down. Returns the open connection."""
    conn = open_library(folder)
    store = ArticleStore(conn)
    store.add(Article(id=DEEP_ID, title="最深的文章", blocks=(Block.paragraph("正文。"),)))
    store.add(Article(id=MIDDLE_ID, title="中间的文章", blocks=(Block.paragraph("另一篇。"),)))
    first = 1_000_000  # clear of the ids the two articles' section took
    conn.execute("BEGIN")  # the library connection is in autocommit mode
    conn.executemany(
        "INSERT INTO sections (id, parent_id, name) VALUES (?, ?, ?)",
        [(first + i, first + i - 1 if i else 0, level(i)) for i in range(depth)],
    )
    path = json.dumps([level(i) for i in range(depth)], ensure_ascii=False)
    conn.execute(
        "UPDATE articles SET section_id = ?, section_path = ? WHERE id = ?",
        (first + depth - 1, path, DEEP_ID),
    )
    conn.execute("UPDATE articles SET section_id = ? WHERE id = ?", (first + depth // 2, MIDDLE_ID))
    conn.execute("DELETE FROM sections WHERE id < ?", (first,))
    conn.execute("COMMIT")
    return conn
