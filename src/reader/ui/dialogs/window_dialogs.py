"""The dialogs the main window's menus open: importing, Preferences, Help.

Each loads its module when first opened, so none of them costs the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def show_about(window: MainWindow) -> None:
    from reader.ui.dialogs.help_dialogs import AboutDialog

    AboutDialog(window, window.library_dir).exec()


def show_shortcuts(window: MainWindow) -> None:
    from reader.ui.dialogs.help_dialogs import ShortcutsDialog

    ShortcutsDialog(window).exec()


def show_guide(window: MainWindow) -> None:
    from reader.ui.dialogs.help_dialogs import GuideDialog
    from reader.ui.i18n import Translators

    GuideDialog(window, Translators.shared().language).exec()


def show_preferences(window: MainWindow) -> None:
    from reader.ui.dialogs.preferences_dialog import PreferencesDialog

    PreferencesDialog(
        window,
        window.settings,
        window.view_options,
        window.translation.script,
        window.daily_backup,
        window.library_dir,
        window.library_fixed,
    ).exec()


def import_files(window: MainWindow) -> None:
    from reader.ui.dialogs.import_dialogs import choose_files

    window.import_paths(choose_files(window, window.settings))


def import_folder(window: MainWindow) -> None:
    from reader.ui.dialogs.import_dialogs import choose_folder

    folder = choose_folder(window, window.settings)
    if folder is not None:
        window.import_paths([folder])
