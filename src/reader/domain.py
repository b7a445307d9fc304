"""Reader's values: articles and their blocks. Standard library only; nothing of ours."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Script(StrEnum):
    """The script an article is written in, as detected on import."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Block:
    """One heading or paragraph of an article's body.

    Heading levels start at 2: level 1 is the article title. A paragraph may have a
    role (see BlockRole): what it is beside the body text; shown and exported as a
    paragraph wherever the role is not known.
    """

    kind: BlockKind
    text: str
    level: int | None = None
    role: str | None = None

    @staticmethod
    def heading(text: str, level: int = 2) -> Block:
        return Block(BlockKind.HEADING, text, level)

    @staticmethod
    def paragraph(text: str, role: str | None = None) -> Block:
        return Block(BlockKind.PARAGRAPH, text, None, role)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"type": self.kind.value}
        if self.kind is BlockKind.HEADING:
            data["level"] = self.level
        if self.role is not None:
            data["role"] = self.role
        data["text"] = self.text
        return data

    @staticmethod
    def from_json(data: dict[str, object]) -> Block:
        kind = BlockKind(str(data["type"]))
        level = data.get("level")
        role = data.get("role")
        return Block(
            kind,
            str(data["text"]),
            int(str(level)) if level is not None else None,
            str(role) if role is not None else None,
        )


class BlockRole:
    """Roles of paragraphs that are not body text (the `role` key of a block's JSON)."""

    KICKER = "kicker"  # the line above a print article's title (引题)
    SUBTITLE = "subtitle"  # the line below it (副题)
    CREDIT = "credit"  # （作者为…）, 版式设计：…: kept, but not body text


# How deep and how long a section path may be, for every importer and the library.
# A saved page's breadcrumb can be anything (a 2 KB file held 1,000 levels, and a
# library that deep made the article list fail at start), so the section is the
# leading levels that fit, and the importers keep the rest in the article as text.
# - 8 levels: real breadcrumbs of the sites Reader serves have 2 to 6
#   (中國共產黨新聞網 >> 黨建 >> …, 首页 > 政策 > 最新), a folder tree rarely more,
#   and a tree 8 levels deep still fits the list pane.
# - 255 characters a level: a file or folder name (255 bytes on ext4) always fits,
#   so a folder's section is never cut; a text breadcrumb level has 40 at most anyway.
MAX_SECTION_DEPTH = 8
MAX_SECTION_NAME = 255


def fitting_levels(path: Sequence[str]) -> int:
    """How many leading levels of `path` make its section: those before the first
    level past MAX_SECTION_DEPTH or longer than MAX_SECTION_NAME."""
    for depth, name in enumerate(path):
        if depth == MAX_SECTION_DEPTH or len(name) > MAX_SECTION_NAME:
            return depth
    return len(path)


def bounded_section(path: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the section, the levels that did not fit)."""
    kept = fitting_levels(path)
    return tuple(path[:kept]), tuple(path[kept:])


@dataclass(frozen=True)
class Article:
    """A parsed article. `original_text` is the decoded file, kept so the
    library works after the file is gone; it is never changed."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    section_path: tuple[str, ...] = ()
    published: str | None = None
    source: str | None = None
    author: str | None = None
    editors: tuple[str, ...] = ()
    script: Script = Script.UNKNOWN
    origin_path: str | None = None
    original_text: str = field(default="", repr=False)
    site: str | None = None  # the host of the page's address, without www. (html_meta)

    def to_json(self) -> dict[str, object]:
        """The stable JSON shape documented in docs/cli.md."""
        return {
            "id": self.id,
            "title": self.title,
            "section": list(self.section_path),
            "published": self.published,
            "source": self.source,
            "author": self.author,
            "editors": list(self.editors),
            "script": self.script.value,
            "blocks": [b.to_json() for b in self.blocks],
        }


# Characters that carry no content: zero-width marks and the BOM used as ZWNBSP.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")


def fingerprint(text: str) -> str:
    """Identity of an article's content, independent of encoding, newlines,
    spacing and file name: NFC, no whitespace, no zero-width characters."""
    import hashlib  # here: loading OpenSSL's hashes costs the app's start-up 5 ms

    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # re.sub, not str.translate: translate is slow on non-ASCII text.
    normal = _ZERO_WIDTH_RE.sub("", text)
    compact = "".join(normal.split())
    return hashlib.sha256(compact.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Bookmark:
    """A marked article or passage, anchored to the original text.

    The anchor is article id + block index + a short quote of the original
    block, never an offset in converted text; when the blocks change (a better
    parser), the quote finds the block again. One that cannot be found again is
    kept and marked orphaned, never dropped.
    """

    id: str  # stable across export and import (uuid hex)
    article_id: str
    block: int | None  # None: the whole article
    quote: str = ""  # the start of the original block's text (or of the selection)
    selection: tuple[int, int] | None = None  # offsets in the original block's text
    note: str = ""
    colour: str = ""  # "" or a #rrggbb colour
    created_at: str = ""  # ISO 8601, UTC
    updated_at: str = ""
    orphaned: bool = False
