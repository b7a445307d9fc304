"""Imports off the UI thread, behind a progress dialog that can be cancelled."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

from reader.chinese import Converters
from reader.library import ArticleStore, LibraryError, open_library

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from reader.library.ingest import ImportReport

log = logging.getLogger(__name__)


class ImportWorker(QObject):
    """Runs import_paths in its own thread with its own SQLite connection."""

    sig_progress = Signal(int, str)  # files done, file being read
    sig_finished = Signal(object)  # ImportReport
    sig_failed = Signal(str)  # one sentence: the import could not run at all

    def __init__(self, library_dir: Path, paths: list[Path], converters: Converters) -> None:
        super().__init__()
        self._library_dir = library_dir
        self._paths = paths
        self._converters = converters
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from reader.importers import Importer  # loaded on the first import, in this thread
        from reader.library.ingest import import_paths
        from reader.ui.background import writing_in_background

        try:
            conn = open_library(self._library_dir)
        except LibraryError as exc:
            self.sig_failed.emit(str(exc))
            return
        try:
            with writing_in_background():
                report = import_paths(
                    self._paths, Importer(self._converters), ArticleStore(conn), self._on_progress
                )
        except Exception as exc:  # reported, never lost in a thread
            log.exception("import failed")
            self.sig_failed.emit(str(exc))
            return
        finally:
            conn.close()
        self.sig_finished.emit(report)

    def _on_progress(self, done: int, path: Path) -> bool:
        from reader.importers.files import display_path

        self.sig_progress.emit(done, display_path(path.name))
        return not self._cancel.is_set()


class ImportRunner(QObject):
    """One import at a time: thread, worker, progress dialog, and the summary at the end."""

    sig_finished = Signal(object)  # ImportReport, after the summary was shown

    def __init__(self, library_dir: Path, converters: Converters, parent: QWidget) -> None:
        super().__init__(parent)
        self._library_dir = library_dir
        self._converters = converters
        self._parent = parent
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._dialog: QProgressDialog | None = None  # created per import
        self.quiet = False  # tests and screenshots: no modal summary

    def busy(self) -> bool:
        return self._thread is not None

    def start(self, paths: list[Path]) -> bool:
        if self._thread is not None or not paths:
            return False
        self._thread = QThread(self)
        self._worker = ImportWorker(self._library_dir, paths, self._converters)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.sig_progress.connect(self.on_progress, Qt.ConnectionType.QueuedConnection)
        self._worker.sig_finished.connect(self.on_finished, Qt.ConnectionType.QueuedConnection)
        self._worker.sig_failed.connect(self.on_failed, Qt.ConnectionType.QueuedConnection)
        from PySide6.QtWidgets import QProgressDialog  # loaded on the first import

        from reader.ui.plain_text import plain_label

        self._dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self._parent)
        # File names are shown in the label: as text, never as markup (traps #16).
        self._dialog.setLabel(plain_label(self._dialog, self.tr("Importing…"), wrap=False))
        self._dialog.setWindowTitle(self.tr("Import"))
        self._dialog.setMinimumDuration(400)  # short imports never flash a dialog
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.canceled.connect(self._worker.cancel)
        self._thread.start()
        return True

    @Slot(int, str)
    def on_progress(self, done: int, name: str) -> None:
        if self._dialog is not None:
            label = self.tr("Importing… {0} files so far\n{1}").format(done, name)
            self._dialog.setLabelText(label)

    @Slot(object)
    def on_finished(self, report: ImportReport) -> None:
        self._stop()
        if report.failures and not self.quiet:
            self._show_failures(report)
        self.sig_finished.emit(report)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self._stop()
        if not self.quiet:
            from reader.ui.plain_text import show_warning

            show_warning(
                self._parent, self.tr("Import"), self.tr("The import failed: {0}").format(message)
            )
        from reader.library.ingest import ImportReport

        self.sig_finished.emit(ImportReport())

    def _show_failures(self, report: ImportReport) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # traps #16
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Import"))
        box.setText(
            self.tr("{0} articles imported; {1} files could not be imported.").format(
                report.added + report.updated + report.unchanged, len(report.failures)
            )
        )
        box.setDetailedText("\n".join(str(f) for f in report.failures))
        box.exec()

    def _stop(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        if self._worker is not None:
            self._worker.deleteLater()
            self._worker = None

    def shutdown(self) -> None:
        """On quit: ask a running import to stop and wait for it."""
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
