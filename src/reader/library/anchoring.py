"""Re-anchoring: bookmarks and reading positions follow an article's new blocks.

An anchor is article id + block index + a short quote of the original block (or
of the selection). When a re-import or a better parser changes the blocks, the
quote finds its block again; a bookmark whose quote is gone is kept where it was
and marked orphaned, never dropped.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from reader.domain import ZERO_WIDTH, Article


def now() -> str:
    """ISO 8601 UTC with microseconds: fixed width, so strings sort as times."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _nearest(text: str, quote: str, near: int) -> int:
    """Offset of the occurrence of `quote` in `text` closest to `near`."""
    best, at = -1, text.find(quote)
    while at >= 0:
        if best < 0 or abs(at - near) < abs(best - near):
            best = at
        at = text.find(quote, at + 1)
    return best


def _compact(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace and zero-width marks, and where each kept
    character was: a parser that re-spaces a paragraph does not lose its anchors."""
    kept = [i for i, c in enumerate(text) if not c.isspace() and c not in ZERO_WIDTH]
    return "".join(text[i] for i in kept), kept


def _search(texts: list[str], quote: str, near: int) -> tuple[int, int, int] | None:
    """(block, start, end) of `quote`: exact first, then ignoring whitespace; the
    block nearest the old index wins."""
    hits = [
        (i, t.find(quote), t.find(quote) + len(quote)) for i, t in enumerate(texts) if quote in t
    ]
    if not hits:
        needle = _compact(quote)[0]
        for i, text in enumerate(texts):
            compact, where = _compact(text)
            at = compact.find(needle) if needle else -1
            if at >= 0:
                hits.append((i, where[at], where[at + len(needle) - 1] + 1))
    return min(hits, key=lambda h: (abs(h[0] - near), h[0])) if hits else None


Anchor = tuple[int, tuple[int, int] | None, bool]  # block, selection, orphaned


def _anchor(texts: list[str], block: int, quote: str, sel: tuple[int, int] | None) -> Anchor:
    if not quote:  # an empty block was bookmarked: nothing to look for
        return block, sel, block >= len(texts)
    if block < len(texts) and quote in texts[block]:
        at = _nearest(texts[block], quote, sel[0] if sel else 0)
        hit: tuple[int, int, int] | None = (block, at, at + len(quote))
    else:
        hit = _search(texts, quote, block)
    if hit is None:
        return block, sel, True  # kept where it was, shown as orphaned
    index, start, end = hit
    if sel is not None:  # the quote is the selection's start; the rest follows it
        end += max(0, sel[1] - sel[0] - len(quote))
        sel = (start, min(end, len(texts[index])))
    return index, sel, False


def reanchor(conn: sqlite3.Connection, article: Article) -> int:
    """Follow `article`'s new blocks with its bookmarks (deleted ones too, for an
    undo) and reading position. Runs inside the caller's write transaction (the
    one that stores the new blocks); returns how many bookmarks changed. The same
    blocks change nothing."""
    # The title shown for its bookmarks follows too (kept for when it is gone).
    conn.execute(
        "UPDATE bookmarks SET title = ? WHERE article_id = ? AND title != ?",
        (article.title, article.id, article.title),
    )
    return reanchor_texts(conn, article.id, [b.text for b in article.blocks])


def reanchor_texts(conn: sqlite3.Connection, article_id: str, texts: list[str]) -> int:
    changed, stamp = 0, now()
    rows = conn.execute(
        "SELECT id, block, quote, sel_start, sel_end, orphaned FROM bookmarks "
        "WHERE article_id = ? AND block IS NOT NULL",
        (article_id,),
    ).fetchall()
    for bid, block, quote, start, end, orphaned in rows:
        sel = None if start is None or end is None else (int(start), int(end))
        new = _anchor(texts, int(block), str(quote), sel)
        if new != (block, sel, bool(orphaned)):
            index, nsel, lost = new
            conn.execute(
                "UPDATE bookmarks SET block = ?, sel_start = ?, sel_end = ?, orphaned = ?, "
                "updated_at = ? WHERE id = ?",
                (
                    index,
                    nsel[0] if nsel else None,
                    nsel[1] if nsel else None,
                    int(lost),
                    stamp,
                    bid,
                ),
            )
            changed += 1
    row = conn.execute(
        "SELECT block, quote FROM reading_positions WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is not None:
        index, _, lost = _anchor(texts, int(row[0]), str(row[1]), None)
        index = min(index, max(len(texts) - 1, 0)) if lost else index
        if index != row[0]:
            conn.execute(
                "UPDATE reading_positions SET block = ? WHERE article_id = ?", (index, article_id)
            )
    return changed
