"""The reader pane's document: an article put in a piece at a time, found by block.

A long article is shown a piece at a time (document_pieces.fill): the first
piece at once, the rest one per turn of the event loop, converted to the
script shown as they go; showing another article cancels the rest. So a 20 MB
article shows its first screen at once and the window stays live. An article
too tall for Qt's layout (2^23 px) is shown in parts that link to each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.domain import Article, Block
from reader.render import PALETTES, RenderOptions, font_families, qt_column_margins
from reader.ui.fonts import REGULAR_STYLE
from reader.ui.own_viewport import give_own_viewport
from reader.ui.reading.block_scrolling import BlockScrolling
from reader.ui.reading.document_pieces import (
    BlockConverter,
    append_piece,
    fill,
    part_link,
)

# Qt's text layout breaks past 2^23 px (8,388,608) of document height: positions
# past it read as 0 and, in a table (side by side), blockBoundingRect crashes.
# A 20 MB article reaches it side by side, or zoomed in, or in a narrow window.
# So a document is filled up to _PART_HEIGHT and goes on in a next part (a link
# at its end); a resize that would take it past _MAX_HEIGHT shows it again.
_PART_HEIGHT = 5_000_000
_MAX_HEIGHT = 7_500_000


def line_width(viewport: int, options: RenderOptions, side_by_side: bool) -> int:
    """The width lines are laid out in, in a view this wide."""
    side, top = qt_column_margins(viewport, options)
    return max(1, (viewport - top) // 2 if side_by_side else viewport - 2 * side)


class ArticleDocumentView(BlockScrolling, QTextBrowser):
    """Shows an Article in pieces; knows where each of its blocks is."""

    sig_blocks_shown = Signal(int, object)  # index of the first, the blocks (as shown)
    sig_loaded = Signal()  # the whole article (or part) is in the view
    sig_article_painted = Signal()  # once: the first time an article was painted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        viewport = give_own_viewport(self, text_browser=True)  # see reader.ui.own_viewport
        # QTextEdit lays the document out for the viewport it made: now this one.
        self.document().documentLayout().setPaintDevice(viewport)
        self.setReadOnly(True)
        self._painted_article = False
        self._article: Article | None = None
        self._options = RenderOptions()
        self._stale = False  # an article waits to be rendered until the view shows
        # The CJK families of the article last rendered (the list follows them).
        self.reading_families: list[str] | None = None
        self._parallel: tuple[Article, tuple[str, str]] | None = None
        self._convert: BlockConverter | None = None
        self._job: Iterator[None] | None = None  # the rest of the article, piece by piece
        self._generation = 0  # counts cancels: a job that sees it change stops
        self._steps = QTimer(self)
        self._steps.setInterval(0)  # one piece per turn of the event loop
        self._steps.timeout.connect(self._step)
        self._positions: dict[int, int] = {}  # article block -> where it starts
        self._laid_out = 0  # document position up to which layout was forced
        self._first_block = 0  # the part shown starts at this block…
        self._next_part: int | None = None  # … and the next one here (None: to the end)
        self._height = (0.0, 1)  # document height when last measured, at this text width
        self._pending_block: int | None = None
        # A position restored before the text is fully laid out (at start-up) is
        # re-applied as the scroll range grows, until the user scrolls.
        self._pending_fraction: float | None = None

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
        self._pending_block = None
        self._show(article, None, options, convert)

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
        self._show(converted, (original, labels), options, convert)

    def _show(
        self,
        article: Article | None,
        parallel: tuple[Article, tuple[str, str]] | None,
        options: RenderOptions | None,
        convert: BlockConverter | None,
    ) -> None:
        self._pending_fraction = None
        self._article, self._parallel, self._convert = article, parallel, convert
        self._first_block = 0
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

    def _render(self) -> None:
        self._cancel()
        palette = PALETTES[self._options.theme]
        self._apply_palette(palette.background, palette.text)
        if self._article is None:
            self.clear()
            return
        families = font_families(self._article.script, self._options.font_style, self._options.lang)
        self.reading_families = families
        if not self.isVisible():
            # Laying out now would be at a size the window does not have yet,
            # and be done again when it shows: render once, on showing.
            self._stale = True
            return
        self._stale = False
        font = QFont()
        # Every CJK family in order, so Qt's own fallback never picks JP glyphs (traps #5).
        font.setFamilies(families)
        font.setStyleName(REGULAR_STYLE)  # bold text is the regular face emboldened
        font.setPixelSize(max(8, round(self._options.base_px * self._options.zoom)))
        self.document().setDefaultFont(font)
        back = max(0, self._first_block - max(1, self._part_size))  # the part before
        self._positions = {}
        self._laid_out = 0
        self._next_part = None
        if self._first_block > 0:  # a later part: a way back first
            self.setHtml(part_link(self.tr("↑ The previous part of this article"), back))
            self._apply_margins()
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
        up to _PART_HEIGHT; then reach a pending block."""
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
            self._first_block,
            started=self._first_block > 0,
        )
        complete = True
        for step in steps:
            self._laid_out = max(self._laid_out, self.document().characterCount() - 1)
            if step is not None:
                start, blocks = step
                shown.extend(blocks)
                self.sig_blocks_shown.emit(start, list(blocks))
            if self._measure() > _PART_HEIGHT:
                complete = self._end_part(step is not None)
                if not complete:
                    break
            if step is None:
                yield  # the event loop turns
            else:
                yield from self._reach_pending_block()
            if self._generation != generation:
                return  # another article, or a slot showed something else
        if self._convert is not None and complete and self._first_block == 0:
            self._article = replace(article, blocks=tuple(shown))
        yield from self._reach_pending_block()
        self._job = None  # ready before anyone hears of it
        self._steps.stop()
        wanted = self._pending_block
        if wanted is not None and self._next_part is not None and wanted >= self._next_part:
            self._first_block = wanted  # asked for while loading, past this part
            self._render()
            return
        self.sig_loaded.emit()

    @property
    def _part_size(self) -> int:
        """Blocks in the part shown (or that would be)."""
        return (self._next_part or len(self._source_blocks())) - self._first_block

    def _source_blocks(self) -> tuple[Block, ...]:
        source = self._parallel[0] if self._parallel is not None else self._article
        return source.blocks if source is not None else ()

    def _measure(self) -> float:
        """The document's height (laid out as it is filled), and note the width."""
        bottom = self.document().documentLayout().blockBoundingRect(self.document().lastBlock())
        self._height = (bottom.bottom(), self._text_width())
        return self._height[0]

    def _text_width(self, viewport: int | None = None) -> int:
        """The width lines are laid out in, for a viewport this wide (now's)."""
        viewport = self.viewport().width() if viewport is None else viewport
        return line_width(viewport, self._options, self._parallel is not None)

    def _end_part(self, between_runs: bool) -> bool:
        """The document is as tall as a part may be: end it with a link to the next.
        Returns True if nothing is left to show (this part is the rest)."""
        shown = max(self._positions, default=self._first_block)
        count = len(self._source_blocks())
        if between_runs:  # every block begun is in whole
            following, label = shown + 1, self.tr("↓ The next part of this article")
        elif shown > self._first_block:  # the last one may be cut: it starts the next part
            following = shown
            label = self.tr("↓ The rest of this paragraph, and the next part of this article")
        else:  # one block taller than a part
            following = shown + 1
            label = self.tr(
                "This paragraph is too long to show in full at this size: zoom out, widen "
                "the window or turn Side by Side off to read it all."
            )
            if following < count:
                label += " " + self.tr("↓ The next part of this article")
        if following >= count and between_runs:
            return True
        self._next_part = following
        append_piece(self.document(), part_link(label, min(following, count - 1)), False)
        return False

    def _show_part(self, block: int) -> None:
        """Show the part of the article that starts at `block`, from its top."""
        self._first_block = max(0, min(block, len(self._source_blocks()) - 1))
        self._pending_block = None
        self._pending_fraction = None
        self._render()

    def show_part(self, block: int) -> None:
        """Show the part of a very long article that starts at `block`."""
        self._show_part(block)

    @property
    def next_part(self) -> int | None:
        """Where the next part of a very long article starts (None: all is shown)."""
        return self._next_part

    @property
    def first_block(self) -> int:
        """The block the part shown starts at (0 unless a very long article)."""
        return self._first_block

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

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override (the viewport's)
        super().paintEvent(event)
        if not self._painted_article and self._article is not None:
            self._painted_article = True
            self.sig_article_painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override (the viewport's)
        if self._article is not None and not self._stale and self._positions:
            height, width = self._height
            if height * width / self._text_width(event.size().width()) > _MAX_HEIGHT:
                # Narrower, the text would grow past what Qt can lay out: show it
                # again from where the reader is (found in the layout Qt still
                # has), cut in parts for the new width.
                top = self.top_block_index()
                self._first_block = top if top is not None else self._first_block
                self._pending_block = self._first_block
                super().resizeEvent(event)
                self._render()
                return
        super().resizeEvent(event)
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

    @Slot(QUrl)
    def on_part_link(self, url: QUrl) -> bool:
        """A link between parts of a very long article: shows the part. True if it was one."""
        if url.scheme() != "reader" or not url.path().startswith("part:"):
            return False
        number = url.path()[len("part:") :]
        if number.isdigit():
            self._show_part(int(number))
        return True
