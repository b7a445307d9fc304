"""File → Article: the importers.

Names are loaded on first use (PEP 562), so that a command that needs only the
file rules or the decoder (`reader convert`) does not load the parsers (lxml,
the Markdown and text parsers): tens of milliseconds of every start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.importers.files import MAX_FILE_BYTES, ImportFailure, read_file
    from reader.importers.folders import FOLDER_EXTENSIONS, Candidate, collect
    from reader.importers.importer import Importer

__all__ = [
    "FOLDER_EXTENSIONS",
    "MAX_FILE_BYTES",
    "Candidate",
    "ImportFailure",
    "Importer",
    "collect",
    "read_file",
]

_WHERE = {
    "FOLDER_EXTENSIONS": "reader.importers.folders",
    "Candidate": "reader.importers.folders",
    "collect": "reader.importers.folders",
    "MAX_FILE_BYTES": "reader.importers.files",
    "ImportFailure": "reader.importers.files",
    "read_file": "reader.importers.files",
    "Importer": "reader.importers.importer",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
