"""Script conversion: display modes, the OpenCC chain each article takes, and a converter.

The chain depends on the article's detected script, not only on the target: a
traditional article goes to Taiwan or Hong Kong standard through t2tw/t2hk, a
simplified one through s2tw/s2hk. The original text is never touched; conversion
produces a new Article (a view), built from shared, cached OpenCC converters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.domain import Article, Block, Script

if TYPE_CHECKING:
    from reader.chinese.detect import Converters
    from reader.chinese.folding import Folder
    from reader.chinese.glossary import Glossary


class ScriptMode(StrEnum):
    """The script an article is displayed in."""

    ORIGINAL = "original"
    SIMPLIFIED = "simplified"  # mainland Simplified
    TRADITIONAL = "traditional"  # OpenCC standard Traditional
    TAIWAN = "taiwan"  # Taiwan standard characters
    TAIWAN_PHRASES = "taiwan-phrases"  # Taiwan with Taiwan phrasing (s2twp)
    HONG_KONG = "hongkong"  # Hong Kong standard


# Names people type: short forms and BCP 47 tags. Compared lower-case, "_" as "-".
_ALIASES: dict[str, ScriptMode] = {
    **{m.value: m for m in ScriptMode},
    "s": ScriptMode.SIMPLIFIED,
    "zh-hans": ScriptMode.SIMPLIFIED,
    "zh-cn": ScriptMode.SIMPLIFIED,
    "t": ScriptMode.TRADITIONAL,
    "zh-hant": ScriptMode.TRADITIONAL,
    "tw": ScriptMode.TAIWAN,
    "zh-tw": ScriptMode.TAIWAN,
    "twp": ScriptMode.TAIWAN_PHRASES,
    "hk": ScriptMode.HONG_KONG,
    "hong-kong": ScriptMode.HONG_KONG,
    "zh-hk": ScriptMode.HONG_KONG,
}
_VALID_NAMES = ", ".join(m.value for m in ScriptMode)


def parse_mode(text: str) -> ScriptMode:
    """A mode from its name or an alias (s, t, tw, twp, hk, zh-Hans, zh-Hant, zh-TW, zh-HK)."""
    mode = _ALIASES.get(text.strip().lower().replace("_", "-"))
    if mode is None:
        raise ValueError(
            f"unknown script {text!r}; use one of: {_VALID_NAMES} "
            "(or s, t, tw, twp, hk, zh-Hans, zh-Hant, zh-TW, zh-HK)"
        )
    return mode


# From Simplified: s2* configs.
_FROM_SIMPLIFIED: dict[ScriptMode, tuple[str, ...]] = {
    ScriptMode.SIMPLIFIED: (),
    ScriptMode.TRADITIONAL: ("s2t",),
    ScriptMode.TAIWAN: ("s2tw",),
    ScriptMode.TAIWAN_PHRASES: ("s2twp",),
    ScriptMode.HONG_KONG: ("s2hk",),
}
_FROM_TRADITIONAL: dict[ScriptMode, tuple[str, ...]] = {
    ScriptMode.SIMPLIFIED: ("t2s",),
    ScriptMode.TRADITIONAL: (),
    # Straight to the other standard: a round trip through Simplified would merge
    # distinctions (乾/幹/干, 後/后) and guess them back.
    ScriptMode.TAIWAN: ("t2tw",),
    ScriptMode.HONG_KONG: ("t2hk",),
    # The one round trip: Taiwan phrasing (软件→軟體, 信息→資訊) exists in OpenCC only
    # as s2twp, whose phrase tables are keyed by Simplified text. Fed traditional text
    # directly it misses phrases and segments wrongly (結合中 → 結閤中, via 合中→閤中);
    # t2s first gives exactly what s2twp gives for the simplified original on the sample.
    ScriptMode.TAIWAN_PHRASES: ("t2s", "s2twp"),
}
# MIXED (and list titles, whose script is not known one by one): through Simplified
# first. t2s leaves simplified characters alone (none of OpenCC's 4,003
# simplified-only characters is changed by it); s2* straight on the traditional part
# would segment it as if it were Simplified (結合中 → 結閤中).
_FROM_MIXED: dict[ScriptMode, tuple[str, ...]] = {
    mode: ("t2s", *chain) for mode, chain in _FROM_SIMPLIFIED.items()
}


def conversion_chain(source: Script, mode: ScriptMode) -> tuple[str, ...]:
    """The OpenCC configs, in order, that take text in `source` script to `mode`."""
    if mode is ScriptMode.ORIGINAL:
        return ()
    if source is Script.TRADITIONAL:
        return _FROM_TRADITIONAL[mode]
    if source is Script.MIXED:
        return _FROM_MIXED[mode]
    return _FROM_SIMPLIFIED[mode]  # SIMPLIFIED, or UNKNOWN (no convertible characters)


def target_script(mode: ScriptMode, source: Script) -> Script:
    if mode is ScriptMode.ORIGINAL:
        return source
    if mode is ScriptMode.SIMPLIFIED:
        return Script.SIMPLIFIED
    return Script.TRADITIONAL


_LANGS = {
    ScriptMode.SIMPLIFIED: "zh-Hans",
    ScriptMode.TRADITIONAL: "zh-Hant",
    ScriptMode.TAIWAN: "zh-TW",
    ScriptMode.TAIWAN_PHRASES: "zh-TW",
    ScriptMode.HONG_KONG: "zh-HK",
}


def target_lang(mode: ScriptMode, source: Script) -> str:
    """The document language of converted text, for fonts and `lang` (traps #5)."""
    if mode is ScriptMode.ORIGINAL:
        return {Script.SIMPLIFIED: "zh-Hans", Script.TRADITIONAL: "zh-Hant"}.get(source, "zh")
    return _LANGS[mode]


def convert_with_chain(converters: Converters, text: str, chain: Sequence[str]) -> str:
    """Run text through each OpenCC config of the chain in turn."""
    for config in chain:
        text = converters.convert(config, text)
    return text


class ScriptConverter:
    """Converts text and whole articles.

    The OpenCC converters come from a shared Converters (built once per config).
    """

    def __init__(self, converters: Converters, glossary: Glossary | None = None) -> None:
        self._converters = converters
        self._glossary = glossary
        self._folder: Folder | None = None  # built when a glossary is first used

    def _folding(self) -> tuple[Folder, Converters]:
        if self._folder is None:
            from reader.chinese.folding import Folder

            self._folder = Folder(self._converters)
        return self._folder, self._converters

    @property
    def glossary(self) -> Glossary | None:
        return self._glossary

    def set_glossary(self, glossary: Glossary | None) -> None:
        self._glossary = glossary

    def convert_text(self, text: str, mode: ScriptMode, source: Script = Script.SIMPLIFIED) -> str:
        """Text in `source` script shown in `mode`, glossary overrides applied."""
        if mode is ScriptMode.ORIGINAL:
            return text
        chain = conversion_chain(source, mode)
        glossary = self._glossary
        if glossary is None:
            return convert_with_chain(self._converters, text, chain)
        # Glossary sources become placeholders OpenCC passes through, so its
        # phrase tables cannot rewrite them; the targets go back in afterwards.
        # Sources match in either script: one row serves 中聯部 and 中联部.
        protected, restore = glossary.protect(text, mode, self._folding())
        return restore(convert_with_chain(self._converters, protected, chain))

    def convert_article(self, article: Article, mode: ScriptMode) -> Article:
        """A converted view of the article; id, dates, origin and original_text are kept."""
        if mode is ScriptMode.ORIGINAL:
            return article
        header = self.convert_header(article, mode)
        return dataclasses.replace(
            header, blocks=self.convert_blocks(article.blocks, mode, article.script)
        )

    def convert_header(self, article: Article, mode: ScriptMode) -> Article:
        """The article with its title, breadcrumb and metadata converted and its
        script set to the target; its blocks as they are. With convert_blocks, an
        article can be shown converted a piece at a time."""
        if mode is ScriptMode.ORIGINAL:
            return article
        source = article.script
        optional = (article.source, article.author)
        pieces = [
            article.title,
            *article.section_path,
            *(p for p in optional if p is not None),
            *article.editors,
        ]
        done = iter(self._convert_pieces(pieces, mode, source))
        title = next(done)
        section_path = tuple(next(done) for _ in article.section_path)
        src, author = (None if p is None else next(done) for p in optional)
        editors = tuple(next(done) for _ in article.editors)
        return dataclasses.replace(
            article,
            title=title,
            section_path=section_path,
            source=src,
            author=author,
            editors=editors,
            script=target_script(mode, source),
        )

    def convert_blocks(
        self, blocks: Sequence[Block], mode: ScriptMode, source: Script
    ) -> tuple[Block, ...]:
        """Blocks of an article written in `source` script, converted to `mode`."""
        if mode is ScriptMode.ORIGINAL:
            return tuple(blocks)
        texts = self._convert_pieces([b.text for b in blocks], mode, source)
        return tuple(dataclasses.replace(b, text=t) for b, t in zip(blocks, texts, strict=True))

    def _convert_pieces(self, pieces: list[str], mode: ScriptMode, source: Script) -> list[str]:
        # One OpenCC call per config for the whole article: every call has a fixed
        # cost (one call per line over 10 MB ran at 60-85% of the joined speed).
        # No OpenCC phrase contains "\n", so joining changes nothing; a piece
        # holding "\n" itself would break the split.
        if not any("\n" in p for p in pieces):
            parts = self.convert_text("\n".join(pieces), mode, source).split("\n")
            # Glossary entries hold no "\n" either; the check is a guard.
            if len(parts) == len(pieces):
                return parts
        return [self.convert_text(p, mode, source) for p in pieces]
