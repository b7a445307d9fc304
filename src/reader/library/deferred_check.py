"""The after-a-crash damage check, when the opener left it for later.

The app opens a library with `defer_check=True` (reader.library.db) so that its
window comes first, then asks check_due() and runs check_in_place() off the UI
thread. The command line never defers: it checks before it reads.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.library.db import connect, session_of


def check_due(conn: sqlite3.Connection) -> bool:
    """Whether the damage check was left for later when this library was opened."""
    session = session_of(conn)
    return session is not None and session.check_due


def check_in_place(path: Path) -> str | None:
    """SQLite's quick check of a library this process holds, on a connection of
    its own (any thread): None when sound, else what is wrong. A damaged library is
    marked so that it is never stamped clean: the next open checks it again and
    recovers it from the newest verified backup."""
    conn = connect(path)
    try:
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            rows = [str(exc)]
        session = session_of(conn)
        if session is not None:
            if rows == ["ok"]:
                session.check_due = False
                session.sound()
            else:
                session.suspect()  # before this connection closes: maybe the last one
    finally:
        conn.close()
    if rows == ["ok"]:
        return None
    # quick_check lists every page it could not use; the first few lines say enough.
    lines = [line for row in rows for line in row.splitlines() if line.strip()]
    return "; ".join(lines[:3])[:300]
