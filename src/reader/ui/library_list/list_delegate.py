"""Painting the article list's cells: a plain cell's text is laid out once, not at
every paint.

The standard delegate asks the model seven roles of every cell it paints (seven
calls into Python) and lays out, shapes and elides the title anew each time: most
of a paint of the list, and a paint follows every keystroke in the title filter.
Under Fusion (every theme of Reader's, and the system style on most Linux
desktops), a cell that is not selected, current, hovered or edited draws nothing
but its text in the palette's Text colour; that text is drawn here from a
QStaticText kept per (text, width, bold). Everything else, and every other style,
is left to the standard delegate. tests/ui/test_list_delegate.py compares the
pixels of both.
"""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from reader.ui.plain_text import PlainToolTips

_Index: TypeAlias = "QModelIndex | QPersistentModelIndex"

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
# Option states as plain ints: a PySide6 flag's every operation is a Python enum's
# (~1.5 µs each), and a paint of the list tests a hundred cells.
_S = QStyle.StateFlag
# States the standard delegate draws more for (a highlight, a focus frame, an editor).
_NOT_PLAIN = (
    _S.State_Selected.value | _S.State_HasFocus.value | _S.State_MouseOver.value
) | _S.State_Editing.value
_ENABLED, _ACTIVE = _S.State_Enabled.value, _S.State_Active.value
_GROUPS = (QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Normal)
_KEPT = 4_000  # texts laid out and kept (a few screens of titles, at a few widths)


class ListDelegate(PlainToolTips):
    """The list's delegate: plain cells drawn from laid-out text, the rest as standard."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._style: QStyle | None = None  # the style the two below were taken from
        self._fast = False
        self._margin = 0
        self._font = QFont()  # the view's font the kept texts were laid out in
        self._texts: dict[tuple[str, int, bool], tuple[QStaticText, float]] = {}
        self._colours: dict[tuple[int, int], QColor] = {}

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: _Index
    ) -> None:  # Qt override
        style = self._view.style()
        if style is not self._style:
            self._style = style
            self._fast = style is not None and style.name().lower() == "fusion"
            if style is not None:  # Qt's text margin in an item view cell
                metric = QStyle.PixelMetric.PM_FocusFrameHMargin
                self._margin = style.pixelMetric(metric, None, self._view) + 1
            self._texts.clear()
        state = option.state.value
        if not self._fast or state & _NOT_PLAIN or option.direction.value:  # right to left
            super().paint(painter, option, index)
            return
        model = index.model()
        text = model.data(index, _DISPLAY)
        if not isinstance(text, str) or not text:
            return  # nothing drawn: no background in a plain cell
        font = model.data(index, _FONT)
        view_font: QFont = option.font
        if view_font != self._font:
            self._font = QFont(view_font)
            self._texts.clear()
        font = font.resolve(view_font) if isinstance(font, QFont) else view_font
        rect = option.rect
        width = rect.width() - 2 * self._margin
        key = (text, width, font is not view_font)
        laid_out = self._texts.get(key)
        if laid_out is None:
            metrics = QFontMetrics(font)
            static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(painter.transform(), font)
            if len(self._texts) >= _KEPT:
                self._texts.clear()
            laid_out = self._texts[key] = (static, metrics.height())
        static, height = laid_out
        painter.setPen(self._text_colour(option.palette, state))
        painter.setFont(font)
        top = rect.top() + (rect.height() - height) / 2
        painter.drawStaticText(QPointF(rect.left() + self._margin, top), static)

    def _text_colour(self, palette: QPalette, state: int) -> QColor:
        """The palette's Text colour for a cell's state, as Qt's styles pick it."""
        group = 0 if not state & _ENABLED else 2 if state & _ACTIVE else 1
        key = (palette.cacheKey(), group)
        colour = self._colours.get(key)
        if colour is None:
            if len(self._colours) > 64:  # palettes come and go with themes
                self._colours.clear()
            colour = self._colours[key] = palette.color(_GROUPS[group], QPalette.ColorRole.Text)
        return colour
