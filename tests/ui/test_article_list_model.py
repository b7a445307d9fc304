"""The article list model over a real library: tree, counts, filter, lazy pages, navigation."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QTreeView

from reader.domain import MAX_SECTION_DEPTH, Article, Block
from reader.library import ArticleStore, open_library
from reader.library.listing import list_articles, matching_counts
from reader.ui.library_list.article_list_model import FIRST_PAGE, PAGE, ArticleListModel
from tests.deep_library import DEEP_ID, MIDDLE_ID, level, write_deep_library
from tests.ui.driving import shown_tree

if TYPE_CHECKING:  # pytest-qt's modules need its Qt binding chosen first
    from pytestqt.modeltest import ModelTester
    from pytestqt.qtbot import QtBot

Row = tuple[str, str, tuple[str, ...], str | None]
ID = ArticleListModel.ARTICLE_ID_ROLE
IS_SECTION = ArticleListModel.IS_SECTION_ROLE
FONT = Qt.ItemDataRole.FontRole

# (id, title, section path, published). Display order of the articles, as the tree shows
# them: sections by name (人民网 < 新华网, 国际 < 时政), child sections before own articles.
SMALL: list[Row] = [
    ("gj-new", "国际新闻二", ("人民网", "国际"), "2024-01-05T08:00"),
    ("gj-old", "国际新闻一", ("人民网", "国际"), "2024-01-02T08:00"),
    ("sz-new", "经济增长稳中向好", ("人民网", "时政"), "2024-01-03T08:00"),
    ("sz-mid", "时政要闻", ("人民网", "时政"), "2024-01-01T08:00"),
    ("sz-undated", "经济工作会议", ("人民网", "时政"), None),
    ("rm-top", "人民网首页 ABC", ("人民网",), "2024-01-04T08:00"),
    ("xh-1", "新华社评论 100%", ("新华网",), "2024-01-06T08:00"),
    ("xh-2", "新华社快讯 a_b", ("新华网",), "2024-01-01T09:00"),
]
SMALL_ORDER = [a[0] for a in SMALL]


def _article(aid: str, title: str, path: tuple[str, ...], published: str | None) -> Article:
    return Article(
        id=aid,
        title=title,
        blocks=(Block.paragraph(f"{title}的正文。"),),
        section_path=path,
        published=published,
    )


def _library(tmp_path: Path, rows: list[Row]) -> sqlite3.Connection:
    conn = open_library(tmp_path / "library")
    store = ArticleStore(conn)
    for row in rows:
        store.add(_article(*row))
    return conn


@pytest.fixture
def small(tmp_path: Path, qapp: QApplication) -> Iterator[sqlite3.Connection]:
    conn = _library(tmp_path, SMALL)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def big_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,200 articles in 大栏目 and one in 小栏目, built once: adding them takes a while."""
    folder = tmp_path_factory.mktemp("big")
    # 84 dates, so pages split runs of equal dates; every 100th article is undated.
    rows: list[Row] = [
        (f"big{i:04d}", f"第{i:04d}篇", ("大栏目",), f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
        for i in range(1200)
    ]
    rows = [(a, t, p, None if i % 100 == 7 else d) for i, (a, t, p, d) in enumerate(rows)]
    _library(folder, [*rows, ("small", "小文章", ("小栏目",), "2020-01-01T08:00")]).close()
    return folder


@pytest.fixture
def big(big_dir: Path, qapp: QApplication) -> Iterator[sqlite3.Connection]:
    conn = open_library(big_dir / "library")
    yield conn
    conn.close()


def _walk(model: ArticleListModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    """Every loaded index, both columns, without fetching anything."""
    if parent is None:
        parent = QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            yield model.index(row, column, parent)
        yield from _walk(model, model.index(row, 0, parent))


def _titles(model: ArticleListModel, parent: QModelIndex) -> list[str]:
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def _section(model: ArticleListModel, *names: str) -> QModelIndex:
    index = QModelIndex()
    for name in names:
        rows = range(model.rowCount(index))
        index = next(
            model.index(r, 0, index)
            for r in rows
            if str(model.index(r, 0, index).data()).startswith(f"{name} (")
        )
    return index


def _all_fetched(model: ArticleListModel) -> None:
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        while model.canFetchMore(parent):
            model.fetchMore(parent)
        pending += [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


# -- qtmodeltester -----------------------------------------------------------------------


def test_model_tester_passes_on_an_empty_library(
    tmp_path: Path, qapp: QApplication, qtmodeltester: ModelTester
) -> None:
    conn = open_library(tmp_path / "library")
    model = ArticleListModel(conn)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert not model.hasChildren()
    assert not model.neighbour_article(QModelIndex(), 1).isValid()
    conn.close()


def test_model_tester_passes_on_a_nested_library(
    small: sqlite3.Connection, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(ArticleListModel(small))


def test_model_tester_passes_after_fetching(
    small: sqlite3.Connection, qtmodeltester: ModelTester
) -> None:
    model = ArticleListModel(small)
    _all_fetched(model)
    qtmodeltester.check(model)


def test_model_tester_passes_with_a_filter(
    small: sqlite3.Connection, qtmodeltester: ModelTester
) -> None:
    model = ArticleListModel(small)
    model.set_filter("经济")
    qtmodeltester.check(model)


def test_model_tester_passes_on_a_big_section(
    big: sqlite3.Connection, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(ArticleListModel(big))


def test_model_tester_watches_filtering_fetching_and_resets(small: sqlite3.Connection) -> None:
    # Qt's tester stays connected and reports a bad signal as a warning, which fails the test
    # (qt_log_level_fail). After its first pass it must stop calling fetchMore itself: it
    # re-runs inside modelReset, before its own reset bookkeeping, and would flag the rows
    # it just fetched (pytest-dev/pytest-qt#501 has the same trap).
    model = ArticleListModel(small)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    tester.setUseFetchMore(False)
    model.set_filter("经济")
    _all_fetched(model)
    model.set_title_transform(str.upper)
    model.set_filter("")
    _all_fetched(model)
    model.set_read("sz-new")
    assert model.neighbour_article(model.index_of_article("xh-2"), -len(SMALL) + 1).isValid()
    model.reload()


# -- tree, counts, fonts -----------------------------------------------------------------


def test_sections_nest_with_counts_that_include_descendants(small: sqlite3.Connection) -> None:
    model = ArticleListModel(small)
    assert _titles(model, QModelIndex()) == ["人民网 (6)", "新华网 (2)"]
    renmin = _section(model, "人民网")
    # Child sections first, then the section's own articles (fetched on demand).
    assert _titles(model, renmin) == ["国际 (2)", "时政 (3)"]
    assert model.hasChildren(renmin) and model.canFetchMore(renmin)
    model.fetchMore(renmin)
    assert _titles(model, renmin) == ["国际 (2)", "时政 (3)", "人民网首页 ABC"]
    assert renmin.data(IS_SECTION) is True and renmin.data(ID) is None
    assert model.index(0, 1, QModelIndex()).data() == "6 unread"  # said, beside the count
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Date"


def test_laying_out_a_section_asks_none_of_its_articles_for_rows(
    small: sqlite3.Connection, qtbot: QtBot
) -> None:
    """An article tells the view it never holds rows, so a tree expanding sections
    (each keystroke of the title filter does) asks no hasChildren() of each article."""
    asked: list[str | None] = []

    class Watched(ArticleListModel):
        def hasChildren(self, parent: QModelIndex | None = None) -> bool:  # type: ignore[override]
            index = QModelIndex() if parent is None else parent
            asked.append(self.article_id(index))
            return super().hasChildren(index)

    model = Watched(small)
    tree = shown_tree(qtbot, QTreeView(), model)
    tree.viewport().repaint()
    shown = [model.article_id(model.index(r, 0, _section(model, "新华网"))) for r in range(2)]
    assert shown == ["xh-1", "xh-2"]  # the articles are laid out and painted
    assert asked  # the sections were asked
    assert [a for a in asked if a is not None] == []


def test_articles_are_listed_newest_first_with_undated_last(small: sqlite3.Connection) -> None:
    model = ArticleListModel(small)
    shizheng = _section(model, "人民网", "时政")
    assert model.rowCount(shizheng) == 0  # nothing loaded until asked
    model.fetchMore(shizheng)
    ids = [model.index(r, 0, shizheng).data(ID) for r in range(3)]
    assert ids == ["sz-new", "sz-mid", "sz-undated"]
    assert [model.index(r, 1, shizheng).data() for r in range(3)] == [
        "2024-01-03",
        "2024-01-01",
        "",
    ]
    assert model.index(0, 0, shizheng).data(Qt.ItemDataRole.ToolTipRole) == (
        "经济增长稳中向好\n2024-01-03"
    )
    assert model.flags(model.index(0, 0, shizheng)) & Qt.ItemFlag.ItemIsSelectable


def test_unread_articles_are_bold_until_marked_read(
    small: sqlite3.Connection, qtbot: QtBot
) -> None:
    model = ArticleListModel(small)
    assert not model.is_read("sz-new")  # not loaded yet
    index = model.index_of_article("sz-new")
    assert index.data(FONT).bold() and not model.is_read("sz-new")
    ArticleStore(small).mark_read("sz-new")
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.set_read("sz-new")
    assert signal.args[0] == index and model.is_read("sz-new")
    assert index.data(FONT) is None
    assert model.index(index.row(), 1, index.parent()).data(FONT) is None
    model.reload()  # and the library agrees
    assert model.index_of_article("sz-new").data(FONT) is None
    assert model.index_of_article("sz-mid").data(FONT).bold()


def test_title_transform_changes_names_and_titles_in_place(
    small: sqlite3.Connection, qtbot: QtBot
) -> None:
    model = ArticleListModel(small, title_transform=lambda s: s.replace("国际", "國際"))
    article = model.index_of_article("gj-new")
    assert article.data() == "國際新闻二"
    with qtbot.waitSignal(model.dataChanged):
        model.set_title_transform(None)
    assert article.isValid() and article.data() == "国际新闻二"
    assert article.parent().data() == "国际 (2)"


# -- filter ------------------------------------------------------------------------------


def test_filter_narrows_titles_and_hides_sections_without_matches(
    small: sqlite3.Connection,
) -> None:
    model = ArticleListModel(small)
    model.set_filter("经济")
    assert _titles(model, QModelIndex()) == ["人民网 (2)"]
    # "(2)" counts matches: the section's own unread count is not set beside it.
    assert model.index(0, 1, QModelIndex()).data() == ""
    assert "unread" not in model.index(0, 0, QModelIndex()).data(Qt.ItemDataRole.ToolTipRole)
    renmin = _section(model, "人民网")
    assert _titles(model, renmin) == ["时政 (2)"]
    assert not model.canFetchMore(renmin)  # its own article does not match
    _all_fetched(model)
    assert _titles(model, _section(model, "人民网", "时政")) == ["经济增长稳中向好", "经济工作会议"]
    assert not model.index_of_article("sz-mid").isValid()

    model.set_filter("")
    assert _titles(model, QModelIndex()) == ["人民网 (6)", "新华网 (2)"]
    assert model.index(0, 1, QModelIndex()).data() == "6 unread"
    assert model.index_of_article("sz-mid").isValid()


def test_filter_ignores_ascii_case_and_takes_wildcards_literally(small: sqlite3.Connection) -> None:
    assert matching_counts(small, "abc") == matching_counts(small, "ABC")
    assert sum(matching_counts(small, "abc").values()) == 1
    assert sum(matching_counts(small, "%").values()) == 1
    assert sum(matching_counts(small, "_").values()) == 1
    assert matching_counts(small, "没有") == {}
    model = ArticleListModel(small)
    model.set_filter("a_b")
    _all_fetched(model)
    assert [i.data(ID) for i in _walk(model) if i.column() == 0 and i.data(ID)] == ["xh-2"]


# -- lazy loading ------------------------------------------------------------------------


def test_a_big_section_loads_page_by_page(big: sqlite3.Connection) -> None:
    model = ArticleListModel(big)
    section = _section(model, "大栏目")
    assert section.data() == "大栏目 (1200)"
    assert model.hasChildren(section) and model.rowCount(section) == 0
    rows = []
    while model.canFetchMore(section):
        model.fetchMore(section)
        rows.append(model.rowCount(section))
    assert PAGE == 500
    assert rows == [FIRST_PAGE, FIRST_PAGE + PAGE, FIRST_PAGE + 2 * PAGE, 1200]
    dates = [model.index(r, 1, section).data() for r in range(1200)]
    assert dates[:1188] == sorted(dates[:1188], reverse=True) and dates[1188:] == [""] * 12
    assert len({model.index(r, 0, section).data(ID) for r in range(1200)}) == 1200


def test_pages_after_a_row_match_pages_at_an_offset(big: sqlite3.Connection) -> None:
    everything = list_articles(big, 1, 0, 2000)  # 大栏目 was created first: id 1
    assert len({a.id for a in everything}) == 1200
    assert [a.published is None for a in everything] == [False] * 1188 + [True] * 12
    for size in (1, 7, 500):
        by_offset = [list_articles(big, 1, at, size) for at in range(0, 1200, size)]
        by_key, last = [], None
        while page := list_articles(big, 1, 0, size, after=last):
            by_key.append(page)
            last = page[-1]
        assert by_key == by_offset
        assert [a for page in by_key for a in page] == everything
    with pytest.raises(ValueError, match="not both"):
        list_articles(big, 1, 5, 10, after=everything[0])


# -- finding and stepping ----------------------------------------------------------------


def test_index_of_article_fetches_up_to_it(big: sqlite3.Connection) -> None:
    model = ArticleListModel(big)
    section = _section(model, "大栏目")
    oldest_id = list_articles(big, 1, 1199, 1)[0].id
    index = model.index_of_article(oldest_id)
    assert index.data(ID) == oldest_id and index.row() == 1199
    assert model.rowCount(section) == 1200
    assert not model.index_of_article("no-such-article").isValid()


def test_a_filtered_out_article_has_no_index_and_is_not_searched_for_to_the_end(
    big: sqlite3.Connection,
) -> None:
    model = ArticleListModel(big)
    model.set_filter("第0")  # 第0000篇 … 第0999篇
    everything = list_articles(big, 1, 0, 1200)  # 大栏目 was created first: id 1
    newest_unmatched = next(a for a in everything if not a.title.startswith("第0"))
    assert not model.index_of_article(newest_unmatched.id).isValid()
    # The matches are known: nothing was read to look for it.
    assert model.rowCount(_section(model, "大栏目")) == 0


def test_neighbour_article_walks_across_sections_both_ways(small: sqlite3.Connection) -> None:
    model = ArticleListModel(small)
    forward, index = [], model.neighbour_article(QModelIndex(), 1)
    while index.isValid():
        forward.append(index.data(ID))
        index = model.neighbour_article(index, 1)
    assert forward == SMALL_ORDER

    backward, index = [], model.neighbour_article(QModelIndex(), -1)
    while index.isValid():
        backward.append(index.data(ID))
        index = model.neighbour_article(index, -1)
    assert backward == SMALL_ORDER[::-1]

    shizheng = _section(model, "人民网", "时政")
    assert model.neighbour_article(shizheng, 1).data(ID) == "sz-new"
    assert model.neighbour_article(shizheng, -1).data(ID) == "gj-old"
    assert model.neighbour_article(model.index_of_article("gj-new"), 3).data(ID) == "sz-mid"


def test_neighbour_article_fetches_pages_as_it_goes(big: sqlite3.Connection) -> None:
    model = ArticleListModel(big)
    section = _section(model, "大栏目")
    model.fetchMore(section)
    assert model.rowCount(section) == FIRST_PAGE
    after_page = model.neighbour_article(model.index(FIRST_PAGE - 1, 0, section), 1)
    assert after_page.row() == FIRST_PAGE and model.rowCount(section) == FIRST_PAGE + PAGE
    model.reload()
    # Back from the next section lands on the oldest article of the big one.
    back = model.neighbour_article(model.index_of_article("small"), -1)
    assert back.row() == 1199 and back.parent() == _section(model, "大栏目")


# -- the paint path ----------------------------------------------------------------------


def test_data_runs_no_sql(small: sqlite3.Connection) -> None:
    model = ArticleListModel(small)
    _all_fetched(model)
    indexes = list(_walk(model))
    assert len(indexes) == 2 * (len(SMALL) + 4)  # articles and sections
    statements: list[str] = []
    small.set_trace_callback(statements.append)
    try:
        for index in indexes:
            for role in [*range(20), ID, IS_SECTION]:
                model.data(index, role)
            model.flags(index)
            model.parent(index)
        for column in range(2):
            model.headerData(column, Qt.Orientation.Horizontal)
    finally:
        small.set_trace_callback(None)
    assert statements == []


# -- a library an older version left with a breadcrumb thousands of levels deep -----------


def test_a_section_path_thousands_deep_loads_without_recursion(
    tmp_path: Path, qapp: QApplication, qtmodeltester: ModelTester
) -> None:
    # Deeper than Python's recursion limit: the model once recursed once per level.
    depth = 3000
    conn = write_deep_library(tmp_path / "library", depth)
    model = ArticleListModel(conn)
    qtmodeltester.check(model)
    top = _section(model, level(0))
    assert top.data() == f"{level(0)} (2)"  # both articles count at the top
    # The levels past what a section holds hang one level below the last one: the
    # next level, then each deeper one that holds articles, marked as cut.
    last = _section(model, *(level(i) for i in range(MAX_SECTION_DEPTH)))
    assert last.data() == f"{level(MAX_SECTION_DEPTH - 1)} (2)"
    assert _titles(model, last) == [
        f"{level(MAX_SECTION_DEPTH)} (0)",
        f"… / {level(depth // 2)} (1)",
        f"… / {level(depth - 1)} (1)",
    ]
    deepest = model.index_of_article(DEEP_ID)
    assert deepest.isValid() and deepest.data() == "最深的文章"
    assert deepest.parent().data() == f"… / {level(depth - 1)} (1)"
    parents, index = 0, deepest.parent()
    while index.isValid():
        parents, index = parents + 1, index.parent()
    assert parents == MAX_SECTION_DEPTH + 1
    # Article order follows the chain: the middle article's section comes after the
    # deep one's subtree, as in the tree it was.
    first = model.neighbour_article(QModelIndex(), 1)
    assert first.data(ID) == MIDDLE_ID
    assert model.neighbour_article(first, 1).data(ID) == DEEP_ID
    filtered = ArticleListModel(conn)  # the tester above stays connected to `model`
    filtered.set_filter("中间")  # pruning the chain below the match
    qtmodeltester.check(filtered)
    assert filtered.index_of_article(MIDDLE_ID).isValid()
    assert not filtered.index_of_article(DEEP_ID).isValid()
    conn.close()


def test_a_view_expands_a_chain_a_hundred_thousand_deep(tmp_path: Path, qtbot: QtBot) -> None:
    # Qt's tree view recurses once per level: expandAll (the app expands everything
    # while filtering) crashed the process on a chain this deep.
    conn = write_deep_library(tmp_path / "library", 100_000)
    model = ArticleListModel(conn)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 600)
    view.expandAll()
    view.show()
    deepest = model.index_of_article(DEEP_ID)
    view.scrollTo(deepest)
    assert view.isExpanded(deepest.parent())
    view.setModel(None)
    conn.close()
