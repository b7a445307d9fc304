"""Original and converted side by side, for the Qt view, in pieces.

One table row per block: the original on the left, the converted text on the
right, the characters that differ highlighted (one linear diff per block,
reader.chinese.diff). Qt lays a table out whole, at some microseconds a
character once highlighted, so the view gets the rows as a series of tables of
at most SIDE_CHARS characters each, and a long block as several rows, cut at
the same place on both sides (after a sentence, outside a difference).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from reader.chinese.diff import Span, iter_changed_spans
from reader.domain import Article, Block, BlockKind
from reader.render import (
    PALETTES,
    RenderOptions,
    _css_families,
    _font_px,
    _lang,
    _stylesheet,
    _text,
    document_lang,
    font_families,
)
from reader.render.pieces import SIDE_CHARS, Insert, cuts


def _marked(text: str, changed: list[tuple[int, int]], colour: str) -> str:
    """`text` escaped, with the stretches in `changed` highlighted."""
    out: list[str] = []
    at = 0
    for start, end in changed:
        out.append(_text(text[at:start]))
        piece = _text(text[start:end])
        if piece:
            out.append(f'<span style="background-color: {colour};">{piece}</span>')
        at = end
    out.append(_text(text[at:]))
    return "".join(out)


def aligned_rows(
    left: str, right: str, at: list[int]
) -> Iterator[tuple[int, int, int, int, list[Span]]]:
    """Cut a block pair into rows at the left-side points `at`: (i1, i2, j1, j2,
    the differences in the row) for each row, left[i1:i2] beside right[j1:j2].
    A cut inside a difference moves to its end, so none is split. Lazy: the
    differences are found as the rows are asked for."""
    spans = iter_changed_spans(left, right)
    ahead: deque[Span] = deque()
    exhausted = False
    i = j = 0
    for cut in [*at, len(left)]:
        if cut <= i and cut < len(left):
            continue  # passed already, by a difference that reached over it
        while not exhausted and (not ahead or ahead[-1][0] <= cut):
            try:
                ahead.append(next(spans))
            except StopIteration:
                exhausted = True
        mine = []
        while ahead and (ahead[0][0] < cut or ahead[0][1] <= cut):
            mine.append(ahead.popleft())
        if cut == len(left):
            end_i, end_j = len(left), len(right)
        elif mine and mine[-1][1] > cut:  # the cut fell inside it: after it
            end_i, end_j = mine[-1][1], mine[-1][3]
        else:
            shift = mine[-1][3] - mine[-1][1] if mine else j - i
            end_i, end_j = cut, cut + shift
        yield i, end_i, j, end_j, mine
        i, j = end_i, end_j


def _rows(left: str, right: str, tag: str, colour: str) -> Iterator[tuple[str, str, int]]:
    """(left html, right html, characters) of the rows that show one block pair."""
    for i1, i2, j1, j2, spans in aligned_rows(left, right, cuts(left)):
        style = ' style="margin-bottom: 0px;"' if i2 < len(left) else ""  # the block goes on
        left_html = _marked(left[i1:i2], [(s[0] - i1, s[1] - i1) for s in spans], colour)
        right_html = _marked(right[j1:j2], [(s[2] - j1, s[3] - j1) for s in spans], colour)
        yield f"<{tag}{style}>{left_html}</{tag}>", f"<{tag}{style}>{right_html}</{tag}>", i2 - i1


def parallel_inserts(
    original: Article,
    converted: Article,
    labels: tuple[str, str],
    left: Sequence[Block],
    right: Sequence[Block],
    start: int,
    options: RenderOptions | None = None,
    max_chars: int = SIDE_CHARS,
    new_document: bool | None = None,
) -> Iterator[Insert]:
    """Rows for blocks `start`… as inserts, each a table (see reader.render.pieces),
    made as they are asked for.

    `left` and `right` are the same blocks of the original and of the converted
    article. With `new_document` (by default: start 0) the first insert is a
    whole document whose table starts with a row of labels (and at 0 the
    titles), shown as block -1.
    """
    options = options or RenderOptions()
    px = _font_px(options)
    palette = PALETTES[options.theme]
    left_lang, right_lang = _lang(original, options), document_lang(converted.script)
    if options.lang:
        right_lang = _lang(converted, options)
    css = _stylesheet(px, 60, palette, font_families(original.script, options.font_style), True)
    right_fonts = _css_families(font_families(converted.script, options.font_style, right_lang))

    def row(left_html: str, right_html: str) -> str:
        # Every cell half the width: each insert is a table of its own, and its
        # columns must line up with those before it.
        return (
            f'<tr><td width="50%" lang="{left_lang}">{left_html}</td>'
            f'<td width="50%" lang="{right_lang}" style="font-family: {right_fonts};">'
            f"{right_html}</td></tr>"
        )

    def document(rows: list[str], first: bool) -> str:
        table = (
            f'<table width="100%" cellspacing="0" cellpadding="{px // 2}">{"".join(rows)}</table>'
        )
        background = f' bgcolor="{palette.background}"' if first else ""
        return (
            f'<html lang="{left_lang}"><head><meta charset="utf-8">\n<style>\n{css}\n'
            f"p {{ text-indent: 0px; }}\n</style></head><body{background}>{table}</body></html>"
        )

    rows: list[str] = []
    owners: list[int] = []
    chars = 0
    first = start == 0 if new_document is None else new_document
    if first:
        meta = [f'<p class="meta">{_text(label)}</p>' for label in labels]
        rows.append(row(meta[0], meta[1]))
        owners.append(-1)
    if start == 0 and first:
        for title_left, title_right, _ in _rows(
            original.title, converted.title, "h1", palette.mark
        ):
            rows.append(row(title_left, title_right))
            owners.append(-1)
    for index, (a, b) in enumerate(zip(left, right, strict=False), start):
        tag = "p" if a.kind is BlockKind.PARAGRAPH else "h2"
        for left_html, right_html, size in _rows(a.text, b.text, tag, palette.mark):
            if rows and chars + size > max_chars:
                yield Insert(document(rows, first), tuple(owners))
                rows, owners, chars, first = [], [], 0, False
            rows.append(row(left_html, right_html))
            owners.append(index)
            chars += size
    if rows or first:
        yield Insert(document(rows, first), tuple(owners))
