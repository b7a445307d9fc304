"""Search on a generated library: size of the index, import rate with it, query times. Prints JSON.

    uv run python benchmarks/search_bench.py --n 100000 [--keep DIR]

Writes N synthetic ~2 KB articles (import_bench.make_article) as files, one in
a thousand with a planted Traditional phrase, imports them as `reader import`
does (index included), then times queries of 1, 2, 3 and 6 characters,
common and rare, in both scripts: the first page (50 results, no count) and,
apart, the count. `--keep DIR` keeps the library (and reuses it next time).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from import_bench import make_article

PLANT = "臺灣鑫堃研究會議"  # Traditional; queried in Simplified below
QUERIES = {
    "1 common": "的",
    "1 rare": "鑫",
    "2 common": "坚持",
    "2 medium (trad)": "幹部",
    "2 rare": "鑫堃",
    "3 common": "稳中求",
    "3 rare (trad query)": "臺湾鑫",
    "3 none": "喆喆喆",
    "6 common": "坚持稳中求进",
    "6 rare": "台湾鑫堃研究",
    "6 none": "铁价严斯京识",
    "two terms": "台湾 会议",
}


def build(folder: Path, n: int) -> dict[str, object]:
    from reader.chinese import Converters
    from reader.chinese.folding import Folder
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library
    from reader.library.ingest import import_paths

    files = folder / "articles"
    files.mkdir(parents=True)
    rng = random.Random(n)
    for i in range(n):
        text = make_article(i, rng)
        if i % 1000 == 7:
            text = text.replace("坚持稳中求进", PLANT + "。坚持稳中求进")
        (files / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    converters = Converters()
    store = ArticleStore(open_library(folder / "lib"), Folder(converters))
    start = time.perf_counter()
    report = import_paths([files], Importer(converters), store)
    seconds = time.perf_counter() - start
    assert not report.failures and report.added == n, report
    store.conn.close()
    for f in files.iterdir():
        f.unlink()
    files.rmdir()
    return {"seconds": round(seconds, 1), "articles_per_second": round(n / seconds)}


def size(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    from reader.library.stored_text import unpack, unpack_blocks

    # The article text: each original as UTF-8, however the library keeps it.
    text = sum(
        len(unpack(original, unpack_blocks(blocks)).encode("utf-8"))
        for blocks, original in conn.execute("SELECT blocks, original_text FROM articles")
    )
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    try:
        index = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'").fetchone()[
            0
        ]
    except sqlite3.Error:
        index = None
    conn.close()
    total = path.stat().st_size
    return {
        "text_mb": round(text / 1e6, 1),
        "database_mb": round(total / 1e6, 1),
        "ratio": round(total / text, 2),
        "index_mb": None if index is None else round(index / 1e6, 1),
        "ratio_without_index": None if index is None else round((total - index) / text, 2),
        "page_size": page,
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 1)


def time_queries(path: Path, runs: int) -> dict[str, object]:
    from reader.chinese import Converters
    from reader.chinese.folding import Folder
    from reader.library import ArticleStore, open_library
    from reader.library.search import Searcher

    store = ArticleStore(open_library(path.parent))
    searcher = Searcher(store.conn, Folder(Converters()))
    searcher.search("预热")  # the folding's first use builds OpenCC
    out = {}
    for name, query in QUERIES.items():
        page, counted = [], []
        total = 0
        for _ in range(runs):
            t = time.perf_counter()
            result = searcher.search(query, limit=50, count=False)
            page.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            total = searcher.search(query, limit=50).total or 0
            counted.append((time.perf_counter() - t) * 1000)
        out[name] = {
            "query": query,
            "total": total,
            "first_page": len(result.hits),
            "page_p95_ms": p95(page),
            "page_median_ms": round(statistics.median(page), 1),
            "with_count_p95_ms": p95(counted),
        }
    store.conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        imported = None
        if not (folder / "lib" / "library.sqlite3").exists():
            imported = build(folder, args.n)
        path = folder / "lib" / "library.sqlite3"
        result = {
            "benchmark": "search",
            "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(),
            "articles": args.n,
            "import": imported,
            "size": size(path),
            "queries": time_queries(path, args.runs),
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
