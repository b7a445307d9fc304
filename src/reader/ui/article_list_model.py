"""The article list: a tree of sections, each holding its articles, loaded a page at a time.

Like qutebrowser's completion model, categories (sections) hold items (articles). Every
index carries the id of its parent section as its internalId (0 for top-level rows), so
no Python object has to outlive a raw pointer, and data() only reads lists in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import TypeAlias

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from reader.library import ArticleRow, SectionRow
from reader.library.listing import (
    by_keys,
    by_title,
    list_articles,
    list_sections,
    place_in_section,
    trash_count,
    unread_counts,
)
from reader.library.manage import trashed_rows
from reader.library.title_index import TitleIndex
from reader.ui.list_nodes import TRASH_ID, Section, flatten_deep, number

PAGE = 500  # articles fetched per fetchMore(): enough to fill a screen many times over
# A section's first fetch reads less: a view expanding every section (under a filter)
# reads one first page of each, and a screen shows a few dozen rows.
FIRST_PAGE = 50

# Plain ints: data() receives an int role, and comparing ints is the cheapest test.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ARTICLE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_INDEX = QModelIndex()

_Index: TypeAlias = "QModelIndex | QPersistentModelIndex"


def _rows(node: Section) -> int:
    return len(node.children) + len(node.articles)


def _date(published: str | None) -> str:
    return published[:10] if published else ""


class ArticleListModel(QAbstractItemModel):
    """Sections nested by parent; under each, its child sections then its articles."""

    ARTICLE_ID_ROLE = _USER + 1
    IS_SECTION_ROLE = _USER + 2
    SECTION_ID_ROLE = _USER + 3
    TITLE_COLUMN = 0
    DATE_COLUMN = 1
    ORDERS = ("date", "title")

    def __init__(
        self,
        conn: sqlite3.Connection,
        parent: QObject | None = None,
        title_transform: Callable[[str], str] | None = None,
        fold: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._conn = conn
        self._transform = title_transform or str  # str(s) is s
        self._fold = fold
        self._filter = ""  # folded
        self._order_by = "date"
        self._index: TitleIndex | None = None  # built on the first filter, dropped on reload
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = (self.tr("Title"), self.tr("Date"))
        self._root = Section(0, "", 0)
        self._nodes: dict[int, Section] = {0: self._root}
        self._order: list[Section] = []  # sections in article order, see Section.pos
        self._loaded: dict[str, tuple[int, int]] = {}  # article id -> (section id, position)
        self._pending: set[tuple[int, int]] = set()  # (section id, page) to read
        # Sections with their counts, unread counts and the Trash's count, as last read:
        # a new filter or order re-uses them; reload() reads them again.
        self._counts: tuple[list[SectionRow], dict[int, int], int] | None = None
        # While set, views are told there is nothing more to read: ArticleTree reads
        # what comes on screen itself (QTreeView reads a page of every section it
        # expands or lays out, on screen or not).
        self.held = False
        self._load()

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the sections; fetched articles are dropped and fetched again on demand."""
        self._index = None  # the library may have changed
        self._counts = None
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    @property
    def filtering(self) -> bool:
        return bool(self._filter)

    def set_filter(self, text: str) -> None:
        """Show only articles whose title contains `text` in any script, and the
        sections holding them."""
        text = text.strip()
        if self._fold is None:
            from reader.library.sections import shared_folder

            self._fold = shared_folder().fold
        folded = self._fold(text) if text else ""
        if folded == self._filter:
            return
        self._filter = folded
        self._reset()

    def prepare_filter(self) -> None:
        """Read the titles for the filter now (when the filter box is entered)."""
        if self._index is None:
            self._index = TitleIndex(self._conn)

    @property
    def order(self) -> str:
        return self._order_by

    def set_order(self, order: str) -> None:
        """List each section's articles by date (newest first) or by title."""
        if order in self.ORDERS and order != self._order_by:
            self._order_by = order
            self._reset()

    def set_title_transform(self, transform: Callable[[str], str] | None) -> None:
        """Change how titles and section names are shown, keeping expansion and selection."""
        self._transform = transform or str
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
        for node in self._order:
            self._label(node)
            node.titles = [self._transform(a.title) if a else "" for a in node.articles]
            if rows := _rows(node):
                top_left = self.createIndex(0, 0, node.id)
                self.dataChanged.emit(top_left, self.createIndex(rows - 1, 1, node.id), roles)

    def _load(self) -> None:
        matched: dict[int, list[int]] | None = None
        if self._filter:
            self.prepare_filter()
            assert self._index is not None
            index = self._index
            rows = index.match(self._filter)
            key = (lambda r: (index.folded(r), index.ids[r])) if self._order_by == "title" else None
            matched = index.by_section(rows, key)
        if self._counts is None:
            self._counts = (  # sections sorted by parent, then name
                list_sections(self._conn),
                unread_counts(self._conn),
                trash_count(self._conn),
            )
        sections, unread, trashed = self._counts
        root = Section(0, "", 0)
        nodes = {0: root}
        for r in sections:
            node = Section(r.id, r.name, r.count, unread=unread.get(r.id, 0))
            if matched is not None:
                node.matched = matched.get(r.id, [])
                node.own = len(node.matched)
            nodes[r.id] = node
        for r in sections:
            parent = nodes.get(r.parent_id, root)  # an orphan is shown at the top level
            if parent.id != r.id:
                parent.children.append(nodes[r.id])
        flatten_deep(root)
        if not self._filter and trashed:
            root.children.append(Section(TRASH_ID, self.tr("Trash"), trashed))
        order: list[Section] = []
        number(root, order, self._label, bool(self._filter))
        self._root = root
        self._order = order
        # Only what is reachable from the root: pruned and cyclic sections stay out.
        self._nodes = {n.id: n for n in order}
        self._loaded = {}
        self._pending = set()

    def _label(self, node: Section) -> None:
        name = self._transform(node.name) if node.id != TRASH_ID else node.name
        node.label = self.tr("{name} ({count})").format(name=name, count=node.total)
        tip = self.tr("{name}\n{count} articles").format(name=name, count=node.total)
        if node.unread_total:
            tip += "\n" + self.tr("{0} unread").format(node.unread_total)
        node.tip = tip

    def _read(self, node: Section, start: int, count: int) -> list[ArticleRow]:
        """Rows `start` to `start + count` of a section, as the list orders them."""
        if node.id == TRASH_ID:
            return trashed_rows(self._conn, start, count)
        if node.matched is not None:
            assert self._index is not None  # built with the matches
            return by_keys(self._conn, self._index.keys(node.matched[start : start + count]))
        if self._order_by == "title":
            return by_title(self._conn, node.id, start, count)
        if start and node.articles and (last := node.articles[start - 1]) is not None:
            # After the last row held rather than at an offset: every page costs the same.
            return list_articles(self._conn, node.id, 0, count, after=last)
        return list_articles(self._conn, node.id, start, count)

    def _fetch(self, node: Section, upto: int = 0) -> int:
        """Append the next page of a section's articles (or, with `upto`, the page
        holding row `upto`, the rows between left to be read when shown)."""
        have = len(node.articles)
        start = max(have, upto - upto % PAGE)
        size = FIRST_PAGE if start == 0 else PAGE
        rows = self._read(node, start, size)
        if start == have and len(rows) < size:  # a short page is the end
            node.own = have + len(rows)
        self._insert(node, start, rows)
        return len(rows)

    def _insert(self, node: Section, start: int, rows: list[ArticleRow]) -> None:
        """Append `rows` as rows `start`… of a section, the rows between left unread."""
        have = len(node.articles)
        if not rows:
            return
        first = len(node.children) + have
        self.beginInsertRows(self._section_index(node), first, first + start - have + len(rows) - 1)
        node.articles.extend([None] * (start - have))
        node.titles.extend([""] * (start - have))
        node.articles.extend(rows)
        node.titles.extend(self._transform(r.title) for r in rows)
        for i, r in enumerate(rows, start):
            self._loaded[r.id] = (node.id, i)
        self.endInsertRows()

    def fetch_many(self, parents: list[QModelIndex]) -> None:
        """fetchMore for several sections at once; under a filter, the first pages of
        all of them come in one query."""
        nodes = [n for p in parents if (n := self._section_at(p)) is not None]
        first = [n for n in nodes if n.matched is not None and not n.articles]
        if first and self._index is not None:
            wanted = [r for n in first for r in n.matched[:FIRST_PAGE]]  # type: ignore[index]
            rows = {r.id: r for r in by_keys(self._conn, self._index.keys(wanted))}
            ids = self._index.ids
            for node in first:
                page = [ids[r] for r in node.matched[:FIRST_PAGE]]  # type: ignore[index]
                self._insert(node, 0, [rows[a] for a in page if a in rows])
        for node in nodes:
            if node not in first and len(node.articles) < node.own:
                self._fetch(node)

    def _fill(self, node: Section, page: int) -> None:
        """Read the rows of a page left unread (see Section.articles)."""
        start = page * PAGE
        end = min(start + PAGE, len(node.articles))
        if node.articles[start] is not None and node.articles[end - 1] is not None:
            return
        rows = self._read(node, start, end - start)
        for i, r in enumerate(rows, start):
            node.articles[i] = r
            node.titles[i] = self._transform(r.title)
            self._loaded[r.id] = (node.id, i)
        if rows:
            top = self._article_index(node, start)
            bottom = self.createIndex(len(node.children) + start + len(rows) - 1, 1, node.id)
            self.dataChanged.emit(top, bottom)

    def _fill_later(self, node_id: int, row: int) -> None:
        key = (node_id, row // PAGE)
        if key not in self._pending:
            self._pending.add(key)
            QTimer.singleShot(0, self, lambda: self._fill_pending(key))

    def _fill_pending(self, key: tuple[int, int]) -> None:
        if key in self._pending:  # not dropped by a reset meanwhile
            self._pending.discard(key)
            node = self._nodes.get(key[0])
            if node is not None and key[1] * PAGE < len(node.articles):
                self._fill(node, key[1])

    def _row_at(self, node: Section, i: int) -> ArticleRow | None:
        """Row `i` of a section, read now if it was left for later."""
        if node.articles[i] is None:
            self._fill(node, i // PAGE)
        return node.articles[i]

    # -- QAbstractItemModel ------------------------------------------------------------

    def _section_index(self, node: Section) -> QModelIndex:
        return self.createIndex(node.row, 0, node.up) if node.id else QModelIndex()

    def _article_index(self, node: Section, i: int) -> QModelIndex:
        return self.createIndex(len(node.children) + i, 0, node.id)

    def _section_at(self, index: _Index) -> Section | None:
        """The section whose rows hang under `index`: the root under no index, None under
        an article or a column other than the first (only column 0 has children)."""
        if not index.isValid():
            return self._root
        if index.column() != 0:
            return None
        parent = self._nodes[index.internalId()]
        row = index.row()
        return parent.children[row] if row < len(parent.children) else None

    def index(self, row: int, column: int, parent: _Index = _NO_INDEX) -> QModelIndex:
        node = self._section_at(parent)
        if node is None or not (0 <= column < 2 and 0 <= row < _rows(node)):
            return QModelIndex()
        return self.createIndex(row, column, node.id)

    def parent(self, child: _Index | None = None) -> QModelIndex | QObject | None:  # type: ignore[override]
        if child is None:  # QObject.parent(), which this name shadows
            return super().parent()
        if not child.isValid():
            return QModelIndex()
        key = child.internalId()
        if key == 0:
            return QModelIndex()
        return self._section_index(self._nodes[key])

    def sibling(self, row: int, column: int, index: _Index) -> QModelIndex:
        # Views call this a lot; the parent key is already in the index.
        if not index.isValid():
            return QModelIndex()
        node = self._nodes[index.internalId()]
        if not (0 <= column < 2 and 0 <= row < _rows(node)):
            return QModelIndex()
        return self.createIndex(row, column, node.id)

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        node = self._section_at(parent)
        return 0 if node is None else _rows(node)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:
        return 2

    def hasChildren(self, parent: _Index = _NO_INDEX) -> bool:
        node = self._section_at(parent)
        # True before any fetch, so the view offers to expand a section of unloaded articles.
        return node is not None and bool(node.children or node.own)

    def canFetchMore(self, parent: _Index) -> bool:
        return not self.held and self.more_to_read(parent)

    def more_to_read(self, parent: _Index) -> bool:
        """Whether a section holds rows not read yet (whoever decides to read them)."""
        node = self._section_at(parent)  # the root holds no articles
        return node is not None and len(node.articles) < node.own

    def fetchMore(self, parent: _Index) -> None:
        node = self._section_at(parent)
        if node is not None and len(node.articles) < node.own:
            self._fetch(node)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        # Hot path (every paint): no queries, no tr(), only lookups in memory.
        if not index.isValid():
            return None
        parent = self._nodes[index.internalId()]
        row = index.row()
        n = len(parent.children)
        if row < n:
            child = parent.children[row]
            if role == _DISPLAY:
                if index.column() == 0:
                    return child.label
                return str(child.unread_total) if child.unread_total else ""
            if role == _TOOLTIP:
                return child.tip
            if role == _FONT:
                return self._bold if child.unread_total else None
            if role == self.IS_SECTION_ROLE:
                return True
            if role == self.SECTION_ID_ROLE:
                return child.id
            return None
        i = row - n
        article = parent.articles[i]
        if article is None:  # read soon, never here: data() runs no SQL
            if role == _DISPLAY:
                self._fill_later(parent.id, i)
                return "…" if index.column() == 0 else ""
            return None
        if role == _DISPLAY:
            if index.column() == 0:
                return parent.titles[i]
            return _date(article.published)
        if role == _FONT:
            return None if article.read else self._bold
        if role == _TOOLTIP:
            date = _date(article.published)
            return f"{parent.titles[i]}\n{date}" if date else parent.titles[i]
        if role == self.ARTICLE_ID_ROLE:
            return article.id
        if role == self.IS_SECTION_ROLE:
            return False
        if role == self.SECTION_ID_ROLE:
            return parent.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 2:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() < len(self._nodes[index.internalId()].children):
            return Qt.ItemFlag.ItemIsEnabled
        return _ARTICLE_FLAGS

    # -- articles ----------------------------------------------------------------------

    def article_id(self, index: _Index) -> str | None:
        value = self.data(index, self.ARTICLE_ID_ROLE)
        return value if isinstance(value, str) else None

    def section_id(self, index: _Index) -> int | None:
        """The section an index is (or holds the article of); None for none."""
        value = self.data(index, self.SECTION_ID_ROLE)
        return value if isinstance(value, int) else None

    def in_trash(self, index: _Index) -> bool:
        return index.isValid() and (
            index.internalId() == TRASH_ID or self.section_id(index) == TRASH_ID
        )

    def is_read(self, article_id: str) -> bool:
        """Whether the list shows the article as read; False if it is not loaded yet."""
        where = self._loaded.get(article_id)
        if where is None:
            return False
        row = self._nodes[where[0]].articles[where[1]]
        return row is not None and row.read

    def set_read(self, article_id: str, read: bool = True) -> None:
        """Show an article as read or unread; the caller has already written it down."""
        where = self._loaded.get(article_id)
        if where is None:
            return  # not fetched yet: it will be read from the library when it is
        node = self._nodes[where[0]]
        row = node.articles[where[1]]
        if row is None or row.read == read:
            return
        node.articles[where[1]] = replace(row, read=read)
        index = self._article_index(node, where[1])
        self.dataChanged.emit(index, index.siblingAtColumn(1), [Qt.ItemDataRole.FontRole])
        if node.id == TRASH_ID:
            return
        step = -1 if read else 1
        node.unread = max(0, node.unread + step)
        while node.id:  # the counts of every section above it
            node.unread_total = max(0, node.unread_total + step)
            self._label(node)
            section = self._section_index(node)
            self.dataChanged.emit(section, section.siblingAtColumn(1))
            node = self._nodes[node.up]

    def section_indexes(self) -> list[tuple[int, QModelIndex]]:
        """Every section shown and its index: to keep expansion across a reload."""
        return [(n.id, self._section_index(n)) for n in self._order if n.id]

    def index_of_section(self, section_id: int) -> QModelIndex:
        node = self._nodes.get(section_id)
        return self._section_index(node) if node is not None and node.id else QModelIndex()

    def section_path(self, section_id: int) -> tuple[str, ...]:
        """The names (as stored) from the top down to a section shown."""
        names: list[str] = []
        node = self._nodes.get(section_id)
        while node is not None and node.id:
            names.append(node.name)
            node = self._nodes.get(node.up)
        return tuple(reversed(names))

    def index_of_article(self, article_id: str) -> QModelIndex:
        """The article's row, reading only its own page; invalid if not shown.

        Its place in its section is counted in the library's index, so an old
        article in a big section costs what a new one does.
        """
        where = self._loaded.get(article_id)
        if where is not None:
            return self._article_index(self._nodes[where[0]], where[1])
        node, row = self._place(article_id)
        if node is None or row >= node.own:
            return QModelIndex()
        if row >= len(node.articles):
            self._fetch(node, upto=row)
        else:
            self._fill(node, row // PAGE)
        where = self._loaded.get(article_id)
        if where is None:  # the library changed under us
            return QModelIndex()
        return self._article_index(self._nodes[where[0]], where[1])

    def _place(self, article_id: str) -> tuple[Section | None, int]:
        if self._filter:
            index = self._index
            row = -1 if index is None else index.row_of(article_id)
            node = self._nodes.get(index.sections[row]) if index and row >= 0 else None
            if node is None or not node.matched or row not in node.matched:
                return None, 0
            return node, node.matched.index(row)
        if self._order_by == "title":
            found = self._conn.execute(
                "SELECT section_id, folded_title FROM articles WHERE id = ? AND trashed_at IS NULL",
                (article_id,),
            ).fetchone()
            if found is None:
                return None, 0
            row = self._conn.execute(
                "SELECT count(*) FROM articles INDEXED BY articles_by_folded_title "
                "WHERE section_id = ? AND trashed_at IS NULL AND (folded_title, id) < (?, ?)",
                (found[0], found[1], article_id),
            ).fetchone()[0]
            return self._nodes.get(int(found[0])), int(row)
        place = place_in_section(self._conn, article_id)
        if place is None:
            return None, 0
        return self._nodes.get(place[0]), place[1]

    def neighbour_article(self, index: _Index, step: int) -> QModelIndex:
        """The article `step` places after (or before, if negative) `index` in display order.

        From a section, +1 is the first article shown under it and -1 the last one above
        it; from no index, the first or last article. Invalid past either end.
        """
        current = (
            QModelIndex(index)
            if isinstance(index, QModelIndex)
            else self.index(index.row(), index.column(), index.parent())
        )
        direction = 1 if step > 0 else -1
        for _ in range(abs(step)):
            current = self._step(current, direction)
            if not current.isValid():
                break
        return current

    def _step(self, index: QModelIndex, direction: int) -> QModelIndex:
        if not index.isValid():
            return self._article_from(0 if direction > 0 else len(self._order) - 1, direction)
        parent = self._nodes[index.internalId()]
        n = len(parent.children)
        if index.row() < n:  # a section: start at the edge of its subtree
            first = parent.children[index.row()].first
            return self._article_from(first if direction > 0 else first - 1, direction)
        i = index.row() - n + direction
        if direction > 0 and i >= len(parent.articles) and len(parent.articles) < parent.own:
            self._fetch(parent)
        if 0 <= i < len(parent.articles):
            self._row_at(parent, i)
            return self._article_index(parent, i)
        return self._article_from(parent.pos + direction, direction)

    def _article_from(self, pos: int, direction: int) -> QModelIndex:
        """The first article (going forwards) or last (backwards) from section `pos` on."""
        while 0 <= pos < len(self._order):
            node = self._order[pos]
            if direction > 0:
                if not node.articles and node.own:
                    self._fetch(node)
                if node.articles:
                    self._row_at(node, 0)
                    return self._article_index(node, 0)
            else:
                # The last article of a section is its oldest: only its page is read.
                if node.own and len(node.articles) < node.own:
                    self._fetch(node, upto=node.own - 1)
                if node.articles:
                    self._row_at(node, len(node.articles) - 1)
                    return self._article_index(node, len(node.articles) - 1)
            pos += direction
        return QModelIndex()
