"""The list's own delegate draws plain cells from text laid out once: what the user
sees must be, pixel for pixel, what Qt's standard delegate draws."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleFactory
from pytestqt.qtbot import QtBot

from reader.render import FontStyle
from reader.ui.fonts import list_font
from reader.ui.library_list.article_list_model import ArticleListModel
from reader.ui.library_list.article_tree import ArticleTree
from reader.ui.library_list.list_delegate import ListDelegate
from tests.ui.driving import shown_tree
from tests.ui.list_library import listed_library

LONG = "国务院常务会议部署进一步优化营商环境降低制度性交易成本的政策措施"


@pytest.fixture
def varied(tmp_path: Path, qapp: QApplication) -> Iterator[sqlite3.Connection]:
    """Two sections; titles short and long, read and unread, dated and not."""
    rows = [
        (
            f"a{i:02d}",
            (1, 2, 3)[i % 3],
            LONG[: 4 + i] if i % 4 else f"第{i}篇 Reader {i}",
            None if i % 7 == 3 else f"2024-0{1 + i % 9}-{10 + i}T08:00",
            i % 2,
        )
        for i in range(30)
    ]
    sections = [(1, 0, "中国共产党新闻网"), (2, 1, "时政要闻"), (3, 0, "新華網")]
    conn = listed_library(tmp_path / "lib", sections, rows)
    yield conn
    conn.close()


def _pixels(tree: ArticleTree) -> QImage:
    for _ in range(3):  # the rows on screen read and laid out, as the user sees them
        tree.fetch_visible()
        QApplication.processEvents()
    return tree.viewport().grab().toImage()


def _both(tree: ArticleTree) -> tuple[QImage, QImage]:
    """The list drawn by its own delegate, then by Qt's standard one."""
    ours = _pixels(tree)
    own = tree.itemDelegate()
    tree.setItemDelegate(QStyledItemDelegate(tree))
    standard = _pixels(tree)
    tree.setItemDelegate(own)
    return ours, standard


@pytest.mark.parametrize("style", list(FontStyle))
@pytest.mark.parametrize("width", [420, 230])  # at 230 the long titles are cut short
def test_the_list_looks_exactly_as_qt_draws_it(
    varied: sqlite3.Connection, qtbot: QtBot, width: int, style: FontStyle
) -> None:
    QApplication.setStyle("Fusion")
    model = ArticleListModel(varied)
    tree = ArticleTree()
    font = list_font(tree.font(), style)  # as the window sets it
    tree.setFont(font)
    model.set_font(font)
    shown_tree(qtbot, tree, model)
    tree.keep_laid_out_text()  # as the app does after its first frame
    assert isinstance(tree.itemDelegate(), ListDelegate)
    tree.resize(width, 600)
    tree.setCurrentIndex(model.index_of_article("a05"))  # a current, selected row
    ours, standard = _both(tree)
    assert ours == standard
    assert ours != QImage(ours.size(), ours.format())  # something was drawn

    font = QFont(font)
    font.setPointSizeF(font.pointSizeF() * 1.5)  # the reader makes the list's type bigger
    tree.setFont(font)
    model.set_font(font)
    bigger, standard = _both(tree)
    assert bigger == standard and bigger != ours

    tree.setEnabled(False)
    ours, standard = _both(tree)
    assert ours == standard


def test_other_styles_are_drawn_by_the_standard_delegate(
    varied: sqlite3.Connection, qtbot: QtBot
) -> None:
    tree = shown_tree(qtbot, ArticleTree(), ArticleListModel(varied))
    tree.keep_laid_out_text()
    windows = QStyleFactory.create("Windows")  # built into Qt Widgets everywhere
    assert windows is not None
    tree.setStyle(windows)
    ours, standard = _both(tree)
    assert ours == standard
