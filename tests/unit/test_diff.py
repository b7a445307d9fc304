"""The differences side by side marks: right where they are, and linear in the text's length."""

from __future__ import annotations

import difflib
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.chinese import Converters
from reader.chinese.diff import WINDOW, Span, changed_spans

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples"
TRADITIONAL = SAMPLE / "01-zhonglianbu-research-traditional.txt"


def _apply(a: str, b: str, spans: list[Span]) -> str:
    """b rebuilt from a: a's text between the spans, b's text in them."""
    out, at = [], 0
    for i1, i2, j1, j2 in spans:
        out.append(a[at:i1])
        out.append(b[j1:j2])
        at = i2
    out.append(a[at:])
    return "".join(out)


def _well_formed(a: str, b: str, spans: list[Span]) -> None:
    assert _apply(a, b, spans) == b
    # The stretches between spans are equal on both sides and the spans are in order.
    at_a = at_b = 0
    for i1, i2, j1, j2 in spans:
        assert i1 - at_a == j1 - at_b >= 0
        assert a[at_a:i1] == b[at_b:j1]
        assert (i1, j1) != (i2, j2)
        at_a, at_b = i2, j2
    assert a[at_a:] == b[at_b:]


def test_a_converted_paragraph_marks_exactly_the_changed_characters(
    converters: Converters,
) -> None:
    text = TRADITIONAL.read_text(encoding="utf-8")
    simple = converters.convert("t2s", text)
    assert len(simple) == len(text)
    spans = changed_spans(text, simple)
    _well_formed(text, simple, spans)
    marked = {i for i1, i2, _j1, _j2 in spans for i in range(i1, i2)}
    assert marked == {i for i, (x, y) in enumerate(zip(text, simple, strict=True)) if x != y}


def test_a_phrase_of_another_length_is_one_span() -> None:
    before = "我們把文件存到U盘裡，" * 3
    after = "我們把文件存到隨身碟裡，" * 3
    spans = changed_spans(before, after)
    _well_formed(before, after, spans)
    assert [(before[i1:i2], after[j1:j2]) for i1, i2, j1, j2 in spans] == [("U盘", "隨身碟")] * 3


def test_length_changes_among_dense_substitutions_keep_the_rest_aligned(
    converters: Converters,
) -> None:
    text = TRADITIONAL.read_text(encoding="utf-8").replace("\n", "")[:3000]
    longer = text.replace("幹部", "幹部們")  # a glossary entry of another length
    simple = converters.convert("t2s", longer)
    spans = changed_spans(text, simple)
    _well_formed(text, simple, spans)
    # Only what conversion or the glossary changed is marked: not whole windows.
    changed = sum(i2 - i1 for i1, i2, _j1, _j2 in spans)
    truly = sum(x != y for x, y in zip(converters.convert("t2s", text), text, strict=True))
    assert changed <= truly + 2 * text.count("幹部")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="的是在中國國家发展幹干部U盘隨身碟", max_size=3 * WINDOW),
    st.data(),
)
def test_the_spans_always_turn_one_text_into_the_other(a: str, data: st.DataObject) -> None:
    b = data.draw(st.text(alphabet="的是在中國国家发展幹干部U盘隨身碟", max_size=3 * WINDOW))
    _well_formed(a, b, changed_spans(a, b))
    # Edits of a, which is what a conversion is.
    edits = data.draw(st.lists(st.tuples(st.integers(0, 200), st.text("中国國U盘碟", max_size=3))))
    edited = a
    for at, insert in edits:
        at = min(at, len(edited))
        edited = edited[:at] + insert + edited[at + 1 :]
    _well_formed(a, edited, changed_spans(a, edited))


def test_short_texts_get_sequence_matcher_s_answer() -> None:
    pairs = [("中國人", "中国人"), ("U盘裡", "隨身碟裡"), ("abc", "xabc"), ("ab", "b"), ("", "x")]
    for a, b in pairs:
        expected = [
            (i1, i2, j1, j2)
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes()
            if tag != "equal"
        ]
        assert changed_spans(a, b) == expected


def _seconds(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _paragraph(chars: int) -> str:
    text = TRADITIONAL.read_text(encoding="utf-8").replace("\n", "")
    return (text * (chars // len(text) + 1))[:chars]


def test_a_ten_times_longer_paragraph_takes_about_ten_times_as_long(
    converters: Converters,
) -> None:
    """One 40,000-character paragraph side by side took 41 s: the diff was quadratic."""

    def case(chars: int) -> tuple[str, str]:
        text = _paragraph(chars)
        # Simplified, with a phrase of another length every few hundred characters.
        return text, converters.convert("t2s", text.replace("幹部", "幹部們"))

    small, large = case(4_000), case(40_000)
    ratio = _seconds(lambda: changed_spans(*large)) / _seconds(lambda: changed_spans(*small))
    assert ratio < 25, ratio  # linear: ~10; the old quadratic diff: ~100


def test_text_built_to_defeat_the_alignment_is_still_linear() -> None:
    """Out of step every few characters, from a tiny alphabet: the worst windows."""

    def case(chars: int) -> tuple[str, str]:
        a = ("的的是" * (chars // 3 + 1))[:chars]
        b = "".join(c + ("是" if i % 4 == 0 else "") for i, c in enumerate(a))
        return a, b

    small, large = case(2_000), case(20_000)
    ratio = _seconds(lambda: changed_spans(*large)) / _seconds(lambda: changed_spans(*small))
    assert ratio < 25, ratio
