"""Dialogs as a user meets them, answered through their own buttons: the question
before a link opens, the glossary (View → Glossary…), and File → Export… with
Browse and the question before a file is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from reader.chinese.convert import ScriptMode
from reader.ui.dialogs.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow
from reader.ui.translator.glossary_dialog import GlossaryDialog
from tests.ui.driving import when_shown

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class _Browser(QObject):
    """Stands where the desktop's web browser would: Qt hands it the URLs to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def _answer(button: QMessageBox.StandardButton, texts: list[str] | None = None):  # type: ignore[no-untyped-def]
    def act(box: QMessageBox) -> None:
        if texts is not None:
            texts.append(box.text())
        box.button(button).click()

    return act


def test_a_link_opens_only_after_the_user_says_yes(window: MainWindow, qtbot: QtBot) -> None:
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open_url")
    try:
        reader = window.reader
        reader.setHtml('<p><a href="https://example.com/news">人民网原文</a></p>')
        cursor = reader.textCursor()
        cursor.setPosition(2)
        pos = reader.cursorRect(cursor).center()
        questions: list[str] = []
        when_shown(QMessageBox, _answer(QMessageBox.StandardButton.No, questions))
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert questions and "https://example.com/news" in questions[0]
        assert browser.opened == []  # "No": nothing opened
        assert "人民网原文" in reader.toPlainText()  # and the view did not navigate
        when_shown(QMessageBox, _answer(QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert browser.opened == ["https://example.com/news"]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_the_glossary_dialog_changes_what_the_reader_shows(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    qtbot.waitUntil(lambda: window.reader.ready)

    def add_term(dialog: GlossaryDialog) -> None:
        add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Add")
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        row = dialog.table.rowCount() - 1
        # QTest types no Chinese: the cells get their text as an input method would.
        dialog.table.item(row, 0).setText("中聯部")  # written in Traditional…
        dialog.table.item(row, 1).setText("中共中央对外联络部")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    seen = when_shown(GlossaryDialog, add_term)
    window.translation.glossary_action.trigger()  # View → Glossary…
    assert seen
    qtbot.waitUntil(lambda: window.reader.ready)
    assert window.reader.article is not None
    assert window.reader.article.title.startswith("中共中央对外联络部在主题教育")
    # … and serves the Simplified copy, written 中联部, as well.
    window.on_previous_article()
    qtbot.waitUntil(lambda: window.reader.ready)
    assert window.reader.article is not None
    assert window.reader.article.title.startswith("中共中央对外联络部")
    # Kept in the library: a new window shows it too.
    assert [e.source for e in window.translation.presenter.glossary_store.entries()] == ["中聯部"]


def test_export_browse_and_the_question_before_replacing_a_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    results: list[tuple[str, str]] = []
    questions: list[str] = []

    def pick_folder(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(tmp_path))
        dialog.selectFile(out.name)
        dialog.accept()

    def export(dialog: ExportDialog) -> None:
        dialog.sig_finished.connect(lambda path, error: results.append((path, error)))
        dialog.format.setCurrentIndex(dialog.format.findData("md"))
        browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Browse…")
        when_shown(QFileDialog, pick_folder)
        qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
        assert Path(dialog.folder.text()) == out
        target = dialog.target()
        target.write_text("an older export", encoding="utf-8")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        when_shown(QMessageBox, _answer(QMessageBox.StandardButton.No, questions))
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert target.read_text(encoding="utf-8") == "an older export"  # kept
        when_shown(QMessageBox, _answer(QMessageBox.StandardButton.Yes, questions))
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(results), timeout=30000)

    seen = when_shown(ExportDialog, export)
    window.export_action.trigger()  # File → Export…
    assert seen and results
    path, error = results[0]
    assert error == ""
    assert len(questions) == 2 and all(Path(path).name in q for q in questions)
    text = Path(path).read_text(encoding="utf-8")
    assert "中聯部在主題教育期間深入開展調查研究" in text  # replaced by the export
