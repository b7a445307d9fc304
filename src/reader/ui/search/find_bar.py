"""Hits in the open article: found with the library's folding, all highlighted, stepped through.

The finder looks at the document as shown (any script: folding makes 幹部 and
干部 one), block by block, and marks the hits with extra selections, so the
rendered article itself is never changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.chinese.folding import Folder
from reader.library.search import hit_spans, parse_terms

_ALL = QColor(255, 230, 120)
PAINTED = 5000  # hits marked at most (all are stepped through); Qt slows past this
_CURRENT = QColor(255, 160, 60)


class HitFinder(QObject):
    """The hits of some terms in a text view's document; one of them is current."""

    sig_changed = Signal(int, int)  # current (0-based, -1: none), count

    def __init__(self, view: QTextEdit, folder: Folder) -> None:
        super().__init__(view)
        self.view = view
        self.folder = folder
        self.terms: tuple[str, ...] = ()
        self.hits: list[tuple[int, int]] = []  # document positions (start, end)
        self.current = -1
        self._seen = -1  # start of the last block looked at; -1: none

    def set_terms(self, terms: tuple[str, ...], go_first: bool = True) -> None:
        self.terms = terms
        self.current = -1
        self.refresh()
        if go_first and self.hits:
            self.go(0)

    def refresh(self, grown: bool = False) -> None:
        """Find the hits again: in the whole document, or (`grown`: the view added
        a piece at its end) only in the blocks added since the last look."""
        document = self.view.document()
        if not grown:
            self.hits = []
            self._seen = -1
        if self.terms:
            block = document.begin()
            if self._seen >= 0:
                block = document.findBlock(self._seen).next()  # looked at up to there
            while block.isValid():
                base = block.position()
                spans = hit_spans(self.folder, block.text(), self.terms)
                self.hits.extend((base + s, base + e) for s, e in spans)
                self._seen = base
                block = block.next()
        if self.current >= len(self.hits):
            self.current = len(self.hits) - 1
        self._paint()

    def clear(self) -> None:
        self.set_terms((), go_first=False)

    def go(self, index: int) -> None:
        if not self.hits:
            self._paint()
            return
        self.current = index % len(self.hits)
        start, end = self.hits[self.current]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self._paint()

    def next(self) -> None:
        self.go(self.current + 1)

    def previous(self) -> None:
        self.go(self.current - 1 if self.current >= 0 else -1)

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        fmt.setForeground(QColor(0, 0, 0))
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _paint(self) -> None:
        selections = [
            self._selection(start, end, _CURRENT if index == self.current else _ALL)
            for index, (start, end) in enumerate(self.hits[:PAINTED])
        ]
        if self.current >= PAINTED:
            selections.append(self._selection(*self.hits[self.current], _CURRENT))
        self.view.setExtraSelections(selections)
        self.sig_changed.emit(self.current, len(self.hits))


class FindBar(QWidget):
    """Find in the open article: a box, previous/next, and how many hits."""

    sig_closed = Signal()

    def __init__(self, finder: HitFinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finder = finder
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Find in article"))
        self.box.setAccessibleName(self.tr("Find in article"))
        self.box.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip(self.tr("Previous hit (Shift+F3)"))
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip(self.tr("Next hit (F3)"))
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.box.textChanged.connect(self.on_text_changed)
        self.box.returnPressed.connect(finder.next)
        previous.clicked.connect(finder.previous)
        following.clicked.connect(finder.next)
        close.clicked.connect(self.sig_closed)
        finder.sig_changed.connect(self.on_hits_changed)

    @Slot(str)
    def on_text_changed(self, text: str) -> None:
        self.finder.set_terms(parse_terms(text, self.finder.folder))

    @Slot(int, int)
    def on_hits_changed(self, current: int, count: int) -> None:
        if not self.finder.terms:
            self.count.setText("")
        elif count == 0:
            self.count.setText(self.tr("no hits"))
        else:
            self.count.setText(self.tr("{0} of {1}").format(max(current, 0) + 1, count))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.sig_closed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finder.previous()
            return
        super().keyPressEvent(event)
