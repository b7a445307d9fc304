"""The menu bar: File, View, Go, Help, in desktop order; actions come from the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(
        window.make_action(
            tr("Import &Files…"), window.on_import_files, QKeySequence.StandardKey.Open
        )
    )
    file_menu.addAction(
        window.make_action(tr("Import F&older…"), window.on_import_folder, "Ctrl+Shift+O")
    )
    file_menu.addSeparator()
    window.export_action = window.make_action(tr("&Export…"), window.on_export, "Ctrl+E")
    file_menu.addAction(window.export_action)
    window.bookmarks.fill_file_menu(file_menu)
    file_menu.addSeparator()
    quit_action = window.make_action(tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    edit = bar.addMenu(tr("&Edit"))
    window.search.fill_edit_menu(edit)

    view = bar.addMenu(tr("&View"))
    window.view_options.fill_menu(view)
    for action in window.view_options.zoom_actions:
        window.addAction(action)  # shortcuts work with the menu bar hidden
    view.addSeparator()
    window.translation.fill_menu(view)
    window.bookmarks.fill_view_menu(view)
    view.addSeparator()
    window.outline_action = window.make_action(tr("Show &Outline"), window.on_toggle_outline)
    window.outline_action.setCheckable(True)
    window.outline_action.setChecked(window.view_options.state.outline_visible)
    view.addAction(window.outline_action)
    view.addAction(
        window.make_action(tr("&Filter Titles"), window.on_find, QKeySequence.StandardKey.Find)
    )

    go = bar.addMenu(tr("&Go"))
    go.addAction(window.make_action(tr("&Next Article"), window.on_next_article, "N", "J"))
    go.addAction(window.make_action(tr("&Previous Article"), window.on_previous_article, "P", "K"))
    go.addSeparator()
    window.bookmarks.fill_go_menu(go)

    help_menu = bar.addMenu(tr("&Help"))
    about = window.make_action(tr("&About Reader"), window.on_about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)
