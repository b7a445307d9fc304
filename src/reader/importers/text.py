"""Articles from text: news pages saved as text, and ordinary plain text.

A saved news page looks like this (people.com.cn, Xinhua, gov.cn …)::

    中國共產黨新聞網>>黨建>>…            breadcrumb → section path
    分享                                  furniture (resources/boilerplate)
    中聯部在主題教育期間深入開展調查研究  title
    2023年08月30日13:42    來源:旗幟網    meta line → published, source
    ——副题                               subtitle (a kicker, 引题, may stand above the title)
    …paragraphs and short headings…
    (責編:王子鋒、王珂園)                 editors

Every part is optional; a field that is not there stays absent, never guessed.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from reader.domain import ZERO_WIDTH, Block, BlockRole
from reader.importers.boilerplate import (
    Header,
    ParsedText,
    Patterns,
    credit,
    default_patterns,
    editors,
    is_furniture,
)

__all__ = ["ParsedText", "Patterns", "clean_text", "default_patterns", "parse_text"]

# Lines at the top that may still be breadcrumb, title or meta.
_HEADER_LINES = 8
# Longest line taken for a heading or a title.
_HEADING_MAX = 40
_TITLE_MAX = 100
# A short line is a heading only if the article also has real prose.
_PROSE_MIN = 80
_SENTENCE_END = "。！？!?；;…：:"
_CLOSERS = "”’」』）)》】"

_NBSP_RE = re.compile("[\u00a0\u2007\u202f]")
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    indented: bool  # began with ideographic or repeated spaces
    blank_before: bool
    alone: bool = False  # a paragraph of its own whatever the layout (a credit line)


def clean_text(text: str) -> str:
    """Newlines to LF, NBSP to space, zero-width characters removed."""
    # re.sub, not str.translate: translate is slow on non-ASCII text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ZERO_WIDTH_RE.sub("", _NBSP_RE.sub(" ", text))


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        lead = raw[: len(raw) - len(raw.lstrip())]
        indented = "\u3000" in lead or "\t" in lead or len(lead) >= 2
        out.append(_Line(stripped, indented, blank))
        blank = False
    return out


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def _paragraphs(lines: list[_Line]) -> list[list[str]]:
    """Group body lines into paragraphs.

    Blank lines separate paragraphs when the text uses them; otherwise an
    indented line (　　 or spaces) starts one; with neither, each line is one.
    """
    if not lines:
        return []
    uses_blank = any(ln.blank_before for ln in lines[1:])
    uses_indent = sum(ln.indented for ln in lines) >= max(2, len(lines) // 3)
    groups: list[list[str]] = []
    after_alone = False
    for ln in lines:
        starts = (
            not groups
            or ln.alone
            or after_alone
            or (uses_blank and ln.blank_before)
            or (uses_indent and ln.indented)
            or (not uses_blank and not uses_indent)
        )
        after_alone = ln.alone
        if starts:
            groups.append([ln.text])
        else:
            groups[-1].append(ln.text)
    return groups


def _join(parts: list[str]) -> str:
    """Join wrapped lines: no space between Chinese, one between Latin words."""
    out = [parts[0]]
    for before, part in itertools.pairwise(parts):  # lines are never empty
        end, start = before[-1], part[0]
        if end.isascii() and end.isalnum() and start.isascii() and start.isalnum():
            out.append(" ")
        out.append(part)  # a list joined once: += would copy the text at every line
    return "".join(out)


def _is_prose(text: str) -> bool:
    """A line longer than any heading that ends a sentence with 。: a paragraph, not a
    title (a headline may end with ！ or ？, never with 。)."""
    return len(text) > _HEADING_MAX and text.rstrip(_CLOSERS).endswith("。")


def _title_like(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not _ends_sentence(text)


def _starts_subtitle(text: str, pat: Patterns) -> bool:
    return pat.subtitle_start is not None and pat.subtitle_start.match(text) is not None


def _ends_kicker(text: str, pat: Patterns) -> bool:
    return pat.kicker_end is not None and pat.kicker_end.search(text[-10:]) is not None


def _blocks(groups: list[list[str]], pat: Patterns, result: ParsedText) -> list[Block]:
    has_prose = any(len(_join(g)) >= _PROSE_MIN for g in groups)
    blocks: list[Block] = []
    for i, group in enumerate(groups):
        text = _join(group)
        name = credit(text, pat) if len(group) == 1 else None
        if name:  # a byline: （记者王小明）
            result.author = result.author or name
            continue
        if name == "":  # （作者为北京大学教授）, 版式设计：…: kept, but not body text
            blocks.append(Block.paragraph(text, role=BlockRole.CREDIT))
            continue
        single_short = len(group) == 1 and len(text) <= _HEADING_MAX and not _ends_sentence(text)
        level = (
            next((lv for rx, lv in pat.headings if rx.match(text)), None) if single_short else None
        )
        if single_short and level is not None:
            blocks.append(Block.heading(text, level))
        elif single_short and has_prose and i < len(groups) - 1:
            blocks.append(Block.heading(text, 2))
        else:
            blocks.append(Block.paragraph(text))
    return blocks


def parse_text(text: str, pat: Patterns | None = None) -> ParsedText:
    """Split a decoded text into header fields and body blocks."""
    pat = pat or default_patterns()
    result = ParsedText()
    found_editors: list[str] = []
    kept: list[_Line] = []
    for ln in _lines(clean_text(text)):
        names = editors(ln.text, pat)
        if names is not None:
            found_editors.extend(n for n in names if n not in found_editors)
        elif credit(ln.text, pat) is not None:
            kept.append(dataclasses.replace(ln, alone=True))
        elif not is_furniture(ln.text, pat):
            kept.append(ln)
    result.editors = tuple(found_editors)

    header = Header(pat, result)
    body_start = 0
    overflow = ""  # breadcrumb levels past what a section holds: kept as text
    kicker = subtitle = None  # 引题 above a print article's title, 副题 below it
    for i, ln in enumerate(kept[:_HEADER_LINES]):
        text = ln.text
        if result.title is None and not result.section_path:
            crumbs = header.breadcrumb(text)
            if crumbs:
                result.section_path, overflow = crumbs
                body_start = i + 1
                continue
        if header.meta(text):
            body_start = i + 1
            continue
        if result.title is None and _is_prose(text):
            break  # the article's first paragraph: no title in the file (its name is)
        if result.title is None and len(text) <= _TITLE_MAX:
            result.title = text
            body_start = i + 1
            continue
        title = result.title
        right_under = title is not None and i == body_start and subtitle is None
        if right_under and _title_like(text) and _starts_subtitle(text, pat):
            subtitle = text
            body_start = i + 1
            continue
        if right_under and kicker is None and _title_like(text) and _ends_kicker(title or "", pat):
            kicker, result.title = result.title, text
            body_start = i + 1
            continue
        name = credit(text, pat) if result.title is not None else None
        if name:  # 本报记者 王小明, under the title
            result.author = result.author or name
            body_start = i + 1
            continue
        break
    result.blocks = _blocks(_paragraphs(kept[body_start:]), pat, result)
    if subtitle is not None:
        result.blocks.insert(0, Block.paragraph(subtitle, role=BlockRole.SUBTITLE))
    if kicker is not None:
        result.blocks.insert(0, Block.paragraph(kicker, role=BlockRole.KICKER))
    if result.title is None and not result.blocks and kept:
        # Nothing but header-like lines (a file holding only a date, say):
        # plain text after all, first line the title.
        result.title = kept[0].text[:_TITLE_MAX]
    if overflow:
        result.blocks.insert(0, Block.paragraph(overflow))
    return result
