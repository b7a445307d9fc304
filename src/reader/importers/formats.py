"""Which reader a file goes to: by its content first, its name second.

A page saved by a browser is HTML whatever it is called, and may open with white
space, a byte order mark or a comment (`<!-- saved from url=… -->`) before its
`<!DOCTYPE html>`; a single-file archive opens with MIME headers. The name decides
only between what the content leaves open: Markdown or plain text.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    MHTML = "mhtml"


HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".xht"})
MHTML_EXTENSIONS = frozenset({".mhtml", ".mht"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
# Picked up when importing a folder; files named one by one are read whatever they are.
ALL_EXTENSIONS = HTML_EXTENSIONS | MHTML_EXTENSIONS | MARKDOWN_EXTENSIONS | TEXT_EXTENSIONS

_SNIFF = 4096
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Comments, then the first tag of a page. Bounded: only the first bytes are looked at.
_HTML_START_RE = re.compile(
    rb"\A\s*(?:<!--.{0,2000}?-->\s*){0,8}"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|\?xml[^>]{0,200}>\s*<(?:!doctype\s+html|html))",
    re.I | re.S,
)
# Header lines (and their continuations) at the very start: a MIME message.
_MIME_RE = re.compile(
    rb"\A(?:[\x21-\x39\x3b-\x7e]{1,76}:[^\n]{0,998}\n(?:[ \t][^\n]{0,998}\n)*){1,40}", re.S
)


def _utf16_ascii(head: bytes) -> bytes:
    """The ASCII of a UTF-16 start (with or without BOM), to sniff it like the rest."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head[2:]
    if head[1:2] == b"\x00" and head[0:1] != b"\x00":
        return head[0::2]
    if head[0:1] == b"\x00" and head[1:2] != b"\x00":
        return head[1::2]
    return head


def sniff(data: bytes, suffix: str = "") -> Format:
    head = data[:_SNIFF]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    head = _utf16_ascii(head)
    if _HTML_START_RE.match(head):
        return Format.HTML
    normal = head.replace(b"\r\n", b"\n")
    if _MIME_RE.match(normal):
        headers = normal.split(b"\n\n", 1)[0].lower()
        if b"mime-version:" in headers and b"content-type:" in headers:
            return Format.MHTML
    suffix = suffix.lower()
    if suffix in MHTML_EXTENSIONS:
        return Format.MHTML
    if suffix in HTML_EXTENSIONS:
        return Format.HTML
    if suffix in MARKDOWN_EXTENSIONS:
        return Format.MARKDOWN
    return Format.TEXT
