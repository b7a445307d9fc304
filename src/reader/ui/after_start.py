"""Work the start can leave until the window has painted its article.

The daily backup and the after-a-crash damage check run off the UI thread, but
starting them still costs the UI thread (a thread, a connection, their imports)
and, on two cores, the CPU the first paint needs. They start once the reader pane
has painted an article, a moment later; or after FALLBACK_MS, whatever is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

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
        # The pane's own signal, not an event filter on its viewport: a Python event
        # filter is handed plain QEvents, and PySide6 builds every QEvent subclass's
        # type to find each one's (1.5 MB and ~2 ms before the first frame).
        reader.sig_article_painted.connect(self._painted)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    @Slot()
    def _painted(self) -> None:
        QTimer.singleShot(AFTER_PAINT_MS, self, self._run)

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()
