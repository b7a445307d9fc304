"""Importing folders: plain text against a bare baseline, and saved pages. Prints JSON.

    uv run python benchmarks/folder_import_bench.py --text 20000 --pages 5000

- text: N synthetic ~2 KB people.com.cn-style text files (benchmarks/import_bench.py).
  The bare baseline reads each file, decodes it (reader.importers.decode), hashes it
  (SHA-256) and inserts it into a plain table of a library opened by open_library
  (same SQLite settings: WAL, synchronous NORMAL, one BEGIN IMMEDIATE transaction
  per file). Reader's import runs on the same files, in the same process, with the
  runs alternating, so the ratio is side by side.
- pages: N saved pages made by copying the corpus's HTML pages (../shared/corpus,
  never into the project) under new names into a temporary folder, each with a
  unique comment so that every page is a new article; imported with one process and
  with the pool (both cores), peak memory of each run in its own child process.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import make_article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _bare(folder: Path, library: Path) -> float:
    from reader.importers.decode import decode_bytes
    from reader.library import open_library
    from reader.library.writes import write

    conn = open_library(library)
    conn.execute("CREATE TABLE IF NOT EXISTS bare (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
    start = time.perf_counter()
    for path in sorted(folder.iterdir()):
        text = decode_bytes(path.read_bytes()).text
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        with write(conn):
            conn.execute("INSERT OR REPLACE INTO bare VALUES (?, ?)", (digest, text))
    took = time.perf_counter() - start
    conn.close()
    return took


def _reader(folder: Path, library: Path, workers: int | None) -> float:
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library
    from reader.library.ingest import import_paths

    store = ArticleStore(open_library(library))
    importer = Importer(Converters())
    start = time.perf_counter()
    report = import_paths([folder], importer, store, workers=workers)
    took = time.perf_counter() - start
    assert not report.failures, report.failures[:3]
    store.conn.close()
    return took


def text_run(n: int, rounds: int) -> dict[str, object]:
    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        for i in range(n):
            Path(folder, f"{i:06d}.txt").write_bytes(make_article(i, rng).encode("utf-8"))
        bare, one, pool = [], [], []
        for r in range(rounds):
            bare.append(_bare(folder, Path(tmp, f"bare{r}")))
            one.append(_reader(folder, Path(tmp, f"one{r}"), workers=1))
            pool.append(_reader(folder, Path(tmp, f"pool{r}"), workers=None))
    b, o, p = min(bare), min(one), min(pool)
    return {
        "files": n,
        "bare_seconds": round(b, 2),
        "bare_per_second": round(n / b),
        "reader_one_process_seconds": round(o, 2),
        "reader_one_process_ratio": round(o / b, 2),
        "reader_seconds": round(p, 2),
        "reader_per_second": round(n / p),
        "reader_ratio": round(p / b, 2),
    }


def _pages_folder(n: int, where: Path) -> Path:
    pages = sorted(CORPUS.glob("*/html/*.html")) + sorted(CORPUS.glob("*/original/*.html"))
    folder = where / "pages"
    folder.mkdir()
    for i in range(n):
        source = pages[i % len(pages)]
        data = source.read_bytes()
        # A different comment at the end: another file, the same article text. Each
        # copy of a page is the same article, so every N imports len(pages) articles
        # and refreshes the rest, which is the work of a real re-import.
        target = folder / f"{i:05d}-{source.name}"
        target.write_bytes(data + f"\n<!-- copy {i} -->\n".encode())
    return folder


def pages_child(n: int, workers: int | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = _pages_folder(n, Path(tmp))
        took = _reader(folder, Path(tmp, "lib"), workers)
    return {
        "pages": n,
        "workers": workers or "pool",
        "seconds": round(took, 2),
        "pages_per_second": round(n / took, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text", type=int, nargs="*", default=[5000])
    parser.add_argument("--pages", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        n, workers = int(args.child[0]), int(args.child[1])
        print(json.dumps(pages_child(n, workers or None)))
        return
    out: dict[str, object] = {
        "benchmark": "folder_import",
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "text": [text_run(n, args.rounds) for n in args.text],
    }
    runs = []
    if CORPUS.is_dir():
        for n in args.pages:
            for workers in (1, 0):
                done = subprocess.run(
                    [sys.executable, __file__, "--child", str(n), str(workers)],
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
                runs.append(json.loads(done.stdout))
    out["pages"] = runs
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
