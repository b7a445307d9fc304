"""Markup → lines: the one structural step every HTML-like format goes through.

Saved pages (after main-content extraction), single-file archives and Markdown
(rendered by Python-Markdown) all end here as an lxml element. Its text becomes
lines in reading order, each one paragraph or heading of the page: block elements
(p, div, li, td, …) and <br> end a line; <h1>–<h6> give a heading level; a line
whose text is all bold (<strong>, <b>) is marked, since news pages write their
subheads that way. Nothing is fetched or kept but text: images, scripts, styles,
forms and embedded objects are skipped, links become their text.

The walk is iterative (lxml's iterwalk), so no page is too deep for the stack, and
linear in the size of the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.importers.html_tree import Deadline


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BLOCK_TAGS = _words(
    "address article aside blockquote body center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header "
    "hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul caption legend text"
)
SKIP_TAGS = _words(
    "applet audio button canvas embed head iframe img input map math noscript object "
    "option script select source style svg template textarea title track video "
    "noembed noframes picture"
)
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_BOLD_TAGS = frozenset({"b", "strong"})

_SPACE_RE = re.compile(r"[ \t\n\r\f\v\u00a0\u2007\u202f]+")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Line:
    """One paragraph or heading of a page, in reading order."""

    text: str
    level: int | None = None  # 1–4 inside <h1>–<h6>, else None
    bold: bool = False  # all of its text is bold: a subhead, if it is short


def _wide(ch: str) -> bool:
    return ch > "\u2e7f"  # CJK and full-width punctuation


def _collapse(text: str) -> str:
    """HTML whitespace: runs become one space, and none between two Chinese characters
    where the source only wrapped a line."""

    def one(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if "\n" in m[0] and _wide(before) and _wide(after):
            return ""
        return " "

    return _SPACE_RE.sub(one, _ZERO_WIDTH_RE.sub("", text)).strip()


class _Collector:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.chars = 0
        self.bold_chars = 0
        self.level: int | None = None

    def add(self, text: str | None, bold: bool, pre: bool) -> None:
        if not text:
            return
        if pre:  # a <pre>: its own line breaks are lines
            pieces = text.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self.flush()
                self._add(piece, bold)
            return
        self._add(text, bold)

    def _add(self, text: str, bold: bool) -> None:
        self.parts.append(text)
        n = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
        self.chars += n
        if bold:
            self.bold_chars += n

    def flush(self) -> None:
        if self.parts:
            text = _collapse("".join(self.parts))
            if text:
                bold = self.level is None and self.bold_chars >= self.chars > 0
                self.lines.append(Line(text, self.level, bold))
        self.parts = []
        self.chars = self.bold_chars = 0


def lines_of(root: etree._Element, deadline: Deadline | None = None) -> list[Line]:
    """The lines of `root` and everything in it, in reading order."""
    out = _Collector()
    bold = pre = 0
    walk = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for seen, (event, el) in enumerate(walk):
        if deadline is not None and seen % 20_000 == 19_999:
            deadline.check()
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # a comment or processing instruction: only its tail is text
            if event != "end":
                out.add(el.tail, bold > 0, pre > 0)
            continue
        tag = tag.lower()
        if event == "start":
            if tag in SKIP_TAGS:
                walk.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                out.flush()
                if tag in _HEADING_LEVEL:
                    out.level = _HEADING_LEVEL[tag]
            elif tag == "br":
                out.flush()
            bold += tag in _BOLD_TAGS
            pre += tag == "pre"
            out.add(el.text, bold > 0, pre > 0)
        else:
            if tag not in SKIP_TAGS:
                bold -= tag in _BOLD_TAGS
                pre -= tag == "pre"
                if tag in BLOCK_TAGS:
                    out.flush()
                    if tag in _HEADING_LEVEL:
                        out.level = None
            if el is not root:
                out.add(el.tail, bold > 0, pre > 0)
    out.flush()
    return out.lines
