"""The bookmarks file: the JSON that export writes, import reads, and every
backup leaves beside its copy of the library (readable without SQLite)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.domain import Bookmark
from reader.library.anchoring import now
from reader.library.db import LibraryError, fsync_path

FORMAT, VERSION = "reader-bookmarks", 1
COLS = (
    "id, article_id, block, quote, sel_start, sel_end, note, colour, created_at, updated_at, "
    "orphaned"
)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def row_to_bookmark(row: tuple[Any, ...]) -> Bookmark:
    # SQLite hands back the stored types; no conversions: the panel builds 10,000.
    # Columns after the eleventh (COLS) are ignored.
    bid, aid, block, quote, start, end, note, colour, created, updated, orphaned = row[:11]
    selection = None if start is None else (start, end)
    return Bookmark(
        bid, aid, block, quote, selection, note, colour, created, updated, bool(orphaned)
    )


def check_colour(colour: str) -> str:
    if colour and not _COLOUR.fullmatch(colour):
        raise ValueError(f"{colour!r} is not a #rrggbb colour")
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


def _time(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("a time is missing")
    when = datetime.fromisoformat(value)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _entry(e: object) -> tuple[Bookmark, str]:
    if not isinstance(e, dict):
        raise ValueError("not an object")
    bid, aid, block, sel = e.get("id"), e.get("article_id"), e.get("block"), e.get("selection")
    if not isinstance(bid, str) or not _ID.fullmatch(bid):
        raise ValueError("no valid id")
    if not isinstance(aid, str) or not aid:
        raise ValueError("no article_id")
    if block is not None and (type(block) is not int or block < 0):
        raise ValueError("block is not a block index")
    if sel is not None and not (
        isinstance(sel, list) and len(sel) == 2 and all(type(x) is int for x in sel)
        and 0 <= sel[0] < sel[1]
    ):  # fmt: skip
        raise ValueError("selection is not [start, end]")
    texts = [e.get(k, "") for k in ("quote", "note", "colour", "article_title")]
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("quote, note, colour and article_title must be text")
    created = _time(e.get("created_at"))
    mark = Bookmark(
        bid, aid, block, texts[0], tuple(sel) if sel else None, texts[1], check_colour(texts[2]),
        created, _time(e.get("updated_at", created)), bool(e.get("orphaned", False)),
    )  # fmt: skip
    return mark, texts[3]


def read_bookmarks_file(path: Path) -> list[tuple[Bookmark, str]]:
    """The bookmarks (with their article titles) of an exported file. LibraryError,
    one line naming the file, for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise LibraryError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LibraryError(f"{path} is not a Reader bookmarks file (not UTF-8)") from exc
    except json.JSONDecodeError as exc:
        raise LibraryError(
            f"{path} is not a Reader bookmarks file (invalid JSON at line {exc.lineno})"
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryError(f"{path} is not a Reader bookmarks file")
    if type(data.get("version")) is not int or data["version"] > VERSION:
        raise LibraryError(f"{path} was written by a newer Reader; nothing was imported")
    entries = data.get("bookmarks")
    if not isinstance(entries, list):
        raise LibraryError(f"{path} has no list of bookmarks; nothing was imported")
    marks = []
    for n, e in enumerate(entries, 1):
        try:
            marks.append(_entry(e))
        except (TypeError, ValueError) as exc:
            raise LibraryError(
                f"{path}: bookmark {n} is not valid ({exc}); nothing was imported"
            ) from exc
    return marks
