"""Verified, rotated backups of the library (restores: reader.library.restore).

Every copy is made through SQLite's backup API (never by copying files, which
would miss or misapply the -wal file: traps.md #11), written under a temporary
name, checked with integrity_check, and only then renamed into place. Beside
each backup lies a JSON copy of its bookmarks, readable without SQLite.
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
    fsync_path,
    harden,
    open_read_only,
    sidecar,
)
from reader.library.db import backups_dir as backups_dir  # where it is asked for
from reader.library.files import SQLITE_MAGIC, sniff, sweep_temporaries
from reader.library.migration import NotOurs, reader_schema

DAILY_DAYS = 7  # every backup of the last week is kept…
WEEKLY = 8  # …then the newest of each week, for this many weeks
STAMP = "%Y-%m-%dT%H%M%SZ"
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
            when = datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)
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


def copy_verified(source: sqlite3.Connection, target: Path) -> None:
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

    stamp = datetime.now(UTC).strftime(STAMP)
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
        copy_verified(conn, tmp)
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
