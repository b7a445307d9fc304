"""Why Markdown is not parsed by Python-Markdown: time on hostile input. Prints JSON.

    uv run python benchmarks/markdown_parsers_bench.py [--units 2000] [--cap 30]

Issue 10 asked to render Markdown with Python-Markdown (already a dependency) and
retire Reader's own parser unless a measured reason keeps it. This measures the
reason: for each hostile input of tests/unit/test_linear_parsing.py (a few KB to
tens of KB, the kind a damaged or malicious file holds), the time Reader's parser
(reader.importers.markdown.parse_markdown, front matter to blocks) and
Python-Markdown's ``markdown.Markdown(extensions=["fenced_code"]).convert`` (to
HTML only, before any of Reader's steps) take on the same text. Python-Markdown
runs in a child process killed after --cap seconds; a killed run is reported as
``">cap"``. Inputs are built at --units and at 10x --units, so the growth shows.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.unit.test_linear_parsing import MARKDOWN_CASES  # noqa: E402

_CHILD = """
import sys, time, markdown
text = sys.stdin.read()
md = markdown.Markdown(extensions=["fenced_code"])
start = time.perf_counter()
md.convert(text)
print(time.perf_counter() - start)
"""


def python_markdown_seconds(text: str, cap: float) -> float | str:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=text,
            capture_output=True,
            text=True,
            timeout=cap,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return f">{cap:g}"
    return round(float(done.stdout), 4)


def reader_seconds(text: str) -> float:
    from reader.importers.markdown import parse_markdown

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parse_markdown(text)
        best = min(best, time.perf_counter() - start)
    return round(best, 4)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--cap", type=float, default=30.0)
    args = parser.parse_args()
    cases = {}
    for name, build in MARKDOWN_CASES.items():
        row = {}
        for label, n in (("1x", args.units), ("10x", 10 * args.units)):
            text = build(n)
            row[label] = {
                "chars": len(text),
                "reader_s": reader_seconds(text),
                "python_markdown_s": python_markdown_seconds(text, args.cap),
            }
        cases[name] = row
        print(name, row, file=sys.stderr, flush=True)
    print(
        json.dumps(
            {
                "benchmark": "markdown_parsers",
                "date": date.today().isoformat(),
                "machine": f"{platform.machine()}, {platform.python_version()}",
                "cap_s": args.cap,
                "cases": cases,
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
