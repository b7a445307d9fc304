"""Importing as a user does: File → Import Files… (every supported format offered,
the folder remembered), Import Folder…, and files dropped on the window. Every file
chosen is either imported or named among the failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reader.library.ingest import ImportReport
from reader.ui.dialogs.import_dialogs import FOLDER_KEY
from reader.ui.main_window import MainWindow
from tests.conftest import SEED
from tests.mhtml import make_mhtml
from tests.ui.driving import when_shown
from tests.unit.test_saved_pages import PAGE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _menu_action(window: MainWindow, menu_title: str, text: str) -> QAction:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title and top.menu() is not None:
            for action in top.menu().actions():  # type: ignore[union-attr]
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu_title} → {text}")


def _articles(folder: Path) -> list[Path]:
    """One file of each supported kind, and two that cannot be imported."""
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "研究.txt"
    # Not a sample (those are in the library already): a new article, in Big5.
    seed = SEED.read_text(encoding="utf-8").replace("中聯部", "對外聯絡部")
    text.write_bytes(seed.encode("big5", errors="replace"))
    page = folder / "page.html"
    page.write_bytes(PAGE.encode("gb18030"))
    archive = folder / "archive.mhtml"
    other = PAGE.replace("坚持科学谋划", "另一篇：坚持系统思维").replace("深入基层", "走进基层")
    archive.write_bytes(make_mhtml(other.encode("utf-8"), "utf-8"))
    markdown = folder / "notes.md"
    markdown.write_text("# 学习笔记\n\n调查研究是谋事之基、成事之道。" * 3, encoding="utf-8")
    empty = folder / "empty.md"
    empty.write_bytes(b"")
    binary = folder / "binary.htm"
    binary.write_bytes(b"\x00" * 300)
    return [text, page, archive, markdown, empty, binary]


def _pick(paths: list[Path], filters: list[str], folders: list[str]):  # type: ignore[no-untyped-def]
    def act(dialog: QFileDialog) -> None:
        filters.append(dialog.selectedNameFilter())
        folders.append(dialog.directory().absolutePath())
        dialog.setDirectory(str(paths[0].parent))
        dialog.selectFile(" ".join(f'"{p.name}"' for p in paths))
        dialog.accept()

    return act


def _failures_box(details: list[str]):  # type: ignore[no-untyped-def]
    def act(box: QMessageBox) -> None:
        details.append(box.detailedText())
        box.accept()

    return act


def _finished(window: MainWindow, qtbot: QtBot) -> ImportReport:
    with qtbot.waitSignal(window.imports.sig_finished, timeout=60000) as done:
        pass
    report = done.args[0]
    assert isinstance(report, ImportReport)
    return report


def test_import_files_offers_every_format_and_accounts_for_every_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    chosen = _articles(tmp_path / "downloads")
    window.imports.quiet = False  # the summary of failures is shown, as to a user
    filters: list[str] = []
    folders: list[str] = []
    details: list[str] = []
    when_shown(QFileDialog, _pick(chosen, filters, folders))
    with qtbot.waitSignal(window.imports.sig_finished, timeout=60000) as done:
        when_shown(QMessageBox, _failures_box(details), tries=3000)
        _menu_action(window, "File", "Import Files…").trigger()
    report = done.args[0]
    for pattern in ("*.txt", "*.md", "*.html", "*.htm", "*.mhtml", "*.mht"):
        assert pattern in filters[0], filters  # the default filter takes them all
    assert report.added == 4
    failed = sorted(Path(f.path).name for f in report.failures)
    assert failed == ["binary.htm", "empty.md"]
    assert report.added + report.updated + report.unchanged + len(failed) == len(chosen)
    assert details and "binary.htm" in details[0] and "empty.md" in details[0]
    # The next time, the dialog opens in the folder imported from.
    assert window._settings.value(FOLDER_KEY) == str(tmp_path / "downloads")
    window.imports.quiet = True
    with qtbot.waitSignal(window.imports.sig_finished, timeout=60000):
        when_shown(QFileDialog, _pick(chosen[:1], filters, folders))
        _menu_action(window, "File", "Import Files…").trigger()
    assert Path(folders[-1]) == tmp_path / "downloads"


def test_import_folder_takes_the_supported_files_in_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    _articles(folder)

    def pick_folder(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder.parent))
        dialog.selectFile(folder.name)
        dialog.accept()

    with qtbot.waitSignal(window.imports.sig_finished, timeout=60000) as done:
        when_shown(QFileDialog, pick_folder)
        _menu_action(window, "File", "Import Folder…").trigger()
    report = done.args[0]
    assert report.added == 4 and len(report.failures) == 2
    assert window._settings.value(FOLDER_KEY) == str(tmp_path)


def test_dropped_files_import_the_same_way(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    chosen = _articles(tmp_path / "desk")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in chosen])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # the window takes files
    drop = QDropEvent(
        QPointF(QPoint(centre)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.sig_finished, timeout=60000) as done:
        QApplication.sendEvent(window, drop)
    report = done.args[0]
    assert report.added == 4
    assert sorted(Path(f.path).name for f in report.failures) == ["binary.htm", "empty.md"]
    assert window.reader.article is not None  # the last one imported is open
    titles = window.model.rowCount()
    assert titles >= 2
