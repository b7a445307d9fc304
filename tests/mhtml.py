"""Single-file web archives for tests, made as browsers make them: MIME multipart/related
with the page first (quoted-printable or base64, in the page's own charset) and an
image part after it. Built with the standard library's `email` package."""

from __future__ import annotations

from email.encoders import encode_base64, encode_quopri
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart

# The smallest valid GIF: an image part to skip.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def make_mhtml(page: bytes, charset: str | None, transfer: str = "quoted-printable") -> bytes:
    """The archive of `page` (its bytes as saved), its part labelled `charset`."""
    root = MIMEMultipart("related", type="text/html")
    root["Subject"] = "saved page"
    part = MIMENonMultipart("text", "html")
    if charset is not None:
        part.set_param("charset", charset)
    part.set_payload(page)
    (encode_quopri if transfer == "quoted-printable" else encode_base64)(part)
    part["Content-Location"] = "https://example.org/news/1.html"
    root.attach(part)
    image = MIMEImage(GIF, "gif")
    image["Content-Location"] = "https://example.org/news/1.gif"
    root.attach(image)
    return root.as_bytes()
