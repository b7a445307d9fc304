"""All-or-nothing file writes: a reader of the target sees the old file or the new one.

The bytes go to a temporary file in the target's own folder (os.replace is atomic
only within one file system), are flushed and fsynced, and then take the target's
name. On any failure — a full disk, a locked target, an interrupt — the temporary
file is removed and the old target is left as it was (reliability.md, Export).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path


class ExportError(Exception):
    """An export that failed; str() is one line naming the file and why."""


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written and an old file stays."""


def _umask() -> int:
    # Linux tells the umask without changing it; elsewhere it must be set to be read,
    # which is a process-wide change for an instant (a race only with other threads
    # creating files at that moment, and only off Linux).
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The permissions a plain open() would have given, or those of the file replaced."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # never in practice; guards an endless loop
            raise OSError(errno.EIO, "nothing written")
        view = view[written:]


def _fsync(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (certain FUSE and network mounts) cannot fsync at all;
        # that is not a failed write. Anything else (ENOSPC, EIO) is.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); some file systems cannot, and say so."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _publish(tmp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        tmp.replace(path)
        return
    # A hard link fails if the name exists, atomically: no window in which a file
    # created meanwhile by someone else could be overwritten.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # file systems without hard links (FAT, some network shares)
        if path.exists():
            raise FileExistsError(errno.EEXIST, "file exists", str(path)) from None
        tmp.replace(path)
        return
    # The temporary name is removed by the caller, success or not.


def write_atomic(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write `data` to `path` all at once.

    Raises FileExistsError if `path` exists and `overwrite` is False (the caller asks
    the user), ExportError for anything else; either way nothing partial is left.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise FileExistsError(errno.EEXIST, "file exists", str(path))
    folder = path.parent
    tmp: Path | None = None
    fd = -1
    try:
        fd, name = tempfile.mkstemp(prefix=".reader-export-", suffix=".tmp", dir=folder)
        tmp = Path(name)
        _write_all(fd, data)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _mode_for(path))  # mkstemp makes it private (0600)
        _fsync(fd)
        os.close(fd)
        fd = -1
        _publish(tmp, path, overwrite)
        _sync_folder(folder)
    except FileExistsError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"{path}: cannot be written ({reason})") from exc
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if tmp is not None:  # after os.replace it is gone already; after os.link, not
            with contextlib.suppress(OSError):
                tmp.unlink()
