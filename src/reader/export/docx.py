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
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Emu, Inches, Mm, Pt, RGBColor

from reader.domain import Block, BlockKind, Script
from reader.export.options import ExportDocument
from reader.render import meta_line, script_variant

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

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
# Characters XML 1.0 cannot hold; lxml refuses the whole string otherwise.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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


def _properties(document: DocxDocument, doc: ExportDocument) -> None:
    props = document.core_properties
    article = doc.article
    props.title = _clean(article.title)
    props.language = _WORD_LANG[variant(doc.lang, article.script)]
    props.subject = _clean(" / ".join(article.section_path))
    # The stock template says "python-docx" here; the article's author or nobody.
    props.author = _clean(article.author or "")
    props.comments = ""
    props.keywords = ""
    props.last_modified_by = ""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1


def _comment(
    document: DocxDocument, paragraph: Paragraph, doc: ExportDocument, block: int | None
) -> None:
    for note in doc.notes_on(block):
        if paragraph.runs:
            document.add_comment(
                paragraph.runs, text=_clean(doc.note_text(note)), author="Reader", initials="R"
            )


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


def _side(paragraph: Paragraph, east_asia: str, latin: str, lang: str) -> None:
    for run in paragraph.runs:
        _set_fonts(run._r.get_or_add_rPr(), east_asia, latin, lang)


def _table(document: DocxDocument, doc: ExportDocument) -> None:
    v_left = variant(doc.original_lang, doc.original.script)
    v_right = variant(doc.lang, doc.article.script)
    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    width, _height = _PAGES[doc.options.page]
    column = Emu((width - 2 * _MARGIN) // 2)

    def row(left: str, right: str, style: str) -> Paragraph:
        cells = table.add_row().cells
        sides = ((cells[0], left, v_left), (cells[1], right, v_right))
        for cell, text, v in sides:
            cell.width = column
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles[style]
            paragraph.add_run(_clean(text))
            kind = 1 if style.startswith("Heading") else 0
            _side(paragraph, _FONTS[v][kind], _LATIN[kind], _WORD_LANG[v])
        first: Paragraph = cells[0].paragraphs[0]
        return first

    header = row(doc.labels.original, doc.labels.converted, _META_STYLE)
    # Repeated at the top of every page, so the columns stay named.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    for run in header.runs + table.rows[0].cells[1].paragraphs[0].runs:
        run.bold = True
    title = row(doc.original.title, doc.article.title, "Heading 1")
    _comment(document, title, doc, None)
    for left_line, right_line in _meta_lines(doc):
        row(left_line, right_line, _META_STYLE)
    for index, (left, right) in enumerate(doc.pairs()):
        paragraph = row(left.text, right.text, _style_of(left))
        _comment(document, paragraph, doc, index)


def docx_bytes(doc: ExportDocument) -> bytes:
    document = Document()
    article = doc.article
    _styles(document, variant(doc.lang, article.script))
    _page(document, doc.options.page)
    _properties(document, doc)
    if doc.bilingual:
        # Everything a translator translates is in the table, the title included.
        _table(document, doc)
    else:
        title = document.add_paragraph(_clean(article.title), style="Heading 1")
        _comment(document, title, doc, None)
        for _original, line in _meta_lines(doc):
            document.add_paragraph(_clean(line), style=_META_STYLE)
        for index, block in enumerate(article.blocks):
            paragraph = document.add_paragraph(_clean(block.text), style=_style_of(block))
            _comment(document, paragraph, doc, index)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
