"""Finding articles in the list: by id (reading only the page that holds it) and the
next or previous one in display order. A part of ArticleListModel."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from reader.library import ArticleRow
from reader.library.listing import place_in_section
from reader.ui.library_list.list_nodes import Section
from reader.ui.library_list.list_reading import PAGE

if TYPE_CHECKING:
    from reader.library.title_index import TitleIndex

_Index: TypeAlias = "QModelIndex | QPersistentModelIndex"

if TYPE_CHECKING:  # what the mixin needs of the model it is part of
    from PySide6.QtCore import QAbstractItemModel as _Base
else:
    _Base = object


class FindingMixin(_Base):
    """Needs the model's nodes and reading (ArticleListModel and ReadingMixin)."""

    _conn: sqlite3.Connection
    _filter: str
    _order_by: str
    _index: TitleIndex | None
    _nodes: dict[int, Section]
    _order: list[Section]
    _loaded: dict[str, tuple[int, int]]
    if TYPE_CHECKING:

        def _article_index(self, node: Section, i: int) -> QModelIndex: ...
        def _fetch(self, node: Section, upto: int = 0) -> int: ...
        def _fill(self, node: Section, page: int) -> None: ...
        def _row_at(self, node: Section, i: int) -> ArticleRow | None: ...

    def index_of_article(self, article_id: str) -> QModelIndex:
        """The article's row, reading only its own page; invalid if not shown.

        Its place in its section is counted in the library's index, so an old
        article in a big section costs what a new one does.
        """
        where = self._loaded.get(article_id)
        if where is not None:
            return self._article_index(self._nodes[where[0]], where[1])
        node, row = self._place(article_id)
        if node is None or row >= node.own:
            return QModelIndex()
        if row >= len(node.articles):
            self._fetch(node, upto=row)
        else:
            self._fill(node, row // PAGE)
        where = self._loaded.get(article_id)
        if where is None:  # the library changed under us
            return QModelIndex()
        return self._article_index(self._nodes[where[0]], where[1])

    def _place(self, article_id: str) -> tuple[Section | None, int]:
        if self._filter:
            index = self._index
            row = -1 if index is None else index.row_of(article_id)
            node = self._nodes.get(index.sections[row]) if index and row >= 0 else None
            at = -1 if node is None or node.matched is None else node.matched.position(row)
            if node is None or at < 0:
                return None, 0
            return node, at
        if self._order_by == "title":
            found = self._conn.execute(
                "SELECT section_id, folded_title FROM articles WHERE id = ? AND trashed_at IS NULL",
                (article_id,),
            ).fetchone()
            if found is None:
                return None, 0
            row = self._conn.execute(
                "SELECT count(*) FROM articles INDEXED BY articles_by_folded_title "
                "WHERE section_id = ? AND trashed_at IS NULL AND (folded_title, id) < (?, ?)",
                (found[0], found[1], article_id),
            ).fetchone()[0]
            return self._nodes.get(int(found[0])), int(row)
        place = place_in_section(self._conn, article_id)
        if place is None:
            return None, 0
        return self._nodes.get(place[0]), place[1]

    def neighbour_article(self, index: _Index, step: int) -> QModelIndex:
        """The article `step` places after (or before, if negative) `index` in display order.

        From a section, +1 is the first article shown under it and -1 the last one above
        it; from no index, the first or last article. Invalid past either end.
        """
        current = (
            QModelIndex(index)
            if isinstance(index, QModelIndex)
            else self.index(index.row(), index.column(), index.parent())
        )
        direction = 1 if step > 0 else -1
        for _ in range(abs(step)):
            current = self._step(current, direction)
            if not current.isValid():
                break
        return current

    def _step(self, index: QModelIndex, direction: int) -> QModelIndex:
        if not index.isValid():
            return self._article_from(0 if direction > 0 else len(self._order) - 1, direction)
        parent = self._nodes[index.internalId()]
        n = len(parent.children)
        if index.row() < n:  # a section: start at the edge of its subtree
            first = parent.children[index.row()].first
            return self._article_from(first if direction > 0 else first - 1, direction)
        i = index.row() - n + direction
        if direction > 0 and i >= len(parent.articles) and len(parent.articles) < parent.own:
            self._fetch(parent)
        if 0 <= i < len(parent.articles):
            self._row_at(parent, i)
            return self._article_index(parent, i)
        return self._article_from(parent.pos + direction, direction)

    def _article_from(self, pos: int, direction: int) -> QModelIndex:
        """The first article (going forwards) or last (backwards) from section `pos` on."""
        while 0 <= pos < len(self._order):
            node = self._order[pos]
            if direction > 0:
                if not node.articles and node.own:
                    self._fetch(node)
                if node.articles:
                    self._row_at(node, 0)
                    return self._article_index(node, 0)
            else:
                # The last article of a section is its oldest: only its page is read.
                if node.own and len(node.articles) < node.own:
                    self._fetch(node, upto=node.own - 1)
                if node.articles:
                    self._row_at(node, len(node.articles) - 1)
                    return self._article_index(node, len(node.articles) - 1)
            pos += direction
        return QModelIndex()
