"""Keyboard access the widgets do not give by themselves.

(In the title filter, Esc clears it and Down moves into the list, onto the first
article when none is chosen: reader.ui.library_list.title_filter.)

- F6 / Shift+F6 move between the panes: the list, the article, the outline, and
  every panel that is shown (bookmarks, conversion check), so a panel opened
  from the menu is one key away.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


def _focus_target(widget: QWidget) -> QWidget | None:
    """The widget itself if it takes focus, else its first child that does."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
        return widget
    for child in widget.findChildren(QWidget):
        if (
            child.isVisible()
            and child.isEnabled()
            and child.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return child
    return None


def _holds(pane: QWidget, focus: QWidget) -> bool:
    return pane is focus or pane.isAncestorOf(focus)


class PaneCycler(QObject):
    """F6 / Shift+F6: the next or previous pane of the window."""

    def __init__(self, window: QMainWindow, panes: list[QWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._panes = panes
        self.next_action = QAction(QCoreApplication.translate("MainWindow", "Next &Pane"), window)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.next_action.triggered.connect(self.on_next)
        self.previous_action = QAction(
            QCoreApplication.translate("MainWindow", "Previous Pa&ne"), window
        )
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_action.triggered.connect(self.on_previous)
        window.addAction(self.next_action)
        window.addAction(self.previous_action)

    def panes(self) -> list[QWidget]:
        docks = [
            dock.widget()
            for dock in self._window.findChildren(QDockWidget)
            if dock.isVisible() and dock.widget() is not None
        ]
        return [p for p in [*self._panes, *docks] if p.isVisible()]

    def _move(self, step: int) -> None:
        panes = self.panes()
        if not panes:
            return
        focus = self._window.focusWidget()
        current = next(
            (i for i, p in enumerate(panes) if focus is not None and _holds(p, focus)),
            -1,
        )
        for offset in range(1, len(panes) + 1):
            target = _focus_target(panes[(current + step * offset) % len(panes)])
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return

    @Slot()
    def on_next(self) -> None:
        self._move(1)

    @Slot()
    def on_previous(self) -> None:
        self._move(-1)
