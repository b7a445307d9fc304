"""`reader list --json` on a big library, as a process. Prints JSON.

    uv run python benchmarks/list_bench.py [--articles 100000] [--runs 3] [--library DIR]

- reader: `reader --library DIR list --json > /dev/null`, wall time of the process.
- baseline: a bare Python process that reads the same (id, title, published) of
  every article with sqlite3 and writes them with json.dumps (C encoder, no
  indent): what reading and printing the data costs at least.
Alternating, median of --runs; ratio = reader ÷ baseline. Without --library a
library of --articles generated articles is built first (~1,000 a second).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BARE = """
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute("SELECT section_id, id, title, published FROM articles").fetchall()
sys.stdout.write(json.dumps(rows, ensure_ascii=False))
"""


def timed(command: list[str]) -> float:
    # As on a user's machine, modules load from cached bytecode.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start


def measure(library: Path, runs: int) -> dict[str, object]:
    commands = {
        "reader": [sys.executable, "-m", "reader", "--library", str(library), "list", "--json"],
        "baseline": [sys.executable, "-c", BARE, str(library / "library.sqlite3")],
    }
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            times[key].append(timed(command))
    reader, bare = (statistics.median(times[key]) for key in ("reader", "baseline"))
    return {"reader_s": round(reader, 2), "baseline_s": round(bare, 2),
            "ratio": round(reader / bare, 2)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--library", type=Path)
    args = parser.parse_args()
    report: dict[str, object] = {
        "benchmark": "list --json",
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        "python": platform.python_version(),
    }
    if args.library is not None:
        report |= measure(args.library, args.runs)
    else:
        from synthetic import fill_library

        with tempfile.TemporaryDirectory() as tmp:
            library = Path(tmp, "lib")
            fill_library(library, args.articles)
            report |= measure(library, args.runs)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
