"""The Export dialog as a user drives it: Alt+O, a PDF's progress, and Cancel."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reader.domain import Article, Block, Script
from reader.ui.dialogs.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow


def _dialog(qtbot: QtBot, window: MainWindow, article: Article, folder: Path) -> ExportDialog:
    settings = QSettings(str(folder.parent / "export.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(window, article, window.translation, window.bookmarks, settings)
    qtbot.addWidget(dialog)
    dialog.quiet = True
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.folder.setText(str(folder))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _long_article(paragraphs: int) -> Article:
    rng = random.Random(3)
    pool = [chr(cp) for cp in range(0x4E00, 0x4E00 + 3000)]
    blocks = tuple(
        Block.paragraph("，".join("".join(rng.choices(pool, k=10)) for _ in range(50)) + "。")
        for _ in range(paragraphs)
    )
    return Article(id="long", title="長文", blocks=blocks, script=Script.TRADITIONAL)


def test_alt_o_moves_to_the_folder_field(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    article = _long_article(1)
    dialog = _dialog(qtbot, window, article, tmp_path)
    dialog.activateWindow()
    dialog.format.setFocus()
    qtbot.waitUntil(dialog.format.hasFocus)
    qtbot.keyClick(dialog.format, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.folder.hasFocus)


def test_a_pdf_export_shows_its_progress_and_finishes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = _dialog(qtbot, window, _long_article(40), out)
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.sig_finished, timeout=60000) as done:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and not save.isEnabled()
    path, error = done.args
    assert error == "" and Path(path).read_bytes().startswith(b"%PDF-")
    assert len(seen) >= 3 and max(seen) == 100 and seen == sorted(seen)
    assert not dialog.isVisible()  # done: the dialog closed itself


def test_cancel_stops_a_pdf_export_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = _dialog(qtbot, window, _long_article(2000), out)  # ~1 million characters
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    with qtbot.waitSignal(dialog.sig_finished, timeout=60000) as done:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert done.args == ["", ""]
    assert list(out.iterdir()) == []  # neither the PDF nor a temporary file
    assert dialog.isVisible() and "cancelled" in dialog.message.text()
    assert save.isEnabled() and not dialog.progress.isVisible()
    # Cancel again, with nothing running, closes the dialog as it always did.
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
