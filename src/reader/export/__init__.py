"""Export an article to a file: Markdown, HTML, text, PDF, Word."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from reader.export.atomic import ExportCancelled, ExportError, write_atomic
from reader.export.options import (
    EXTENSIONS,
    ExportDocument,
    ExportLabels,
    ExportNote,
    ExportOptions,
    prepare,
)

__all__ = [
    "EXTENSIONS",
    "ExportCancelled",
    "ExportDocument",
    "ExportError",
    "ExportLabels",
    "ExportNote",
    "ExportOptions",
    "export_article",
    "export_bytes",
    "prepare",
]


def _bytes_of(doc: ExportDocument) -> bytes:
    # Each writer is imported when its format is asked for: python-docx costs
    # ~150 ms to load, and none of these four ever loads Qt.
    if doc.format == "md":
        from reader.export.markdown import render_markdown

        return render_markdown(doc).encode("utf-8")
    if doc.format == "html":
        from reader.export.html import render_html

        return render_html(doc).encode("utf-8")
    if doc.format == "txt":
        from reader.export.text import text_bytes

        return text_bytes(doc)
    if doc.format == "docx":
        from reader.export.docx import docx_bytes

        return docx_bytes(doc)
    raise ExportError(f"unknown export format {doc.format!r}")


def export_bytes(doc: ExportDocument) -> bytes:
    """The file's bytes in its format, written nowhere (`reader export … -o -`).
    ExportError, one line, if they cannot be made."""
    if doc.format == "pdf":
        from reader.export.pdf import render_pdf

        try:
            return render_pdf(doc)
        except ExportError:
            raise
        except Exception as exc:  # fpdf2, a damaged font: one line for the user
            raise ExportError(f"the PDF could not be made ({exc})") from exc
    return _bytes_of(doc)


def _always(_done: float) -> bool:
    return True


def export_article(
    doc: ExportDocument,
    path: Path,
    overwrite: bool = False,
    progress: Callable[[float], bool] = _always,
) -> Path:
    """Write `doc` to `path` in its format, atomically; returns the path written.

    `progress` is told how far the export is (0.0–1.0) and cancels it by answering
    False: ExportCancelled, and nothing is written. FileExistsError if `path` exists
    and `overwrite` is False (the caller asks); ExportError, one line naming the
    file, for anything else.
    """
    if not progress(0.0):
        raise ExportCancelled
    if doc.format == "pdf":
        # Loaded only when asked for (the writer draws with fpdf2, never with Qt).
        try:
            module = importlib.import_module("reader.export.pdf")
        except ImportError as exc:
            raise ExportError("PDF export is not available") from exc
        write_pdf: Callable[..., None] = module.write_pdf
        write_pdf(doc, path, overwrite, progress)
        return path
    data = _bytes_of(doc)
    if not progress(0.9):
        raise ExportCancelled
    write_atomic(path, data, overwrite=overwrite)
    progress(1.0)
    return path
