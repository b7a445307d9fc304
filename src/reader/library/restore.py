"""Putting a library back: from a chosen backup, the newest verified one when
the library is damaged, or a copy kept aside when it is missing.

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
from datetime import UTC, datetime
from pathlib import Path

from reader.library import owner
from reader.library.backup import STAMP, Backup, backups_dir, copy_verified, list_backups, verify
from reader.library.db import LibraryError, fsync_path, harden, open_read_only, sidecar
from reader.library.writes import error_code


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
    stamp = datetime.now(UTC).strftime(STAMP)
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
        copy_verified(src, tmp)
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
    return datetime.strptime(match[2], STAMP).replace(tzinfo=UTC)


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
