"""File names from article titles, safe on every OS, and always inside the chosen folder.

traps.md #13: ext4 allows 255 *bytes* per name (84 Han characters plus ".md");
Windows refuses device names (CON, nul.txt, COM1.md …), `: * ? " < > |`, and
silently drops trailing dots and spaces; `Path(folder) / "/abs"` drops the folder.
Python 3.11's PureWindowsPath.is_reserved() misses several of these, so the rules
are spelled out here.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

MAX_NAME_BYTES = 255
UNTITLED = "untitled"

# Device names Windows reserves whatever the extension and case ("nul.txt", "Com1.md");
# the superscript digits count too (COM¹), and so do the console names.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in "0123456789¹²³"}
)
# Path separators and the characters Windows forbids; a run of them becomes one "_".
_FORBIDDEN_RE = re.compile(r'[\\/:*?"<>|]+')
# Bidirectional controls can make "gpj.exe" read as "exe.jpg": never in a name.
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL_RE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]+")
_DOTS_RE = re.compile(r"\.{2,}")


def _clean(text: str) -> str:
    """One name component with nothing an OS could read as a path, device or control."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())  # newlines and tabs in a title become single spaces
    text = _CONTROL_RE.sub("_", text)
    text = _FORBIDDEN_RE.sub("_", text)
    return _DOTS_RE.sub(".", text)  # no ".." left to walk up with, anywhere


def _trim(stem: str) -> str:
    # Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows,
    # so "a." and "a" would be the same file there.
    return stem.lstrip(". ").rstrip(". ")


def _fit(stem: str, budget: int) -> str:
    """The longest prefix of `stem` whose UTF-8 fits in `budget` bytes, cut between
    characters (never inside one), combining marks kept with their base."""
    if len(stem.encode("utf-8")) <= budget:
        return stem
    cut = stem.encode("utf-8")[: max(0, budget)].decode("utf-8", "ignore")
    # A base character without the marks that followed it would be another character.
    while cut and unicodedata.combining(stem[len(cut)]):
        cut = cut[:-1]
    return cut


def _not_reserved(stem: str, extension: str) -> str:
    device = (stem + extension).split(".", 1)[0].rstrip(" ").upper()
    return f"_{stem}" if device in _RESERVED else stem


def safe_filename(title: str, extension: str) -> str:
    """A file name for `title` with `extension` (".md" or "md"), safe on Windows, macOS
    and Linux, at most 255 UTF-8 bytes with the extension kept whole."""
    ext = _trim(_clean(extension).replace(" ", ""))
    ext = f".{ext}" if ext else ""
    ext = _fit(ext, 32)  # an extension is short; a hostile one must not eat the title
    stem = _trim(_clean(title)) or UNTITLED
    stem = _trim(_fit(stem, MAX_NAME_BYTES - len(ext.encode("utf-8")))) or UNTITLED
    # Device names are short, so the "_" they gain never breaks the byte limit.
    return _not_reserved(stem, ext) + ext


def split_name(name: str) -> tuple[str, str]:
    """("report", ".md") from "report.md"; no extension for ".md" alone or "a.b c"."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not ext or " " in ext or len(ext) > 16:
        return name, ""
    return stem, f".{ext}"


def safe_name(name: str) -> str:
    """A whole file name (as typed, or found in a title) made safe; its extension kept."""
    stem, ext = split_name(_clean(name))
    return safe_filename(stem, ext)


def numbered(name: str, n: int) -> str:
    """ "title (n).md": the n-th name tried when "title.md" is taken; still ≤ 255 bytes."""
    stem, ext = split_name(name)
    suffix = f" ({n}){ext}"
    return _trim(_fit(stem, MAX_NAME_BYTES - len(suffix.encode("utf-8")))) + suffix


def target_in(folder: Path, name: str) -> Path:
    """`name`, made safe, inside `folder`: never above it, never elsewhere.

    The folder is resolved (symlinks, "..") and the result checked against it, so a
    name like "../../x" or "/etc/x" cannot move the file out of it.
    """
    root = folder.expanduser().resolve()
    clean = safe_name(name)
    target = root / clean
    # The last component is not resolved: a symlink there is replaced by os.replace,
    # not followed, so only its parent must be the folder.
    if target.parent != root or os.path.normpath(target) != str(target):
        raise ValueError(f"{name!r}: not a file name inside {root}")
    return target


def printable(path: Path | str) -> str:
    """`path` as text any terminal can print: bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates) shown as U+FFFD, where print()
    to a UTF-8 stdout would raise."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
