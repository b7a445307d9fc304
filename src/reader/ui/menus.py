"""The menu bar: File, View, Go, Help, in desktop order; actions come from the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from reader.ui.dialogs.window_dialogs import (
    import_files,
    import_folder,
    show_about,
    show_guide,
    show_preferences,
    show_shortcuts,
)

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "Import &Files…"),
            lambda: import_files(window),
            QKeySequence.StandardKey.Open,
        )
    )
    file_menu.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "Import F&older…"),
            lambda: import_folder(window),
            "Ctrl+Shift+O",
        )
    )
    file_menu.addSeparator()
    window.export_action = window.make_action(
        QCoreApplication.translate("MainWindow", "&Export…"), window.on_export, "Ctrl+E"
    )
    file_menu.addAction(window.export_action)
    window.bookmarks.fill_file_menu(file_menu)
    file_menu.addSeparator()
    preferences = window.make_action(
        QCoreApplication.translate("MainWindow", "&Preferences…"),
        lambda: show_preferences(window),
        "Ctrl+,",
    )
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addAction(preferences)
    quit_action = window.make_action(
        QCoreApplication.translate("MainWindow", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
    )
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.search.fill_edit_menu(edit)

    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.view_options.fill_menu(view)
    for action in window.view_options.zoom_actions:
        window.addAction(action)  # shortcuts work with the menu bar hidden
    view.addSeparator()
    window.translation.fill_menu(view)
    window.bookmarks.fill_view_menu(view)
    view.addSeparator()
    window.outline_action = window.make_action(
        QCoreApplication.translate("MainWindow", "Show &Outline"), window.on_toggle_outline
    )
    window.outline_action.setCheckable(True)
    window.outline_action.setChecked(window.view_options.state.outline_visible)
    view.addAction(window.outline_action)
    view.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "&Filter Titles"),
            lambda: window.search.find(window.filter_box),
            QKeySequence.StandardKey.Find,
        )
    )

    go = bar.addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    go.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "&Next Article"),
            window.on_next_article,
            "N",
            "J",
        )
    )
    go.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "&Previous Article"),
            window.on_previous_article,
            "P",
            "K",
        )
    )
    go.addSeparator()
    window.bookmarks.fill_go_menu(go)

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "&User Guide"),
            lambda: show_guide(window),
            QKeySequence.StandardKey.HelpContents,
        )
    )
    help_menu.addAction(
        window.make_action(
            QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"),
            lambda: show_shortcuts(window),
            "Ctrl+/",
        )
    )
    help_menu.addSeparator()
    about = window.make_action(
        QCoreApplication.translate("MainWindow", "&About Reader"), lambda: show_about(window)
    )
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)
