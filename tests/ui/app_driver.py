"""The real main window, off-screen, in a process of its own, driven line by line.

Run as `python tests/ui/app_driver.py LIBRARY`. Builds what reader.ui.app.run
builds (library, samples, window, the daily backup on its own connection), then
reads commands from stdin and answers each on stdout once it is done:

    bookmark NOTE    Ctrl+D on the open article, then the note → "ack ID" or "fail …"
    import PATH      File → Import on PATH → "imported ADDED FAILED"
    shows ID         whether the article list shows article ID → "shows yes|no"
    section ID       the label of the section row holding article ID → "section LABEL"
    panel ID         opens the bookmarks panel: does it list bookmark ID? → "panel yes|no"
    wait             let the event loop turn a while → "waited"

Tests run it beside `reader` commands in other processes, then SIGKILL it.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(library: Path) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.chinese import Converters
    from reader.library import ArticleStore, open_library
    from reader.ui.main_window import MainWindow
    from reader.ui.samples import import_samples_if_empty

    app = QApplication(sys.argv[:1])
    converters = Converters()
    store = ArticleStore(open_library(library))
    samples = import_samples_if_empty(store, converters)
    settings = QSettings(str(library / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, library, converters, settings)
    window.imports.quiet = True
    window.resize(1200, 800)
    window.restore(samples.ids[0] if samples.ids else None)
    window.show()
    window.start_daily_backup()
    window.wait_for_backup()

    lines: queue.Queue[str] = queue.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            lines.put(line.rstrip("\n"))
        lines.put("quit")

    threading.Thread(target=read_stdin, daemon=True).start()

    def say(text: str) -> None:
        print(text, flush=True)

    def on_imported(report: object) -> None:
        say(f"imported {report.added} {len(report.failures)}")  # type: ignore[attr-defined]

    window.imports.sig_finished.connect(on_imported)
    waiting = {"turns": 0}

    def step() -> None:
        if waiting["turns"]:
            waiting["turns"] -= 1
            if not waiting["turns"]:
                say("waited")
            return
        try:
            line = lines.get_nowait()
        except queue.Empty:
            return
        command, _, arg = line.partition(" ")
        if command == "bookmark":
            mark = window.bookmarks.add(None, note=arg)
            failed = f"fail {window.statusBar().currentMessage()}"
            say(f"ack {mark.id}" if mark is not None else failed)
        elif command == "import":
            window.import_paths([Path(arg)])
        elif command == "shows":
            say("shows " + ("yes" if window.model.index_of_article(arg).isValid() else "no"))
        elif command == "section":
            index = window.model.index_of_article(arg)
            say(f"section {index.parent().data() if index.isValid() else ''}")
        elif command == "panel":
            if not window.bookmarks.panel_visible():
                window.bookmarks.on_panel_toggled(True)
                window.bookmarks.refresh_panel()
            listed = window.bookmarks.model.index_of(arg).isValid()
            say("panel " + ("yes" if listed else "no"))
        elif command == "wait":
            waiting["turns"] = max(1, int(arg or "50"))
        elif command == "quit":
            app.quit()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(20)
    say("ready")
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
