"""The library's SQLite file: opening, schema versions, write transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DB_NAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 5000


class LibraryError(Exception):
    """The library cannot be used; str() is one line for the user."""


# Ordered migrations: MIGRATIONS[n] brings user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER NOT NULL DEFAULT 0,  -- 0: top level
        name TEXT NOT NULL,
        UNIQUE (parent_id, name)
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,                   -- fingerprint of the content
        section_id INTEGER NOT NULL REFERENCES sections (id),
        title TEXT NOT NULL,
        section_path TEXT NOT NULL,            -- JSON list, as parsed
        published TEXT,
        source TEXT,
        author TEXT,
        editors TEXT NOT NULL,                 -- JSON list
        script TEXT NOT NULL,
        blocks TEXT NOT NULL,                  -- JSON list of blocks
        origin_path TEXT,
        original_text TEXT NOT NULL,
        imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        read INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_by_section ON articles (section_id, published DESC);
    """,
    # 2: the translators' glossary and accepted audit corrections.
    """
    CREATE TABLE glossary (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        modes TEXT NOT NULL DEFAULT '',        -- comma-separated script modes; '' = all
        UNIQUE (source, modes)
    );
    CREATE TABLE corrections (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        block INTEGER NOT NULL,                -- -1: the title
        start INTEGER NOT NULL,                -- offset in the original block text
        found TEXT NOT NULL,
        suggestion TEXT NOT NULL,
        PRIMARY KEY (article_id, block, start)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_library_dir() -> Path:
    """READER_HOME if set, else the platform's user data folder."""
    import os

    home = os.environ.get("READER_HOME")
    if home:
        return Path(home)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Reader", appauthor=False))


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One short write transaction, taken with BEGIN IMMEDIATE (traps.md #10)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library at `path`."""
    existed = path.exists()
    if existed and path.stat().st_size > 0:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise LibraryError(f"{path} is not a Reader library (not an SQLite file)")
    try:
        # Autocommit mode: transactions are ours, explicit, and IMMEDIATE.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path} cannot be opened: {exc}") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise LibraryError(
            f"{path} was written by a newer Reader (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); it was left untouched"
        )
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL survives a killed process; only an OS crash may lose the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path} cannot be used: {exc}") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations, each in its own transaction with its version bump."""
    while True:
        with write(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (executescript would commit early)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


def open_library(directory: Path) -> sqlite3.Connection:
    """Open the library in `directory`, creating the folder if it is missing."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"cannot create the library folder {directory}: {exc.strerror or exc}"
        ) from exc
    return connect(directory / DB_NAME)
