"""Where the app's own messages go: tracebacks and Qt's warnings to a log file in
the platform's log folder, never to the user's terminal."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger("reader")


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("Reader", appauthor=False)) / "reader.log"


class _LazyFileHandler(logging.Handler):
    """Opens the log file on the first record, so a quiet start costs nothing; and
    opens it in a thread of its own, so a record at start-up (a Qt warning) never
    holds up the window: finding the folder and loading logging.handlers take
    ~40 ms. Records that come meanwhile wait in a list and are written in order."""

    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None
        self._failed = False
        self._pending: list[logging.LogRecord] = []
        self._opener: threading.Thread | None = None
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._guard:
            if self._file is None:
                if not self._failed:
                    self._pending.append(record)
                    if self._opener is None:
                        self._opener = threading.Thread(
                            target=self._open, name="reader-log", daemon=True
                        )
                        self._opener.start()
                return
        self._file.emit(record)

    def _open(self) -> None:
        opened: logging.Handler | None = None
        try:
            path = log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            from logging.handlers import RotatingFileHandler

            opened = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            opened.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
        except OSError:
            pass  # no log folder: the app still runs
        with self._guard:
            pending, self._pending = self._pending, []
            for record in pending:
                if opened is not None:
                    opened.emit(record)
            self._file = opened
            self._failed = opened is None

    def flush(self) -> None:
        """At exit (logging.shutdown): whatever waits for the file is written."""
        opener = self._opener
        if opener is not None:
            opener.join(timeout=5)
        if self._file is not None:
            self._file.flush()


def setup_logging() -> None:
    """Tracebacks go to a log file in the platform's log folder, never to the user."""
    log.addHandler(_LazyFileHandler())
    log.setLevel(logging.INFO)


# Said by the offscreen platform (screenshots, tests) at every start and harmless;
# logging it opened the log file, ~40 ms of CPU in a thread during the first paint.
_IGNORED_QT_MESSAGES = frozenset({"This plugin does not support propagateSizeHints()"})


def route_qt_messages() -> None:
    """Qt's own warnings go to the log file, not to the user's terminal."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if message in _IGNORED_QT_MESSAGES:
            return
        log.log(levels.get(kind, logging.WARNING), "Qt: %s", message)

    qInstallMessageHandler(handler)
