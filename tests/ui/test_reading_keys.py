"""Moving through an article from the keyboard, with the outline following along."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.domain import Article, Block, BlockKind, Script
from reader.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _long_article() -> Article:
    blocks: list[Block] = []
    for part in range(6):
        blocks.append(Block.heading(f"第{part}部分"))
        blocks.extend(Block.paragraph(f"第{part}部分第{i}段。" + "調查研究" * 30) for i in range(8))
    return Article(
        id="7" * 64, title="分部分的文章", blocks=tuple(blocks), script=Script.TRADITIONAL
    )


def _open_long(window: MainWindow, qtbot: QtBot) -> Article:
    article = _long_article()
    window._store.add(article)
    window.reload_list()
    assert window.open_article(article.id)
    qtbot.waitUntil(lambda: window.reader.ready)
    return article


def test_ctrl_end_and_ctrl_home_go_to_the_end_and_the_start(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_long(window, qtbot)
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_End, CTRL)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    qtbot.keyClick(window.reader, Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: bar.value() == 0)


def test_the_outline_highlights_the_heading_being_read(window: MainWindow, qtbot: QtBot) -> None:
    article = _open_long(window, qtbot)
    headings = [i for i, b in enumerate(article.blocks) if b.kind is BlockKind.HEADING]
    assert window.outline.block_indexes() == headings
    window.reader.scroll_to_block(headings[3] + 2)  # into the fourth part
    qtbot.waitUntil(lambda: window.outline.current_heading() == headings[3])
    window.reader.scroll_to_block(headings[1] + 1)
    qtbot.waitUntil(lambda: window.outline.current_heading() == headings[1])
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_End, CTRL)
    qtbot.waitUntil(lambda: window.outline.current_heading() == headings[-1])
    # Highlighting is not activating: the reader stayed where it was scrolled.
    bar = window.reader.verticalScrollBar()
    assert bar.value() == bar.maximum()
