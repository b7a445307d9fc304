"""File → Import Files… and Import Folder…: every supported format offered by
default, and the folder last imported from remembered (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.importers.formats import (
    ALL_EXTENSIONS,
    HTML_EXTENSIONS,
    MARKDOWN_EXTENSIONS,
    MHTML_EXTENSIONS,
    TEXT_EXTENSIONS,
)

FOLDER_KEY = "import/folder"


def _patterns(extensions: frozenset[str]) -> str:
    return " ".join(f"*{ext}" for ext in sorted(extensions))


def name_filters() -> list[str]:
    """The dialog's file types: all supported first (the default), then each."""
    return [
        QCoreApplication.translate("ImportDialogs", "Articles ({0})").format(
            _patterns(ALL_EXTENSIONS)
        ),
        QCoreApplication.translate("ImportDialogs", "Web pages ({0})").format(
            _patterns(HTML_EXTENSIONS)
        ),
        QCoreApplication.translate("ImportDialogs", "Web archives ({0})").format(
            _patterns(MHTML_EXTENSIONS)
        ),
        QCoreApplication.translate("ImportDialogs", "Markdown ({0})").format(
            _patterns(MARKDOWN_EXTENSIONS)
        ),
        QCoreApplication.translate("ImportDialogs", "Text files ({0})").format(
            _patterns(TEXT_EXTENSIONS)
        ),
        QCoreApplication.translate("ImportDialogs", "All files (*)"),
    ]


def _start_folder(settings: QSettings) -> str:
    folder = str(settings.value(FOLDER_KEY, "") or "")
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def _remember(settings: QSettings, folder: Path) -> None:
    settings.setValue(FOLDER_KEY, str(folder))
    settings.sync()


def choose_files(parent: QWidget, settings: QSettings) -> list[Path]:
    dialog = QFileDialog(
        parent, QCoreApplication.translate("ImportDialogs", "Import Files"), _start_folder(settings)
    )
    dialog.setObjectName("import-files")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setNameFilters(name_filters())
    dialog.selectNameFilter(name_filters()[0])
    try:
        if not dialog.exec():
            return []
        files = [Path(f) for f in dialog.selectedFiles()]
        if files:
            _remember(settings, files[0].parent)
        return files
    finally:
        dialog.deleteLater()


def choose_folder(parent: QWidget, settings: QSettings) -> Path | None:
    dialog = QFileDialog(
        parent,
        QCoreApplication.translate("ImportDialogs", "Import Folder"),
        _start_folder(settings),
    )
    dialog.setObjectName("import-folder")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    try:
        if not dialog.exec():
            return None
        chosen = dialog.selectedFiles()
        if not chosen:
            return None
        folder = Path(chosen[0])
        # The next import starts beside this folder, where its siblings are.
        _remember(settings, folder.parent if folder.parent != folder else folder)
        return folder
    finally:
        dialog.deleteLater()
