"""Driving modal dialogs and popup menus the way a user answers them: a timer
waits for the window to come up, then acts on it, as a person would."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QTreeView, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)
T = TypeVar("T", bound=QTreeView)


def when_shown(kind: type[W], act: Callable[[W], None], tries: int = 400) -> list[W]:
    """Once a modal window (or popup) of `kind` is up, call `act` on it. Returns a
    list that holds the widget once it was seen (empty: it never came)."""
    seen: list[W] = []

    def look(left: int) -> None:
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            act(widget)
        elif left > 0:
            QTimer.singleShot(10, lambda: look(left - 1))

    QTimer.singleShot(0, lambda: look(tries))
    return seen


def choose_from_menu(text: str) -> Callable[[QMenu], None]:
    """Pick the menu entry whose text (without its & mnemonic) is `text`."""

    def act(menu: QMenu) -> None:
        for action in menu.actions():
            if action.text().replace("&", "") == text:
                menu.close()
                action.trigger()
                return
        names = [a.text() for a in menu.actions()]
        menu.close()
        raise AssertionError(f"no {text!r} in the menu: {names}")

    return act


def right_click(widget: QWidget, pos: QPoint) -> None:
    """A right click on `widget` at `pos`: the context menu event it makes."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def shown_tree(qtbot: QtBot, tree: T, model: QAbstractItemModel) -> T:
    """`tree` on `model`, shown at 400×600 as a user sees it, every section expanded."""
    qtbot.addWidget(tree)
    tree.setModel(model)
    tree.resize(400, 600)
    tree.show()
    qtbot.waitExposed(tree)
    tree.expandAll()
    return tree
