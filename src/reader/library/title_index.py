"""The title filter's index: every folded title in memory, searched per keystroke.

Built once from the folded_title column (filled at import and by migration 6) in
list order (newest first, then by folded title); a query is folded the same way,
so 聯部 finds 中联部. The titles are one string, each section's a stretch of it.
A keystroke counts each section's matching titles with a regular expression (in C,
~0.3 µs a match); the matching rows themselves are found (str.find, then a
bisection to the row) only as the list reads them, a screen or a page at a time.
Finding every row at once, in Python, cost ~2 µs a match: 70 ms for the 34,000
titles holding one common character in 100,000.
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, islice
from operator import itemgetter

# Titles read, or put into the index, per step as the window reads them (a turn of
# its event loop each): ~10 ms at 100,000 articles. A whole section per step made a
# 40,000-article section one 103 ms step.
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
        self._spans: dict[int, tuple[int, int]] = {}  # section id -> its rows, first to end
        self._last: tuple[str, list[int]] = ("", [])  # the last query and its sections
        self._section: int | None = None  # being read, over steps when it is big
        self._pending: list[tuple[str, str, str]] = []
        self._adding: list[tuple[str, str, str]] = []  # a section read, in list order
        self._adding_to = 0  # its id
        self._added = 0  # how many of its rows are in the index
        if now:
            self.finish()

    @property
    def ready(self) -> bool:
        return not self._todo and self._section is None and not self._adding and not self._parts

    def step(self, rows: int = STEP_ROWS) -> bool:
        """Read about `rows` titles (a big section over several steps); True once all
        are read."""
        got = 0
        while got < rows and (self._todo or self._section is not None or self._adding):
            if self._adding:
                got += self._add_rows(rows - got)
                continue
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
                "SELECT id, folded_title, coalesce(published, '') FROM articles "
                "INDEXED BY articles_by_folded_title WHERE section_id = ? AND trashed_at IS NULL "
                "AND (folded_title, id) > (?, ?) ORDER BY folded_title, id LIMIT ?",
                (self._section, last[1], last[0], limit),
            ).fetchall()
            self._pending.extend(found)
            got += len(found)
            if len(found) == limit:
                continue  # more of this section, in this step or the next
            self._sort_section(self._section, self._pending)
            self._section, self._pending = None, []
        if not self._todo and self._section is None and not self._adding and self._parts:
            self._text += "".join(self._parts)
            self._parts = []
        return self.ready

    def _sort_section(self, section: int, found: list[tuple[str, str, str]]) -> None:
        # The index gives title order; a stable sort puts the newest first and the
        # undated ("") last, as the list shows them.
        found.sort(key=itemgetter(2), reverse=True)
        self._spans[section] = (len(self.ids), len(self.ids) + len(found))
        self._adding, self._adding_to, self._added = found, section, 0

    def _add_rows(self, rows: int) -> int:
        """Put up to `rows` of the section sorted last into the index; how many. A big
        section goes in over several steps: all 40,000 rows of one in a single step,
        after its sort, made it the longest step of the read (66-113 ms). Every part
        runs in C, no Python per row."""
        found = self._adding[self._added : self._added + rows]
        self._added += len(found)
        if self._added >= len(self._adding):
            self._adding, self._added = [], 0
        self.ids.extend(map(itemgetter(0), found))
        titles = list(map(itemgetter(1), found))
        lengths = map((1).__add__, map(len, titles))  # each with its "\n"
        self._starts.extend(islice(accumulate(lengths, initial=self._starts[-1]), 1, None))
        self.sections.extend(array("q", [self._adding_to]) * len(found))
        # "\n" ends each title; folded titles hold none (titles are one line).
        if titles:
            self._parts.append("\n".join(titles) + "\n")
        return max(1, len(found))

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

    def find(self, query: str, *, by_title: bool = False) -> dict[int, Matches]:
        """Section id -> its titles holding the folded `query` (sections with none, and
        all under an empty query, are left out). by_title orders each section's matches
        by folded title, else they come in list order. Only the counts are found now;
        the rows are found as they are read."""
        self.finish()
        if "\n" in query:  # a title is one line
            return {}
        if not query:  # no filter: see the library's own listing
            return {}
        findall = _titles_holding(query)
        text, starts, find = self._text, self._starts, self._text.find
        # Typing on narrows the last query: only its sections can hold the new one.
        last_query, last_sections = self._last
        sections = last_sections if last_query and last_query in query else self._spans
        found: dict[int, Matches] = {}
        for section in sections:
            span = self._spans[section]
            start, end = starts[span[0]], starts[span[1]]
            first = find(query, start, end)  # str.find runs ~3x faster than the pattern
            if first >= 0:
                count = len(findall(text, first, end))
                found[section] = Matches(self, query, span, count, by_title)
        self._last = (query, list(found))
        return found

    def keys(self, rows: list[int]) -> list[tuple[int, str, str]]:
        """(section id, folded title, id) of rows: what finds them in the library's index."""
        return [(self.sections[r], self.folded(r), self.ids[r]) for r in rows]


def _titles_holding(query: str) -> Callable[[str, int, int], list[str]]:
    """findall for one entry per title holding `query` in the index's text: from a
    match to the end of its title, taken whole (possessive: no step back) and
    returning the empty string of an empty group (no copy of the title made).
    Those two made counting 34,000 titles 9.0 -> 6.3 ms."""
    return re.compile(re.escape(query) + "[^\n]*+()").findall


class Matches:
    """One section's rows whose title holds a query. How many is known at once; which
    rows, as far as they are asked for (a screen's worth, as a rule)."""

    def __init__(
        self, index: TitleIndex, query: str, span: tuple[int, int], count: int, by_title: bool
    ) -> None:
        self._index, self._query, self._span, self._count = index, query, span, count
        self._rows: list[int] = []
        self._next = span[0]  # the first row not looked at yet
        if by_title:  # all of them, to sort
            self._more(count)
            self._rows.sort(key=lambda r: (index.folded(r), index.ids[r]))

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, where: slice) -> list[int]:
        stop = self._count if where.stop is None else min(where.stop, self._count)
        self._more(stop)
        return self._rows[where]

    def position(self, row: int) -> int:
        """Where index row `row` comes among these matches; -1 if it is not one."""
        lo, hi = self._span
        index = self._index
        if not lo <= row < hi or self._query not in index.folded(row):
            return -1
        if row < self._next or len(self._rows) == self._count:  # found already
            return self._rows.index(row)
        starts = index._starts  # the matches before it, counted in C
        return len(_titles_holding(self._query)(index._text, starts[lo], starts[row]))

    def _more(self, upto: int) -> None:
        """Find matching rows in list order until `upto` are known."""
        rows, query = self._rows, self._query
        starts = self._index._starts
        end = starts[self._span[1]]
        find = self._index._text.find
        while len(rows) < upto and self._next < self._span[1]:
            at = find(query, starts[self._next], end)
            if at < 0:
                self._next = self._span[1]
                break
            row = bisect_right(starts, at, self._next) - 1
            rows.append(row)
            self._next = row + 1
