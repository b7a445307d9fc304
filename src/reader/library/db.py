"""The library's SQLite file: opening, checking, schema versions, write transactions.

Opening a library (connect_with_report) refuses what is not ours, checks for
damage when the last close was not clean, restores the newest verified backup
when it finds damage, and takes a backup before any schema upgrade. Backups
live in reader.library.backup, imported lazily: it imports this module.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

# Re-exported: migrate() reads them from here (tests patch them here).
from reader.library.schema import MIGRATIONS as MIGRATIONS
from reader.library.schema import SCHEMA_VERSION as SCHEMA_VERSION

DB_NAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 5000


class LibraryError(Exception):
    """The library cannot be used; str() is one line for the user."""


SQLITE_MAGIC = b"SQLite format 3\x00"

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


def default_library_dir() -> Path:
    """READER_HOME if set, else the platform's user data folder."""
    home = os.environ.get("READER_HOME")
    if home:
        return Path(home)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Reader", appauthor=False))


def sidecar(path: Path, suffix: str) -> Path:
    """`library.sqlite3` + suffix: its -wal, -shm, and our own companions."""
    return path.with_name(path.name + suffix)


def fsync_path(path: Path) -> None:
    """fsync a file, or a folder: a rename is durable only once its folder is."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if path.is_dir():
            return  # Windows cannot open a folder; its renames are durable anyway
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


class LibraryConnection(sqlite3.Connection):
    """A library connection that records a clean close, so that the next open may
    skip the integrity check (see _needs_check)."""

    library_path: Path | None = None

    def close(self) -> None:
        path, self.library_path = self.library_path, None
        super().close()
        if path is not None:
            _mark_clean(path)


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _mark_clean(path: Path) -> None:
    # Only the last connection to close checkpoints and deletes the -wal file;
    # while another is still open the file is not at rest.
    if sidecar(path, "-wal").exists():
        return
    marker = sidecar(path, ".clean")
    tmp = sidecar(marker, f".{os.getpid()}")
    try:
        tmp.write_text(json.dumps(_stamp(path)), encoding="utf-8")
        tmp.replace(marker)
    except OSError:
        pass  # without the marker the next open just checks


def _needs_check(path: Path) -> bool:
    """Whether to run quick_check on open: unless the file is exactly as the last
    clean close left it (size, mtime, inode). quick_check reads the whole file:
    30-70 ms on a 10,000-article library with a warm cache, 1.5 s cold; too much
    for every start, while a crash, a kill or bytes changed behind our back all
    leave a -wal file, no marker, or another stamp."""
    marker = sidecar(path, ".clean")
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    with suppress(OSError):
        marker.unlink(missing_ok=True)  # open from now on: not at rest
    return saved != _stamp(path) or sidecar(path, "-wal").exists()


class _Damaged(Exception):
    """An SQLite file whose content is damaged; str() says how."""


def _open(path: Path, readonly: bool) -> LibraryConnection:
    if readonly:
        # A WAL library in a read-only folder cannot get a -shm file; immutable
        # reads it without one (nobody can write there either).
        options = "mode=ro" + ("" if sidecar(path, "-shm").exists() else "&immutable=1")
        target: str | Path = f"{path.resolve().as_uri()}?{options}"
    else:
        target = path
    # Autocommit mode: transactions are ours, explicit, and IMMEDIATE.
    conn = sqlite3.connect(
        target,
        isolation_level=None,
        check_same_thread=False,
        uri=readonly,
        factory=LibraryConnection,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _open_checked(path: Path, readonly: bool, check: bool) -> tuple[LibraryConnection, int]:
    """Open and read the schema version; newer → LibraryError, damage → _Damaged."""
    must_check = _needs_check(path) and check
    conn: LibraryConnection | None = None
    try:
        conn = _open(path, readonly)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{path} was written by a newer Reader (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); it was left untouched"
            )
        if must_check:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise _Damaged("; ".join(rows[:3]))
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if error_code(exc) in (_CORRUPT, _NOTADB):
            raise _Damaged(str(exc)) from exc
        raise LibraryError(f"{path} cannot be opened: {exc}") from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn, version


def _refuse_foreign(path: Path) -> None:
    """Files that are not a Reader library are refused, and never written to."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise LibraryError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if size == 0:
        raise LibraryError(
            f"{path} is empty (0 bytes), not a Reader library; it was left untouched "
            "(move it away to start a new library, or use `reader library restore`)"
        )
    if magic != SQLITE_MAGIC:
        raise LibraryError(
            f"{path} is not a Reader library (not an SQLite file); it was left untouched"
        )


def _create(path: Path) -> None:
    """A new library is built beside its final name and linked into place once
    migrated, so a process killed while creating it never leaves the 0-byte
    library.sqlite3 that every later start would have to refuse."""
    tmp = sidecar(path, f".new-{os.getpid()}")
    try:
        for stale in (tmp, sidecar(tmp, "-wal"), sidecar(tmp, "-shm")):
            stale.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn)
        finally:
            conn.close()
        try:
            os.link(tmp, path)  # refuses to replace one another process just made
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system (FAT, some shares)
            if not path.exists():
                tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot create the library {path}: {exc}") from exc
    except OSError as exc:
        raise LibraryError(f"cannot create the library {path}: {exc.strerror or exc}") from exc


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library at `path`."""
    return connect_with_report(path)[0]


def connect_with_report(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    """Open the library at `path`, and say what had to be done to open it.

    The notes (one sentence each, for the user) are empty on a normal open; they
    tell of a damaged file moved aside and a backup restored, or a read-only
    library. Raises LibraryError (one line) when the library cannot be used.
    """
    if not path.exists():
        _create(path)
    _refuse_foreign(path)
    readonly = not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    notes: list[str] = []
    damaged: Path | None = None
    try:
        conn, version = _open_checked(path, readonly, check=True)
    except _Damaged as exc:
        if readonly:
            raise LibraryError(f"{path} is damaged ({exc}) and read-only; left untouched") from exc
        from reader.library.backup import recover

        damaged, notes = recover(path, str(exc))
        conn, version = _open_checked(path, readonly=False, check=False)
    if readonly:
        if version < SCHEMA_VERSION:
            conn.close()
            raise LibraryError(f"{path} is read-only and needs an upgrade; it was left untouched")
        notes.append(f"The library {path} is read-only: reading works, changes cannot be saved.")
        return conn, notes
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL survives a killed process; what users type is written with
        # write(durable=True), which survives an OS crash too.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _upgrade(conn, path, version)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path} cannot be used: {exc}") from exc
    conn.library_path = path
    if damaged is not None:
        from reader.library.bookmarks import BookmarkStore

        saved = BookmarkStore(conn).salvage(damaged)
        if saved:
            notes.append(
                f"{saved} bookmarks or reading positions newer than the backup were "
                "recovered from the damaged file."
            )
    return conn, notes


def _upgrade(conn: LibraryConnection, path: Path, version: int) -> None:
    """Migrate, after a verified backup when the library already holds data."""
    if version >= SCHEMA_VERSION:
        return
    backup: Path | None = None
    if version >= 1:
        from reader.library.backup import backup_now, backups_dir

        try:
            backup = backup_now(conn, backups_dir(path), f"pre-migration-v{version}")
        except LibraryError as exc:
            conn.close()
            raise LibraryError(
                f"{path} was not upgraded, as no backup could be taken: {exc}"
            ) from exc
    try:
        migrate(conn)
    except (sqlite3.Error, LibraryError) as exc:
        conn.close()
        kept = f"; the backup taken before it is {backup}" if backup else ""
        raise LibraryError(
            f"upgrading {path} to schema {SCHEMA_VERSION} failed ({exc}); it was rolled back{kept}"
        ) from exc


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


def open_library_with_report(directory: Path) -> tuple[sqlite3.Connection, list[str]]:
    """Open the library in `directory` (created if missing), with the notes of
    connect_with_report for the user."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"cannot create the library folder {directory}: {exc.strerror or exc}"
        ) from exc
    return connect_with_report(directory / DB_NAME)


def open_library(directory: Path) -> sqlite3.Connection:
    """Open the library in `directory`; what open_library_with_report would say is
    dropped (the app shows it; commands need not)."""
    return open_library_with_report(directory)[0]
