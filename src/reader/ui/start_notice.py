"""A small window saying what opening the library is doing when that may take
seconds, before the main window exists: an upgrade (a backup first, then the
migration) or a damaged library set aside and a backup restored.

Nothing is made on a normal start: the widgets are imported on the first notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog


def notice_text(kind: str) -> str | None:
    from PySide6.QtCore import QCoreApplication

    if kind == "upgrade":
        return QCoreApplication.translate(
            "App",
            "Upgrading the library for this version of Reader. A backup is taken "
            "first, which can take a while for a large library.",
        )
    if kind == "recover":
        return QCoreApplication.translate(
            "App",
            "The library is damaged. Setting it aside and restoring the newest verified backup…",
        )
    return None


class StartNotice:
    """Called with what is about to happen (reader.library.migration.Busy); closed once
    the library is open."""

    def __init__(self) -> None:
        self.dialog: QProgressDialog | None = None

    def __call__(self, kind: str) -> None:
        from PySide6.QtWidgets import QApplication, QProgressDialog

        text = notice_text(kind)
        if text is None:
            return
        if self.dialog is None:
            self.dialog = QProgressDialog()
            self.dialog.setWindowTitle("Reader")
            self.dialog.setRange(0, 0)  # no end known: a busy bar
            self.dialog.setCancelButton(None)  # the work cannot stop halfway
            self.dialog.setMinimumDuration(0)
            self.dialog.setMinimumWidth(420)
        self.dialog.setLabelText(text)
        self.dialog.show()
        for _ in range(3):  # painted before the work blocks this thread
            QApplication.processEvents()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
