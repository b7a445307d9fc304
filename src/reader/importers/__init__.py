"""File → Article. Reads bytes, decodes them, parses them; raises only ImportFailure."""

from __future__ import annotations

from pathlib import Path

from reader.chinese import Converters, ScriptDetector
from reader.domain import Article, fingerprint
from reader.importers.decode import DecodeError, decode_bytes
from reader.importers.files import (
    MAX_FILE_BYTES,
    ImportFailure,
    display_path,
    read_file,
    readable_name,
    too_big,
)
from reader.importers.folders import FOLDER_EXTENSIONS, Candidate, collect
from reader.importers.markdown import has_front_matter, parse_markdown
from reader.importers.text import Patterns, default_patterns, parse_text

__all__ = [
    "FOLDER_EXTENSIONS",
    "MAX_FILE_BYTES",
    "Candidate",
    "ImportFailure",
    "Importer",
    "collect",
    "read_file",
]

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})

_HTML_START = (b"<!doctype html", b"<html", b"<?xml")


class Importer:
    """Turns files and bytes into Articles."""

    def __init__(self, converters: Converters, patterns: Patterns | None = None) -> None:
        self._detector = ScriptDetector(converters)
        self._patterns = patterns

    def parse_file(self, path: Path) -> Article:
        # Regular files only, never more than the size limit (reader.importers.files).
        return self.parse_bytes(read_file(path), origin=path)

    def parse_bytes(self, data: bytes, origin: Path | None = None) -> Article:
        name = display_path(origin) if origin is not None else "<input>"
        if len(data) > MAX_FILE_BYTES:
            raise ImportFailure(name, too_big(MAX_FILE_BYTES))
        if data.lstrip()[:16].lower().startswith(_HTML_START):
            raise ImportFailure(name, "HTML pages cannot be imported yet; save the page as text")
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            raise ImportFailure(name, str(exc)) from exc
        return self.parse_str(decoded.text, origin)

    def parse_str(self, text: str, origin: Path | None = None) -> Article:
        name = display_path(origin) if origin is not None else "<input>"
        # Markdown by its name, or by the front matter our own exports start with
        # (whatever the file is called); everything else is text.
        is_markdown = origin is not None and origin.suffix.lower() in MARKDOWN_EXTENSIONS
        if is_markdown or has_front_matter(text):
            parsed = parse_markdown(text)
        else:
            parsed = parse_text(text, self._patterns or default_patterns())
        if not parsed.blocks and parsed.title is None:
            raise ImportFailure(name, "no readable text in the file")
        title = parsed.title
        if title is None:
            title = readable_name(origin.stem) if origin is not None else parsed.blocks[0].text[:30]
        body = "\n".join([title, *(b.text for b in parsed.blocks)])
        return Article(
            id=fingerprint(text),
            title=title,
            blocks=tuple(parsed.blocks),
            section_path=parsed.section_path,
            published=parsed.published,
            source=parsed.source,
            author=parsed.author,
            editors=parsed.editors,
            script=self._detector.detect(body),
            # Shown and stored as text: a name that is not UTF-8 gets U+FFFD.
            origin_path=display_path(origin.resolve()) if origin is not None else None,
            original_text=text,
        )
