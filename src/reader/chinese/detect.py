"""OpenCC converters, built once and cached, and script detection."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Protocol

from reader.domain import Script


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


class Converters:
    """OpenCC converters, each built once on first use and then shared.

    Build one of these in main() and pass it in; nothing is built at import.
    """

    def __init__(self) -> None:
        self._cache: dict[str, _Converter] = {}
        self._lock = threading.Lock()

    def get(self, config: str) -> _Converter:
        with self._lock:
            conv = self._cache.get(config)
            if conv is None:
                import opencc  # here, not at import: the app starts without it

                conv = _characters_only(config) if config in _CHARACTERS else opencc.OpenCC(config)
                self._cache[config] = conv
            return conv

    def convert(self, config: str, text: str) -> str:
        return self.get(config).convert(text)

    def each(self, config: str, chars: list[str]) -> list[str]:
        """Each of `chars` converted on its own (no phrase spans two of them), asked
        of OpenCC in one batch, a line each."""
        out = self.convert(config, "\n".join(chars)).split("\n")
        if len(out) != len(chars):  # never expected; ask one at a time
            out = [self.convert(config, c) for c in chars]
        return out

    @property
    def built(self) -> int:
        """How many OpenCC converters were built: one per config, so benchmarks can show it."""
        with self._lock:
            return len(self._cache)


# Character tables only, no phrases, for script detection: it asks about single
# characters, on which these answer exactly as t2s and s2t do (checked for every
# ideograph of the BMP and Ext. B). They load in ~1 ms; s2t with its phrase tables
# takes ~25 ms to build and ~55 ms to free, a quarter of `reader convert`'s own time.
_CHARACTERS: dict[str, list[tuple[str, bool]]] = {
    "t2s-characters": [("TSCharactersExt.ocd2", True), ("TSCharacters.ocd2", False)],
    "s2t-characters": [("STCharacters.ocd2", False)],
}


def _characters_only(config: str) -> _Converter:
    import json
    import tempfile  # here: it brings shutil and lzma, which the app's start never needs

    import opencc

    share: str = getattr(opencc, "_opencc_share_dir")  # noqa: B009 (not exported)

    def table(name: str, tofu: bool) -> dict[str, object]:
        return {"type": "ocd2", "file": str(Path(share, name)), "may_output_tofu": tofu}

    tables = [table(name, tofu) for name, tofu in _CHARACTERS[config]]
    spec = {
        "name": config,
        "normalization": [{"dict": table("CJK_Compatibility_Ideographs.ocd2", False)}],
        "conversion_chain": [
            {"dict": {"type": "group", "match_policy": "short_circuit", "dicts": tables}}
        ],
    }
    # OpenCC reads a configuration only from a file.
    with tempfile.TemporaryDirectory(prefix="reader-opencc-") as folder:
        path = Path(folder, f"{config}.json")
        path.write_text(json.dumps(spec), encoding="utf-8")
        built: _Converter = opencc.OpenCC(str(path))
    return built


# How much of an article is looked at to decide its script: enough to be
# sure, little enough that a huge file costs no more than a short one.
_SAMPLE_CHARS = 8000
_DOMINANT = 0.9
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


class ScriptDetector:
    """Simplified, traditional, mixed or unknown, by what OpenCC would change.

    A character that t2s changes is traditional-only; one that s2t changes is
    simplified-only. Each distinct character is asked of OpenCC once and the
    answer kept, so detecting the script of many articles costs little.
    A naive character-by-character conversion leaves a few characters of the
    wrong kind (干部 in a traditional page), hence a dominance ratio, not "any".
    """

    def __init__(self, converters: Converters) -> None:
        self._converters = converters
        self._known: set[str] = set()
        self._traditional: set[str] = set()  # characters t2s changes
        self._simplified: set[str] = set()  # characters s2t changes

    def _learn(self, chars: list[str]) -> None:
        to_simp = self._converters.each("t2s-characters", chars)
        to_trad = self._converters.each("s2t-characters", chars)
        for ch, simp, trad in zip(chars, to_simp, to_trad, strict=True):
            if simp != ch:
                self._traditional.add(ch)
            if trad != ch:
                self._simplified.add(ch)
        self._known.update(chars)

    def detect(self, text: str) -> Script:
        # Distinct characters, not occurrences: one wrong character repeated
        # (干部 seven times) weighs as one.
        # set() of a slice runs in C; only characters never seen before are sorted
        # into Han (asked of OpenCC) and the rest (known to change nothing).
        chars = set(text[:_SAMPLE_CHARS])
        unseen = chars - self._known
        if unseen:
            han = [c for c in unseen if _HAN_RUN.match(c)]
            if han:
                self._learn(sorted(han))
            self._known.update(unseen)
        trad = len(chars & self._traditional)
        simp = len(chars & self._simplified)
        total = trad + simp
        if total == 0:
            return Script.UNKNOWN
        if trad >= _DOMINANT * total:
            return Script.TRADITIONAL
        if simp >= _DOMINANT * total:
            return Script.SIMPLIFIED
        return Script.MIXED


def detect_script(text: str, converters: Converters) -> Script:
    """One-off detection; keep a ScriptDetector for many texts."""
    return ScriptDetector(converters).detect(text)
