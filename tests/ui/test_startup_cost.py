"""What a start loads before its first frame (issue 14's start-up and memory targets;
the figures are in docs/benchmarks.md, measured by benchmarks/app_bench.py).

Each assertion is about something a start used to pay for and no longer should:
the networking module, the command line's parser, the search and bookmark panels,
the source files PySide6 read, and a second CJK font file for bold titles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from reader.ui.main_window import MainWindow
from tests.conftest import require

PROBE = Path(__file__).with_name("startup_probe_app.py")


def start(library: Path, home: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_HOME": str(home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("QT_NO_GUI_THREADPOOL", None)  # the app's own setting is what is tested
    done = subprocess.run(
        [sys.executable, str(PROBE), str(library)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def test_a_start_loads_only_what_its_first_frame_needs(tmp_path: Path) -> None:
    start(tmp_path / "lib", tmp_path / "home")  # the first start imports the samples
    again = start(tmp_path / "lib", tmp_path / "home")  # an everyday start
    assert again["loaded"] == []
    assert again["sources_read"] == []
    assert again["wizard_type_made"] is False  # see reader.ui.own_viewport
    assert again["tablet_event_type_made"] is False  # no event filter before the frame
    assert again["message_box_type_made"] is False  # reader.ui.plain_text builds it on use
    # No collector passes over the objects the start makes; but it is back for the
    # session (the first paint, or at most reader.ui.after_start.FALLBACK_MS).
    assert again["gc_on_at_first_frame"] is False
    assert again["gc_on_after_first_paint"] is True
    # What the start made is set aside: later full collections walk a small rest.
    set_aside, left = int(again["objects_set_aside"]), int(again["objects_left_to_collect"])
    assert set_aside > 10_000 and left < set_aside // 4, (set_aside, left)
    assert str(again["style"]).lower() == "fusion"  # every theme draws with it, from the start
    # The list's own delegate (a paint a fifth cheaper) once the first frame is up;
    # that frame is painted by the standard one, with no Python types to build.
    assert again["list_delegate_at_first_frame"] == "PlainToolTips"
    assert again["list_delegate_after_first_paint"] == "ListDelegate"
    # Qt's raster engine would hand each tall fill (a scroll bar's groove) to a pool
    # of threads and wait: the first frame is painted on the UI thread alone.
    if again["threads"] is not None:
        assert "Thread (pooled)" not in again["threads"], again["threads"]


def test_titles_and_text_share_one_cjk_face_and_bold_needs_no_bold_file(
    qapp: object, tmp_path: Path
) -> None:
    require("Noto Serif CJK TC" in QFontDatabase.families(), "CJK fonts (Debian fonts-noto-cjk)")
    start(tmp_path / "lib", tmp_path / "home")  # the first start learns the article's face
    again = start(tmp_path / "lib", tmp_path / "home")
    # The list is set in the reader pane's face, the one the open article needs.
    assert again["list_families"] == again["reader_families"]
    assert again["list_face"] == again["list_families"][0]  # type: ignore[index]
    fonts = [str(f) for f in again["fonts"]]  # type: ignore[attr-defined]
    if not fonts:
        return  # no /proc here: nothing more to see
    serif = [f for f in fonts if "Serif" in f]
    assert len(serif) == 1, serif  # one face of one file: list, outline, title and text
    assert not [f for f in fonts if "Bold" in f], fonts  # bold is the regular face emboldened
    if again["interface_language"] == "en":  # no Chinese in the menus and toolbar
        # Latin interface text is drawn in the system's face, and nothing is measured
        # in the interface font before the list has its own: no CJK sans is opened.
        assert not [f for f in fonts if "Sans" in f and "CJK" in f], fonts


def test_the_reader_panes_own_viewport_is_set_up_as_qts(window: MainWindow) -> None:
    from PySide6.QtWidgets import QTextBrowser

    plain = QTextBrowser()
    ours, theirs = window.reader.viewport(), plain.viewport()
    for getter in ("hasMouseTracking", "backgroundRole", "autoFillBackground", "acceptDrops"):
        assert getattr(ours, getter)() == getattr(theirs, getter)(), getter
    assert ours.cursor().shape() == theirs.cursor().shape()
    # The document is laid out for this viewport: its width follows the pane's.
    window.resize(1400, 600)
    QApplication.processEvents()
    wide = window.reader.document().textWidth()
    window.resize(1000, 600)
    QApplication.processEvents()
    assert window.reader.document().textWidth() < wide


def test_the_list_follows_the_reading_face_and_shows_unread_in_bold(window: MainWindow) -> None:
    assert window.reader.article is not None
    assert window.tree.font().families() == window.reader.reading_families
    sans = next(a for a in window.view_options.font_group.actions() if a.data() == "sans")
    sans.trigger()  # View → Font → Sans
    families = window.reader.reading_families
    assert families is not None and "Sans" in families[0]
    assert window.tree.font().families() == families
    assert window.outline.font().families() == families
    unread = window.model.index(0, 0)  # a section of unread samples is bold
    font = window.model.data(unread, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold() and font.families() == families
    # Asked in its regular face, which Qt emboldens: no bold font file is needed.
    assert font.styleName() == "Regular"
