"""The bookmarks file: the JSON that export writes, import reads, and every
backup leaves beside its copy of the library (readable without SQLite)."""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from reader.domain import Bookmark
from reader.library.anchoring import now
from reader.library.db import LibraryError, fsync_path

FORMAT, VERSION = "reader-bookmarks", 1
COLS = (
    "id, article_id, block, quote, sel_start, sel_end, note, colour, created_at, updated_at, "
    "orphaned"
)
QUOTE_CHARS = 24  # a quote is the first 24 characters of a block or selection
# Block indexes and offsets: far beyond any article within the 20 MB import limit,
# and within SQLite's integers (2**70 would not store).
MAX_INDEX = 2**31 - 1
MAX_FILE_BYTES = 100 * 2**20  # ~300,000 bookmarks (an export is ~340 bytes each)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_UUID = re.compile(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_HEX = re.compile(r"[0-9a-fA-F]+")
_ARTICLE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_SURROGATE = re.compile("[\ud800-\udfff]")  # only lone ones reach a str from JSON
_ID_SPACE = "5b0e8f0c-6d5e-4b8e-9a43-52ea6d3c1f00"  # Reader's uuid namespace, for derived ids


def row_to_bookmark(row: tuple[Any, ...]) -> Bookmark:
    # SQLite hands back the stored types; no conversions: the panel builds 10,000.
    # Columns after the eleventh (COLS) are ignored.
    bid, aid, block, quote, start, end, note, colour, created, updated, orphaned = row[:11]
    selection = None if start is None else (start, end)
    return Bookmark(
        bid, aid, block, quote, selection, note, colour, created, updated, bool(orphaned)
    )


def check_colour(colour: str) -> str:
    # The value is not echoed: messages reach labels that might read it as markup.
    if colour and not _COLOUR.fullmatch(colour):
        raise ValueError("colour is not a #rrggbb colour")
    return colour.lower()


def write_atomic(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename: the old file stays whole
    until the new one is complete (disk full, a kill)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
        fsync_path(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LibraryError(f"cannot write {path}: {exc.strerror or exc}") from exc


def export_bookmarks(conn: sqlite3.Connection, path: Path) -> int:
    """Every bookmark not deleted, as JSON at `path` (atomically); returns how many."""
    rows = conn.execute(
        "SELECT b.id, b.article_id, b.block, b.quote, b.sel_start, b.sel_end, b.note, "
        "b.colour, b.created_at, b.updated_at, b.orphaned, coalesce(a.title, b.title) "
        "FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id "
        "WHERE b.deleted_at IS NULL ORDER BY b.article_id, b.block, b.created_at"
    ).fetchall()
    entries = []
    for row in rows:
        m = row_to_bookmark(row[:11])
        entries.append({
            "id": m.id, "article_id": m.article_id, "article_title": row[11], "block": m.block,
            "quote": m.quote, "selection": list(m.selection) if m.selection else None,
            "note": m.note, "colour": m.colour, "created_at": m.created_at,
            "updated_at": m.updated_at, "orphaned": m.orphaned,
        })  # fmt: skip
    data = {"format": FORMAT, "version": VERSION, "exported_at": now(), "bookmarks": entries}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return len(entries)


# --- reading a file back -----------------------------------------------------------


class BookmarksRead(NamedTuple):
    marks: list[tuple[Bookmark, str]]  # the valid records, each with its article's title
    invalid: list[str]  # one line per record left out: "bookmark N (id …): reason"


def normal_id(raw: str) -> str | None:
    """A uuid in any case, with or without hyphens, as 32 lowercase hex digits;
    None for anything else."""
    raw = raw.strip()
    return raw.replace("-", "").lower() if _UUID.fullmatch(raw) else None


def derived_id(article_id: str, raw: str) -> str:
    """A uuid made from an article and another id: the same inputs give the same
    id, so importing a file twice never adds a bookmark twice."""
    import uuid  # here: it loads `platform`, ~10 ms of the app's start

    return uuid.uuid5(uuid.UUID(_ID_SPACE), f"{article_id}\x00{raw.lower()}").hex


def _text(e: dict[str, Any], key: str, default: str | None = "") -> str:
    value = e.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key} is missing or not text")
    bad = _SURROGATE.search(value)
    if bad:
        raise ValueError(
            f"{key} holds a lone surrogate (U+{ord(bad.group()):04X}), which no file or "
            "library can store"
        )
    return value


def _index(value: object) -> bool:
    return type(value) is int and 0 <= value <= MAX_INDEX


def _time(e: dict[str, Any], key: str, default: str | None = None) -> str:
    value = _text(e, key, default)
    try:
        when = datetime.fromisoformat(value)
        if when.tzinfo is None:  # documented: a time without a zone is UTC
            when = when.replace(tzinfo=UTC)
        when = when.astimezone(UTC)
    except (ValueError, OverflowError):  # year 99999, "yesterday", 0001-01-01T00:00+01:00
        raise ValueError(f"{key} is not an ISO 8601 time in the years 1–9999") from None
    # isoformat, not strftime: %Y leaves years before 1000 unpadded, and these
    # strings are compared as times.
    return when.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _entry(e: object) -> tuple[Bookmark, str]:
    if not isinstance(e, dict):
        raise ValueError("not an object")
    aid = _text(e, "article_id", None)
    if not _ARTICLE_ID.fullmatch(aid):
        raise ValueError("article_id is not an article id")
    if _HEX.fullmatch(aid):
        aid = aid.lower()
    raw_id = _text(e, "id", None)
    if not raw_id.strip():
        raise ValueError("id is empty")
    bid = normal_id(raw_id) or derived_id(aid, raw_id)
    block, sel = e.get("block"), e.get("selection")
    if block is not None and not _index(block):
        raise ValueError(f"block is not a block index (a whole number 0–{MAX_INDEX}, or null)")
    if sel is not None and not (
        isinstance(sel, list) and len(sel) == 2 and all(_index(x) for x in sel) and sel[0] < sel[1]
    ):
        raise ValueError("selection is not [start, end], whole numbers with start < end")
    if sel is not None and block is None:
        raise ValueError("a selection needs its block")
    quote, note, colour, title = (_text(e, k) for k in ("quote", "note", "colour", "article_title"))
    orphaned = e.get("orphaned", False)
    if type(orphaned) is not bool:
        raise ValueError("orphaned is not true or false")
    created = _time(e, "created_at")
    mark = Bookmark(
        bid, aid, block, quote[:QUOTE_CHARS], (sel[0], sel[1]) if sel else None, note,
        check_colour(colour), created, _time(e, "updated_at", created), orphaned,
    )  # fmt: skip
    return mark, title


def _read_limited(path: Path) -> bytes:
    """The bytes of a regular file within MAX_FILE_BYTES; LibraryError otherwise.
    O_NONBLOCK: opening a FIFO must not wait for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LibraryError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise LibraryError(f"{path} is not a regular file; nothing was imported")
            # The size as it is now, and a bound on the read for one that grows.
            data = b"" if st.st_size > MAX_FILE_BYTES else fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise LibraryError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES or st.st_size > MAX_FILE_BYTES:
        raise LibraryError(
            f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB, too large for a bookmarks "
            "file; nothing was imported"
        )
    return data


def _parse(path: Path, data: bytes) -> object:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LibraryError(f"{path} is not a Reader bookmarks file (not UTF-8)") from exc
    try:
        # Integers of more than 40 digits are no index or version: read as infinity
        # (refused where met) rather than letting int() refuse the whole file.
        return json.loads(text, parse_int=lambda s: int(s) if len(s) <= 40 else math.inf)
    except json.JSONDecodeError as exc:
        raise LibraryError(
            f"{path} is not a Reader bookmarks file (invalid JSON at line {exc.lineno})"
        ) from exc
    except RecursionError as exc:
        raise LibraryError(
            f"{path} is not a Reader bookmarks file (JSON nested too deeply)"
        ) from exc


def read_bookmarks_file(path: Path) -> BookmarksRead:
    """The valid bookmarks (with their article titles) of an exported file, and a
    line for each record that is not valid. LibraryError, one line naming the
    file, when the file as a whole cannot be used."""
    data = _parse(path, _read_limited(path))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryError(f"{path} is not a Reader bookmarks file")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise LibraryError(f"{path} is not a Reader bookmarks file (no valid version)")
    if version > VERSION:
        raise LibraryError(f"{path} was written by a newer Reader; nothing was imported")
    entries = data.get("bookmarks")
    if not isinstance(entries, list):
        raise LibraryError(f"{path} has no list of bookmarks; nothing was imported")
    read = BookmarksRead([], [])
    for n, e in enumerate(entries, 1):
        try:
            read.marks.append(_entry(e))
        except ValueError as exc:
            raw = e.get("id") if isinstance(e, dict) else None
            shown = normal_id(raw) if isinstance(raw, str) else None
            which = f"bookmark {n}" + (f" (id {shown[:8]})" if shown else "")
            read.invalid.append(f"{which}: {exc}")
    return read
