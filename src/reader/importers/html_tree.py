"""Saved web pages: bytes → text with Reader's decoder, text → an lxml tree, within limits.

The page is decoded here, never by the parser or the extractor: a declared charset
is only a hint that strict decoding and the plausibility score must bear out
(reader.importers.decode; pages labelled UTF-8 are often GBK, and the reverse), so
lxml and readability are handed text, never bytes.

Limits, each refused with a message that names it (docs/cli.md):
- nesting deeper than MAX_DEPTH levels: libxml2 silently stops nesting at 256 and
  the text past that is lost or misplaced, and deep trees are what makes layout
  and tree walks slow (traps #4);
- more than MAX_ELEMENTS elements;
- parsing and extraction that run longer than MAX_SECONDS (checked between the
  steps and inside Reader's own walks over the tree).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from lxml import etree, html

from reader.importers.decode import Decoded, DecodeError, decode_bytes

# Real saved pages nest at most 35 deep (the 118 pages of ../shared/corpus).
MAX_DEPTH = 100
MAX_ELEMENTS = 300_000
MAX_SECONDS = 10.0

# A charset named in the first bytes: <meta charset=…> or <meta http-equiv=…
# content="text/html; charset=…">. Searched in a bounded window only.
_SNIFF_BYTES = 4096
_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_XML_DECL_RE = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I
)


class PageRefused(Exception):
    """A page past one of the limits, or not a page at all; str() says which."""


@dataclass
class Deadline:
    """The time a page may take; check() raises PageRefused once it has passed."""

    seconds: float = MAX_SECONDS
    start: float = 0.0

    def __post_init__(self) -> None:
        self.start = time.monotonic()

    def check(self) -> None:
        if time.monotonic() - self.start > self.seconds:
            raise PageRefused(f"the page took longer than the {self.seconds:g} s limit to read")


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, if any."""
    head = data[:_SNIFF_BYTES]
    m = _XML_DECL_RE.match(head) or _CHARSET_RE.search(head)
    return m[1].decode("ascii") if m else None


def decode_page(data: bytes, charset: str | None = None) -> Decoded:
    """A page's text: `charset` (from a MIME part) or the page's own declaration,
    checked against the bytes by Reader's decoder."""
    try:
        return decode_bytes(data, charset or declared_charset(data))
    except DecodeError as exc:
        raise PageRefused(str(exc)) from exc


# XML declarations and control characters lxml refuses in a str.
_XML_DECL_TEXT_RE = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_BAD_XML_CHARS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse_page(text: str, deadline: Deadline) -> html.HtmlElement:
    """The page as an lxml tree; PageRefused past the depth or size limits."""
    text = _BAD_XML_CHARS_RE.sub("", _XML_DECL_TEXT_RE.sub("", text, count=1))
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PageRefused(f"not a readable web page ({exc})") from exc
    deadline.check()
    check_tree(root, deadline)
    return root


def check_tree(root: etree._Element, deadline: Deadline) -> None:
    """Refuse a tree deeper than MAX_DEPTH or larger than MAX_ELEMENTS (no recursion)."""
    depth = count = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            count += 1
            if depth > MAX_DEPTH:
                raise PageRefused(f"nested deeper than the limit of {MAX_DEPTH} levels")
            if count > MAX_ELEMENTS:
                raise PageRefused(f"more elements than the limit of {MAX_ELEMENTS:,}")
            if count % 20_000 == 0:
                deadline.check()
        else:
            depth -= 1
