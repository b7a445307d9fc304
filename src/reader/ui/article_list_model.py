"""The article list: a tree of sections, each holding its articles, loaded a page at a time.

Like qutebrowser's completion model, categories (sections) hold items (articles). Every
index carries the id of its parent section as its internalId (0 for top-level rows), so
no Python object has to outlive a raw pointer, and data() only reads lists in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.domain import MAX_SECTION_DEPTH
from reader.library import ArticleRow
from reader.library.articles import UNSORTED
from reader.library.listing import list_articles, list_sections, listed_before, matching_counts
from reader.ui.samples import SAMPLES_SECTION

PAGE = 500  # articles fetched per fetchMore(): enough to fill a screen many times over

# Plain ints: data() receives an int role, and comparing ints is the cheapest test.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ARTICLE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_INDEX = QModelIndex()

_Index: TypeAlias = "QModelIndex | QPersistentModelIndex"


def _rows(node: _Section) -> int:
    return len(node.children) + len(node.articles)


def _date(published: str | None) -> str:
    return published[:10] if published else ""


def _flatten_deep(root: _Section) -> None:
    """Show sections deeper than a section may be (MAX_SECTION_DEPTH) one level below it.

    Only a library written by an older version holds them: whole breadcrumbs of
    thousands of levels. Qt's tree view recurses once per level (expandAll crashed on
    100,000); so under the last allowed level, the sections of the subtree that hold
    articles become its children, in tree order, each with its own articles, the
    deeper ones marked "… / name".
    """
    stack = [(child, 1) for child in reversed(root.children)]
    while stack:
        node, depth = stack.pop()
        if depth < MAX_SECTION_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(node.children))
            continue
        below: list[_Section] = []
        direct = {child.id for child in node.children}
        pending = list(reversed(node.children))
        while pending:
            child = pending.pop()
            pending.extend(reversed(child.children))
            child.children = []
            if child.id in direct or child.own:  # a level between holds nothing itself
                if child.id not in direct:
                    child.name = f"… / {child.name}"
                below.append(child)
        node.children = below


@dataclass(slots=True, eq=False)
class _Section:
    id: int  # 0 for the invisible root
    name: str
    own: int  # articles directly here that the list shows (the matching ones under a filter)
    up: int = 0  # id of the parent node in the tree: the internalId of this row's index
    row: int = 0
    total: int = 0  # `own` summed over the subtree
    label: str = ""
    pos: int = 0  # place in article order (children's articles come before our own)
    first: int = 0  # place in article order of the first section of the subtree
    children: list[_Section] = field(default_factory=list)
    articles: list[ArticleRow] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # transformed, parallel to articles


class ArticleListModel(QAbstractItemModel):
    """Sections nested by parent; under each, its child sections then its articles."""

    ARTICLE_ID_ROLE = _USER + 1
    IS_SECTION_ROLE = _USER + 2
    TITLE_COLUMN = 0
    DATE_COLUMN = 1

    def __init__(
        self,
        conn: sqlite3.Connection,
        parent: QObject | None = None,
        title_transform: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._conn = conn
        self._transform = title_transform or str  # str(s) is s
        self._filter = ""
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = (self.tr("Title"), self.tr("Date"))
        self._root = _Section(0, "", 0)
        self._nodes: dict[int, _Section] = {0: self._root}
        self._order: list[_Section] = []  # sections in article order, see _Section.pos
        self._loaded: dict[str, tuple[int, int]] = {}  # article id -> (section id, position)
        self._load()

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the sections; fetched articles are dropped and fetched again on demand."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only articles whose title contains `text`, and the sections holding them."""
        self._filter = text.strip()
        self.reload()

    def set_title_transform(self, transform: Callable[[str], str] | None) -> None:
        """Change how titles and section names are shown, keeping expansion and selection."""
        self._transform = transform or str
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
        for node in self._order:
            node.label = self._label(node)
            node.titles = [self._transform(a.title) for a in node.articles]
            if rows := _rows(node):
                top_left = self.createIndex(0, 0, node.id)
                self.dataChanged.emit(top_left, self.createIndex(rows - 1, 1, node.id), roles)

    def _load(self) -> None:
        counts = matching_counts(self._conn, self._filter) if self._filter else None
        root = _Section(0, "", 0)
        nodes = {0: root}
        rows = list_sections(self._conn)  # sorted by parent, then name
        for r in rows:
            own = r.count if counts is None else counts.get(r.id, 0)
            nodes[r.id] = _Section(r.id, r.name, own)
        for r in rows:
            parent = nodes.get(r.parent_id, root)  # an orphan is shown at the top level
            if parent.id != r.id:
                parent.children.append(nodes[r.id])
        _flatten_deep(root)
        order: list[_Section] = []
        self._number(root, order)
        self._root = root
        self._order = order
        # Only what is reachable from the root: pruned and cyclic sections stay out.
        self._nodes = {n.id: n for n in order}
        self._loaded = {}

    def _number(self, root: _Section, order: list[_Section]) -> None:
        """Number the tree in article order (children before a section's own articles),
        sum the counts, prune sections without matches under a filter.

        A loop over a stack, never recursion: a library may hold a section path
        thousands of levels deep (older versions stored whole breadcrumbs).
        """
        root.first, root.total = 0, root.own
        # Each entry: a section, its children still to visit, the children kept so far.
        stack: list[tuple[_Section, Iterator[_Section], list[_Section]]] = [
            (root, iter(root.children), [])
        ]
        while stack:
            node, pending, kept = stack[-1]
            child = next(pending, None)
            if child is not None:
                child.first, child.total = len(order), child.own
                stack.append((child, iter(child.children), []))
                continue
            stack.pop()
            node.children = kept
            node.label = self._label(node)
            node.pos = len(order)
            order.append(node)
            if not stack:
                break
            parent, _, siblings = stack[-1]
            if self._filter and not node.total:
                del order[node.first :]  # the subtree holds no match
                continue
            node.row, node.up = len(siblings), parent.id
            siblings.append(node)
            parent.total += node.total

    def _label(self, node: _Section) -> str:
        # The sections Reader invents are named in the interface language; the
        # library keeps "Unsorted" and "Samples".
        if node.name == UNSORTED:
            name = self.tr("Unsorted")
        elif node.name == SAMPLES_SECTION[0]:
            name = self.tr("Samples")
        else:
            name = self._transform(node.name)
        return self.tr("{name} ({count})").format(name=name, count=node.total)

    def _fetch(self, node: _Section) -> int:
        """Append the next page of a section's articles; returns how many came."""
        have = len(node.articles)
        # Continue after the last row held rather than at an offset: every page costs the same.
        last = node.articles[-1] if node.articles else None
        rows = list_articles(self._conn, node.id, 0, PAGE, self._filter or None, after=last)
        # A short page is the end, even if the library changed since it was counted.
        node.own = have + len(rows) if len(rows) < PAGE else max(node.own, have + len(rows))
        if not rows:
            return 0
        first = len(node.children) + have
        self.beginInsertRows(self._section_index(node), first, first + len(rows) - 1)
        node.articles.extend(rows)
        node.titles.extend(self._transform(r.title) for r in rows)
        for i, r in enumerate(rows, have):
            self._loaded[r.id] = (node.id, i)
        self.endInsertRows()
        return len(rows)

    # -- QAbstractItemModel ------------------------------------------------------------

    def _section_index(self, node: _Section) -> QModelIndex:
        return self.createIndex(node.row, 0, node.up) if node.id else QModelIndex()

    def _article_index(self, node: _Section, i: int) -> QModelIndex:
        return self.createIndex(len(node.children) + i, 0, node.id)

    def _section_at(self, index: _Index) -> _Section | None:
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
            if role == _DISPLAY:
                return parent.children[row].label if index.column() == 0 else ""
            if role == self.IS_SECTION_ROLE:
                return True
            return None
        i = row - n
        if role == _DISPLAY:
            if index.column() == 0:
                return parent.titles[i]
            return _date(parent.articles[i].published)
        if role == _FONT:
            return None if parent.articles[i].read else self._bold
        if role == _TOOLTIP:
            date = _date(parent.articles[i].published)
            return f"{parent.titles[i]}\n{date}" if date else parent.titles[i]
        if role == self.ARTICLE_ID_ROLE:
            return parent.articles[i].id
        if role == self.IS_SECTION_ROLE:
            return False
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

    def is_read(self, article_id: str) -> bool:
        """Whether the list shows the article as read; False if it is not loaded yet."""
        where = self._loaded.get(article_id)
        return where is not None and self._nodes[where[0]].articles[where[1]].read

    def set_read(self, article_id: str, read: bool = True) -> None:
        """Show an article as read or unread; the caller has already written it down."""
        where = self._loaded.get(article_id)
        if where is None:
            return  # not fetched yet: it will be read from the library when it is
        node = self._nodes[where[0]]
        row = node.articles[where[1]]
        if row.read == read:
            return
        node.articles[where[1]] = replace(row, read=read)
        index = self._article_index(node, where[1])
        self.dataChanged.emit(index, index.siblingAtColumn(1), [Qt.ItemDataRole.FontRole])

    def section_indexes(self) -> list[tuple[int, QModelIndex]]:
        """Every section shown and its index: to keep expansion across a reload."""
        return [(n.id, self._section_index(n)) for n in self._order if n.id]

    def index_of_section(self, section_id: int) -> QModelIndex:
        node = self._nodes.get(section_id)
        return self._section_index(node) if node is not None and node.id else QModelIndex()

    def index_of_article(self, article_id: str) -> QModelIndex:
        """The article's row, fetching its section's pages up to it; invalid if not shown."""
        where = self._loaded.get(article_id)
        if where is not None:
            return self._article_index(self._nodes[where[0]], where[1])
        found = self._conn.execute(
            "SELECT section_id, published, title FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        node = self._nodes.get(int(found[0])) if found else None
        if node is None:  # no such article, or its section is filtered out
            return QModelIndex()
        target = (found[1], str(found[2]), article_id)
        while len(node.articles) < node.own:
            last = node.articles[-1] if node.articles else None
            if last is not None and listed_before(target, (last.published, last.title, last.id)):
                break  # already past where it would be: filtered out
            if not self._fetch(node):
                break
            where = self._loaded.get(article_id)
            if where is not None:
                return self._article_index(node, where[1])
        return QModelIndex()

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
                    return self._article_index(node, 0)
            else:
                # The last article of a section is its oldest: the whole section must load.
                while len(node.articles) < node.own and self._fetch(node):
                    pass
                if node.articles:
                    return self._article_index(node, len(node.articles) - 1)
            pos += direction
        return QModelIndex()
