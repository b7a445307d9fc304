"""ExportDocument → Markdown that Reader's importer reads back to the same article.

Layout: YAML front matter (title, section, published, source, author, editors,
script, lang), `# title`, `##`/`###`/`####` headings, paragraphs separated by
blank lines. Notes are footnotes (`[^1]`), which the importer drops again.

Escaping (reversed exactly by reader.importers.markdown): `\\ ` * _ [ ] | ~ #` get a
backslash everywhere; `& < >` become entities, so HTML in the text stays text in
any Markdown renderer (traps #8); at the start of a line `- + = 1.` are escaped so
they cannot open a list or a heading; whitespace at either end of a line and
control characters are numeric entities; a newline inside a paragraph is a
backslash hard break.

Bilingual: each block (and the title) is followed by its converted counterpart as
a block quote (`> …`). The front matter then describes the original — `script` and
`lang` name the original's, `converted_script`/`converted_lang` the quotes' — and
says `bilingual: true`, so a re-import skips the quotes and gives back the original.
"""

from __future__ import annotations

import json
import re

from reader.domain import Article, Block, BlockKind
from reader.export.options import ExportDocument

_BACKSLASHED = frozenset("\\`*_[]|~#")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_START_RE = re.compile(r"^([-+=])|^(\d+)([.)])")
# Characters a YAML double-quoted string must not hold raw (C1 controls, line and
# paragraph separators, BOM); json.dumps leaves them as they are.
_YAML_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def _char(ch: str) -> str:
    if ch in _BACKSLASHED:
        return "\\" + ch
    if ch in _ENTITIES:
        return _ENTITIES[ch]
    if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
        return f"&#{ord(ch)};"
    return ch


def _entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" for c in text)


def escape_line(line: str) -> str:
    """One line of article text → Markdown that shows exactly that text."""
    core = line.strip()
    if not core:
        return _entities(line)
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    out = "".join(map(_char, core))
    out = _LINE_START_RE.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", out, count=1)
    # Whitespace at the ends would be dropped as layout (or open a code block).
    return _entities(lead) + out + _entities(trail)


def escape_block(text: str) -> str:
    """A paragraph: its lines escaped, newlines kept as backslash hard breaks.

    Newlines at either end cannot be hard breaks (Markdown drops those), so they are
    entities; an empty line inside is a line holding only the break's backslash.
    """
    core = text.strip("\n")
    before = len(text) - len(text.lstrip("\n"))
    after = len(text) - len(text.rstrip("\n")) if core else 0
    lines = "\\\n".join(escape_line(line) for line in core.split("\n")) if core else ""
    return "&#10;" * before + lines + "&#10;" * after


def escape_heading(text: str) -> str:
    # A heading is one line in Markdown: its newlines become entities.
    return escape_block(text).replace("\\\n", "&#10;")


def yaml_string(value: str) -> str:
    """A YAML double-quoted string: JSON's escaping is valid YAML, plus a few more."""
    return _YAML_UNSAFE_RE.sub(
        lambda m: f"\\u{ord(m[0]):04x}", json.dumps(value, ensure_ascii=False)
    )


def _front_matter(doc: ExportDocument) -> list[str]:
    described = doc.original if doc.bilingual else doc.article
    lines = ["---", f"title: {yaml_string(described.title)}"]
    if described.section_path:
        lines.append(f"section: [{', '.join(map(yaml_string, described.section_path))}]")
    for key in ("published", "source", "author"):
        value = getattr(described, key)
        if value is not None:
            lines.append(f"{key}: {yaml_string(value)}")
    if described.editors:
        lines.append(f"editors: [{', '.join(map(yaml_string, described.editors))}]")
    if doc.bilingual:
        lines += [
            f"script: {yaml_string(doc.original.script.value)}",
            f"lang: {yaml_string(doc.original_lang)}",
            f"converted_script: {yaml_string(doc.script_name)}",
            f"converted_lang: {yaml_string(doc.lang)}",
            "bilingual: true",
        ]
    else:
        lines += [f"script: {yaml_string(doc.script_name)}", f"lang: {yaml_string(doc.lang)}"]
    return [*lines, "---"]


def _marks(doc: ExportDocument, block: int | None) -> str:
    return "".join(f"[^{n.number}]" for n in doc.notes_on(block))


def _block(block: Block, marks: str = "") -> str:
    if block.kind is BlockKind.HEADING:
        level = min(6, max(2, block.level or 2))
        return f"{'#' * level} {escape_heading(block.text)}{marks}"
    return escape_block(block.text) + marks


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in escape_block(text).split("\n"))


def render_markdown(doc: ExportDocument) -> str:
    first: Article = doc.original if doc.bilingual else doc.article
    out = [*_front_matter(doc), "", f"# {escape_heading(first.title)}{_marks(doc, None)}"]
    if doc.bilingual:
        out += ["", _quoted(doc.article.title)]
        for index, (left, right) in enumerate(doc.pairs()):
            out += ["", _block(left, _marks(doc, index)), "", _quoted(right.text)]
    else:
        for index, block in enumerate(doc.article.blocks):
            out += ["", _block(block, _marks(doc, index))]
    if doc.notes:
        out.append("")
        for note in doc.notes:
            # Continuation lines of a footnote are indented by four spaces.
            body = escape_block(doc.note_text(note)).replace("\\\n", "\\\n    ")
            out.append(f"[^{note.number}]: {body}")
    return "\n".join(out) + "\n"
