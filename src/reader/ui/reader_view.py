"""The reader pane: one article rendered from our own model, never raw HTML."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlock,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.domain import Article
from reader.render import (
    PALETTES,
    RenderOptions,
    font_families,
    heading_anchor,
    qt_column_margins,
    render_article,
    render_parallel,
)


class ReaderView(QTextBrowser):
    """Shows an Article. Loads nothing from disk or network, follows no link.

    traps #2: returning None from loadResource lets Qt read the file itself
    (`<img src="/dev/zero">` aborts the process); an empty QByteArray stops it.
    traps #3: links are never followed here; http(s) ones are handed up as
    sig_external_link_requested for the window to confirm.
    """

    sig_external_link_requested = Signal(QUrl)
    sig_bookmark_requested = Signal(int, object)  # block index, (start, end) or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setSearchPaths([])
        self.anchorClicked.connect(self.on_anchor_clicked)
        self._article: Article | None = None
        self._options = RenderOptions()
        self._stale = False  # an article waits to be rendered until the view shows
        self._parallel: tuple[Article, tuple[str, str]] | None = None
        self._pending_block: int | None = None
        # A position restored before the text is fully laid out (at start-up) is
        # re-applied as the scroll range grows, until the user scrolls.
        self._pending_fraction: float | None = None
        self.verticalScrollBar().rangeChanged.connect(self.on_range_changed)
        self.verticalScrollBar().actionTriggered.connect(self.on_user_scrolled)
        self.setAccessibleName(self.tr("Article"))

    # --- safety -----------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl) -> object:  # Qt override
        return QByteArray()

    def setSource(self, name: QUrl, type: object = None) -> None:  # Qt override
        # Never navigate: a file: or http: source would replace the article.
        return

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.sig_external_link_requested.emit(url)

    # --- content ----------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def options(self) -> RenderOptions:
        return self._options

    def show_article(self, article: Article | None, options: RenderOptions | None = None) -> None:
        self._pending_fraction = None
        self._pending_block = None
        self._parallel = None
        self._article = article
        if options is not None:
            self._options = options
        self._render()

    def show_parallel(
        self,
        original: Article,
        converted: Article,
        labels: tuple[str, str],
        options: RenderOptions | None = None,
    ) -> None:
        """Original and converted side by side, in one document that scrolls as one."""
        self._pending_fraction = None
        self._parallel = (original, labels)
        self._article = converted
        if options is not None:
            self._options = options
        self._render()

    @property
    def ready(self) -> bool:
        """The article is rendered (it waits for the view to be shown)."""
        return not self._stale

    @property
    def is_parallel(self) -> bool:
        return self._parallel is not None

    def set_options(self, options: RenderOptions) -> None:
        """Re-render with new theme, font or zoom, keeping the reading position."""
        fraction = self.scroll_fraction()
        self._options = options
        self._render()
        self.set_scroll_fraction(fraction)

    def _render(self) -> None:
        palette = PALETTES[self._options.theme]
        self._apply_palette(palette.background, palette.text)
        if self._article is None:
            self.clear()
            return
        if not self.isVisible():
            # Laying out now would be at a size the window does not have yet,
            # and be done again when it shows: render once, on showing.
            self._stale = True
            return
        self._stale = False
        families = font_families(self._article.script, self._options.font_style, self._options.lang)
        font = QFont()
        # Every CJK family in order, so Qt's own fallback never picks JP glyphs (traps #5).
        font.setFamilies(families)
        font.setPixelSize(max(8, round(self._options.base_px * self._options.zoom)))
        self.document().setDefaultFont(font)
        if self._parallel is not None:
            original, labels = self._parallel
            self.setHtml(render_parallel(original, self._article, labels, self._options))
        else:
            self.setHtml(render_article(self._article, self._options))
        self._apply_margins()
        if self._pending_block is not None:
            block, self._pending_block = self._pending_block, None
            self.scrollToAnchor(heading_anchor(block))

    def _apply_margins(self) -> None:
        """Centre the text column: root-frame margins from the viewport's width."""
        side, top = qt_column_margins(self.viewport().width(), self._options)
        if self._parallel is not None:
            side = top // 2  # two columns use the whole width
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if (fmt.leftMargin(), fmt.rightMargin(), fmt.topMargin()) == (side, side, top):
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(2 * top)
        root.setFrameFormat(fmt)

    def showEvent(self, event: object) -> None:  # Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            # After the window's layout has given this view its real size.
            QTimer.singleShot(0, self._render_if_stale)

    def _render_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self._render()

    def resizeEvent(self, event: object) -> None:  # Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._article is not None and not self._stale:
            self._apply_margins()

    def _apply_palette(self, background: str, text: str) -> None:
        pal = self.palette()
        if pal.color(QPalette.ColorRole.Base).name() == background and (
            pal.color(QPalette.ColorRole.Text).name() == text
        ):
            return  # setPalette re-polishes the widget; skip it when nothing changes
        pal.setColor(QPalette.ColorRole.Base, QColor(background))
        pal.setColor(QPalette.ColorRole.Window, QColor(background))
        pal.setColor(QPalette.ColorRole.Text, QColor(text))
        self.setPalette(pal)
        self.viewport().setAutoFillBackground(True)

    def paragraph_at(self, pos: QPoint) -> str:
        """The text of the paragraph under a point of the viewport, as shown."""
        return self.cursorForPosition(pos).block().text().strip()

    @staticmethod
    def _article_block(block: QTextBlock) -> int | None:
        """The article block a text block shows, from the b<N> anchor render puts first."""
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                if name.startswith("b") and name[1:].isdigit():
                    return int(name[1:])
            it += 1
        return None

    def block_index_at(self, pos: QPoint) -> int | None:
        return self._article_block(self.cursorForPosition(pos).block())

    def top_block_index(self) -> int | None:
        """The article block at the top of the view: where the reader is."""
        block = self.cursorForPosition(QPoint(8, 8)).block()
        while block.isValid():
            index = self._article_block(block)
            if index is not None:
                return index
            block = block.next()
        return None

    def _selection(self) -> tuple[int, tuple[int, int]] | None:
        """(block index, (start, end) within that block's text) of the selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        index = self._article_block(first)
        if index is None:
            return None
        start = cursor.selectionStart() - first.position()
        end = min(cursor.selectionEnd() - first.position(), first.length() - 1)
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
            selected = self._selection()
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

    def scroll_to_block(self, index: int) -> None:
        self._pending_fraction = None
        if self._stale:
            self._pending_block = index  # scrolled to once the text is laid out
            return
        self.scrollToAnchor(heading_anchor(index))

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
