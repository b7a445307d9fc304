"""Reading a section's rows from the library a page at a time, and pages left unread
(an old article opened alone) when they come on screen. A part of ArticleListModel."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer

from reader.library import ArticleRow
from reader.library.listing import by_keys, by_title, list_articles
from reader.library.manage import trashed_rows
from reader.ui.library_list.list_nodes import TRASH_ID, Section

if TYPE_CHECKING:
    from reader.library.title_index import TitleIndex

_Index: TypeAlias = "QModelIndex | QPersistentModelIndex"

if TYPE_CHECKING:  # what the mixin needs of the model it is part of
    from PySide6.QtCore import QAbstractItemModel as _Base
else:
    _Base = object


PAGE = 500  # articles fetched per fetchMore(): enough to fill a screen many times over
# A section's first fetch reads less: a view expanding every section (under a filter)
# reads one first page of each, and a screen shows a few dozen rows.
FIRST_PAGE = 50


class ReadingMixin(_Base):
    """Needs the model's nodes and its Qt signals (ArticleListModel)."""

    _conn: sqlite3.Connection
    _order_by: str
    _index: TitleIndex | None
    _transform: Callable[[str], str]
    _nodes: dict[int, Section]
    _loaded: dict[str, tuple[int, int]]
    _pending: set[tuple[int, int]]
    if TYPE_CHECKING:

        def _section_at(self, index: _Index) -> Section | None: ...
        def _section_index(self, node: Section) -> QModelIndex: ...
        def _article_index(self, node: Section, i: int) -> QModelIndex: ...

    def _read(self, node: Section, start: int, count: int) -> list[ArticleRow]:
        """Rows `start` to `start + count` of a section, as the list orders them."""
        if node.id == TRASH_ID:
            return trashed_rows(self._conn, start, count)
        if node.matched is not None:
            assert self._index is not None  # built with the matches
            return by_keys(self._conn, self._index.keys(node.matched[start : start + count]))
        if self._order_by == "title":
            return by_title(self._conn, node.id, start, count)
        if start and node.articles and (last := node.articles[start - 1]) is not None:
            # After the last row held rather than at an offset: every page costs the same.
            return list_articles(self._conn, node.id, 0, count, after=last)
        return list_articles(self._conn, node.id, start, count)

    def _fetch(self, node: Section, upto: int = 0) -> int:
        """Append the next page of a section's articles (or, with `upto`, the page
        holding row `upto`, the rows between left to be read when shown)."""
        have = len(node.articles)
        start = max(have, upto - upto % PAGE)
        # The short first page only when it holds `upto`: reading it for row 57 left
        # that row unread (the list's last article, an article opened by id).
        size = FIRST_PAGE if start == 0 and upto < FIRST_PAGE else PAGE
        rows = self._read(node, start, size)
        if start == have and len(rows) < size:  # a short page is the end
            node.own = have + len(rows)
        self._insert(node, start, rows)
        return len(rows)

    def _insert(self, node: Section, start: int, rows: list[ArticleRow]) -> None:
        """Append `rows` as rows `start`… of a section, the rows between left unread."""
        have = len(node.articles)
        if not rows:
            return
        first = len(node.children) + have
        self.beginInsertRows(self._section_index(node), first, first + start - have + len(rows) - 1)
        node.articles.extend([None] * (start - have))
        node.titles.extend([""] * (start - have))
        node.articles.extend(rows)
        node.titles.extend(self._transform(r.title) for r in rows)
        for i, r in enumerate(rows, start):
            self._loaded[r.id] = (node.id, i)
        self.endInsertRows()

    def fetch_many(self, parents: list[QModelIndex]) -> None:
        """fetchMore for several sections at once; under a filter, the first pages of
        all of them come in one query."""
        nodes = [n for p in parents if (n := self._section_at(p)) is not None]
        first = [n for n in nodes if n.matched is not None and not n.articles]
        if first and self._index is not None:
            wanted = [r for n in first for r in n.matched[:FIRST_PAGE]]  # type: ignore[index]
            rows = {r.id: r for r in by_keys(self._conn, self._index.keys(wanted))}
            ids = self._index.ids
            for node in first:
                page = [ids[r] for r in node.matched[:FIRST_PAGE]]  # type: ignore[index]
                self._insert(node, 0, [rows[a] for a in page if a in rows])
        for node in nodes:
            if node not in first and len(node.articles) < node.own:
                self._fetch(node)

    def _fill(self, node: Section, page: int) -> None:
        """Read the rows of a page left unread (see Section.articles)."""
        start = page * PAGE
        end = min(start + PAGE, len(node.articles))
        if node.articles[start] is not None and node.articles[end - 1] is not None:
            return
        rows = self._read(node, start, end - start)
        for i, r in enumerate(rows, start):
            node.articles[i] = r
            node.titles[i] = self._transform(r.title)
            self._loaded[r.id] = (node.id, i)
        if rows:
            top = self._article_index(node, start)
            bottom = self.createIndex(len(node.children) + start + len(rows) - 1, 1, node.id)
            self.dataChanged.emit(top, bottom)

    def _fill_later(self, node_id: int, row: int) -> None:
        key = (node_id, row // PAGE)
        if key not in self._pending:
            self._pending.add(key)
            QTimer.singleShot(0, self, lambda: self._fill_pending(key))

    def _fill_pending(self, key: tuple[int, int]) -> None:
        if key in self._pending:  # not dropped by a reset meanwhile
            self._pending.discard(key)
            node = self._nodes.get(key[0])
            if node is not None and key[1] * PAGE < len(node.articles):
                self._fill(node, key[1])

    def _row_at(self, node: Section, i: int) -> ArticleRow | None:
        """Row `i` of a section, read now if it was left for later."""
        if node.articles[i] is None:
            self._fill(node, i // PAGE)
        return node.articles[i]
