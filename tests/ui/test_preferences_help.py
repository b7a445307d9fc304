"""Preferences apply at once; Help lists every shortcut, shows the guide and the versions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from reader.chinese.convert import ScriptMode
from reader.render import PALETTES, Theme
from reader.ui.dialogs.help_dialogs import AboutDialog, GuideDialog, ShortcutsDialog, guide_path
from reader.ui.dialogs.preferences import Preferences
from reader.ui.dialogs.preferences_dialog import PreferencesDialog
from reader.ui.main_window import MainWindow
from reader.ui.palette import apply_theme


def _dialog(window: MainWindow, settings: QSettings | None = None) -> PreferencesDialog:
    return PreferencesDialog(
        window,
        settings or window._settings,
        window.view_options,
        window.translation.script,
        window._backup,
        window.library_dir,
        window.library_fixed,
    )


def _choose(combo: object, data: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(data))


def test_a_dark_theme_colours_the_whole_window_at_once(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _dialog(window)
    try:
        _choose(dialog.theme_box, "dark")
        palette = QApplication.palette()
        assert palette.color(QPalette.ColorRole.Window).lightness() < 80  # menus, list, panels
        assert palette.color(QPalette.ColorRole.Base).name() == PALETTES[Theme.DARK].background
        qtbot.waitUntil(
            lambda: window.tree.palette().color(QPalette.ColorRole.Base).lightness() < 80
        )
        assert window.reader.options.theme is Theme.DARK  # and the article
        assert window.view_options.theme_group.checkedAction().data() == "dark"  # menu agrees
        _choose(dialog.theme_box, "sepia")
        base = QApplication.palette().color(QPalette.ColorRole.Base).name()
        assert base == PALETTES[Theme.SEPIA].background
    finally:
        apply_theme(QApplication.instance(), "system")  # type: ignore[arg-type]


def test_reading_choices_apply_to_the_open_article(window: MainWindow) -> None:
    dialog = _dialog(window)
    dialog.size_box.setValue(27)
    dialog.spacing_box.setValue(1.4)
    _choose(dialog.font_box, "sans")
    _choose(dialog.script_box, ScriptMode.SIMPLIFIED.value)
    options = window.reader.options
    assert round(options.zoom * options.base_px) == 27
    assert options.line_spacing == 1.4
    assert options.font_style.value == "sans"
    assert window.translation.script.mode is ScriptMode.SIMPLIFIED
    window.save()
    settings = window._settings
    assert float(str(settings.value("view/line_spacing"))) == 1.4
    assert settings.value("view/script") == ScriptMode.SIMPLIFIED.value


def test_language_library_and_backups_are_kept_for_the_next_start(
    window: MainWindow, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    dialog = _dialog(window, settings)
    _choose(dialog.language_box, "zh_TW")
    dialog.backups_box.setValue(5)
    kept = Preferences.load(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    assert kept.language == "zh_TW"
    assert kept.backup_count == 5
    assert window._backup.keep == 5


def test_every_control_of_preferences_has_an_accessible_name(window: MainWindow) -> None:
    dialog = _dialog(window)
    for control in (
        dialog.language_box,
        dialog.script_box,
        dialog.theme_box,
        dialog.font_box,
        dialog.size_box,
        dialog.spacing_box,
        dialog.folder_box,
        dialog.browse,
        dialog.backups_box,
    ):
        assert control.accessibleName()


def test_the_shortcut_list_is_read_from_the_actions(window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    table = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert table["Export"] == QKeySequence("Ctrl+E").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert "Preferences" in table and "Keyboard Shortcuts" in table
    every = [a for a in window.findChildren(QAction) if a.shortcuts() and a.text()]
    assert len(every) > 20
    shown = " ".join(table.values())
    for action in every:
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in shown
    # A shortcut added later shows up without anyone editing a list.
    window.make_action("Brand New Thing", window.close, "Ctrl+Alt+Shift+Y")
    again = ShortcutsDialog(window)
    names = [again.table.item(r, 0).text() for r in range(again.table.rowCount())]
    assert "Brand New Thing" in names


def test_the_user_guide_is_shown_with_its_screenshots(window: MainWindow) -> None:
    for language in ("en", "zh_CN", "zh_TW"):
        assert guide_path(language).name == f"guide.{language}.md"
    dialog = GuideDialog(window, "zh_TW")
    text = dialog.view.toPlainText()
    assert "閱讀器" in text or "Reader" in text
    assert "書籤" in text
    images = [
        f.charFormat().toImageFormat().name()
        for block in _blocks(dialog.view.document())
        for f in _fragments(block)
        if f.charFormat().isImageFormat()
    ]
    assert images
    for name in images:
        assert (guide_path("zh_TW").parent / name).is_file()


def _blocks(document: object) -> list[object]:
    from PySide6.QtGui import QTextDocument

    assert isinstance(document, QTextDocument)
    block, out = document.begin(), []
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _fragments(block: object) -> list[object]:
    from PySide6.QtGui import QTextBlock

    assert isinstance(block, QTextBlock)
    it, out = block.begin(), []
    while not it.atEnd():
        out.append(it.fragment())
        it += 1
    return out


def test_about_names_the_versions_and_the_library(window: MainWindow) -> None:
    dialog = AboutDialog(window, window.library_dir)
    text = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    for name in ("Reader", "Qt", "PySide6", "OpenCC"):
        assert name in text
    assert str(window.library_dir) in text
