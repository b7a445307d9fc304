"""Bookmarks, notes and reading positions, anchored to the original text.

Re-anchoring lives in reader.library.anchoring, the JSON file in
reader.library.bookmark_file; this is the store the app and the commands use.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple

from reader.domain import Article, Bookmark
from reader.library.anchoring import now, reanchor
from reader.library.bookmark_file import (
    COLS,
    QUOTE_CHARS,
    check_colour,
    export_bookmarks,
    read_bookmarks_file,
    row_to_bookmark,
)
from reader.library.bookmark_merge import MergeResult, insert, merge
from reader.library.db import LibraryError, open_read_only, write


def _new_id() -> str:
    import uuid  # here: it loads `platform`, ~10 ms of the app's start

    return uuid.uuid4().hex


__all__ = [
    "QUOTE_CHARS",
    "BookmarkGroup",
    "BookmarkStore",
    "MergeResult",
    "Position",
    "ReadingPosition",
    "quote_of",
    "reanchor",
]


class Position(NamedTuple):
    block: int
    quote: str
    fraction: float  # of the article's height, 0..1
    updated_at: str


class ReadingPosition(NamedTuple):
    article_id: str
    block: int
    quote: str
    fraction: float
    updated_at: str


class BookmarkGroup(NamedTuple):  # a NamedTuple: 10,000 are built 5 times faster
    article_id: str
    title: str  # the article's title, or the one saved with the bookmark if it is gone
    present: bool  # False: the article is not in the library (bookmarks wait for it)
    bookmarks: tuple[Bookmark, ...]


def quote_of(text: str) -> str:
    return text[:QUOTE_CHARS]


class BookmarkStore:
    """Bookmarks and reading positions through one connection. Each change is one
    BEGIN IMMEDIATE transaction, durable when it returns; a write that fails
    raises LibraryError (one line) and the caller keeps what it tried to save."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(
        self,
        article: Article,
        block: int | None,
        note: str = "",
        colour: str = "",
        selection: tuple[int, int] | None = None,
    ) -> Bookmark:
        """Bookmark the article (block None), a block, or a selection in a block
        (offsets in the original block's text). ValueError for a block or
        selection not in the article, or a colour that is not #rrggbb."""
        quote = ""
        if block is not None:
            if not 0 <= block < len(article.blocks):
                raise ValueError(f"the article has no block {block} (0–{len(article.blocks) - 1})")
            text = article.blocks[block].text
            if selection is not None and not 0 <= selection[0] < selection[1] <= len(text):
                raise ValueError(f"selection {selection} is not inside block {block}")
            quote = quote_of(text[selection[0] : selection[1]] if selection else text)
        elif selection is not None:
            raise ValueError("a selection needs its block")
        stamp = now()
        mark = Bookmark(
            _new_id(), article.id, block, quote, selection, note, check_colour(colour),
            stamp, stamp,
        )  # fmt: skip
        with write(self.conn, durable=True):
            insert(self.conn, mark, article.title)
        return mark

    def _change(self, bookmark_id: str, sql: str, *values: object) -> None:
        with write(self.conn, durable=True):
            if not self.conn.execute(
                f"UPDATE bookmarks SET {sql}, updated_at = ? WHERE id = ?",
                (*values, now(), bookmark_id),
            ).rowcount:
                raise LibraryError(f"bookmark {bookmark_id} is not in the library")

    def update_note(self, bookmark_id: str, note: str) -> None:
        self._change(bookmark_id, "note = ?", note)

    def set_colour(self, bookmark_id: str, colour: str) -> None:
        self._change(bookmark_id, "colour = ?", check_colour(colour))

    def delete(self, bookmark_id: str) -> None:
        """Hide it; undelete() brings it back until purge_deleted()."""
        self._change(bookmark_id, "deleted_at = ?", now())

    def undelete(self, bookmark_id: str) -> None:
        self._change(bookmark_id, "deleted_at = NULL")

    def purge_deleted(self, older_than_days: int = 30) -> int:
        cutoff = (datetime.now(UTC) - timedelta(days=older_than_days)).strftime(
            "%Y-%m-%dT%H:%M:%S.%fZ"
        )
        with write(self.conn):
            return self.conn.execute(
                "DELETE FROM bookmarks WHERE deleted_at IS NOT NULL AND deleted_at < ?", (cutoff,)
            ).rowcount

    def _rows(self, where: str, *args: object) -> list[tuple[Any, ...]]:
        rows = self.conn.execute(
            f"SELECT {COLS}, title FROM bookmarks WHERE deleted_at IS NULL{where}", args
        ).fetchall()
        # Sorted here, not by ORDER BY: through the index SQLite would fetch the
        # rows in random order, 1.5 times slower for 10,000 of them.
        rows.sort(key=lambda r: (r[1], r[2] is not None, r[2] or 0, r[8]))
        return rows

    def get(self, bookmark_id: str) -> Bookmark | None:
        found = self._rows(" AND id = ?", bookmark_id)
        return row_to_bookmark(found[0]) if found else None

    def for_article(self, article_id: str) -> list[Bookmark]:
        """The article's bookmarks: the whole-article ones first, then by block."""
        return [row_to_bookmark(r) for r in self._rows(" AND article_id = ?", article_id)]

    def marked_blocks(self, article_id: str) -> list[tuple[int, str]]:
        """(block, colour) of every block the article's live bookmarks mark, the
        newest bookmark's colour where several mark one block ('' for none): what
        the view paints, without building every bookmark (an article may have
        tens of thousands)."""
        # SQLite takes a bare column (colour) from the row holding the group's max():
        # one pass, no window sort (40,000 bookmarks on one article: 20-27 ms, not
        # 55-77 ms with row_number() over each block).
        rows = self.conn.execute(
            "SELECT block, colour, max(created_at) FROM bookmarks "
            "WHERE article_id = ? AND block IS NOT NULL AND deleted_at IS NULL "
            "AND orphaned = 0 GROUP BY block ORDER BY block",
            (article_id,),
        ).fetchall()
        return [(int(block), str(colour)) for block, colour, _ in rows]

    def all(self) -> list[Bookmark]:
        """Every bookmark not deleted, by article id, then as for_article."""
        return [row_to_bookmark(r) for r in self._rows("")]

    def grouped(self) -> list[BookmarkGroup]:
        """all(), grouped by article; articles in the library first, by title,
        then those whose article is absent. Titles are the ones kept with the
        bookmarks (refreshed on re-import): reading them from the articles table
        would read a page of each article."""
        present = {
            aid
            for (aid,) in self.conn.execute(
                "SELECT d.article_id FROM (SELECT DISTINCT article_id FROM bookmarks) d "
                "WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)"
            )
        }
        groups = []
        for aid, rows in groupby(self._rows(""), key=lambda r: r[1]):
            group = list(rows)
            title = max(r[11] for r in group)
            marks = tuple(row_to_bookmark(r) for r in group)
            groups.append(BookmarkGroup(aid, title, aid in present, marks))
        groups.sort(key=lambda g: (not g.present, g.title, g.article_id))
        return groups

    def resolve(self, prefix: str) -> list[str]:
        """Ids that `prefix` names (at most two: more than one is ambiguous), in
        any case, hyphens as in a uuid allowed: ids are lowercase hex, and older
        libraries may hold imported ones in capitals."""
        wanted = prefix.strip().replace("-", "").lower()
        if not wanted:
            return []
        rows = self.conn.execute(
            "SELECT id FROM bookmarks WHERE deleted_at IS NULL "
            "AND substr(replace(lower(id), '-', ''), 1, ?) = ? ORDER BY id LIMIT 2",
            (len(wanted), wanted),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def count(self) -> int:
        return int(
            self.conn.execute("SELECT count(*) FROM bookmarks WHERE deleted_at IS NULL").fetchone()[
                0
            ]
        )

    # --- reading positions ---

    def save_position(self, article_id: str, block: int, quote: str, fraction: float) -> None:
        if getattr(self.conn, "readonly", False):
            return  # a read-only library: where the user stopped is not worth an error
        with write(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO reading_positions VALUES (?, ?, ?, ?, ?)",
                (article_id, block, quote, fraction, now()),
            )

    def position(self, article_id: str) -> Position | None:
        row = self.conn.execute(
            "SELECT block, quote, fraction, updated_at FROM reading_positions WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        return Position(int(row[0]), str(row[1]), float(row[2]), str(row[3])) if row else None

    def last_position(self, before: str | None = None) -> ReadingPosition | None:
        """Where "Continue reading" goes: the latest position of an article still
        here, other than `before` (the article open now: the one read before it)."""
        row = self.conn.execute(
            "SELECT p.article_id, p.block, p.quote, p.fraction, p.updated_at "
            "FROM reading_positions p JOIN articles a ON a.id = p.article_id "
            "WHERE p.article_id IS NOT ? "
            "ORDER BY p.updated_at DESC LIMIT 1",
            (before,),
        ).fetchone()
        if row is None:
            return None
        return ReadingPosition(str(row[0]), int(row[1]), str(row[2]), float(row[3]), str(row[4]))

    # --- export, import, salvage ---

    def export_json(self, path: Path) -> int:
        return export_bookmarks(self.conn, path)

    def import_json(self, path: Path) -> MergeResult:
        """Merge an exported file (reader.library.bookmark_merge): its valid records
        in batches; those not valid are left out and named in `invalid`."""
        read = read_bookmarks_file(path)
        result = merge(self.conn, ((m, title, None) for m, title in read.marks))
        return result._replace(invalid=tuple(read.invalid))

    def salvage(self, damaged: Path) -> int:
        """After a backup replaced a damaged library: merge in the bookmarks and
        reading positions that can still be read from the damaged file (only
        read). Returns how many were newer than the backup's; 0 if unreadable."""
        try:
            src = open_read_only(damaged)
            try:
                marks = src.execute(f"SELECT {COLS}, title, deleted_at FROM bookmarks").fetchall()
                places = src.execute("SELECT * FROM reading_positions").fetchall()
            finally:
                src.close()
        except sqlite3.Error:
            return 0  # those pages are damaged too: the backup's copy stands
        added, updated, *_ = merge(
            self.conn, ((row_to_bookmark(r), str(r[11]), r[12]) for r in marks)
        )
        moved = 0
        with write(self.conn):
            for place in places:
                moved += self.conn.execute(
                    "INSERT INTO reading_positions VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) "
                    "DO UPDATE SET block = excluded.block, quote = excluded.quote, fraction = "
                    "excluded.fraction, updated_at = excluded.updated_at "
                    "WHERE excluded.updated_at > reading_positions.updated_at",
                    tuple(place),
                ).rowcount
        return added + updated + moved
