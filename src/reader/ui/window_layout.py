"""The window's size and the share of its panes: a first window that fits the
screen, a reader column that keeps its width while the side panes yield, and
geometry saved soon after it changes (so a crash keeps it)."""

from __future__ import annotations

import struct
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QMainWindow, QSplitter, QWidget

# The first window takes this share of the screen's available area.
FIRST_SHARE = 0.8
# Side panes never go narrower than this (px) before they fold.
LIST_MIN, OUTLINE_MIN = 160, 110
# Down to these widths (px) the side panes yield together with the reader column;
# narrower, a list shows a few characters of each title, so they give way only
# once the column is down to readable.
LIST_USEFUL, OUTLINE_USEFUL = 240, 150
# A reader column narrower than this many characters is not readable.
READABLE_CHARS = 24
# Geometry is saved this long after the last move, resize or pane drag.
SAVE_DELAY_MS = 1000


def first_sizes(total: int) -> tuple[int, int, int]:
    """List, reader, outline widths for a first window `total` px wide."""
    left = max(LIST_MIN, min(340, round(total * 0.21)))
    right = max(OUTLINE_MIN, min(240, round(total * 0.14)))
    return left, max(0, total - left - right), right


def fit_panes(
    total: int, preferred: tuple[int, int, int], comfortable: int, readable: int
) -> tuple[int, int, int]:
    """Widths of list, reader and outline in `total` px, from the widths the user
    chose (`preferred`). Growing gives the reader the room. Shrinking takes, in
    order: the reader's room beyond a comfortable column; then, together and in
    proportion to what each has to give, the side panes' room down to useful
    widths and the reader's down to a readable column; the side panes' down to
    their minimums; then the outline folds; then the reader goes on shrinking.
    An outline of width 0 is hidden and stays so."""
    left, chosen, right = preferred
    reader = total - left - right
    floor = min(chosen, comfortable)
    if reader >= floor:
        return left, reader, right
    least = min(chosen, readable)
    useful_l = min(left, LIST_USEFUL)
    useful_r = min(right, OUTLINE_USEFUL) if right > 0 else 0
    shared = (left - useful_l) + (right - useful_r) + (floor - least)
    if shared > 0 and floor - reader <= shared:
        share = (floor - reader) / shared
        left -= round(share * (left - useful_l))
        right -= round(share * (right - useful_r))
        return left, total - left - right, right
    left, right = useful_l, useful_r
    reader = total - left - right
    # The side panes yield down to their minimums, each in proportion to its room.
    spare_l = max(0, left - LIST_MIN)
    spare_r = max(0, right - OUTLINE_MIN) if right > 0 else 0
    spare = spare_l + spare_r
    if reader < least and spare > 0:
        take = min(least - reader, spare)
        from_l = round(take * spare_l / spare)
        left -= from_l
        right -= take - from_l
        reader += take
    if reader >= least or right == 0:
        return left, reader, right
    # Still not readable: the outline folds and gives its room to the reader.
    return left, reader + right, 0


def column_widths(
    view: QAbstractScrollArea, font_px: int, measure_em: int, columns: int = 1
) -> tuple[int, int]:
    """The reader pane's width for whole columns (`measure_em` characters each;
    two side by side) and for just readable ones, scroll bar and margins included."""
    # The style's PM_ScrollBarExtent, as the bar reports it: asking the style
    # builds QStyle's Python enums first, 8 ms of the start.
    bar = view.verticalScrollBar().sizeHint().width()
    extra = 2 * font_px + bar + 4  # the column's side margins, the bar, the frame
    return (
        columns * measure_em * font_px + extra,
        columns * READABLE_CHARS * font_px + extra,
    )


def saved_sizes(state: bytes) -> list[int] | None:
    """The pane widths in a QSplitter.saveState(): marker 0xff, version, then a
    QList<int> of sizes (big-endian 32-bit ints, QDataStream's format)."""
    if len(state) < 12:
        return None
    marker, _version, count = struct.unpack(">iii", state[:12])
    if marker != 0xFF or not 0 < count <= 16 or len(state) < 12 + 4 * count:
        return None
    return list(struct.unpack(f">{count}i", state[12 : 12 + 4 * count]))


class PaneSplitter(QSplitter):
    """List | reader | outline. The widths the user chose (by dragging or restored)
    are remembered; every resize lays the panes out from them with fit_panes."""

    def __init__(self, columns: Callable[[], tuple[int, int]], parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._columns = columns  # (comfortable, readable) reader widths, px
        self._preferred: tuple[int, int, int] | None = None
        self._fitting = False
        self.splitterMoved.connect(self.on_moved)

    def remember(self) -> None:
        """The widths now shown are the user's choice (a hidden outline keeps its own)."""
        sizes = self.sizes()
        if len(sizes) == 3 and sum(sizes) > 0:
            right = sizes[2]
            if self._hidden(2) and self._preferred is not None:
                right = self._preferred[2]
            self._preferred = (sizes[0], sizes[1], right)

    def _hidden(self, index: int) -> bool:
        pane = self.widget(index)
        return pane is None or pane.isHidden()

    def set_preferred(self, sizes: tuple[int, int, int]) -> None:
        self._preferred = sizes
        self.setSizes(list(sizes))

    def restoreState(self, state: object) -> bool:  # Qt override
        done = super().restoreState(state)  # type: ignore[arg-type]
        if done:
            # Before the window is laid out, sizes() are squeezed into a few
            # pixels: the widths saved are read from the state itself.
            saved = saved_sizes(bytes(QByteArray(state).data()))  # type: ignore[call-overload]
            if saved is not None and len(saved) == 3:
                self._preferred = (saved[0], saved[1], saved[2])
        return bool(done)

    def refit(self) -> None:
        """Lay the panes out again for what the reader pane now needs (one column or
        two side by side), as a resize would."""
        if self.count() == 3 and self._preferred is not None and self.width() > 0:
            self._fit(self.width())

    def on_moved(self, _pos: int, _index: int) -> None:
        if not self._fitting:
            self.remember()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if self.count() != 3 or self._preferred is None:
            self.remember()
            return
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        assert self._preferred is not None
        handles = sum(self.handleWidth() for i in range(1, 3) if not self._hidden(i))
        total = width - handles
        left, reader, right = self._preferred
        outline_shown = not self._hidden(2)
        if not outline_shown:
            right = 0
        comfortable, readable = self._columns()
        sizes = fit_panes(total, (left, reader, right), comfortable, readable)
        if not outline_shown:  # shown again, it comes back at its width
            sizes = (sizes[0], sizes[1], self._preferred[2])
        self._fitting = True
        try:
            self.setSizes(list(sizes))
        finally:
            self._fitting = False


def place_first_window(window: QWidget) -> None:
    """No saved geometry: FIRST_SHARE of the screen's available area, centred."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width, height = round(area.width() * FIRST_SHARE), round(area.height() * FIRST_SHARE)
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


class GeometryKeeper(QObject):
    """Saves the window's geometry and pane widths SAVE_DELAY_MS after the last
    move, resize or pane drag, not only on a clean quit: a crash keeps them."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._settings = settings
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        splitter.splitterMoved.connect(self.on_changed)

    def window_changed(self) -> None:
        """The window was moved or resized (its own resizeEvent and moveEvent call
        this: an event filter would have PySide6 build every QEvent subclass's type)."""
        if self._window.isVisible():
            self._timer.start()

    def on_changed(self) -> None:
        self._timer.start()  # never start(pos): a signal's int would become the interval

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def save(self) -> None:
        self._timer.stop()
        self._settings.setValue("window/geometry", self._window.saveGeometry())
        self._settings.setValue("window/splitter", self._splitter.saveState())
        self._settings.sync()
