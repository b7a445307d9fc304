"""Bookmarks, notes and reading positions in the window."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from reader.domain import Article, Bookmark
from reader.library import LibraryError
from reader.library.bookmarks import BookmarkStore, MergeResult
from reader.ui.plain_text import show_warning

if TYPE_CHECKING:  # made when the panel is first asked for
    from reader.ui.bookmarks.bookmarks_model import BookmarksModel
    from reader.ui.bookmarks.bookmarks_panel import BookmarksPanel

log = logging.getLogger(__name__)

DEFAULT_MARK = "#f3e3a6"  # a bookmarked paragraph without a colour of its own
_POSITION_DELAY_MS = 700  # save the reading position once scrolling settles
_QUOTE_CHARS = 24


class BookmarkTools(QObject):
    sig_marks_changed = Signal()  # the open article's marked blocks changed
    sig_open_requested = Signal(str, object)  # article id, block index or None
    sig_position_due = Signal()  # scrolling settled: the reading position should be saved
    sig_imported = Signal(bool)  # a bookmarks file was merged (False: it could not be)

    def __init__(self, window: QMainWindow, conn: sqlite3.Connection) -> None:
        super().__init__(window)
        self._window = window
        self.store = BookmarkStore(conn)
        self._conn = conn
        self._article: Article | None = None  # the original of the open article
        self._deleted: list[Bookmark] = []  # for undo, newest last
        self._dock: QDockWidget | None = None
        self._panel: BookmarksPanel | None = None
        self._model: BookmarksModel | None = None
        self._transform: Callable[[str], str] | None = None  # to the display script
        self.bookmark_action = QAction(self.tr("&Bookmark Article"), self)
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark_action.triggered.connect(self.on_bookmark_article)
        self.panel_action = QAction(self.tr("&Bookmarks"), self, checkable=True)
        self.panel_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.panel_action.toggled.connect(self.on_panel_toggled)
        self.continue_action = QAction(self.tr("&Continue Reading"), self)
        self.continue_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.continue_action.triggered.connect(self.on_continue)
        self.export_action = QAction(self.tr("Export &Bookmarks…"), self)
        self.export_action.triggered.connect(self.on_export)
        self.import_action = QAction(self.tr("Import Boo&kmarks…"), self)
        self.import_action.triggered.connect(self.on_import)
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(_POSITION_DELAY_MS)
        self._position_timer.timeout.connect(self.sig_position_due)
        for action in (self.bookmark_action, self.panel_action, self.continue_action):
            window.addAction(action)

    def fill_file_menu(self, menu: QMenu) -> None:
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)

    def fill_view_menu(self, menu: QMenu) -> None:
        menu.addAction(self.panel_action)

    def fill_go_menu(self, menu: QMenu) -> None:
        menu.addAction(self.continue_action)
        menu.addAction(self.bookmark_action)

    # --- the panel ------------------------------------------------------------

    @property
    def model(self) -> BookmarksModel:
        if self._model is None:
            from reader.ui.bookmarks.bookmarks_model import BookmarksModel

            self._model = BookmarksModel(self._save_note, self)
            self._model.set_transform(self._transform)
        return self._model

    @property
    def panel(self) -> BookmarksPanel:
        if self._panel is None:
            from reader.ui.bookmarks.bookmarks_panel import BookmarksPanel

            self._panel = BookmarksPanel(self.model)
            self._panel.sig_open.connect(self.on_open_bookmark)
            self._panel.sig_delete.connect(self.on_delete)
            self._panel.sig_undo.connect(self.on_undo)
            self._dock = QDockWidget(self.tr("Bookmarks"), self._window)
            self._dock.setObjectName("bookmarks")
            self._dock.setWidget(self._panel)
            self._dock.hide()
            self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._dock)
            self._window.resizeDocks([self._dock], [360], Qt.Orientation.Horizontal)
            self._dock.visibilityChanged.connect(self.panel_action.setChecked)
        return self._panel

    def panel_visible(self) -> bool:
        return self._dock is not None and self._dock.isVisible()

    @Slot(bool)
    def on_panel_toggled(self, checked: bool) -> None:
        panel = self.panel
        assert self._dock is not None
        self._dock.setVisible(checked)
        if checked:
            # The panel shows at once; its thousands of rows fill in on the next
            # turn of the event loop (~0.1-0.2 s for 10,000 bookmarks).
            panel.status.setText(self.tr("Loading bookmarks…"))
            QTimer.singleShot(0, self.refresh_panel)
            panel.filter_box.setFocus()

    def refresh_panel(self) -> None:
        if self._panel is None:
            return
        marks = self.store.all()
        ids = sorted({m.article_id for m in marks})
        titles: dict[str, str] = {}
        for start in range(0, len(ids), 500):  # one query per 500 articles
            chunk = ids[start : start + 500]
            rows = self._conn.execute(
                f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            titles.update({str(i): str(t) for i, t in rows})
        self.model.set_bookmarks(marks, titles)
        self._panel.refreshed()
        self._panel.status.setText(self.tr("{0} bookmarks.").format(len(marks)))

    def _save_note(self, mark: Bookmark, note: str) -> bool:
        try:
            self.store.update_note(mark.id, note)
        except (LibraryError, sqlite3.Error) as exc:
            log.warning("note not saved: %s", exc)
            self._say(self.tr("The note could not be saved ({0}); it is kept here.").format(exc))
            return False
        if self._article is not None and mark.article_id == self._article.id:
            self.sig_marks_changed.emit()
        return True

    def _say(self, message: str) -> None:
        if self._panel is not None:
            self._panel.status.setText(message)
        self._window.statusBar().showMessage(message, 10000)

    @Slot(object)
    def on_open_bookmark(self, mark: Bookmark) -> None:
        self.sig_open_requested.emit(mark.article_id, mark.block)

    @Slot(object)
    def on_delete(self, mark: Bookmark) -> None:
        try:
            self.store.delete(mark.id)
        except (LibraryError, sqlite3.Error) as exc:
            self._say(self.tr("The bookmark could not be deleted ({0}).").format(exc))
            return
        self._deleted.append(mark)
        self.panel.undo_button.setEnabled(True)
        self._say(self.tr("Bookmark deleted. Undo with Ctrl+Z."))
        self.refresh_panel()
        self.sig_marks_changed.emit()

    @Slot()
    def on_undo(self) -> None:
        if not self._deleted:
            return
        mark = self._deleted.pop()
        try:
            self.store.undelete(mark.id)
        except (LibraryError, sqlite3.Error) as exc:
            self._deleted.append(mark)
            self._say(self.tr("The bookmark could not be restored ({0}).").format(exc))
            return
        self.panel.undo_button.setEnabled(bool(self._deleted))
        self.refresh_panel()
        self.sig_marks_changed.emit()

    # --- adding ---------------------------------------------------------------

    def set_transform(self, transform: Callable[[str], str] | None) -> None:
        """Titles and passages follow the display script (None: as stored)."""
        self._transform = transform
        if self._model is not None:
            self._model.set_transform(transform)

    def passage(self, block: int, selection: tuple[int, int] | None) -> str:
        """The text a bookmark of the open article is for, in the display script."""
        if self._article is None or not 0 <= block < len(self._article.blocks):
            return ""
        text = self._article.blocks[block].text
        if selection is not None:
            text = text[selection[0] : selection[1]]
        return self._transform(text) if self._transform is not None else text

    def set_article(self, article: Article | None) -> None:
        self._article = article

    def marks(self) -> tuple[tuple[int, str], ...]:
        if self._article is None:
            return ()
        return tuple(
            (block, colour or DEFAULT_MARK)
            for block, colour in self.store.marked_blocks(self._article.id)
        )

    def add(
        self,
        block: int | None,
        note: str = "",
        colour: str = "",
        selection: tuple[int, int] | None = None,
    ) -> Bookmark | None:
        if self._article is None:
            return None
        try:
            mark = self.store.add(self._article, block, note, colour, selection)
        except (LibraryError, sqlite3.Error) as exc:
            self._say(self.tr("The bookmark could not be saved ({0}).").format(exc))
            return None
        self.refresh_panel()
        self.sig_marks_changed.emit()
        return mark

    @Slot()
    def on_bookmark_article(self) -> None:
        if self.add(None) is not None:
            self._say(self.tr("Article bookmarked."))

    @Slot(int, object)
    def on_bookmark_requested(self, block: int, selection: object) -> None:
        from reader.ui.bookmarks.bookmark_dialog import BookmarkDialog

        chosen = selection if isinstance(selection, tuple) else None
        dialog = BookmarkDialog(self._window, self.passage(block, chosen))
        if dialog.exec() and self.add(block, dialog.note(), dialog.colour(), chosen) is None:
            dialog.keep_for_retry()

    # --- reading position -----------------------------------------------------

    def schedule_position(self) -> None:
        self._position_timer.start()

    def save_position(self, block: int | None, fraction: float) -> None:
        article = self._article
        if article is None:
            return
        quote = ""
        if block is not None and 0 <= block < len(article.blocks):
            quote = article.blocks[block].text[:_QUOTE_CHARS]
        try:
            self.store.save_position(article.id, block if block is not None else 0, quote, fraction)
        except (LibraryError, sqlite3.Error) as exc:
            log.warning("reading position not saved: %s", exc)

    @Slot()
    def on_continue(self) -> None:
        # The article open now is where the user is: continue the one before it.
        current = self._article.id if self._article is not None else None
        last = self.store.last_position(before=current)
        if last is not None:
            self.sig_open_requested.emit(last[0], last[1])

    # --- export and import ----------------------------------------------------

    @Slot()
    def on_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export Bookmarks"), self.tr("bookmarks.json"), "JSON (*.json)"
        )
        if name:
            try:
                self.store.export_json(Path(name))
            except (LibraryError, OSError) as exc:
                show_warning(self._window, self.tr("Export Bookmarks"), str(exc))
                return
            self._say(self.tr("Bookmarks exported to {0}.").format(name))

    @Slot()
    def on_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Import Bookmarks"), "", "JSON (*.json)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Merge a bookmarks file, off the UI thread (40,000 bookmarks take seconds)
        on a connection of its own; sig_imported says when it is done."""
        from reader.library.db import connect
        from reader.ui.background import collector_paused, in_background, writing_in_background

        library: Path | None = getattr(self._conn, "library_path", None)
        if library is None:
            return

        def work() -> MergeResult:
            conn = connect(library)
            try:
                with collector_paused(), writing_in_background():
                    return BookmarkStore(conn).import_json(path)
            finally:
                conn.close()

        def failed(exc: BaseException) -> None:
            reason = str(exc) if isinstance(exc, (LibraryError, OSError)) else repr(exc)
            self._say(self.tr("The bookmarks could not be imported: {0}").format(reason))
            self.sig_imported.emit(False)

        if library is None:  # not a library file (a test's memory database): here and now
            try:
                result = self.store.import_json(path)
            except (LibraryError, OSError) as exc:
                failed(exc)
                return
            self._imported(result)
            return
        self._say(self.tr("Importing bookmarks…"))
        in_background(self, work, self._imported, failed)

    def _imported(self, result: MergeResult) -> None:
        message = self.tr("{0} bookmarks added, {1} updated, {2} already here.").format(
            result.added, result.updated, result.skipped
        )
        if result.renamed:
            message += " " + self.tr(
                "{0} got a new id: theirs belongs to a bookmark on another article."
            ).format(result.renamed)
        if result.invalid:
            message += " " + self.tr("{0} not valid and left out; the first: {1}.").format(
                len(result.invalid), result.invalid[0]
            )
        self._say(message)
        self.refresh_panel()
        self.sig_marks_changed.emit()
        self.sig_imported.emit(True)
