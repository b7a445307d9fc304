"""Articles from saved web pages: main content by readability-lxml, the rest by Reader.

    text ─▶ tree (html_tree: limits) ─┬─▶ title, date, author (html_meta)
                                       ├─▶ breadcrumb, date line near the headline
                                       └─▶ readability-lxml: main content ─▶ lines
                                            (html_blocks) ─▶ blocks (structure)

readability-lxml finds the article's container well on Chinese news pages (docs/
html-extraction.md); what it does not do, Reader does around it: the page is decoded
by Reader (html_tree), the headline is the page's own heading without the site's name,
the date comes from metadata or the date line under the headline, and editor, source,
breadcrumb and furniture lines go into metadata or away through the pattern data of
the text importer. Nothing is fetched: images and links are dropped to their text.
"""

from __future__ import annotations

import logging
import re

from lxml import etree, html

from reader.importers.boilerplate import (
    Header,
    ParsedText,
    Patterns,
    credit,
    date_in,
    default_patterns,
    issue_date,
)
from reader.importers.html_blocks import Line, lines_of
from reader.importers.html_meta import PageData, default_page_data, read_meta, saved_from, site_key
from reader.importers.html_tree import Deadline, PageRefused, parse_page
from reader.importers.names import author_name, is_outlet, source_name
from reader.importers.structure import compact, is_crumb_line, shape, take_byline, take_header

_CRUMB_BEFORE = 40  # page lines before the headline searched for the breadcrumb
_META_AFTER = 6  # page lines after the headline searched for the date line
_DATE_LINE_MAX = 40  # longest line that opens with a date read as the page's date
_MIN_CONTENT = 30  # characters: less than this from readability, and the page's own lines
_SCRIPT_MAX = 200
# A sentence, not a date line: a full-width comma or semicolon between words
# (蔡健雅（Tanya Chua），1975年1月28日出生于新加坡，…).
_PROSE = re.compile(r"[\u4e00-\u9fff][，；]")  # longest inline script read for a date
_WIDE_COMMA, _COUNTED_COMMA = "，", "，,"
_SHORT_LINE = 20  # characters: a page line shorter than this counts against a run


def _title_index(lines: list[Line], title: str | None) -> int | None:
    if not title:
        return None
    want = compact(title)
    for i, line in enumerate(lines):
        if compact(line.text) == want:
            return i
    for i, line in enumerate(lines):
        if line.level is not None and want in compact(line.text):
            return i
    return None


def _around_headline(page: list[Line], at: int | None, result: ParsedText, pat: Patterns) -> None:
    """Breadcrumb before the headline; date, source, author lines under it."""
    header = Header(pat, result)
    if at is None:
        return
    title = compact(page[at].text)
    for line in reversed(page[max(0, at - _CRUMB_BEFORE) : at]):
        crumbs = header.breadcrumb(line.text) if is_crumb_line(line.text, pat) else None
        # The headline itself often ends a breadcrumb: it is no section.
        levels = (
            tuple(c for c in crumbs[0] if not _is_headline(compact(c), title)) if crumbs else ()
        )
        # 社會 / 社會: a level repeated (the channel above its own page) is one level.
        levels = tuple(c for i, c in enumerate(levels) if i == 0 or c != levels[i - 1])
        if levels:
            result.section_path = levels
            break
    previous = page[at].text
    for line in page[at + 1 : at + 1 + _META_AFTER]:
        # A value under a label of its own (出生日期 / 1975年1月28日): not the page's date.
        other = pat.date_other is not None and pat.date_other.search(previous) is not None
        previous = line.text
        if other:
            continue
        name = credit(line.text, pat)
        if name:  # a byline under the headline: 【聯合報╱本報記者古硯偉】
            take_byline(result, name)
            continue
        header.meta(line.text)
        if result.published is None and not _PROSE.search(line.text):
            result.published = date_in(line.text, pat)


def _script_lines(root: html.HtmlElement) -> list[Line]:
    """Short inline scripts of the page, as lines: some pages write their date with one
    (<script>showDate("2020/04/17 01:43:09")</script>). Read for a date, never run."""
    found: list[Line] = []
    body = root.find("body")
    for el in (body if body is not None else root).iter("script"):
        text = el.text or ""
        if el.get("src") is None and 0 < len(text) <= _SCRIPT_MAX:
            found.append(Line(text.strip()))
    return found


def _is_headline(crumb: str, title: str) -> bool:
    """Whether a breadcrumb level is the headline (or the start of it, cut short)."""
    return crumb == title or (title.startswith(crumb) and len(crumb) * 2 >= len(title))


def _page_date(page: list[Line], root: html.HtmlElement, pat: Patterns) -> str | None:
    """A date the page states without saying where: the first one after a label
    (发布时间：…); else the first with a time of day (in the text, then in short
    scripts); else the first short line that
    opens with a date (2003-7-24 钱江晚报); else the month of a magazine issue."""
    for line in page:
        found = date_in(line.text, pat, labelled=True)
        if found is not None:
            return found
    for line in [*page, *_script_lines(root)]:
        found = date_in(line.text, pat)
        if found is not None and "T" in found:
            return found
    for line in page:
        if len(line.text) <= _DATE_LINE_MAX and pat.date.match(line.text):
            found = date_in(line.text, pat)
            if found is not None:
                return found
    for line in reversed(page):
        found = issue_date(line.text, pat)
        if found is not None:
            return found
    return None


def _better(first: str | None, second: str | None) -> str | None:
    """`first`, with the time of day from `second` when it states the same day."""
    if first is None:
        return second
    if second is not None and "T" not in first and second.startswith(first + "T"):
        return second
    return first


def _main_content(root: html.HtmlElement, deadline: Deadline) -> list[Line] | None:
    from readability import Document
    from readability.readability import Unparseable

    # readability finds prose by its commas, and counts only ASCII ones: each
    # full-width comma gets one beside it for the count, taken away again below.
    for el in root.iter():
        if el.text and _WIDE_COMMA in el.text:
            el.text = el.text.replace(_WIDE_COMMA, _COUNTED_COMMA)
        if el.tail and _WIDE_COMMA in el.tail:
            el.tail = el.tail.replace(_WIDE_COMMA, _COUNTED_COMMA)
    try:
        summary = Document(root).summary(html_partial=True)
    except (Unparseable, ValueError, etree.LxmlError):
        logging.getLogger(__name__).debug("readability failed", exc_info=True)
        return None
    deadline.check()
    if not summary or not summary.strip():
        return None
    summary = summary.replace(_COUNTED_COMMA, _WIDE_COMMA)
    fragment = html.fragment_fromstring(summary, create_parent="div")
    return lines_of(fragment, deadline)


def densest_run(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the run of page lines richest in prose: each line scores its
    length past _SHORT_LINE (short lines, menus and links, score below zero), and the
    run with the highest sum wins (Kadane's algorithm: one pass)."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0, i
        total += len(line.text) - _SHORT_LINE
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _chars(lines: list[Line]) -> int:
    return sum(len(line.text) for line in lines)


def parse_html(
    text: str,
    pat: Patterns | None = None,
    data: PageData | None = None,
    deadline: Deadline | None = None,
) -> ParsedText:
    """A decoded page → title, metadata and blocks; PageRefused past a limit."""
    pat = pat or default_patterns()
    data = data or default_page_data()
    deadline = deadline or Deadline()
    root = parse_page(text, deadline)
    meta = read_meta(root, pat, data)
    body = root.find("body")
    page = lines_of(body if body is not None else root, deadline)
    deadline.check()

    result = ParsedText(title=meta.title)
    at = _title_index(page, meta.title)
    _around_headline(page, at, result, pat)
    # The date line under the headline is what the article states; metadata next.
    result.published = _better(result.published, meta.published)
    result.author = result.author or meta.author
    result.source = result.source or meta.source
    if not result.section_path and meta.site:
        result.section_path = (meta.site,)  # no breadcrumb: the site is the section
    result.site = meta.address or site_key(saved_from(text))

    content = _main_content(root, deadline)
    if content is None or _chars(content) < _MIN_CONTENT:
        # Nothing readability could use: the page's densest run of prose.
        start, end = densest_run(page)
        content = page[start:end]
    start = take_header(content, result, pat)
    shape(content[start:], result, pat)
    if result.published is None:
        result.published = _page_date(page, root, pat) or meta.modified
    if result.title is None and result.blocks:
        first = result.blocks[0]
        if first.level is not None:
            result.title = first.text
            result.blocks.pop(0)
    # The name alone (reader.importers.names).
    result.author = author_name(result.author)
    result.source = source_name(result.source)
    if result.author is not None and is_outlet(result.author):  # 作者：中央通訊社
        result.source = result.source or result.author
        result.author = None
    return result


__all__ = ["PageRefused", "parse_html"]
