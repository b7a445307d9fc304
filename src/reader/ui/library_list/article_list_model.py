"""The article list: a tree of sections, each holding its articles, loaded a page at a time.

Like qutebrowser's completion model, categories (sections) hold items (articles). Every
index carries the id of its parent section as its internalId (0 for top-level rows), so
no Python object has to outlive a raw pointer, and data() only reads lists in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from reader.library import SectionRow
from reader.library.articles import UNSORTED
from reader.library.listing import list_sections, trash_count, unread_counts
from reader.library.title_index import Matches, TitleIndex
from reader.ui.fonts import emboldened
from reader.ui.library_list.list_finding import FindingMixin
from reader.ui.library_list.list_marks import ReadMarksMixin
from reader.ui.library_list.list_nodes import TRASH_ID, Section, flatten_deep, number
from reader.ui.library_list.list_reading import FIRST_PAGE, PAGE, ReadingMixin
from reader.ui.samples import SAMPLES_SECTION

__all__ = ["FIRST_PAGE", "PAGE", "ArticleListModel"]

# Plain ints: data() receives an int role, and comparing ints is the cheapest test.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
# An article never holds rows: told so, QTreeView's layout of the rows of a section
# asks no hasChildren() of each article.
_ARTICLE_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_NO_INDEX = QModelIndex()

_Index: TypeAlias = "QModelIndex | QPersistentModelIndex"


def _rows(node: Section) -> int:
    return len(node.children) + len(node.articles)


def _date(published: str | None) -> str:
    return published[:10] if published else ""


def unread_text(count: int | str) -> str:
    """A section's "N unread", in its second column and its tooltip."""
    return QCoreApplication.translate("ArticleListModel", "{0} unread").format(count)


class ArticleListModel(FindingMixin, ReadingMixin, ReadMarksMixin, QAbstractItemModel):
    """Sections nested by parent; under each, its child sections then its articles."""

    ARTICLE_ID_ROLE = _USER + 1
    IS_SECTION_ROLE = _USER + 2
    SECTION_ID_ROLE = _USER + 3
    TITLE_COLUMN = 0
    DATE_COLUMN = 1
    ORDERS = ("date", "title")
    _ROLES = frozenset(
        {_DISPLAY, _FONT, _TOOLTIP, ARTICLE_ID_ROLE, IS_SECTION_ROLE, SECTION_ID_ROLE}
    )

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
        self._bold = emboldened(QFont())
        self._headers = (self.tr("Title"), self.tr("Date"))
        self._root = Section(0, "", 0)
        self._nodes: dict[int, Section] = {0: self._root}
        self._parents: dict[int, QModelIndex] = {}  # section id -> its index
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

    def set_font(self, font: QFont) -> None:
        """Unread rows are `font` in bold (the view sets `font` on itself after)."""
        self._bold = emboldened(font)

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

    @property
    def most_unread(self) -> int:
        """The largest unread count a section shows: a top-level one's, which counts
        its subsections' too."""
        return max((node.unread_total for node in self._root.children), default=0)

    def set_filter(self, text: str) -> None:
        """Show only articles whose title contains `text` in any script, and the
        sections holding them."""
        text = text.strip()
        if self._fold is None:
            from reader.chinese.folding import shared_folder

            self._fold = shared_folder().fold
        folded = self._fold(text) if text else ""
        if folded == self._filter:
            return
        self._filter = folded
        self._reset()

    def prepare_filter(self) -> None:
        """Start reading the titles for the filter (when the filter box is entered),
        a few sections per turn of the event loop; a filter set before the end
        reads the rest at once."""
        if self._index is None:
            self._index = TitleIndex(self._conn, now=False)
            self._step_index(self._index)

    def _step_index(self, index: TitleIndex) -> None:
        if index is self._index and not index.step():  # not dropped by a reload
            QTimer.singleShot(0, self, lambda: self._step_index(index))

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
        matched: dict[int, Matches] | None = None
        if self._filter:
            if self._index is None:
                self._index = TitleIndex(self._conn)
            matched = self._index.find(self._filter, by_title=self._order_by == "title")
            none = Matches(self._index, self._filter, (0, 0), 0, False)  # for the rest
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
                node.matched = matched.get(r.id, none)
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
        # A row's parent is the section whose id is its internalId; sections keep
        # their rows until the next reset.
        self._parents = {n.id: self._section_index(n) for n in order if n.id}
        self._loaded = {}
        self._pending = set()

    def _label(self, node: Section) -> None:
        # The sections Reader invents are named in the interface language; the
        # library keeps "Unsorted" and "Samples".
        if node.id == TRASH_ID:
            name = node.name
        elif node.name == UNSORTED:
            name = self.tr("Unsorted")
        elif node.name == SAMPLES_SECTION[0]:
            name = self.tr("Samples")
        else:
            name = self._transform(node.name)
        node.label = self.tr("{name} ({count})").format(name=name, count=node.total)
        tip = self.tr("{name}\n{count} articles").format(name=name, count=node.total)
        node.unread_label = ""
        # Under a filter the count is of the matches; the unread count would be the
        # whole section's ("(3)" beside "4000 unread"), so it is not shown.
        if node.unread_total and not self._filter:
            node.unread_label = unread_text(node.unread_total)
            tip += "\n" + node.unread_label
        node.tip = tip

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
        # A view asks this several times for every row it paints: one lookup. (An
        # invalid index, or one at the top, has internalId 0: the root.)
        return self._parents.get(child.internalId(), _NO_INDEX)

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
        return self.rows_to_read(parent) > 0

    def rows_to_read(self, parent: _Index) -> int:
        """How many rows the next read of a section adds (0: it holds no more)."""
        node = self._section_at(parent)
        if node is None:
            return 0
        have = len(node.articles)
        return max(0, min(node.own - have, FIRST_PAGE if not have else PAGE))

    def fetchMore(self, parent: _Index) -> None:
        node = self._section_at(parent)
        if node is not None and len(node.articles) < node.own:
            self._fetch(node)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        # Hot path (every paint): no queries, no tr(), only lookups in memory. A
        # delegate asks seven roles of every cell it paints; most are none of ours.
        if role not in self._ROLES or not index.isValid():
            return None
        parent = self._nodes[index.internalId()]
        row = index.row()
        n = len(parent.children)
        if row < n:
            child = parent.children[row]
            if role == _DISPLAY:
                if index.column() == 0:
                    return child.label
                return child.unread_label
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
