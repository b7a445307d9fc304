"""Read and unread in the list: an article marked shows in its new weight at once,
and the unread counts of its section and every section above it follow, without
reading the library again. A part of ArticleListModel."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt

from reader.ui.library_list.list_nodes import TRASH_ID, Section

if TYPE_CHECKING:  # what the mixin needs of the model it is part of
    from PySide6.QtCore import QAbstractItemModel as _Base
else:
    _Base = object


class ReadMarksMixin(_Base):
    """Needs the model's nodes and its Qt signals (ArticleListModel)."""

    _nodes: dict[int, Section]
    _loaded: dict[str, tuple[int, int]]
    if TYPE_CHECKING:

        def _label(self, node: Section) -> None: ...
        def _section_index(self, node: Section) -> QModelIndex: ...
        def _article_index(self, node: Section, i: int) -> QModelIndex: ...

    def is_read(self, article_id: str) -> bool:
        """Whether the list shows the article as read; False if it is not loaded yet."""
        where = self._loaded.get(article_id)
        if where is None:
            return False
        row = self._nodes[where[0]].articles[where[1]]
        return row is not None and row.read

    def set_read(self, article_id: str, read: bool = True) -> None:
        """Show an article as read or unread; the caller has already written it down."""
        where = self._loaded.get(article_id)
        if where is None:
            return  # not fetched yet: it will be read from the library when it is
        node = self._nodes[where[0]]
        row = node.articles[where[1]]
        if row is None or row.read == read:
            return
        node.articles[where[1]] = replace(row, read=read)
        index = self._article_index(node, where[1])
        self.dataChanged.emit(index, index.siblingAtColumn(1), [Qt.ItemDataRole.FontRole])
        if node.id == TRASH_ID:
            return
        step = -1 if read else 1
        node.unread = max(0, node.unread + step)
        while node.id:  # the counts of every section above it
            node.unread_total = max(0, node.unread_total + step)
            self._label(node)
            section = self._section_index(node)
            self.dataChanged.emit(section, section.siblingAtColumn(1))
            node = self._nodes[node.up]
