"""Managing the library from the list, as a user does it: keys, the context menu, dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.library import manage
from reader.ui.main_window import MainWindow

# A context menu on the offscreen platform, which has no window manager to ask.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard")


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press `button` on the next message box, noting its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)


def _shown_ids(window: MainWindow) -> list[str]:
    """Article ids in the list's order, the Trash left out."""
    model, ids = window.model, []
    index = model.neighbour_article(QModelIndex(), 1)
    while index.isValid():
        if not model.in_trash(index):
            ids.append(model.article_id(index))
        index = model.neighbour_article(index, 1)
    return [i for i in ids if i is not None]


def _top_names(window: MainWindow) -> list[str]:
    return [str(window.model.index(r, 0).data()) for r in range(window.model.rowCount())]


def _menu_action(window: MainWindow, index: QModelIndex, text: str) -> None:
    """Right-click `index` and choose `text` from the menu that opens."""
    window.tree.scrollTo(index)
    pos = window.tree.visualRect(index).center()
    window.tree.customContextMenuRequested.emit(pos)
    menu = window.list_actions.menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == text]
    menu.hide()
    action.trigger()


def _select(window: MainWindow, article_id: str) -> QModelIndex:
    index = window.model.index_of_article(article_id)
    window.tree.setCurrentIndex(index)
    window.tree.scrollTo(index)
    return index


def test_delete_key_moves_to_the_trash_and_ctrl_z_brings_it_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    first, second = _shown_ids(window)
    _select(window, first)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert _shown_ids(window) == [second]
    assert _top_names(window)[-1] == "Trash (1)"
    assert window.model.index_of_article(first).isValid()  # listed under the Trash
    assert window._store.get(first) is not None  # nothing is lost
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _shown_ids(window) == [first, second]
    assert not any(name.startswith("Trash") for name in _top_names(window))


def test_the_reader_moves_on_from_an_article_put_in_the_trash(
    window: MainWindow, qtbot: QtBot
) -> None:
    first, second = _shown_ids(window)
    for gone, left in ((second, first), (first, None)):  # the last one, then the only one
        _select(window, gone)
        qtbot.waitUntil(lambda gone=gone: window.reader.article is not None
                        and window.reader.article.id == gone)  # fmt: skip
        window.tree.setFocus()
        qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
        if left is not None:
            qtbot.waitUntil(lambda left=left: window.reader.article is not None
                            and window.reader.article.id == left)  # fmt: skip


def test_an_article_with_notes_asks_before_it_goes(window: MainWindow, qtbot: QtBot) -> None:
    first, second = _shown_ids(window)
    _select(window, first)
    window.bookmarks.store.add(window._store.get(first), 0, note="要点")  # type: ignore[arg-type]
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.No, seen)
    _menu_action(window, window.model.index_of_article(first), "Move to Trash")
    assert "bookmarks or notes" in seen[0]
    assert _shown_ids(window) == [first, second]  # nothing happened
    _answer(QMessageBox.StandardButton.Yes, seen)
    _menu_action(window, window.model.index_of_article(first), "Move to Trash")
    assert _shown_ids(window) == [second]


def test_restore_and_empty_the_trash_from_its_menu(window: MainWindow, qtbot: QtBot) -> None:
    first, second = _shown_ids(window)
    conn = window._store.conn
    manage.trash(conn, [first, second])
    window.reload_list()
    assert _shown_ids(window) == []
    _menu_action(window, window.model.index_of_article(first), "Restore")
    assert _shown_ids(window) == [first]
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Yes, seen)
    _menu_action(window, window.model.index_of_article(second), "Empty Trash…")
    assert "for good" in seen[0]
    assert window._store.get(second) is None and window._store.get(first) is not None
    assert not any(name.startswith("Trash") for name in _top_names(window))


def test_move_an_article_and_rename_its_section_from_the_menu(
    window: MainWindow, qtbot: QtBot
) -> None:
    first, second = _shown_ids(window)
    _menu_action(window, _select(window, first), "Move to Section…")
    dialog = window.list_actions.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("收藏 / 好文")
    dialog.accept()
    names = _top_names(window)
    assert "收藏 (1)" in names
    site = window.model.index(names.index("收藏 (1)"), 0)
    window.tree.expand(site)
    section = window.model.index(0, 0, site)
    assert section.data() == "好文 (1)"
    window.tree.setCurrentIndex(section)
    _menu_action(window, section, "Rename Section…")
    dialog = window.list_actions.dialog
    assert dialog is not None
    dialog.setTextValue("精選")
    dialog.accept()
    site = window.model.index(_top_names(window).index("收藏 (1)"), 0)
    assert window.model.index(0, 0, site).data() == "精選 (1)"
    assert window.model.index_of_article(first).parent().data() == "精選 (1)"
    assert second in _shown_ids(window)


def test_mark_unread_shows_bold_and_counts_in_the_tree(window: MainWindow, qtbot: QtBot) -> None:
    first, _ = _shown_ids(window)
    index = _select(window, first)  # opening it marks it read
    site = window.model.index(0, 0)

    def unread() -> int:
        text = str(site.siblingAtColumn(1).data() or "")  # "N unread", or "" when none
        assert text == "" or text.endswith(" unread"), text
        return int(text.split()[0]) if text else 0

    before = unread()
    _menu_action(window, index, "Mark as Unread")
    assert unread() == before + 1
    assert window.model.index_of_article(first).data(Qt.ItemDataRole.FontRole).bold()
    _menu_action(window, window.model.index_of_article(first), "Mark as Read")
    assert unread() == before


def test_sort_by_title_from_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    first, second = _shown_ids(window)
    titles = {i: window._store.get(i).title for i in (first, second)}  # type: ignore[union-attr]
    _menu_action(window, _select(window, first), "Sort by Title")
    assert window.model.order == "title"
    # Folded titles sort the two scripts' copies together; ties by id.
    assert len(_shown_ids(window)) == 2 and set(titles) == set(_shown_ids(window))


def test_clearing_a_filter_that_matched_nothing_shows_the_open_article(
    window: MainWindow, qtbot: QtBot
) -> None:
    # Nothing matched, so no row was current; cleared, the list showed its top
    # sections only, and the article open in the reader was out of sight.
    assert window.reader.article is not None
    open_id = window.reader.article.id
    box = window.filter_box
    box.setFocus()
    box.setText("聯部不存在")
    assert _shown_ids(window) == []
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    current = window.tree.currentIndex()
    assert window.model.article_id(current) == open_id
    parent = current.parent()
    while parent.isValid():
        assert window.tree.isExpanded(parent), parent.data()
        parent = parent.parent()
    assert window.tree.viewport().rect().contains(window.tree.visualRect(current))
    window.tree.collapseAll()  # as the user may leave it; a filter that matched comes back too
    box.setText("聯部")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    current = window.tree.currentIndex()
    assert window.model.article_id(current) == open_id
    assert window.tree.viewport().rect().contains(window.tree.visualRect(current))


def test_the_filter_reads_any_script_and_is_driven_by_keys(
    window: MainWindow, qtbot: QtBot
) -> None:
    box = window.filter_box
    box.setFocus()
    box.setText("聯部")  # QTest cannot type Han characters; setText is what typing does
    assert len(_shown_ids(window)) == 2  # 中联部… and 中聯部…
    assert not window.title_filter.no_matches.isVisible()
    height = window.tree.height()
    box.setText("聯部不存在")
    assert _shown_ids(window) == []
    assert window.title_filter.no_matches.isVisible()
    # Said inside the empty list, which keeps its size (it was laid out twice).
    assert window.tree.height() == height
    assert window.tree.viewport().isAncestorOf(window.title_filter.no_matches)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and not window.title_filter.no_matches.isVisible()
    box.setText("聯部")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.tree.hasFocus()
    assert window.model.article_id(window.tree.currentIndex()) is not None


def test_a_deep_title_shows_whole_in_its_tooltip(window: MainWindow) -> None:
    first, _ = _shown_ids(window)
    index = window.model.index_of_article(first)
    title = window._store.get(first).title  # type: ignore[union-attr]
    assert str(index.data(Qt.ItemDataRole.ToolTipRole)).startswith(
        (window.translation.title_transform() or str)(title)
    )
    depth = 0
    parent = index.parent()
    while parent.isValid():
        depth += 1
        parent = parent.parent()
    assert depth == 3
    # The titles take the width the date leaves, and three levels of indentation
    # leave most of it (at the first window's size on a 1600×1000 screen; a very
    # narrow window gives the list its minimum first).
    window.resize(1280, 800)
    QApplication.processEvents()
    tree = window.tree
    assert tree.columnWidth(0) + tree.columnWidth(1) >= tree.viewport().width() - 2
    assert window.tree.indentation() * 3 < window.tree.columnWidth(0) / 3
    section = index.parent()
    assert str(section.data(Qt.ItemDataRole.ToolTipRole)).startswith(
        str(section.data()).rsplit(" (", 1)[0]
    )
