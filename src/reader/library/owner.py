"""The one owner of a library file in this process (traps.md #15).

SQLite's locks are POSIX advisory locks, held per process: closing *any*
descriptor of the library file in this process drops every lock the process
holds on it. Another process closing its connection then believes it is the
last one, checkpoints and deletes the -wal and -shm from under our open
connections, and what we write afterwards is lost.

So, once this process has a connection to a library:
- its header is sniffed only before the first connection (`held` tells
  whether one is open), and every later connection in the process is opened
  without touching the file;
- nothing opens, renames, truncates or deletes the library file or its
  -wal/-shm outside SQLite. An audit hook (installed with the first
  connection) refuses such an operation with a PermissionError naming the
  file, so a new code path that tries it fails at once, with a message,
  instead of silently losing the user's writes.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from pathlib import Path

# The files SQLite keeps beside the library, which must not be touched either.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

# Audit events that open, replace or delete a file by name (os.replace raises
# "os.rename"; Path.unlink and os.unlink raise "os.remove").
_EVENTS = frozenset({"open", "os.rename", "os.remove", "os.truncate", "os.link"})

_lock = threading.Lock()
_counts: dict[tuple[int, int], int] = {}  # (st_dev, st_ino) of a held library → connections
_held: frozenset[tuple[int, int]] = frozenset()  # a snapshot the audit hook reads
_hook_installed = False
# Every operation the hook refused, newest last (bounded): tests read it.
refused: list[str] = []


def identity(path: Path | str) -> tuple[int, int] | None:
    """The file's (device, inode), or None when it does not exist. stat() opens
    no descriptor, so it is safe while the library is held."""
    try:
        st = os.stat(path)  # noqa: PTH116 (runs for every file opened: no Path objects)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def held(path: Path) -> bool:
    """Whether this process has a connection open to the library at `path`."""
    key = identity(path)
    return key is not None and key in _held


def hold(path: Path) -> None:
    """Count one more connection of this process to the library at `path`."""
    global _held
    key = identity(path)
    if key is None:
        raise FileNotFoundError(errno.ENOENT, "the library file vanished", str(path))
    with _lock:
        _counts[key] = _counts.get(key, 0) + 1
        _held = frozenset(_counts)
        _install_hook()


def release(path: Path | None, key: tuple[int, int] | None = None) -> bool:
    """One connection fewer; True when it was the process's last one to that file."""
    global _held
    key = key or (identity(path) if path is not None else None)
    if key is None:
        return True
    with _lock:
        left = _counts.get(key, 0) - 1
        if left > 0:
            _counts[key] = left
            return False
        _counts.pop(key, None)
        _held = frozenset(_counts)
        return True


def names_held(name: str) -> bool:
    """Whether the path `name` is a held library file or one of its -wal/-shm."""
    if not _held:
        return False
    candidates = [name]
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix):
            candidates.append(name[: -len(suffix)])
    return any(identity(c) in _held for c in candidates)


def _paths(event: str, args: tuple[object, ...]) -> list[str]:
    if event == "open":
        raw: tuple[object, ...] = args[:1]
    elif event in ("os.rename", "os.link"):
        raw = args[:2]
    else:
        raw = args[:1]
    found = []
    for value in raw:
        if isinstance(value, (str, bytes, os.PathLike)):
            try:
                found.append(os.fsdecode(value))
            except (TypeError, ValueError):
                continue
    return found


def _audit(event: str, args: tuple[object, ...]) -> None:
    # `not _held` first: while the interpreter shuts down, this module's names may
    # already be None, and the hook is still called ("Exception ignored in audit hook").
    if not _held or _EVENTS is None or event not in _EVENTS:
        return
    for name in _paths(event, args):
        if names_held(name):
            del refused[:-99]
            refused.append(f"{event} {name}")
            raise PermissionError(
                errno.EACCES,
                "it is the library Reader has open, and only SQLite may touch it",
                name,
            )


def _install_hook() -> None:
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
