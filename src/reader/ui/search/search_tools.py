"""Search in the window: Find in Library (a dock), find in the open article (a bar), F3.

One object owns the pieces and their actions; the main window connects it to
the list and the reader pane (style.md #7).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTextEdit, QToolBar, QWidget

from reader.chinese.folding import Folder

if TYPE_CHECKING:
    from reader.ui.search.find_bar import FindBar, HitFinder
    from reader.ui.search.search_panel import SearchPanel


class SearchTools(QObject):
    """The dock and the find bar are made when first asked for: most starts use
    neither, and making them (and importing the search engine) took start-up time."""

    sig_open_requested = Signal(str, int)  # article id, block holding the first hit

    def __init__(
        self, window: QMainWindow, reader: QTextEdit, library_path: Path, folder: Folder
    ) -> None:
        super().__init__(window)
        self.window = window
        self.reader = reader
        self._library_path = library_path
        self._folder = folder
        self._display: Callable[[str], str] | None = None
        self._panel: SearchPanel | None = None
        self._dock: QDockWidget | None = None
        self._finder: HitFinder | None = None
        self._find_bar: FindBar | None = None
        self._find_toolbar: QToolBar | None = None
        self._go_first = False
        self.actions: list[QAction] = []

    # --- the parts, made on first use ---------------------------------------------

    @property
    def panel(self) -> SearchPanel:
        if self._panel is None:
            from reader.ui.search.search_panel import SearchPanel

            panel = SearchPanel(self._library_path, self._folder, self.window)
            panel.set_display(self._display)
            dock = QDockWidget(
                QCoreApplication.translate("SearchTools", "Find in Library"), self.window
            )
            dock.setObjectName("search_dock")
            dock.setWidget(panel)
            self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            dock.hide()
            panel.sig_open_requested.connect(self.on_open_requested)
            self._panel, self._dock = panel, dock
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        _ = self.panel
        assert self._dock is not None
        return self._dock

    @property
    def finder(self) -> HitFinder:
        if self._finder is None:
            from reader.ui.search.find_bar import HitFinder

            self._finder = HitFinder(self.reader, self._folder)
        return self._finder

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from reader.ui.search.find_bar import FindBar

            bar = FindBar(self.finder, self.window)
            toolbar = QToolBar(
                QCoreApplication.translate("SearchTools", "Find in Article"), self.window
            )
            toolbar.setObjectName("find_toolbar")
            toolbar.setMovable(False)
            toolbar.addWidget(bar)
            self.window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, toolbar)
            toolbar.hide()
            bar.sig_closed.connect(self.close_find_bar)
            self._find_bar, self._find_toolbar = bar, toolbar
        return self._find_bar

    @property
    def find_toolbar(self) -> QToolBar:
        _ = self.find_bar
        assert self._find_toolbar is not None
        return self._find_toolbar

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
                QCoreApplication.translate("SearchTools", "Find &Next"), self.find_next, "F3"
            )
        )
        menu.addAction(
            self._action(
                QCoreApplication.translate("SearchTools", "Find &Previous"),
                self.find_previous,
                "Shift+F3",
            )
        )

    def set_display(self, convert: Callable[[str], str] | None) -> None:
        self._display = convert
        if self._panel is not None:
            self._panel.set_display(convert)

    @Slot()
    def library_changed(self) -> None:
        """Articles were trashed, restored or moved: the results shown are asked again."""
        panel = self._panel
        if panel is not None and self.dock.isVisible() and panel.box.text().strip():
            panel.search_now()

    def shutdown(self) -> None:
        """Before the library closes: the search connection goes first, so that the
        last connection to close can tidy the -wal (traps.md #17)."""
        if self._panel is not None:
            self._panel.close_connection()

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

    @Slot()
    def find_next(self) -> None:
        self.finder.next()

    @Slot()
    def find_previous(self) -> None:
        self.finder.previous()

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
        if self._finder is None or not self._finder.terms:
            return
        self.finder.refresh(grown=first > 0)
        if self._go_first and self.finder.hits:
            self._go_first = False
            self.finder.go(0)

    def find(self, filter_box: QWidget) -> None:
        """Ctrl+F: find in the article from the reader pane (or the find bar), else
        filter the titles."""
        widget = self.window.focusWidget()
        bar = self._find_bar
        in_bar = bar is not None and widget is not None and bar.isAncestorOf(widget)
        if widget is self.reader or in_bar:
            self.show_find_bar()
        else:
            filter_box.setFocus()
