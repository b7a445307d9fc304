"""The list while it is read again (a title filter typed, a change made by the
command line, another sort order): what the user sees in between."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli import main as reader_main
from reader.domain import Article, Block
from reader.library import ArticleStore, open_library
from reader.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory


class _Shown(QObject):
    """Every time a widget is hidden or shown."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Show):
            self.seen.append(event.type().name)
        return False


def _long_list(open_window: WindowFactory, library: Path) -> MainWindow:
    """A window whose list of 150 articles does not fit: its scroll bar shows."""
    store = ArticleStore(open_library(library))
    for i in range(150):
        title = f"調查研究第{i}篇" if i % 3 else f"調查報告第{i}篇"
        store.add(
            Article(
                id=f"a{i:03d}",
                title=title,
                blocks=(Block.paragraph(f"{title}。"),),
                section_path=("人民网",),
                published=f"2024-01-{1 + i % 28:02d}T08:00",
            )
        )
    store.conn.close()
    window = open_window(library)
    QApplication.processEvents()
    assert window.tree.verticalScrollBar().isVisible()
    return window


def test_the_scroll_bar_stays_while_the_matches_still_fill_the_list(
    open_window: WindowFactory, library: Path, qtbot: QtBot
) -> None:
    window = _long_list(open_window, library)
    box, bar = window.filter_box, window.tree.verticalScrollBar()
    box.setText("調")
    QApplication.processEvents()
    assert bar.isVisible()  # 150 matches do not fit
    watch = _Shown()
    bar.installEventFilter(watch)
    for text in ("調查", "調查研", "調查研究"):  # 150, then 100 matches each time
        box.setText(text)
        QApplication.processEvents()
        assert bar.isVisible()
    # Before, every keystroke's reset emptied the bar's range a moment: it was hidden
    # and shown again, and the list resized and painted twice.
    assert watch.seen == []
    box.setText("調查研究第1篇")  # one match: the bar goes, as the list fits
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert watch.seen == ["Hide"]
    bar.removeEventFilter(watch)


def test_the_scroll_bar_stays_through_a_change_from_outside_and_a_new_order(
    open_window: WindowFactory, library: Path
) -> None:
    window = _long_list(open_window, library)
    bar = window.tree.verticalScrollBar()
    watch = _Shown()
    bar.installEventFilter(watch)
    assert reader_main(["--library", str(library), "remove", "a007"]) == 0
    window.watcher.poll()  # its timer's tick: the list is read again
    QApplication.processEvents()
    assert window.model.index_of_article("a007").isValid() is False  # it did follow
    window.list_actions.on_sort("title")
    QApplication.processEvents()
    assert window.model.order == "title"
    assert watch.seen == [] and bar.isVisible()
    bar.removeEventFilter(watch)
