"""ExportDocument → plain text, UTF-8 (a BOM on request, for Windows tools that need one).

Layout, as Chinese plain text is usually set: the title, the section and meta
lines, a blank line, then headings on their own lines and paragraphs indented
by two ideographic spaces, a blank line between blocks. Notes are marked `[1]`
and listed in an appendix. Bilingual: the original line, then the converted one,
for the title and every block.
"""

from __future__ import annotations

from reader.domain import Block, BlockKind
from reader.export.options import ExportDocument
from reader.render import meta_line

INDENT = "\u3000\u3000"
BOM = "\ufeff"


def _marks(doc: ExportDocument, block: int | None) -> str:
    return "".join(f"[{n.number}]" for n in doc.notes_on(block))


def _block(block: Block, marks: str = "") -> str:
    if block.kind is BlockKind.HEADING:
        return block.text + marks
    return INDENT + block.text + marks


def render_text(doc: ExportDocument) -> str:
    article = doc.article
    if doc.bilingual:
        lines = [doc.original.title + _marks(doc, None), article.title]
    else:
        lines = [article.title + _marks(doc, None)]
    if article.section_path:
        lines.append(" / ".join(article.section_path))
    meta = meta_line(article)
    if meta:
        lines.append(meta)
    if doc.bilingual:
        for index, (left, right) in enumerate(doc.pairs()):
            lines += ["", _block(left, _marks(doc, index)), _block(right)]
    else:
        for index, block in enumerate(article.blocks):
            lines += ["", _block(block, _marks(doc, index))]
    if doc.notes:
        lines += ["", "", doc.labels.notes]
        lines += [f"[{n.number}] {doc.note_text(n)}" for n in doc.notes]
    return "\n".join(lines) + "\n"


def text_bytes(doc: ExportDocument) -> bytes:
    text = render_text(doc)
    return ((BOM + text) if doc.options.bom else text).encode("utf-8")
