"""First run: an empty library is given the bundled sample articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.chinese import Converters
from reader.library import ArticleStore
from reader.resources import resource_path

if TYPE_CHECKING:
    from reader.importers import ImportFailure

SAMPLES_SECTION = ("Samples",)


@dataclass
class SampleImport:
    ids: list[str] = field(default_factory=list)  # in file-name order; the first opens first
    failures: list[ImportFailure] = field(default_factory=list)


def import_samples_if_empty(store: ArticleStore, converters: Converters) -> SampleImport:
    """Import resources/samples when the library has no article."""
    result = SampleImport()
    folder = resource_path("samples")
    if store.read_only or not store.is_empty() or not folder.is_dir():
        return result
    from reader.importers import Importer, ImportFailure  # only on first run

    importer = Importer(converters)
    for path in sorted(folder.glob("*.txt")):
        try:
            article = importer.parse_file(path)
            store.add(article, SAMPLES_SECTION)
            result.ids.append(article.id)
        except ImportFailure as failure:
            result.failures.append(failure)
    return result
