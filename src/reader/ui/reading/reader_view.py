"""The reader pane: one article rendered from our own model, never raw HTML."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.render import RenderOptions
from reader.ui.reading.article_document import ArticleDocumentView
from reader.ui.reading.document_pieces import document_position, text_offset, whole_text

# A passage the window points at (a finding of the conversion check): a strong
# colour with dark text, distinct from bookmark marks and the selection.
_HIGHLIGHT = ("#ffb347", "#1a1a1a")

_TOP_DELAY_MS = 80  # the outline follows this long after scrolling pauses


class ReaderView(ArticleDocumentView):
    """Shows an Article. Loads nothing from disk or network, follows no link.

    traps #2: returning None from loadResource lets Qt read the file itself
    (`<img src="/dev/zero">` aborts the process); an empty QByteArray stops it.
    traps #3: links are never followed here; http(s) ones are handed up as
    sig_external_link_requested for the window to confirm.
    """

    sig_external_link_requested = Signal(QUrl)
    sig_bookmark_requested = Signal(int, object)  # block index, (start, end) or None
    sig_top_block = Signal(int)  # the article block at the top, once scrolling pauses

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setSearchPaths([])
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.verticalScrollBar().rangeChanged.connect(self.on_range_changed)
        self.verticalScrollBar().actionTriggered.connect(self.on_user_scrolled)
        self.setAccessibleName(self.tr("Article"))
        # Where the reader is, told once per burst of scrolling, not per pixel.
        self._top_timer = QTimer(self)
        self._top_timer.setSingleShot(True)
        self._top_timer.setInterval(_TOP_DELAY_MS)
        self._top_timer.timeout.connect(self.on_top_due)
        self.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self.sig_loaded.connect(self.on_scrolled)
        self._highlight: tuple[str, int, int, int] | None = None  # article id, block, span
        self.sig_blocks_shown.connect(self.on_blocks_shown)

    @Slot()
    def on_scrolled(self) -> None:
        self._top_timer.start()  # not start(value): that would set the interval

    @Slot()
    def on_top_due(self) -> None:
        top = self.top_block_index()
        bar = self.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            # At the end the last lines are what is read, whatever is at the top.
            bottom = self.viewport().height() - 8
            top = self._article_block(self.cursorForPosition(QPoint(8, bottom)).block()) or top
        if top is not None:
            self.sig_top_block.emit(top)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        # A read-only view moves no cursor: Ctrl+Home and Ctrl+End go to the
        # article's start and end themselves (the first or last part of a very
        # long one).
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            self.go_to_start()
        elif event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            self.go_to_end()
        else:
            super().keyPressEvent(event)

    def go_to_start(self) -> None:
        if self.first_block > 0:
            self.show_part(0)
        self.set_scroll_fraction(0.0)

    def go_to_end(self) -> None:
        last = len(self._source_blocks()) - 1
        if self.next_part is not None and last >= 0:
            self.show_part(last)  # the part holding the last paragraph
        self.set_scroll_fraction(1.0)  # kept at the bottom as the rest comes in

    # --- a highlighted passage -------------------------------------------------

    def highlight(self, block: int, start: int, end: int) -> None:
        """Scroll to article block `block` and highlight its text [start, end) as
        shown (-1: the title, shown at the top); kept across re-renders of the
        same article until another passage or article is shown."""
        self.setExtraSelections([])
        if self._article is None:
            return
        if block < 0:
            self._highlight = None
            self.verticalScrollBar().setValue(0)
            return
        self._highlight = (self._article.id, block, start, end)
        self.scroll_to_block(block)
        self._apply_highlight()

    def highlighted_text(self) -> str:
        """The text highlighted now ("" if none)."""
        selections = self.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""

    @Slot(int, object)
    def on_blocks_shown(self, _start: int, _blocks: object) -> None:
        if self._highlight is not None:
            self._apply_highlight()

    def _apply_highlight(self) -> None:
        wanted = self._highlight
        if wanted is None or self._article is None or wanted[0] != self._article.id:
            self._highlight = None
            return
        _id, block, start, end = wanted
        at = self.block_position(block)
        if at is None or self.is_parallel:
            return  # not in the view yet (it is, once its piece comes in)
        document = self.document()
        cursor = QTextCursor(document)
        cursor.setPosition(document_position(document, at, start))
        cursor.setPosition(document_position(document, at, end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(_HIGHLIGHT[0]))
        fmt.setForeground(QColor(_HIGHLIGHT[1]))
        selection.format = fmt
        self.setExtraSelections([selection])

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # Qt override
        return QByteArray()

    def setSource(self, name: QUrl | str, type: object = None) -> None:  # Qt override
        # Never navigate: a file: or http: source would replace the article.
        return

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.sig_external_link_requested.emit(url)
        else:
            self.on_part_link(url)

    def set_options(self, options: RenderOptions) -> None:
        """Re-render with new theme, font or zoom, keeping the reading position."""
        fraction = self.scroll_fraction()
        self._options = options
        self._render()
        self.set_scroll_fraction(fraction)

    def paragraph_at(self, pos: QPoint) -> str:
        """The text of the paragraph under a point of the viewport, as shown."""
        block = self.cursorForPosition(pos).block()
        return (block.text() if self.is_parallel else whole_text(block)).strip()

    def block_index_at(self, pos: QPoint) -> int | None:
        return self._article_block(self.cursorForPosition(pos).block())

    def selection_in_article(self) -> tuple[int, tuple[int, int]] | None:
        """(block index, (start, end) within that block's text) of the selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self.document()
        first = text_offset(doc, cursor.selectionStart())
        if first is None:
            return None
        index, start = first
        last = text_offset(doc, cursor.selectionEnd())
        if last is not None and last[0] == index:
            end = last[1]
        else:  # the selection goes on past the block: up to its end
            end = len(whole_text(doc.findBlock(cursor.selectionStart())))
        return (index, (start, end)) if end > start else None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt override
        menu = self.createStandardContextMenu(event.pos())
        paragraph = self.paragraph_at(event.pos())
        block = self.block_index_at(event.pos())
        if paragraph:
            copy = menu.addAction(self.tr("Copy &Paragraph"))
            copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(paragraph))
        if self._article is not None and not self.is_parallel:
            menu.addSeparator()
            selected = self.selection_in_article()
            if selected is not None:
                mark = menu.addAction(self.tr("Bookmark &Selection…"))
                mark.triggered.connect(
                    lambda: self.sig_bookmark_requested.emit(selected[0], selected[1])
                )
            if block is not None:
                mark = menu.addAction(self.tr("&Bookmark Paragraph…"))
                mark.triggered.connect(lambda: self.sig_bookmark_requested.emit(block, None))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- position ---------------------------------------------------------

    def scroll_fraction(self) -> float:
        if self._pending_fraction is not None:
            return self._pending_fraction
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        fraction = max(0.0, min(1.0, fraction))
        self._pending_fraction = fraction if fraction > 0 else None
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    @Slot(int, int)
    def on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._pending_fraction is not None:
            self.verticalScrollBar().setValue(round(self._pending_fraction * maximum))

    @Slot(int)
    def on_user_scrolled(self, _action: int) -> None:
        self._pending_fraction = None
