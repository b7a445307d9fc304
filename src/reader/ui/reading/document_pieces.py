"""A QTextDocument filled a piece at a time, and where each article block landed in it.

reader.render.pieces and reader.render.parallel cut a long article into
inserts; the reader view hands them to Qt one per turn of the event loop.
Article blocks are found by their place in the document, because
named anchors make Qt's HTML import quadratic: each Qt block is tagged with the
index of the article block it shows as its userState (a long block is shown as
several Qt blocks; -1, Qt's default, for the title and the rest).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument

from reader.domain import Article, Block
from reader.render import RenderOptions
from reader.render.pieces import PIECE_CHARS, SIDE_CHARS, article_inserts, cuts, pieces

# A block longer than this is converted a stretch at a time (OpenCC converts
# ~10-40 MB/s and holds the GIL: one 7-million-character paragraph is seconds).
CONVERT_CHARS = 100_000


class BlockConverter(Protocol):
    """Converts the blocks of the article being shown into the script shown."""

    def __call__(self, start: int, blocks: Sequence[Block]) -> Sequence[Block]:
        """Blocks `start`… converted."""

    def convert_text(self, text: str) -> str:
        """A stretch of one block's text converted."""

    def record(self, start: int, converted: Sequence[Block]) -> None:
        """Blocks `start`… were converted stretch by stretch: here they are."""


def fill(
    document: QTextDocument,
    article: Article,
    options: RenderOptions,
    parallel: tuple[Article, tuple[str, str]] | None,
    convert: BlockConverter | None,
    positions: dict[int, int],
    on_started: Callable[[], None],
    first_block: int = 0,
    started: bool = False,
) -> Iterator[tuple[int, Sequence[Block]] | None]:
    """Fill `document` with `article` from block `first_block` on (side by side
    with `parallel`'s original and labels; its blocks through `convert`), in
    bounded steps.

    Yields None after each step of work (a stretch converted, an insert parsed
    and laid out) and (start, blocks as shown) when a run of blocks is in.
    Records in `positions` where each article block starts; calls `on_started`
    once the first insert made the document anew (unless `started`: the
    document already holds something, the blocks go after it).
    """
    source = parallel[0] if parallel is not None else article
    size = PIECE_CHARS
    if parallel is not None:  # side by side (its module, and difflib, load only then)
        from reader.render.parallel import parallel_inserts

        size = SIDE_CHARS
    runs = [
        (first_block + s, first_block + e) for s, e in pieces(source.blocks[first_block:], size)
    ]
    for start, end in runs:
        blocks: Sequence[Block]
        long = source.blocks[start] if end - start == 1 else None
        if convert is not None and long is not None and len(long.text) > CONVERT_CHARS:
            texts: list[str] = []
            bounds = [0, *cuts(long.text, CONVERT_CHARS), len(long.text)]
            for a, b in itertools.pairwise(bounds):
                texts.append(convert.convert_text(long.text[a:b]))
                yield None
            blocks = (replace(long, text="".join(texts)),)
            convert.record(start, blocks)
        elif convert is not None:
            blocks = tuple(convert(start, source.blocks[start:end]))
        else:
            blocks = article.blocks[start:end]
        new = not started
        if parallel is not None:
            original, labels = parallel
            left = original.blocks[start:end]
            inserts = parallel_inserts(
                original, article, labels, left, blocks, start, options, size, new
            )
        else:
            inserts = article_inserts(article, blocks, start, options, size, new)
        upcoming = next(inserts, None)
        while upcoming is not None:
            insert, upcoming = upcoming, next(inserts, None)
            append_piece(document, insert.html, not started, insert.lead)
            if not started:
                on_started()
                started = True
            tag = tag_rows if parallel is not None else tag_blocks
            for owner, position in tag(document, insert.blocks):
                if owner >= 0 and owner not in positions:  # the block's first Qt block
                    positions[owner] = position
            # Laid out now, an insert at a time: Qt's own lazy layout works in
            # steps of up to 200,000 characters, which side by side is seconds.
            last = document.findBlock(document.characterCount() - 1)
            document.documentLayout().blockBoundingRect(last)
            if upcoming is not None:
                yield None
        yield start, blocks
        if end < runs[-1][1]:
            yield None  # the event loop turns; a short article is done at once


def part_link(label: str, block: int) -> str:
    """A document of one line: a link to the part of the article at `block`."""
    text = html.escape(label, quote=False)
    return (
        '<html><body><p align="center" style="margin-top: 24px; margin-bottom: 24px;">'
        f'<a href="reader:part:{block}">{text}</a></p></body></html>'
    )


def append_piece(
    document: QTextDocument, html: str, first: bool, lead_html: str | None = None
) -> None:
    """The first piece becomes the document; a later one goes after a new empty
    block at the end (a plain insert would merge its first block into the
    document's last one). Qt fills that empty block with the piece's first block
    but keeps the empty block's format, so `lead_html`, a document of that first
    block alone, gives the format it must have (a heading after a paragraph would
    otherwise look like the paragraph)."""
    if first:
        document.setHtml(html)
        return
    block_format = QTextBlockFormat()
    if lead_html is not None:
        lead = QTextDocument()
        lead.setHtml(lead_html)
        block_format = lead.firstBlock().blockFormat()
    last = document.lastBlock()  # after a table (side by side) an empty block
    cursor = QTextCursor(last)
    if last.length() > 1:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)  # a paragraph, not a cell
    cursor.beginEditBlock()
    cursor.insertBlock(block_format)
    cursor.insertHtml(html)
    cursor.endEditBlock()


def tag_blocks(document: QTextDocument, owners: Sequence[int]) -> list[tuple[int, int]]:
    """Tag the last len(owners) text blocks of the document with the article
    blocks they show; (article block, position) of each, in order."""
    block = document.lastBlock()
    found = []
    for owner in reversed(owners):
        if not block.isValid():
            break
        block.setUserState(owner)
        found.append((owner, block.position()))
        block = block.previous()
    found.reverse()
    return found


def tag_rows(document: QTextDocument, owners: Sequence[int]) -> list[tuple[int, int]]:
    """Tag both cells of the last len(owners) rows of the document's last table
    with the article blocks they show; (article block, position of the first
    cell) of each row, in order.

    Only positions and blocks, never a cursor moved into a cell: moving one
    makes Qt compute its x from the cell's layout, and after a resize a table
    not laid out again yet crashes QTextDocumentLayout::blockBoundingRect.
    """
    block = document.lastBlock()
    table = None
    while table is None and block.isValid():
        table = QTextCursor(block).currentTable()  # built on a block: no layout asked
        block = block.previous()
    if table is None:
        return []
    found = []
    first_row = table.rows() - len(owners)
    for offset, owner in enumerate(owners):
        row = first_row + offset
        if row < 0:
            continue
        for column in range(table.columns()):
            document.findBlock(table.cellAt(row, column).firstPosition()).setUserState(owner)
        found.append((owner, table.cellAt(row, 0).firstPosition()))
    return found


def block_index(block: QTextBlock) -> int | None:
    """The article block a Qt text block shows, if any."""
    state = block.userState()
    return state if state >= 0 else None


def _first_part(block: QTextBlock) -> tuple[QTextBlock, int]:
    """The first Qt block of the article block `block` shows a part of (a long
    block is several Qt blocks in a row), and where `block` starts in its text."""
    offset = 0
    previous = block.previous()
    while previous.isValid() and previous.userState() == block.userState():
        offset += len(previous.text())
        block, previous = previous, previous.previous()
    return block, offset


def whole_text(block: QTextBlock) -> str:
    """The text of the article block `block` shows (all of its parts)."""
    if block_index(block) is None:
        return block.text()
    first, _ = _first_part(block)
    texts = [first.text()]
    following = first.next()
    while following.isValid() and following.userState() == first.userState():
        texts.append(following.text())
        following = following.next()
    return "".join(texts)


def text_offset(document: QTextDocument, position: int) -> tuple[int, int] | None:
    """(article block, offset in its text as shown) of a document position."""
    block = document.findBlock(position)
    index = block_index(block)
    if index is None:
        return None
    return index, _first_part(block)[1] + position - block.position()


def document_position(document: QTextDocument, start: int, offset: int) -> int:
    """The document position of `offset` in the text of the article block that
    starts at document position `start` (its Qt blocks taken as one text)."""
    block = document.findBlock(start)
    state = block.userState()
    while offset > len(block.text()):
        following = block.next()
        if not following.isValid() or following.userState() != state:
            return block.position() + len(block.text())  # past its end: its end
        offset -= len(block.text())
        block = following
    return block.position() + offset
