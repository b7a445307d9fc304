"""An article for the Qt view in pieces: all of it, in order, bounded, and as inert as whole."""

from __future__ import annotations

import html
import re

import pytest

from reader.domain import Block
from reader.render import render_parallel
from reader.render.parallel import aligned_rows, parallel_inserts
from reader.render.pieces import article_inserts, cuts, pieces
from tests.unit.test_render import FORBIDDEN, FORBIDDEN_ANYWHERE, HOSTILE, article


def _text(page: str) -> str:
    """The text a page shows (tags dropped, entities decoded)."""
    body = page.split("<body", 1)[1].split(">", 1)[1]
    return html.unescape(re.sub(r"<[^>]*>", "", body))


def test_pieces_cover_every_block_in_bounded_runs() -> None:
    blocks = [Block.paragraph("字" * n) for n in (5, 5, 5, 30, 5, 5, 5, 5)]
    runs = pieces(blocks, max_chars=12, max_blocks=3)
    assert runs == [(0, 2), (2, 3), (3, 4), (4, 6), (6, 8)]  # the 30 goes alone
    assert pieces([]) == [(0, 0)]  # the title and meta still need a document
    many = [Block.paragraph("段") for _ in range(1000)]
    runs = pieces(many, max_chars=10_000, max_blocks=250)
    assert [b for s, e in runs for b in range(s, e)] == list(range(1000))
    assert max(e - s for s, e in runs) == 250


def test_a_long_block_is_cut_after_a_sentence() -> None:
    text = ("一二三四五六七八九。" * 30) + "尾"
    at = cuts(text, 100)
    assert at and all(text[c - 1] == "。" for c in at)
    assert all(b - a <= 100 for a, b in zip([0, *at], [*at, len(text)], strict=True))
    assert cuts("無句號" * 100, 100) == [100, 200]
    assert cuts("短", 100) == []


def test_inserts_hold_every_block_once_in_order_and_each_is_bounded() -> None:
    blocks = tuple(Block.paragraph(f"第{i}段。" + "字" * (i % 7) * 40) for i in range(60))
    a = article(blocks=blocks)
    inserts = [
        insert
        for start, end in pieces(blocks, 2_000, 20)
        for insert in article_inserts(a, blocks[start:end], start, max_chars=1_500)
    ]
    owners = [o for insert in inserts for o in insert.blocks]
    assert sorted(set(owners)) == list(range(60)) and owners == sorted(owners)
    assert "<h1>" in inserts[0].html and all("<h1>" not in i.html for i in inserts[1:])
    assert inserts[0].lead is None and all(i.lead for i in inserts[1:])
    assert all(len(i.html) < 1_500 + 2_000 for i in inserts)  # the stylesheet and one part over
    shown = "".join(_text(i.html) for i in inserts)
    assert shown.endswith("".join(b.text for b in blocks))


def test_one_huge_paragraph_comes_in_many_inserts() -> None:
    text = "這是一個很長的段落。" * 20_000  # 200,000 characters, no blank line
    a = article(blocks=(Block.paragraph(text),))
    inserts = list(article_inserts(a, a.blocks, 0))
    assert len(inserts) > 5
    assert {o for i in inserts for o in i.blocks} == {0}
    assert "".join(_text(i.html) for i in inserts).endswith(text)


def test_side_by_side_rows_line_up_and_keep_every_character() -> None:
    left = "我們把文件存到U盘裡。" * 1500
    right = "我們把文件存到隨身碟裡。" * 1500
    a = article(blocks=(Block.paragraph(left),))
    b = article(blocks=(Block.paragraph(right),))
    inserts = list(parallel_inserts(a, b, ("原文", "台灣"), a.blocks, b.blocks, 0, max_chars=1_000))
    assert len(inserts) > 3
    rows = [row for i in inserts for row in re.findall(r"<tr>(.*?)</tr>", i.html)]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows[2:]]  # after labels, title
    assert "".join(html.unescape(re.sub(r"<[^>]*>", "", a)) for a, _ in cells) == left
    assert "".join(html.unescape(re.sub(r"<[^>]*>", "", b)) for _, b in cells) == right
    for mine, theirs in cells:  # each row shows the same sentences on both sides
        assert mine.count("。") == theirs.count("。")


def test_cuts_never_split_a_difference() -> None:
    left, right = "0123456789abcdef", "012XYZ56789abXdef"  # 34 became XYZ; c became X
    rows = [(i1, i2, j1, j2) for i1, i2, j1, j2, _ in aligned_rows(left, right, [4, 8, 12])]
    # Inside the first difference: after it; then shifted by one; right before the second.
    assert rows == [(0, 5, 0, 6), (5, 8, 6, 9), (8, 12, 9, 13), (12, len(left), 13, len(right))]
    spans = [s for *_, found in aligned_rows(left, right, [4, 8, 12]) for s in found]
    assert spans == [(3, 5, 3, 6), (12, 13, 13, 14)]


def test_side_by_side_whole_is_the_inserts_in_one() -> None:
    a = article()
    whole = render_parallel(a, a, ("原文", "簡體"))
    assert whole.count("<table") == 1 and "原文" in whole and "<h1>" in whole


@pytest.mark.parametrize("start", [0, 2])
def test_hostile_inserts_come_out_inert(start: int) -> None:
    plain = list(article_inserts(HOSTILE, HOSTILE.blocks[start:], start))
    rest = HOSTILE.blocks[start:]
    side = list(parallel_inserts(HOSTILE, HOSTILE, ("<img src=x>", "b"), rest, rest, start))
    for insert in plain + side:
        for page in (insert.html, insert.lead or ""):
            low = page.lower()
            for needle in FORBIDDEN + FORBIDDEN_ANYWHERE:
                assert needle not in low, needle
