"""The title filter, keystroke by keystroke, on a big library. Prints JSON.

    uv run python benchmarks/title_filter_bench.py --articles 100000

The library is list_model_bench's; its folded titles are filled by migration 6's
data step (timed: what an existing library pays once). A real off-screen tree and
filter box are shown; the user types the first 1-4 characters of a word found in a
title, one keystroke at a time, then Esc clears the box. Each keystroke is timed
from the box's change to the tree laid out and painted (events processed). The
baseline is the same keystrokes into a box connected to nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from list_model_bench import build


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--words", type=int, default=40)
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.ui.app import paint_on_ui_thread

    paint_on_ui_thread()  # as the app paints
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    from reader.library import write
    from reader.library.sections import fill_folded_keys
    from reader.ui.library_list.article_list_model import ArticleListModel
    from reader.ui.library_list.article_tree import ArticleTree
    from reader.ui.library_list.title_filter import FilterBox, TitleFilter

    app = QApplication([])
    result: dict[str, object] = {"benchmark": "title_filter", "articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        conn, _ = build(Path(tmp), args.articles, args.sections, 200)
        t0 = time.perf_counter()
        with write(conn):  # build() ran it already: this is what migration 6 pays again
            fill_folded_keys(conn)
        result["migration_fold_step_s"] = round(time.perf_counter() - t0, 2)
        titles = [r[0] for r in conn.execute("SELECT title FROM articles LIMIT 5000")]
        rng = random.Random(7)
        keystrokes: list[str] = []
        for _ in range(args.words):
            title = rng.choice(titles)
            start = rng.randrange(max(1, len(title) - 4))
            word = title[start : start + rng.randint(1, 4)]
            keystrokes += [word[: i + 1] for i in range(len(word))] + [""]

        window = QWidget()
        layout = QVBoxLayout(window)
        box = FilterBox(window)
        model = ArticleListModel(conn)
        tree = ArticleTree(window)
        tree.setModel(model)
        layout.addWidget(box)
        title_filter = TitleFilter(box, tree, model)
        layout.addWidget(title_filter.no_matches)
        layout.addWidget(tree)
        window.resize(420, 900)
        window.show()
        tree.expandToDepth(1)
        app.processEvents()
        tree.keep_laid_out_text()  # as the app does once its first frame is up

        from reader.library.title_index import TitleIndex

        t0 = time.perf_counter()
        TitleIndex(conn)
        result["titles_read_at_once_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        # As the app reads them on entering the box: a few sections per event-loop turn.
        stepped = TitleIndex(conn, now=False)
        steps = []
        while True:
            t0 = time.perf_counter()
            done = stepped.step()
            steps.append((time.perf_counter() - t0) * 1000)
            if done:
                break
        result["titles_read_steps"] = len(steps)
        result["titles_read_longest_step_ms"] = round(max(steps), 1)
        model.prepare_filter()
        while model._index is not None and not model._index.ready:
            app.processEvents()

        cpu: list[float] = []

        def typing(target: QLineEdit) -> list[float]:
            times = []
            cpu.clear()
            for text in keystrokes:
                c0 = time.process_time()
                t0 = time.perf_counter()
                if text:
                    target.setText(text)  # what a keystroke does to the box
                else:
                    QTest.keyClick(target, Qt.Key.Key_Escape)
                    target.clear()
                tree.viewport().repaint()
                QApplication.processEvents()
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            return times

        times = typing(box)
        cpu_times = list(cpu)
        bare = QLineEdit()
        baseline = typing(bare)
        cpu_baseline = list(cpu)
        matches = []
        for text in keystrokes[:20]:
            if text:
                box.setText(text)
                matches.append(
                    sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
                )
        result.update(
            {
                "keystrokes": len(times),
                "keystroke_ms_p50": _percentile(times, 0.5),
                "keystroke_ms_p95": _percentile(times, 0.95),
                "keystroke_ms_max": round(max(times), 2),
                "baseline_keystroke_ms_p95": _percentile(baseline, 0.95),
                # CPU time of this process: what the keystroke costs, whatever else
                # the machine is doing (the wall times above include waiting for it).
                "keystroke_cpu_ms_p50": _percentile(cpu_times, 0.5),
                "keystroke_cpu_ms_p95": _percentile(cpu_times, 0.95),
                "baseline_keystroke_cpu_ms_p95": _percentile(cpu_baseline, 0.95),
                "mean_ms": round(statistics.mean(times), 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
        window.close()
        tree.setModel(None)
        app.processEvents()
        conn.close()
    del app
    result["python"] = platform.python_version()
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
