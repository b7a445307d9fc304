"""Managing the library: the Trash, moving articles, renaming sections, read marks.

Every change is one short write transaction. Deleting moves articles to the Trash
(they keep their section, so restoring puts them back); nothing leaves the file
until the Trash is emptied, through ArticleStore.delete_forever.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.library.articles import ArticleRow, ArticleStore, drop_if_empty
from reader.library.db import write
from reader.library.sections import find_or_make, rename

_CHUNK = 500  # ids per statement, well under SQLite's limit on parameters


def _chunks(ids: Sequence[str]) -> Iterable[tuple[list[str], str]]:
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        yield chunk, ", ".join("?" * len(chunk))


@dataclass(frozen=True)
class TrashedRow:
    id: str
    title: str
    published: str | None
    trashed_at: str
    section_id: int


def _flip(conn: sqlite3.Connection, ids: Sequence[str], to_trash: bool) -> list[str]:
    """Set or clear trashed_at; returns the ids whose state changed."""
    value = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" if to_trash else "NULL"
    state = "IS NULL" if to_trash else "IS NOT NULL"
    changed: list[str] = []
    with write(conn):
        for chunk, marks in _chunks(ids):
            rows = conn.execute(
                f"UPDATE articles SET trashed_at = {value} "
                f"WHERE trashed_at {state} AND id IN ({marks}) RETURNING id",
                chunk,
            ).fetchall()
            changed += [str(r[0]) for r in rows]
    return changed


def trash(conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    """Move articles to the Trash; returns the ids that were moved (not already there)."""
    return _flip(conn, ids, to_trash=True)


def restore(conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    """Take articles out of the Trash, back into their sections."""
    return _flip(conn, ids, to_trash=False)


def trashed(conn: sqlite3.Connection) -> list[TrashedRow]:
    """What the Trash holds, most recently deleted first."""
    rows = conn.execute(
        "SELECT id, title, published, trashed_at, section_id FROM articles "
        "WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, title, id"
    ).fetchall()
    return [TrashedRow(str(i), str(t), p, str(d), int(s)) for i, t, p, d, s in rows]


def trashed_rows(conn: sqlite3.Connection, offset: int, limit: int) -> list[ArticleRow]:
    """A page of the Trash as rows of the article list."""
    rows = conn.execute(
        "SELECT id, section_id, title, published, read FROM articles "
        "WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, title, id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return [ArticleRow(str(i), int(s), str(t), p, bool(r)) for i, s, t, p, r in rows]


def empty_trash(store: ArticleStore) -> int:
    """Delete for good everything in the Trash; returns how many articles went."""
    ids = [r.id for r in trashed(store.conn)]
    return store.delete_forever(ids) if ids else 0


def with_notes(conn: sqlite3.Connection, ids: Sequence[str]) -> list[str]:
    """Those of `ids` that have bookmarks or notes (deleting them asks first)."""
    found: list[str] = []
    for chunk, marks in _chunks(ids):
        rows = conn.execute(
            "SELECT DISTINCT article_id FROM bookmarks "
            f"WHERE deleted_at IS NULL AND article_id IN ({marks})",
            chunk,
        ).fetchall()
        found += [str(r[0]) for r in rows]
    return found


def move(conn: sqlite3.Connection, ids: Sequence[str], path: tuple[str, ...]) -> int:
    """Move articles into the section at `path` (names in any script), made if
    missing; sections left empty go. Returns the section's id."""
    if not path or not all(name.strip() for name in path):
        raise ValueError("a section needs a name at every level")
    with write(conn):
        target = 0
        for name in path:
            target = find_or_make(conn, target, name.strip(), None)
        left: set[int] = set()
        for chunk, marks in _chunks(ids):
            rows = conn.execute(
                f"SELECT section_id FROM articles WHERE id IN ({marks})", chunk
            ).fetchall()
            left |= {int(r[0]) for r in rows}
            conn.execute(
                f"UPDATE articles SET section_id = ? WHERE id IN ({marks})", [target, *chunk]
            )
        for section in left - {target}:
            drop_if_empty(conn, section)
    return target


def rename_section(conn: sqlite3.Connection, section_id: int, name: str) -> int:
    """Rename a section; the same name in the other script as a sibling's merges
    the two. Returns the id the section has now."""
    with write(conn):
        return rename(conn, section_id, name)


def set_read(conn: sqlite3.Connection, ids: Sequence[str], read: bool) -> None:
    with write(conn):
        for chunk, marks in _chunks(ids):
            conn.execute(f"UPDATE articles SET read = ? WHERE id IN ({marks})", [int(read), *chunk])
