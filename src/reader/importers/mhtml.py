"""Single-file web archives (.mhtml, .mht): the page inside, unwrapped by the `email` package.

Browsers save "Web page, single file" as a MIME multipart/related message: the page
as its first text/html part (or the part the `start` parameter names), then its
images, styles and frames as further parts, each quoted-printable or base64. Reader
takes the page's bytes and the part's charset and reads them as it reads a saved
.html file, so the article is the same either way. The other parts are never
decoded: nothing in them is shown, and nothing is fetched.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from reader.importers.html_tree import PageRefused

_MAX_PARTS = 10_000


def _html_parts(message: Message) -> list[Message]:
    parts: list[Message] = []
    for count, part in enumerate(message.walk()):
        if count > _MAX_PARTS:
            raise PageRefused(f"more than the limit of {_MAX_PARTS:,} parts in the archive")
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            parts.append(part)
    return parts


def _start(message: Message, parts: list[Message]) -> Message:
    """The root part: the one the `start` parameter names, else the first page."""
    start = message.get_param("start")
    if isinstance(start, str):
        want = start.strip().strip("<>")
        for part in parts:
            cid = (part.get("Content-ID") or "").strip().strip("<>")
            if cid and cid == want:
                return part
    return parts[0]


def unwrap(data: bytes) -> tuple[bytes, str | None]:
    """(the page's bytes, its part's declared charset) of an archive; PageRefused if
    it holds no page."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if message.defects and not message.is_multipart() and not _html_parts(message):
        raise PageRefused("not a readable web archive (MIME)")
    parts = _html_parts(message)
    if not parts:
        raise PageRefused("the web archive holds no web page")
    root = _start(message, parts)
    payload = root.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise PageRefused("the web archive's page is empty")
    charset = root.get_content_charset()
    return payload, charset
