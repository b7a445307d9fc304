"""Opening long articles in the app: how long, and whether the window stays live. Prints JSON.

    uv run python benchmarks/long_article_bench.py [--skip-20mb]

Articles are generated as files and imported as a user would. Each is opened in
the real main window (off-screen), the way a click on its row opens it, while a
10 ms QTimer runs; the longest gap between two of its ticks is how long the
window was frozen. Measured for each article:

- first_paint_ms: from the click until the reader pane has painted text (for
  start-up: window_shown_ms until the window's first frame, and
  first_frame_ms after three turns of the event loop, the article in);
- loaded_ms: until the whole article is in the pane (equal to first_paint_ms
  when everything is done in one go; in_parts 1: until its first part is, an
  article too tall for Qt's layout being shown in parts);
- max_gap_ms: the longest the event loop stood still meanwhile.

Also: side by side (original and Simplified) on one 40,000-character paragraph;
switching the 8,000-paragraph article to Taiwan phrasing; starting the window
with the long article as the one left open (until the first frame, and the
longest freeze in the first seconds); the phases of opening, timed one by one
(fetch, convert, render to HTML, diff). The baseline, in the same run, is a bare
QTextBrowser given the same text with setPlainText: what any Qt app pays.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_TRAD_SAMPLE = HERE.parent / "resources" / "samples" / "01-zhonglianbu-research-traditional.txt"


def _paragraphs(rng: random.Random, chars: int) -> list[str]:
    """Paragraphs of 150-350 characters cut from the Traditional sample, with a
    short heading line every 25 paragraphs, adding up to about `chars`."""
    sample = "".join(_TRAD_SAMPLE.read_text(encoding="utf-8").split("\n\n")[3:]).replace("\n", "")
    out: list[str] = []
    total = 0
    while total < chars:
        if out and len(out) % 26 == 25:
            out.append(f"第{len(out)}節")
            continue
        start = rng.randrange(0, len(sample) - 400)
        para = sample[start : start + rng.randint(150, 350)]
        out.append(para)
        total += len(para)
    return out


def write_article(folder: Path, name: str, paragraphs: list[str]) -> Path:
    head = "人民網>>國際>>研究\n" + name + "\n2024年05月06日08:15　來源：人民網\n\n"
    path = folder / f"{name}.txt"
    path.write_text(head + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def build(folder: Path, skip_20mb: bool) -> dict[str, tuple[str, int, int]]:
    """Articles in a new library: name -> (id, characters, file bytes)."""
    from reader.chinese import Converters
    from reader.importers import MAX_FILE_BYTES, Importer
    from reader.library import ArticleStore, open_library

    rng = random.Random(9)
    files = folder / "files"
    files.mkdir()
    one = _paragraphs(rng, 40_000)
    specs = {
        "tiny": _paragraphs(rng, 1_500),
        "paragraphs_8000": _paragraphs(rng, 8000 * 250)[:8000],
        "one_paragraph_40000": ["".join(one)[:40_000]],
    }
    if not skip_20mb:
        # Just under the import limit: ~6.9 million characters in UTF-8.
        specs["max_import_20mb"] = _paragraphs(rng, (MAX_FILE_BYTES - 200_000) // 3)
    store = ArticleStore(open_library(folder / "lib"))
    importer = Importer(Converters())
    out: dict[str, tuple[str, int, int]] = {}
    for name, paras in specs.items():
        path = write_article(files, name, paras)
        article = importer.parse_file(path)
        store.add(article)
        chars = sum(len(b.text) for b in article.blocks)
        out[name] = (article.id, chars, path.stat().st_size)
    store.conn.close()
    return out


class Ticks:
    """A 10 ms timer; the longest gap between ticks is the longest freeze."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.max_gap = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.max_gap * 1000


def _loading(window: object) -> bool:
    # Older code renders in one go and has no such property.
    return bool(getattr(window.reader, "loading", False))  # type: ignore[attr-defined]


def run_action(app: object, window: object, action: Callable[[], None]) -> dict[str, float]:
    """Run `action` from inside the event loop; time the first paint and the full load."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks = Ticks()
    done: dict[str, float] = {}
    start = 0.0

    def go() -> None:
        nonlocal start
        start = time.perf_counter()
        action()
        window.reader.viewport().repaint()  # type: ignore[attr-defined]
        done["first_paint_ms"] = (time.perf_counter() - start) * 1000

    ticks.start()
    QTimer.singleShot(0, go)
    while "first_paint_ms" not in done or _loading(window):
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    done["loaded_ms"] = (time.perf_counter() - start) * 1000
    # A document too tall for Qt's layout is shown in parts: loaded_ms is the first.
    done["in_parts"] = float(getattr(window.reader, "next_part", None) is not None)  # type: ignore[attr-defined]
    end = time.perf_counter() + 0.3  # Qt lays the rest out in the background: keep watching
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    done["max_gap_ms"] = ticks.stop()
    return {k: round(v, 1) for k, v in done.items()}


def bare_baseline(app: object, text: str) -> dict[str, float]:
    """A bare QTextBrowser given the same text with setPlainText, timed the same way."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QTextBrowser

    view = QTextBrowser()
    font = QFont()
    font.setFamilies(["Noto Serif CJK TC", "Noto Serif CJK SC"])
    font.setPixelSize(18)
    view.document().setDefaultFont(font)
    view.resize(820, 760)
    view.show()
    app.processEvents()  # type: ignore[attr-defined]
    ticks = Ticks()
    done: dict[str, float] = {}

    def go() -> None:
        start = time.perf_counter()
        view.setPlainText(text)
        view.viewport().repaint()
        done["first_paint_ms"] = (time.perf_counter() - start) * 1000

    ticks.start()
    QTimer.singleShot(0, go)
    while "first_paint_ms" not in done:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    done["max_gap_ms"] = ticks.stop()
    view.close()
    return {k: round(v, 1) for k, v in done.items()}


def phases(library: Path, article_id: str) -> dict[str, float]:
    """The logic steps of opening an article, each timed alone (no Qt)."""
    from reader.chinese import Converters
    from reader.chinese.convert import ScriptConverter, ScriptMode
    from reader.library import ArticleStore, open_library
    from reader.render import render_article

    store = ArticleStore(open_library(library))

    def timed(fn: Callable[[], object]) -> tuple[object, float]:
        start = time.perf_counter()
        value = fn()
        return value, round((time.perf_counter() - start) * 1000, 1)

    article, fetch = timed(lambda: store.get(article_id))
    assert article is not None
    converter = ScriptConverter(Converters())
    converter.convert_text("預熱", ScriptMode.TAIWAN_PHRASES)  # build the OpenCC configs first
    converter.convert_text("预热", ScriptMode.TAIWAN_PHRASES)
    _, convert = timed(lambda: converter.convert_article(article, ScriptMode.TAIWAN_PHRASES))
    _, render = timed(lambda: render_article(article))
    store.conn.close()
    return {"fetch_ms": fetch, "convert_taiwan_phrases_ms": convert, "render_html_ms": render}


def side_by_side_diff_ms(library: Path, article_id: str) -> float:
    from reader.chinese import Converters
    from reader.chinese.convert import ScriptConverter, ScriptMode
    from reader.library import ArticleStore, open_library
    from reader.render import render_parallel

    store = ArticleStore(open_library(library))
    article = store.get(article_id)
    store.conn.close()
    assert article is not None
    shown = ScriptConverter(Converters()).convert_article(article, ScriptMode.SIMPLIFIED)
    start = time.perf_counter()
    render_parallel(article, shown, ("a", "b"))
    return round((time.perf_counter() - start) * 1000, 1)


def make_window(library: Path, settings_path: Path) -> object:
    from PySide6.QtCore import QSettings

    from reader.chinese import Converters
    from reader.library import ArticleStore, open_library
    from reader.ui.main_window import MainWindow

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(ArticleStore(open_library(library)), library, Converters(), settings)
    window.resize(1280, 800)
    return window


def start_up(app: object, library: Path, folder: Path, article_id: str) -> dict[str, float]:
    """A window built and restored with `article_id` as the article left open."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    settings_path = folder / f"start-{article_id[:8]}.ini"
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("reading/article", article_id)
    settings.sync()
    ticks = Ticks()
    done: dict[str, float] = {}
    holder: list[object] = []

    def go() -> None:
        start = time.perf_counter()
        window = make_window(library, settings_path)
        holder.append(window)
        try:  # as the app does: the article opens once the event loop runs
            window.restore(defer=True)  # type: ignore[attr-defined]
        except TypeError:  # older code opens it in restore()
            window.restore()  # type: ignore[attr-defined]
        window.show()  # type: ignore[attr-defined]
        window.grab()  # type: ignore[attr-defined]
        done["window_shown_ms"] = (time.perf_counter() - start) * 1000
        for _ in range(3):
            app.processEvents()  # type: ignore[attr-defined]
        window.grab()  # type: ignore[attr-defined]
        done["first_frame_ms"] = (time.perf_counter() - start) * 1000
        done["start"] = start

    ticks.start()
    QTimer.singleShot(0, go)
    while "first_frame_ms" not in done or (holder and _loading(holder[0])):
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    done["loaded_ms"] = (time.perf_counter() - done.pop("start")) * 1000
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # type: ignore[attr-defined]
    done["max_gap_ms"] = ticks.stop()
    holder[0].close()  # type: ignore[attr-defined]
    return {k: round(v, 1) for k, v in done.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-20mb", action="store_true", help="leave out the 20 MB article")
    args = parser.parse_args()

    from reader.ui.app import paint_on_ui_thread

    paint_on_ui_thread()  # as the app paints
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    results: dict[str, object] = {
        "benchmark": "long_article",
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        "python": platform.python_version(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles = build(folder, args.skip_20mb)
        library = folder / "lib"
        results["articles"] = {
            name: {"characters": chars, "file_bytes": size}
            for name, (_id, chars, size) in articles.items()
        }
        window = make_window(library, folder / "bench.ini")
        window.show()  # type: ignore[attr-defined]
        app.processEvents()
        model = window.model  # type: ignore[attr-defined]
        tree = window.tree  # type: ignore[attr-defined]
        opened: dict[str, object] = {}
        for name, (article_id, _chars, _size) in articles.items():
            index = model.index_of_article(article_id)
            other = articles["tiny" if name != "tiny" else "one_paragraph_40000"][0]
            run_action(app, window, lambda i=other: tree.setCurrentIndex(model.index_of_article(i)))
            opened[name] = run_action(app, window, lambda i=index: tree.setCurrentIndex(i))
        results["open"] = opened

        from reader.chinese.convert import ScriptMode

        script = window.translation.script  # type: ignore[attr-defined]
        one_id = articles["one_paragraph_40000"][0]
        run_action(app, window, lambda: tree.setCurrentIndex(model.index_of_article(one_id)))
        run_action(app, window, lambda: script.set_mode(ScriptMode.SIMPLIFIED))
        results["side_by_side_one_paragraph_40000"] = run_action(
            app, window, lambda: script.side_by_side.setChecked(True)
        )
        run_action(app, window, lambda: script.side_by_side.setChecked(False))
        long_id = articles["paragraphs_8000"][0]
        run_action(app, window, lambda: tree.setCurrentIndex(model.index_of_article(long_id)))
        results["switch_8000_to_taiwan_phrases"] = run_action(
            app, window, lambda: script.set_mode(ScriptMode.TAIWAN_PHRASES)
        )
        run_action(app, window, lambda: script.set_mode(ScriptMode.ORIGINAL))
        window.close()  # type: ignore[attr-defined]

        results["start_with_article_open"] = {
            name: start_up(app, library, folder, articles[name][0])
            for name in articles
            if name != "one_paragraph_40000"
        }
        results["phases"] = {
            name: phases(library, articles[name][0]) for name in articles if name != "tiny"
        }
        results["side_by_side_render_parallel_ms"] = side_by_side_diff_ms(library, one_id)

        from reader.library import ArticleStore, open_library

        store = ArticleStore(open_library(library))
        baseline = {}
        for name in articles:
            article = store.get(articles[name][0])
            assert article is not None
            baseline[name] = bare_baseline(app, "\n".join(b.text for b in article.blocks))
        store.conn.close()
        results["bare_qtextbrowser_set_plain_text"] = baseline
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
