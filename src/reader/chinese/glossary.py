"""User glossary: phrase overrides that win over OpenCC (keep 創建 where s2twp writes 建立).

Each source found in the text is swapped for a placeholder character OpenCC passes
through unchanged, the text is converted, and the placeholders become the targets.
Placeholders are Supplementary Private Use characters (planes 15 and 16), never
ones the text already contains, so real private-use text cannot be confused with them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from reader.chinese.convert import ScriptMode, parse_mode

if TYPE_CHECKING:
    from reader.chinese.detect import Converters
    from reader.chinese.folding import Folder

    Folding = tuple[Folder, Converters]

# Characters a TSV field cannot hold.
_FORBIDDEN = frozenset("\t\n\r")
_PLACEHOLDER_RANGES = ((0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
_PLACEHOLDER_RE = re.compile("[\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


@dataclass(frozen=True)
class GlossaryEntry:
    """One override. Plain data: the glossary dialog holds half-typed rows in these,
    so nothing is validated here; Glossary skips entries with an empty source."""

    source: str  # the text as it stands in the article (any script)
    target: str  # what the converted text must show ("" removes the source)
    modes: frozenset[ScriptMode] = frozenset()  # empty = every mode except ORIGINAL

    def applies_to(self, mode: ScriptMode) -> bool:
        if mode is ScriptMode.ORIGINAL or not self.source:
            return False
        return not self.modes or mode in self.modes


def _identity(text: str) -> str:
    return text


class _Table(NamedTuple):
    pattern: re.Pattern[str]  # every applicable source, longest first
    targets: dict[str, str]  # a source's key (folded, with a Folder) → its target
    key: Callable[[str], str]  # what a matched text is looked up by


def _placeholders(taken: set[str]) -> Iterator[str]:
    for first, last in _PLACEHOLDER_RANGES:
        for code in range(first, last + 1):
            ch = chr(code)
            if ch not in taken:
                yield ch


# OpenCC tables through which a glossary source's characters are asked for their
# forms in other scripts and standards; a form counts only if it folds the same.
_FORM_CONFIGS = ("t2s", "s2t", "s2tw", "s2hk", "t2tw", "t2hk", "tw2t", "hk2t")


def _char_forms(chars: set[str], folder: Folder, converters: Converters) -> dict[str, str]:
    """A regex character class for each character: every form of it (in either
    script, another standard, full width or another case) that the Folder folds
    to the same as it, so a source matches text written in any of them."""
    ordered = sorted(chars - {"\n"})
    forms: dict[str, set[str]] = {c: {c, c.lower(), c.upper()} for c in ordered}
    for ch in ordered:
        folded = folder.fold(ch)
        if len(folded) == 1:
            forms[ch].add(folded)
    for config in _FORM_CONFIGS:
        out = converters.convert(config, "\n".join(ordered)).split("\n")
        if len(out) != len(ordered):  # never expected; ask one at a time
            out = [converters.convert(config, c) for c in ordered]
        for ch, other in zip(ordered, out, strict=True):
            if len(other) == 1:
                forms[ch].add(other)
    for found in forms.values():
        found |= {chr(ord(c) + 0xFEE0) for c in list(found) if "!" <= c <= "~"}  # full width
    classes: dict[str, str] = {}
    for ch in ordered:
        same = sorted(c for c in forms[ch] if folder.fold(c) == folder.fold(ch))
        classes[ch] = re.escape(ch) if same == [ch] else "[" + "".join(map(re.escape, same)) + "]"
    return classes


class Glossary:
    """An immutable set of overrides; the matcher for each mode is built once.

    With folding (reader.chinese.folding.Folder), a source matches the text whatever
    script it is written in: one row for 中聯部 serves 中联部 too."""

    def __init__(self, entries: Iterable[GlossaryEntry] = ()) -> None:
        self.entries: tuple[GlossaryEntry, ...] = tuple(entries)
        self._tables: dict[tuple[ScriptMode, bool], _Table | None] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.entries)

    def _table(self, mode: ScriptMode, folding: Folding | None) -> _Table | None:
        with self._lock:
            key = (mode, folding is not None)
            if key in self._tables:
                return self._tables[key]
            same: Callable[[str], str] = folding[0].fold if folding is not None else _identity
            targets: dict[str, str] = {}
            sources: dict[str, str] = {}  # the key a source is known by → the source
            # An entry for named modes beats one for every mode; among equals the
            # later wins, as a later line in a TSV file would.
            ordered = sorted(
                (e for e in self.entries if e.applies_to(mode)), key=lambda e: bool(e.modes)
            )
            for entry in ordered:
                targets[same(entry.source)] = entry.target
                sources[same(entry.source)] = entry.source
            table = None
            if targets:
                classes: dict[str, str] = {}
                if folding is not None:
                    chars = {c for s in sources.values() for c in s}
                    classes = _char_forms(chars, *folding)
                # Longest first: at each position the regex tries the alternatives in
                # order, so 中央和国家机关 wins over 国家 and matches never overlap.
                longest = sorted(sources.values(), key=len, reverse=True)
                alternatives = (
                    "".join(classes.get(c) or re.escape(c) for c in source) for source in longest
                )
                table = _Table(re.compile("|".join(alternatives)), targets, same)
            self._tables[key] = table
            return table

    def protect(
        self, text: str, mode: ScriptMode, folding: Folding | None = None
    ) -> tuple[str, Callable[[str], str]]:
        """The text with each applicable source replaced by a placeholder, and the
        function that turns the placeholders of the converted text into the targets.
        With `folding` (a Folder and the Converters it asks), sources match in
        whatever script the text is written."""
        table = self._table(mode, folding)
        if table is None:
            return text, _identity
        pattern, targets, same = table
        fresh = _placeholders(set(_PLACEHOLDER_RE.findall(text)))
        by_source: dict[str, str] = {}
        back: dict[str, str] = {}

        def swap(match: re.Match[str]) -> str:
            found = match.group()
            placeholder = by_source.get(found)
            if placeholder is None:
                # One placeholder per distinct source: 131,068 of them, never exhausted
                # in practice (the glossary would need that many distinct entries in use).
                placeholder = next(fresh)
                by_source[found] = placeholder
                back[placeholder] = targets[same(found)]
            return placeholder

        protected = pattern.sub(swap, text)
        if not back:
            return text, _identity
        restore_re = re.compile("[" + "".join(map(re.escape, back)) + "]")

        def restore(converted: str) -> str:
            return restore_re.sub(lambda m: back[m.group()], converted)

        return protected, restore


def read_tsv(text: str) -> tuple[list[GlossaryEntry], list[str]]:
    """Entries from lines "source<TAB>target[<TAB>mode,mode]", and one message per bad line.

    '#' starts a comment line ("\\#" at the start of a line is a literal '#');
    blank lines are skipped. Bad lines are reported and skipped, never fatal.
    """
    entries: list[GlossaryEntry] = []
    errors: list[str] = []
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("\\#"):
            line = line[1:]
        fields = line.split("\t")
        if len(fields) < 2:
            errors.append(f"line {number}: no tab between source and target")
            continue
        if len(fields) > 3:
            errors.append(f"line {number}: more than three tab-separated fields")
            continue
        source, target = fields[0].strip(), fields[1].strip()
        if not source:
            errors.append(f"line {number}: empty source")
            continue
        try:
            modes = _read_modes(fields[2] if len(fields) == 3 else "")
            entries.append(GlossaryEntry(source, target, modes))
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
    return entries, errors


def _read_modes(field: str) -> frozenset[ScriptMode]:
    names = [name.strip() for name in field.split(",") if name.strip()]
    modes = frozenset(parse_mode(name) for name in names)
    if ScriptMode.ORIGINAL in modes:
        raise ValueError("glossary entries never apply to the original text")
    return modes


_MODE_ORDER = {mode: index for index, mode in enumerate(ScriptMode)}
_HEADER = "# Reader glossary: source<TAB>target<TAB>modes (comma-separated; none = every mode)\n"


def write_tsv(entries: Iterable[GlossaryEntry]) -> str:
    """TSV that read_tsv reads back to the same entries.

    Raises ValueError for an entry holding a tab or line break, which TSV cannot hold.
    """
    lines = [_HEADER]
    for entry in entries:
        if _FORBIDDEN & set(entry.source + entry.target):
            raise ValueError(
                f"glossary entry {entry.source!r}: a tab or line break cannot be written to TSV"
            )
        source = "\\" + entry.source if entry.source.startswith("#") else entry.source
        modes = ",".join(m.value for m in sorted(entry.modes, key=_MODE_ORDER.__getitem__))
        lines.append(
            f"{source}\t{entry.target}\t{modes}\n" if modes else f"{source}\t{entry.target}\n"
        )
    return "".join(lines)
