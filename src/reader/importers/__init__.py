"""File → Article. Reads bytes, decodes them, parses them; raises only ImportFailure."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.chinese import Converters, ScriptDetector
from reader.domain import Article, fingerprint
from reader.importers.decode import DecodeError, decode_bytes
from reader.importers.markdown import has_front_matter, parse_markdown
from reader.importers.text import Patterns, default_patterns, parse_text

# Articles are text; a "text" file this big is a mistake or not an article,
# and reading it would stall an import. Documented in docs/cli.md.
MAX_FILE_BYTES = 20 * 1024 * 1024

# Extensions picked up when importing a folder. Files named one by one are
# read whatever their extension.
FOLDER_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})

_HTML_START = (b"<!doctype html", b"<html", b"<?xml")


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


class ImportFailure(Exception):
    """A file that could not be imported; str() is one line naming it and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Candidate:
    """A file to import and the section it falls back to if it names none."""

    path: Path
    fallback_section: tuple[str, ...]


def collect(paths: Iterable[Path]) -> Iterator[Candidate | ImportFailure]:
    """Expand files and folders (recursively) into import candidates.

    A file found in a folder falls back to that folder's section: the
    imported folder's name, then the sub-folders down to the file.
    """
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            # os.walk, one folder at a time, sorted: memory stays flat however
            # many files a tree holds.
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                rel = Path(folder).relative_to(root).parts
                for name in sorted(files):
                    found = Path(folder, name)
                    if found.suffix.lower() in FOLDER_EXTENSIONS and found.is_file():
                        yield Candidate(found, (root.name or str(root), *rel))
        elif path.is_file():
            yield Candidate(path, ())
        elif path.exists():
            yield ImportFailure(str(path), "not a regular file")
        else:
            yield ImportFailure(str(path), "no such file or folder")


class Importer:
    """Turns files and bytes into Articles."""

    def __init__(self, converters: Converters, patterns: Patterns | None = None) -> None:
        self._detector = ScriptDetector(converters)
        self._patterns = patterns

    def parse_file(self, path: Path) -> Article:
        name = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ImportFailure(name, f"file is larger than the {_size(MAX_FILE_BYTES)} limit")
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFailure(name, f"cannot be read ({exc.strerror or exc})") from exc
        return self.parse_bytes(data, origin=path)

    def parse_bytes(self, data: bytes, origin: Path | None = None) -> Article:
        name = str(origin) if origin is not None else "<input>"
        if len(data) > MAX_FILE_BYTES:
            raise ImportFailure(name, f"file is larger than the {_size(MAX_FILE_BYTES)} limit")
        if data.lstrip()[:16].lower().startswith(_HTML_START):
            raise ImportFailure(name, "HTML pages cannot be imported yet; save the page as text")
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            raise ImportFailure(name, str(exc)) from exc
        return self.parse_str(decoded.text, origin)

    def parse_str(self, text: str, origin: Path | None = None) -> Article:
        name = str(origin) if origin is not None else "<input>"
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
            title = origin.stem if origin is not None else parsed.blocks[0].text[:30]
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
            origin_path=str(origin.resolve()) if origin is not None else None,
            original_text=text,
        )
