"""The desktop app against a bare PySide6 window with the same widgets. Prints JSON.

    uv run python benchmarks/app_bench.py [--articles 10000] [--runs 7]

Measured in one run, alternating, so machine noise hits both alike:
- start: process start until the main window is shown, painted and grabbed
  (the app with its list filled and the last article rendered; the bare
  window with the same widgets, empty). Both run as `--screenshot`-style
  child processes that exit after the grab; wall time from spawn to exit.
- rss: peak resident memory of those same processes.
- open_article: median time to open a 5,000-character article in the
  running window (fetch from the library, render, outline), in-process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BARE = r"""
import resource, sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QLineEdit, QListWidget, QMainWindow, QSplitter,
    QTextBrowser, QTreeView, QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1])
w = QMainWindow()
for name in ("File", "View", "Go", "Help"):
    w.menuBar().addMenu(name)
left = QWidget(); lay = QVBoxLayout(left); lay.addWidget(QLineEdit()); lay.addWidget(QTreeView())
split = QSplitter(Qt.Orientation.Horizontal)
split.addWidget(left); split.addWidget(QTextBrowser()); split.addWidget(QListWidget())
w.setCentralWidget(split)
w.resize(1280, 800)
w.show()
for _ in range(3):
    app.processEvents()
w.grab().save(sys.argv[1], "PNG")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

APP = r"""
import resource, sys
from reader.launch import main
code = main(["--library", sys.argv[2], "--screenshot", sys.argv[1], "--size", "1280x800"])
assert code == 0, code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_library(folder: Path, n: int) -> str:
    """A library of n synthetic articles; returns the id of a ~5,000-character one."""
    import import_bench
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library

    store = ArticleStore(open_library(folder))
    importer = Importer(Converters())
    rng = random.Random(7)
    for i in range(n):
        store.add(importer.parse_str(import_bench.make_article(i, rng)))
    long_text = import_bench.make_article(n, rng)
    while len(long_text) < 5000:
        long_text += "\n\n" + import_bench.make_article(n, rng).split("\n\n", 1)[1]
    long_article = importer.parse_str(long_text[:5000])
    store.add(long_article)
    store.conn.close()
    return long_article.id


def child(script: str, *args: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True
    )
    seconds = time.perf_counter() - start
    return seconds, int(out.stdout.strip().splitlines()[-1]) / 1024


def open_article_ms(library: Path, article_id: str, repeats: int) -> list[float]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.chinese import Converters
    from reader.library import ArticleStore, open_library
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(library / "bench.ini"), QSettings.Format.IniFormat)
    store = ArticleStore(open_library(library))
    window = MainWindow(store, library, Converters(), settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    other = window.model.neighbour_article(window.tree.currentIndex(), 1)
    other_id = window.model.article_id(other) or article_id
    times = []
    for _ in range(repeats):
        window.open_article(other_id)
        app.processEvents()
        start = time.perf_counter()
        window.open_article(article_id)
        window.reader.viewport().repaint()  # include the first paint of the new text
        times.append((time.perf_counter() - start) * 1000)
    window.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp, "lib")
        long_id = build_library(library, args.articles)
        png = str(Path(tmp, "shot.png"))
        child(APP, png, str(library))  # first run: sample check, settings, warm caches
        bare_t, bare_m, app_t, app_m = [], [], [], []
        for _ in range(args.runs):
            t, m = child(BARE, png)
            bare_t.append(t)
            bare_m.append(m)
            t, m = child(APP, png, str(library))
            app_t.append(t)
            app_m.append(m)
        opens = open_article_ms(library, long_id, 30)
    bare, app = statistics.median(bare_t), statistics.median(app_t)
    print(
        json.dumps(
            {
                "benchmark": "app",
                "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
                "python": platform.python_version(),
                "articles": args.articles,
                "runs": args.runs,
                "start_bare_s": round(bare, 3),
                "start_app_s": round(app, 3),
                "start_ratio": round(app / bare, 2),
                "rss_bare_mb": round(statistics.median(bare_m), 1),
                "rss_app_mb": round(statistics.median(app_m), 1),
                "open_5000_chars_median_ms": round(statistics.median(opens), 2),
                "open_5000_chars_max_ms": round(max(opens), 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
