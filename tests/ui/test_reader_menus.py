"""The reader pane's context menu as a user uses it (right-click, choose, answer
the dialog); bookmarks that follow the display script and show their passage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.chinese.convert import ScriptMode
from reader.ui.bookmarks.bookmark_dialog import BookmarkDialog
from reader.ui.bookmarks.bookmarks_model import BookmarksModel
from reader.ui.main_window import MainWindow
from tests.ui.driving import choose_from_menu, right_click, when_shown

PARAGRAPH = 2  # the first paragraph after the first heading
# A popup menu asks the window system to raise it and grab the keyboard; the
# off-screen platform has no window system and says so.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)


def _point_in_block(window: MainWindow, index: int) -> QPoint:
    """A point of the reader's viewport inside article block `index` (scrolled to)."""
    reader = window.reader
    reader.scroll_to_block(index)
    at = reader.block_position(index)
    assert at is not None
    rect = reader.document().documentLayout().blockBoundingRect(reader.document().findBlock(at))
    bar = reader.verticalScrollBar()
    return QPoint(round(rect.left()) + 40, round(rect.top()) - bar.value() + 8)


def _simplified(window: MainWindow, qtbot: QtBot) -> None:
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    qtbot.waitUntil(lambda: window.reader.ready)


def test_copy_paragraph_copies_it_as_shown(window: MainWindow, qtbot: QtBot) -> None:
    _simplified(window, qtbot)
    pos = _point_in_block(window, PARAGRAPH)
    QGuiApplication.clipboard().clear()
    seen = when_shown(QMenu, choose_from_menu("Copy Paragraph"))
    right_click(window.reader.viewport(), pos)
    assert seen, "no context menu came up"
    assert window.reader.article is not None
    copied = QGuiApplication.clipboard().text()
    assert copied == window.reader.article.blocks[PARAGRAPH].text.strip()
    assert "调查" in copied and "調查" not in copied  # the script shown


def _answer_bookmark(note: str, passages: list[str]):  # type: ignore[no-untyped-def]
    def act(dialog: BookmarkDialog) -> None:
        passages.append(dialog.passage.text())
        dialog.editor.setPlainText(note)
        dialog.accept()

    return act


def test_bookmark_paragraph_shows_the_passage_in_the_display_script(
    window: MainWindow, qtbot: QtBot
) -> None:
    _simplified(window, qtbot)
    pos = _point_in_block(window, PARAGRAPH)
    passages: list[str] = []
    when_shown(QMenu, choose_from_menu("Bookmark Paragraph…"))
    dialogs = when_shown(BookmarkDialog, _answer_bookmark("要點", passages))
    right_click(window.reader.viewport(), pos)
    assert dialogs, "the bookmark dialog never came up"
    assert passages[0].startswith("早启动") and "調" not in passages[0]
    marks = window.bookmarks.store.all()
    assert [(m.block, m.note) for m in marks] == [(PARAGRAPH, "要點")]
    # The panel lists it in the display script too, and switching script follows.
    window.bookmarks.panel_action.trigger()
    model = window.bookmarks.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    group = model.index(0, BookmarksModel.EXCERPT)
    passage = model.index(0, BookmarksModel.EXCERPT, group)
    assert str(group.data()).startswith("中联部") and str(passage.data()).startswith("早启动")
    window.translation.script.set_mode(ScriptMode.ORIGINAL)
    qtbot.waitUntil(lambda: str(model.index(0, 0).data()).startswith("中聯部"))
    passage = model.index(0, BookmarksModel.EXCERPT, model.index(0, 0))
    assert str(passage.data()).startswith("早啟動")


def test_bookmark_selection_bookmarks_what_was_selected(window: MainWindow, qtbot: QtBot) -> None:
    _simplified(window, qtbot)
    reader = window.reader
    pos = _point_in_block(window, PARAGRAPH)
    at = reader.block_position(PARAGRAPH)
    assert at is not None
    cursor = reader.textCursor()
    cursor.setPosition(at + 4)
    cursor.setPosition(at + 10, QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    selected = cursor.selectedText()
    passages: list[str] = []
    when_shown(QMenu, choose_from_menu("Bookmark Selection…"))
    when_shown(BookmarkDialog, _answer_bookmark("", passages))
    right_click(reader.viewport(), pos)
    assert passages == [selected]
    marks = window.bookmarks.store.all()
    assert len(marks) == 1 and marks[0].block == PARAGRAPH
    assert marks[0].selection == (4, 10)


def test_ctrl_1_to_6_and_the_toolbar_box_choose_the_script(
    window: MainWindow, qtbot: QtBot
) -> None:
    combo = window.translation.script.combo
    assert combo is not None
    window.reader.setFocus()
    seen = []
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6):
        qtbot.keyClick(window.reader, key, Qt.KeyboardModifier.ControlModifier)
        seen.append(window.translation.script.mode)
        assert combo.currentData() == window.translation.script.mode.value  # the box follows
    assert len(set(seen)) == 6
    assert ScriptMode.SIMPLIFIED in seen and ScriptMode.ORIGINAL in seen
    # The toolbar box: choose Simplified there with the keyboard, and the article shows it.
    target = combo.findData(ScriptMode.SIMPLIFIED.value)
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    qtbot.waitUntil(lambda: window.reader.ready)
    assert window.translation.script.mode is ScriptMode.SIMPLIFIED
    assert window.reader.article is not None and window.reader.article.title.startswith("中联部")
    # And the View → Script menu.
    menu_action = next(
        a
        for a in window.translation.script.group.actions()
        if a.data() == ScriptMode.ORIGINAL.value
    )
    menu_action.trigger()
    qtbot.waitUntil(lambda: window.reader.ready)
    assert window.reader.article is not None and window.reader.article.title.startswith("中聯部")
