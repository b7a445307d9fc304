"""The title filter's index: every folded title in memory, searched per keystroke.

Built once from the folded_title column (filled at import and by migration 6) in
list order (newest first, then by folded title); a query is folded the same way,
so 聯部 finds 中联部. The titles are one string, searched with str.find (in C),
and each hit is mapped to its row by bisection: a query costs what it finds, not
what the library holds. A query that extends the previous one only looks again at
the previous matches.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, islice

# Titles read per step as the window reads them (a turn of its event loop each):
# ~25 ms at 100,000 articles. A whole section per step made a 40,000-article
# section one 103 ms step.
STEP_ROWS = 5_000


class TitleIndex:
    """Built a few sections at a time (step) so that a window stays responsive while
    it reads 100,000 titles, or all at once (finish)."""

    def __init__(self, conn: sqlite3.Connection, *, now: bool = True) -> None:
        self._conn = conn
        self._todo = [int(r[0]) for r in conn.execute("SELECT id FROM sections ORDER BY id")]
        self._todo.reverse()  # popped from the end: smallest id first
        self.sections = array("q")
        self.ids: list[str] = []
        self._starts = array("q", [0])
        self._parts: list[str] = []
        self._text = ""
        self._last: tuple[str, list[int]] | None = None
        self._section: int | None = None  # being read, over steps when it is big
        self._pending: list[tuple[str, str, str | None]] = []
        if now:
            self.finish()

    @property
    def ready(self) -> bool:
        return not self._todo and self._section is None and not self._parts

    def step(self, rows: int = STEP_ROWS) -> bool:
        """Read about `rows` titles (a big section over several steps); True once all
        are read."""
        got = 0
        while got < rows and (self._todo or self._section is not None):
            if self._section is None:
                self._section = self._todo.pop()
                self._pending = []
            limit = rows - got
            # From an index that holds every column needed: a row's folded title is
            # stored after its text, and reading it from the table walks the text's
            # overflow pages (0.6 s instead of 0.1 s at 100,000 articles).
            # Where the last step stopped, found in the index (folded_title is never
            # NULL): no OFFSET walking past the rows already read.
            last = self._pending[-1] if self._pending else ("", "", None)
            found = self._conn.execute(
                "SELECT id, folded_title, published FROM articles "
                "INDEXED BY articles_by_folded_title WHERE section_id = ? AND trashed_at IS NULL "
                "AND (folded_title, id) > (?, ?) ORDER BY folded_title, id LIMIT ?",
                (self._section, last[1], last[0], limit),
            ).fetchall()
            self._pending.extend(found)
            got += len(found)
            if len(found) == limit:
                continue  # more of this section, in this step or the next
            self._add_section(self._section, self._pending)
            self._section, self._pending = None, []
        if not self._todo and self._section is None and self._parts:
            self._text += "".join(self._parts)
            self._parts = []
        return self.ready

    def _add_section(self, section: int, found: list[tuple[str, str, str | None]]) -> None:
        # The index gives title order; a stable sort puts the newest first and the
        # undated last, as the list shows them.
        found.sort(key=lambda r: r[2] or "", reverse=True)
        self.ids.extend([str(r[0]) for r in found])
        lengths = [len(r[1]) + 1 for r in found]
        self._starts.extend(islice(accumulate(lengths, initial=self._starts[-1]), 1, None))
        self.sections.extend(array("q", [section]) * len(found))
        # "\n" ends each title; folded titles hold none (titles are one line).
        self._parts.append("".join([f"{r[1]}\n" for r in found]))

    def finish(self) -> TitleIndex:
        while not self.step(1 << 62):
            pass
        return self

    def __len__(self) -> int:
        return len(self.ids)

    def row_of(self, article_id: str) -> int:
        """The row of an article, or -1 (a look through the ids, once per opening)."""
        try:
            return self.ids.index(article_id)
        except ValueError:
            return -1

    def folded(self, row: int) -> str:
        return self._text[self._starts[row] : self._starts[row + 1] - 1]

    def match(self, query: str) -> list[int]:
        """Rows whose folded title holds the folded `query`, in list order."""
        self.finish()
        if not query:
            return list(range(len(self.ids)))
        if self._last is not None and self._last[0] in query:
            rows = self._narrow(query, self._last[1])
        else:
            rows = self._scan(query)
        self._last = (query, rows)
        return rows

    def _scan(self, query: str) -> list[int]:
        text, starts, find = self._text, self._starts, self._text.find
        found: list[int] = []
        at = find(query)
        while at >= 0:
            row = bisect_right(starts, at) - 1
            found.append(row)
            at = find(query, starts[row + 1])
        del text
        return found

    def _narrow(self, query: str, rows: list[int]) -> list[int]:
        find, starts = self._text.find, self._starts
        return [r for r in rows if find(query, starts[r], starts[r + 1] - 1) >= 0]

    def by_section(
        self, rows: list[int], key: Callable[[int], tuple[str, str]] | None = None
    ) -> dict[int, list[int]]:
        """Section id -> the matching rows, in list order (or sorted by `key`)."""
        grouped: dict[int, list[int]] = {}
        sections = self.sections
        for r in rows:
            grouped.setdefault(sections[r], []).append(r)
        if key is not None:
            for members in grouped.values():
                members.sort(key=key)
        return grouped

    def keys(self, rows: list[int]) -> list[tuple[int, str, str]]:
        """(section id, folded title, id) of rows: what finds them in the library's index."""
        return [(self.sections[r], self.folded(r), self.ids[r]) for r in rows]
