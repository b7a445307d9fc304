"""Find in Library and find in the article, driven as a user would, on the samples.

Chinese is put into the boxes as an input method commits it (QLineEdit.insert):
QTest can only type keys that a keyboard has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.chinese.convert import ScriptMode
from reader.ui.main_window import MainWindow

SAMPLE_IDS = {"fb2f3e29789ffaaa", "f423f19242c7aac1"}


def _open_search(window: MainWindow, qtbot: QtBot) -> None:
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.dock.isVisible()
    assert window.search.panel.box.hasFocus()


def _selected(window: MainWindow) -> str:
    return window.reader.textCursor().selectedText()


def test_typing_in_the_box_lists_both_scripts_with_marked_snippets(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_search(window, qtbot)
    panel = window.search.panel
    panel.box.insert("幹部")
    qtbot.waitUntil(lambda: panel.results.count() == 2 and panel.status.text() == "2 articles")
    assert {panel.hit_at(r).article_id for r in range(2)} == SAMPLE_IDS  # type: ignore[union-attr]
    label = panel.results.itemWidget(panel.results.item(0))
    assert isinstance(label, QLabel)
    assert "background-color:#ffe678" in label.text() and "干部" in label.text()


def test_enter_opens_the_article_at_the_first_hit_and_f3_steps(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_search(window, qtbot)
    panel = window.search.panel
    panel.box.insert("調研")
    qtbot.waitUntil(lambda: panel.results.count() == 2)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    wanted = panel.hit_at(1)
    assert wanted is not None
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.reader.article is not None and window.reader.article.id == wanted.article_id
    )
    finder = window.search.finder
    qtbot.waitUntil(lambda: finder.current == 0)
    assert len(finder.hits) >= 2
    assert _selected(window) in ("調研", "调研")
    assert len(window.reader.extraSelections()) == len(finder.hits)
    first = window.reader.textCursor().selectionStart()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F3)
    assert finder.current == 1
    assert window.reader.textCursor().selectionStart() > first
    qtbot.keyClick(window.reader, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert finder.current == 0
    assert window.reader.textCursor().selectionStart() == first


def test_a_newer_query_replaces_the_older(window: MainWindow, qtbot: QtBot) -> None:
    _open_search(window, qtbot)
    panel = window.search.panel
    panel.box.insert("喆喆")
    panel.search_now()  # an older search under way…
    qtbot.keyClick(panel.box, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.box, Qt.Key.Key_Backspace)
    panel.box.insert("中联部")  # …and a newer one typed over it
    qtbot.waitUntil(lambda: panel.status.text() == "2 articles")
    assert panel.last is not None and panel.last.query == "中联部"
    qtbot.wait(300)  # anything the older search would still bring is dropped
    assert panel.last.query == "中联部" and panel.results.count() == 2


def test_ctrl_f_finds_in_the_article_from_the_reader_and_filters_from_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_box.hasFocus()
    assert not window.search.find_toolbar.isVisible()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.search.find_bar
    assert window.search.find_toolbar.isVisible() and bar.box.hasFocus()
    bar.box.insert("干部")  # Simplified query, Traditional article: folded alike
    finder = window.search.finder
    assert len(finder.hits) >= 1 and finder.current == 0
    assert bar.count.text() == f"1 of {len(finder.hits)}"
    assert _selected(window) in ("干部", "幹部")
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert finder.current == (1 % len(finder.hits))
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert not window.search.find_toolbar.isVisible()
    assert window.reader.extraSelections() == []


def test_hits_follow_the_display_script(window: MainWindow, qtbot: QtBot) -> None:
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.find_bar.box.insert("调查研究")
    before = len(window.search.finder.hits)
    assert before >= 1
    shown = window.reader.document().toPlainText()
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)  # the sample is Traditional
    qtbot.waitUntil(lambda: window.reader.document().toPlainText() != shown)
    qtbot.waitUntil(lambda: window.reader.ready)
    assert len(window.search.finder.hits) == before
    assert all(
        window.reader.document().toPlainText()[s:e] == "调查研究"
        for s, e in window.search.finder.hits
    )


def test_results_are_shown_in_the_display_script(window: MainWindow, qtbot: QtBot) -> None:
    window.translation.script.set_mode(ScriptMode.TRADITIONAL)
    _open_search(window, qtbot)
    panel = window.search.panel
    panel.box.insert("干部")
    qtbot.waitUntil(lambda: panel.results.count() == 2)
    for row in range(2):
        label = panel.results.itemWidget(panel.results.item(row))
        assert isinstance(label, QLabel)
        assert "幹部" in label.text() and "中聯部" in label.text()
