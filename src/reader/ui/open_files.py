"""`reader FILE…` and the desktop's "Open with Reader": import the files, then show them.

The last file's article opens even when it was in the library already (an import of an
unchanged file otherwise keeps the article on screen). Files handed over while an import
runs wait for it, never lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from reader.library.ingest import ImportReport
    from reader.ui.main_window import MainWindow


class FileOpener(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._waiting = False  # the running import is ours: show its last article
        self._queued: list[Path] = []
        # After the window's own handler (connected first), which reloads the list.
        window.imports.sig_finished.connect(self.on_import_finished)

    @Slot(list)
    def open_files(self, paths: list[Path]) -> None:
        self._window.bring_forward()
        if self._waiting or self._window.imports.busy():
            self._queued.extend(paths)
            return
        self._waiting = True
        self._window.import_paths(list(paths))

    @Slot(object)
    def on_import_finished(self, report: ImportReport) -> None:
        if self._waiting:
            self._waiting = False
            if report.last_id is not None:
                self._window.open_article(report.last_id)
        if self._queued and not self._window.imports.busy():
            paths, self._queued = self._queued, []
            self.open_files(paths)
