"""Search in the window: Find in Library (a dock), find in the open article (a bar), F3.

One object owns the pieces and their actions; the main window connects it to
the list and the reader pane (style.md #7).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTextEdit, QToolBar, QWidget

from reader.chinese.folding import Folder
from reader.ui.search.find_bar import FindBar, HitFinder
from reader.ui.search.search_panel import SearchPanel


class SearchTools(QObject):
    sig_open_requested = Signal(str, int)  # article id, block holding the first hit

    def __init__(
        self, window: QMainWindow, reader: QTextEdit, library_path: Path, folder: Folder
    ) -> None:
        super().__init__(window)
        self.window = window
        self.reader = reader
        self.panel = SearchPanel(library_path, folder, window)
        self.dock = QDockWidget(
            QCoreApplication.translate("SearchTools", "Find in Library"), window
        )
        self.dock.setObjectName("search_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.finder = HitFinder(reader, folder)
        self.find_bar = FindBar(self.finder, window)
        self.find_toolbar = QToolBar(
            QCoreApplication.translate("SearchTools", "Find in Article"), window
        )
        self.find_toolbar.setObjectName("find_toolbar")
        self.find_toolbar.setMovable(False)
        self.find_toolbar.addWidget(self.find_bar)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_toolbar)
        self.find_toolbar.hide()
        self._go_first = False
        self.panel.sig_open_requested.connect(self.on_open_requested)
        self.find_bar.sig_closed.connect(self.close_find_bar)
        self.actions: list[QAction] = []

    def _action(self, text: str, slot: Callable[[], None], *keys: str) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work with the menu bar hidden
        self.actions.append(action)
        return action

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(
            self._action(
                QCoreApplication.translate("SearchTools", "Find in &Library…"),
                self.show_library_search,
                "Ctrl+K",
            )
        )
        menu.addAction(
            self._action(
                QCoreApplication.translate("SearchTools", "&Find in Article…"), self.show_find_bar
            )
        )
        menu.addAction(
            self._action(
                QCoreApplication.translate("SearchTools", "Find &Next"), self.finder.next, "F3"
            )
        )
        menu.addAction(
            self._action(
                QCoreApplication.translate("SearchTools", "Find &Previous"),
                self.finder.previous,
                "Shift+F3",
            )
        )

    def set_display(self, convert: Callable[[str], str] | None) -> None:
        self.panel.set_display(convert)

    def shutdown(self) -> None:
        """Before the library closes: the search connection goes first, so that the
        last connection to close can tidy the -wal (traps.md #17)."""
        self.panel.close_connection()

    # --- slots ------------------------------------------------------------------

    @Slot()
    def show_library_search(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_box()

    @Slot()
    def show_find_bar(self) -> None:
        self.find_toolbar.show()
        self.find_bar.box.setFocus()
        self.find_bar.box.selectAll()

    @Slot()
    def close_find_bar(self) -> None:
        self.find_toolbar.hide()
        self.finder.clear()
        self.reader.setFocus()

    @Slot(str, object, int)
    def on_open_requested(self, article_id: str, terms: object, block: int) -> None:
        """A result was chosen: the window opens it, then the hits are marked."""
        self.finder.terms = tuple(terms) if isinstance(terms, tuple) else ()
        self._go_first = True
        self.sig_open_requested.emit(article_id, block)
        self.on_blocks_shown(0)

    @Slot(int, object)
    def on_blocks_shown(self, first: int = 0, _blocks: object = None) -> None:
        """The reader pane showed some of its article: from the top (a new
        rendering) or a further piece of a long one."""
        if not self.finder.terms:
            return
        self.finder.refresh(grown=first > 0)
        if self._go_first and self.finder.hits:
            self._go_first = False
            self.finder.go(0)

    def find(self, filter_box: QWidget) -> None:
        """Ctrl+F: find in the article from the reader pane (or the find bar), else
        filter the titles."""
        widget = self.window.focusWidget()
        if widget is self.reader or (widget is not None and self.find_bar.isAncestorOf(widget)):
            self.show_find_bar()
        else:
            filter_box.setFocus()
