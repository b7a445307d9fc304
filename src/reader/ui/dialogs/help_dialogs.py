"""Help: the keyboard shortcuts (read from the window's own actions), the user guide
shipped with the app, and About."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.resources import resource_dir
from reader.ui.plain_text import plain_label


def _plain(text: str) -> str:
    """A menu text as a name: no accelerator marks (nor the "(&F)" of a Chinese
    menu), no trailing ellipsis."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(action, keys) for every action of the window that has a shortcut, read from
    the actions themselves so the list follows every change to them."""
    seen: set[int] = set()
    rows: list[tuple[str, str]] = []
    for action in [*window.actions(), *window.findChildren(QAction)]:
        if id(action) in seen or not action.shortcuts() or not action.text():
            continue
        seen.add(id(action))
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        rows.append((_plain(action.text()), keys))
    # Several actions may share a name (a menu and a panel button): keep both keys.
    merged: dict[str, list[str]] = {}
    for name, keys in rows:
        merged.setdefault(name, [])
        if keys not in merged[name]:
            merged[name].append(keys)
    return sorted((name, ", ".join(keys)) for name, keys in merged.items())


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(window)
        # Keys that are not actions: the list, the filter box and the panels handle them.
        extra = [
            (self.tr("Clear the title filter"), "Esc"),
            (self.tr("From the title filter into the list"), "Down"),
            (self.tr("Move between the list, the article and the panels"), "Tab, Shift+Tab"),
            (self.tr("Open the article or section chosen in the list"), "Enter"),
            (self.tr("Delete the chosen bookmark (Bookmarks panel)"), "Delete"),
        ]
        self.table = QTableWidget(len(rows) + len(extra), 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for row, (name, keys) in enumerate([*rows, *extra]):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 620)


def guide_path(language: str) -> Path:
    """The user guide for an interface language: docs/guide in a checkout, shipped
    inside the package (reader/resources/guide) in a build."""
    bundled = resource_dir() / "guide"
    folder = bundled if bundled.is_dir() else resource_dir().parent / "docs" / "guide"
    for name in (f"guide.{language}.md", "guide.en.md"):
        if (folder / name).is_file():
            return folder / name
    return folder / "guide.en.md"


class GuideDialog(QDialog):
    """The guide is our own Markdown beside its screenshots; nothing in it is
    followed as a link inside the view (traps #3)."""

    def __init__(self, parent: QWidget, language: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(self.tr("User guide"))
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(self.on_anchor)
        path = guide_path(language)
        if path.is_file():
            self.view.setSearchPaths([str(path.parent)])
            self.view.setMarkdown(path.read_text(encoding="utf-8"))
            self._fit_images(820)
        else:
            self.view.setPlainText(self.tr("The user guide is missing: {0}").format(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 760)

    def _fit_images(self, width: int) -> None:
        """Screenshots shown at the guide's width, not at their own 1200 px."""
        document = self.view.document()
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                image = fragment.charFormat().toImageFormat()
                if fragment.charFormat().isImageFormat():
                    image.setWidth(width)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(image)
                it += 1
            block = block.next()

    @Slot(QUrl)
    def on_anchor(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path():
            self.view.scrollToAnchor(url.fragment())


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def about_versions() -> str:
    return "\n".join(
        [
            f"Reader {__version__}",
            f"Qt {qVersion()}",
            f"PySide6 {_version('PySide6-Essentials')}",
            f"OpenCC {_version('opencc')}",
            f"Python {sys.version.split()[0]}",
        ]
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget, library_dir: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Reader"))
        intro = plain_label(self, self.tr("An offline reader for Chinese articles."))
        details = plain_label(self, about_versions())
        details.setAccessibleName(self.tr("Versions"))
        # The library path may hold anything a folder name can: shown as plain text.
        library = plain_label(self, self.tr("Library: {0}").format(library_dir))
        library.setAccessibleName(self.tr("Library folder"))
        for label in (intro, details, library):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, details, library, buttons):
            layout.addWidget(widget)
