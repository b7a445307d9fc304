"""Word export time for long articles (reader.export.docx, python-docx). Prints JSON.

    uv run python benchmarks/docx_bench.py [--paragraphs 4000 32000] [--runs 3]

For each N: an article of N blocks (every tenth a heading), exported to .docx
plainly, with a note (a Word comment) on every fourth block, and bilingual
(Traditional | Simplified table, one row per block). Median of --runs exports,
written to a file with export_article as `reader export` does. `per_1000` is the
time per 1,000 blocks: flat as N grows when the export is linear.
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

from reader.chinese import Converters
from reader.chinese.convert import ScriptConverter, ScriptMode
from reader.domain import Article, Block, Bookmark, Script
from reader.export import ExportOptions, export_article, prepare

STAMP = "2024-05-01T08:00:00.000000Z"


def article(n: int) -> Article:
    blocks = tuple(
        Block.heading(f"第{i}節　堅持問題導向", 2)
        if i % 10 == 0
        else Block.paragraph(f"第{i}段：各級黨組織要把調查研究作為基本功，堅持問題導向，取得實效。")
        for i in range(n)
    )
    return Article(id="0123456789abcdef", title="長文", blocks=blocks, script=Script.TRADITIONAL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[4_000, 32_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    converter = ScriptConverter(Converters())
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.paragraphs:
            a = article(n)
            marks = [
                Bookmark(f"{i:032x}", a.id, i, a.blocks[i].text[:24], None, f"筆記{i}", "",
                         STAMP, STAMP)
                for i in range(0, n, 4)
            ]  # fmt: skip
            kinds = {
                "plain": prepare(a, ExportOptions("docx"), None),
                "notes": prepare(a, ExportOptions("docx", notes=True), None, [], marks),
                "bilingual": prepare(
                    a,
                    ExportOptions("docx", script=ScriptMode.SIMPLIFIED, bilingual=True),
                    converter,
                ),
            }
            row: dict[str, object] = {"paragraphs": n, "comments": len(marks)}
            for kind, doc in kinds.items():
                path = Path(tmp, f"{kind}-{n}.docx")
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    export_article(doc, path, overwrite=True)
                    times.append(time.perf_counter() - start)
                seconds = statistics.median(times)
                row[kind] = {
                    "seconds": round(seconds, 2),
                    "per_1000": round(seconds * 1000 / n, 3),
                    "kb": path.stat().st_size // 1024,
                }
            results.append(row)
    print(
        json.dumps(
            {
                "benchmark": "docx export",
                "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
                "python": platform.python_version(),
                "results": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
