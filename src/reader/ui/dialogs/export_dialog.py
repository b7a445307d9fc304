"""File → Export…: format, script and options for the selected article."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.chinese.convert import ScriptMode
from reader.domain import Article
from reader.export.filenames import safe_filename, target_in
from reader.export.options import ExportOptions
from reader.ui.plain_text import ask, plain_label

if TYPE_CHECKING:
    from reader.export.options import ExportDocument
    from reader.ui.bookmarks.bookmark_tools import BookmarkTools
    from reader.ui.translator.translation import TranslationTools

FORMATS = {"md": "Markdown", "html": "HTML", "txt": "Plain text", "pdf": "PDF", "docx": "Word"}


class _Worker(QObject):
    """Writes one export in a thread: a long PDF must not freeze the window. It
    reports how far it is, and stops (writing nothing) once `cancel` is set."""

    sig_progress = Signal(int)  # percent
    sig_done = Signal(str, str, bool)  # path written, error message ("" when fine), cancelled

    def __init__(self, doc: ExportDocument, path: Path, overwrite: bool) -> None:
        super().__init__()
        self._doc, self._path, self._overwrite = doc, path, overwrite
        self.cancel = threading.Event()
        self._shown = -1

    def _progress(self, done: float) -> bool:  # in the worker thread
        percent = int(done * 100)
        if percent != self._shown:
            self._shown = percent
            self.sig_progress.emit(percent)
        return not self.cancel.is_set()

    @Slot()
    def run(self) -> None:
        from reader.export import ExportCancelled, export_article

        try:
            written = export_article(self._doc, self._path, self._overwrite, self._progress)
        except ExportCancelled:
            self.sig_done.emit("", "", True)
            return
        except Exception as exc:  # reported to the user in one sentence, never lost
            self.sig_done.emit("", str(exc) or exc.__class__.__name__, False)
            return
        self.sig_done.emit(str(written), "", False)


class ExportDialog(QDialog):
    sig_finished = Signal(str, str)  # path, error

    def __init__(
        self,
        parent: QWidget,
        article: Article,
        translation: TranslationTools,
        bookmarks: BookmarkTools,
        settings: QSettings,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._article = article
        self._translation = translation
        self._bookmarks = bookmarks
        self._settings = settings
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.quiet = False  # tests: no message boxes

        self.format = QComboBox(self)
        for key, label in FORMATS.items():
            self.format.addItem(self.tr(label), key)
        self.script = QComboBox(self)
        for mode, label in translation.script.labels().items():
            self.script.addItem(label, mode.value)
        self.metadata = QCheckBox(self.tr("Include date, source and editors"), self)
        self.notes = QCheckBox(self.tr("Include bookmarks and notes"), self)
        self.bilingual = QCheckBox(
            self.tr("Bilingual: original and converted, block by block"), self
        )
        self.corrected = QCheckBox(self.tr("Use the corrected version (conversion check)"), self)
        self.bom = QCheckBox(
            self.tr("Start with a UTF-8 byte order mark (for Windows tools)"), self
        )
        self.page = QComboBox(self)
        self.page.addItem("A4", "a4")
        self.page.addItem(self.tr("Letter"), "letter")
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Export folder"))
        browse = QPushButton(self.tr("&Browse…"), self)
        self.name = QLineEdit(self)
        self.message = plain_label(self)  # paths and errors quote file names
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()  # shown while an export runs
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Script:"), self.script)
        form.addRow("", self.metadata)
        form.addRow("", self.notes)
        form.addRow("", self.bilingual)
        form.addRow("", self.corrected)
        form.addRow("", self.bom)
        form.addRow(self.tr("&Paper:"), self.page)
        # A label of its own: a row holding a layout gives its label no buddy, and
        # the mnemonic (Alt+O) would go nowhere.
        folder_label = QLabel(self.tr("F&older:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("File &name:"), self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self._restore_choices()
        self.format.currentIndexChanged.connect(self._update)
        self.script.currentIndexChanged.connect(self._update)
        browse.clicked.connect(self.on_browse)
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.on_cancel)
        self._update()

    # --- choices ---------------------------------------------------------------

    def _restore_choices(self) -> None:
        s = self._settings
        self.format.setCurrentIndex(
            max(0, self.format.findData(str(s.value("export/format", "docx"))))
        )
        # The script defaults to what the reader shows now.
        self.script.setCurrentIndex(self.script.findData(self._translation.script.mode.value))
        for box, key, default in (
            (self.metadata, "metadata", "true"),
            (self.notes, "notes", "false"),
            (self.bilingual, "bilingual", "false"),
            (self.bom, "bom", "false"),
        ):
            box.setChecked(str(s.value(f"export/{key}", default)).lower() == "true")
        self.page.setCurrentIndex(max(0, self.page.findData(str(s.value("export/page", "a4")))))
        self.folder.setText(str(s.value("export/folder", str(Path.home()))))
        has_fixes = bool(self._translation.presenter.accepted_keys(self._article.id))
        self.corrected.setEnabled(has_fixes)
        self.corrected.setChecked(has_fixes)

    def _save_choices(self) -> None:
        s = self._settings
        s.setValue("export/format", self.format.currentData())
        for box, key in ((self.metadata, "metadata"), (self.notes, "notes"),
                         (self.bilingual, "bilingual"), (self.bom, "bom")):  # fmt: skip
            s.setValue(f"export/{key}", "true" if box.isChecked() else "false")
        s.setValue("export/page", self.page.currentData())
        s.setValue("export/folder", self.folder.text())

    def options(self) -> ExportOptions:
        return ExportOptions(
            format=str(self.format.currentData()),
            script=ScriptMode(str(self.script.currentData())),
            corrected=self.corrected.isChecked(),
            bilingual=self.bilingual.isChecked(),
            metadata=self.metadata.isChecked(),
            notes=self.notes.isChecked(),
            bom=self.bom.isChecked(),
            page=str(self.page.currentData()),
        )

    @Slot()
    def _update(self) -> None:
        fmt = str(self.format.currentData())
        self.bom.setEnabled(fmt == "txt")
        self.page.setEnabled(fmt == "pdf")
        mode = ScriptMode(str(self.script.currentData()))
        self.bilingual.setEnabled(mode is not ScriptMode.ORIGINAL)
        title = self._translation.presenter.header(self._article, mode).title
        self.name.setText(safe_filename(title.strip() or self.tr("untitled"), fmt))

    @Slot()
    def on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export to Folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    # --- writing ---------------------------------------------------------------

    def target(self) -> Path:
        """Always inside the chosen folder, whatever the name typed."""
        fmt = str(self.format.currentData())
        name = self.name.text().strip() or safe_filename(self._article.title, fmt)
        stem = name[: -(len(fmt) + 1)] if name.lower().endswith(f".{fmt}") else name
        return target_in(Path(self.folder.text()).expanduser(), safe_filename(stem, fmt))

    def document(self) -> ExportDocument:
        from reader.export.options import prepare

        presenter = self._translation.presenter
        marks = (
            self._bookmarks.store.for_article(self._article.id) if self.notes.isChecked() else []
        )
        return prepare(
            self._article, self.options(), presenter.converter, presenter.corrections, marks
        )

    @Slot()
    def on_save(self) -> None:
        folder = Path(self.folder.text()).expanduser()
        if not folder.is_dir():
            self.message.setText(self.tr("The folder {0} does not exist.").format(folder))
            return
        path = self.target()
        overwrite = False
        if path.exists():
            if self.quiet:
                self.message.setText(self.tr("{0} exists already.").format(path.name))
                return
            question = self.tr("{0} exists. Replace it?").format(path.name)
            if not ask(self, self.tr("Export"), question):
                return
            overwrite = True
        self._save_choices()
        self._saving(True)
        self.message.setText(self.tr("Exporting…"))
        self._thread = QThread(self)
        self._worker = _Worker(self.document(), path, overwrite)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.sig_progress.connect(self.progress.setValue)
        self._worker.sig_done.connect(self.on_done)
        self._thread.start()

    def _saving(self, running: bool) -> None:
        """While an export runs only Cancel works, and it stops the export."""
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not running)
        if running:
            self.progress.setValue(0)
        self.progress.setVisible(running)

    @Slot()
    def on_cancel(self) -> None:
        """Cancel: stops a running export (the dialog stays, nothing is written);
        otherwise closes the dialog."""
        if self._worker is not None and self._thread is not None:
            self._worker.cancel.set()
            self.message.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        # Esc or the window's close button while exporting: cancel it, then close.
        if self._worker is not None and self._thread is not None:
            self._worker.cancel.set()
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        super().reject()

    @Slot(str, str, bool)
    def on_done(self, path: str, error: str, cancelled: bool) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        self._worker = None
        self._saving(False)
        self.sig_finished.emit(path, error)
        if cancelled:
            self.message.setText(self.tr("Export cancelled; nothing was written."))
            return
        if error:
            self.message.setText(self.tr("The export failed: {0}").format(error))
            return
        self.message.setText(self.tr("Exported to {0}.").format(path))
        parent = self.parentWidget()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(self.tr("Exported to {0}.").format(path), 10000)
        self.accept()
