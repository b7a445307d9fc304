"""ExportDocument → one standalone HTML5 file in the reader's typography.

The page is reader.render's standalone document (render_article, for_qt=False):
inline CSS, the right `lang`, and every piece of text escaped and defanged, so
the file names no script and no resource, remote or local (traps #2, #8).
With notes, the blocks are written here with footnote marks linking to an
appendix (in-page `#n1` anchors only); bilingual, the body is a two-column table
— original | converted, one row per block — with each column's own lang and fonts.
"""

from __future__ import annotations

import dataclasses
import html

from reader.domain import Block, BlockKind, Script
from reader.export.options import ExportDocument
from reader.render import (
    PALETTES,
    FontStyle,
    RenderOptions,
    Theme,
    escape_text,
    font_families,
    render_article,
)

_GENERIC = ("serif", "sans-serif")


def _families(script: Script, lang: str) -> str:
    names = font_families(script, FontStyle.SERIF, lang)
    # Generic keywords stay unquoted, or CSS would look for a font named "serif".
    return ", ".join(n if n in _GENERIC else f'"{n}"' for n in names)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _extra_css(doc: ExportDocument) -> str:
    muted = PALETTES[Theme.LIGHT].muted
    rules = [
        "sup.fn { font-size: 0.7em; line-height: 0; }",
        "sup.fn a, section.notes a { color: inherit; text-decoration: none; }",
        f"section.notes {{ margin-top: 2.5em; border-top: 1px solid {muted}; font-size: 0.9em; }}",
        "section.notes li { margin-bottom: 0.4em; line-height: 1.7; }",
    ]
    if doc.bilingual:
        rules += [
            ".content { max-width: 80em; }",  # two columns of the usual measure
            "table.bilingual { width: 100%; border-collapse: collapse; table-layout: fixed; }",
            "table.bilingual td, table.bilingual th "
            "{ width: 50%; vertical-align: top; padding: 0 0.75em; text-align: left; }",
            f"table.bilingual th {{ color: {muted}; font-weight: 600; font-size: 0.8em; }}",
            "table.bilingual p.title { font-size: 1.22em; font-weight: 600; text-indent: 0; }",
            f"td.original {{ font-family: {_families(doc.original.script, doc.original_lang)}; }}",
            f"td.converted {{ font-family: {_families(doc.article.script, doc.lang)}; }}",
        ]
    return "\n".join(rules)


def _refs(doc: ExportDocument, block: int | None) -> str:
    return "".join(
        f'<sup class="fn"><a href="#n{n.number}" id="r{n.number}">{n.number}</a></sup>'
        for n in doc.notes_on(block)
    )


def _block(block: Block, index: int | None, refs: str = "") -> str:
    heading = block.kind is BlockKind.HEADING
    tag = f"h{min(4, max(2, block.level or 2))}" if heading else "p"
    anchor = f' id="b{index}"' if index is not None else ""
    return f"<{tag}{anchor}>{escape_text(block.text)}{refs}</{tag}>"


def _notes(doc: ExportDocument) -> str:
    items = "\n".join(
        f'<li id="n{n.number}">{escape_text(doc.note_text(n))} <a href="#r{n.number}">↩</a></li>'
        for n in doc.notes
    )
    return (
        f'<section class="notes">\n<h2>{escape_text(doc.labels.notes)}</h2>\n'
        f"<ol>\n{items}\n</ol>\n</section>"
    )


def _table(doc: ExportDocument) -> str:
    left, right = _attr(doc.original_lang), _attr(doc.lang)

    def row(a: str, b: str, tag: str = "td") -> str:
        return (
            f'<tr><{tag} class="original" lang="{left}">{a}</{tag}>'
            f'<{tag} class="converted" lang="{right}">{b}</{tag}></tr>'
        )

    rows = [
        row(escape_text(doc.labels.original), escape_text(doc.labels.converted), "th"),
        row(
            f'<p class="title">{escape_text(doc.original.title)}{_refs(doc, None)}</p>',
            f'<p class="title">{escape_text(doc.article.title)}</p>',
        ),
    ]
    for index, (a, b) in enumerate(doc.pairs()):
        rows.append(row(_block(a, index, _refs(doc, index)), _block(b, None)))
    return '<table class="bilingual">\n' + "\n".join(rows) + "\n</table>"


def render_html(doc: ExportDocument) -> str:
    options = RenderOptions(for_qt=False, lang=doc.lang)
    if not doc.notes and not doc.bilingual:
        return render_article(doc.article, options)
    # The page without its blocks: head, typography, breadcrumb, title, meta line.
    page = render_article(dataclasses.replace(doc.article, blocks=()), options)
    page = page.replace("</style>", _extra_css(doc) + "\n</style>", 1)
    if doc.bilingual:
        body = _table(doc)
    else:
        page = page.replace("</h1>", _refs(doc, None) + "</h1>", 1)
        body = "\n".join(_block(b, i, _refs(doc, i)) for i, b in enumerate(doc.article.blocks))
    if doc.notes:
        body += "\n" + _notes(doc)
    head, end, tail = page.rpartition("</div>\n</body>")
    if not end:  # render_article's page changed shape; fail loudly, never half-write
        raise RuntimeError("unexpected page layout from render_article")
    return f"{head}{body}\n{end}{tail}"
