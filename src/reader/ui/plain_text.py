"""Text that came from a file, shown by Qt as text and never as markup (traps #16).

Tooltips, labels and message boxes guess: a string that looks like HTML in its
first line (`Qt::mightBeRichText`) is rendered as rich text, and rich text loads
the images it names, so a title or note holding `<img src="/dev/zero">` makes Qt
read /dev/zero until the process aborts. Every string that may hold file content
(titles, section names, notes, quotes, file names, error messages) goes through
one of these instead:

- labels and message boxes: `plain_label`, `message` and its shortcuts set
  `Qt.TextFormat.PlainText`;
- tooltips, which have no text format to set: `tooltip()` escapes the text and
  marks it as rich text on purpose, so what shows is exactly the text;
- item views: `PlainToolTips`, a delegate that shows the ToolTipRole of every
  row through `tooltip()`. Models keep returning the plain text (screen readers
  read it too); `protect_view` installs the delegate.

Window titles, status bar messages, item text and line edits never interpret
markup, so they need nothing.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStyledItemDelegate, QWidget

if TYPE_CHECKING:  # only named: their Python types cost the start ~5 ms to build
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem

# A tooltip is a glance, not a reader: a 40,000-character note is cut here, so
# laying it out never costs more than this.
TOOLTIP_CHARS = 1000


def tooltip(text: str) -> str:
    """`text` as a tooltip that shows exactly `text`: escaped, then wrapped in a
    paragraph so Qt takes it as rich text (without the wrapper, escaped text with
    no `<` in its first line would show its `&amp;`s). Spaces and line breaks are
    kept by `white-space: pre-wrap`."""
    if not text:
        return ""
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS] + "…"
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


def plain_label(parent: QWidget | None = None, text: str = "", wrap: bool = True) -> QLabel:
    """A label that shows its text as it is, whatever it holds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def _message(parent: QWidget | None, icon: str, title: str, text: str, question: bool) -> bool:
    """A modal message box showing `text` as plain text; True if Yes was pressed.

    QMessageBox's static functions (critical, question…) guess the format; this
    is the same box with the format set. Its Python type and enums are built on
    the first box, not at start (~1 ms).
    """
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        getattr(QMessageBox.Icon, icon),
        title,
        text,
        buttons.Yes | buttons.No if question else buttons.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    if question:
        box.setDefaultButton(buttons.No)
    answer = buttons(box.exec())
    box.deleteLater()
    return bool(question and answer == buttons.Yes)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, "Critical", title, text, question=False)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, "Warning", title, text, question=False)


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    _message(parent, "Information", title, text, question=False)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question (No by default); True for Yes."""
    return _message(parent, "Question", title, text, question=True)


_Index = QModelIndex | QPersistentModelIndex


class PlainToolTips(QStyledItemDelegate):
    """Paints like the standard delegate; shows each row's tooltip as plain text."""

    def helpEvent(  # Qt override
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        text = tooltip(str(value)) if value not in (None, "") else ""
        from PySide6.QtWidgets import QToolTip  # on the first tooltip, not at start

        if text:
            QToolTip.showText(event.globalPos(), text, view, option.rect)
        else:
            QToolTip.hideText()
        event.setAccepted(bool(text))
        return bool(text)


def protect_view(view: QAbstractItemView) -> None:
    """Show the view's tooltips as plain text (see PlainToolTips)."""
    if not isinstance(view.itemDelegate(), PlainToolTips):
        view.setItemDelegate(PlainToolTips(view))
