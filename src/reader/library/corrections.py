"""Audit corrections the user accepted, kept beside the untouched original."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.library.db import write


@dataclass(frozen=True)
class Correction:
    block: int  # -1: the title
    start: int  # offset in the original block's text
    found: str
    suggestion: str


class CorrectionStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def accepted(self, article_id: str) -> list[Correction]:
        rows = self.conn.execute(
            "SELECT block, start, found, suggestion FROM corrections WHERE article_id = ? "
            "ORDER BY block, start",
            (article_id,),
        ).fetchall()
        return [Correction(int(b), int(s), str(f), str(g)) for b, s, f, g in rows]

    def accept(self, article_id: str, corrections: list[Correction]) -> None:
        """Record corrections in one transaction; accepting one twice changes nothing."""
        with write(self.conn):
            self.conn.executemany(
                "INSERT OR REPLACE INTO corrections (article_id, block, start, found, suggestion) "
                "VALUES (?, ?, ?, ?, ?)",
                [(article_id, c.block, c.start, c.found, c.suggestion) for c in corrections],
            )

    def clear(self, article_id: str) -> None:
        with write(self.conn):
            self.conn.execute("DELETE FROM corrections WHERE article_id = ?", (article_id,))
