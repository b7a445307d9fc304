"""ExportDocument → Word (.docx) that translators' tools read as structured text.

- Real styles: Heading 1 for the title, Heading 2/3/4 for the article's headings,
  Normal for paragraphs (first line indented two characters, 1.5 line spacing,
  justified), "Article Meta" for the breadcrumb and meta line.
- East-Asian fonts named on the styles and the document defaults (w:rFonts
  w:eastAsia, with w:ascii/w:hAnsi for Latin), per script: SimSun / Microsoft YaHei
  for Simplified, PMingLiU / Microsoft JhengHei for Traditional, MingLiU_HKSCS for
  Hong Kong. The theme-font references of the stock template are removed: they
  would win over the names. The language is tagged (w:lang w:eastAsia zh-CN / zh-TW /
  zh-HK) on the styles and in the settings, whose stock value is ja-JP — the Word
  form of traps #5 (Japanese glyphs for Chinese text).
- Bilingual: one two-column table, original | converted — a repeating header row
  naming the two sides, then the title (Heading 1), breadcrumb and meta line, and
  one row per block in its own style: aligned segments, as translation tools and
  reviewers expect. Each column's runs carry their own font and language.
- Notes: Word comments anchored on the block they belong to (the title for a whole
  article), which translation tools show beside the segment.
- Core properties (title, subject = the section path, author) hold at most 255
  characters: python-docx refuses longer ones (ValueError), and Word keeps 255
  UTF-16 units of a text property. Longer ones are cut, with "…"; the body keeps
  every word.
- Linear in the article: python-docx's add_paragraph looks the style up by name
  among all the styles, and finds the body's last element again, for every
  paragraph, and a table row lists every cell of the table; 32,000 paragraphs
  took 129 s. Paragraphs and rows are built here from their XML elements, with
  each style's id looked up once.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import unicodedata
from typing import TYPE_CHECKING, cast

from docx import Document
from docx.comments import Comments
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Emu, Inches, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from reader.domain import Block, BlockKind, Script
from reader.export.options import ExportDocument
from reader.render import meta_line, script_variant

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.comments import CT_Comments
    from docx.oxml.table import CT_Tbl, CT_TcPr
    from docx.oxml.text.paragraph import CT_P
    from docx.styles.style import ParagraphStyle
    from docx.table import Table

# (body, headings) East-Asian fonts, as Windows and Office ship them.
_FONTS = {
    "sc": ("SimSun", "Microsoft YaHei"),
    "tc": ("PMingLiU", "Microsoft JhengHei"),
    "hk": ("MingLiU_HKSCS", "Microsoft JhengHei"),
}
_LATIN = ("Times New Roman", "Arial")
_WORD_LANG = {"sc": "zh-CN", "tc": "zh-TW", "hk": "zh-HK"}
_PAGES = {"a4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
_MARGIN = Mm(25)
_META_STYLE = "Article Meta"
_BODY_PT = 12
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Characters XML 1.0 cannot hold (lone surrogates included); lxml refuses the whole
# string otherwise.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Longest text core property: python-docx refuses more than 255 characters, and Word
# keeps 255 UTF-16 code units (a character beyond the BMP counts twice).
PROPERTY_UNITS = 255
_NO_COMMENTS = f"<w:comments {nsdecls('w')}/>"


def variant(lang: str, script: Script) -> str:
    """ "sc", "tc" or "hk", as the reader pane decides it (render.script_variant)."""
    return script_variant(script, lang)


def _clean(text: str) -> str:
    return _XML_ILLEGAL_RE.sub("", text)


def _set_fonts(rpr: CT_RPr, east_asia: str, latin: str, lang: str | None) -> None:
    """Name the fonts (and language) on an rPr: explicit names, no theme indirection."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    if lang is None:
        return
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        # w:lang comes late in rPr's schema order; appended after every other child
        # that python-docx has set, so Word's strict reader accepts the order.
        tag = OxmlElement("w:lang")
        rpr.append(tag)
    # Only the East-Asian language: w:val stays as Word's Chinese editions leave it.
    tag.set(qn("w:eastAsia"), lang)


def _first_line(style: ParagraphStyle, chars: int) -> None:
    # firstLineChars is in hundredths of a character (Word); firstLine in points for
    # readers that ignore it (LibreOffice).
    style.paragraph_format.first_line_indent = Pt(_BODY_PT * chars)
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _styles(document: DocxDocument, v: str) -> None:
    body_font, heading_font = _FONTS[v]
    lang = _WORD_LANG[v]
    styles = document.styles
    # Every w:rPr is parsed as a CT_RPr; the stock template always has this one.
    default_rpr = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if isinstance(default_rpr, CT_RPr):
        _set_fonts(default_rpr, body_font, _LATIN[0], lang)

    normal = styles["Normal"]
    normal.font.size = Pt(_BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing = 1.5
    fmt.space_after = Pt(6)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _first_line(normal, 2)
    _set_fonts(normal.element.get_or_add_rPr(), body_font, _LATIN[0], lang)

    for level in range(1, 5):
        heading = styles[f"Heading {level}"]
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _first_line(heading, 0)
        _set_fonts(heading.element.get_or_add_rPr(), heading_font, _LATIN[1], lang)

    meta = styles.add_style(_META_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = normal
    meta.font.size = Pt(10)
    meta.font.color.rgb = RGBColor(0x6A, 0x6A, 0x6A)
    meta.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _first_line(meta, 0)
    _set_fonts(meta.element.get_or_add_rPr(), body_font, _LATIN[0], lang)

    # The stock settings say ja-JP: Word would then pick Japanese glyph forms.
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), lang)


def _page(document: DocxDocument, page: str) -> None:
    width, height = _PAGES[page]
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = _MARGIN
        section.top_margin = section.bottom_margin = _MARGIN


def property_text(text: str) -> str:
    """`text` cleaned and cut to PROPERTY_UNITS UTF-16 code units, with "…" when cut,
    never between a character and its combining marks."""
    text = " ".join(_clean(text).split())  # one line, as Word shows a property
    if len(text.encode("utf-16-le")) <= 2 * PROPERTY_UNITS:
        return text
    units, end = 1, 0  # the "…" takes one unit
    for end, char in enumerate(text):  # noqa: B007 (end is used after the loop)
        units += 2 if ord(char) > 0xFFFF else 1
        if units > PROPERTY_UNITS:
            break
    while end > 0 and unicodedata.combining(text[end]):
        end -= 1
    return text[:end].rstrip() + "…"


def _properties(document: DocxDocument, doc: ExportDocument) -> None:
    props = document.core_properties
    article = doc.article
    props.title = property_text(article.title)
    props.language = _WORD_LANG[variant(doc.lang, article.script)]
    props.subject = property_text(" / ".join(article.section_path))
    # The stock template says "python-docx" here; the article's author or nobody.
    props.author = property_text(article.author or "")
    props.comments = ""
    props.keywords = ""
    props.last_modified_by = ""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1


def _style_of(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return f"Heading {min(9, max(2, block.level or 2))}"
    return "Normal"


def _meta_lines(doc: ExportDocument) -> list[tuple[str, str]]:
    """(original, exported) breadcrumb and meta line, those that are there."""
    lines = []
    if doc.article.section_path:
        lines.append((" / ".join(doc.original.section_path), " / ".join(doc.article.section_path)))
    if meta_line(doc.article):
        lines.append((meta_line(doc.original), meta_line(doc.article)))
    return lines


def _fonts(east_asia: str, latin: str, lang: str) -> CT_RPr:
    """A run's properties naming these fonts, to be copied onto each run of a side."""
    rpr = cast(CT_RPr, OxmlElement("w:rPr"))
    _set_fonts(rpr, east_asia, latin, lang)
    return rpr


class _Body:
    """Appends paragraphs and table rows in constant time each (see the module's
    docstring): style ids looked up once, the body's closing sectPr found once."""

    def __init__(self, document: DocxDocument, doc: ExportDocument) -> None:
        self.document = document
        self.doc = doc
        self._ids: dict[str, str | None] = {}
        self._end = document.element.body.sectPr
        self._comments: Comments | None = None
        self._cell_pr: CT_TcPr | None = None  # table cells: all of one width
        self._next_comment = 0

    def _style_id(self, name: str) -> str | None:
        if name not in self._ids:  # None: the default style, as python-docx leaves it unnamed
            styles = self.document.styles
            style = styles[name]
            default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
            self._ids[name] = None if style == default else style.style_id
        return self._ids[name]

    def fill(self, p: CT_P, text: str, style: str, fonts: CT_RPr | None = None) -> None:
        p.style = self._style_id(style)  # None leaves <w:pPr/>, as python-docx does
        if text:
            r = p.add_r()
            if fonts is not None:  # a copy: building each one anew costs more than the text
                r.append(copy.deepcopy(fonts))
            r.text = _clean(text)  # keeps the rPr

    def paragraph(self, text: str, style: str) -> Paragraph:
        p = cast("CT_P", OxmlElement("w:p"))
        self.fill(p, text, style)
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self.document.element.body.append(p)
        return Paragraph(p, self.document._body)

    def notes(self, paragraph: Paragraph, block: int | None) -> None:
        """The notes on `block` as Word comments on `paragraph` (the title for None)."""
        for note in self.doc.notes_on(block):
            if paragraph.runs:
                self._comment(paragraph, _clean(self.doc.note_text(note)))

    def _comment(self, paragraph: Paragraph, text: str) -> None:
        # Document.add_comment, but the next id is counted here: python-docx reads
        # every comment's id again for each new one (4,000 notes took 50 s).
        if self._comments is None:
            self._comments = self.document.comments
            ids = self._comments._comments_elm.xpath("./w:comment/@w:id")
            self._next_comment = max((int(i) for i in ids), default=-1) + 1
        cid, self._next_comment = self._next_comment, self._next_comment + 1
        part = self._comments._comments_part
        scratch = Comments(cast("CT_Comments", parse_xml(_NO_COMMENTS)), part)
        elm = scratch.add_comment(text=text, author="Reader", initials="R")._comment_elm
        elm.set(qn("w:id"), str(cid))
        self._comments._comments_elm.append(elm)  # moved out of the scratch list
        runs = paragraph.runs
        runs[0].mark_comment_range(runs[-1], cid)

    def row(
        self, table: Table, cells: list[tuple[str, CT_RPr]], style: str, width: Emu
    ) -> list[Paragraph]:
        tbl: CT_Tbl = table._tbl
        tr = tbl.add_tr()
        paragraphs = []
        for text, fonts in cells:
            tc = tr.add_tc()  # <w:tc><w:p/></w:tc>
            if self._cell_pr is None:
                tc.width = width
                self._cell_pr = tc.tcPr
            else:  # the same width as the first cell's, copied
                tc.insert(0, copy.deepcopy(self._cell_pr))
            p = tc.p_lst[0]
            self.fill(p, text, style, fonts)
            paragraphs.append(Paragraph(p, _Cell(tc, table)))
        return paragraphs


def _table(document: DocxDocument, body: _Body, doc: ExportDocument) -> None:
    v_left = variant(doc.original_lang, doc.original.script)
    v_right = variant(doc.lang, doc.article.script)
    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    width, _height = _PAGES[doc.options.page]
    column = Emu((width - 2 * _MARGIN) // 2)

    # Each column's runs carry their own fonts and language: body and heading kinds.
    fonts = [
        [_fonts(_FONTS[v][kind], _LATIN[kind], _WORD_LANG[v]) for v in (v_left, v_right)]
        for kind in (0, 1)
    ]

    def row(left: str, right: str, style: str) -> Paragraph:
        left_fonts, right_fonts = fonts[1 if style.startswith("Heading") else 0]
        return body.row(table, [(left, left_fonts), (right, right_fonts)], style, column)[0]

    header = row(doc.labels.original, doc.labels.converted, _META_STYLE)
    # Repeated at the top of every page, so the columns stay named.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    for run in header.runs + table.rows[0].cells[1].paragraphs[0].runs:
        run.bold = True
    title = row(doc.original.title, doc.article.title, "Heading 1")
    body.notes(title, None)
    for left_line, right_line in _meta_lines(doc):
        row(left_line, right_line, _META_STYLE)
    for index, (left, right) in enumerate(doc.pairs()):
        paragraph = row(left.text, right.text, _style_of(left))
        body.notes(paragraph, index)


def docx_bytes(doc: ExportDocument) -> bytes:
    document = Document()
    article = doc.article
    _styles(document, variant(doc.lang, article.script))
    _page(document, doc.options.page)
    _properties(document, doc)
    body = _Body(document, doc)
    if doc.bilingual:
        # Everything a translator translates is in the table, the title included.
        _table(document, body, doc)
    else:
        title = body.paragraph(article.title, "Heading 1")
        body.notes(title, None)
        for _original, line in _meta_lines(doc):
            body.paragraph(line, _META_STYLE)
        for index, block in enumerate(article.blocks):
            paragraph = body.paragraph(block.text, _style_of(block))
            body.notes(paragraph, index)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
