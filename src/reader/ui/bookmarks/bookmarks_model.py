"""Every bookmark, grouped by article: a small two-level model, held in memory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.domain import Bookmark

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
_GROUP = 0xFFFFFFFF  # internalId of a group row; a bookmark row stores its group's row
# Computed once: a tree view asks flags() of every one of 10,000 rows, and
# combining Qt's Python enums costs microseconds each time.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NOTE_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_PAGE = 500  # groups handed to the view at a time, so 10,000 bookmarks open at once


def _as_is(text: str) -> str:
    return text


@dataclass
class _Group:
    article_id: str
    title: str
    bookmarks: list[Bookmark] = field(default_factory=list)


class BookmarksModel(QAbstractItemModel):
    """Columns: excerpt (or article title), note (editable), date."""

    BOOKMARK_ROLE = Qt.ItemDataRole.UserRole + 1
    EXCERPT, NOTE, DATE = range(3)

    def __init__(
        self,
        save_note: Callable[[Bookmark, str], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save_note = save_note  # returns False when the note could not be stored
        self._all: list[Bookmark] = []
        self._titles: dict[str, str] = {}
        self._groups: list[_Group] = []
        self._shown = 0  # groups handed to the view so far: 500 at a time
        self._filter = ""
        # Titles and passages are shown in the display script (None: as stored).
        self._show: Callable[[str], str] = _as_is
        # Notes typed but not stored (disk full, library read-only): kept and shown
        # until a later save succeeds, so the user's words are never lost.
        self.drafts: dict[str, str] = {}

    # --- content -------------------------------------------------------------

    def set_bookmarks(self, bookmarks: list[Bookmark], titles: dict[str, str]) -> None:
        self._all = bookmarks
        self._titles = titles
        self._rebuild()

    def set_transform(self, transform: Callable[[str], str] | None) -> None:
        """Show titles and passages through `transform` (the display script)."""
        self.beginResetModel()
        self._show = transform or _as_is
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().casefold()
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        groups: dict[str, _Group] = {}
        needle = self._filter
        for mark in self._all:
            title = self._titles.get(mark.article_id, "")
            if needle and not any(
                needle in text.casefold()
                for text in (
                    mark.note,
                    mark.quote,
                    title,
                    self._show(mark.quote),
                    self._show(title),
                )
            ):
                continue
            group = groups.get(mark.article_id)
            if group is None:
                shown = title or self.tr("Article not in the library ({0})").format(
                    mark.article_id[:8]
                )
                group = groups[mark.article_id] = _Group(mark.article_id, shown)
            group.bookmarks.append(mark)
        self._groups = sorted(groups.values(), key=lambda g: g.title)
        for group in self._groups:
            group.bookmarks.sort(key=lambda b: (b.block is not None, b.block or 0, b.created_at))
        self._shown = min(_PAGE, len(self._groups))
        self.endResetModel()

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._groups)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = min(_PAGE, len(self._groups) - self._shown)
        if more > 0:
            self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
            self._shown += more
            self.endInsertRows()

    def bookmark(self, index: _Index) -> Bookmark | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId()].bookmarks[index.row()]

    def index_of(self, bookmark_id: str) -> QModelIndex:
        for g, group in enumerate(self._groups):
            for row, mark in enumerate(group.bookmarks):
                if mark.id == bookmark_id:
                    while g >= self._shown and self.canFetchMore(QModelIndex()):
                        self.fetchMore(QModelIndex())
                    return self.createIndex(row, 0, g)
        return QModelIndex()

    def group_count(self) -> int:
        return len(self._groups)

    # --- QAbstractItemModel --------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _NO_INDEX) -> QModelIndex:
        # Bounds checked here, not with hasIndex(): this runs once per row on reset.
        if column < 0 or column > 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= self._shown:
                return QModelIndex()
            return self.createIndex(row, column, _GROUP)
        if parent.internalId() != _GROUP or row >= len(self._groups[parent.row()].bookmarks):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, child: _Index | None = None) -> QModelIndex:  # type: ignore[override]
        if child is None or not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _GROUP)

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        if not parent.isValid():
            return self._shown
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].bookmarks)
        return 0

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Passage"), self.tr("Note"), self.tr("Date"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.EXCERPT:
                return f"{self._show(group.title)} ({len(group.bookmarks)})"
            return None
        mark = self._groups[index.internalId()].bookmarks[index.row()]
        if role == self.BOOKMARK_ROLE:
            return mark
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == self.EXCERPT:
                if mark.block is None:
                    return self.tr("The whole article")
                lost = self.tr(" (passage not found)") if mark.orphaned else ""
                return f"{self._show(mark.quote)}…{lost}"
            if index.column() == self.NOTE:
                draft = self.drafts.get(mark.id)
                if draft is None:
                    return mark.note
                if role == Qt.ItemDataRole.EditRole:
                    return draft
                return self.tr("{0} (not saved)").format(draft)
            return mark.created_at[:10]
        if role == Qt.ItemDataRole.ToolTipRole:
            return mark.note or self._show(mark.quote)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if index.column() == 1 and index.internalId() != _GROUP:  # the note
            return _NOTE_FLAGS
        return _ROW_FLAGS

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        mark = self.bookmark(index)
        if mark is None or index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        note = str(value)
        if note == mark.note and mark.id not in self.drafts:
            return False
        if not self._save_note(mark, note):
            self.drafts[mark.id] = note
            self.dataChanged.emit(index, index)
            return False
        self.drafts.pop(mark.id, None)
        from dataclasses import replace

        group = self._groups[index.internalId()]
        group.bookmarks[index.row()] = replace(mark, note=note)
        self._all = [replace(b, note=note) if b.id == mark.id else b for b in self._all]
        self.dataChanged.emit(index, index)
        return True
