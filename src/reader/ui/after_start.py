"""Work the start can leave until the window has painted its article.

The daily backup and the after-a-crash damage check run off the UI thread, but
starting them still costs the UI thread (a thread, a connection, their imports)
and, on two cores, the CPU the first paint needs. They start once the reader pane
has painted an article, a moment later; or after FALLBACK_MS, whatever is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

from reader.ui.reading.reader_view import ReaderView

# After the first paint of an article: the window has its frame on screen.
AFTER_PAINT_MS = 100
# An empty library (or a window that is never painted) waits at most this long.
FALLBACK_MS = 2000


class AfterFirstPaint(QObject):
    """Runs `work` once, after the reader pane's first paint with an article."""

    def __init__(self, reader: ReaderView, work: Callable[[], None]) -> None:
        super().__init__(reader)
        self._reader = reader
        self._work: Callable[[], None] | None = work
        reader.viewport().installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint and self._reader.article is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(AFTER_PAINT_MS, self, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            self._reader.viewport().removeEventFilter(self)
            work()
