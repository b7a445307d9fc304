"""What the reader pane shows of an article: corrections applied, then the chosen script.

No Qt here: the window asks, this answers, and caches what it computed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.chinese import Converters
from reader.chinese.convert import ScriptConverter, ScriptMode, target_lang
from reader.chinese.glossary import Glossary, GlossaryEntry
from reader.domain import Article, Block, Script
from reader.library.corrections import Correction, CorrectionStore
from reader.library.glossary_store import GlossaryStore

if TYPE_CHECKING:
    from reader.chinese.audit import Finding

_CACHED_ARTICLES = 16


class Presenter:
    def __init__(
        self, converters: Converters, corrections: CorrectionStore, glossary: GlossaryStore
    ) -> None:
        self.converters = converters
        self.corrections = corrections
        self.glossary_store = glossary
        self.converter = ScriptConverter(converters, glossary.glossary())
        self._cache: OrderedDict[tuple[str, ScriptMode], Article] = OrderedDict()
        # One cached transform per mode, kept across switches: switching back and
        # forth converts each title once.
        self._transforms: dict[ScriptMode, Callable[[str], str]] = {}
        # Counts what invalidates the cache (corrections, glossary): a Conversion
        # started before a change does not cache what it converted.
        self.version = 0

    # --- corrections ---------------------------------------------------------

    def corrected(self, article: Article) -> Article:
        """The article with the audit fixes the user accepted; the original if none."""
        accepted = self.corrections.accepted(article.id)
        if not accepted:
            return article  # without loading the export package (~10 ms of the start)
        from reader.export.sources import apply_corrections  # shared with every export

        return apply_corrections(article, accepted)

    def accepted_keys(self, article_id: str) -> set[tuple[int, int]]:
        return {(c.block, c.start) for c in self.corrections.accepted(article_id)}

    def accept(self, article_id: str, findings: list[Finding]) -> None:
        self.corrections.accept(
            article_id, [Correction(f.block, f.start, f.found, f.suggestion) for f in findings]
        )
        self.forget(article_id)

    def revert(self, article_id: str) -> None:
        self.corrections.clear(article_id)
        self.forget(article_id)

    # --- script ----------------------------------------------------------------

    def displayed(self, article: Article, mode: ScriptMode) -> Article:
        """Corrected, then converted to `mode` (through the glossary); cached."""
        key = (article.id, mode)
        shown = self._cache.get(key)
        if shown is None:
            shown = self.converter.convert_article(self.corrected(article), mode)
            self.remember(key, shown)
        else:
            self._cache.move_to_end(key)
        return shown

    def shown(self, article: Article, mode: ScriptMode) -> tuple[Article, Conversion | None]:
        """What the reader pane shows, without converting the body up front: the
        displayed article if it is cached (or needs no conversion); else the
        corrected article with its title and metadata converted and its blocks as
        they are, with the Conversion that converts those blocks a piece at a time
        (and caches the whole once every piece is converted)."""
        key = (article.id, mode)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached, None
        corrected = self.corrected(article)
        if mode is ScriptMode.ORIGINAL:
            self.remember(key, corrected)
            return corrected, None
        header = self.converter.convert_header(corrected, mode)
        return header, Conversion(self, key, header, corrected.script)

    def header(self, article: Article, mode: ScriptMode) -> Article:
        """The article's title and metadata as displayed (its blocks not converted)."""
        cached = self._cache.get((article.id, mode))
        if cached is not None:
            return cached
        return self.converter.convert_header(self.corrected(article), mode)

    def remember(self, key: tuple[str, ScriptMode], shown: Article) -> None:
        self._cache[key] = shown
        self._cache.move_to_end(key)
        while len(self._cache) > _CACHED_ARTICLES:
            self._cache.popitem(last=False)

    def lang(self, article: Article, mode: ScriptMode) -> str:
        return target_lang(mode, article.script)

    def title_transform(self, mode: ScriptMode) -> Callable[[str], str] | None:
        """For list titles and section names, whose script is not known one by one:
        MIXED takes the chain that suits either script. Cached per title."""
        if mode is ScriptMode.ORIGINAL:
            return None
        transform = self._transforms.get(mode)
        if transform is None:
            convert = self.converter.convert_text

            @lru_cache(maxsize=200_000)
            def cached(text: str) -> str:
                return convert(text, mode, Script.MIXED)

            transform = self._transforms[mode] = cached
        return transform

    def set_glossary(self, entries: list[GlossaryEntry]) -> None:
        self.glossary_store.replace_all(entries)
        self.converter.set_glossary(Glossary(entries))
        self._cache.clear()
        self._transforms.clear()
        self.version += 1

    def forget(self, article_id: str) -> None:
        for key in [k for k in self._cache if k[0] == article_id]:
            del self._cache[key]
        self.version += 1


class Conversion:
    """The blocks of one article converted for display, a piece at a time as the
    reader pane asks (`conversion(start, blocks)`); once every block has been
    converted, the whole displayed article goes into the presenter's cache."""

    def __init__(
        self, presenter: Presenter, key: tuple[str, ScriptMode], header: Article, source: Script
    ) -> None:
        self._presenter = presenter
        self._key = key
        self._header = header  # converted metadata, the corrected original's blocks
        self._source = source
        self._done: dict[int, tuple[Block, ...]] = {}
        self._count = 0
        self._version = presenter.version

    def __call__(self, start: int, blocks: Sequence[Block]) -> tuple[Block, ...]:
        converted = self._presenter.converter.convert_blocks(blocks, self._key[1], self._source)
        self.record(start, converted)
        return converted

    def convert_text(self, text: str) -> str:
        """A stretch of one block's text (a very long block is converted in
        stretches, cut after a sentence); `record` the block once it is whole."""
        return self._presenter.converter.convert_text(text, self._key[1], self._source)

    def record(self, start: int, converted: Sequence[Block]) -> None:
        """Blocks `start`… converted: once all are, the whole goes into the cache."""
        if start in self._done:
            return
        self._done[start] = tuple(converted)
        self._count += len(converted)
        if self._count == len(self._header.blocks) and self._version == self._presenter.version:
            joined = tuple(b for s in sorted(self._done) for b in self._done[s])
            self._presenter.remember(self._key, replace(self._header, blocks=joined))
