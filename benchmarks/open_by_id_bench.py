"""Opening an article by id in the list: newest vs oldest of the biggest section. Prints JSON.

    uv run python benchmarks/open_by_id_bench.py --articles 100000

The library is list_model_bench's (one section holds 40% of the articles). Each
measurement builds a fresh model (nothing read yet) and times index_of_article, as
the app does when it reopens the last article or follows a bookmark.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from list_model_bench import build


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.ui.app import paint_on_ui_thread

    paint_on_ui_thread()  # as the app paints
    from PySide6.QtWidgets import QApplication

    from reader.ui.library_list.article_list_model import ArticleListModel

    app = QApplication([])
    result: dict[str, object] = {"benchmark": "open_by_id", "articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        conn, _big = build(Path(tmp), args.articles, args.sections, 200)
        section = conn.execute(
            "SELECT section_id FROM articles GROUP BY section_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        ordered = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE section_id = ? "
                "ORDER BY published IS NULL, published DESC, title, id",
                (section,),
            )
        ]
        picks = {"newest": ordered[0], "middle": ordered[len(ordered) // 2], "oldest": ordered[-1]}
        for name, aid in picks.items():
            times = []
            for _ in range(args.repeat):
                model = ArticleListModel(conn)
                t0 = time.perf_counter()
                index = model.index_of_article(aid)
                times.append((time.perf_counter() - t0) * 1000)
                assert model.article_id(index) == aid
            result[f"{name}_ms"] = round(statistics.median(times), 2)
        result["section_articles"] = len(ordered)
        conn.close()
    del app
    result["python"] = platform.python_version()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
