"""Articles from Markdown: Reader's own exports exactly, ordinary Markdown reasonably.

- YAML front matter (reader.importers.front_matter, a small safe subset) for title,
  section, published, source, author, editors; other keys ignored.
- `#` is the title (unless the front matter has one), `##`… headings keep their
  level, paragraphs are separated by blank lines; list items and block quotes
  become paragraphs, code is kept as text.
- Inline text (reader.importers.markdown_inline): raw HTML is never passed on
  (traps #8) — tags are removed and their text kept, block tags (<p>, <div>,
  <br> …) split paragraphs, <script>/<style> lose their content too; links and
  images become their text, URLs dropped. Entities and backslash escapes are
  decoded, which reverses exactly the escaping of reader.export.markdown.
- A bilingual export (front matter `bilingual: true`) gives back its original:
  the block quotes holding the converted side are skipped.
"""

from __future__ import annotations

import re

from reader.domain import Block, bounded_section
from reader.importers.boilerplate import ParsedText, default_patterns, title_date
from reader.importers.front_matter import (
    Scalar,
    has_front_matter,
    parse_front_matter,
    split_front_matter,
)
from reader.importers.html_blocks import Line
from reader.importers.markdown_inline import HARD, SOFT, inline_text
from reader.importers.structure import HEADING_MAX, shape, take_header

__all__ = ["has_front_matter", "parse_markdown"]

# --- blocks ---------------------------------------------------------------------

# The opening of an ATX heading; its text and closing #s are taken apart by _atx_text:
# a lazy `(.*?)` before `(?:[ \t]+#+)?[ \t]*$` rescans every run of spaces (quadratic).
_ATX_RE = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_BREAK_RE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
_QUOTE_RE = re.compile(r" {0,3}>[ \t]?(.*)$")
_LIST_RE = re.compile(r" {0,3}(?:[-+*]|(\d{1,9}[.)]))[ \t]+(.*)$")
_FOOTNOTE_RE = re.compile(r" {0,3}\[\^[^\]]+\]:")
_LINK_DEF_RE = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S+")
_NO_SPACE_RE = re.compile(r"\s+|&nbsp;|&#160;|\u00a0")
_BOLD_MARKS = (("**", "**"), ("__", "__"), ("<strong>", "</strong>"), ("<b>", "</b>"))


class _Blocks:
    """Collects the lines of one paragraph at a time, then its blocks."""

    def __init__(self) -> None:
        # (kind, level, text, quoted, all of it bold)
        self.found: list[tuple[str, int, str, bool, bool]] = []
        self.lines: list[str] = []
        self.quoted = False

    def add_line(self, raw: str, quoted: bool = False) -> None:
        if self.lines and quoted != self.quoted:
            self.flush()
        self.quoted = quoted
        stripped = raw.strip()
        # A hard line break: a backslash not itself escaped, or two trailing spaces.
        trailing = len(stripped) - len(stripped.rstrip("\\"))
        if trailing % 2:
            self.lines.append(stripped[:-1] + HARD)
        elif raw.endswith("  "):
            self.lines.append(stripped + HARD)
        else:
            self.lines.append(stripped + SOFT)

    def flush(self) -> None:
        if self.lines:
            text = "".join(self.lines)
            plain = _NO_SPACE_RE.sub("", text)
            self.found.extend(
                ("p", 0, t, self.quoted, _bold_only(t, plain)) for t in inline_text(text)
            )
        self.lines = []
        self.quoted = False

    def heading(self, level: int, raw: str) -> None:
        self.flush()
        text = " ".join(inline_text(raw.strip()))
        if text:
            self.found.append(("h", level, text, False, False))

    def literal(self, text: str) -> None:
        self.flush()
        if text.strip():
            self.found.append(("p", 0, text, False, False))


def _bold_only(text: str, plain: str) -> bool:
    """Whether the source (`plain`: without spaces) writes this piece of text all bold:
    **…**, __…__, <strong>, <b>. A news digest writes its subheads so."""
    if not text or len(text) > HEADING_MAX:
        return False
    core = _NO_SPACE_RE.sub("", text)
    return any(f"{a}{core}{b}" in plain for a, b in _BOLD_MARKS)


def _atx_text(rest: str) -> str:
    """The text of an ATX heading after its opening #s: without the optional closing
    sequence of #s (one preceded by a space or tab, or the whole text)."""
    text = rest.strip(" \t")
    body = text.rstrip("#")
    if not body:
        return ""
    if len(body) < len(text) and body[-1] not in " \t":
        return text  # "# C#": the #s belong to the text
    return body.rstrip(" \t")


def _body(lines: list[str]) -> list[tuple[str, int, str, bool, bool]]:
    blocks = _Blocks()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        fence = _FENCE_RE.match(line)
        if fence:
            # Code is kept as written: no escapes, no tags taken out.
            mark, code = fence[1], []
            while i < len(lines) and not lines[i].strip().startswith(mark):
                code.append(lines[i])
                i += 1
            i += 1
            blocks.literal("\n".join(code))
            continue
        if not line.strip():
            blocks.flush()
            continue
        atx = _ATX_RE.match(line)
        if atx:
            blocks.heading(len(atx[1]), _atx_text(line[atx.end() :]))
            continue
        setext = _SETEXT_RE.match(line)
        if setext and blocks.lines and not blocks.quoted:
            text = "".join(blocks.lines)
            blocks.lines = []
            blocks.heading(1 if setext[1][0] == "=" else 2, text)
            continue
        if _BREAK_RE.match(line):
            blocks.flush()
            continue
        if _FOOTNOTE_RE.match(line):
            blocks.flush()
            while i < len(lines) and lines[i][:1] in (" ", "\t") and lines[i].strip():
                i += 1  # its continuation lines
            continue
        if not blocks.lines and _LINK_DEF_RE.match(line):
            continue
        quote = _QUOTE_RE.match(line)
        if quote:
            content = quote[1]
            if not content.strip():
                blocks.flush()
            else:
                blocks.add_line(re.sub(r"^#{1,6}[ \t]+", "", content), quoted=True)
            continue
        item = _LIST_RE.match(line)
        if item:
            blocks.flush()
            # An ordered item keeps its number: "3." says something; a bullet does not.
            blocks.add_line(f"{item[1]} {item[2]}" if item[1] else item[2])
            continue
        blocks.add_line(line)
    blocks.flush()
    return blocks.found


def _text_of(value: Scalar | list[str]) -> str | None:
    return value if isinstance(value, str) and value else None


def _list_of(value: Scalar | list[str]) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(value)
    return (value,) if isinstance(value, str) and value else ()


def parse_markdown(text: str) -> ParsedText:
    """Split Markdown into front-matter fields and body blocks (see the module doc)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front, body = split_front_matter(text.replace("\x00", "\ufffd"))
    meta = parse_front_matter(front) if front is not None else {}
    # Deeper or longer than a section holds: the rest stays in the article, as text.
    section, overflow = bounded_section(_list_of(meta.get("section")))
    result = ParsedText(
        title=_text_of(meta.get("title")),
        section_path=section,
        published=_text_of(meta.get("published")),
        source=_text_of(meta.get("source")),
        author=_text_of(meta.get("author")),
        editors=_list_of(meta.get("editors")),
    )
    bilingual = meta.get("bilingual") is True
    found = _body(body)
    if found and found[0][0] == "h" and found[0][1] == 1 and not found[0][3]:
        # The first `#` is the title; with a title in the front matter it repeats it.
        if result.title is None:
            result.title = found[0][2]
        found = found[1:]
    if overflow:
        result.blocks.append(Block.paragraph(" / ".join(overflow)))
    if front is None:
        # Ordinary Markdown (a news digest, notes): the structural step every page
        # goes through, so furniture, editor lines and bold subheads are read alike.
        _structure(found, result)
        return result
    # Reader's own export: its blocks, exactly as written.
    for kind, level, value, quoted, _ in found:
        if quoted and bilingual:
            continue  # the converted side of a bilingual export
        if kind == "h":
            result.blocks.append(Block.heading(value, max(2, level)))
        else:
            result.blocks.append(Block.paragraph(value))
    return result


def _structure(found: list[tuple[str, int, str, bool, bool]], result: ParsedText) -> None:
    pat = default_patterns()
    if result.title is not None and result.published is None:
        result.published = title_date(result.title, pat)
    lines = [
        Line(text, max(2, level) if kind == "h" else None, bold)
        for kind, level, text, _, bold in found
    ]
    start = take_header(lines, result, pat)
    shape(lines[start:], result, pat)
