"""Finding the article's blocks in the reader pane and scrolling to one: at once
when it is laid out, else as soon as it is, laying the text before it out a step
per turn of the event loop. A part of ArticleDocumentView."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextBlock

from reader.ui.reading.document_pieces import block_index

if TYPE_CHECKING:
    from reader.domain import Block

# Reaching a far block makes Qt lay out everything before it, all at once: it is
# done this many characters per turn of the event loop (~15 ms of layout).
_LAYOUT_STEP_CHARS = 100_000

if TYPE_CHECKING:  # what the mixin needs of the view it is part of
    from PySide6.QtWidgets import QTextBrowser as _Base
else:
    _Base = object


class BlockScrolling(_Base):
    """Needs the view's pieces and parts (ArticleDocumentView)."""

    _positions: dict[int, int]
    _laid_out: int
    _pending_block: int | None
    _pending_fraction: float | None
    _stale: bool
    _job: Iterator[None] | None
    _first_block: int
    _next_part: int | None
    if TYPE_CHECKING:

        @property
        def _part_size(self) -> int: ...
        def _source_blocks(self) -> tuple[Block, ...]: ...
        def _render(self) -> None: ...
        def _step(self) -> None: ...

    @staticmethod
    def _article_block(block: QTextBlock) -> int | None:
        """The article block a text block shows (tagged as it was put in the view)."""
        return block_index(block)

    def block_position(self, index: int) -> int | None:
        """Where article block `index` starts in the document; None until it is in."""
        return self._positions.get(index)

    def top_block_index(self) -> int | None:
        """The article block at the top of the view: where the reader is."""
        block = self.cursorForPosition(QPoint(8, 8)).block()
        while block.isValid():
            index = self._article_block(block)
            if index is not None:
                return index
            block = block.next()
        return None

    def scroll_to_block(self, index: int) -> None:
        """Scroll to article block `index`: now if it is in the view and near what is
        laid out; else as soon as it is, a step at a time (see _reach_pending_block);
        a block in another part of a very long article shows that part."""
        self._pending_fraction = None
        if not 0 <= index < len(self._source_blocks()):
            self._pending_block = None  # not in this article
            return
        self._pending_block = index
        if self._stale:
            return  # reached once the view shows
        target = self._positions.get(index)
        if target is None:
            loading_towards = self._job is not None and index >= self._first_block
            if not loading_towards and (index < self._first_block or self._next_part is not None):
                # Another part: from this block on (from the top near the start).
                self._first_block = 0 if index < self._part_size else index
                self._render()
            return
        if target - self._laid_out <= _LAYOUT_STEP_CHARS:
            self._pending_block = None
            self._scroll_to_position(target)
        elif self._job is None:
            self._job = self._reach_pending_block()
            self._step()

    def _reach_pending_block(self) -> Iterator[None]:
        """Scroll to the pending block once it is in the view, laying the text
        before it out a step at a time."""
        index = self._pending_block
        if index is None or index not in self._positions:
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
