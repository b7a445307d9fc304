"""Noticing that another process (the command line, a second window) changed the
library, and re-reading the list without losing the user's place in it."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeView

    from reader.ui.library_list.article_list_model import ArticleListModel

POLL_MS = 1000


class LibraryWatcher(QObject):
    """Polls SQLite's data_version, which changes when any other connection commits.

    The query reads a counter from the WAL index: no lock, no file access of our
    own, a few microseconds, so polling it once a second on the UI thread costs
    nothing the user could notice. Our own connection's writes do not count: the
    window already shows what it wrote. While one of the app's own jobs writes the
    library off the UI thread (ui/background.writing_in_background), a change is
    left until the job ends, and then followed once: nothing another process did
    meanwhile is missed.
    """

    sig_changed = Signal()

    def __init__(self, conn: sqlite3.Connection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._version = self._read()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _read(self) -> int | None:
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None  # closed or busy: try again at the next tick

    @Slot()
    def poll(self) -> None:
        from reader.ui.background import writing_now  # loaded after the start, not during it

        if writing_now():
            return  # the baseline stays: the next poll after the job sees the change
        version = self._read()
        if version is not None and version != self._version:
            self._version = version
            self.sig_changed.emit()

    def stop(self) -> None:
        self._timer.stop()


def reload_keeping_view(tree: QTreeView, model: ArticleListModel) -> None:
    """Re-read the article list, keeping what the user sees: the expanded
    sections, the current article and the scroll position."""
    expanded = {sid for sid, index in model.section_indexes() if tree.isExpanded(index)}
    current = model.article_id(tree.currentIndex())
    scrolled = tree.verticalScrollBar().value()
    model.reload()
    for sid in expanded:
        index = model.index_of_section(sid)
        if index.isValid():
            tree.setExpanded(index, True)
    if current is not None:
        index = model.index_of_article(current)
        if index.isValid():
            tree.selectionModel().setCurrentIndex(
                index, tree.selectionModel().SelectionFlag.ClearAndSelect
            )
    tree.verticalScrollBar().setValue(scrolled)


def around(model: ArticleListModel, article_id: str) -> list[str]:
    """The articles after and before `article_id` in the list: where to move on to
    when it leaves the list."""
    index = model.index_of_article(article_id)
    found = (model.article_id(model.neighbour_article(index, step)) for step in (1, -1))
    return [other for other in found if other is not None]


def listed(model: ArticleListModel, article_id: str) -> bool:
    """In the library and not in the Trash."""
    index = model.index_of_article(article_id)
    return index.isValid() and not model.in_trash(index)
