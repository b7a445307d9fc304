"""Lines of markup → headings, paragraphs and metadata: one step for HTML, MHTML, Markdown.

Each line (reader.importers.html_blocks) is read with the text importer's pattern
data (reader.importers.boilerplate): editor lines give editors, credit lines give
the author, 来源/作者 lines give source and author, furniture (share, print, QR,
"查看原文", update stamps) goes away, and near the top a breadcrumb gives the section
and a date line the date. None of them stays in the body.

What is left becomes blocks: <h1>–<h6> are headings (levels 2–4; level 1 is the
title), and so are short lines that are all bold or numbered like a heading
(一、…, 第一章 …) in an article that has prose. Credit lines that name nobody
(（作者为…）, 版式设计：…) stay, as paragraphs marked `credit`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.domain import Block, BlockRole
from reader.importers.boilerplate import (
    Header,
    ParsedText,
    Patterns,
    credit,
    editors,
    is_furniture,
)
from reader.importers.html_blocks import Line
from reader.importers.names import is_outlet

HEAD_LINES = 8  # lines at the top that may be breadcrumb, repeated title or meta
HEADING_MAX = 40  # longest bold or numbered line taken for a heading
MARKED_HEADING_MAX = 80  # longest <h2>–<h6> taken for a heading
PROSE_MIN = 60  # a bold line is a subhead only in an article with prose
_SENTENCE_END = "。！？!?；;…"
_CLOSERS = "”’」』）)》】"
_SPACE_RE = re.compile(r"\s+")


def compact(text: str) -> str:
    return _SPACE_RE.sub("", text)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def is_crumb_line(text: str, pat: Patterns) -> bool:
    """A breadcrumb says where it is (当前位置) or uses a path separator at least twice:
    a line with a lone '>' is not one."""
    if pat.breadcrumb_noise.search(text):
        return True
    return len(pat.breadcrumb_separator.findall(text)) >= 2


def take_header(lines: list[Line], result: ParsedText, pat: Patterns) -> int:
    """Read breadcrumb and meta lines (and the title, if it is repeated) at the top of
    `lines` into `result`; the index of the first line past them."""
    header = Header(pat, result)
    title = compact(result.title) if result.title else None
    start = 0
    for i, line in enumerate(lines[:HEAD_LINES]):
        text = line.text
        if title is not None and compact(text) == title:
            start = i + 1
            continue
        if not result.section_path and is_crumb_line(text, pat):
            crumbs = header.breadcrumb(text)
            if crumbs and crumbs[0]:
                result.section_path = crumbs[0]
                start = i + 1
                continue
        if header.meta(text):
            start = i + 1
            continue
        if not is_furniture(text, pat):
            break
    return start


def shape(lines: list[Line], result: ParsedText, pat: Patterns) -> None:
    """Append the blocks of `lines` to `result`, taking boilerplate into its metadata."""
    header = Header(pat, result)
    found_editors = list(result.editors)
    kept: list[tuple[Line, bool]] = []  # (line, is a credit)
    for line in lines:
        text = line.text
        names = editors(text, pat)
        if names is not None:
            found_editors.extend(n for n in names if n not in found_editors)
            continue
        if is_furniture(text, pat):
            continue
        name = credit(text, pat)
        if name:
            take_byline(result, name)
            continue
        if header.meta(text, labelled_only=True):
            continue
        kept.append((line, name == ""))
    # The byline may open the first paragraph or one just after (below a subtitle).
    for i in [i for i, (_, is_credit) in enumerate(kept) if not is_credit][:_LEADING_LINES]:
        line = _bracket_byline(kept[i][0], result, pat, leading=True)
        if line is not kept[i][0]:
            kept[i] = (line, False)
            break
    # …or close the last paragraph of the article, before a box or a notice.
    for i in [i for i, (_, is_credit) in enumerate(kept) if not is_credit][-_TRAILING_LINES:][::-1]:
        line = _bracket_byline(kept[i][0], result, pat, leading=False)
        if line is not kept[i][0]:
            kept[i] = (line, False)
            break
    result.editors = tuple(found_editors)
    has_prose = any(len(line.text) >= PROSE_MIN for line, _ in kept)
    marked = 1  # the level of the last <h2>–<h4>: a bold subhead goes one below it
    for i, (line, is_credit) in enumerate(kept):
        if is_credit:
            result.blocks.append(Block.paragraph(line.text, role=BlockRole.CREDIT))
            continue
        block = _block(line, pat, has_prose, last=i == len(kept) - 1, below=marked)
        if line.level is not None and block.level is not None:
            marked = block.level
        result.blocks.append(block)


def take_byline(result: ParsedText, name: str) -> None:
    """A byline names the writer: it wins over an "author" that is the outlet (the
    source, or the site the article is filed under)."""
    outlets = (result.source, result.section_path[0] if result.section_path else None)
    if is_outlet(name):
        return  # 〔即時新聞／綜合報導〕: a desk, not a writer
    if result.author is None or result.author in outlets or is_outlet(result.author):
        result.author = name


# A byline in brackets that begins the first paragraph or ends the last one:
# 〔記者李欣芳／台北報導〕最新消息！…; ……的过程吗？”（姚峰 上海报道）
_LEADING_LINES = 3
_PHOTO = re.compile(r"[攝摄]")  # 攝, 攝影, 翻攝: who took a picture
_TRAILING_LINES = 6
_LEADING_BRACKETS = re.compile(r"^\s*[（(〔【][^（()）〔〕【】]{2,40}[）)〕】]")
_TRAILING_BRACKETS = re.compile(r"[（(〔【][^（()）〔〕【】]{2,40}[）)〕】]\s*$")


def _bracket_byline(line: Line, result: ParsedText, pat: Patterns, leading: bool) -> Line:
    """The line without a byline in brackets at its start (`leading`) or end, which
    names the writer; the line as it was if there is no byline there, or nothing
    else on the line (a byline line of its own is read by credit())."""
    if leading:
        m = _LEADING_BRACKETS.match(line.text)
        rest = line.text[m.end() :] if m else ""
    else:
        tail = max(0, len(line.text) - 60)  # the end only: linear however long
        m = _TRAILING_BRACKETS.search(line.text, tail)
        rest = line.text[: m.start()] if m else ""
    if m is None or not rest.strip():
        return line
    bracket = m.group().strip()
    if _PHOTO.search(bracket) or (pat.caption is not None and pat.caption.search(bracket)):
        return line  # a picture's credit (（圖／翻攝畫面）, （記者劉信德攝）): not the writer
    name = credit(bracket, pat)
    if not name:
        return line
    take_byline(result, name)
    return replace(line, text=rest.strip())


def _block(line: Line, pat: Patterns, has_prose: bool, last: bool, below: int) -> Block:
    text = line.text.strip()
    if line.level is not None and pat.heading_noise is not None:
        head, tail = text[:-40], text[-40:]  # the end only: linear however long
        text = head + pat.heading_noise.sub("", tail) or line.text
    if pat.caption is not None and len(text) <= MARKED_HEADING_MAX and pat.caption.search(text):
        return Block.paragraph(text)  # a picture's caption, bold or marked as it may be
    if line.level is not None and len(text) <= MARKED_HEADING_MAX:
        return Block.heading(text, min(4, max(2, line.level)))
    short = len(text) <= HEADING_MAX and not _ends_sentence(text)
    if short and has_prose and not last:
        numbered = next((lv for rx, lv in pat.headings if rx.match(text)), None)
        if numbered is not None:
            return Block.heading(text, numbered)
        if line.bold:
            return Block.heading(text, min(4, below + 1))
    return Block.paragraph(text)
