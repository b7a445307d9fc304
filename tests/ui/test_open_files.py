"""`reader FILE` and "Open with Reader": the file is imported and shown, by this Reader
or handed to the one already running; the window carries Reader's icon."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.importers import Importer
from reader.resources import APP_ID, icon_files, icon_size
from reader.ui.main_window import MainWindow
from reader.ui.open_files import FileOpener
from reader.ui.single_instance import SingleInstance, server_name

from ..conftest import SEED

# Coming forward calls raise(), which the offscreen platform lacks.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

ARTICLE = "標題：閱讀器測試文章\n\n第一段。這是從命令列打開的文章。\n"


def test_files_handed_to_the_running_reader_arrive_whole(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "lib")
    assert first.listen()
    # Names a line-based message would break: a newline, spaces, Han characters, and
    # bytes that are not UTF-8 at all.
    odd = tmp_path / os.fsdecode("第1篇\n新 聞\xff.txt".encode("utf-8", "surrogateescape"))
    files = [tmp_path / "文章.txt", odd]
    second = SingleInstance(tmp_path / "lib")
    with qtbot.waitSignal(first.sig_open, timeout=5000) as got:
        assert second.hand_over(files) is True
    assert got.args == [files]
    first.close()


def test_a_file_opened_from_the_command_line_is_imported_and_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "來信.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    opener = FileOpener(window)
    opener.open_files([path])
    qtbot.waitUntil(
        lambda: window.reader.article is not None and "閱讀器測試" in window.reader.article.title,
        timeout=10000,
    )


def test_a_file_already_in_the_library_is_opened_not_ignored(
    qtbot: QtBot, window: MainWindow, converters: Converters
) -> None:
    seed_id = Importer(converters).parse_file(SEED).id
    other = SEED.with_name("02-zhonglianbu-research-simplified.txt")
    other_id = Importer(converters).parse_file(other).id
    assert window.open_article(other_id)  # the other sample is on screen
    opener = FileOpener(window)
    with qtbot.waitSignal(window.imports.sig_finished, timeout=10000) as got:
        opener.open_files([SEED])  # imported with the samples already
    assert got.args[0].unchanged == 1
    qtbot.waitUntil(lambda: window.reader.article is not None)
    qtbot.waitUntil(lambda: window.reader.article.id == seed_id)  # type: ignore[union-attr]


def test_the_window_icon_is_readers_own(qapp: object) -> None:
    files = icon_files()
    sizes = [icon_size(p) for p in files]
    assert sizes[0] <= 16 and sizes[-1] >= 256
    from reader.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    widths = {s.width() for s in icon.availableSizes()}
    # each size drawn for it up to 128 px; none larger (X11 copies each into the window)
    assert widths >= {16, 32, 48, 128} and max(widths) == 128
    for side in (16, 48, 128):  # each size drawn from its own file, and not blank
        image = icon.pixmap(side, side).toImage()
        assert (image.width(), image.height()) == (side, side)
        assert image.pixelColor(side // 2, side // 2).alpha() > 0
    assert all(p.name == f"{APP_ID}.png" for p in files)


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Waits for another process; the limit only keeps a broken run from hanging."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


def test_reader_file_hands_the_file_to_the_running_reader(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    env = {**os.environ, "READER_HOME": str(library), "QT_QPA_PLATFORM": "offscreen"}
    article = tmp_path / "來信.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    reader = [sys.executable, "-m", "reader"]
    first = subprocess.Popen(reader, env=env, cwd=tmp_path, stderr=subprocess.PIPE)
    try:
        socket_file = Path(QDir.tempPath()) / server_name(library)
        _wait_for(lambda: socket_file.exists() or first.poll() is not None, "Reader to start")
        assert first.poll() is None, first.stderr.read() if first.stderr else ""
        # From another folder, as a file manager would run it, with a relative path.
        second = subprocess.run(
            [*reader, article.name], env=env, cwd=tmp_path, capture_output=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        assert "handed to it" in second.stdout.decode()

        def listed() -> bool:
            out = subprocess.run(
                [*reader, "list"], env=env, capture_output=True, timeout=60
            ).stdout.decode()
            return "閱讀器測試文章" in out

        _wait_for(listed, "the running Reader to import the file")
    finally:
        first.terminate()
        first.wait(timeout=60)
