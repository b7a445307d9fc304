"""A second launch hands over to the first; the export dialog writes real files."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import QDir, QSettings
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.chinese.convert import ScriptMode
from reader.library import ArticleStore, open_library
from reader.ui.dialogs.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow
from reader.ui.samples import import_samples_if_empty
from reader.ui.single_instance import SingleInstance


def test_second_launch_hands_over_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.hand_over() is False  # nobody running yet
    assert first.listen()
    second = SingleInstance(tmp_path)
    with qtbot.waitSignal(first.sig_activate, timeout=3000):
        assert second.hand_over() is True
    first.close()


def test_a_stale_socket_after_a_crash_does_not_block_the_next_start(tmp_path: Path) -> None:
    crashed = SingleInstance(tmp_path)
    # What a killed process leaves behind: the socket's file, with nobody listening.
    socket_path = Path(QDir.tempPath()) / crashed.name
    socket_path.write_bytes(b"")
    try:
        next_start = SingleInstance(tmp_path)
        assert next_start.hand_over() is False
        assert next_start.listen()
        other = SingleInstance(tmp_path)
        assert other.hand_over() is True  # and it really is the running one now
        next_start.close()
    finally:
        socket_path.unlink(missing_ok=True)


def test_export_dialog_writes_a_bilingual_word_file_in_the_chosen_script(
    qtbot: QtBot, tmp_path: Path, converters: Converters
) -> None:
    library = tmp_path / "lib"
    store = ArticleStore(open_library(library))
    samples = import_samples_if_empty(store, converters)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, library, converters, settings)
    qtbot.addWidget(window)
    window.restore(samples.ids[0])
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    article = store.get(samples.ids[0])
    assert article is not None
    dialog = ExportDialog(window, article, window.translation, window.bookmarks, settings)
    qtbot.addWidget(dialog)
    dialog.quiet = True
    assert dialog.script.currentData() == "simplified"  # defaults to the view's script
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    dialog.bilingual.setChecked(True)
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    assert dialog.name.text().endswith(".docx")
    with qtbot.waitSignal(dialog.sig_finished, timeout=30000) as done:
        dialog.on_save()
    path, error = done.args
    assert error == ""
    text = "\n".join(p.text for p in Document(path).paragraphs)
    tables = Document(path).tables
    cells = " ".join(c.text for t in tables for row in t.rows for c in row.cells)
    assert "中联部" in text + cells and "中聯部" in text + cells
    # Choices are remembered for next time; a second export never overwrites silently.
    assert settings.value("export/format") == "docx"
    again = ExportDialog(window, article, window.translation, window.bookmarks, settings)
    qtbot.addWidget(again)
    again.quiet = True
    again.folder.setText(str(out))
    again.on_save()
    assert "exists" in again.message.text()


def test_hostile_title_lands_inside_the_folder(
    qtbot: QtBot, tmp_path: Path, converters: Converters
) -> None:
    from reader.domain import Article, Block

    library = tmp_path / "lib"
    store = ArticleStore(open_library(library))
    article = Article(id="h", title="../../CON?.md" + "長" * 200, blocks=(Block.paragraph("正文"),))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, library, converters, settings)
    qtbot.addWidget(window)
    dialog = ExportDialog(window, article, window.translation, window.bookmarks, settings)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    target = dialog.target()
    assert target.parent == tmp_path.resolve()
    assert len(target.name.encode("utf-8")) <= 255
