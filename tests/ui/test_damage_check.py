"""After a crash the app's window comes first; the damage check follows in the
thread pool and says, once, what the next start will do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reader.library.db import DB_NAME, open_library_with_report
from reader.library.deferred_check import check_due
from reader.library.files import sidecar
from reader.ui.damage_check import check_after_start
from tests.ui.driving import when_shown
from tests.unit.test_deferred_check import damage_articles, die_with_it_open
from tests.unit.test_library_file import big_library_with_backup


def test_damage_found_after_the_window_is_up_is_said_once(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    die_with_it_open(folder)
    damage_articles(folder / DB_NAME)
    conn, notes = open_library_with_report(folder, defer_check=True)
    assert notes == [] and check_due(conn)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()  # up before any check
    said: list[str] = []

    def answer(box: QMessageBox) -> None:
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    boxes = when_shown(QMessageBox, answer, 3000)
    assert check_after_start(window, conn) is not None
    qtbot.waitUntil(lambda: bool(boxes), timeout=30_000)
    boxes.clear()
    qtbot.wait(200)  # the box and the job are deleted before the window goes
    assert "looks damaged" in said[0] and str(folder / DB_NAME) in said[0]
    conn.close()
    assert not sidecar(folder / DB_NAME, ".clean").exists()  # the next start checks again


def test_no_check_is_owed_after_a_clean_close(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    conn, _ = open_library_with_report(folder, defer_check=True)
    window = QWidget()
    qtbot.addWidget(window)
    assert check_after_start(window, conn) is None
    conn.close()
