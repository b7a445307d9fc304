"""LibraryError, and the one way the library is written: short IMMEDIATE transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class LibraryError(Exception):
    """The library cannot be used; str() is one line for the user."""


# Primary SQLite result codes that mean "this could not be written", not a bug.
_BUSY, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 8, 10, 11, 13, 14, 26
_WRITE_FAILURES = {
    _FULL: "the disk is full",
    _READONLY: "the library is read-only",
    _CANTOPEN: "the library's folder cannot be written",
    _BUSY: "another program kept the library busy; try again",
    _CORRUPT: "the library is damaged; restart Reader to restore it from a backup",
    _NOTADB: "the library is damaged; restart Reader to restore it from a backup",
}


def error_code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _write_failure(conn: sqlite3.Connection, exc: sqlite3.Error) -> LibraryError | None:
    """The one line a user sees when a write could not be made; None for our own bugs."""
    reason = _WRITE_FAILURES.get(error_code(exc))
    if reason is None:
        return None
    if error_code(exc) == _IOERR:
        reason = f"a disk error occurred ({exc})"
    try:
        name = conn.execute("PRAGMA database_list").fetchone()[2] or "the library"
    except sqlite3.Error:
        name = "the library"
    return LibraryError(f"{name}: nothing was saved: {reason}")


@contextmanager
def write(conn: sqlite3.Connection, durable: bool = False) -> Iterator[sqlite3.Connection]:
    """One short write transaction, taken with BEGIN IMMEDIATE (traps.md #10).

    `durable` fsyncs the WAL at commit (synchronous=FULL): what a user typed then
    survives a power cut too, not only a killed process. It costs ~1 ms a commit,
    too much for bulk imports, so it is asked for per transaction. A disk-full,
    read-only or busy library raises LibraryError (one line); the caller still
    holds what it tried to save.
    """
    if durable:
        conn.execute("PRAGMA synchronous = FULL")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # A failed COMMIT (disk full, busy) leaves the transaction open; some
            # errors have rolled it back already.
            if conn.in_transaction:
                with suppress(sqlite3.Error):  # the original error says more
                    conn.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        failure = _write_failure(conn, exc)
        if failure is None:
            raise
        raise failure from exc
    finally:
        if durable:
            conn.execute("PRAGMA synchronous = NORMAL")
