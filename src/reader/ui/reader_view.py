"""The reader pane: one article rendered from our own model, never raw HTML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

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

from reader.domain import Article, Block
from reader.render import PALETTES, RenderOptions, font_families, qt_column_margins
from reader.ui.document_pieces import BlockConverter, block_index, fill, text_offset, whole_text

# Reaching a far block makes Qt lay out everything before it, all at once: it is
# done this many characters per turn of the event loop (~15 ms of layout).
_LAYOUT_STEP_CHARS = 100_000


class ReaderView(QTextBrowser):
    """Shows an Article. Loads nothing from disk or network, follows no link.

    A long article is shown a piece at a time (reader.render.pieces): the first
    piece at once, the rest one per turn of the event loop, converted to the
    script shown as they go; showing another article cancels the rest. So a
    20 MB article shows its first screen at once and the window stays live.

    traps #2: returning None from loadResource lets Qt read the file itself
    (`<img src="/dev/zero">` aborts the process); an empty QByteArray stops it.
    traps #3: links are never followed here; http(s) ones are handed up as
    sig_external_link_requested for the window to confirm.
    """

    sig_external_link_requested = Signal(QUrl)
    sig_bookmark_requested = Signal(int, object)  # block index, (start, end) or None
    sig_blocks_shown = Signal(int, object)  # index of the first, the blocks (as shown)
    sig_loaded = Signal()  # the whole article is in the view

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
        self._convert: BlockConverter | None = None
        self._job: Iterator[None] | None = None  # the rest of the article, piece by piece
        self._generation = 0  # counts cancels: a job that sees it change stops
        self._steps = QTimer(self)
        self._steps.setInterval(0)  # one piece per turn of the event loop
        self._steps.timeout.connect(self._step)
        self._positions: list[int] = []  # document position of each article block shown
        self._laid_out = 0  # document position up to which layout was forced
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

    def show_article(
        self,
        article: Article | None,
        options: RenderOptions | None = None,
        convert: BlockConverter | None = None,
    ) -> None:
        """Show `article`. With `convert`, its title and metadata are shown as they
        are and its blocks through `convert`, a piece at a time; `article` then
        becomes the converted article once the last piece is in."""
        self._pending_fraction = None
        self._pending_block = None
        self._parallel = None
        self._article = article
        self._convert = convert
        if options is not None:
            self._options = options
        self._render()

    def show_parallel(
        self,
        original: Article,
        converted: Article,
        labels: tuple[str, str],
        options: RenderOptions | None = None,
        convert: BlockConverter | None = None,
    ) -> None:
        """Original and converted side by side, in one document that scrolls as one.
        With `convert`, the converted blocks come from the original's through it."""
        self._pending_fraction = None
        self._parallel = (original, labels)
        self._article = converted
        self._convert = convert
        if options is not None:
            self._options = options
        self._render()

    @property
    def ready(self) -> bool:
        """The whole article is in the view (it waits for the view to be shown)."""
        return not self._stale and self._job is None

    @property
    def loading(self) -> bool:
        """An article is being put in the view (or waits for it to show)."""
        return self._article is not None and not self.ready

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
        self._cancel()
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
        self._positions = []
        self._laid_out = 0
        self._job = self._load()
        self._step()  # the first piece now: the top of the article shows at once

    def _cancel(self) -> None:
        self._generation += 1
        self._job = None
        self._steps.stop()

    @Slot()
    def _step(self) -> None:
        job = self._job
        if job is None:
            self._steps.stop()
            return
        try:
            next(job)
        except StopIteration:
            if self._job is job:
                self._cancel()
            return
        if self._job is job and not self._steps.isActive():
            self._steps.start()

    def _load(self) -> Iterator[None]:
        """Put the article in the view an insert per step (document_pieces.fill),
        then reach a pending block."""
        generation = self._generation
        article = self._article
        assert article is not None
        shown: list[Block] = []
        steps = fill(
            self.document(),
            article,
            self._options,
            self._parallel,
            self._convert,
            self._positions,
            self._apply_margins,
        )
        for step in steps:
            self._laid_out = max(self._laid_out, self.document().characterCount() - 1)
            if step is None:
                yield  # the event loop turns
            else:
                start, blocks = step
                shown.extend(blocks)
                self.sig_blocks_shown.emit(start, list(blocks))
                yield from self._reach_pending_block()
            if self._generation != generation:
                return  # another article, or a slot showed something else
        if self._convert is not None:
            self._article = replace(article, blocks=tuple(shown))
        yield from self._reach_pending_block()
        self._job = None  # ready before anyone hears of it
        self._steps.stop()
        self.sig_loaded.emit()

    def _reach_pending_block(self) -> Iterator[None]:
        """Scroll to the pending block once it is in the view, laying the text
        before it out a step at a time."""
        index = self._pending_block
        if index is None or index >= len(self._positions):
            return
        target = self._positions[index]
        while self._laid_out + _LAYOUT_STEP_CHARS < target:
            self._laid_out += _LAYOUT_STEP_CHARS
            self._force_layout(self._laid_out)
            yield
            if self._pending_block != index:
                return  # the user went elsewhere meanwhile
        self._pending_block = None
        self._scroll_to_position(target)

    def _force_layout(self, position: int) -> None:
        layout = self.document().documentLayout()
        layout.blockBoundingRect(self.document().findBlock(position))
        self._laid_out = max(self._laid_out, position)

    def _scroll_to_position(self, position: int) -> None:
        self._laid_out = max(self._laid_out, position)
        block = self.document().findBlock(position)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(round(top))

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
        self._laid_out = 0  # new margins: laid out again

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
        if self._article is not None and not self._stale and self._positions:
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
        block = self.cursorForPosition(pos).block()
        return (block.text() if self.is_parallel else whole_text(block)).strip()

    @staticmethod
    def _article_block(block: QTextBlock) -> int | None:
        """The article block a text block shows (tagged as it was put in the view)."""
        return block_index(block)

    def block_position(self, index: int) -> int | None:
        """Where article block `index` starts in the document; None until it is in."""
        return self._positions[index] if 0 <= index < len(self._positions) else None

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

    def scroll_to_block(self, index: int) -> None:
        """Scroll to article block `index`: now if it is in the view and near what is
        laid out; else as soon as it is, a step at a time (see _reach_pending_block)."""
        self._pending_fraction = None
        self._pending_block = index
        if self._stale or index >= len(self._positions) or index < 0:
            if index < 0 or (self._job is None and not self._stale):
                self._pending_block = None  # not in this article
            return
        target = self._positions[index]
        if target - self._laid_out <= _LAYOUT_STEP_CHARS:
            self._pending_block = None
            self._scroll_to_position(target)
        elif self._job is None:
            self._job = self._reach_pending_block()
            self._step()

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
