"""Bookmarks on a large library. Prints JSON.

    uv run python benchmarks/bookmark_bench.py [--articles 10000] [--runs 7]
    uv run python benchmarks/bookmark_bench.py --import-only [--bookmarks 40000]

- add: BookmarkStore.add, one bookmark on each of the N articles of a generated
  library (median, 95th percentile, worst). Each add is one BEGIN IMMEDIATE
  transaction, fsynced at commit (synchronous=FULL for what users type).
- load: what the bookmarks panel does with N bookmarks, in a freshly opened
  library: all() and grouping by article plus the titles (one query per 500
  articles, as the panel does), and grouped() (the same, titles kept with the
  bookmarks). all() is also timed right after the adds, with the WAL still full.
- open: opening the library after a clean close (no check) and after an unclean
  one (quick_check of the whole file); the choice in reader.library.db rests on it.
- backup: backup_now (copy through the backup API, integrity_check of the copy,
  the bookmarks JSON beside it).
- import: `bookmarks import` of a file of N bookmarks (--bookmarks), in three
  shapes: all on one article of N/4 blocks whose blocks have moved since (a
  heading was added: every quote is looked for again; a quarter are selections);
  spread over N/4 articles of the library; on articles not in the library. Also
  the longest write transaction (how long others wait at most) and the import
  of the same file again (all already there).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import fill_library  # noqa: E402 (after the path it lives on)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


STAMP = "2024-05-01T08:00:00.000000Z"


def _article(n: int, blocks: int) -> Any:
    from reader.domain import Article, Block

    paras = [
        f"第{n}篇第{i}段：各級黨組織要把調查研究作為基本功，堅持問題導向。" for i in range(blocks)
    ]
    return Article(id=f"{n:016x}", title=f"第{n}篇", blocks=tuple(map(Block.paragraph, paras)))


def _entry(k: int, article: Any) -> dict[str, object]:
    block = (k * 7) % len(article.blocks)
    text = article.blocks[block].text
    sel = [k % 5, k % 5 + 10] if k % 4 == 0 else None
    return {
        "id": f"{k:032x}", "article_id": article.id, "article_title": article.title,
        "block": block, "quote": text[sel[0] : sel[1]] if sel else text[:24], "selection": sel,
        "note": f"筆記 {k}", "colour": "", "created_at": STAMP, "updated_at": STAMP,
        "orphaned": False,
    }  # fmt: skip


def import_bench(n: int) -> dict[str, object]:
    """`bookmarks import` of n bookmarks, three shapes (see the module's docstring)."""
    from dataclasses import replace

    from reader.domain import Block
    from reader.library import ArticleStore, open_library
    from reader.library.bookmarks import BookmarkStore

    out: dict[str, object] = {"bookmarks": n}
    with tempfile.TemporaryDirectory() as tmp:
        one = _article(0, n // 4)
        spread = [_article(i, 8) for i in range(1, n // 4 + 1)]
        moved = replace(one, blocks=(Block.heading("導語", 2), *one.blocks))
        on_one = [_entry(k, one) for k in range(n)]
        on_many = [_entry(k, spread[k % len(spread)]) for k in range(n)]
        shapes = {
            "one_article_moved": (on_one, [moved]),
            "spread_over_articles": (on_many, spread),
            "articles_absent": (on_many, []),
        }
        for name, (entries, present) in shapes.items():
            path = Path(tmp, f"{name}.json")
            data = {"format": "reader-bookmarks", "version": 1, "bookmarks": entries}
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            conn = open_library(Path(tmp, name))
            store = ArticleStore(conn)
            for a in present:
                store.add(a)
            held: list[float] = []
            began = [0.0]

            def trace(sql: str, held: list[float] = held, began: list[float] = began) -> None:
                if sql == "BEGIN IMMEDIATE":
                    began[0] = time.perf_counter()
                elif sql == "COMMIT":
                    held.append(time.perf_counter() - began[0])

            conn.set_trace_callback(trace)
            t = time.perf_counter()
            result = BookmarkStore(conn).import_json(path)
            first = time.perf_counter() - t
            assert result.added == n, result
            transactions, longest = len(held), max(held)
            t = time.perf_counter()
            again = BookmarkStore(conn).import_json(path)
            second = time.perf_counter() - t
            assert again.skipped == n, again
            conn.close()
            out[name] = {
                "import_s": round(first, 2),
                "transactions": transactions,
                "longest_transaction_ms": ms(longest),
                "import_again_s": round(second, 2),
            }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bookmarks", type=int, default=40_000, help="for the import")
    parser.add_argument("--import-only", action="store_true", help="only the import figures")
    args = parser.parse_args()
    machine = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    if args.import_only:
        result = {"benchmark": "bookmark import", **machine, **import_bench(args.bookmarks)}
        print(json.dumps(result, indent=2))
        return

    from reader.library import ArticleStore, open_library
    from reader.library.backup import backup_now
    from reader.library.bookmarks import BookmarkStore
    from reader.library.db import DB_NAME

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "lib")
        fill_library(folder, args.articles)
        conn = open_library(folder)
        store, marks = ArticleStore(conn), BookmarkStore(conn)
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random()")]
        articles = [store.get(i) for i in ids]
        rng = random.Random(3)
        adds = []
        for a in articles:
            assert a is not None
            block = rng.randrange(len(a.blocks))
            t = time.perf_counter()
            marks.add(a, block, note=f"筆記 {block}")
            adds.append(time.perf_counter() - t)
        adds.sort()
        # The app does not hold 10,000 articles in memory; with them alive every
        # garbage collection during the loads below would walk them all.
        del articles
        gc.collect()

        def panel() -> int:
            marks_ = marks.all()
            by_article = {aid: list(g) for aid, g in groupby(marks_, key=lambda m: m.article_id)}
            keys = sorted(by_article)
            titles: dict[str, str] = {}
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks_in = ",".join("?" * len(chunk))
                query = f"SELECT id, title FROM articles WHERE id IN ({marks_in})"
                titles.update(conn.execute(query, chunk).fetchall())
            return len(by_article) + len(titles)

        def timed(fn: object, runs: int) -> list[float]:
            out = []
            for _ in range(runs):
                t = time.perf_counter()
                fn()  # type: ignore[operator]
                out.append(time.perf_counter() - t)
            return out

        all_live = timed(marks.all, args.runs)  # right after the adds, the WAL still full
        conn.close()
        conn = open_library(folder)  # as when the app starts
        marks = BookmarkStore(conn)
        all_only = timed(marks.all, args.runs)
        panel_t = timed(panel, args.runs)
        grouped_t = timed(marks.grouped, args.runs)
        backups = timed(lambda: backup_now(conn, folder / "backups", "bench"), 3)
        conn.close()
        size_mb = (folder / DB_NAME).stat().st_size / 1e6

        clean, unclean = [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            c = open_library(folder)
            clean.append(time.perf_counter() - t)
            c.close()  # clean: the next open may skip its check
            (folder / (DB_NAME + ".clean")).unlink()  # as after a crash
            t = time.perf_counter()
            c = open_library(folder)
            unclean.append(time.perf_counter() - t)
            c.close()
    print(
        json.dumps(
            {
                "benchmark": "bookmarks",
                "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "articles": args.articles,
                "bookmarks": len(adds),
                "library_mb": round(size_mb, 1),
                "add_median_ms": ms(statistics.median(adds)),
                "add_p95_ms": ms(adds[int(len(adds) * 0.95)]),
                "add_max_ms": ms(adds[-1]),
                "load_all_right_after_adds_median_ms": ms(statistics.median(all_live)),
                "load_all_median_ms": ms(statistics.median(all_only)),
                "load_all_group_titles_median_ms": ms(statistics.median(panel_t)),
                "grouped_median_ms": ms(statistics.median(grouped_t)),
                "open_after_clean_close_median_ms": ms(statistics.median(clean)),
                "open_after_unclean_close_median_ms": ms(statistics.median(unclean)),
                "backup_now_median_ms": ms(statistics.median(backups)),
                "import": import_bench(args.bookmarks),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
