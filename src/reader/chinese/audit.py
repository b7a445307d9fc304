"""Audit of traditional text for the traces of a naive Simplified-to-Traditional conversion.

Pages converted one character at a time take each simplified character's most
common traditional form, so merged characters come out wrong (干部 for 幹部,
最后 for 最後). OpenCC converts by phrase, so a round trip through Simplified
(t2s, then s2tw, s2t or s2hk) rebuilds what a careful conversion would have
written; where it differs from the text is a candidate finding. A finding is a
VARIANT when every character it changes is an accepted variant form of the same
character (布/佈), an ERROR when it is another word (干/幹).

Finding units: the differing characters, widened to the shortest OpenCC phrase
around them (see reader.chinese.phrases), so the reader sees 干部 → 幹部, not 干 → 幹.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.chinese.detect import Converters
from reader.chinese.diff import changed_spans
from reader.chinese.phrases import PhraseProbe, Span, is_han
from reader.domain import Article, Script
from reader.resources import resource_path

# The round trip's second half for each traditional standard.
STANDARDS: dict[str, str] = {"tw": "s2tw", "t": "s2t", "hk": "s2hk"}
# Asked in this order when guessing; the first wins a tie (most pages are Taiwan standard).
_GUESS_ORDER = ("tw", "hk", "t")
# OpenCC configs whose tables hold regional/standard variant forms, not words.
_VARIANT_CONFIGS = ("t2tw", "tw2t", "t2hk", "hk2t")
_CONTEXT = 12
TITLE_BLOCK = -1


def section_block(k: int) -> int:
    """The `block` of the k-th breadcrumb entry (article.section_path[k]): -2, -3, …"""
    return -2 - k


class FindingKind(StrEnum):
    ERROR = "error"
    VARIANT = "variant"


@dataclass(frozen=True)
class Finding:
    """One place where the text differs from OpenCC's phrase-level conversion.

    `block` is an index into article.blocks; -1 is the title and -2-k the k-th
    breadcrumb entry (section_block). `start`/`end` are offsets in that text.
    """

    block: int
    start: int
    end: int
    found: str
    suggestion: str
    kind: FindingKind
    context: str

    def to_json(self) -> dict[str, object]:
        return {
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "found": self.found,
            "suggestion": self.suggestion,
            "kind": self.kind.value,
            "context": self.context,
        }


@functools.cache
def _listed_variants() -> frozenset[frozenset[str]]:
    """variants.tsv, read on first use (not at import)."""
    pairs: set[frozenset[str]] = set()
    path = resource_path("conversion", "variants.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 2:
            pairs.add(frozenset(fields[:2]))
    return frozenset(pairs)


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def _counts(a: str, b: str) -> bool:
    """Whether a difference a→b is reported: Han characters, or punctuation (as a variant)."""
    return is_han(a) or is_han(b) or (_is_punct(a) and _is_punct(b))


class _Auditor:
    """One audit run: the round trip, the phrase probe and the variant verdicts it caches."""

    def __init__(self, converters: Converters, standard: str) -> None:
        if standard not in STANDARDS:
            raise ValueError(f"unknown standard {standard!r}; use one of {', '.join(STANDARDS)}")
        self._conv = converters
        self._config = STANDARDS[standard]
        self._variant: dict[tuple[str, str], bool] = {}

    def round_trip(self, texts: Sequence[str]) -> tuple[list[str], list[str]]:
        """t2s of each text, and s2X of that. Joined by newlines: one OpenCC call each."""
        simp = _convert_all(self._conv, "t2s", texts)
        return simp, _convert_all(self._conv, self._config, simp)

    def audit(self, texts: Sequence[tuple[int, str]]) -> list[Finding]:
        simps, suggs = self.round_trip([t for _, t in texts])
        runs = [_runs(text, sugg) for (_, text), sugg in zip(texts, suggs, strict=True)]
        # Phrases are probed only where the three texts align character for character.
        probe_spans = [
            (simp, r) for (_, text), simp, sugg, r in zip(texts, simps, suggs, runs, strict=True)
            if len(simp) == len(text) == len(sugg)
        ]  # fmt: skip
        probe = PhraseProbe(self._conv, self._config, probe_spans)
        findings: list[Finding] = []
        for (block, text), simp, sugg, block_runs in zip(texts, simps, suggs, runs, strict=True):
            aligned = len(simp) == len(text) == len(sugg)
            spans = probe.widen(simp, sugg, block_runs) if aligned else block_runs
            for start, end, s_start, s_end in spans:
                found, suggestion = text[start:end], sugg[s_start:s_end]
                findings.append(
                    Finding(
                        block=block,
                        start=start,
                        end=end,
                        found=found,
                        suggestion=suggestion,
                        kind=self._kind(found, suggestion),
                        context=text[max(0, start - _CONTEXT) : end + _CONTEXT],
                    )
                )
        return findings

    def _kind(self, found: str, suggestion: str) -> FindingKind:
        if len(found) == len(suggestion):
            pairs = [(a, b) for a, b in zip(found, suggestion, strict=True) if a != b]
            if all(self._is_variant(a, b) for a, b in pairs):
                return FindingKind.VARIANT
        # Whole phrases too: OpenCC's variant phrase tables (e.g. tw2t's 一口吃成→一口喫成).
        if any(self._variant_by_opencc(found, suggestion, c) for c in _VARIANT_CONFIGS):
            return FindingKind.VARIANT
        return FindingKind.ERROR

    def _is_variant(self, a: str, b: str) -> bool:
        key = (a, b) if a <= b else (b, a)
        known = self._variant.get(key)
        if known is None:
            known = (
                (_is_punct(a) and _is_punct(b))  # full/half width, shape of quotes
                or unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
                or frozenset(key) in _listed_variants()
                or any(self._variant_by_opencc(a, b, c) for c in _VARIANT_CONFIGS)
            )
            self._variant[key] = known
        return known

    def _variant_by_opencc(self, a: str, b: str, config: str) -> bool:
        return self._conv.convert(config, a) == b or self._conv.convert(config, b) == a


def _convert_all(converters: Converters, config: str, texts: Sequence[str]) -> list[str]:
    out = converters.convert(config, "\n".join(texts)).split("\n")
    if len(out) != len(texts):  # a text with its own newlines: one call each instead
        out = [converters.convert(config, t) for t in texts]
    return out


def _runs(text: str, sugg: str) -> list[Span]:
    """Where the round trip changed the text: adjacent reported differences grouped."""
    if len(text) == len(sugg):  # the usual case: OpenCC's configs keep lengths
        spans: list[Span] = []
        for i, (a, b) in enumerate(zip(text, sugg, strict=True)):
            if a == b or not _counts(a, b):
                continue
            if spans and spans[-1][1] == i:
                spans[-1] = (spans[-1][0], i + 1, spans[-1][2], i + 1)
            else:
                spans.append((i, i + 1, i, i + 1))
        return spans
    # Lengths differ: a linear diff (SequenceMatcher over a long paragraph is quadratic).
    return [
        (i1, i2, j1, j2)
        for i1, i2, j1, j2 in changed_spans(text, sugg)
        if any(is_han(c) or _is_punct(c) for c in text[i1:i2] + sugg[j1:j2])
    ]


def guess_standard(texts: Sequence[str], converters: Converters) -> str:
    """The standard whose round trip changes the fewest characters: the text's own."""
    simp = _convert_all(converters, "t2s", texts)
    best, best_count = _GUESS_ORDER[0], -1
    for standard in _GUESS_ORDER:
        back = _convert_all(converters, STANDARDS[standard], simp)
        count = sum(
            e - s for text, sugg in zip(texts, back, strict=True) for s, e, *_ in _runs(text, sugg)
        )
        if best_count < 0 or count < best_count:
            best, best_count = standard, count
    return best


def audit_text(text: str, converters: Converters, standard: str = "tw") -> list[Finding]:
    """Findings in one text (block 0). `standard`: "tw" (s2tw), "t" (s2t) or "hk" (s2hk)."""
    return _Auditor(converters, standard).audit([(0, text)])


def article_texts(article: Article) -> list[tuple[int, str]]:
    """(block, text) of everything the audit reads: breadcrumb, title, blocks."""
    texts = [(section_block(k), s) for k, s in enumerate(article.section_path)]
    texts.append((TITLE_BLOCK, article.title))
    texts.extend(enumerate(b.text for b in article.blocks))
    return texts


def audit_article(
    article: Article, converters: Converters, standard: str | None = None
) -> list[Finding]:
    """Findings in the breadcrumb, the title and every block, in reading order.

    `standard` None: guessed from the text (guess_standard). A simplified article
    gives no findings: the audit is for traditional text.
    """
    if article.script is Script.SIMPLIFIED:
        return []
    texts = article_texts(article)
    if standard is None:
        standard = guess_standard([t for _, t in texts], converters)
    return _Auditor(converters, standard).audit(texts)


def _apply(text: str, findings: list[Finding]) -> str:
    # From the end, so the offsets of the findings not yet applied stay valid.
    limit = len(text) + 1
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        if f.end > limit or text[f.start : f.end] != f.found:
            continue  # overlaps one already applied, or the text changed since the audit
        text = text[: f.start] + f.suggestion + text[f.end :]
        limit = f.start
    return text


def apply_findings(article: Article, findings: Iterable[Finding]) -> Article:
    """The corrected copy: same id and original_text, with the findings' replacements."""
    by_block: dict[int, list[Finding]] = {}
    for f in findings:
        by_block.setdefault(f.block, []).append(f)
    if not by_block:
        return article
    blocks = tuple(
        dataclasses.replace(b, text=_apply(b.text, by_block[i])) if i in by_block else b
        for i, b in enumerate(article.blocks)
    )
    section = tuple(
        _apply(s, by_block.get(section_block(k), [])) for k, s in enumerate(article.section_path)
    )
    title = _apply(article.title, by_block.get(TITLE_BLOCK, []))
    return dataclasses.replace(article, title=title, blocks=blocks, section_path=section)
