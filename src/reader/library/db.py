"""The library's SQLite file: opening, checking, write transactions.

Opening a library (connect_with_report) refuses what is not ours, checks for
damage when the last close was not clean, restores the newest verified backup
when it finds damage, and upgrades its schema after a backup
(reader.library.migration). Backups and restores live in reader.library.backup
and reader.library.restore, imported lazily: they import this module.

A process opens a library once (sniff, check, recover, migrate); its later
connections only count (reader.library.owner), and nothing touches the file
outside SQLite while one is open (traps.md #15).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from reader.library import owner, schema
from reader.library.files import SQLITE_MAGIC, Session, sniff, sweep_temporaries
from reader.library.files import fsync_path as fsync_path
from reader.library.files import sidecar as sidecar
from reader.library.migration import Busy as Busy
from reader.library.migration import NotOurs, migrate, reader_schema, upgrade
from reader.library.writes import _CORRUPT, _NOTADB, error_code
from reader.library.writes import LibraryError as LibraryError
from reader.library.writes import write as write

DB_NAME = "library.sqlite3"
BACKUPS = "backups"  # the backups' folder, beside the library (reader.library.backup)
BUSY_TIMEOUT_MS = 5000


def backups_dir(library_path: Path) -> Path:
    """Where a library's backups are kept: a folder beside it."""
    return library_path.parent / BACKUPS


def default_library_dir() -> Path:
    """READER_HOME if set, else the platform's user data folder."""
    home = os.environ.get("READER_HOME")
    if home:
        return Path(home)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Reader", appauthor=False))


class LibraryConnection(sqlite3.Connection):
    """A connection to a library file, counted by reader.library.owner while it is
    open. The process's last one to close ends the process's session on the file
    (files.Session), which stamps it clean so the next open may skip the check."""

    library_path: Path | None = None
    readonly: bool = False
    _key: tuple[int, int] | None = None

    def close(self) -> None:
        key, self._key = self._key, None
        super().close()
        if key is not None and owner.release(None, key):
            session = _sessions.pop(key, None)
            if session is not None:
                session.end()


# The session of each library file this process holds, ended by its last connection.
_sessions: dict[tuple[int, int], Session] = {}
# Held while this process opens a library it does not hold yet: sniffing,
# checking, recovering and migrating happen once, before any other connection.
_first_open = threading.RLock()


class _Damaged(Exception):
    """An SQLite file whose content is damaged; str() says how."""


def harden(conn: sqlite3.Connection) -> None:
    """Settings for every connection to a library or a backup: functions are not
    trusted in the schema (a view or trigger in a foreign file cannot call them),
    cell sizes are checked as pages are read, and where Python exposes it
    (3.12+), SQLite's defensive mode forbids writes that could corrupt the file."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    setconfig = getattr(conn, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)


def open_read_only(path: Path, *, any_thread: bool = False) -> sqlite3.Connection:
    """A hardened read-only connection to a backup, a file set aside, or a library
    in a folder nobody may write (immutable: it can get no -shm there). With
    `any_thread`, usable from a thread other than the one that opened it."""
    options = "mode=ro"
    if is_read_only(path) and not sidecar(path, "-shm").exists():
        options += "&immutable=1"
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?{options}", uri=True, check_same_thread=not any_thread
    )
    try:
        harden(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def is_read_only(path: Path) -> bool:
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


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
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        harden(conn)
        owner.hold(path)
    except BaseException:
        conn.close()
        raise
    conn._key = owner.identity(path)
    conn.readonly = readonly
    conn.library_path = path
    return conn


def _configure(conn: LibraryConnection) -> None:
    """Per-connection settings of a writable library (WAL is kept in the file)."""
    # WAL + NORMAL survives a killed process; what users type is written with
    # write(durable=True), which survives an OS crash too.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _open_checked(
    path: Path, readonly: bool, check: bool, defer: bool = False
) -> tuple[LibraryConnection, int]:
    """The process's first connection to `path` and its schema version; damage →
    _Damaged, anything but a Reader library → LibraryError. With `defer`, a check
    that is due is not run but noted on the session (check_due) for the caller."""
    conn: LibraryConnection | None = None
    try:
        conn = _open(path, readonly)
        version = reader_schema(conn)  # before any mark of ours goes beside a foreign file
        session = Session(path)
        must_check = session.begin() and check
        if conn._key is not None:
            _sessions[conn._key] = session
        if must_check and defer and not session.was_suspect:
            session.check_due, must_check = True, False
        if must_check:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise _Damaged("; ".join(rows[:3]))
            session.sound()
    except NotOurs as exc:
        if conn is not None:
            conn.close()
        raise LibraryError(f"{path} {exc}; it was left untouched") from exc
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
    """A file that is not SQLite is refused and never written to. Reads the
    header, so only before this process's first connection (traps.md #15)."""
    try:
        size, magic = sniff(path)
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
            harden(conn)
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


def connect_with_report(
    path: Path, defer_check: bool = False, busy: Busy | None = None
) -> tuple[sqlite3.Connection, list[str]]:
    """Open the library at `path`, and say what had to be done to open it.

    The notes (one sentence each, for the user) are empty on a normal open; they
    tell of a damaged file moved aside and a backup restored, a missing library
    put back, or a read-only library. Raises LibraryError (one line) when the
    library cannot be used. Later connections of a process that holds the
    library open skip all that and never touch the file outside SQLite.

    With `defer_check`, the after-a-crash damage check is not run here (the app
    opens its window first): reader.library.deferred_check says whether it is
    owed and runs it on a connection of its own. `busy` is told before work that
    may take seconds ("upgrade": a backup and a migration; "recover": a damaged
    library set aside and a backup restored), so the app can say so.
    """
    with _first_open:
        if owner.held(path):
            conn = _open(path, is_read_only(path))
            if not conn.readonly:
                _configure(conn)
            return conn, []
        return _open_first(path, defer_check, busy)


def session_of(conn: sqlite3.Connection) -> Session | None:
    """This process's session on the library behind `conn` (see files.Session)."""
    key = getattr(conn, "_key", None)
    return _sessions.get(key) if key is not None else None


def _open_first(
    path: Path, defer_check: bool = False, busy: Busy | None = None
) -> tuple[LibraryConnection, list[str]]:
    notes: list[str] = []
    damaged: Path | None = None
    sweep_temporaries(path.parent, path.name)
    for prefix in (".library-", ".bookmarks-"):
        sweep_temporaries(backups_dir(path), prefix)
    if not path.exists():
        from reader.library.restore import recover_missing  # only then: ~1.5 ms of a start

        try:
            damaged, notes = recover_missing(path)
        except (OSError, sqlite3.Error) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LibraryError(f"{path} is missing and could not be put back: {why}") from exc
    if not path.exists():
        _create(path)
    _refuse_foreign(path)
    readonly = is_read_only(path)
    try:
        conn, version = _open_checked(path, readonly, check=True, defer=defer_check)
    except _Damaged as exc:
        if readonly:
            raise LibraryError(f"{path} is damaged ({exc}) and read-only; left untouched") from exc
        from reader.library.restore import recover

        if busy is not None:
            busy("recover")
        damaged, more = recover(path, str(exc))
        notes += more
        conn, version = _open_checked(path, readonly=False, check=False)
        session = session_of(conn)
        if session is not None:
            session.sound()  # a verified backup now: the damaged file is set aside
    if readonly:
        if version < schema.SCHEMA_VERSION:
            conn.close()
            raise LibraryError(f"{path} is read-only and needs an upgrade; it was left untouched")
        notes.append(f"The library {path} is read-only: reading works, changes cannot be saved.")
        return conn, notes
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        _configure(conn)
        upgrade(conn, path, version, backups_dir(path), busy)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path} cannot be used: {exc}") from exc
    if damaged is not None:
        from reader.library.bookmarks import BookmarkStore

        saved = BookmarkStore(conn).salvage(damaged)
        if saved:
            notes.append(
                f"{saved} bookmarks or reading positions newer than the backup were "
                "recovered from the damaged file."
            )
    return conn, notes


def open_library_with_report(
    directory: Path, defer_check: bool = False, busy: Busy | None = None
) -> tuple[sqlite3.Connection, list[str]]:
    """Open the library in `directory` (created if missing), with the notes of
    connect_with_report for the user."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"cannot create the library folder {directory}: {exc.strerror or exc}"
        ) from exc
    return connect_with_report(directory / DB_NAME, defer_check, busy)


def open_library(directory: Path) -> sqlite3.Connection:
    """Open the library in `directory`; what open_library_with_report would say is
    dropped (the app shows it; commands need not)."""
    return open_library_with_report(directory)[0]
