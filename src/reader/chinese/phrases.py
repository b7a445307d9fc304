"""Which short stretches of simplified text OpenCC takes as one phrase, for audit findings.

OpenCC converts by phrase: its segmenter cuts the simplified text at the longest
entries of its phrase dictionary (STPhrases: 干部, 公里, 余次 …), and each piece is
converted whole. The Python binding does not expose that segmentation, but an
OpenCC config may pair the standard's own segmenter with a plain-text dictionary
of our making. A dictionary that maps each candidate window to itself between
markers shows, when the window is converted on its own, whether the segmenter
kept it in one piece: that is, whether it is an OpenCC phrase.

The widening rule (documented in docs/cli.md too): a finding is the shortest
stretch of Han characters, at most MAX_PHRASE long, that covers the differing
characters and is an OpenCC phrase; among equally short ones the leftmost. If
there is none, the shortest stretch whose own round trip already gives the
suggestion (the context the conversion needed); else the differing characters.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.chinese.detect import Converters

MAX_PHRASE = 4
# Private-use characters, never in a window: the markers, and a lead that no phrase starts with.
_OPEN, _CLOSE, _LEAD = "\ue000", "\ue001", "\ue002"

Span = tuple[int, int, int, int]  # start, end in the text; start, end in the suggestion

_HAN_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)


def is_han(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _HAN_RANGES)


def _windows(simp: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Han stretches covering [start, end), shortest first, then leftmost first."""
    if not all(is_han(c) for c in simp[start:end]):
        return  # punctuation: shown as it is
    lo, hi = start, end
    while lo > 0 and is_han(simp[lo - 1]) and end - lo < MAX_PHRASE:
        lo -= 1
    while hi < len(simp) and is_han(simp[hi]) and hi - start < MAX_PHRASE:
        hi += 1
    for length in range(end - start, MAX_PHRASE + 1):
        for s in range(max(lo, end - length), min(start, hi - length) + 1):
            yield s, s + length


def _absolute(node: object, base: Path) -> object:
    """The config's dictionary file names, made absolute (they are relative to its folder)."""
    if isinstance(node, dict):
        return {
            k: str(base / v) if k == "file" and isinstance(v, str) else _absolute(v, base)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_absolute(v, base) for v in node]
    return node


def _segmentation(converters: Converters, config: str) -> object | None:
    """The segmentation section of an OpenCC config, or None if it cannot be found."""
    path = getattr(converters.get(config), "config", None)
    if not isinstance(path, str) or not Path(path).is_file():
        return None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    section = data.get("segmentation") if isinstance(data, dict) else None
    return _absolute(section, Path(path).parent) if section is not None else None


def _probe(converters: Converters, config: str, windows: set[str]) -> set[str] | None:
    """The windows OpenCC's segmenter for `config` keeps whole; None if it cannot be asked."""
    try:
        segmentation = _segmentation(converters, config)
        if segmentation is None:
            return None
        import opencc  # as Converters does: only when used

        with tempfile.TemporaryDirectory(prefix="reader-phrases-") as tmp:
            marks = Path(tmp) / "marks.txt"
            # The segmenter groups characters it finds in no phrase into one piece, so
            # "kept whole" alone would also hold for a run of unknown characters: after
            # a lead character it matches no phrase with, such a run stays joined to the
            # lead (and the lead+window entry fires), while a phrase is cut off whole.
            marks.write_text(
                "".join(f"{w}\t{_OPEN}{w}{_CLOSE}\n{_LEAD}{w}\t{_LEAD}\n" for w in windows),
                "utf-8",
            )
            probe_config = {
                "name": "Reader phrase probe",
                "segmentation": segmentation,
                "conversion_chain": [{"dict": {"type": "text", "file": str(marks)}}],
            }
            config_path = Path(tmp) / "probe.json"
            config_path.write_text(json.dumps(probe_config), "utf-8")
            probe = opencc.OpenCC(str(config_path))
            ordered = sorted(windows)
            out = probe.convert("\n".join(_LEAD + w for w in ordered)).split("\n")
            del probe  # before the folder goes: Windows keeps open files
    except (OSError, RuntimeError, ValueError):  # an OpenCC without this layout
        return None
    if len(out) != len(ordered):
        return None
    return {w for w, o in zip(ordered, out, strict=True) if o == f"{_LEAD}{_OPEN}{w}{_CLOSE}"}


class PhraseProbe:
    """Widens the round trip's differences to OpenCC phrases (see the module's rule)."""

    def __init__(
        self, converters: Converters, config: str, texts: Iterable[tuple[str, list[Span]]]
    ) -> None:
        self._conv = converters
        self._config = config
        windows: set[str] = set()
        for simp, runs in texts:
            for start, end, _, _ in runs:
                windows.update(simp[s:e] for s, e in _windows(simp, start, end) if e - s > 1)
        self._phrases = _probe(converters, config, windows) if windows else set()
        self._reproduces: dict[str, str] = {}

    def _own_conversion(self, simp: str, runs: list[Span]) -> None:
        """Converts every candidate window on its own, in one OpenCC call."""
        todo = sorted(
            {simp[s:e] for a, b, _, _ in runs for s, e in _windows(simp, a, b)}
            - self._reproduces.keys()
        )
        if todo:
            out = self._conv.convert(self._config, "\n".join(todo)).split("\n")
            if len(out) != len(todo):
                out = [self._conv.convert(self._config, w) for w in todo]
            self._reproduces.update(zip(todo, out, strict=True))

    def _widen_one(self, simp: str, sugg: str, start: int, end: int) -> tuple[int, int]:
        candidates = list(_windows(simp, start, end))
        phrases = self._phrases or set()
        for s, e in candidates:
            if e - s > 1 and simp[s:e] in phrases:
                return s, e
        for s, e in candidates:
            if self._reproduces.get(simp[s:e]) == sugg[s:e]:
                return s, e
        return start, end

    def widen(self, simp: str, sugg: str, runs: list[Span]) -> list[Span]:
        """Runs of an aligned text (simp, sugg and the text of equal length), widened and
        merged where widening made them overlap."""
        phrases = self._phrases or set()
        plain = [
            r for r in runs
            if not any(e - s > 1 and simp[s:e] in phrases for s, e in _windows(simp, r[0], r[1]))
        ]  # fmt: skip
        self._own_conversion(simp, plain)
        spans: list[Span] = []
        for start, end, _, _ in runs:
            s, e = self._widen_one(simp, sugg, start, end)
            if spans and s < spans[-1][1]:
                s = spans[-1][0]
                e = max(e, spans[-1][1])
                spans.pop()
            spans.append((s, e, s, e))
        return spans
