"""Verified, rotated backups of the library, and safe restores.

Every copy is made through SQLite's backup API (never by copying files, which
would miss or misapply the -wal file: traps.md #11), written under a temporary
name, checked with integrity_check, and only then renamed into place. Beside
each backup lies a JSON copy of its bookmarks, readable without SQLite.

A restore replaces the library with one atomic rename, after the old file has
been linked aside: a process killed at any moment leaves the old library or the
new one at its path, never neither. A library found missing, with a copy kept
before a restore (or only backups) beside it, is put back, not started afresh.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.library import owner
from reader.library.db import (
    LibraryError,
    NotOurs,
    fsync_path,
    harden,
    open_read_only,
    reader_schema,
    sidecar,
)
from reader.library.db import backups_dir as backups_dir  # where it is asked for
from reader.library.files import SQLITE_MAGIC, sniff, sweep_temporaries
from reader.library.writes import error_code

DAILY_DAYS = 7  # every backup of the last week is kept…
WEEKLY = 8  # …then the newest of each week, for this many weeks
_STAMP = "%Y-%m-%dT%H%M%SZ"
_NAME = re.compile(r"library-(\d{4}-\d\d-\d\dT\d{6}Z)-([a-z0-9-]+)\.sqlite3")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    reason: str  # daily, manual, pre-migration-v2, …

    @property
    def bookmarks_json(self) -> Path:
        return self.path.with_name(f"bookmarks-{self.path.name[len('library-') : -8]}.json")


def list_backups(folder: Path) -> list[Backup]:
    """Backups in `folder`, newest first. Only verified copies get these names."""
    found = []
    try:
        paths = list(folder.iterdir())
    except OSError:
        return []
    for path in paths:
        match = _NAME.fullmatch(path.name)
        if match:
            when = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, when, match[2]))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def check(path: Path) -> list[str]:
    """SQLite's integrity_check of the file at `path`: ["ok"] when it is sound,
    else its findings (or why the file could not be read at all). The header is
    read only when this process holds no connection to the file (traps.md #15):
    one that is held was sniffed before its first connection."""
    if not owner.held(path):
        try:
            size, magic = sniff(path)
        except OSError as exc:
            return [f"{path} cannot be read: {exc.strerror or exc}"]
        if not size:
            return [f"{path} is empty (0 bytes)"]
        if magic != SQLITE_MAGIC:
            return [f"{path} is not an SQLite file"]
    try:
        conn = open_read_only(path)
        try:
            return [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [f"{path} cannot be read: {exc}"]


def verify(path: Path) -> int:
    """Check a backup before it is used; returns its schema version.

    LibraryError (one line) for a missing, empty, foreign, damaged or newer file,
    or one whose schema is not exactly Reader's (extra triggers, views, a table
    of the wrong shape); the file is only read."""
    problems = check(path)
    if problems != ["ok"]:
        raise LibraryError(f"{path} is not a usable backup: {problems[0]}")
    try:
        conn = open_read_only(path)
        try:
            version = reader_schema(conn)
        finally:
            conn.close()
    except NotOurs as exc:
        raise LibraryError(f"{path} is not a usable backup: it {exc}") from exc
    except sqlite3.Error as exc:
        raise LibraryError(f"{path} is not a usable backup: {exc}") from exc
    if version < 1:
        raise LibraryError(f"{path} is not a Reader library backup")
    return version


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """source → a new file at `target`, through the backup API, then verified."""
    for stale in (target, sidecar(target, "-journal"), sidecar(target, "-wal")):
        stale.unlink(missing_ok=True)
    dst = sqlite3.connect(target)
    try:
        harden(dst)
        source.backup(dst)
        # The copy inherits the WAL flag; as one self-contained file it opens
        # read-only anywhere (connect turns WAL on again for a restored library).
        dst.execute("PRAGMA journal_mode = DELETE")
        expected = source.execute("PRAGMA user_version").fetchone()[0]
        version = dst.execute("PRAGMA user_version").fetchone()[0]
    finally:
        dst.close()
    problems = check(target)
    if problems != ["ok"] or version != expected:
        found = problems[0] if problems != ["ok"] else f"schema {version}, not {expected}"
        raise LibraryError(f"the copy failed verification ({found}); the library may be damaged")
    fsync_path(target)


def backup_now(conn: sqlite3.Connection, folder: Path, reason: str) -> Path:
    """A verified backup of the library behind `conn`, named by UTC time and
    reason, with its bookmarks beside it as JSON; older backups are rotated.
    Raises LibraryError (one line); a failed backup leaves nothing behind."""
    from reader.library.bookmark_file import export_bookmarks

    stamp = datetime.now(UTC).strftime(_STAMP)
    final = folder / f"library-{stamp}-{reason}.sqlite3"
    tmp = folder / f".{final.name}.{os.getpid()}.tmp"
    for prefix in (".library-", ".bookmarks-"):  # what killed backups left halfway
        sweep_temporaries(folder, prefix)
    marks: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        n = 1
        while final.exists():  # two in one second: never overwrite one
            n += 1
            final = folder / f"library-{stamp}-{reason}-{n}.sqlite3"
        _copy(conn, tmp)
        # The bookmarks beside it come from the verified copy, before it is named a
        # backup: a backup that lists among the backups always has its JSON.
        copy = open_read_only(tmp)
        try:
            if copy.execute("SELECT 1 FROM sqlite_schema WHERE name = 'bookmarks'").fetchone():
                marks = Backup(final, datetime.now(UTC), reason).bookmarks_json
                export_bookmarks(copy, marks)
        finally:
            copy.close()
        tmp.replace(final)
        fsync_path(folder)
    except (OSError, sqlite3.Error, LibraryError) as exc:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
            if marks is not None and not final.exists():
                marks.unlink(missing_ok=True)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LibraryError(f"cannot back up the library to {folder}: {why}") from exc
    rotate(folder)
    return final


def rotate(folder: Path, now: datetime | None = None, most: int = 0) -> list[Path]:
    """Keep every backup of the last week, then the newest of each week for
    WEEKLY weeks, and always the newest; with `most` (the backup count chosen in
    Preferences; 0: no limit), no more than the `most` newest of those. Returns
    what was deleted."""
    now = now or datetime.now(UTC)
    backups = list_backups(folder)
    keep = set(backups[:1])
    weeks: set[tuple[int, int]] = set()
    for b in backups:  # newest first: the first seen of a week is its newest
        if now - b.taken_at <= timedelta(days=DAILY_DAYS):
            keep.add(b)
        elif len(weeks) < WEEKLY and b.taken_at.isocalendar()[:2] not in weeks:
            weeks.add(b.taken_at.isocalendar()[:2])
            keep.add(b)
    if most > 0:
        keep = set([b for b in backups if b in keep][:most])
    gone = []
    for b in backups:
        if b not in keep:
            for path in (b.path, b.bookmarks_json):
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    continue  # tried again at the next rotation
                gone.append(path)
    return gone


def maybe_daily_backup(conn: sqlite3.Connection, folder: Path) -> Path | None:
    """The day's backup, unless one was taken today (UTC). Takes ~0.2 s on a
    10,000-article library: call it off the UI thread, with its own connection."""
    today = datetime.now(UTC).date()
    for b in list_backups(folder):
        if b.taken_at.date() == today and not b.reason.startswith("pre-migration"):
            return None
    return backup_now(conn, folder, "daily")


def in_use(library_path: Path) -> bool:
    """Whether some connection, in this process or another, has the library open.

    A WAL library cannot be locked exclusively while any connection has it open
    (each holds the -shm file), and SQLite sees this process's own connections too.
    """
    if not library_path.exists():
        return False
    try:
        probe = sqlite3.connect(library_path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        harden(probe)
        probe.execute("PRAGMA locking_mode = EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        probe.execute("ROLLBACK")
    except sqlite3.Error as exc:
        return error_code(exc) in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    finally:
        probe.close()
    return False


def _aside_name(library_path: Path, label: str) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    aside = sidecar(library_path, f".{label}-{stamp}")
    n = 1
    while any(sidecar(aside, s).exists() for s in ("", "-wal", "-shm")):
        n += 1
        aside = sidecar(library_path, f".{label}-{stamp}-{n}")
    return aside


def _settle(library_path: Path) -> None:
    """Fold a -wal left by a crash into the library file, so that the file alone
    is the whole library before it is kept aside. Best effort: a damaged file may
    refuse, and its -wal is then kept aside beside it."""
    if not sidecar(library_path, "-wal").exists():
        return
    with suppress(sqlite3.Error):
        conn = sqlite3.connect(library_path, isolation_level=None, timeout=0)
        try:
            harden(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()  # the last connection to close deletes the -wal


def _replace_with(source: Path, library_path: Path, label: str) -> Path | None:
    """Put a verified copy of `source` at `library_path` with one atomic rename.

    The current library is first linked (or copied) aside as `<name>.<label>-<time>`,
    with its -wal/-shm moved beside that name, so the old file stays whole and
    at its path until the rename; nothing is deleted. Returns the aside name."""
    folder = library_path.parent
    tmp = sidecar(library_path, f".restore-{os.getpid()}")
    src = open_read_only(source)
    try:
        _copy(src, tmp)
    finally:
        src.close()
    aside = None
    if library_path.exists():
        _settle(library_path)
        aside = _aside_name(library_path, label)
        try:
            os.link(library_path, aside)
        except OSError:  # no hard links here (FAT, some shares)
            import shutil

            shutil.copy2(library_path, aside)
        fsync_path(folder)
        # Whatever -wal/-shm is left belongs to the old file, never to the new one.
        for suffix in ("-wal", "-shm"):
            if sidecar(library_path, suffix).exists():
                sidecar(library_path, suffix).rename(sidecar(aside, suffix))
    sidecar(library_path, ".clean").unlink(missing_ok=True)
    tmp.replace(library_path)
    fsync_path(folder)
    return aside


def _refuse_if_in_use(library_path: Path, why: str) -> None:
    if owner.held(library_path) or in_use(library_path):
        raise LibraryError(why)


def restore(backup: Path, library_path: Path) -> list[str]:
    """Replace the library with `backup`, safely: the backup is verified first,
    the library must be closed everywhere, and the current file (with its
    -wal/-shm) is kept aside. Returns what was done, one sentence each."""
    if backup.exists() and library_path.exists() and backup.samefile(library_path):
        raise LibraryError(f"{backup} is the library itself, not a backup of it")
    verify(backup)
    _refuse_if_in_use(
        library_path, f"{library_path} is open in Reader or another command; close it, then restore"
    )
    try:
        library_path.parent.mkdir(parents=True, exist_ok=True)
        aside = _replace_with(backup, library_path, "before-restore")
    except (OSError, sqlite3.Error) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LibraryError(f"cannot restore {library_path} from {backup}: {why}") from exc
    notes = [f"Restored {library_path} from {backup}."]
    if aside is not None:
        notes.append(f"The library it replaced was kept as {aside}.")
    return notes


def _newest_verified(library_path: Path) -> Backup | None:
    for b in list_backups(backups_dir(library_path)):
        try:
            verify(b.path)
        except LibraryError:
            continue  # a damaged backup is skipped, and kept
        return b
    return None


def recover(library_path: Path, damage: str) -> tuple[Path, list[str]]:
    """A damaged library: kept aside as it is, the newest backup that still
    verifies put in its place. Returns the damaged file's new path and what to tell
    the user. No usable backup: LibraryError, and the file is left untouched."""
    chosen = _newest_verified(library_path)
    if chosen is None:
        raise LibraryError(
            f"{library_path} is damaged ({damage}) and there is no backup to restore; "
            "it was left untouched"
        )
    _refuse_if_in_use(
        library_path,
        f"{library_path} is damaged ({damage}); close every other Reader, then start again",
    )
    try:
        aside = _replace_with(chosen.path, library_path, "damaged")
    except (OSError, sqlite3.Error) as exc:
        raise LibraryError(f"{library_path} is damaged and could not be restored: {exc}") from exc
    assert aside is not None
    when = chosen.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    return aside, [
        f"The library was damaged ({damage}). It was kept aside as {aside}, and the "
        f"backup of {when} ({chosen.path.name}) was restored."
    ]


_KEPT = re.compile(r"\.(before-restore|damaged)-(\d{4}-\d\d-\d\dT\d{6}Z)(?:-(\d+))?")


def _kept_time(kept: Path) -> datetime:
    match = _KEPT.search(kept.name)
    assert match is not None
    return datetime.strptime(match[2], _STAMP).replace(tzinfo=UTC)


def _kept_copies(library_path: Path, label: str) -> list[Path]:
    """`<name>.<label>-<time>` copies beside the library, newest first."""
    found = []
    try:
        names = [p.name for p in library_path.parent.iterdir()]
    except OSError:
        return []
    for name in names:
        if not name.startswith(library_path.name):
            continue
        match = _KEPT.fullmatch(name[len(library_path.name) :])
        if match and match[1] == label:
            found.append((match[2], int(match[3] or 1), library_path.parent / name))
    return [path for _stamp, _n, path in sorted(found, reverse=True)]


def recover_missing(library_path: Path) -> tuple[Path | None, list[str]]:
    """The library file is missing (a restore or a recovery of an older Reader was
    killed halfway, or the file was deleted): put back the copy kept before a
    restore, else the newest verified backup, rather than start an empty library.
    Returns a damaged copy to salvage bookmarks from (or None) and the notes."""
    for kept in _kept_copies(library_path, "before-restore"):
        # The -wal/-shm go back first: once the main file is in place they pair.
        for suffix in ("-wal", "-shm", ""):
            if sidecar(kept, suffix).exists():
                sidecar(kept, suffix).rename(sidecar(library_path, suffix))
        fsync_path(library_path.parent)
        return None, [
            f"The library {library_path} was missing; the copy kept before a restore "
            f"({kept.name}) was put back."
        ]
    chosen = _newest_verified(library_path)
    if chosen is None:
        return None, []
    library_path.parent.mkdir(parents=True, exist_ok=True)
    _replace_with(chosen.path, library_path, "unused")
    # A damaged file set aside after this backup was taken (a recovery killed
    # before it finished) may hold newer bookmarks: salvage them.
    damaged = [d for d in _kept_copies(library_path, "damaged") if _kept_time(d) > chosen.taken_at]
    when = chosen.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    return (damaged[0] if damaged else None), [
        f"The library {library_path} was missing; the backup of {when} "
        f"({chosen.path.name}) was restored."
    ]
