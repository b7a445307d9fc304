"""The translators' glossary, stored in the library."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.chinese.convert import ScriptMode
from reader.chinese.glossary import Glossary, GlossaryEntry
from reader.library.db import write


def _modes_text(modes: frozenset[ScriptMode]) -> str:
    return ",".join(sorted(m.value for m in modes))


def _modes(text: str) -> frozenset[ScriptMode]:
    return frozenset(ScriptMode(m) for m in text.split(",") if m)


class GlossaryStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def entries(self) -> list[GlossaryEntry]:
        rows = self.conn.execute(
            "SELECT source, target, modes FROM glossary ORDER BY source, modes"
        ).fetchall()
        return [GlossaryEntry(str(s), str(t), _modes(str(m))) for s, t, m in rows]

    def glossary(self) -> Glossary:
        return Glossary(self.entries())

    def replace_all(self, entries: Iterable[GlossaryEntry]) -> None:
        """Save the whole glossary as edited, in one transaction."""
        rows = {(e.source, _modes_text(e.modes)): e.target for e in entries if e.source}
        with write(self.conn):
            self.conn.execute("DELETE FROM glossary")
            self.conn.executemany(
                "INSERT INTO glossary (source, target, modes) VALUES (?, ?, ?)",
                [(source, target, modes) for (source, modes), target in rows.items()],
            )

    def merge(self, entries: Iterable[GlossaryEntry]) -> int:
        """Add or update entries (an imported TSV); returns how many were written."""
        rows = [(e.source, e.target, _modes_text(e.modes)) for e in entries if e.source]
        with write(self.conn):
            self.conn.executemany(
                "INSERT INTO glossary (source, target, modes) VALUES (?, ?, ?) "
                "ON CONFLICT (source, modes) DO UPDATE SET target = excluded.target",
                rows,
            )
        return len(rows)
