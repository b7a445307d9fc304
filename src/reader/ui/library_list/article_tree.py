"""The article list's view: a tree that reads more rows wherever a section ends on screen.

QTreeView asks the model for more rows (fetchMore) only at the bottom of the whole
tree, so a big section above another one stopped at the pages read when it was
expanded. This view looks, after every scroll and resize, at the rows on screen:
where a section's last row read is visible and the section holds more, it reads
the next page of that section.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from reader.ui.fonts import emboldened
from reader.ui.library_list.article_list_model import ArticleListModel, unread_text
from reader.ui.own_viewport import give_own_viewport
from reader.ui.plain_text import protect_view

# Fewer characters of a title than this beside the dates, and the dates give way.
TITLE_CHARS = 6


class ArticleTree(QTreeView):
    sig_delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        give_own_viewport(self)  # see reader.ui.own_viewport
        self.setUniformRowHeights(True)  # fast layout at 100,000 rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(False)
        self.header().setStretchLastSection(False)
        self._date_width = 0  # set by fit_date_column
        self._scroll_when_shown: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None
        self._scroll_when_shown = None  # see scrollTo
        # What is measured in the list's font is measured once that font is set
        # (fit_to_font), or when the list shows: the window sets the list's font
        # after making it, and measuring in the interface font first opened a CJK
        # sans face and a bold Latin one at every start, for nothing.
        self._fitted_to: QFont | None = None
        protect_view(self)  # titles in tooltips are text, never markup (traps #16)
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self.fetch_visible)
        # Not connected to QTimer.start itself: valueChanged(int) chose start(msec),
        # and scrolling to row 2,000 waited 2 s (and every later check as long)
        # before the rows there were read.
        self.verticalScrollBar().valueChanged.connect(self._look_soon)
        self.expanded.connect(self._look_soon)

    def _look_soon(self, *_: object) -> None:
        """Look for rows to read once the view has settled (see fetch_visible)."""
        self._check.start()

    def keep_laid_out_text(self) -> None:
        """From now on, paint plain cells from text laid out once (list_delegate): a
        paint of the list costs a fifth less. The window asks once its first frame
        is up: the standard delegate paints that one without building the Python
        types the list's own delegate takes, and with no text to lay out first."""
        from reader.ui.library_list.list_delegate import ListDelegate

        if not isinstance(self.itemDelegate(), ListDelegate):
            self.setItemDelegate(ListDelegate(self))

    def selectionCommand(  # Qt override
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        # Moving to an article from code (n/p, opening by id, after a delete) selects
        # it alone, whatever modifier keys Qt believes are held; clicks and keys with
        # Shift or Ctrl still extend the selection.
        if event is None:
            flags = QItemSelectionModel.SelectionFlag
            return flags.ClearAndSelect | flags.Rows
        return super().selectionCommand(index, event)

    def scrollTo(  # Qt override
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        # Asked while hidden (a screenshot reopens the article before the window
        # shows), Qt measured a viewport of 30 pixels: the reopened row was left at
        # the top of the list, its section's header out of sight. The list scrolls
        # once it shows, at the size it shows at.
        if not self.isVisible():
            self._scroll_when_shown = (QPersistentModelIndex(index), hint)
            return
        super().scrollTo(index, hint)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self.fit_to_font()
        super().showEvent(event)
        if self._scroll_when_shown is not None:
            index, hint = self._scroll_when_shown
            self._scroll_when_shown = None
            if index.isValid():
                super().scrollTo(index, hint)

    def fit_to_font(self) -> None:
        """The indentation and the date column, for the list's font as it is now.
        (Not on QEvent.FontChange: a Python changeEvent() makes PySide6 build the
        Python types of Qt's events at start-up, see tests/ui/test_startup_cost.)"""
        if self._fitted_to == self.font():
            return
        self._fitted_to = QFont(self.font())
        # A narrow step per level: three levels deep the titles keep their room.
        self.setIndentation(max(10, self.fontMetrics().horizontalAdvance("中") - 2))
        self.fit_date_column()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_columns()
        self._check.start()

    def _fit_columns(self) -> None:
        """A list too narrow for titles beside dates (a dock open, a small window)
        shows titles alone: three levels deep they keep TITLE_CHARS characters.
        The dates come back when there is room; a section's count stays in its
        tooltip."""
        if self.header().count() < 2 or not self._date_width:
            return
        em = self.fontMetrics().horizontalAdvance("中")
        room = self.viewport().width() - self._date_width - 3 * self.indentation()
        narrow = room < TITLE_CHARS * em
        if narrow != self.isColumnHidden(1):
            self.setColumnHidden(1, narrow)

    def moveCursor(  # Qt override
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # End goes to the last article. Qt's own End goes to the last row laid out: in
        # a list read where it is looked at, that is a section whose rows are not read
        # yet, and reading the rows on screen then pushed it out of sight.
        model = self.model()
        if cursorAction == QAbstractItemView.CursorAction.MoveEnd and isinstance(
            model, ArticleListModel
        ):
            last = model.neighbour_article(QModelIndex(), -1)  # reads only its page
            if last.isValid():
                return last
        return super().moveCursor(cursorAction, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.matches(QKeySequence.StandardKey.Delete):
            self.sig_delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # Qt override
        if isinstance(model, ArticleListModel):
            model.held = True  # this view decides what to read: see fetch_visible
        super().setModel(model)
        if isinstance(model, ArticleListModel):
            model.modelReset.connect(self._counts_changed)  # after the view's own
        # The header's sections exist once there is a model: the titles take the
        # width the date leaves (set before, Qt forgets it and cuts titles short).
        header = self.header()
        if header.count() >= 2:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            # A fixed date column: ResizeToContents would read every loaded row at start-up.
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            if self._fitted_to is not None:  # else when the list shows
                self.fit_date_column()

    def fit_date_column(self) -> None:
        """The second column holds an article's date or a section's "N unread" (bold):
        as wide as the wider, for the most unread the list shows, at least three
        digits and at most six (more are cut; the tooltip has all). Before, three:
        a 10,000-article section showed "10001 unr…"."""
        header = self.header()
        if header.count() < 2:
            return
        self._date_width = self._date_column_width()
        header.resizeSection(1, self._date_width)
        self._fit_columns()

    def _date_column_width(self) -> int:
        model = self.model()
        most = model.most_unread if isinstance(model, ArticleListModel) else 0
        unread = unread_text("0" * min(6, max(3, len(str(most)))))
        width = max(
            self.fontMetrics().horizontalAdvance("0000-00-00"),
            QFontMetrics(emboldened(self.font())).horizontalAdvance(unread),
        )
        return width + 12

    def _counts_changed(self) -> None:
        """A reset may bring bigger counts (an import, the command line), or smaller.
        Under a filter the counts are not shown, and the column keeps its width as
        one types."""
        model = self.model()
        if self._fitted_to is None or not isinstance(model, ArticleListModel):
            return
        if not model.filtering and self._date_column_width() != self._date_width:
            self.fit_date_column()

    @contextmanager
    def scroll_bar_held(self) -> Iterator[None]:
        """A visible scroll bar stays through a reset of the model (which empties its
        range a moment, and hid it: the list resized and painted, and again when the
        rows came back). On leaving, the rows on screen are read and laid out, and
        then the range decides as before."""
        policy = self.verticalScrollBarPolicy()
        if self.verticalScrollBar().isVisible():
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        try:
            yield
        finally:
            self.executeDelayedItemsLayout()
            self.fetch_visible()
            self.executeDelayedItemsLayout()  # the range right again before it decides
            self.setVerticalScrollBarPolicy(policy)

    def expand_sections(self, depth: int | None) -> None:
        """Expand every section (None) or those down to `depth`; the rows of those on
        screen are read when the view next looks (fetch_visible), or at once inside
        scroll_bar_held."""
        if depth is None:
            self.expandAll()
        else:
            self.expandToDepth(depth)
        self._look_soon()

    def fetch_visible(self) -> None:
        """Read the next page of every section whose last row read is on screen, and
        the first page of every expanded section shown without rows, as far down as
        the rows read would leave on screen."""
        model = self.model()
        if model is None:
            return
        if isinstance(model, ArticleListModel):
            coming = model.rows_to_read
        else:
            coming = lambda parent: 1 if model.canFetchMore(parent) else 0  # noqa: E731
        bottom = self.viewport().height()
        index = self.indexAt(self.viewport().rect().topLeft())
        wanted: list[QModelIndex] = []
        pushed = 0  # how far the rows to be read push the rows below them down
        expected = 0  # how many rows they are
        seen = 0
        # First see what the screen shows, then read: reading moves rows, and laying
        # them out again for every section would cost more than the reading. Under a
        # filter every section is expanded and none holds rows yet: only those whose
        # rows would be on screen are read (reading them all laid out ~1,000 rows).
        while index.isValid() and seen < 500:  # a screen holds far fewer rows
            rect = self.visualRect(index)
            if rect.top() + pushed > bottom:
                break
            parent = index.parent()
            if index.row() == model.rowCount(parent) - 1 and (more := coming(parent)):
                wanted.append(parent)
                pushed += more * rect.height()
                expected += more
            if self.isExpanded(index) and not model.rowCount(index) and (more := coming(index)):
                wanted.append(index)
                pushed += more * rect.height()
                expected += more
            index = self.indexBelow(index)
            seen += 1
        if not wanted:
            return
        # The current row, if on screen, stays there: rows read above it (the next
        # page of a section ending on screen) would push it out of sight.
        current = self.currentIndex()
        keep = current.isValid() and self.viewport().rect().intersects(self.visualRect(current))
        had = sum(model.rowCount(parent) for parent in wanted)
        if isinstance(model, ArticleListModel):
            model.fetch_many(wanted)
        else:
            for parent in wanted:
                model.fetchMore(parent)
        if sum(model.rowCount(parent) for parent in wanted) - had < expected:
            # Fewer rows came than the screen was kept for (the library changed, or a
            # model that cannot tell): look again once they are laid out.
            self._check.start()
        if keep:
            self.scrollTo(self.currentIndex())  # the index as the rows moved it
