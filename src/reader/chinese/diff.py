"""Where a text and its conversion differ, in time linear in their length.

`difflib.SequenceMatcher` over a whole paragraph compares each character with
every occurrence of it on the other side: common characters (的, 是, 在) occur
hundreds of times in a 40,000-character paragraph, and side by side on one such
paragraph took 41 s. A script conversion changes text locally (a character, or
a phrase of a few), so the two texts are walked side by side instead:

- while they are in step, characters are compared one to one: equal stretches
  are skipped with slice comparisons, and each different character is a
  substitution (OpenCC's configs mostly keep lengths, so this is most of it);
- where they fall out of step (a phrase of another length: 隨身碟 for U盘, or a
  glossary entry), SequenceMatcher runs on a window of WINDOW characters from
  each side to find where they meet again, and its own opcodes up to there are
  kept.

Each window costs at most WINDOW² steps and moves past what it looked at, so
the whole costs O(n · WINDOW). On texts that fit in one window the result is
SequenceMatcher's.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

Span = tuple[int, int, int, int]  # a[i1:i2] became b[j1:j2]; everything between spans is equal

WINDOW = 48  # characters from each side that one SequenceMatcher call sees
SYNC = 3  # equal characters in a row that mean the texts are back in step
_AHEAD = 8  # after a different character, the next _AHEAD decide "in step"
_IN_STEP = 3  # … when at least this many of them are equal one to one


def _common(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of a[i:] and b[j:], by slices that grow while equal."""
    limit = min(len(a) - i, len(b) - j)
    n, step = 0, 16
    while n < limit:
        step = min(step, limit - n)
        if a[i + n : i + n + step] == b[j + n : j + n + step]:
            n += step
            step *= 2
        elif step > 4:
            step //= 2
        else:
            while n < limit and a[i + n] == b[j + n]:
                n += 1
            return n
    return n


def _in_step(a: str, i: int, b: str, j: int) -> bool:
    """Whether a[i:] and b[j:] still line up one to one (a[i-1] != b[j-1] was a
    substitution), judged by the next few characters."""
    ahead_a, ahead_b = a[i : i + _AHEAD], b[j : j + _AHEAD]
    if len(ahead_a) != len(ahead_b):
        return len(a) - i == len(b) - j  # both end together
    if len(ahead_a) < _AHEAD:
        return True  # the same number left on both sides: pair them up
    return sum(x == y for x, y in zip(ahead_a, ahead_b, strict=True)) >= _IN_STEP


def _window(a: str, i: int, b: str, j: int, spans: list[Span]) -> tuple[int, int]:
    """Out of step at a[i], b[j]: SequenceMatcher on a window of each side. Keeps
    its opcodes up to the first run of SYNC equal characters (or all of them at
    the end of both texts) and returns where to go on from."""
    wa, wb = a[i : i + WINDOW], b[j : j + WINDOW]
    at_end = i + len(wa) == len(a) and j + len(wb) == len(b)
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    stop_a, stop_b = len(wa), len(wb)  # no meeting point: the window differs
    if not at_end:
        for x, y, size in matcher.get_matching_blocks():
            if size >= SYNC:
                stop_a, stop_b = x, y
                break
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 >= stop_a and j1 >= stop_b:
            break
        if tag != "equal":
            _add(spans, (i + i1, i + min(i2, stop_a), j + j1, j + min(j2, stop_b)))
    return i + stop_a, j + stop_b


def _add(spans: list[Span], span: Span) -> None:
    """Append, merging with the previous span when they touch."""
    if span[0] == span[1] and span[2] == span[3]:
        return
    if spans and spans[-1][1] == span[0] and spans[-1][3] == span[2]:
        spans[-1] = (spans[-1][0], span[1], spans[-1][2], span[3])
    else:
        spans.append(span)


def changed_spans(a: str, b: str) -> list[Span]:
    """The stretches where `a` and `b` differ, in order, as (i1, i2, j1, j2):
    a[i1:i2] became b[j1:j2]. Between spans (and around them) the texts are equal.
    Adjacent differences are one span."""
    return list(iter_changed_spans(a, b))


def iter_changed_spans(a: str, b: str) -> Iterator[Span]:
    """changed_spans, one span at a time as the walk finds them: a caller that
    needs only the start of a long text pays only for the start."""
    spans: list[Span] = []
    i = j = 0
    n, m = len(a), len(b)
    while True:
        k = _common(a, i, b, j)
        i, j = i + k, j + k
        if i == n or j == m:
            _add(spans, (i, n, j, m))
            yield from spans
            return
        # a[i] != b[j]: one character replaced, if the texts go on in step.
        if _in_step(a, i + 1, b, j + 1):
            _add(spans, (i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
        else:
            i, j = _window(a, i, b, j, spans)
        # All but the last span are final (the last may still grow).
        if len(spans) > 1:
            yield from spans[:-1]
            del spans[:-1]
