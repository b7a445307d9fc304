"""The article list model over a big library: reset, paging, data() and filter cost. Prints JSON.

    uv run python benchmarks/list_model_bench.py --articles 100000 --calls 200000

The library is written straight into SQLite (one executemany in one transaction);
the model is then built in an off-screen QApplication. One section holds 40% of the
articles, so fetching it all is the worst case of paging.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# Two-character words: titles built from them look like news titles, and a
# two-character query (the case traps.md #7 warns about) matches a few percent of them.
_PAIRS = (
    "经济发展会议改革创新建设人民国家政府中央地方市场企业科技教育文化"
    "社会安全生态环境农村城市工业农业金融投资消费贸易开放合作交流国际"
    "全国代表委员主席总理部长研究部署推进落实加强提高促进实现坚持完善"
    "服务管理制度政策规划目标任务工作干部群众青年学生医疗卫生健康体育"
    "旅游交通能源电力水利气候数据网络信息数字平台质量标准品牌产业就业"
)
_WORDS = [_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2)]


def _title(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9)))


def _body(rng: random.Random, chars: int) -> str:
    text = ""
    while len(text) < chars:
        text += _title(rng) + "。"
    return text


def build(
    directory: Path, n: int, sections: int, body_chars: int
) -> tuple[sqlite3.Connection, int]:
    """A library of `n` articles in `sections` sections (a fifth of them top-level)."""
    from reader.library import open_library, write

    rng = random.Random(n)
    conn = open_library(directory)
    tops = max(1, sections // 5)
    leaves: list[tuple[int, str]] = []  # (section id, JSON path)
    with write(conn):
        for t in range(tops):
            site = f"网站{t:02d}"
            top = conn.execute(
                "INSERT INTO sections (parent_id, name) VALUES (0, ?) RETURNING id", (site,)
            ).fetchone()[0]
            children = (sections - tops) // tops + (t < (sections - tops) % tops)
            for c in range(children):
                name = f"栏目{c:02d}"
                sid = conn.execute(
                    "INSERT INTO sections (parent_id, name) VALUES (?, ?) RETURNING id", (top, name)
                ).fetchone()[0]
                leaves.append((int(sid), json.dumps([site, name], ensure_ascii=False)))
    # Bodies are reused: their size matters to a table scan, their variety does not.
    bodies = [_body(rng, body_chars) for _ in range(64)]
    big = int(n * 0.4)
    start = time.mktime((2015, 1, 1, 0, 0, 0, 0, 0, -1))

    def rows() -> Iterator[tuple[object, ...]]:
        for i in range(n):
            sid, path = leaves[0] if i < big else leaves[1 + i % (len(leaves) - 1)]
            stamp = time.localtime(start + rng.random() * 10 * 365 * 86400)
            published = None if rng.random() < 0.01 else time.strftime("%Y-%m-%dT%H:%M", stamp)
            body = bodies[i % len(bodies)]
            blocks = json.dumps([{"type": "paragraph", "text": body}], ensure_ascii=False)
            yield (
                f"{i:016x}",
                sid,
                _title(rng),
                path,
                published,
                "[]",
                "simplified",
                blocks,
                body,
                int(rng.random() < 0.3),
            )

    with write(conn):
        conn.executemany(
            "INSERT INTO articles (id, section_id, title, section_path, published, editors, "
            "script, blocks, original_text, read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows(),
        )
        # Folded names and titles, as an import (or migration 6) leaves them.
        from reader.library.sections import fill_folded_keys

        fill_folded_keys(conn)
    return conn, big


def _ms(fn: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--body-chars", type=int, default=700)
    parser.add_argument("--query", default="经济")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.ui.app import paint_on_ui_thread

    paint_on_ui_thread()  # as the app paints
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from reader.ui.library_list.article_list_model import ArticleListModel

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        conn, biggest_count = build(Path(tmp), args.articles, args.sections, args.body_chars)
        build_s = time.perf_counter() - t0
        model = ArticleListModel(conn)
        reload_ms = _ms(model.reload, repeat=5)

        # The biggest section is the first child of the first site: 网站00 / 栏目00.
        section = model.index(0, 0, model.index(0, 0))
        assert str(section.data()) == f"栏目00 ({biggest_count})", section.data()
        pages: list[float] = []
        t0 = time.perf_counter()
        while model.canFetchMore(section):
            pages.append(_ms(lambda: model.fetchMore(section)))
        fetch_all_ms = (time.perf_counter() - t0) * 1000
        loaded = model.rowCount(section)

        rng = random.Random(1)
        indexes = [
            model.index(rng.randrange(loaded), rng.randrange(2), section) for _ in range(1000)
        ]
        indexes += [model.index(r, 0) for r in range(model.rowCount())]
        roles = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.FontRole))
        calls = [(indexes[i % len(indexes)], roles[i % 2]) for i in range(args.calls)]
        data = model.data
        t0 = time.perf_counter()
        for index, role in calls:
            data(index, role)
        direct_ms = (time.perf_counter() - t0) * 1000
        # Through Qt, as a view calls it: C++ QModelIndex::data -> the Python override.
        t0 = time.perf_counter()
        for index, role in calls:
            index.data(role)
        via_qt_ms = (time.perf_counter() - t0) * 1000

        model.prepare_filter()  # the titles, read once when the filter box is entered
        # A filter the same as the last one is not applied again: clear it in between.
        filter_ms = _ms(lambda: (model.set_filter(""), model.set_filter(args.query)), repeat=3)
        shown = sum(
            int(str(model.index(r, 0).data()).rsplit("(", 1)[1].rstrip(")"))
            for r in range(model.rowCount())
        )
        clear_ms = _ms(lambda: model.set_filter(""))
        assert model.rowCount(QModelIndex()) > 0
        conn.close()
    del app

    print(
        json.dumps(
            {
                "benchmark": "list_model",
                "articles": args.articles,
                "sections": args.sections,
                "biggest_section": loaded,
                "build_library_s": round(build_s, 1),
                "data_calls": args.calls,
                "ms_per_data_call": round(direct_ms / args.calls, 5),
                "ms_per_data_call_via_qt": round(via_qt_ms / args.calls, 5),
                "reload_ms": reload_ms,
                "fetch_all_ms": round(fetch_all_ms, 1),
                "fetch_pages": len(pages),
                "fetch_page_ms_first_median_max": [
                    pages[0],
                    round(statistics.median(pages), 3),
                    max(pages),
                ],
                "filter_query": args.query,
                "filter_matches": shown,
                "filter_ms": filter_ms,
                "clear_filter_ms": clear_ms,
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "python": platform.python_version(),
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
