"""What sharing a library costs: a command's open beside the app, and the file guard.

    uv run python benchmarks/shared_library_bench.py --n 20000

Prints JSON:
- open_ms: opening and closing the library in a fresh process (what every
  `reader` command pays), median of --runs, alone and while another process
  holds the library open as the app does; and quick_check_ms, what each of those
  opens paid before Reader recorded open sessions (the check ran whenever any
  connection had left a -wal, so at every command beside the app);
- guard_us_per_open: the cost of reader.library.owner's audit hook per Python
  file open, with a library held (hook active) against a process that never
  opened one (no hook), measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

OPEN_ONCE = """
import sys, time
from pathlib import Path
t = time.perf_counter()
from reader.library import open_library
conn = open_library(Path(sys.argv[1]))
conn.close()
print((time.perf_counter() - t) * 1000)
"""

HOLD = """
import sys
from pathlib import Path
from reader.library import open_library
conn = open_library(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.readline()
"""

OPENS = """
import sys, time
from pathlib import Path
if sys.argv[2] == "held":
    from reader.library import open_library
    conn = open_library(Path(sys.argv[1]))
probe = Path(sys.argv[1]) / "probe.txt"
probe.write_text("x")
t = time.perf_counter()
for _ in range(20000):
    with open(probe, "rb") as fh:
        fh.read(1)
print((time.perf_counter() - t) / 20000 * 1e6)
"""


def _run(code: str, *args: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def _opens(folder: Path, runs: int) -> float:
    return statistics.median(_run(OPEN_ONCE, str(folder)) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000, help="articles in the library")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from synthetic import fill_library

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "lib"
        fill_library(folder, args.n)
        size_mb = (folder / "library.sqlite3").stat().st_size / 1e6
        alone = _opens(folder, args.runs)
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        beside = _opens(folder, args.runs)
        raw = sqlite3.connect(folder / "library.sqlite3")
        checks = []
        for _ in range(args.runs):
            t = time.perf_counter()
            raw.execute("PRAGMA quick_check").fetchall()
            checks.append((time.perf_counter() - t) * 1000)
        raw.close()
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait()
        no_hook = statistics.median(_run(OPENS, str(folder), "none") for _ in range(3))
        hook = statistics.median(_run(OPENS, str(folder), "held") for _ in range(3))
    print(
        json.dumps(
            {
                "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "articles": args.n,
                "library_mb": round(size_mb, 1),
                "open_ms": {"alone": round(alone, 1), "beside_the_app": round(beside, 1)},
                "quick_check_ms": round(statistics.median(checks), 1),
                "file_open_us": {"no_library_held": round(no_hook, 2), "held": round(hook, 2)},
                "guard_us_per_open": round(hook - no_hook, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
