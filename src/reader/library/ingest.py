"""Importing many files into the library: one transaction per file, failures collected."""

from __future__ import annotations

import itertools
import logging
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.domain import Article
from reader.importers import Candidate, Importer, ImportFailure, collect
from reader.importers.formats import HTML_EXTENSIONS, MHTML_EXTENSIONS
from reader.importers.pool import POOL_MIN_FILES, default_workers, parse_in_pool
from reader.library.articles import ArticleStore, Stored
from reader.library.db import LibraryError
from reader.library.prepare import Prepared

log = logging.getLogger(__name__)

PAGE_EXTENSIONS = HTML_EXTENSIONS | MHTML_EXTENSIONS


@dataclass
class ImportReport:
    # Counts, not lists of ids: memory stays flat however many files come in.
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    last_id: str | None = None  # the last article stored, to show it

    @property
    def stored(self) -> int:
        return self.added + self.updated + self.unchanged


def _parsed(
    paths: Iterable[Path], importer: Importer, report: ImportReport, workers: int | None
) -> Generator[tuple[Candidate, Article | Prepared | ImportFailure], None, None]:
    """Each file to import with its Article or failure, in order: parsed here for a
    few files, by a pool of processes for many (reader.importers.pool), which also
    prepare them for storing (reader.library.prepare)."""

    def files() -> Iterator[Candidate]:
        for item in collect(paths):
            if isinstance(item, ImportFailure):
                report.failures.append(item)
            else:
                yield item

    found = files()
    head = list(itertools.islice(found, POOL_MIN_FILES))
    workers = default_workers() if workers is None else workers
    # Web pages cost tens of milliseconds each to read, text files a fraction of one:
    # for text, sending each article back from a worker costs more than parsing it
    # here (measured: 2.6 times slower through the pool, benchmarks/folder_import_bench.py).
    pages = sum(item.path.suffix.lower() in PAGE_EXTENSIONS for item in head)
    if workers > 1 and len(head) == POOL_MIN_FILES and pages * 4 >= len(head):
        for item, result in parse_in_pool(
            itertools.chain(head, found), workers, prepare="reader.library.prepare:preparer"
        ):
            assert isinstance(result, (Article, Prepared, ImportFailure))
            yield item, result
        return
    for item in itertools.chain(head, found):
        try:
            yield item, importer.parse_file(item.path)
        except ImportFailure as failure:
            yield item, failure


def import_paths(
    paths: Iterable[Path],
    importer: Importer,
    store: ArticleStore,
    progress: Callable[[int, Path], bool] | None = None,
    workers: int | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Import files and folders. A bad file is reported and the rest go on.

    `progress(done, path)` is called after each file is parsed, before it is stored;
    returning False cancels (what was stored so far stays: each file is its own
    transaction). `workers`: processes that parse a large folder (None: one per
    core; 1: all in this process). `report`, if given, is filled as the import goes
    (failures show while it runs) and returned.
    """
    report = ImportReport() if report is None else report
    parsed = _parsed(paths, importer, report, workers)
    try:
        for done, (item, article) in enumerate(parsed):
            if progress is not None and not progress(done, item.path):
                report.cancelled = True
                break
            if isinstance(article, ImportFailure):
                report.failures.append(article)
                continue
            _store(article, item, store, report)
    finally:
        parsed.close()  # a cancelled import stops the workers
    if report.added or report.updated:
        try:  # searches need not scan what waits; it is searchable either way
            store.flush_index()
        except (LibraryError, sqlite3.Error) as exc:  # the next import or store flushes them
            log.warning("pending articles not written to the search index: %s", exc)
    return report


def _store(
    parsed: Article | Prepared, item: Candidate, store: ArticleStore, report: ImportReport
) -> None:
    if isinstance(parsed, Prepared):
        article, prepared = parsed.article, parsed
    else:
        article, prepared = parsed, None
    try:
        outcome = store.add(article, item.fallback_section, prepared)
    except (LibraryError, sqlite3.Error) as exc:
        report.failures.append(ImportFailure(str(item.path), f"could not be stored: {exc}"))
        return
    if outcome is Stored.ADDED:
        report.added += 1
    elif outcome is Stored.UPDATED:
        report.updated += 1
    else:
        report.unchanged += 1
    report.last_id = article.id
