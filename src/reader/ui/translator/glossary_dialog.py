"""Edit the glossary: phrase overrides applied with every conversion."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.chinese.convert import ScriptMode, parse_mode
from reader.chinese.glossary import GlossaryEntry, read_tsv, write_tsv
from reader.ui.plain_text import plain_label, protect_view

GLOSSARY_LIMIT = 5 * 1024 * 1024  # ~100,000 terms: more is not a glossary


class GlossaryDialog(QDialog):
    """A table of source, target and modes; import and export as TSV."""

    def __init__(self, entries: list[GlossaryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.resize(640, 420)
        intro = QLabel(
            self.tr(
                "Each row keeps a term as you want it after conversion: the text as it "
                "stands in the article, what to show instead, and the scripts it applies "
                "to (empty for all: simplified, traditional, taiwan, taiwan-phrases, hongkong)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Glossary entries"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("In the article"), self.tr("Show as"), self.tr("Scripts")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        protect_view(self.table)
        self.message = plain_label(self)  # quotes file names and terms
        add = QPushButton(self.tr("&Add"), self)
        remove = QPushButton(self.tr("&Remove"), self)
        import_button = QPushButton(self.tr("&Import TSV…"), self)
        export_button = QPushButton(self.tr("&Export TSV…"), self)
        row = QHBoxLayout()
        for button in (add, remove, import_button, export_button):
            row.addWidget(button)
        row.addStretch(1)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(box)
        add.clicked.connect(self.on_add)
        remove.clicked.connect(self.on_remove)
        import_button.clicked.connect(self.on_import)
        export_button.clicked.connect(self.on_export)
        box.accepted.connect(self.on_ok)
        box.rejected.connect(self.reject)
        for entry in entries:
            self._append(entry)

    def _append(self, entry: GlossaryEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        modes = ",".join(sorted(m.value for m in entry.modes))
        for column, text in enumerate((entry.source, entry.target, modes)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def entries(self) -> tuple[list[GlossaryEntry], list[str]]:
        """The rows as entries, and one message per row that cannot be used."""
        found: list[GlossaryEntry] = []
        problems: list[str] = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(3)]
            source, target, modes = (c.text().strip() if c is not None else "" for c in cells)
            if not source and not target:
                continue
            if not source:
                problems.append(
                    self.tr("Row {0}: the term in the article is empty.").format(row + 1)
                )
                continue
            try:
                chosen = frozenset(
                    parse_mode(m) for m in modes.replace("，", ",").split(",") if m.strip()
                )
            except ValueError as exc:
                problems.append(self.tr("Row {0}: {1}").format(row + 1, exc))
                continue
            found.append(
                GlossaryEntry(
                    source, target, frozenset(m for m in chosen if m is not ScriptMode.ORIGINAL)
                )
            )
        return found, problems

    @Slot()
    def on_add(self) -> None:
        self._append(GlossaryEntry("", ""))
        item = self.table.item(self.table.rowCount() - 1, 0)
        if item is not None:
            self.table.editItem(item)

    @Slot()
    def on_remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def import_file(self, path: Path) -> None:
        from reader.importers import ImportFailure
        from reader.importers.files import display_path, read_file

        # The importer's rules: a regular file (never a FIFO or a device), and a
        # size a glossary can have; the table fills on the UI thread.
        try:
            text = read_file(path, GLOSSARY_LIMIT).decode("utf-8-sig")
        except ImportFailure as exc:
            self.message.setText(str(exc))
            return
        except UnicodeDecodeError:
            self.message.setText(
                self.tr("{0}: cannot be read (not UTF-8 text).").format(display_path(path))
            )
            return
        entries, problems = read_tsv(text)
        for entry in entries:
            self._append(entry)
        summary = self.tr("{0} entries imported from {1}.").format(len(entries), path.name)
        self.message.setText("\n".join([summary, *problems[:5]]))

    def export_file(self, path: Path) -> bool:
        entries, problems = self.entries()
        if problems:
            self.message.setText("\n".join(problems[:5]))
            return False
        from reader.export.atomic import ExportError, write_atomic

        try:
            # The file dialog asked before replacing a file; a full disk leaves the old one.
            write_atomic(path, write_tsv(entries).encode("utf-8"), overwrite=True)
        except ValueError as exc:  # a term holding a tab or a line break
            self.message.setText(str(exc))
            return False
        except ExportError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(
            self.tr("{0} entries exported to {1}.").format(len(entries), path.name)
        )
        return True

    @Slot()
    def on_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Glossary"),
            "",
            self.tr("Tab-separated (*.tsv *.txt);;All files (*)"),
        )
        if name:
            self.import_file(Path(name))

    @Slot()
    def on_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Glossary"),
            self.tr("glossary.tsv"),
            self.tr("Tab-separated (*.tsv)"),
        )
        if name:
            self.export_file(Path(name))

    @Slot()
    def on_ok(self) -> None:
        _entries, problems = self.entries()
        if problems:
            self.message.setText("\n".join(problems[:5]))
            return
        self.accept()
