"""The app as it is started: a second launch hands over to the running window
(minimised, it comes back), and the day's backup is taken in the background."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.library.backup import backups_dir, list_backups
from reader.library.db import DB_NAME
from reader.ui import app as app_module
from reader.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_second_launch_brings_the_first_window_back_and_the_backup_is_taken(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Path(os.environ["READER_HOME"])  # where `reader` opens its library
    monkeypatch.setattr(app_module, "route_qt_messages", lambda: None)  # pytest-qt keeps Qt's log
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() sets its own: put back after
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    font = qapp.font()
    seen: dict[str, object] = {}

    def second_launch() -> None:
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        window.showMinimized()
        seen["minimised"] = window.isMinimized()
        child = subprocess.Popen(
            [sys.executable, "-m", "reader"],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

        def wait_for_child() -> None:  # the event loop runs: the first one answers
            if child.poll() is None:
                QTimer.singleShot(50, wait_for_child)
                return
            out, err = child.communicate()
            seen.update(code=child.returncode, out=out, err=err)
            QTimer.singleShot(300, lambda: finish(window))

        wait_for_child()

    def finish(window: MainWindow) -> None:
        seen["restored"] = not window.isMinimized() and window.isVisible()
        window.close()
        loop.quit()

    # run() ends in app.exec(); returning from the application's own loop would end
    # this test session's application, so the app's loop here is an event loop of
    # its own (everything else in run() is as it is).
    loop = QEventLoop()
    monkeypatch.setattr(qapp, "exec", loop.exec, raising=False)

    QTimer.singleShot(500, second_launch)
    args = argparse.Namespace(library=None, screenshot=None, size=None, theme=None, open=None)
    try:
        code = app_module.run(args)
    finally:
        qapp.setFont(font)
    assert code == 0
    assert seen["minimised"] is True
    assert seen["code"] == 0, seen
    assert "already running" in str(seen["out"])
    assert seen["restored"] is True  # the running window came forward
    backups = list_backups(backups_dir(library / DB_NAME))
    assert len(backups) == 1  # the day's backup, taken while the window was up
