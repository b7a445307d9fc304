"""The title filter box: any script finds any script, Esc clears, Down enters the list,
and "No matches" is said when nothing is left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from reader.ui.plain_text import plain_label

if TYPE_CHECKING:
    from reader.ui.library_list.article_list_model import ArticleListModel
    from reader.ui.library_list.article_tree import ArticleTree


class TitleFilter(QObject):
    def __init__(self, box: QLineEdit, tree: ArticleTree, model: ArticleListModel) -> None:
        super().__init__(box)
        self._box, self._tree, self._model = box, tree, model
        self.no_matches: QLabel = plain_label(box.parentWidget(), self.tr("No matches"), False)
        self.no_matches.setAccessibleName(self.tr("Filter result"))
        self.no_matches.hide()
        box.installEventFilter(self)
        box.textChanged.connect(self.on_text_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self._box:
            if event.type() == QEvent.Type.FocusIn:
                # The titles are read once, as the user starts to type.
                QTimer.singleShot(0, self._model, self._model.prepare_filter)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape and self._box.text():
                    self._box.clear()
                    return True
                if event.key() == Qt.Key.Key_Down:
                    self.enter_list()
                    return True
        return super().eventFilter(watched, event)

    def enter_list(self) -> None:
        """Focus the list at the current article, else the first one shown."""
        index = self._tree.currentIndex()
        if not index.isValid() or self._model.article_id(index) is None:
            index = self._model.neighbour_article(QModelIndex(), 1)
        self._tree.setFocus()
        if index.isValid():
            self._tree.setCurrentIndex(index)
            self._tree.scrollTo(index)

    @Slot(str)
    def on_text_changed(self, text: str) -> None:
        current = self._model.article_id(self._tree.currentIndex())
        self._model.set_filter(text)
        self._tree.expand_sections(None if text.strip() else 1)
        self.no_matches.setVisible(bool(text.strip()) and self._model.rowCount() == 0)
        if current is not None:
            index = self._model.index_of_article(current)
            if index.isValid():
                self._tree.selectionModel().setCurrentIndex(
                    index, self._tree.selectionModel().SelectionFlag.ClearAndSelect
                )
