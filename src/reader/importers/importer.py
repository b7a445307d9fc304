"""The Importer: file → Article. Reads bytes, decodes them, parses them; raises
only ImportFailure."""

from __future__ import annotations

from pathlib import Path

from reader.chinese import Converters, ScriptDetector
from reader.domain import Article, fingerprint
from reader.importers.boilerplate import ParsedText
from reader.importers.decode import DecodeError, decode_bytes
from reader.importers.files import (
    MAX_FILE_BYTES,
    ImportFailure,
    display_path,
    read_file,
    readable_name,
    too_big,
)
from reader.importers.formats import MARKDOWN_EXTENSIONS, Format, sniff
from reader.importers.markdown import has_front_matter, parse_markdown
from reader.importers.text import Patterns, default_patterns, parse_text


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
        kind = sniff(data, origin.suffix if origin is not None else "")
        if kind in (Format.HTML, Format.MHTML):
            return self._parse_page(data, kind, origin)
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            raise ImportFailure(name, str(exc)) from exc
        return self.parse_str(decoded.text, origin, markdown=kind is Format.MARKDOWN)

    def _parse_page(self, data: bytes, kind: Format, origin: Path | None) -> Article:
        from reader.importers.html import PageRefused, parse_html
        from reader.importers.html_tree import decode_page
        from reader.importers.mhtml import unwrap

        name = display_path(origin) if origin is not None else "<input>"
        try:
            charset = None
            if kind is Format.MHTML:
                data, charset = unwrap(data)
            text = decode_page(data, charset).text
            parsed = parse_html(text, self._patterns or default_patterns())
        except PageRefused as exc:
            raise ImportFailure(name, str(exc)) from exc
        # A page's identity is its article, not its markup: the same page saved again
        # (another date in the "saved from" comment, other ads) or as a single-file
        # archive is the same article.
        return self._article(parsed, origin, text, identity=None)

    def parse_str(self, text: str, origin: Path | None = None, markdown: bool = False) -> Article:
        # Markdown by its name, or by the front matter our own exports start with
        # (whatever the file is called); everything else is text.
        markdown = markdown or (origin is not None and origin.suffix.lower() in MARKDOWN_EXTENSIONS)
        if markdown or has_front_matter(text):
            parsed = parse_markdown(text)
        else:
            parsed = parse_text(text, self._patterns or default_patterns())
        return self._article(parsed, origin, text, identity=text)

    def _article(
        self, parsed: ParsedText, origin: Path | None, text: str, identity: str | None
    ) -> Article:
        name = display_path(origin) if origin is not None else "<input>"
        if not parsed.blocks and parsed.title is None:
            raise ImportFailure(name, "no readable text in the file")
        title = parsed.title
        if title is None:
            title = readable_name(origin.stem) if origin is not None else parsed.blocks[0].text[:30]
        body = "\n".join([title, *(b.text for b in parsed.blocks)])
        return Article(
            id=fingerprint(identity if identity is not None else body),
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
            site=parsed.site,
        )
