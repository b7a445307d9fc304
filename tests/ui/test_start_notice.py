"""Opening a library that must first be upgraded says so in a window of its own,
before the main window exists, and the window goes once the library is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.library.db import open_library_with_report
from reader.ui.start_notice import StartNotice
from tests.unit.test_backup import _schema_2_library


def test_an_upgrade_is_announced_while_it_runs(qapp: QApplication, tmp_path: Path) -> None:
    _schema_2_library(tmp_path / "lib")
    notice = StartNotice()
    seen: list[tuple[bool, str]] = []

    def busy(kind: str) -> None:
        notice(kind)
        assert notice.dialog is not None
        seen.append((notice.dialog.isVisible(), notice.dialog.labelText()))

    conn, notes = open_library_with_report(tmp_path / "lib", busy=busy)
    notice.close()
    ((shown, text),) = seen
    assert shown and "backup" in text  # on screen before the backup started
    assert notice.dialog is None and notes == []
    conn.close()


def test_a_normal_open_shows_nothing(qapp: QApplication, tmp_path: Path) -> None:
    notice = StartNotice()
    open_library_with_report(tmp_path / "lib", busy=notice)[0].close()
    assert notice.dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
