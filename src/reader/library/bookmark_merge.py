"""Merging bookmarks from elsewhere into the library: an exported file, or what
could still be read from a damaged library.

- A bookmark is the same one when its id *and* its article match; then the newer
  updated_at wins. An id that belongs to a bookmark on another article never
  replaces it: the incoming bookmark gets a new id, derived from its article and
  its old id, so that importing the file again finds it (never adds it twice).
- Another id with the same article, block, quote and note is a duplicate.
- Each bookmark is anchored to the blocks of this library before it is compared
  and stored (reader.library.anchoring); one whose article is absent waits for it.
- Batches of BATCH bookmarks, each one short BEGIN IMMEDIATE transaction: the app
  and other commands wait at most one batch, never the whole file. An interrupted
  merge keeps the batches done; merging again adds nothing twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple

from reader.domain import Bookmark
from reader.library.anchoring import Anchor, Finder, Wanted, now
from reader.library.bookmark_file import COLS, derived_id
from reader.library.db import LibraryError, write
from reader.library.stored_text import unpack_blocks

BATCH = 500
_FINDERS_KEPT = 16  # articles whose blocks stay parsed between batches
_CLASHES = 8  # derived ids tried before a random one

Item = tuple[Bookmark, str, "str | None"]  # bookmark, article title, deleted_at
Key = tuple["int | None", str, str]  # block, quote, note: what makes a duplicate


class MergeResult(NamedTuple):
    added: int
    updated: int
    skipped: int  # already in the library
    renamed: int = 0  # added or updated under a new id: theirs was another article's
    invalid: tuple[str, ...] = ()  # records of a file left out, one line each


class _Held(NamedTuple):
    """What the library holds under an id."""

    article_id: str
    block: int | None
    quote: str
    note: str
    deleted_at: str | None
    updated_at: str


_INSERT = f"INSERT INTO bookmarks ({COLS}, title, deleted_at) VALUES (?{', ?' * 12})"


def insert(
    conn: sqlite3.Connection, m: Bookmark, title: str, deleted_at: str | None = None
) -> None:
    sel = m.selection or (None, None)
    conn.execute(
        _INSERT,
        (m.id, m.article_id, m.block, m.quote, sel[0], sel[1], m.note, m.colour,
         m.created_at, m.updated_at, int(m.orphaned), title, deleted_at),
    )  # fmt: skip


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, BATCH)):
        yield chunk


class _Merger:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.stamp = now()
        # article id -> (its blocks as stored, a Finder on them), the latest used
        self._finders: OrderedDict[str, tuple[str, Finder]] = OrderedDict()
        self._keys: dict[str, Counter[Key]] = {}  # live bookmarks' keys, per article
        self._ids: dict[str, _Held | None] = {}  # this batch's ids: what holds them
        self._pending: dict[str, tuple[object, ...]] = {}  # rows to insert, by id
        self.added = self.updated = self.skipped = self.renamed = 0

    def _finder(self, article_id: str) -> Finder | None:
        query = "SELECT blocks FROM articles WHERE id = ?"
        row = self.conn.execute(query, (article_id,)).fetchone()
        cached = self._finders.get(article_id)
        if row is None:
            self._finders.pop(article_id, None)
            return None
        raw = unpack_blocks(row[0])
        if cached is None or cached[0] != raw:  # new to us, or re-imported meanwhile
            texts = [str(b["text"]) for b in json.loads(raw)]
            cached = (raw, Finder(texts))
            self._finders[article_id] = cached
        self._finders.move_to_end(article_id)
        while len(self._finders) > _FINDERS_KEPT:
            self._finders.popitem(last=False)
        return cached[1]

    def _anchors(self, items: list[Item]) -> list[Anchor]:
        """Each bookmark anchored to this library's blocks, every article's
        quotes searched for together."""
        # As they came (a whole-article bookmark's anchor is not looked at).
        out: list[Anchor] = [(m.block or 0, m.selection, m.orphaned) for m, _, _ in items]
        by_article: dict[str, list[int]] = {}
        for i, (m, _, _) in enumerate(items):
            if m.block is not None:
                by_article.setdefault(m.article_id, []).append(i)
        for article_id, indexes in by_article.items():
            finder = self._finder(article_id)
            if finder is None:
                continue  # the article is not here: kept as it came
            wanted: list[Wanted] = []
            for i in indexes:
                m = items[i][0]
                wanted.append((m.block or 0, m.quote, m.selection))
            for i, anchor in zip(indexes, finder.anchor_all(wanted), strict=True):
                out[i] = anchor
        return out

    def _keys_of(self, article_id: str) -> Counter[Key]:
        keys = self._keys.get(article_id)
        if keys is None:
            keys = self._keys[article_id] = Counter(
                self.conn.execute(
                    "SELECT block, quote, note FROM bookmarks "
                    "WHERE article_id = ? AND deleted_at IS NULL",
                    (article_id,),
                ).fetchall()
            )
        return keys

    def _known(self, ids: Iterable[str]) -> None:
        """What the library holds under these ids, one query for a whole batch."""
        wanted = [i for i in ids if i not in self._ids]
        for start in range(0, len(wanted), BATCH):
            part = wanted[start : start + BATCH]
            for row in self.conn.execute(
                "SELECT id, article_id, block, quote, note, deleted_at, updated_at FROM bookmarks "
                f"WHERE id IN ({','.join('?' * len(part))})",
                part,
            ):
                self._ids[row[0]] = _Held(*row[1:])
            for i in part:
                self._ids.setdefault(i, None)

    def _owner(self, mark: Bookmark) -> tuple[str, _Held | None]:
        """The id to store `mark` under, and what the library holds under that id
        for the same article (None: a new bookmark)."""
        bid = mark.id
        for _ in range(_CLASHES):
            self._known([bid])
            held = self._ids[bid]
            if held is None or held.article_id == mark.article_id:
                return bid, held
            bid = derived_id(mark.article_id, bid)  # their id is another article's
        import uuid  # here: it loads `platform`, ~10 ms of the app's start

        return uuid.uuid4().hex, None

    def merge_one(self, mark: Bookmark, anchor: Anchor, title: str, deleted: str | None) -> None:
        block, sel, orphaned = mark.block, mark.selection, mark.orphaned
        updated_at = mark.updated_at
        if block is not None and anchor != (block, sel, orphaned):
            block, sel, orphaned = anchor
            updated_at = self.stamp  # moved here: newer than the file's copy
        bid, held = self._owner(mark)
        keys = self._keys_of(mark.article_id)
        key = (block, mark.quote, mark.note)
        if held is not None:  # the same bookmark: the newer one wins
            if mark.updated_at <= held.updated_at:
                self.skipped += 1
                return
            if bid not in self._pending:  # stored by an earlier batch, or before
                self.conn.execute("DELETE FROM bookmarks WHERE id = ?", (bid,))
            if held.deleted_at is None:
                keys[(held.block, held.quote, held.note)] -= 1
            self.updated += 1
        elif deleted is None and keys[key] > 0:
            self.skipped += 1  # the same passage and note under another id
            return
        else:
            self.added += 1
        if bid != mark.id:
            self.renamed += 1
        start, end = sel or (None, None)
        self._pending[bid] = (
            bid, mark.article_id, block, mark.quote, start, end, mark.note, mark.colour,
            mark.created_at, updated_at, int(orphaned), title, deleted,
        )  # fmt: skip
        self._ids[bid] = _Held(mark.article_id, block, mark.quote, mark.note, deleted, updated_at)
        if deleted is None:
            keys[key] += 1

    def merge_batch(self, chunk: list[Item]) -> None:
        self._known(m.id for m, _, _ in chunk)
        # Those the library holds as new or newer are skipped before any anchoring
        # (importing a file again costs lookups only). Safe ahead of the batch: what
        # the library holds under an id only gets newer.
        todo = []
        for item in chunk:
            _, held = self._owner(item[0])
            if held is not None and item[0].updated_at <= held.updated_at:
                self.skipped += 1
            else:
                todo.append(item)
        for (mark, title, deleted), anchor in zip(todo, self._anchors(todo), strict=True):
            self.merge_one(mark, anchor, title, deleted)
        self.conn.executemany(_INSERT, self._pending.values())
        self._pending.clear()
        self._ids.clear()  # the next batch asks the library again

    def result(self) -> MergeResult:
        return MergeResult(self.added, self.updated, self.skipped, self.renamed)


def merge(conn: sqlite3.Connection, items: Iterable[Item]) -> MergeResult:
    """Merge `items` in batches (see the module's docstring). A batch that cannot
    be written raises LibraryError saying how many were merged before it."""
    merger = _Merger(conn)
    done = 0
    for chunk in _batches(items):
        try:
            with write(conn, durable=True):
                merger.merge_batch(chunk)
        except LibraryError as exc:
            if not done:
                raise
            raise LibraryError(
                f"{exc} (the {done} bookmarks before it were merged; merging again adds "
                "the rest, nothing twice)"
            ) from exc
        done += len(chunk)
    return merger.result()
