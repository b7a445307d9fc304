"""The desktop app against a bare PySide6 window with the same widgets. Prints JSON.

    uv run python benchmarks/app_bench.py [--articles 10000] [--runs 7]

Measured in one run, alternating, so machine noise hits both alike: each round
starts every window once, every other round in the reverse order, and a ratio
is the median of the rounds' ratios (not a ratio of medians: the machine's speed
drifts over minutes, so a baseline is compared with starts made beside it):
- start: process spawn until the main window is shown and its first frame
  painted (the app started as a user starts it, `reader --library DIR`, with its
  list filled and the article left open rendered: the sample, which the bare
  window shows too, at the same size). Both run as child processes; the clock
  stops at the first grab of the window, in the app's event loop, after which
  the app quits as a closed window does.
- rss: peak resident memory of those same processes.
- switch: changing the display script of that open article until the reader
  pane is repainted in the new script; and until the list's titles have
  followed too (they are converted on the next turn of the event loop).
- open_article: median time from selecting a 5,000-character article's row
  in the list to its first paint in the reader pane (fetch from the library,
  render, lay out, outline), in-process.
- after_crash: the app started again right after a Reader process was killed
  (SIGKILL) with the library open; ratio against the bare window with text,
  started alternately with these starts (not the clean starts' baseline, taken
  earlier: the machine's speed drifts between the two series).
- checks: damage checks (PRAGMA quick_check / integrity_check) the start-ups ran,
  counted by a trace on every SQLite connection of the child: before the clock
  stopped (the grab) and after it, and how many of each ran on the UI thread (the
  child waits up to 5 s for a check started in the background, outside the timed
  part). A start after a clean quit must run none. The app starts the check 100 ms
  after the article's first paint, so on a slow machine one may begin, off the UI
  thread, before the benchmark's third turn of the event loop and grab are done.
- bare_with_text_serial: the bare window with text again, with Qt's thread pool
  for fills turned off as the app turns it off (QT_NO_GUI_THREADPOOL): the ratio
  against it shows what the app costs beyond that one setting.
- cpu_to_shown: CPU time (all threads) of each child until its window showed, a
  figure less at the mercy of other processes on a busy machine than the wall
  clock; the ratio against the bare window with text is reported as well.
- --library DIR: use (a copy of) an existing library instead of generating one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Both children stop the clock the same way: after the window is shown, events
# are processed and one frame is grabbed (painted). Saving a PNG is left out: a
# page of text compresses slower than an empty window and would skew the ratio.
SHOWN = r"""
import time
def shown(app, window):
    for _ in range(3):
        app.processEvents()
    window.grab()
    print(repr(time.time()), repr(time.process_time()))  # wall clock, CPU time so far
"""

# The same widgets as Reader's window, configured alike (menus with their
# actions and shortcuts, the tree's header, splitter), but no library, no
# article, no model of ours.
BARE = (
    SHOWN
    + r"""
import resource, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLineEdit,
    QListWidget, QMainWindow, QSplitter, QTextBrowser, QTreeView, QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1])
w = QMainWindow()
menus = {"File": 3, "View": 10, "Go": 2, "Help": 1}
for name, count in menus.items():
    menu = w.menuBar().addMenu(name)
    group = QActionGroup(w)
    for i in range(count):
        action = QAction(f"{name} {i}", w, checkable=(name == "View"))
        action.setShortcuts([QKeySequence(f"Ctrl+Shift+F{i + 1}")])
        group.addAction(action)
        menu.addAction(action)
        w.addAction(action)
box = QLineEdit(); box.setPlaceholderText("Filter titles"); box.setClearButtonEnabled(True)
tree = QTreeView(); tree.setUniformRowHeights(True)
tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
left = QWidget(); lay = QVBoxLayout(left); lay.addWidget(box); lay.addWidget(tree)
view = QTextBrowser(); view.setOpenLinks(False)
split = QSplitter(Qt.Orientation.Horizontal)
split.addWidget(left); split.addWidget(view); split.addWidget(QListWidget())
split.setSizes([320, 820, 200])
w.setCentralWidget(split)
w.resize(1280, 800)
w.show()
shown(app, w)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
)

# The bare window again, its text browser showing an article's text (plain, in
# the same CJK font): what any Qt app pays to lay out and paint Chinese text.
BARE_TEXT = BARE.replace(
    "view = QTextBrowser(); view.setOpenLinks(False)",
    "view = QTextBrowser(); view.setOpenLinks(False)\n"
    "from PySide6.QtGui import QFont\n"
    "font = QFont(); font.setFamilies(['Noto Serif CJK TC', 'Noto Serif CJK SC'])\n"
    "font.setPixelSize(18); view.document().setDefaultFont(font)\n"
    "view.setPlainText(open(sys.argv[2], encoding='utf-8').read())",
)

APP = (
    SHOWN
    + r"""
import json, resource, sqlite3, sys, threading
checks = {"before_shown": 0, "on_ui_thread_before_shown": 0, "after_shown": 0,
          "on_ui_thread_after_shown": 0}
state = {"shown": False}
def trace(sql):
    if "quick_check" in sql or "integrity_check" in sql:
        ui = threading.current_thread() is threading.main_thread()
        if not state["shown"]:
            checks["before_shown"] += 1
            checks["on_ui_thread_before_shown"] += ui
        else:
            checks["after_shown"] += 1
            checks["on_ui_thread_after_shown"] += ui
_connect = sqlite3.connect
def connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)
    conn.set_trace_callback(trace)
    return conn
sqlite3.connect = connect
import reader.ui.app as appmod
# The start a user gets (not --screenshot, which checks the library before the
# window and starts no backup): the clock stops at the first frame, inside the
# event loop the app enters; then the loop returns and the app quits cleanly.
# PySide6 is imported by the app itself, at the point it always is: importing it
# here first would have PySide6 read the source of every module imported between.
def run_loop(app):
    from PySide6.QtWidgets import QMainWindow
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    shown(app, window)
    state["shown"] = True
    stopped = time.time()
    if checks["before_shown"] == 0:  # a check in the background, if any, is counted
        while time.time() - stopped < float(sys.argv[3]) and not checks["after_shown"]:
            app.processEvents()
            time.sleep(0.01)
    window.close()
    return 0
_skip = appmod.skip_pyside_source_scan
def skip_then_hook():
    _skip()
    from PySide6.QtWidgets import QApplication
    QApplication.exec = run_loop
appmod.skip_pyside_source_scan = skip_then_hook
from reader.launch import main
code = main(["--library", sys.argv[2], "--size", "1280x800"])
assert code == 0, code
print(json.dumps(checks))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
)


def build_library(folder: Path, n: int) -> str:
    """A library of n synthetic articles; returns the id of a ~5,000-character one."""
    import import_bench
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library
    from synthetic import fill_library

    fill_library(folder, n)
    store = ArticleStore(open_library(folder))
    importer = Importer(Converters())
    rng = random.Random(8)
    long_text = import_bench.make_article(n, rng)
    while len(long_text) < 5000:
        long_text += "\n\n" + import_bench.make_article(n, rng).split("\n\n", 1)[1]
    long_article = importer.parse_str(long_text[:5000])
    store.add(long_article)
    store.conn.close()
    return long_article.id


def open_at_start(library: Path, sample: Path) -> int:
    """The article the bare window shows is the one the app reopens at start: the
    sample is added to the library and left open in its settings. Returns how many
    articles the library then holds (a copied one is not the --articles asked for)."""
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library

    store = ArticleStore(open_library(library))
    article = Importer(Converters()).parse_str(sample.read_text(encoding="utf-8"))
    store.add(article)
    articles = store.count()
    store.conn.close()
    (library / "settings.ini").write_text(f"[reading]\narticle={article.id}\n", encoding="utf-8")
    return articles


# What a crash leaves: a Reader process that opened the library, killed outright.
CRASH = r"""
import os, signal, sys
from reader.library import open_library
from pathlib import Path
conn = open_library(Path(sys.argv[1]))
conn.execute("SELECT count(*) FROM articles").fetchone()
os.kill(os.getpid(), signal.SIGKILL)
"""

CHECKS: list[dict[str, int]] = []
CPU: dict[str, list[float]] = {}  # CPU seconds of each child until its window showed


def crash(library: Path) -> None:
    run = subprocess.run([sys.executable, "-c", CRASH, str(library)], capture_output=True)
    assert run.returncode == -9, run


def child(script: str, *args: str, serial: bool = False) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The bare windows paint as any Qt app does, handing tall fills to Qt's thread
    # pool; the app turns that off itself (reader.ui.app.paint_on_ui_thread).
    # `serial` starts a bare window with it off too, for the second baseline.
    env.pop("QT_NO_GUI_THREADPOOL", None)
    if serial:
        env["QT_NO_GUI_THREADPOOL"] = "1"
    # As on a user's machine, modules load from cached bytecode (this sandbox
    # sets PYTHONDONTWRITEBYTECODE, which would recompile every module each start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True
    )
    lines = out.stdout.strip().splitlines()
    stamp = lines[-3] if script is APP else lines[-2]
    wall, cpu = (float(x) for x in stamp.split())
    if not serial:  # cpu_to_shown is of the Qt-default baselines and the app
        CPU.setdefault(script, []).append(cpu)
    if script is APP:
        CHECKS.append(json.loads(lines[-2]))
    return wall - start, int(lines[-1]) / 1024


def open_article_ms(
    library: Path, article_id: str, repeats: int
) -> tuple[list[float], list[float], list[float], int]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from reader.ui.app import paint_on_ui_thread

    paint_on_ui_thread()  # as the app paints
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.chinese import Converters
    from reader.library import ArticleStore, open_library
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(library / "bench.ini"), QSettings.Format.IniFormat)
    store = ArticleStore(open_library(library))
    converters = Converters()
    window = MainWindow(store, library, converters, settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    target = window.model.index_of_article(article_id)  # the row a user clicks
    other = window.model.neighbour_article(target, 1)
    times = []
    for _ in range(repeats):
        window.tree.setCurrentIndex(other)
        app.processEvents()
        start = time.perf_counter()
        window.tree.setCurrentIndex(target)  # as a click on the row: currentChanged
        window.reader.viewport().repaint()  # include the first paint of the new text
        times.append((time.perf_counter() - start) * 1000)
    # Switching the script of the open 5,000-character article, re-rendered and painted.
    from reader.chinese.convert import ScriptMode

    script = window.translation.script
    switches, with_list = [], []
    for _ in range(repeats):
        for mode in (ScriptMode.SIMPLIFIED, ScriptMode.TAIWAN, ScriptMode.ORIGINAL):
            start = time.perf_counter()
            script.set_mode(mode)
            window.reader.viewport().repaint()
            switches.append((time.perf_counter() - start) * 1000)
            app.processEvents()  # the list's titles follow on the next turn of the loop
            window.tree.viewport().repaint()
            with_list.append((time.perf_counter() - start) * 1000)
    built = converters.built
    window.close()
    return times, switches, with_list, built


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--library", type=Path, help="a copy of this library, not a new one")
    parser.add_argument("--no-open", action="store_true", help="skip the in-process part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp, "lib")
        if args.library is not None:
            shutil.copytree(args.library, library)
            long_id = ""
        else:
            long_id = build_library(library, args.articles)
        sample = str(
            HERE.parent / "resources" / "samples" / "01-zhonglianbu-research-traditional.txt"
        )
        articles = open_at_start(library, Path(sample))
        png = str(Path(tmp, "shot.png"))
        wait = "5"  # seconds a child waits for a background check after the window shows
        child(APP, png, str(library), wait)  # first run: daily backup, settings, warm caches
        bare_t, bare_m, app_t, app_m, text_t, crash_t = [], [], [], [], [], []
        serial_t: list[float] = []  # the bare window with text, painting on the UI thread
        CHECKS.clear()
        CPU.clear()
        for run in range(args.runs):
            # One start of each, in turn; every other round in the reverse order, so
            # that a machine speeding up or slowing down within a round favours none.
            for which in ("bare", "text", "serial", "app")[:: 1 if run % 2 == 0 else -1]:
                if which == "bare":
                    t, m = child(BARE, png)
                    bare_t.append(t)
                    bare_m.append(m)
                elif which == "text":
                    text_t.append(child(BARE_TEXT, png, sample)[0])
                elif which == "serial":
                    serial_t.append(child(BARE_TEXT, png, sample, serial=True)[0])
                else:
                    t, m = child(APP, png, str(library), wait)
                    app_t.append(t)
                    app_m.append(m)
        clean_checks = list(CHECKS)
        cpu = {key: list(CPU[script]) for key, script in
               (("bare", BARE), ("text", BARE_TEXT), ("app", APP))}  # fmt: skip
        CHECKS.clear()
        crash_text_t: list[float] = []  # the baseline again, alternating with these starts
        for run in range(args.runs):
            if run % 2 == 0:
                crash_text_t.append(child(BARE_TEXT, png, sample)[0])
            crash(library)
            crash_t.append(child(APP, png, str(library), wait)[0])
            if run % 2 == 1:
                crash_text_t.append(child(BARE_TEXT, png, sample)[0])
        crash_checks = list(CHECKS)
        if long_id and not args.no_open:
            opens, switches, with_list, built = open_article_ms(library, long_id, 30)
        else:
            opens, switches, with_list, built = [0.0], [0.0], [0.0], 0
    bare, app = statistics.median(bare_t), statistics.median(app_t)
    after_crash = statistics.median(crash_t)
    crash_text = statistics.median(crash_text_t)

    def ratio(starts: list[float], baseline: list[float]) -> float:
        """The median of each round's ratio: this machine's speed drifts by a fifth
        over minutes, and a round's starts run within two seconds of each other."""
        return round(statistics.median(a / b for a, b in zip(starts, baseline, strict=True)), 2)

    def total(checks: list[dict[str, int]]) -> dict[str, int]:
        return {key: sum(c[key] for c in checks) for key in checks[0]} if checks else {}

    print(
        json.dumps(
            {
                "benchmark": "app",
                "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
                "python": platform.python_version(),
                "articles": articles,  # in the library the app starts on (the sample included)
                "runs": args.runs,
                "start_bare_s": round(bare, 3),
                "start_app_s": round(app, 3),
                "start_ratio": ratio(app_t, bare_t),
                "start_bare_with_text_s": round(statistics.median(text_t), 3),
                "start_ratio_to_bare_with_text": ratio(app_t, text_t),
                "start_bare_with_text_serial_s": round(statistics.median(serial_t), 3),
                "start_ratio_to_bare_with_text_serial": ratio(app_t, serial_t),
                "cpu_to_shown_bare_s": round(statistics.median(cpu["bare"]), 3),
                "cpu_to_shown_bare_with_text_s": round(statistics.median(cpu["text"]), 3),
                "cpu_to_shown_app_s": round(statistics.median(cpu["app"]), 3),
                "cpu_ratio_to_bare_with_text": ratio(cpu["app"], cpu["text"]),
                "start_after_crash_s": round(after_crash, 3),
                "start_bare_with_text_among_crashes_s": round(crash_text, 3),
                "after_crash_ratio_to_bare_with_text": ratio(crash_t, crash_text_t),
                "checks_in_clean_starts": total(clean_checks),
                "checks_in_starts_after_crash": total(crash_checks),
                "rss_bare_mb": round(statistics.median(bare_m), 1),
                "rss_app_mb": round(statistics.median(app_m), 1),
                "open_5000_chars_median_ms": round(statistics.median(opens), 2),
                "open_5000_chars_max_ms": round(max(opens), 2),
                "switch_script_5000_chars_median_ms": round(statistics.median(switches), 2),
                "switch_script_5000_chars_max_ms": round(max(switches), 2),
                "switch_script_with_list_median_ms": round(statistics.median(with_list), 2),
                "opencc_converters_built": built,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
