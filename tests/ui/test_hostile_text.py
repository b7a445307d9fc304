"""Text from files that looks like markup is shown as text, and never crashes the app.

`<img src="/dev/zero">` in a title, heading, note or quoted file name used to
make Qt open /dev/zero and abort (traps #16). The app runs in its own process
(hostile_text_app.py) so that a crash fails this test instead of ending the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView

from reader.ui.main_window import MainWindow
from reader.ui.plain_text import PlainToolTips, tooltip
from reader.ui.translator.glossary_dialog import GlossaryDialog
from tests.ui.hostile_text_app import HOSTILE, PASSWD, STEPS

SCRIPT = Path(__file__).with_name("hostile_text_app.py")


def test_every_place_that_shows_file_text_shows_it_literally(tmp_path: Path) -> None:
    (tmp_path / "zero").symlink_to("/dev/zero")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    report = f"exit code {done.returncode}\n{done.stdout}\n{done.stderr[-3000:]}"
    assert done.returncode == 0, report
    for step in STEPS:
        assert f"ok {step}\n" in done.stdout, report


def test_a_tooltip_shows_exactly_its_text() -> None:
    for text in (HOSTILE, PASSWD, "A & B", "a  b\n  c", "&lt;b&gt;", "<b>x</b>"):
        assert QTextDocumentFragment.fromHtml(tooltip(text)).toPlainText() == text
    assert tooltip("") == ""
    assert len(QTextDocumentFragment.fromHtml(tooltip("長" * 50_000)).toPlainText()) <= 1001


def test_every_item_view_in_the_window_shows_tooltips_as_text(window: MainWindow) -> None:
    window.bookmarks.panel_action.setChecked(True)
    window.translation.check_action.setChecked(True)
    views = [
        view
        for view in window.findChildren(QAbstractItemView)
        # Headers and the script box's popup show fixed labels of ours.
        if not isinstance(view, QHeaderView) and not _inside_combo_box(view)
    ]
    assert len(views) >= 4  # the list, the outline, the bookmarks, the conversion check
    for view in views:
        assert isinstance(view.itemDelegate(), PlainToolTips), view.objectName() or view
    dialog = GlossaryDialog([], window)
    assert isinstance(dialog.table.itemDelegate(), PlainToolTips)


def _inside_combo_box(widget: QObject) -> bool:
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parent()
    return False
