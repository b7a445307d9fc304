"""The bookmarks panel: every bookmark by article, a filter, notes edited in place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.domain import Bookmark
from reader.ui.bookmarks.bookmarks_model import BookmarksModel
from reader.ui.plain_text import plain_label, protect_view


class BookmarksPanel(QWidget):
    sig_open = Signal(object)  # Bookmark
    sig_delete = Signal(object)  # Bookmark
    sig_undo = Signal()

    def __init__(self, model: BookmarksModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Bookmarks"))
        self.model = model
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter bookmarks and notes"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName(self.tr("Filter bookmarks and notes"))
        self.view = QTreeView(self)
        self.view.setModel(model)
        self.view.setAccessibleName(self.tr("Bookmarks"))
        self.view.setUniformRowHeights(True)
        protect_view(self.view)  # notes and quotes in tooltips are text (traps #16)
        self.setMinimumWidth(300)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.view.header()
        header.setSectionResizeMode(BookmarksModel.EXCERPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BookmarksModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(BookmarksModel.NOTE, 120)
        header.setSectionResizeMode(BookmarksModel.DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            BookmarksModel.DATE, self.fontMetrics().horizontalAdvance("0000-00-00") + 12
        )
        self.status = plain_label(self)  # messages quote notes and file names
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.undo_button = QPushButton(self.tr("&Undo Delete"), self)
        self.undo_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.filter_box.textChanged.connect(self.on_filter)
        self.view.activated.connect(self.on_activated)
        self.view.clicked.connect(self.on_activated)
        self.delete_button.clicked.connect(self.on_delete)
        self.undo_button.clicked.connect(self.sig_undo)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.on_delete)
        undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo_key.activated.connect(self.sig_undo)

    def refreshed(self) -> None:
        """After the model was refilled: groups open, so passages show at once."""
        if self.model.group_count() <= 200:
            self.view.expandAll()

    @Slot(str)
    def on_filter(self, text: str) -> None:
        self.model.set_filter(text)
        self.refreshed()

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        mark = self.model.bookmark(index)
        if mark is not None and index.column() != BookmarksModel.NOTE:
            self.sig_open.emit(mark)

    def current(self) -> Bookmark | None:
        return self.model.bookmark(self.view.currentIndex())

    @Slot()
    def on_delete(self) -> None:
        mark = self.current()
        if mark is not None:
            self.sig_delete.emit(mark)
