"""Article → HTML, for the Qt reader pane and for standalone export.

Only our own Article model is rendered, never imported markup (traps #4), and every
piece of article text is escaped so that nothing in an article can name a resource
for Qt to load (traps #2) or a link for it to follow (traps #3).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.domain import Article, Block, BlockKind, BlockRole, Script


class Theme(StrEnum):
    LIGHT = "light"
    SEPIA = "sepia"
    DARK = "dark"


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    muted: str
    heading: str
    accent: str
    mark: str  # background of the characters a conversion changed


# Text/background contrast stays above 4.5:1 (WCAG AA) for the muted colour too;
# dark is a soft charcoal because pure black behind light text glares.
PALETTES: dict[Theme, Palette] = {
    Theme.LIGHT: Palette("#fbfaf7", "#2b2b2b", "#6a6a6a", "#1c1c1c", "#2f6690", "#fbe7a1"),
    Theme.SEPIA: Palette("#f4ecd8", "#3f3223", "#6e5b40", "#2f2416", "#8f4f24", "#e8cf8c"),
    Theme.DARK: Palette("#1f2023", "#d6d4ce", "#9c9a94", "#ecebe6", "#82b1d9", "#5c4a17"),
}


class FontStyle(StrEnum):
    SERIF = "serif"
    SANS = "sans"


_SERIF_SC = (
    "Noto Serif CJK SC",
    "Noto Serif SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Songti SC",
    "STSong",
    "SimSun",
    "NSimSun",
)
_SANS_SC = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "PingFang SC",
    "Microsoft YaHei",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
)
_SERIF_TC = (
    "Noto Serif CJK TC",
    "Noto Serif TC",
    "Source Han Serif TC",
    "Source Han Serif TW",
    "Songti TC",
    "PMingLiU",
    "MingLiU",
)
_SANS_TC = (
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "Source Han Sans TW",
    "PingFang TC",
    "Microsoft JhengHei",
    "Heiti TC",
)
_SERIF_HK = (
    "Noto Serif CJK HK",
    "Noto Serif HK",
    "Source Han Serif HK",
    "PMingLiU_HKSCS",
    "MingLiU_HKSCS",
)
_SANS_HK = ("Noto Sans CJK HK", "Noto Sans HK", "Source Han Sans HK", "PingFang HK")
_GENERIC = {FontStyle.SERIF: "serif", FontStyle.SANS: "sans-serif"}


def script_variant(script: Script, lang: str | None) -> str:
    """'sc', 'tc' or 'hk': an explicit lang tag wins over the detected script."""
    subtags = set(re.split(r"[-_]", lang.lower())) if lang else set()
    if subtags & {"hk", "mo"}:
        return "hk"
    if subtags & {"hant", "tw"}:
        return "tc"
    if subtags & {"hans", "cn", "sg"}:
        return "sc"
    return "tc" if script is Script.TRADITIONAL else "sc"


def font_families(script: Script, style: FontStyle, lang: str | None = None) -> list[str]:
    """Ordered CJK font families for a script — never left to Qt's fallback (traps #5),
    which picks Japanese glyph forms when the locale is not Chinese."""
    serif = style is FontStyle.SERIF
    variant = script_variant(script, lang)
    if variant == "sc":
        names: tuple[str, ...] = _SERIF_SC if serif else _SANS_SC
    else:
        names = _SERIF_TC if serif else _SANS_TC
        if variant == "hk":
            names = (_SERIF_HK if serif else _SANS_HK) + names
    return [*dict.fromkeys(names), _GENERIC[style]]


def document_lang(script: Script) -> str:
    if script is Script.SIMPLIFIED:
        return "zh-Hans"
    if script is Script.TRADITIONAL:
        return "zh-Hant"
    return "zh"


@dataclass(frozen=True)
class RenderOptions:
    theme: Theme = Theme.LIGHT
    font_style: FontStyle = FontStyle.SERIF
    zoom: float = 1.0  # multiplies the base font size
    base_px: int = 18
    measure_em: int = 38  # line length in characters (36–40), centred
    line_spacing: float = 1.0  # multiplies the paragraphs' line height (Preferences)
    lang: str | None = None  # override; default from the article's script
    for_qt: bool = True  # True: Qt rich-text subset; False: standalone HTML5 file
    # Bookmarked blocks: (block index, colour); marked with a tinted background.
    marks: tuple[tuple[int, str], ...] = ()


def heading_anchor(index: int) -> str:
    return f"b{index}"


def shown_date(published: str) -> str:
    """A stored date as people read it: 2005-08-22T19:13 as 2005-08-22 19:13."""
    return re.sub(r"^(\d{4}-\d{2}-\d{2})T", r"\1 ", published.strip())


def shown_author(article: Article) -> str | None:
    """The author as the meta line names it: not the outlet named again."""
    author = (article.author or "").strip()
    return author if author and author != (article.source or "").strip() else None


def meta_line(article: Article) -> str:
    parts: list[str] = []
    if article.published:
        parts.append(shown_date(article.published))
    if article.source:
        parts.append(article.source.strip())
    if author := shown_author(article):
        parts.append(f"作者：{author}")
    if article.editors:
        label = "責編" if article.script is Script.TRADITIONAL else "责编"
        parts.append(f"{label}：{'、'.join(article.editors)}")
    return " · ".join(p for p in parts if p)


# Control characters other than tab/newline have no business in text and some
# (NUL) truncate or confuse HTML consumers.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# After html.escape these four still let hostile text *read* like a resource reference
# (`src=`, `url(`, `@import`, `http:`) to any scanner or sloppy consumer of the file;
# as numeric entities they render identically but never form those tokens.
_DEFANG = str.maketrans({"=": "&#61;", "(": "&#40;", "@": "&#64;", ":": "&#58;"})
_LANG_RE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _text(value: str) -> str:
    """Article text → inert HTML text; newlines inside a block become <br>."""
    escaped = html.escape(_CONTROL_RE.sub("", value), quote=True).translate(_DEFANG)
    return "<br>".join(escaped.splitlines())


def _css_families(families: list[str]) -> str:
    # Generic keywords must stay unquoted or CSS would look for a font named "serif".
    return ", ".join(f if f in _GENERIC.values() else f'"{f}"' for f in families)


def _font_px(options: RenderOptions) -> int:
    zoom = options.zoom if math.isfinite(options.zoom) and options.zoom > 0 else 1.0
    return max(8, min(96, round(options.base_px * zoom)))


def _lang(article: Article, options: RenderOptions) -> str:
    # The override lands in attributes, so only a well-formed BCP 47 tag is accepted.
    if options.lang and _LANG_RE.fullmatch(options.lang.replace("_", "-")):
        return options.lang.replace("_", "-")
    return document_lang(article.script)


def _stylesheet(
    px: int,
    measure: int,
    palette: Palette,
    families: list[str],
    for_qt: bool,
    spacing: float = 1.0,
) -> str:
    # Qt's rich text takes lengths in px only (no em for margins or text-indent, and a
    # bare 0 is ignored), so the Qt flavour spells every length out in px; the HTML5
    # flavour keeps em so spacing stays proportional to each element's own size.
    def ln(em: float) -> str:
        return f"{round(em * px)}px" if for_qt else f"{em:g}em"

    # Qt reads a percentage line-height relative to the font's natural line height
    # (about 1.44em for Noto/Source Han CJK), not the font size, so 180% came out near
    # 2.6em; a px value is a minimum height there, the same on every font.
    def lh(ratio: float, size: float) -> str:
        return f"{round(ratio * size)}px" if for_qt else f"{ratio:g}"

    def rule(selector: str, size: float, line: float, top: float, bottom: float) -> str:
        return (
            f"{selector} {{ font-size: {round(size)}px; line-height: {lh(line, size)}; "
            f"margin-top: {ln(top)}; margin-bottom: {ln(bottom)}; }}"
        )

    body = (
        f"background-color: {palette.background}; color: {palette.text}; "
        f"font-family: {_css_families(families)}; font-size: {px}px;"
    )
    if not for_qt:
        body += " margin: 0; padding: 2em 1.25em 4em;"
    # Qt draws headings in the regular face made bold (the reader pane asks for its
    # "Regular" style, which Qt emboldens only from weight 700): a CJK bold face is a
    # second font file of 27 MB, of which Qt maps megabytes to draw a title.
    strong = 700 if for_qt else 600
    rules = [
        f"body {{ {body} }}",
        f"h1, h2, h3, h4 {{ color: {palette.heading}; font-weight: {strong}; }}",
        rule("h1", px * 1.5, 1.4, 0.2, 0.5),
        rule("h2", px * 1.22, 1.5, 1.5, 0.6),
        rule("h3", px * 1.1, 1.6, 1.3, 0.5),
        rule("h4", px, 1.7, 1.1, 0.4),
        rule("p", px, round(1.8 * spacing, 2), 0, 0.7),
        f"p {{ text-indent: {ln(2)}; text-align: justify; }}",
        rule("p.section", px * 0.8, 1.5, 0, 0.4),
        rule("p.meta", px * 0.8, 1.5, 0, 1.6),
        f"p.section, p.meta {{ color: {palette.muted}; text-indent: {ln(0)}; text-align: left; }}",
        # A print article's kicker and subtitle, and credit lines: beside the body text.
        f"p.kicker, p.subtitle {{ font-weight: {strong}; text-indent: {ln(0)}; "
        "text-align: left; }",
        f"p.credit {{ color: {palette.muted}; text-indent: {ln(0)}; text-align: left; }}",
    ]
    if not for_qt:
        rules.append(f".content {{ max-width: {measure}em; margin: 0 auto; }}")
    return "\n".join(rules)


_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_ROLES = frozenset({BlockRole.KICKER, BlockRole.SUBTITLE, BlockRole.CREDIT})


def _block(index: int, block: Block, for_qt: bool, mark: str | None = None) -> str:
    tag = f"h{min(4, max(2, block.level or 2))}" if block.kind is BlockKind.HEADING else "p"
    name = heading_anchor(index)
    # Qt's importer ignores CSS text-align on blocks but honours the align attribute.
    # No anchors for Qt: its HTML importer is quadratic in named anchors (8,000
    # paragraphs took 3 s to parse, 80 ms without them). The view finds block N by
    # its place in the document instead (see render_article_piece).
    attrs = ' align="justify"' if for_qt and tag == "p" else f' id="{name}"' if not for_qt else ""
    if mark is not None and _COLOUR_RE.fullmatch(mark):  # only a colour, never markup
        attrs += f' style="background-color: {mark};"'
    if tag == "p" and block.role in _ROLES:  # a known role only, never text from a file
        attrs += f' class="{block.role}"'
    anchor = "" if for_qt else f'<a name="{name}"></a>'
    return f"<{tag}{attrs}>{anchor}{_text(block.text)}</{tag}>"


def qt_column_margins(viewport_px: int, options: RenderOptions) -> tuple[int, int]:
    """Side and top margins (px) that centre a column of `measure_em` characters
    in a Qt view `viewport_px` wide, never narrower than the view allows."""
    px = _font_px(options)
    measure = max(20, min(60, options.measure_em)) * px
    side = max(px, (viewport_px - measure) // 2)
    return side, 2 * px


def _page_style(article: Article, options: RenderOptions) -> tuple[str, str]:
    """The document's lang and stylesheet."""
    lang = _lang(article, options)
    families = font_families(article.script, options.font_style, lang)
    measure = max(20, min(60, options.measure_em))
    spacing = options.line_spacing
    spacing = spacing if math.isfinite(spacing) else 1.0
    return lang, _stylesheet(
        _font_px(options),
        measure,
        PALETTES[options.theme],
        families,
        options.for_qt,
        max(0.8, min(1.6, spacing)),
    )


def _header(article: Article) -> list[str]:
    """Breadcrumb, title and meta line."""
    parts: list[str] = []
    if article.section_path:
        parts.append(f'<p class="section">{_text(" › ".join(article.section_path))}</p>')
    parts.append(f"<h1>{_text(article.title)}</h1>")
    meta = meta_line(article)
    if meta:
        parts.append(f'<p class="meta">{_text(meta)}</p>')
    return parts


def _blocks(blocks: Sequence[Block], start: int, options: RenderOptions) -> list[str]:
    marks = dict(options.marks)
    return [_block(i, b, options.for_qt, marks.get(i)) for i, b in enumerate(blocks, start)]


def _qt_document(lang: str, css: str, background: str | None, content: str) -> str:
    # No <title>: Qt keeps it as metadata and writes it back unescaped in
    # toHtml(), where re-parsing would turn escaped text into live markup.
    # No centring table either: a table cell is laid out and painted whole,
    # which made opening a long article slow. The view centres the column
    # with the document's root-frame margins (qt_column_margins).
    # No text outside the blocks, not even a newline: in a piece inserted at the
    # end of the document it would land in the block before, or keep that
    # block's format for the piece's first block (a heading shown as a paragraph).
    colour = f' bgcolor="{background}"' if background else ""
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8">\n'
        f"<style>\n{css}\n</style></head>"
        f'<body lang="{lang}"{colour}>{content}</body></html>'
    )


def render_article(article: Article, options: RenderOptions = RenderOptions()) -> str:
    lang, css = _page_style(article, options)
    content = "\n".join(_header(article) + _blocks(article.blocks, 0, options))
    if options.for_qt:
        return _qt_document(lang, css, PALETTES[options.theme].background, content)
    title = _text(" ".join(article.title.split()))  # <title> cannot hold a <br>
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n"
        f'<body>\n<div class="content" lang="{lang}">\n{content}\n</div>\n</body>\n</html>\n'
    )


def render_parallel(
    original: Article,
    converted: Article,
    labels: tuple[str, str],
    options: RenderOptions = RenderOptions(),
) -> str:
    """Original and converted side by side, block by block, in one Qt document so
    the two columns scroll together; the characters that differ are highlighted.
    `converted` must be `original` converted (same blocks, same order). The view
    shows it a piece at a time instead (reader.render.parallel)."""
    from reader.render.parallel import parallel_inserts

    (whole,) = parallel_inserts(
        original, converted, labels, original.blocks, converted.blocks, 0, options, 1 << 62
    )
    return whole.html


def escape_text(value: str) -> str:
    """Article text → inert HTML text, for writers that build their own markup
    (reader.export.html): the escaping every rendered block gets."""
    return _text(value)
