"""The display script: a toolbar choice and a View submenu, remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from reader.chinese.convert import ScriptMode


class ScriptOptions(QObject):
    """Owns the chosen ScriptMode; menu actions and the toolbar box stay in step."""

    sig_changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        try:
            self.mode = ScriptMode(str(settings.value("view/script", ScriptMode.ORIGINAL.value)))
        except ValueError:
            self.mode = ScriptMode.ORIGINAL
        self.group = QActionGroup(self)
        self.combo: QComboBox | None = None
        self.side_by_side = QAction(self.tr("Side by &Side"), self, checkable=True)
        self.side_by_side.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.side_by_side.setChecked(
            str(settings.value("view/side_by_side", "false")).lower() == "true"
        )
        self.side_by_side.toggled.connect(self.on_side_by_side)

    def labels(self) -> dict[ScriptMode, str]:
        return {
            ScriptMode.ORIGINAL: self.tr("Original"),
            ScriptMode.SIMPLIFIED: self.tr("Simplified (Mainland)"),
            ScriptMode.TRADITIONAL: self.tr("Traditional (OpenCC Standard)"),
            ScriptMode.TAIWAN: self.tr("Traditional, Taiwan"),
            ScriptMode.TAIWAN_PHRASES: self.tr("Taiwan, with Taiwan Phrasing"),
            ScriptMode.HONG_KONG: self.tr("Traditional, Hong Kong"),
        }

    def fill_menu(self, menu: QMenu) -> None:
        for number, (mode, label) in enumerate(self.labels().items(), start=1):
            action = QAction(label, self, checkable=True)
            action.setData(mode.value)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setChecked(mode is self.mode)
            self.group.addAction(action)
            menu.addAction(action)
        self.group.triggered.connect(self.on_action)
        menu.addSeparator()
        menu.addAction(self.side_by_side)

    def make_combo(self, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Display script"))
        combo.setToolTip(self.tr("Script the article is shown in (Ctrl+1 to Ctrl+6)"))
        for mode, label in self.labels().items():
            combo.addItem(label, mode.value)
        combo.setCurrentIndex(combo.findData(self.mode.value))
        combo.activated.connect(self.on_combo)
        self.combo = combo
        return combo

    def set_mode(self, mode: ScriptMode) -> None:
        if mode is self.mode:
            return
        self.mode = mode
        for action in self.group.actions():
            action.setChecked(action.data() == mode.value)
        if self.combo is not None:
            self.combo.setCurrentIndex(self.combo.findData(mode.value))
        self._settings.setValue("view/script", mode.value)
        self.sig_changed.emit()

    @Slot(QAction)
    def on_action(self, action: QAction) -> None:
        self.set_mode(ScriptMode(str(action.data())))

    @Slot(int)
    def on_combo(self, index: int) -> None:
        if self.combo is not None:
            self.set_mode(ScriptMode(str(self.combo.itemData(index))))

    @Slot(bool)
    def on_side_by_side(self, checked: bool) -> None:
        self._settings.setValue("view/side_by_side", "true" if checked else "false")
        self.sig_changed.emit()
