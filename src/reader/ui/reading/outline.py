"""The outline panel: the headings of the open article; activating one scrolls there."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from reader.domain import Article, Block, BlockKind
from reader.ui.plain_text import protect_view

_BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlinePanel(QListWidget):
    sig_heading_activated = Signal(int)  # block index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Outline"))
        self.setWordWrap(True)  # headings are long; the panel is narrow
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        protect_view(self)  # headings in tooltips are text, never markup (traps #16)
        self.itemActivated.connect(self.on_item_activated)
        self.itemClicked.connect(self.on_item_activated)
        self._placeholder = self.tr("No headings")
        self._indexes: list[int] = []  # block index of each heading listed, in order

    def set_article(
        self, article: Article | None, transform: Callable[[str], str] | None = None
    ) -> None:
        self.clear()
        self._indexes = []
        if article is None:
            return
        show = transform or (lambda text: text)
        for index, block in enumerate(article.blocks):
            if block.kind is BlockKind.HEADING:
                self._add_heading(index, block, show(block.text))
        if self.count() == 0:
            self._add_placeholder()

    @Slot(int, object)
    def add_blocks(self, start: int, blocks: Sequence[Block]) -> None:
        """The headings among blocks `start`… of the article being shown, as the
        reader pane shows them a piece (or a part) at a time: each once, in order."""
        if self.count() == 1 and self.item(0).data(_BLOCK_ROLE) is None:
            self.takeItem(0)  # the placeholder of an outline with no headings so far
        for index, block in enumerate(blocks, start):
            if block.kind is BlockKind.HEADING:
                self._add_heading(index, block, block.text)
        if self.count() == 0:
            self._add_placeholder()

    def _add_heading(self, index: int, block: Block, text: str) -> None:
        at = bisect.bisect_left(self._indexes, index)
        if at < len(self._indexes) and self._indexes[at] == index:
            return  # shown before (a part shown again)
        self._indexes.insert(at, index)
        indent = "\u3000" * max(0, (block.level or 2) - 2)
        item = QListWidgetItem(indent + text)
        item.setData(_BLOCK_ROLE, index)
        item.setToolTip(text)
        self.insertItem(at, item)

    def _add_placeholder(self) -> None:
        empty = QListWidgetItem(self._placeholder)
        empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(empty)

    @Slot(int)
    def follow(self, top_block: int) -> None:
        """Highlight the heading of the part being read (the last heading at or
        above the block at the top of the reader); none above the first heading."""
        at = bisect.bisect_right(self._indexes, top_block) - 1
        if at < 0:
            self.clearSelection()
            self.setCurrentRow(-1)
            return
        if self.currentRow() != at:
            self.setCurrentRow(at)  # selects it; activates nothing
        self.scrollToItem(self.item(at))

    def current_heading(self) -> int | None:
        """The block index of the heading highlighted, if any."""
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        index = item.data(_BLOCK_ROLE)
        return int(index) if index is not None else None

    def block_indexes(self) -> list[int]:
        found = (self.item(row).data(_BLOCK_ROLE) for row in range(self.count()))
        return [int(i) for i in found if i is not None]

    @Slot(QListWidgetItem)
    def on_item_activated(self, item: QListWidgetItem) -> None:
        index = item.data(_BLOCK_ROLE)
        if index is not None:
            self.sig_heading_activated.emit(int(index))
