"""Folding: the form in which text is compared, whatever script it was written in.

Search, the title filter, section identity and glossary matching all compare
folded text, so 幹部 meets 干部, 臺灣 meets 台湾, 裡 meets 里, ＡＢＣ meets abc.
A character folds to:

1. NFKC, then case folding (full-width letters and digits become ASCII,
   compatibility forms become their plain form, Latin letters lose case);
2. each resulting character through OpenCC's Traditional→Simplified table
   (and its Taiwan and Hong Kong variant tables when that leaves it alone);
3. nothing, for format characters (zero-width space, joiners, BOM).

The fold is a function of each character alone, never of its neighbours:
OpenCC's phrase tables would fold 著 inside 著名 differently from 著 on its own,
and then a search for 著 would miss 著名. Because of this, folding a substring
gives a substring of the folded text, which is what substring search needs.

Each distinct character is asked of OpenCC once and kept; folding a text is
then one ``str.translate``. Change FOLD_VERSION whenever the rules change, so
stored folded text (indexes, section keys) can be rebuilt.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.chinese.detect import Converters

FOLD_VERSION = 1

# Tried in order; the first that changes a character into one character wins.
_TABLES = ("t2s", "tw2s", "hk2s")


def _normal(ch: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ch).casefold())


class Folder:
    """Folds text for comparison; share one per process (it learns as it goes)."""

    def __init__(self, converters: Converters) -> None:
        self._converters = converters
        self._known: set[str] = set()
        self._table: dict[int, str] = {}  # only characters that change
        self._lock = threading.Lock()

    def _script_fold(self, chars: list[str]) -> dict[str, str]:
        """Each character alone through OpenCC's tables, asked in one batch per table."""
        result = {c: c for c in chars}
        pending = list(chars)
        for config in _TABLES:
            if not pending:
                break
            out = self._converters.each(config, pending)
            still = []
            for ch, folded in zip(pending, out, strict=True):
                if folded != ch and len(folded) == 1:
                    result[ch] = folded
                else:
                    still.append(ch)
            pending = still
        return result

    def _learn(self, chars: set[str]) -> None:
        normal = {c: _normal(c) for c in chars}
        pieces = sorted({p for n in normal.values() for p in n} - {"\n"})
        scripted = self._script_fold(pieces)
        for ch, n in normal.items():
            folded = "".join(
                "" if unicodedata.category(p) == "Cf" else scripted.get(p, p) for p in n
            )
            if folded != ch:
                self._table[ord(ch)] = folded
        self._known.update(chars)

    def _ensure(self, text: str) -> None:
        if self._known.issuperset(text):  # the usual case, without building a set
            return
        unseen = set(text) - self._known
        if unseen:
            with self._lock:
                unseen -= self._known
                if unseen:
                    self._learn(unseen)

    def fold(self, text: str) -> str:
        """The folded form of ``text``: compare these, never show them."""
        self._ensure(text)
        return text.translate(self._table)

    def fold_with_offsets(self, text: str) -> tuple[str, list[int]]:
        """The folded text and, for each of its characters, the index in ``text`` it came from.

        A match ``folded[i:j]`` covers ``text[offsets[i] : offsets[j - 1] + 1]``.
        """
        self._ensure(text)
        table = self._table
        parts: list[str] = []
        offsets: list[int] = []
        for index, ch in enumerate(text):
            folded = table.get(ord(ch), ch)
            if folded:
                parts.append(folded)
                offsets.extend([index] * len(folded))
        return "".join(parts), offsets


@cache
def shared_folder() -> Folder:
    """The process's Folder, built on first use (never at import): one set of OpenCC
    tables and one learnt table for the list, sections, search and the glossary."""
    from reader.chinese.detect import Converters

    return Folder(Converters())


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of the original text that the folded span ``[start, end)`` came from."""
    if start >= end:
        at = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
        return at, at
    return offsets[start], offsets[end - 1] + 1
