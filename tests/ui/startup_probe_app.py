"""Reader started as a user starts it; at its first frame, what the process holds.

Run as `python tests/ui/startup_probe_app.py LIBRARY`; prints one JSON object.
PySide6 is imported by the app itself, where it always is (imported here first,
PySide6 would read the source of every module imported after it).
"""

from __future__ import annotations

import gc
import json
import linecache
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WATCHED = (
    "PySide6.QtNetwork",
    "reader.cli.parser",
    "reader.ui.search.search_panel",
    "reader.ui.search.find_bar",
    "reader.ui.bookmarks.bookmarks_panel",
    "reader.library.backup",  # a sound library needs no restore; the daily backup waits
    "hashlib",
    "subprocess",
)


def mapped_fonts() -> list[str]:
    """Font files mapped into the process, one entry per mapping (Linux)."""
    try:
        lines = Path("/proc/self/maps").read_text().splitlines()
    except OSError:
        return []
    found: dict[str, str] = {}  # one entry per mapped range start of a file's map
    for line in lines:
        parts = line.split()
        if len(parts) >= 6 and parts[-1].lower().endswith((".ttc", ".otf", ".ttf")):
            found.setdefault(f"{parts[-1]}@{parts[3]}:{parts[4]}:{parts[2]}", parts[-1])
    return list(found.values())


def thread_names() -> list[str] | None:
    """The names of the process's threads (Linux), None where /proc is missing."""
    try:
        tasks = sorted(Path("/proc/self/task").iterdir())
        return [(task / "comm").read_text().strip() for task in tasks]
    except OSError:
        return None


def main(library: Path) -> int:
    import reader.ui.app as appmod

    report: dict[str, object] = {}

    def first_frame(app: object) -> int:
        from PySide6.QtGui import QFontInfo
        from PySide6.QtWidgets import QApplication, QMainWindow

        assert isinstance(app, QApplication)
        window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
        for _ in range(3):
            app.processEvents()
        window.grab()
        reader_root = str(Path(appmod.__file__).resolve().parents[1])
        report["loaded"] = [name for name in WATCHED if name in sys.modules]
        # PySide6 makes a class's Python type when first needed; a QWidget of unknown
        # type handed to Python makes those of every QWidget subclass (QWizard…).
        report["wizard_type_made"] = "QWizard" in vars(sys.modules["PySide6.QtWidgets"])
        # A Python event filter is handed plain QEvents: every QEvent subclass's type.
        report["tablet_event_type_made"] = "QTabletEvent" in vars(sys.modules["PySide6.QtGui"])
        # Message boxes are for errors and questions, built when one is shown.
        report["message_box_type_made"] = "QMessageBox" in vars(sys.modules["PySide6.QtWidgets"])
        report["sources_read"] = [f for f in linecache.cache if f.startswith(reader_root)]
        report["fonts"] = mapped_fonts()
        report["threads"] = thread_names()
        from reader.ui.i18n import Translators

        report["interface_language"] = Translators.shared().language
        tree = getattr(window, "tree")  # noqa: B009
        reader = getattr(window, "reader")  # noqa: B009
        report["list_families"] = tree.font().families()
        report["reader_families"] = reader.reading_families
        report["list_face"] = QFontInfo(tree.font()).family()
        report["list_delegate_at_first_frame"] = type(tree.itemDelegate()).__name__
        style = app.style()  # asked only now: the start itself never asks
        report["style"] = style.name() if style is not None else ""
        # The collector is off for the start, and on again once the window has painted.
        report["gc_on_at_first_frame"] = gc.isenabled()
        waited = time.monotonic()
        while not gc.isenabled() and time.monotonic() - waited < 10:
            app.processEvents()
            time.sleep(0.01)
        report["gc_on_after_first_paint"] = gc.isenabled()
        report["list_delegate_after_first_paint"] = type(tree.itemDelegate()).__name__
        report["objects_set_aside"] = gc.get_freeze_count()
        report["objects_left_to_collect"] = len(gc.get_objects())
        window.close()
        return 0

    skip = appmod.skip_pyside_source_scan

    def skip_then_hook() -> None:
        skip()
        from PySide6.QtWidgets import QApplication

        QApplication.exec = first_frame  # type: ignore[method-assign, assignment]

    appmod.skip_pyside_source_scan = skip_then_hook
    from reader.launch import main as launch

    code = launch(["--library", str(library), "--size", "1000x700"])
    print(json.dumps(report))
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
