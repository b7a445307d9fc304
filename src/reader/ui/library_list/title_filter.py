"""The title filter box: any script finds any script, Esc clears, Down enters the list,
and "No matches" is said when nothing is left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout

from reader.ui.plain_text import plain_label

if TYPE_CHECKING:
    from reader.ui.library_list.article_list_model import ArticleListModel
    from reader.ui.library_list.article_tree import ArticleTree


class FilterBox(QLineEdit):
    """The box itself: Esc clears it, Down asks to enter the list, focus is told.

    Its own key and focus handlers, not an event filter: a Python event filter is
    handed every event as a plain QEvent, and PySide6 then builds the Python type of
    every QEvent subclass to find each one's (1.5 MB and ~2 ms at start-up)."""

    sig_focused = Signal()
    sig_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.sig_down.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusInEvent(event)
        self.sig_focused.emit()


class TitleFilter(QObject):
    def __init__(self, box: FilterBox, tree: ArticleTree, model: ArticleListModel) -> None:
        super().__init__(box)
        self._box, self._tree, self._model = box, tree, model
        # Said inside the empty list, not above it: a label in the list's column
        # resized the list as it came and went, and the list was laid out and
        # painted twice on that keystroke.
        self.no_matches: QLabel = plain_label(None, self.tr("No matches"), False)
        self.no_matches.setAccessibleName(self.tr("Filter result"))
        self.no_matches.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_matches.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.no_matches.hide()
        inside = QVBoxLayout(tree.viewport())
        inside.setContentsMargins(8, 12, 8, 0)
        inside.addWidget(self.no_matches)
        inside.addStretch(1)
        self._kept: str | None = None  # the article current before the last change
        box.textChanged.connect(self.on_text_changed)
        box.sig_down.connect(self.enter_list)
        box.sig_focused.connect(self.on_focused)

    @Slot()
    def on_focused(self) -> None:
        # The titles are read once, as the user starts to type.
        QTimer.singleShot(0, self._model, self._model.prepare_filter)

    @Slot()
    def enter_list(self) -> None:
        """Focus the list at the current article, else the first one shown."""
        index = self._tree.currentIndex()
        if not index.isValid() or self._model.article_id(index) is None:
            index = self._model.neighbour_article(QModelIndex(), 1)
        self._tree.setFocus(Qt.FocusReason.TabFocusReason)
        if index.isValid():
            self._tree.setCurrentIndex(index)
            self._tree.scrollTo(index)

    @Slot(str)
    def on_text_changed(self, text: str) -> None:
        # A query that matched nothing left no current row: the article current
        # before it is the one to come back to.
        current = self._model.article_id(self._tree.currentIndex()) or self._kept
        with self._tree.scroll_bar_held():
            self._model.set_filter(text)
            self._tree.expand_sections(None if text.strip() else 1)
        self.no_matches.setVisible(bool(text.strip()) and self._model.rowCount() == 0)
        self._kept = current
        if current is not None:
            index = self._model.index_of_article(current)
            if index.isValid():
                self._tree.selectionModel().setCurrentIndex(
                    index, self._tree.selectionModel().SelectionFlag.ClearAndSelect
                )
                if not text.strip():
                    # Back where the user was, its sections opened (QTreeView's
                    # scrollTo expands them): the list showed the top sections only,
                    # and the open article hidden in one of them.
                    self._tree.scrollTo(index)
