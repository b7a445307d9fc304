"""The daily backup, taken off the UI thread with its own connection."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class DailyBackup:
    """A plain thread: the backup touches no Qt object, and the window never waits
    for it except, briefly, when it closes."""

    def __init__(self, library_dir: Path, keep: int = 0) -> None:
        self._library_dir = library_dir
        self._thread: threading.Thread | None = None
        self.result: str = ""
        self.keep = keep  # Preferences' backup count; 0: the library's own rotation

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="daily-backup", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        from reader.library import LibraryError, open_library
        from reader.library.backup import backups_dir, maybe_daily_backup, rotate
        from reader.library.db import DB_NAME

        try:
            conn = open_library(self._library_dir)
        except LibraryError as exc:
            self.result = str(exc)
            log.warning("daily backup skipped: %s", exc)
            return
        try:
            folder = backups_dir(self._library_dir / DB_NAME)
            taken = maybe_daily_backup(conn, folder)
            rotate(folder, most=self.keep)
            self.result = str(taken) if taken else "today's backup exists"
        except Exception as exc:  # logged: a failed backup must not take the app down
            self.result = f"failed: {exc}"
            log.exception("daily backup failed")
        finally:
            conn.close()

    def wait(self, seconds: float = 10.0) -> None:
        if self._thread is not None:
            self._thread.join(seconds)
