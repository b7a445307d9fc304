"""Hostile lines through the parsers, and deep section chains through `reader list`.

    uv run python benchmarks/hostile_input_bench.py [--n 20000 200000]

Prints JSON: for each case and size, the best of three runs in milliseconds, and the
growth from one size to the next (linear work grows about as the size does).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.importers.html import parse_html
from reader.importers.markdown import parse_markdown
from reader.importers.text import parse_text

CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "text: first line of spaces": (parse_text, lambda n: "首页" + " " * n + "新闻\n正文。\n"),
    "text: editor line of spaces": (
        parse_text,
        lambda n: "标题\n\n正文。\n（责编：王" + " " * n + "李\n",
    ),
    "text: breadcrumb of n levels": (
        parse_text,
        lambda n: "首页" + " > 甲" * n + "\n标题\n\n正文。\n",
    ),
    # A page's author, address and bylines (reader.importers.names, html_meta).
    "html: author of spaces": (
        parse_html,
        lambda n: f'<meta name="author" content="王{" " * n}明：x"><p>正文。</p>',
    ),
    "html: canonical address n long": (
        parse_html,
        lambda n: f'<link rel="canonical" href="http://{"a." * (n // 2)}cn/"><p>正文。</p>',
    ),
    "html: brackets closing a paragraph": (
        parse_html,
        lambda n: "<p>" + "（記者" * (n // 3) + "）</p>",
    ),
    "md: heading of spaces": (parse_markdown, lambda n: "# 标题" + " " * n + "x\n"),
    "md: front matter comment": (
        parse_markdown,
        lambda n: "---\ntitle: 标题" + " " * n + "x\n---\n正文\n",
    ),
    "md: front matter list": (
        parse_markdown,
        lambda n: "---\nsection: [甲" + " " * n + "乙, 丙]\n---\n正文\n",
    ),
    "md: backticks": (parse_markdown, lambda n: "正文" + "`" * n + "\n"),
    "md: escaped brackets": (parse_markdown, lambda n: "[\\]" * (n // 3) + "\n"),
    "md: empty tags": (parse_markdown, lambda n: "<b> " * (n // 4) + "x\n"),
    "md: link of spaces": (parse_markdown, lambda n: "[a](" + " " * n + "b\n"),
}


def _best_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return round(min(times) * 1000, 2)


def _list_deep(depth: int) -> float:
    from tests.deep_library import write_deep_library

    from reader.cli import main as reader

    with tempfile.TemporaryDirectory() as tmp:
        write_deep_library(Path(tmp), depth).close()

        def listing() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                reader(["--library", tmp, "list"])

        return _best_ms(listing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--depth", type=int, nargs="+", default=[30_000, 300_000])
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    for name, (parse, build) in CASES.items():
        row: dict[str, float] = {}
        for n in args.n:
            text = build(n)
            row[str(n)] = _best_ms(lambda parse=parse, text=text: parse(text))  # type: ignore[misc]
        results[name] = row
    results["reader list: section chain of n levels"] = {str(d): _list_deep(d) for d in args.depth}
    for row in results.values():
        values = list(row.values())
        row["growth"] = round(values[-1] / max(values[0], 0.01), 1)
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main()
