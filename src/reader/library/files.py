"""The library file seen from outside SQLite: sniffing its header, knowing whether
it was left at rest, and sweeping up what killed processes left behind.

Everything here either runs before this process's first connection to the
library (the header sniff) or touches only files of our own beside it (markers,
temporary copies), never the library file or its -wal/-shm (traps.md #15;
reader.library.owner refuses that while a connection is open).

Whether a library needs its damage check on open is decided from what Reader
itself records (traps.md #17), not from a -wal file that any open connection
leaves: every process with the library open holds an `open-<pid>` marker under
an exclusive flock, which the kernel drops when the process dies, however it
dies; the last process to close stamps the file `.clean` with its size, mtime
and inode.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import IO

SQLITE_MAGIC = b"SQLite format 3\x00"

try:
    import fcntl
except ImportError:  # Windows: no markers; the stamp alone decides, as before
    fcntl = None  # type: ignore[assignment]


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


def sniff(path: Path) -> tuple[int, bytes]:
    """The file's size and first 16 bytes. Only before the process's first
    connection to it: closing this descriptor would drop SQLite's locks."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        return size, fh.read(16)


# --- at rest, or in use ------------------------------------------------------


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _wal_has_frames(path: Path) -> bool:
    """A -wal with content: commits not yet in the file. An empty one is what a
    read-only client (`library check`) leaves; it holds nothing to recover."""
    try:
        return sidecar(path, "-wal").stat().st_size > 0
    except OSError:
        return False


def _marker_pid(name: str, library: Path) -> int | None:
    match = re.fullmatch(re.escape(library.name) + r"\.open-(\d+)", name)
    return int(match[1]) if match else None


def _open_markers(path: Path) -> list[Path]:
    try:
        return [p for p in path.parent.iterdir() if _marker_pid(p.name, path) is not None]
    except OSError:
        return []


def _owner_alive(marker: Path) -> bool:
    """Whether the process that made `marker` still holds it (its flock)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(marker, os.O_RDONLY)
    except OSError:
        return False  # gone meanwhile: that process closed
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops our probe lock
    return False


SUSPECT = ".suspect"  # beside a library a check found damaged, until it is recovered


class Session:
    """This process's mark on an open library, from its first connection to its last."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._marker: IO[bytes] | None = None
        self.check_due = False  # a check was due at open and left for later
        # A check found it damaged before: the next open checks it before anything
        # is read, and may not leave that for later (the app would, every start).
        self.was_suspect = False
        self._suspect = False

    def suspect(self) -> None:
        """The library may be damaged: never stamp it clean, and leave a mark, so the
        next open checks it first (and recovers it from a backup if it fails then)."""
        self._suspect = True
        with suppress(OSError):  # a read-only folder: the next open still checks
            sidecar(self.path, SUSPECT).touch()

    def sound(self) -> None:
        """A check found the library sound (or it was just restored): no mark."""
        self.was_suspect = False
        with suppress(OSError):
            sidecar(self.path, SUSPECT).unlink(missing_ok=True)

    def begin(self) -> bool:
        """Mark the library open by this process; True when it must be checked
        for damage: some Reader died with it open, or it changed since the last
        clean close, unless a live Reader has it open (and checked it)."""
        path = self.path
        stale, live = [], False
        for marker in _open_markers(path):
            if _marker_pid(marker.name, path) == os.getpid():
                continue
            if _owner_alive(marker):
                live = True
            else:
                stale.append(marker)
        self.was_suspect = sidecar(path, SUSPECT).exists()
        clean = sidecar(path, ".clean")
        try:
            saved = json.loads(clean.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = None
        with suppress(OSError):
            clean.unlink(missing_ok=True)  # open from now on: not at rest
        self._take_marker()
        if stale:
            must = True
        elif live:
            must = False
        else:
            must = saved != _stamp(path) or _wal_has_frames(path)
        for marker in stale:  # the check that follows covers what they left
            with suppress(OSError):
                marker.unlink()
        return must or self.was_suspect

    def _take_marker(self) -> None:
        if fcntl is None:
            return
        marker = sidecar(self.path, f".open-{os.getpid()}")
        try:
            fh = marker.open("ab")
        except OSError:
            return  # a read-only folder: nobody can write, nothing to mark
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return
        self._marker = fh

    def end(self) -> None:
        """The process's last connection closed: drop the marker, and stamp the
        library clean when no other Reader has it open and SQLite left it at rest."""
        path = self.path
        if self._marker is not None:
            with suppress(OSError):
                Path(self._marker.name).unlink(missing_ok=True)
            self._marker.close()
            self._marker = None
        if self._suspect:
            return
        if _wal_has_frames(path) or any(_owner_alive(m) for m in _open_markers(path)):
            return  # another connection still has it: not at rest
        marker = sidecar(path, ".clean")
        tmp = sidecar(marker, f".{os.getpid()}")
        try:
            tmp.write_text(json.dumps(_stamp(path)), encoding="utf-8")
            tmp.replace(marker)
        except OSError:
            pass  # without the marker the next open just checks


# --- what killed processes leave behind --------------------------------------

_PID_TEMPS = re.compile(
    r"\.(?:new|restore)-(\d+)(?:-wal|-shm|-journal)?$|\.clean\.(\d+)$|\.(\d+)\.tmp(?:-journal)?$"
)


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True  # no cheap probe; a file in use cannot be deleted there anyway
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sweep_temporaries(folder: Path, prefix: str) -> list[Path]:
    """Delete the temporary files (`prefix…new-PID`, `…restore-PID`, `….PID.tmp`)
    in `folder` whose process is gone: a copy killed halfway is never used, and
    would otherwise stay forever at full size. Returns what was deleted."""
    gone: list[Path] = []
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return gone
    for name in names:
        if not name.startswith(prefix):
            continue
        match = _PID_TEMPS.search(name)
        if match is None:
            continue
        if pid_alive(int(match[1] or match[2] or match[3])):
            continue
        with suppress(OSError):
            (folder / name).unlink()
            gone.append(folder / name)
    return gone


def schema_of(conn: sqlite3.Connection) -> tuple[int, int]:
    """(user_version, application_id) of the database behind `conn`."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    return version, app_id
