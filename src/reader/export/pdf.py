"""ExportDocument → PDF: A4 or Letter, CJK fonts chosen per script and embedded, and
text that copies out as the article's own characters.

Not Qt's PDF writer (traps #6; docs/benchmarks.md, "PDF export"): its ToUnicode map
gives each glyph the *lowest* BMP code point that maps to it, so with Noto CJK 210
of the 214 Kangxi twins copy out as the radical (文 → ⽂), ～ as 〜, ／ as ∕, "——" as
⸺, and characters beyond the BMP (Ext. B, most HKSCS) as nothing; a font copy
without the radicals' cmap entries fixes only the first. fpdf2 writes
ToUnicode from the characters drawn, embeds the CFF outlines (subset), and needs no
Qt: any thread, and the CLI without a display. Text is drawn as text, never parsed as
markup, so `<img src="/dev/zero">` names no resource (traps #2).
"""

from __future__ import annotations

import errno
import itertools
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.domain import Article, BlockKind
from reader.export.atomic import ExportCancelled, ExportError, write_atomic
from reader.export.pdf_fonts import find_font as _find_font
from reader.render import PALETTES, FontStyle, RenderOptions, Theme, font_families, meta_line

if TYPE_CHECKING:
    from fpdf import FPDF

    from reader.export.options import ExportDocument
    from reader.export.pdf_fonts import Face

# Told how far the export is (0.0–1.0); answers False to cancel it.
Progress = Callable[[float], bool]

PAGE_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}  # points
BODY_PT = 11.0
TOP_MARGIN = 72.0  # the running title sits above it
BOTTOM_MARGIN = 72.0  # the page number sits below it
_SIDE_MIN = 54.0

# Line breaking, a simple form of the Chinese rules (GB/T 15834): these never start a
# line, those never end one; a Latin word or a number stays whole.
_NO_START = frozenset("，。、；：？！）」』】〉》〕］｝”’…‥—–・·％‰,.;:?!)]}%")
_NO_END = frozenset("（「『【〈《〔［｛“‘([{")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class _Style:
    size: float  # × BODY_PT
    leading: float  # line height ÷ font size
    before: float  # space above and below, in body ems
    after: float
    bold: bool = False
    colour: str = "text"
    indent: float = 0.0  # first line, in ems of the style's own size
    justify: bool = False


# The reader's own proportions (render._stylesheet), so a page reads like the view.
_TITLE = _Style(1.5, 1.4, 0.2, 0.5, bold=True, colour="heading")
_HEADINGS = {
    2: _Style(1.22, 1.5, 1.5, 0.6, bold=True, colour="heading"),
    3: _Style(1.1, 1.6, 1.3, 0.5, bold=True, colour="heading"),
    4: _Style(1.0, 1.7, 1.1, 0.4, bold=True, colour="heading"),
}
_PARAGRAPH = _Style(1.0, 1.8, 0.0, 0.7, indent=2.0, justify=True)
_SMALL = _Style(0.8, 1.5, 0.0, 0.4, colour="muted")
_NOTE = _Style(0.9, 1.6, 0.0, 0.4)


class _Text(NamedTuple):
    """One piece of text placed on a page (y is the baseline)."""

    font: str
    bold: bool
    size: float
    colour: str
    spacing: float  # extra space after each character (justification)
    x: float
    y: float
    text: str
    outline: int = -1  # ≥ 0: an entry of the PDF outline at this level


def _pick(lang: str, article: Article, bold: bool) -> tuple[str, int] | None:
    # Serif first, as the reader shows articles; sans if no serif CJK face is installed.
    for style in (FontStyle.SERIF, FontStyle.SANS):
        for family in font_families(article.script, style, lang)[:-1]:  # not the generic
            if hit := _find_font(family, bold):
                return hit
    return None


def _narrow(char: str) -> bool:
    return not char.isspace() and unicodedata.east_asian_width(char) not in ("W", "F")


def _atoms(text: str, joined: set[int]) -> list[tuple[int, int]]:
    """Pieces that never break inside: a Han character with the punctuation that must
    stay with it, a Latin word, a space, or a forced line break."""
    atoms: list[tuple[int, int]] = []
    for i, char in enumerate(text):
        prev = text[i - 1] if i else " "
        if char not in " \n" and prev not in " \n":
            glue = i in joined or char in _NO_START or prev in _NO_END
            if glue or (_narrow(char) and _narrow(prev)):
                atoms[-1] = (atoms[-1][0], i + 1)
                continue
        atoms.append((i, i + 1))
    return atoms


class _Layout:
    """Places blocks on pages; nothing is drawn until the page count is known."""

    def __init__(self, faces: dict[tuple[str, bool], Face], page: tuple[float, float],
                 palette: dict[str, str]) -> None:  # fmt: skip
        self.faces, self.palette = faces, palette
        self.width = min(page[0] - 2 * _SIDE_MIN, RenderOptions().measure_em * BODY_PT)
        self.x0 = (page[0] - self.width) / 2
        self.bottom = page[1] - BOTTOM_MARGIN
        self.pages: list[list[_Text]] = [[]]
        self.y = TOP_MARGIN
        # Every character drawn is measured first: these are the subsets' characters.
        self.used: dict[tuple[str, bool], set[str]] = {key: set() for key in faces}

    def measure(self, font: str, bold: bool, piece: str) -> float:
        """Width at 1 pt (the caller multiplies by the size)."""
        self.used[font, bold].update(piece)
        width = self.faces[font, bold].width
        return sum(width(char) for char in piece)

    def _lines(self, text: str, joined: set[int], size: float, indent: float, font: str,
               bold: bool) -> list[tuple[int, int, bool]]:  # fmt: skip
        """Greedy line breaking → (start, end, last of its paragraph) for each line."""
        atoms: list[tuple[int, int]] = []
        for start, end in _atoms(text, joined):
            if self.measure(font, bold, text[start:end]) * size > self.width - indent:
                atoms.extend((i, i + 1) for i in range(start, end))  # a long URL: anywhere
            else:
                atoms.append((start, end))
        lines: list[tuple[int, int, bool]] = []
        first: int | None = None
        last, used = 0, indent
        for start, end in atoms:
            piece = text[start:end]
            width = self.measure(font, bold, piece) * size
            if piece == "\n":
                lines.append((start if first is None else first, last, True))
                first, used = None, 0.0
            elif first is None:
                if piece != " ":  # a line never starts with a space
                    first, last, used = start, end, used + width
            elif piece == " " or used + width <= self.width + 0.01:  # a space may hang
                last, used = end, used + width
            else:
                lines.append((first, last, False))
                first, last, used = start, end, width
        return lines if first is None else [*lines, (first, last, True)]

    def block(self, runs: list[tuple[str, str]], style: _Style, font: str, outline: int = -1
              ) -> None:  # fmt: skip
        """One paragraph or heading made of (text, colour key) runs."""
        text, colours, joined = "", list[str](), set[int]()
        for piece, colour in runs:
            piece = _CONTROL_RE.sub("", piece.replace("\t", " "))  # never drawn
            if colour == "accent" and text:  # a note mark stays with its text
                joined.add(len(text))
            text += piece
            colours.extend([colour] * len(piece))
        size, bold = BODY_PT * style.size, style.bold
        leading, indent = size * style.leading, style.indent * size
        lines = self._lines(text, joined, size, indent, font, bold)
        if not lines:
            return
        before = style.before * BODY_PT if self.y > TOP_MARGIN else 0.0
        # Never a lone first line at a page's foot; a heading keeps two lines after it.
        keep = min(len(lines), 3) * leading + (2 * BODY_PT * 1.8 if bold else 0.0)
        if self.y + before + keep > self.bottom:
            self._new_page()
        else:
            self.y += before
        for number, (start, end, last) in enumerate(lines):
            end = start + len(text[start:end].rstrip(" "))
            room = (self.bottom - self.y) // leading
            # No last line alone at the top of a page: its line before goes with it.
            if room < 1 or (room == 1 and len(lines) - number == 2 and number > 1):
                self._new_page()
            shift = indent if number == 0 else 0.0
            x, spacing = self.x0 + shift, 0.0
            if style.justify and not last and end - start > 1:
                natural = self.measure(font, bold, text[start:end]) * size
                spacing = (self.width - shift - natural) / (end - start - 1)
                if not 0 < spacing < 0.25 * size:  # too loose to look justified: ragged
                    spacing = 0.0
            # Centre the em box in the line: CJK faces put 0.88 em above the baseline.
            baseline = self.y + leading / 2 + 0.38 * size
            for colour, group in itertools.groupby(range(start, end), colours.__getitem__):
                span = list(group)
                piece = text[span[0] : span[-1] + 1]
                mark = outline if span[0] == start and number == 0 else -1
                ink = self.palette[colour]
                self.pages[-1].append(
                    _Text(font, bold, size, ink, spacing, x, baseline, piece, mark))  # fmt: skip
                x += self.measure(font, bold, piece) * size + spacing * len(piece)
            self.y += leading
        self.y += style.after * BODY_PT

    def _new_page(self) -> None:
        self.pages.append([])
        self.y = TOP_MARGIN


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _furnish(layout: _Layout, page: tuple[float, float], title: str) -> None:
    """Add the running title (from page 2) and the page number to each laid-out page."""
    muted, x0 = layout.palette["muted"], layout.x0
    head, size = " ".join(title.split()), BODY_PT * 0.75
    while len(head) > 1 and layout.measure("body", False, head) * size > layout.width:
        head = head[:-2] + "…"
    for number, items in enumerate(layout.pages, start=1):
        folio = f"{number} / {len(layout.pages)}"
        fx = (page[0] - layout.measure("body", False, folio) * size) / 2
        foot = page[1] - BOTTOM_MARGIN + 36
        items.append(_Text("body", False, size, muted, 0.0, fx, foot, folio))
        if number > 1:
            items.append(_Text("body", False, size, muted, 0.0, x0, TOP_MARGIN - 30, head))


def _emit(pdf: FPDF, layout: _Layout) -> None:
    """Draw the laid-out pages (and the rule under the running title from page 2)."""
    x0 = layout.x0
    for number, items in enumerate(layout.pages, start=1):
        pdf.add_page()
        if number > 1:
            pdf.set_draw_color(*_rgb(layout.palette["muted"]))
            pdf.set_line_width(0.4)
            pdf.line(x0, TOP_MARGIN - 22, x0 + layout.width, TOP_MARGIN - 22)
        for item in items:
            pdf.set_font(item.font, "B" if item.bold else "", item.size)
            pdf.set_text_color(*_rgb(item.colour))
            pdf.set_char_spacing(item.spacing)
            if item.outline >= 0:
                pdf.set_xy(x0, item.y - item.size)
                pdf.start_section(item.text, item.outline, strict=False)
            pdf.text(item.x, item.y, item.text)


def _faces(key: str, lang: str, article: Article) -> dict[tuple[str, bool], Face]:
    from reader.export.pdf_fonts import face

    regular = _pick(lang, article, bold=False)
    if regular is None:
        raise ExportError(f"no Chinese font for {lang} is installed (Noto Serif or Sans CJK)")
    bold = _pick(lang, article, bold=True) or regular  # no bold face: size marks headings
    return {(key, False): face(*regular), (key, True): face(*bold)}


def _lay_out(doc: ExportDocument, layout: _Layout, progress: Progress) -> None:
    article, original = doc.article, doc.original

    def marks(block: int | None) -> list[tuple[str, str]]:
        return [(f"[{n.number}]", "accent") for n in doc.notes_on(block)]

    if article.section_path:
        layout.block([(" › ".join(article.section_path), "muted")], _SMALL, "body")
    if doc.bilingual:  # the original in grey above each block, as the legend says
        labels = doc.labels
        layout.block([(labels.original, "muted"), ("  ·  ", "muted"), (labels.converted, "text")],
                     _SMALL, "body")  # fmt: skip
        layout.block([(original.title, "muted")], replace(_TITLE, after=0.2), "original")
    layout.block([(article.title, "heading"), *marks(None)], _TITLE, "body", outline=0)
    if meta := meta_line(article):
        layout.block([(meta, "muted")], replace(_SMALL, after=1.6), "body")
    pairs = doc.pairs()
    for index, (first, shown) in enumerate(pairs):
        if index % 16 == 0 and not progress(0.6 * index / max(1, len(pairs))):
            raise ExportCancelled
        heading = shown.kind is BlockKind.HEADING
        style = _HEADINGS[min(4, max(2, shown.level or 2))] if heading else _PARAGRAPH
        if doc.bilingual:
            layout.block([(first.text, "muted")], replace(style, after=0.25), "original")
            style = replace(style, before=0.0)  # the pair reads as one unit
        runs = [(shown.text, style.colour), *marks(index)]
        layout.block(runs, style, "body", outline=(shown.level or 2) - 1 if heading else -1)
    if doc.notes:
        layout.block([(doc.labels.notes, "heading")], _HEADINGS[2], "body", outline=1)
        for note in doc.notes:
            runs = [(f"[{note.number}] ", "accent"), (doc.note_text(note), "text")]
            layout.block(runs, _NOTE, "body")


def _always(_done: float) -> bool:
    return True


def render_pdf(doc: ExportDocument, progress: Progress = _always) -> bytes:
    """The PDF file's bytes. `progress` is told how far it is and may cancel it
    (ExportCancelled) by answering False."""
    from fpdf import FPDF  # here: fpdf2 and its fontTools take ~1.5 s to load

    from reader.export.pdf_fonts import embed

    page = PAGE_SIZES[doc.options.page]
    faces = _faces("body", doc.lang, doc.article)
    if doc.bilingual:
        faces |= _faces("original", doc.original_lang, doc.original)
    layout = _Layout(faces, page, vars(PALETTES[Theme.LIGHT]))  # dark text on white paper
    _lay_out(doc, layout, progress)
    _furnish(layout, page, doc.article.title)
    if not progress(0.6):
        raise ExportCancelled
    pdf = FPDF(unit="pt", format=page)
    pdf.set_auto_page_break(False)  # the layout breaks pages itself
    pdf.set_margin(0)
    article = doc.article
    pdf.set_title(" ".join(article.title.split()))
    pdf.set_author(article.author or "")
    pdf.set_lang(doc.lang)
    pdf.set_creator("Reader")
    with tempfile.TemporaryDirectory(prefix="reader-pdf-") as folder:
        for (key, bold), source in faces.items():
            chars = layout.used[key, bold]
            if chars or not bold:  # fpdf2 wants each family's regular face
                embed(pdf, key, "B" if bold else "", source, chars, Path(folder))
        if not progress(0.7):
            raise ExportCancelled
        _emit(pdf, layout)
        if not progress(0.8):
            raise ExportCancelled
        data = bytes(pdf.output())
    progress(1.0)
    return data


def write_pdf(
    doc: ExportDocument, path: Path, overwrite: bool = False, progress: Progress = _always
) -> None:
    """Write `doc` as a PDF to `path`, atomically.

    FileExistsError when `path` exists and `overwrite` is False; ExportCancelled when
    `progress` answered False; ExportError, one line naming the file, for anything
    else. On any failure or cancel no partial file is left and an old file stays.
    Thread-safe (each call builds its own document): run it on a worker.
    """
    path = Path(path)
    if not overwrite and path.exists():  # before the work, not after
        raise FileExistsError(errno.EEXIST, "file exists", str(path))
    try:
        data = render_pdf(doc, progress)
    except ExportCancelled:
        raise
    except Exception as exc:  # fpdf2, fontTools (a damaged font): one line for the user
        raise ExportError(f"{path}: the PDF could not be made ({exc})") from exc
    write_atomic(path, data, overwrite)
