"""What an export is asked for, and the one preparation every writer works from.

`prepare` applies the choices once — corrections, script conversion along the
article's own chain, metadata left out, bookmarks placed on blocks — and every
writer (Markdown, HTML, text, Word, PDF) renders the resulting ExportDocument.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.chinese.convert import ScriptMode, target_lang
from reader.domain import Article, Block, Bookmark, Script
from reader.export.sources import apply_corrections

if TYPE_CHECKING:
    from reader.chinese.convert import ScriptConverter
    from reader.library.corrections import Correction

EXTENSIONS: dict[str, str] = {
    "md": ".md",
    "html": ".html",
    "txt": ".txt",
    "pdf": ".pdf",
    "docx": ".docx",
}
PAGES = ("a4", "letter")


class CorrectionSource(Protocol):
    """Where accepted corrections are kept (reader.library.corrections.CorrectionStore)."""

    def accepted(self, article_id: str) -> list[Correction]: ...


@dataclass(frozen=True)
class ExportOptions:
    format: str  # one of EXTENSIONS
    script: ScriptMode = ScriptMode.ORIGINAL
    corrected: bool = False  # the audit fixes the user accepted, applied
    bilingual: bool = False  # the original and the exported script, block by block
    metadata: bool = True  # date, source, author, editors
    notes: bool = False  # bookmarks and their notes
    bom: bool = False  # txt: a UTF-8 BOM, for Windows tools that need one
    page: str = "a4"  # pdf and docx: "a4" or "letter"

    def __post_init__(self) -> None:
        if self.format not in EXTENSIONS:
            raise ValueError(f"unknown export format {self.format!r}")
        if self.page not in PAGES:
            raise ValueError(f"unknown page size {self.page!r}; use a4 or letter")

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


@dataclass(frozen=True)
class ExportNote:
    """A bookmark as exported: numbered in reading order, placed on a block."""

    number: int  # 1, 2, … — the footnote mark
    block: int | None  # index into the blocks; None: on the title (the whole article)
    quote: str  # the passage marked, in the exported script ("" for a whole article)
    text: str  # the user's note; "" for a bookmark without one


@dataclass(frozen=True)
class ExportLabels:
    """The few words an export adds of its own; the app passes translated ones."""

    original: str = "Original"  # bilingual: the first column or line
    converted: str = ""  # bilingual: the second; default: the exported script's name
    notes: str = "Notes"  # the notes appendix
    bookmark: str = "Bookmark"  # a bookmark with neither a note nor a quote

    def filled(self, converted: str) -> ExportLabels:
        return self if self.converted else dataclasses.replace(self, converted=converted)


@dataclass(frozen=True)
class ExportDocument:
    """Everything a writer needs; writers take this, never the raw article."""

    options: ExportOptions
    article: Article  # what is exported: corrected if asked, then converted
    original: Article  # the article as stored (bilingual's first side); same blocks
    lang: str  # BCP 47 tag of `article` (zh-Hans, zh-TW, zh-HK …)
    original_lang: str
    script_name: str  # the exported script as front matter names it: "taiwan", "traditional" …
    notes: tuple[ExportNote, ...] = ()
    labels: ExportLabels = ExportLabels()

    @property
    def format(self) -> str:
        return self.options.format

    @property
    def bilingual(self) -> bool:
        return self.options.bilingual

    def pairs(self) -> list[tuple[Block, Block]]:
        """(original, exported) block by block; conversion keeps blocks one to one."""
        return list(zip(self.original.blocks, self.article.blocks, strict=True))

    def notes_on(self, block: int | None) -> tuple[ExportNote, ...]:
        """The notes placed on a block (None: on the title), in number order."""
        return self._notes_by_block.get(block, ())

    @functools.cached_property
    def _notes_by_block(self) -> dict[int | None, tuple[ExportNote, ...]]:
        # Built once: every writer asks for each block's notes, and a scan of all the
        # notes per block made exports quadratic (32,000 paragraphs, 4,000 notes).
        by_block: dict[int | None, list[ExportNote]] = {}
        for note in self.notes:
            by_block.setdefault(note.block, []).append(note)
        return {block: tuple(notes) for block, notes in by_block.items()}

    def note_text(self, note: ExportNote) -> str:
        """What a footnote or appendix entry says: the passage quoted, then the note."""
        quoted = f"「{note.quote}」" if note.quote else ""
        return " ".join(p for p in (quoted, note.text) if p) or self.labels.bookmark


_SCRIPT_LABELS = {
    ScriptMode.SIMPLIFIED: "Simplified",
    ScriptMode.TRADITIONAL: "Traditional",
    ScriptMode.TAIWAN: "Traditional (Taiwan)",
    ScriptMode.TAIWAN_PHRASES: "Traditional (Taiwan phrasing)",
    ScriptMode.HONG_KONG: "Traditional (Hong Kong)",
}


def _without_metadata(article: Article) -> Article:
    # The section stays: it says where the article sits, not who or when.
    return dataclasses.replace(article, published=None, source=None, author=None, editors=())


def _anchor(bookmark: Bookmark, blocks: tuple[Block, ...]) -> int | None:
    """The block a bookmark sits on, found again by its quote if the index moved."""
    if bookmark.orphaned or bookmark.block is None:
        return None
    quote = bookmark.quote.strip()
    if 0 <= bookmark.block < len(blocks) and quote in blocks[bookmark.block].text:
        return bookmark.block
    if quote:
        found = next((i for i, b in enumerate(blocks) if quote in b.text), None)
        if found is not None:
            return found
    # Not found again: kept as a note on the whole article, never dropped.
    return None


def place_notes(
    bookmarks: Iterable[Bookmark],
    original: Article,
    convert: ScriptConverter | None,
    mode: ScriptMode,
) -> tuple[ExportNote, ...]:
    """Bookmarks → numbered notes in reading order: whole-article notes first."""
    placed = []
    for bm in bookmarks:
        block = _anchor(bm, original.blocks)
        start = bm.selection[0] if bm.selection else 0
        placed.append(((-1 if block is None else block, start, bm.created_at), block, bm))
    placed.sort(key=lambda item: item[0])
    notes = []
    for number, (_key, block, bm) in enumerate(placed, start=1):
        quote = bm.quote if block is not None else ""
        if quote and convert is not None:
            quote = convert.convert_text(quote, mode, original.script)
        notes.append(ExportNote(number, block, quote, bm.note.strip()))
    return tuple(notes)


def prepare(
    article: Article,
    options: ExportOptions,
    converter: ScriptConverter | None,
    corrections: Iterable[Correction] | CorrectionSource = (),
    bookmarks: Iterable[Bookmark] = (),
    labels: ExportLabels | None = None,
) -> ExportDocument:
    """The export of `article` as `options` ask: corrected (if asked), then converted.

    `corrections`: the accepted ones, or the store that keeps them. `converter` may
    be None only for ScriptMode.ORIGINAL. The original side is the article as
    stored — never corrected — so a bilingual export with corrections shows the
    fixes against the text they fix.
    """
    mode = options.script
    if converter is None and mode is not ScriptMode.ORIGINAL:
        raise ValueError("a converter is needed to export in another script")
    shown = article
    if options.corrected:
        if not isinstance(corrections, Iterable):
            corrections = corrections.accepted(article.id)
        shown = apply_corrections(article, corrections)
    if converter is not None:
        shown = converter.convert_article(shown, mode)
    original = article
    if not options.metadata:
        shown, original = _without_metadata(shown), _without_metadata(original)
    source = article.script
    name = source.value if mode is ScriptMode.ORIGINAL else mode.value
    converted_label = _SCRIPT_LABELS.get(mode, "")
    if not converted_label:  # ORIGINAL: the second side differs only by corrections
        converted_label = "Corrected" if options.corrected else "Original"
    original_label = "Original"
    if source in (Script.SIMPLIFIED, Script.TRADITIONAL):
        original_label = f"Original ({source.value.capitalize()})"
    base = labels or ExportLabels(original=original_label)
    notes = place_notes(bookmarks, article, converter, mode) if options.notes else ()
    return ExportDocument(
        options=options,
        article=shown,
        original=original,
        lang=target_lang(mode, source),
        original_lang=target_lang(ScriptMode.ORIGINAL, source),
        script_name=name,
        notes=notes,
        labels=base.filled(converted_label),
    )
