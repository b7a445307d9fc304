"""Importing many files into the library: one transaction per file, failures collected."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.importers import Importer, ImportFailure, collect
from reader.library.articles import ArticleStore, Stored
from reader.library.db import LibraryError


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


def import_paths(
    paths: Iterable[Path],
    importer: Importer,
    store: ArticleStore,
    progress: Callable[[int, Path], bool] | None = None,
) -> ImportReport:
    """Import files and folders. A bad file is reported and the rest go on.

    `progress(done, path)` is called before each file; returning False cancels
    (what was stored so far stays: each file is its own transaction).
    """
    report = ImportReport()
    for done, item in enumerate(collect(paths)):
        if isinstance(item, ImportFailure):
            report.failures.append(item)
            continue
        if progress is not None and not progress(done, item.path):
            report.cancelled = True
            break
        try:
            article = importer.parse_file(item.path)
            outcome = store.add(article, item.fallback_section)
        except ImportFailure as failure:
            report.failures.append(failure)
            continue
        except (LibraryError, sqlite3.Error) as exc:
            report.failures.append(ImportFailure(str(item.path), f"could not be stored: {exc}"))
            continue
        if outcome is Stored.ADDED:
            report.added += 1
        elif outcome is Stored.UPDATED:
            report.updated += 1
        else:
            report.unchanged += 1
        report.last_id = article.id
    return report
