"""A real main window on a real library in a temp folder, as the app builds it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.library import ArticleStore, open_library
from reader.ui.main_window import MainWindow
from reader.ui.samples import import_samples_if_empty

WindowFactory = Callable[[Path], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, converters: Converters) -> Iterator[WindowFactory]:
    """Open (or reopen) the window on the library in a folder; samples on first run.

    Once a window is up, everything alive is set aside from the garbage collector
    (gc.freeze), as the app does after its first paint (reader.ui.app.
    keep_start_objects), but without collecting first, which would cost ~0.1 s a
    window here. Otherwise each full collection during a test would walk what every
    earlier test left in this process (180,000 objects, 110-150 ms a pass, seen
    inside the measured gaps of tests/ui/test_long_articles.py), a heap the app
    never has. It is all handed back to the collector when the test ends.
    """

    def make(library: Path) -> MainWindow:
        store = ArticleStore(open_library(library))
        samples = import_samples_if_empty(store, converters)
        settings = QSettings(str(library / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, library, converters, settings)
        window.imports.quiet = True
        qtbot.addWidget(window)
        # The offscreen screen is 800x800 and restoreGeometry() keeps a window on
        # its screen, so the test window fits inside it.
        window.resize(760, 560)
        window.restore(samples.ids[0] if samples.ids else None)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.reader.ready)  # rendered once shown, at its real size
        gc.freeze()
        return window

    yield make
    gc.unfreeze()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "lib"


@pytest.fixture
def window(open_window: WindowFactory, library: Path) -> MainWindow:
    return open_window(library)


@pytest.fixture(autouse=True)
def _system_theme_after() -> Iterator[None]:
    """A theme colours the whole application: each test starts from the desktop's."""
    yield
    from PySide6.QtWidgets import QApplication

    from reader.ui.palette import apply_theme

    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, "system")
