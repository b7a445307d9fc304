"""What the reader pane shows of an article: corrections applied, then the chosen script.

No Qt here: the window asks, this answers, and caches what it computed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.chinese import Converters
from reader.chinese.convert import ScriptConverter, ScriptMode, target_lang
from reader.chinese.glossary import Glossary, GlossaryEntry
from reader.domain import Article, Script
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

    # --- corrections ---------------------------------------------------------

    def corrected(self, article: Article) -> Article:
        """The article with the audit fixes the user accepted; the original if none."""
        from reader.export.sources import apply_corrections  # shared with every export

        return apply_corrections(article, self.corrections.accepted(article.id))

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
            self._cache[key] = shown
            while len(self._cache) > _CACHED_ARTICLES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return shown

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
            def transform(text: str) -> str:
                return convert(text, mode, Script.MIXED)

            self._transforms[mode] = transform
        return transform

    def set_glossary(self, entries: list[GlossaryEntry]) -> None:
        self.glossary_store.replace_all(entries)
        self.converter.set_glossary(Glossary(entries))
        self._cache.clear()
        self._transforms.clear()

    def forget(self, article_id: str) -> None:
        for key in [k for k in self._cache if k[0] == article_id]:
            del self._cache[key]
