"""An article for the Qt view, cut so that a long one reaches Qt a piece at a time.

Qt parses and lays out whatever it is given in one go, on the UI thread. So the
reader view shows a long article as a series of inserts, one per turn of the
event loop, each a few milliseconds of Qt's work:

- blocks are converted a run at a time (`pieces`, by characters and blocks);
- each run becomes one or more `Insert`s of at most `max_chars` characters;
- a block longer than PART_CHARS is shown as several Qt blocks ("parts", cut
  after a sentence), so even one 7-million-character paragraph arrives in
  pieces; the parts read as one paragraph (no indent or gap between them).

The view finds article block N by its place in the document: `Insert.blocks`
says which article block each Qt block it adds belongs to. (Named anchors would
say it too, but Qt's HTML import is quadratic in them: 8,000 paragraphs took 3 s
to parse, 80 ms without.)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from reader.domain import Article, Block, BlockKind
from reader.render import (
    _COLOUR_RE,
    PALETTES,
    RenderOptions,
    _header,
    _page_style,
    _qt_document,
    _text,
)

PIECE_CHARS = 30_000  # characters per insert: ~15 ms for Qt to parse and lay out
SIDE_CHARS = 6_000  # characters (one side) per side-by-side table: ~50 ms for Qt to lay out
PIECE_BLOCKS = 250  # blocks converted at a time
PART_CHARS = 3_000  # a block longer than this is shown as several Qt blocks
_SENTENCE_ENDS = "。！？；!?;…\n"


@dataclass(frozen=True)
class Insert:
    """HTML for the view to put at the end of its document."""

    html: str
    blocks: tuple[int, ...]  # the article block each Qt block (or table row) it adds shows
    lead: str | None = None  # a document of its first Qt block alone: that block's format


def pieces(
    blocks: Sequence[Block], max_chars: int = PIECE_CHARS, max_blocks: int = PIECE_BLOCKS
) -> list[tuple[int, int]]:
    """Consecutive [start, end) runs of `blocks` covering them all, each at most
    `max_blocks` blocks and `max_chars` characters (a longer block goes alone).
    At least one run, empty for an article without blocks."""
    runs: list[tuple[int, int]] = []
    start = chars = 0
    for i, block in enumerate(blocks):
        if i > start and (i - start >= max_blocks or chars + len(block.text) > max_chars):
            runs.append((start, i))
            start, chars = i, 0
        chars += len(block.text)
    runs.append((start, len(blocks)))
    return runs


def cuts(text: str, limit: int = PART_CHARS) -> list[int]:
    """Where a long block is cut into parts: after the last sentence end in the
    second half of each `limit` characters, else at `limit`. Empty for a block
    that fits in one part."""
    found: list[int] = []
    at = 0
    while len(text) - at > limit:
        window = text[at + limit // 2 : at + limit]
        end = max(window.rfind(c) for c in _SENTENCE_ENDS)
        at = at + limit // 2 + end + 1 if end >= 0 else at + limit
        found.append(at)
    return found


def _tag(block: Block) -> str:
    return f"h{min(4, max(2, block.level or 2))}" if block.kind is BlockKind.HEADING else "p"


def _parts(block: Block, mark: str | None) -> Iterator[str]:
    """The Qt blocks that show one article block: one, or its parts (lazily)."""
    tag = _tag(block)
    # Qt's importer ignores CSS text-align on blocks but honours the align attribute.
    align = ' align="justify"' if tag == "p" else ""
    colour = f" background-color: {mark};" if mark and _COLOUR_RE.fullmatch(mark) else ""
    bounds = [0, *cuts(block.text), len(block.text)]
    for n, (start, end) in enumerate(itertools.pairwise(bounds)):
        style = colour
        if n > 0:
            style += " text-indent: 0px;"  # the paragraph goes on
        if end < len(block.text):
            style += " margin-bottom: 0px;"  # … on the next part
        attrs = align + (f' style="{style.strip()}"' if style else "")
        yield f"<{tag}{attrs}>{_text(block.text[start:end])}</{tag}>"


def article_inserts(
    article: Article,
    blocks: Sequence[Block],
    start: int,
    options: RenderOptions | None = None,
    max_chars: int = PIECE_CHARS,
    new_document: bool | None = None,
) -> Iterator[Insert]:
    """Blocks `start`… of an article (as shown: converted if it is) as inserts,
    made as they are asked for.

    With `new_document` (by default: start 0), the first insert is a whole
    document: stylesheet, breadcrumb, title, meta line and its blocks (the
    header only at 0). Every other one is a document
    of its Qt blocks alone with the same stylesheet, for the view to insert
    after a new empty block at the end, given the format of its first Qt block
    (`lead`: Qt keeps the empty block's format for it).
    """
    options = replace(options or RenderOptions(), for_qt=True)
    lang, css = _page_style(article, options)
    marks = dict(options.marks)
    content: list[str] = []
    owners: list[int] = []
    chars = 0
    first = start == 0 if new_document is None else new_document

    def insert() -> Insert:
        if first:
            background = PALETTES[options.theme].background
            header = _header(article) if start == 0 else []
            html = _qt_document(lang, css, background, "".join(header + content))
            return Insert(html, tuple(owners))
        html = _qt_document(lang, css, None, "".join(content))
        return Insert(html, tuple(owners), _qt_document(lang, css, None, content[0]))

    for index, block in enumerate(blocks, start):
        for part in _parts(block, marks.get(index)):
            if content and chars + len(part) > max_chars:
                yield insert()
                content, owners, chars, first = [], [], 0, False
            content.append(part)
            owners.append(index)
            chars += len(part)
    if content or first:
        yield insert()
