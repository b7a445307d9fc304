"""A large folder is parsed by a pool of processes: the same library, the same failures."""

from __future__ import annotations

from pathlib import Path

from reader.chinese import Converters
from reader.importers import Importer
from reader.importers.pool import POOL_MIN_FILES
from reader.library import ArticleStore, open_library
from reader.library.ingest import import_paths
from tests.unit.test_saved_pages import PAGE


def test_a_large_folder_imports_the_same_with_the_pool(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(POOL_MIN_FILES + 20):
        # Saved pages: only a folder of pages goes to the pool (text parses faster here
        # than a worker can send it back).
        (folder / f"{i:04d}.html").write_text(
            f"<html><head><title>第{i}篇</title></head><body><h1>第{i}篇</h1>"
            f"<p>正文第{i}段，{'调查研究作为重要抓手，' * 4}</p></body></html>",
            encoding="utf-8",
        )
    (folder / "page.html").write_bytes(PAGE.encode("gb18030"))
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 500 + "</body></html>")
    (folder / "empty.txt").write_bytes(b"")
    importer = Importer(Converters())
    results = []
    for workers in (1, 2):
        store = ArticleStore(open_library(tmp_path / f"lib{workers}"))
        seen: list[int] = []

        def progress(done: int, _path: Path, seen: list[int] = seen) -> bool:
            seen.append(done)
            return True

        report = import_paths([folder], importer, store, progress, workers)
        listing = sorted(
            (a.title, a.published) for s in store.sections() for a in store.articles_in(s.id)
        )
        results.append((report.added, sorted(str(f) for f in report.failures), listing))
        assert seen == list(range(POOL_MIN_FILES + 23))  # every file, in order
        store.conn.close()
    assert results[0] == results[1]
    added, failures, _ = results[1]
    assert added == POOL_MIN_FILES + 21
    assert [f.split(": ", 1)[1] for f in failures] == [
        "nested deeper than the limit of 100 levels",
        "empty file",
    ]
