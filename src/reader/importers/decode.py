"""Bytes → text for Chinese articles, without an encoding detector.

Detectors fail on short Chinese text (charset-normalizer called a 7-character
GB18030 title utf_16_be, a Big5 one johab, and 100 NUL bytes utf_8), and Big5
bytes decode *without error* as GB18030 into mojibake. So the order is fixed:
BOM → UTF-16 by NUL pattern → strict UTF-8 → GB18030 vs Big5 by a plausibility
score, where a declared charset that decodes strictly breaks ties → tolerant
decode of a single bad byte, last. Binary is refused before and after.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass

_EMPTY = "empty file"
_BINARY = "binary data, not text"
_UNDECODABLE = "not valid text in UTF-8, GB18030, Big5 or UTF-16"

# (BOM, codec for the rest, name reported). Longest first: the UTF-32-LE BOM
# begins with the UTF-16-LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

# Common binary formats: PNG, GIF, JPEG, PDF, ZIP (so docx/epub), ELF, gzip, SQLite.
_MAGIC = (b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04",
          b"PK\x05\x06", b"\x7fELF", b"\x1f\x8b", b"SQLite format 3\x00")  # fmt: skip

# Report name → Python codec. cp950 is what "Big5" means in practice (Windows'
# superset: euro sign, box drawing row F9).
_CODECS = {"gb18030": "gb18030", "big5": "cp950", "big5hkscs": "big5hkscs"}
_LABELS = {
    "gb18030": ("gb18030", "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
                "gb-2312-80", "gb-2312", "csgb2312", "chinese", "iso-ir-58", "euc-cn"),
    "big5": ("big5", "x-big5", "cp950", "ms950", "windows-950", "csbig5", "cn-big5", "big-5"),
    "big5hkscs": ("big5-hkscs", "big5hkscs", "hkscs"),
    "utf-8": ("utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"),
    "utf-16-le": ("utf-16le", "utf-16-le", "utf-16", "utf16", "ucs-2", "unicode"),
    "utf-16-be": ("utf-16be", "utf-16-be"),
}  # fmt: skip
_LABEL_MAP = {label: name for name, labels in _LABELS.items() for label in labels}

# Controls that do occur in real text files: \t \n \v \f \r and ESC (ANSI colour).
_ALLOWED_C0 = frozenset("\t\n\v\f\r\x1b")
_BAD_C0 = tuple(ch for ch in map(chr, range(32)) if ch not in _ALLOWED_C0)
_BAD_C0_BYTES = "".join(_BAD_C0).encode("ascii")
_SCORE_SAMPLE = 100_000  # characters; enough to decide, keeps 20 MB files fast


class DecodeError(Exception):
    """One-line reason the bytes are not text we can read."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False


def normalise_label(label: str) -> str | None:
    """Canonical name for a charset label, or None if we don't decode it.

    Only the GB18030 and Big5 names affect decode_bytes: UTF-8 is always tried,
    and a UTF-16 label readable as ASCII is a lie (real UTF-16 is full of NULs).

    GB2312/GBK labels mean GB18030: it is their superset, and pages labelled
    GB2312 routinely contain GBK-only characters. HZ is 7-bit and unsupported.
    """
    return _LABEL_MAP.get(_label_key(label))


def _label_key(label: str) -> str:
    # Labels come from meta tags and headers: quoted, any case, _ or -.
    return label.strip().strip("\"'").strip().lower().replace("_", "-")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes; raise DecodeError if they are not text.

    `declared` is a charset label from the file's metadata (HTTP header, meta
    tag), trusted only as far as strict decoding and the score bear it out.
    """
    if not data or data.isspace():  # as `not data.strip()`, without copying 20 MB
        raise DecodeError(_EMPTY)
    if data.startswith(_MAGIC):
        raise DecodeError(_BINARY)
    for bom, codec, reported in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise DecodeError(f"not valid {codec} after its byte order mark") from None
            return _finish(text, reported)
    utf16 = _utf16_by_nuls(data)
    if utf16 is not None:
        return _finish(*utf16)
    # Every remaining candidate is ASCII-compatible (bytes < 0x80 are ASCII,
    # also inside GB18030 and Big5 sequences), so binary shows in the raw bytes.
    if b"\x00" in data or _too_many_control_bytes(data):
        raise DecodeError(_BINARY)
    # From here each control character is the same byte in the text, so the check
    # above holds for the text too and _finish need not scan it again.
    try:
        return _finish(data.decode("utf-8"), "utf-8", checked=True)
    except UnicodeDecodeError:
        pass
    text, encoding, lossy = _decode_cjk(data, normalise_label(declared) if declared else None)
    return _finish(text, encoding, lossy, checked=True)


def _finish(text: str, encoding: str, lossy: bool = False, checked: bool = False) -> Decoded:
    if not text or text.isspace():
        raise DecodeError(_EMPTY)
    if not checked and ("\x00" in text or _too_many_controls(text)):
        raise DecodeError(_BINARY)
    if "\r" in text:  # one fast search; the replacements copy the text twice
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, lossy)


def _too_many_control_bytes(data: bytes) -> bool:
    # bytes.translate deletes in one C pass: one scan, not one per control character.
    bad = len(data) - len(data.translate(None, _BAD_C0_BYTES))
    return bad * 100 > len(data)


def _too_many_controls(text: str) -> bool:
    # str.count per control runs in C; a Python loop would stall on 20 MB files.
    bad = sum(text.count(ch) for ch in _BAD_C0)
    return bad * 100 > len(text)


def _utf16_by_nuls(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM, told by where its NULs sit: (text, codec) or None.

    ASCII (newlines, digits, punctuation) in UTF-16 has a NUL high byte: odd
    offsets in LE, even in BE. NULs spread evenly are binary, not text.
    Pure-CJK UTF-16 has few NULs and may go undetected.
    """
    if b"\x00" not in data:  # one memchr; the counts below copy the file twice
        return None
    pairs, even, odd = len(data) // 2, data[0::2].count(0), data[1::2].count(0)
    # One NUL per 100 characters: a newline after each 100-character paragraph.
    # The other side gets some too: 一 U+4E00 (1-2% of Chinese text) is 00 4E in
    # LE. So both byte orders are decoded and the more plausible one wins.
    if len(data) % 2 or max(even, odd) * 100 < max(pairs, 1) or min(even, odd) * 2 > max(even, odd):
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = max(_score(text[:_SCORE_SAMPLE], s) for s in (True, False))
        # Binary with lopsided NULs decodes too, into scattered code points.
        if score > 0 and (best is None or score > best[0]):
            best = (score, text, codec)
    return None if best is None else best[1:]


def _decode_cjk(data: bytes, declared: str | None) -> tuple[str, str, bool]:
    """Choose among GB18030 and Big5 decodings by plausibility.

    A strict decoding that is implausible (GB18030 bytes decode strictly as
    Big5-HKSCS into rare characters) loses to a tolerant one that replaced a
    single bad byte, so all are scored together; each replacement costs dearly.
    """
    best: tuple[float, int, str, str, bool] | None = None
    for rank, name in enumerate(_CODECS):
        codec = _CODECS[name]
        try:
            text, lossy = data.decode(codec), False
        except UnicodeDecodeError:
            text, lossy = data.decode(codec, errors="replace"), True
            bad = text.count("\ufffd")
            # Real saved pages sometimes carry one bad byte; more is not this codec.
            if len(text) < 20 or bad > max(1, len(text) // 500):
                continue
        score = _score(text[:_SCORE_SAMPLE], simplified=name == "gb18030")
        if name == declared and not lossy:
            # A declaration that decodes strictly breaks ties, no more: pages
            # labelled Big5 are often GB and vice versa, and short GB text can
            # decode strictly as Big5.
            score += 1
        key = (score, -rank, text, name, lossy)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        raise DecodeError(_UNDECODABLE)
    return best[2], best[3], best[4]


def mostly_common(text: str) -> bool:
    """Whether at least half the characters past ASCII are common hanzi (GB2312
    level 1, Big5's frequent set) or CJK punctuation.

    For a few characters decoded from a legacy code page (a file name), the score
    below cannot decide: Latin-1 "Müller" decodes strictly as GB18030 "M黮ler".
    Real Chinese names are mostly common characters.
    """
    wide = [ch for ch in text if ch >= "\x80"]
    common = _common_hanzi(True) | _common_hanzi(False)
    good = sum(
        ch in common or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in wide
    )
    return good * 2 >= len(wide)


@functools.cache
def _common_hanzi(simplified: bool) -> frozenset[str]:
    """GB2312 level 1 (common simplified) or Big5 frequently used (traditional).

    Built on first use by decoding the byte ranges, not stored as data.
    """
    chars: set[str] = set()
    if simplified:
        for lead in range(0xB0, 0xD8):
            for trail in range(0xA1, 0xFF):
                _add_decoded(chars, bytes((lead, trail)), "gb2312")
    else:
        for lead in range(0xA4, 0xC7):
            for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
                if (lead, trail) <= (0xC6, 0x7E):
                    _add_decoded(chars, bytes((lead, trail)), "cp950")
    return frozenset(chars)


def _add_decoded(chars: set[str], pair: bytes, codec: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):  # gaps, e.g. GB2312 D7FA–D7FE
        chars.add(pair.decode(codec))


def _score(text: str, simplified: bool) -> float:
    """Plausibility of decoded Chinese text: higher is more like real text.

    Big5 read as GB18030 yields kana, Greek, Cyrillic, box drawing, PUA and rare
    GBK-extension characters; GB18030 read as Big5 yields Big5's "less
    frequent" characters. Real text is mostly common hanzi, ASCII, punctuation.
    """
    # Common in the candidate's own script scores most. The other script's
    # common set scores less: Big5 read as GB18030 lands on GBK's traditional
    # characters, while real GB text holds traditional ones only now and then.
    own, other = _common_hanzi(simplified), _common_hanzi(not simplified)
    score = 0.0
    for ch in text:
        o = ord(ch)
        if ch in own:
            score += 2
        elif ch in other:
            score += 1
        elif o < 0x80:
            score += 1 if ch >= " " or ch in _ALLOWED_C0 else -5
        elif 0x4E00 <= o <= 0x9FFF:
            score -= 0.5  # a real but rare hanzi: fine once, suspicious in bulk
        elif 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027:
            score += 1  # CJK and full-width punctuation, dashes, quotes, ellipsis
        elif o == 0xFFFD:
            score -= 10
        elif 0xE000 <= o <= 0xF8FF:
            score -= 5  # Private Use Area: GB18030 user-defined rows
        elif (
            0x3040 <= o <= 0x30FF  # kana
            or 0x0370 <= o <= 0x04FF  # Greek, Cyrillic
            or 0x2500 <= o <= 0x257F  # box drawing
            or 0x3100 <= o <= 0x312F  # bopomofo
            or 0x00C0 <= o <= 0x02FF  # accented Latin: GB18030 pinyin row
        ):
            score -= 3
        else:
            score -= 1  # extension hanzi, symbols, anything else
    return score
