"""Preferences (Ctrl+,): every choice in one place; each applies as it changes.

The display script, theme, font, text size and line spacing change the open
window at once, through the same owners as the View menu (ScriptOptions,
ViewOptions), so menu and dialog never disagree. The interface language and the
library folder are read at start, so they take effect at the next start; the
backup count at the next backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.chinese.convert import ScriptMode
from reader.render import FontStyle, RenderOptions, Theme
from reader.ui.dialogs.backup_runner import DailyBackup
from reader.ui.dialogs.preferences import BACKUPS_MAX, Preferences
from reader.ui.i18n import language_names
from reader.ui.plain_text import plain_label
from reader.ui.reading.view_options import ViewOptions
from reader.ui.translator.script_options import ScriptOptions

_BASE_PX = RenderOptions().base_px


class PreferencesDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        settings: QSettings,
        view_options: ViewOptions,
        script: ScriptOptions,
        backup: DailyBackup,
        library_dir: Path,
        library_fixed: bool,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        self._settings = settings
        self._view = view_options
        self._script = script
        self._backup = backup
        self.prefs = Preferences.load(settings)

        self.language_box = self._combo(self.tr("Interface language"))
        for key, name in language_names().items():
            self.language_box.addItem(name, key)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.prefs.language)))

        self.script_box = self._combo(self.tr("Default display script"))
        for mode, label in script.labels().items():
            self.script_box.addItem(label, mode.value)
        self.script_box.setCurrentIndex(max(0, self.script_box.findData(script.mode.value)))

        self.theme_box = self._combo(self.tr("Theme"))
        for key, label in (
            ("system", self.tr("Follow the system")),
            (Theme.LIGHT.value, self.tr("Light")),
            (Theme.SEPIA.value, self.tr("Sepia")),
            (Theme.DARK.value, self.tr("Dark")),
        ):
            self.theme_box.addItem(label, key)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(view_options.state.theme)))

        self.font_box = self._combo(self.tr("Reading font"))
        self.font_box.addItem(self.tr("Serif (Song/Ming)"), FontStyle.SERIF.value)
        self.font_box.addItem(self.tr("Sans-serif (Hei)"), FontStyle.SANS.value)
        self.font_box.setCurrentIndex(max(0, self.font_box.findData(view_options.state.font_style)))

        self.size_box = QSpinBox(self)
        self.size_box.setAccessibleName(self.tr("Text size in pixels"))
        self.size_box.setRange(round(_BASE_PX * 0.5), round(_BASE_PX * 3))
        self.size_box.setSuffix(self.tr(" px"))
        self.size_box.setValue(round(_BASE_PX * view_options.state.zoom))

        self.spacing_box = QDoubleSpinBox(self)
        self.spacing_box.setAccessibleName(self.tr("Line spacing"))
        self.spacing_box.setRange(0.8, 1.6)
        self.spacing_box.setSingleStep(0.1)
        self.spacing_box.setDecimals(1)
        self.spacing_box.setValue(view_options.state.line_spacing)

        self.folder_box = QLineEdit(self.prefs.library_dir or str(library_dir), self)
        self.folder_box.setAccessibleName(self.tr("Library folder"))
        self.folder_box.setReadOnly(True)
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.browse.setAccessibleName(self.tr("Choose the library folder"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_box, 1)
        folder_row.addWidget(self.browse)

        self.backups_box = QSpinBox(self)
        self.backups_box.setAccessibleName(self.tr("Backups kept"))
        self.backups_box.setRange(0, BACKUPS_MAX)
        self.backups_box.setSpecialValueText(self.tr("A week of daily, then weekly"))
        self.backups_box.setValue(self.prefs.backup_count)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow(self.tr("Display &script:"), self.script_box)
        form.addRow(self.tr("&Theme:"), self.theme_box)
        form.addRow(self.tr("Reading &font:"), self.font_box)
        form.addRow(self.tr("Text si&ze:"), self.size_box)
        form.addRow(self.tr("Line spa&cing:"), self.spacing_box)
        form.addRow(self.tr("Library f&older:"), folder_row)
        folder_label = form.labelForField(folder_row)
        if isinstance(folder_label, QLabel):
            folder_label.setBuddy(self.browse)  # Alt+O reaches the folder's button
        form.addRow(self.tr("&Backups kept:"), self.backups_box)
        self.note = plain_label(self)
        self.note.setText(
            self.tr("The folder is set by READER_HOME or --library for this run.")
            if library_fixed
            else self.tr("Language and library folder take effect when Reader next starts.")
        )
        self.folder_box.setEnabled(not library_fixed)
        self.browse.setEnabled(not library_fixed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        for first, second in (
            (self.language_box, self.script_box),
            (self.script_box, self.theme_box),
            (self.theme_box, self.font_box),
            (self.font_box, self.size_box),
            (self.size_box, self.spacing_box),
            (self.spacing_box, self.browse),
            (self.browse, self.backups_box),
        ):
            QWidget.setTabOrder(first, second)
        self._connect()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        return combo

    def _connect(self) -> None:
        self.language_box.currentIndexChanged.connect(self.on_language)
        self.script_box.currentIndexChanged.connect(self.on_script)
        self.theme_box.currentIndexChanged.connect(self.on_theme)
        self.font_box.currentIndexChanged.connect(self.on_font)
        self.size_box.valueChanged.connect(self.on_size)
        self.spacing_box.valueChanged.connect(self.on_spacing)
        self.browse.clicked.connect(self.on_browse)
        self.backups_box.valueChanged.connect(self.on_backups)

    def _save(self) -> None:
        self.prefs.save(self._settings)

    @Slot(int)
    def on_language(self, index: int) -> None:
        self.prefs.language = str(self.language_box.itemData(index))
        self._save()

    @Slot(int)
    def on_script(self, index: int) -> None:
        self._script.set_mode(ScriptMode(str(self.script_box.itemData(index))))

    @Slot(int)
    def on_theme(self, index: int) -> None:
        self._view.set_theme(str(self.theme_box.itemData(index)))
        self._view.save(self._settings)

    @Slot(int)
    def on_font(self, index: int) -> None:
        self._view.set_font_style(str(self.font_box.itemData(index)))
        self._view.save(self._settings)

    @Slot(int)
    def on_size(self, px: int) -> None:
        self._view.set_zoom(px / _BASE_PX)
        self._view.save(self._settings)

    @Slot(float)
    def on_spacing(self, value: float) -> None:
        self._view.set_line_spacing(value)
        self._view.save(self._settings)

    @Slot()
    def on_browse(self) -> None:
        title = self.tr("Library Folder")
        folder = QFileDialog.getExistingDirectory(self, title, self.folder_box.text())
        if folder:
            self.folder_box.setText(folder)
            self.prefs.library_dir = folder
            self._save()

    @Slot(int)
    def on_backups(self, count: int) -> None:
        self.prefs.backup_count = count
        self._backup.keep = count
        self._save()
