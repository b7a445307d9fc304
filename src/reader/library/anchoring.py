"""Re-anchoring: bookmarks and reading positions follow an article's new blocks.

An anchor is article id + block index + a short quote of the original block (or
of the selection). When a re-import or a better parser changes the blocks, the
quote finds its block again; a bookmark whose quote is gone is kept where it was
and marked orphaned, never dropped.

Cost: one Finder per article. A quote still in its own block costs one `in`; the
quotes that moved are searched for together, each distinct quote once, so N
bookmarks on one long article cost N lookups plus a bounded number of passes
over its text, never N passes (40,000 notes on one article took minutes).
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from reader.domain import ZERO_WIDTH, Article

# Above this many distinct quotes of one length, one sliding pass over the text
# (a set lookup per position, ~0.1 µs) beats a str.find pass per quote.
_SLIDE_ABOVE = 200
_SEP = "\x00"
_BLANKS = re.compile(f"[\\s{ZERO_WIDTH}]+")  # \s is str.isspace() for str patterns

Anchor = tuple[int, tuple[int, int] | None, bool]  # block, selection, orphaned
Wanted = tuple[int, str, tuple[int, int] | None]  # old block, quote, old selection


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


def _compact(text: str) -> str:
    """`text` without whitespace and zero-width marks: a parser that re-spaces a
    paragraph does not lose its anchors."""
    return _BLANKS.sub("", text)


def _kept(text: str) -> list[int]:
    """Where each character of _compact(text) stands in `text`."""
    return [i for i, c in enumerate(text) if not c.isspace() and c not in ZERO_WIDTH]


def _find_each(texts: Sequence[str], needles: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """For each needle, (block, offset) of its first occurrence in every block
    holding it, in block order. Linear in the text for any number of needles."""
    found: dict[str, list[tuple[int, int]]] = {}
    by_length: dict[int, set[str]] = {}
    for needle in needles:
        found[needle] = []
        by_length.setdefault(len(needle), set()).add(needle)
    joined: str | None = None
    starts: list[int] = []
    for length, group in by_length.items():
        if len(group) > _SLIDE_ABOVE:
            for i, text in enumerate(texts):
                seen: set[str] = set()
                for j in range(len(text) - length + 1):
                    piece = text[j : j + length]
                    if piece in group and piece not in seen:
                        seen.add(piece)
                        found[piece].append((i, j))
            continue
        if joined is None:
            joined = _SEP.join(texts)
            at = 0
            for text in texts:
                starts.append(at)
                at += len(text) + 1
        for needle in group:
            hits = found[needle]
            at = joined.find(needle)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                local = at - starts[i]
                if local + length <= len(texts[i]):
                    hits.append((i, local))
                    if i + 1 >= len(starts):
                        break
                    at = joined.find(needle, starts[i + 1])
                else:  # across a block boundary: not a hit
                    at = joined.find(needle, at + 1)
    return found


def _closest(hits: list[tuple[int, int]], near: int) -> tuple[int, int]:
    """The hit whose block is nearest `near` (the lower one on a tie). Hits are in
    block order: a common phrase found in every block costs a bisection, not a walk."""
    at = bisect_left(hits, (near,))
    if at == 0:
        return hits[0]
    if at == len(hits):
        return hits[-1]
    before, after = hits[at - 1], hits[at]
    return before if near - before[0] <= after[0] - near else after


class Finder:
    """Finds quotes in one article's blocks; build one per article and ask it for
    every anchor of that article."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self._exact: dict[str, list[tuple[int, int]]] = {}
        self._loose: dict[str, list[tuple[int, int]]] = {}
        self._compacts: list[str] | None = None
        self._kept: dict[int, list[int]] = {}

    def _at_home(self, block: int, quote: str) -> bool:
        return 0 <= block < len(self.texts) and quote in self.texts[block]

    def prepare(self, wanted: Iterable[Wanted]) -> None:
        """Search at once for every quote of `wanted` that left its block."""
        moved = {q for b, q, _ in wanted if q and q not in self._exact and not self._at_home(b, q)}
        if moved:
            self._exact.update(_find_each(self.texts, moved))
        loose = {_compact(q) for q in moved if not self._exact[q]} - self._loose.keys()
        loose.discard("")
        if loose:
            if self._compacts is None:
                self._compacts = [_compact(t) for t in self.texts]
            self._loose.update(_find_each(self._compacts, loose))

    def _search(self, quote: str, near: int) -> tuple[int, int, int] | None:
        """(block, start, end) of `quote`: exact first, then ignoring whitespace; the
        block nearest the old index wins."""
        if quote not in self._exact:
            self.prepare([(-1, quote, None)])
        hits = self._exact[quote]
        if hits:
            i, at = _closest(hits, near)
            return i, at, at + len(quote)
        needle = _compact(quote)
        hits = self._loose.get(needle, []) if needle else []
        if not hits:
            return None
        i, at = _closest(hits, near)
        if i not in self._kept:
            self._kept[i] = _kept(self.texts[i])
        where = self._kept[i]
        return i, where[at], where[at + len(needle) - 1] + 1

    def anchor(self, block: int, quote: str, sel: tuple[int, int] | None) -> Anchor:
        texts = self.texts
        if not quote:  # an empty block was bookmarked: nothing to look for
            return block, sel, block >= len(texts)
        if self._at_home(block, quote):
            at = _nearest(texts[block], quote, sel[0] if sel else 0)
            hit: tuple[int, int, int] | None = (block, at, at + len(quote))
        else:
            hit = self._search(quote, block)
        if hit is None:
            return block, sel, True  # kept where it was, shown as orphaned
        index, start, end = hit
        if sel is not None:  # the quote is the selection's start; the rest follows it
            end += max(0, sel[1] - sel[0] - len(quote))
            sel = (start, min(end, len(texts[index])))
        return index, sel, False

    def anchor_all(self, wanted: Sequence[Wanted]) -> list[Anchor]:
        self.prepare(wanted)
        return [self.anchor(*w) for w in wanted]


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
    finder = Finder(texts)
    wanted: list[Wanted] = [
        (int(block), str(quote), None if start is None or end is None else (int(start), int(end)))
        for _, block, quote, start, end, _ in rows
    ]
    for row, old, new in zip(rows, wanted, finder.anchor_all(wanted), strict=True):
        if new != (old[0], old[2], bool(row[5])):
            index, nsel, lost = new
            conn.execute(
                "UPDATE bookmarks SET block = ?, sel_start = ?, sel_end = ?, orphaned = ?, "
                "updated_at = ? WHERE id = ?",
                (index, *(nsel or (None, None)), int(lost), stamp, row[0]),
            )
            changed += 1
    row = conn.execute(
        "SELECT block, quote FROM reading_positions WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is not None:
        index, _, lost = finder.anchor(int(row[0]), str(row[1]), None)
        index = min(index, max(len(texts) - 1, 0)) if lost else index
        if index != row[0]:
            conn.execute(
                "UPDATE reading_positions SET block = ? WHERE article_id = ?", (index, article_id)
            )
    return changed
