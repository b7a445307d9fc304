"""The main window's side of the library changing: imports (the menu, dropped
files), and changes made elsewhere (the command line, this window's list actions),
which the list, the search results, the bookmarks and the reader pane follow.

A mixin of MainWindow; its strings keep MainWindow's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from reader.ui.library_list.library_watch import around, listed, reload_keeping_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from reader.domain import Article
    from reader.library.ingest import ImportReport
    from reader.render import RenderOptions
    from reader.ui.bookmarks.bookmark_tools import BookmarkTools
    from reader.ui.dialogs.import_runner import ImportRunner
    from reader.ui.library_list.article_list_model import ArticleListModel
    from reader.ui.library_list.article_tree import ArticleTree
    from reader.ui.reading.outline import OutlinePanel
    from reader.ui.reading.reader_view import ReaderView
    from reader.ui.search.search_tools import SearchTools


class LibraryFollowing:
    # What the window has (MainWindow sets them).
    tree: ArticleTree
    model: ArticleListModel
    reader: ReaderView
    outline: OutlinePanel
    bookmarks: BookmarkTools
    search: SearchTools
    imports: ImportRunner
    _current: Article | None

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...
        def setWindowTitle(self, title: str) -> None: ...
        def open_article(self, article_id: str) -> bool: ...
        def on_redisplay(self) -> None: ...
        def render_options(self) -> RenderOptions: ...

    def import_paths(self, paths: list[Path]) -> None:
        if paths and not self.imports.start(paths):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "An import is already running."), 5000
            )

    def reload_list(self) -> None:
        reload_keeping_view(self.tree, self.model)

    def on_library_changed(self) -> None:
        """Another process changed the library: the list, its counts and the
        bookmarks follow, without a restart; an open article that went to the Trash
        (or for good) gives way to its neighbour, as after a delete in the list."""
        current = self._current.id if self._current is not None else None
        neighbours = around(self.model, current) if current is not None else []
        self.reload_list()
        self.search.library_changed()
        if self.bookmarks.panel_visible():
            self.bookmarks.refresh_panel()
        if current is not None and not listed(self.model, current):
            following = next((a for a in neighbours if listed(self.model, a)), None)
            if following is None or not self.open_article(following):
                self._show_nothing()
            return
        if self._current is not None:
            marks = self.bookmarks.marks()
            if marks != self.reader.options.marks:
                self.on_redisplay()

    def _show_nothing(self) -> None:
        self._current = None
        self.bookmarks.set_article(None)
        self.reader.show_article(None, self.render_options())
        self.outline.set_article(None)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Reader"))

    def on_import_finished(self, report: ImportReport) -> None:
        current = self.reader.article.id if self.reader.article is not None else None
        self.reload_list()
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "{0} added, {1} updated, {2} already in the library, {3} failed"
            ).format(report.added, report.updated, report.unchanged, len(report.failures)),
            10000,
        )
        target = report.last_id if report.added else current
        if target is not None:
            self.open_article(target)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
