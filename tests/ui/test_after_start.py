"""The daily backup and the after-a-crash check wait for the window's first paint of
the article, so they never take CPU from it (issue 14's start-up target)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.library import ArticleStore, open_library
from reader.ui import after_start
from reader.ui.after_start import AfterFirstPaint
from reader.ui.main_window import MainWindow
from reader.ui.reading.reader_view import ReaderView
from reader.ui.samples import import_samples_if_empty


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.with_article = 0
        self.reader: ReaderView | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint and self.reader and self.reader.article:
            self.with_article += 1
        return False


def test_work_starts_after_the_article_is_painted(
    qtbot: QtBot, tmp_path: Path, converters: Converters
) -> None:
    library = tmp_path / "lib"
    store = ArticleStore(open_library(library))
    samples = import_samples_if_empty(store, converters)
    settings = QSettings(str(library / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, library, converters, settings)
    qtbot.addWidget(window)
    window.resize(760, 560)
    window.restore(samples.ids[0], defer=True)  # as the app starts: the article follows
    painted = PaintCounter()
    painted.reader = window.reader
    window.reader.viewport().installEventFilter(painted)
    window.show()
    runs: list[int] = []
    AfterFirstPaint(window.reader, lambda: runs.append(painted.with_article))
    assert runs == []  # not at once: the window has not painted yet
    qtbot.waitUntil(lambda: bool(runs), timeout=5000)
    assert runs[0] >= 1 and window.reader.article is not None  # the article was on screen
    qtbot.wait(after_start.FALLBACK_MS + 200)
    assert len(runs) == 1  # once, though the fallback timer fired too


def test_without_an_article_the_work_still_starts(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(after_start, "FALLBACK_MS", 50)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show()
    runs: list[str] = []
    AfterFirstPaint(reader, lambda: runs.append("ran"))
    qtbot.waitUntil(lambda: bool(runs), timeout=3000)
    qtbot.wait(300)
    assert runs == ["ran"]


def test_quitting_while_work_runs_in_the_pool_ends_cleanly(tmp_path: Path) -> None:
    # The after-a-crash check of a big library runs ~0.5 s after the window is up;
    # a user quitting meanwhile got an abort ("Error calling Python override of
    # QRunnable::run()") instead of a clean quit.
    script = Path(__file__).with_name("quit_during_job_app.py")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Error calling Python override" not in done.stderr
