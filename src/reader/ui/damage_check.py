"""The after-a-crash damage check, run once the window is up and off the UI thread.

A library that a Reader left open when it died is checked before anything trusts
it (reader.library.db). The command line checks it before it reads; the app opens
its window first and checks on a connection of its own in the thread pool, so a
100,000-article library costs the start no quick_check. A damaged library is
marked so that it is never stamped clean: the next start checks it again, sets it
aside and restores the newest verified backup, keeping newer bookmarks.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from reader.ui.background import Job, in_background
from reader.ui.plain_text import show_warning

log = logging.getLogger(__name__)


def check_after_start(window: QWidget, conn: sqlite3.Connection) -> Job | None:
    """Start the check if one was left for later when the library was opened."""
    from reader.library.deferred_check import check_due, check_in_place

    path: Path | None = getattr(conn, "library_path", None)
    if path is None or not check_due(conn):
        return None
    log.info("checking %s after an unclean close", path)

    def done(problem: str | None) -> None:
        if problem is None:
            log.info("library %s is sound", path)
            return
        log.error("library %s is damaged: %s", path, problem)
        text = QCoreApplication.translate(
            "DamageCheck",
            "The library {0} looks damaged ({1}). Quit Reader and start it again: "
            "it will set the damaged file aside and restore the newest verified "
            "backup, keeping newer bookmarks and notes.",
        ).format(path, problem)
        # Shown from the window's own event, not inside the job's delivery: the
        # box's event loop would otherwise run while the job is being deleted.
        QTimer.singleShot(
            0,
            window,
            lambda: show_warning(window, QCoreApplication.translate("DamageCheck", "Reader"), text),
        )

    def failed(exc: BaseException) -> None:
        log.error("the damage check of %s could not run: %s", path, exc)

    return in_background(window, lambda: check_in_place(path), done, failed)
