"""Reading a file the user named: regular files only, never past the size limit.

Every command that reads a file (import, show, audit, export, convert) reads it here,
so /dev/zero, /dev/urandom, a named pipe or a 20 GB file get the same one-line
refusal everywhere instead of a memory error or a hang:

- the type is checked with stat() before anything is opened: opening a FIFO waits
  for a writer, and opening some devices has side effects;
- the file is opened non-blocking and checked again on the open descriptor (it may
  have been swapped for a FIFO in between);
- at most limit + 1 bytes are read: st_size is not trusted (0 for /proc files,
  and the file may grow while it is read).

File names are bytes on POSIX: names that are not UTF-8 (GBK names from a Windows
zip) come from os.walk as lone surrogates, which can be neither printed nor stored
in SQLite. display_path() turns them into U+FFFD for messages and stored origins.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

# Articles are text; a "text" file this big is a mistake or not an article,
# and reading it would stall an import. Documented in docs/cli.md.
MAX_FILE_BYTES = 20 * 1024 * 1024

_CHUNK = 1024 * 1024
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, which has no FIFOs to fear
_BINARY = getattr(os, "O_BINARY", 0)


class ImportFailure(Exception):
    """A file that could not be imported; str() is one line naming it and why."""

    def __init__(self, path: str, reason: str) -> None:
        path = display_text(path)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ImportFailure], tuple[str, str]]:
        # Sent back from the worker processes that parse a large folder.
        return (ImportFailure, (self.path, self.reason))


def display_text(text: str) -> str:
    """`text` with undecodable file-name bytes (lone surrogates) as U+FFFD.

    Such a string cannot be printed to a UTF-8 stream nor stored as SQLite text.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:  # the bytes os.fsdecode() escaped: decoded again, each bad one as U+FFFD
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            return text.encode("utf-8", "replace").decode("utf-8")
    return text


def display_path(path: Path | str) -> str:
    """A path as it can be shown and stored: undecodable bytes as U+FFFD."""
    return display_text(str(path))


def readable_name(name: str) -> str:
    """A file or folder name for a title or a section.

    A name whose bytes are not UTF-8 is read as GB18030 or Big5 when it decodes
    strictly as one of them (the importer's own choice between the two) into mostly
    common characters; names from Windows zips are in the system's legacy code
    page. Otherwise its undecodable bytes become U+FFFD: never a guess that reads
    as mojibake.
    """
    shown = display_path(name)
    if shown == name or os.name == "nt":
        return shown
    from reader.importers.decode import DecodeError, decode_bytes, mostly_common

    try:
        decoded = decode_bytes(os.fsencode(name))
    except (DecodeError, UnicodeEncodeError):
        return shown
    if decoded.lossy or decoded.encoding not in ("gb18030", "big5", "big5hkscs"):
        return shown
    return decoded.text if mostly_common(decoded.text) else shown


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def too_big(limit: int) -> str:
    return f"file is larger than the {_size(limit)} limit"


def not_regular(mode: int) -> str | None:
    """Why a file of this st_mode cannot be read as an article, or None if it can."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "not a regular file"


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; else ImportFailure.

    A symbolic link is followed: whoever named the path chose it (folder imports
    decide about links before they get here).
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    name = str(path)
    try:
        refusal = not_regular(path.stat().st_mode)
        if refusal is not None:
            raise ImportFailure(name, refusal)
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ImportFailure(name, "no such file or folder") from None
    except OSError as exc:
        raise ImportFailure(name, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        refusal = not_regular(os.fstat(fd).st_mode)
        if refusal is not None:
            raise ImportFailure(name, refusal)
        if os.fstat(fd).st_size > limit:
            raise ImportFailure(name, too_big(limit))
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise ImportFailure(name, f"cannot be read ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    if got > limit:
        raise ImportFailure(name, too_big(limit))
    return b"".join(chunks)


def read_stream(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """At most `limit` bytes of an open stream (standard input); else ImportFailure."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise ImportFailure(name, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise ImportFailure(name, f"larger than the {_size(limit)} limit")
    return data
