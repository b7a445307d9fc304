"""A scroll area's viewport made in Python, so PySide6 knows its type.

The viewport Qt makes in C++ is, to PySide6, a QWidget of unknown exact type: the
first time Python asks for one (`viewport()`), PySide6 builds the Python types of
every QWidget subclass to find the right one — 7–9 ms and 2 MB of every start
(measured: docs/benchmarks.md, start-up, third pass). A widget made here is known
at once. It is set up as Qt sets up the viewport it makes (QTextBrowser's takes
the mouse's moves, for links, and drops).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def give_own_viewport(area: QAbstractScrollArea, *, text_browser: bool = False) -> QWidget:
    """Replace `area`'s viewport by one made here, set up as Qt's was (a
    QTextBrowser's when `text_browser`, else an item view's); returns it."""
    viewport = QWidget(area)
    viewport.setObjectName("qt_scrollarea_viewport")
    area.setViewport(viewport)
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    if text_browser:
        viewport.setMouseTracking(True)  # links under the mouse
        viewport.setAcceptDrops(True)  # dropped files go on to the window, as before
        viewport.setCursor(Qt.CursorShape.ArrowCursor)
    return viewport
