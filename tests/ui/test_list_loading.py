"""Rows are read where the user looks: every section's end, an old article's own page;
and changes made by the command line reach the open list."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli import main as reader_main
from reader.library import write
from reader.ui.fonts import emboldened
from reader.ui.library_list.article_list_model import PAGE, ArticleListModel, unread_text
from reader.ui.library_list.article_tree import ArticleTree
from reader.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.driving import shown_tree
from tests.ui.list_library import listed_library

BIG = 2601


@pytest.fixture
def two_sections(tmp_path: Path, qapp: QApplication) -> Iterator[sqlite3.Connection]:
    """一栏 holds 2,601 articles and comes first; 二栏 holds 5 below it."""
    rows = [
        (
            f"a{i:05d}",
            1 if i < BIG else 2,
            f"标题{i:05d}",
            f"2020-01-01T{i % 24:02d}:{i % 60:02d}",
            0,
        )
        for i in range(BIG + 5)
    ]
    conn = listed_library(tmp_path / "lib", [(1, 0, "一栏"), (2, 0, "二栏")], rows)
    yield conn
    conn.close()


def test_scrolling_reads_past_the_first_pages_of_a_section_above_another(
    two_sections: sqlite3.Connection, qtbot: QtBot
) -> None:
    model = ArticleListModel(two_sections)
    tree = shown_tree(qtbot, ArticleTree(), model)
    first = model.index(0, 0)
    bar = tree.verticalScrollBar()
    for _ in range(20):  # as a user drags the bar down, again and again
        QApplication.processEvents()  # the list laid out, as the user sees it
        before = model.rowCount(first)
        if before == BIG:
            break
        bar.setValue(bar.maximum())
        QApplication.processEvents()  # one turn of the loop, no waiting
        assert model.rowCount(first) > before  # the rows reached are read at once
    assert model.rowCount(first) == BIG > 3 * PAGE


def test_an_old_article_opens_by_reading_its_own_page(two_sections: sqlite3.Connection) -> None:
    model = ArticleListModel(two_sections)
    oldest = two_sections.execute(
        "SELECT id FROM articles WHERE section_id = 1 ORDER BY published, title DESC LIMIT 1"
    ).fetchone()[0]
    index = model.index_of_article(oldest)
    assert index.row() == BIG - 1 and model.article_id(index) == oldest
    node = model._nodes[1]
    assert sum(row is not None for row in node.articles) <= PAGE
    # The rows before it are read when they are shown, and then match the library.
    above = model.index(BIG - 2 - PAGE, 0, model.index(0, 0))
    model.neighbour_article(above, 1)  # stepping onto a row reads its page
    assert model.article_id(model.index(BIG - 1 - PAGE, 0, model.index(0, 0))) is not None


def test_changes_made_by_the_command_line_reach_the_list(
    window: MainWindow, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def shown() -> list[str]:
        return [str(window.model.index(r, 0).data()) for r in range(window.model.rowCount())]

    def cli(*args: str) -> None:
        assert reader_main(["--library", str(library), *args]) == 0
        window.watcher.poll()  # its timer's tick, without waiting a second

    ids = window._store.conn.execute("SELECT id FROM articles ORDER BY id").fetchall()
    first, second = (str(r[0]) for r in ids)
    cli("remove", first)
    assert shown()[-1] == "Trash (1)"
    cli("trash", "restore", first)
    assert not any(name.startswith("Trash") for name in shown())
    cli("move", second, "--to", "收藏")
    assert "收藏 (1)" in shown()
    cli("section", "rename", "收藏", "精選")
    assert "精選 (1)" in shown()
    cli("mark", second, "--unread")
    site = window.model.index(shown().index("精選 (1)"), 0)
    assert site.siblingAtColumn(1).data() == "1 unread"
    capsys.readouterr()


def test_an_open_article_trashed_from_the_command_line_gives_way(
    window: MainWindow, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def cli(*args: str) -> None:
        assert reader_main(["--library", str(library), *args]) == 0
        window.watcher.poll()

    ids = [str(r[0]) for r in window._store.conn.execute("SELECT id FROM articles").fetchall()]
    assert window.open_article(ids[0])
    cli("remove", ids[0])  # as a user does in a terminal beside the app
    assert window.reader.article is not None and window.reader.article.id == ids[1]
    cli("remove", ids[1])  # the last one outside the Trash: the pane empties
    assert window.reader.article is None
    assert window.windowTitle() == "Reader"
    cli("trash", "restore", ids[0])
    assert window.reader.article is None  # nothing reopens by itself
    capsys.readouterr()


def test_search_results_follow_articles_put_in_the_trash(
    window: MainWindow, library: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    window.search.show_library_search()
    panel = window.search.panel
    panel.box.setText("调查研究")
    qtbot.waitUntil(lambda: panel.last is not None and panel.results.count() == 2, timeout=5000)
    ids = [str(r[0]) for r in window._store.conn.execute("SELECT id FROM articles").fetchall()]
    assert reader_main(["--library", str(library), "remove", ids[0]]) == 0
    window.watcher.poll()
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=5000)
    assert panel.hit_at(0) is not None and panel.hit_at(0).article_id == ids[1]  # type: ignore[union-attr]
    capsys.readouterr()


def test_the_list_waits_for_the_apps_own_import_then_follows_every_change_once(
    window: MainWindow, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """While a job of the app's own writes the library off the UI thread, the window
    does not re-read the list at each tick (it would, a statement at a time, behind
    the busy job); once the job ends, what it and another process did shows."""
    from reader.ui.background import writing_in_background

    def shown() -> list[str]:
        return [str(window.model.index(r, 0).data()) for r in range(window.model.rowCount())]

    changed: list[bool] = []
    window.watcher.sig_changed.connect(lambda: changed.append(True))
    first = str(window._store.conn.execute("SELECT id FROM articles").fetchone()[0])
    with writing_in_background():
        assert reader_main(["--library", str(library), "remove", first]) == 0
        window.watcher.poll()
        assert changed == [] and not any(name.startswith("Trash") for name in shown())
    window.watcher.poll()
    assert changed == [True] and shown()[-1] == "Trash (1)"
    window.watcher.poll()
    assert changed == [True]  # followed once
    capsys.readouterr()


@pytest.fixture
def thirty_sections(tmp_path: Path, qapp: QApplication) -> Iterator[sqlite3.Connection]:
    """30 sections of 60 articles; every title holds 新闻, two in each section 要闻."""
    rows = [
        (
            f"s{s:02d}a{i:02d}",
            s,
            f"{'要闻' if i < 2 else '新闻'}{s}之{i}",
            f"2021-01-{1 + i % 28:02d}",
            0,
        )
        for s in range(1, 31)
        for i in range(60)
    ]
    conn = listed_library(tmp_path / "lib", [(s, 0, f"栏目{s:02d}") for s in range(1, 31)], rows)
    yield conn
    conn.close()


def _sections_on_screen(tree: ArticleTree, model: ArticleListModel) -> list[QModelIndex]:
    shown = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if tree.viewport().rect().intersects(tree.visualRect(index)):
            shown.append(index)
    return shown


def test_a_filter_reads_only_the_sections_it_shows_and_the_rest_as_they_come(
    thirty_sections: sqlite3.Connection, qtbot: QtBot
) -> None:
    model = ArticleListModel(thirty_sections)
    tree = shown_tree(qtbot, ArticleTree(), model)
    model.set_filter("新闻")  # 58 in every section: the first fills the screen
    tree.expand_sections(None)
    QApplication.processEvents()
    sections = [model.index(row, 0) for row in range(model.rowCount())]
    assert len(sections) == 30
    assert model.rowCount(sections[0]) > 0
    # Reading all 30 first pages laid out 1,500 rows at every keystroke.
    assert sum(model.rowCount(s) > 0 for s in sections) <= 2
    bar = tree.verticalScrollBar()
    for _ in range(200):  # the user drags the bar to the bottom, again and again
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        if model.rowCount(sections[-1]):
            break
    shown = _sections_on_screen(tree, model)
    assert shown and [model.rowCount(s) > 0 for s in shown] == [True] * len(shown)  # none empty

    model.set_filter("要闻")  # 2 in every section: a screen shows many sections
    tree.expand_sections(None)
    QApplication.processEvents()
    shown = _sections_on_screen(tree, model)
    assert len(shown) > 5
    assert [model.rowCount(s) for s in shown] == [2] * len(shown)


@pytest.mark.parametrize("row", [49, 50, 70, 499, 500, 2600])
def test_an_article_past_the_first_page_opens_from_a_section_not_read_yet(
    two_sections: sqlite3.Connection, row: int
) -> None:
    # A section's first read is a short page; one for an article past it read that
    # page, and the article was said not to be in the list.
    wanted = two_sections.execute(
        "SELECT id FROM articles WHERE section_id = 1 ORDER BY published DESC, title "
        "LIMIT 1 OFFSET ?",
        (row,),
    ).fetchone()[0]
    model = ArticleListModel(two_sections)
    index = model.index_of_article(wanted)
    assert index.isValid() and index.row() == row and model.article_id(index) == wanted


def test_end_goes_to_the_last_article_and_shows_it(
    two_sections: sqlite3.Connection, qtbot: QtBot
) -> None:
    model = ArticleListModel(two_sections)
    tree = shown_tree(qtbot, ArticleTree(), model)
    last = two_sections.execute(
        "SELECT id FROM articles WHERE section_id = 2 ORDER BY published, title DESC LIMIT 1"
    ).fetchone()[0]
    tree.setFocus()
    tree.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(tree, Qt.Key.Key_End)
    for _ in range(3):  # the rows that came on screen are read
        QApplication.processEvents()
    assert model.article_id(tree.currentIndex()) == last
    assert tree.viewport().rect().contains(tree.visualRect(tree.currentIndex()))
    QTest.keyClick(tree, Qt.Key.Key_Home)
    assert tree.currentIndex() == model.index(0, 0)


def test_end_under_a_filter_goes_to_the_last_match(
    thirty_sections: sqlite3.Connection, qtbot: QtBot
) -> None:
    model = ArticleListModel(thirty_sections)
    tree = shown_tree(qtbot, ArticleTree(), model)
    model.set_filter("新闻")
    tree.expand_sections(None)
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_End)
    for _ in range(3):
        QApplication.processEvents()
    # The last section's oldest matches are of 2021-01-01: 之28 and 之56, by title.
    assert model.article_id(tree.currentIndex()) == "s30a56"
    assert tree.viewport().rect().contains(tree.visualRect(tree.currentIndex()))


def test_the_article_reopened_shows_with_its_sections_headers(
    open_window: WindowFactory, tmp_path: Path
) -> None:
    # The window reopens the article before it shows (as a screenshot does): the
    # list scrolled for a viewport of 30 pixels then, and the row came up at the
    # top, the headers of its sections out of sight.
    sections = [(1, 0, "一栏"), (2, 0, "二栏"), (3, 2, "要闻")]
    # The lower the number, the newer: a005 is 要闻's third row, below 一栏's.
    rows = [
        (
            f"a{i:03d}",
            1 if i < 3 else 3,
            f"标题{i:03d}",
            f"2020-01-01T{9 - i // 60:02d}:{59 - i % 60:02d}",
            0,
        )
        for i in range(300)
    ]
    listed_library(tmp_path / "lib", sections, rows).close()
    reopened = "a005"
    (tmp_path / "lib" / "settings.ini").write_text(f"[reading]\narticle={reopened}\n")
    window = open_window(tmp_path / "lib")
    tree, current = window.tree, window.tree.currentIndex()
    assert window.model.article_id(current) == reopened and current.row() == 2
    viewport = tree.viewport().rect()
    assert viewport.contains(tree.visualRect(current))
    parent = current.parent()
    while parent.isValid():
        assert viewport.contains(tree.visualRect(parent)), parent.data()
        parent = parent.parent()
    assert tree.verticalScrollBar().value() == 0  # all of it fits: nothing to scroll


def test_the_unread_column_fits_the_biggest_count_shown(tmp_path: Path, qtbot: QtBot) -> None:
    # Three digits were fitted whatever the counts: 12,345 unread read "12345 unr…".
    rows = [
        (f"a{i:05d}", 1 if i < 12_345 else 2, f"标题{i}", "2020-01-01", 0) for i in range(12_350)
    ]
    conn = listed_library(tmp_path / "lib", [(1, 0, "大栏"), (2, 0, "小栏")], rows)
    model = ArticleListModel(conn)
    tree = shown_tree(qtbot, ArticleTree(), model)
    bold = QFontMetrics(emboldened(tree.font()))
    assert tree.header().sectionSize(1) >= bold.horizontalAdvance(unread_text(12_345))
    wide = tree.header().sectionSize(1)
    # The column keeps its width as one types (no counts are shown under a filter) …
    model.set_filter("标题1")
    assert tree.header().sectionSize(1) == wide
    model.set_filter("")
    # … and narrows when the counts do (a section read, the command line's change).
    with write(conn):
        conn.execute("UPDATE articles SET read = 1 WHERE section_id = 1")
    model.reload()
    assert tree.header().sectionSize(1) < wide
    assert tree.header().sectionSize(1) >= bold.horizontalAdvance(unread_text(5))
    conn.close()
