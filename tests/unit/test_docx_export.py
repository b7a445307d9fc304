"""Word export at the edges: properties over 255 characters, and long articles.

No timed assertions: 10x the input is timed against 1x and the ratio is checked.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document

from reader.domain import Article, Block, Bookmark
from reader.export import ExportOptions, export_article, prepare
from reader.export.docx import PROPERTY_UNITS, property_text

STAMP = "2024-05-01T08:00:00.000000Z"


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_a_title_section_path_and_author_over_255_characters_are_cut_in_the_properties(
    tmp_path: Path,
) -> None:
    title = ("長標題𠮷" * 80)[:300]  # 𠮷 is beyond the BMP: two UTF-16 units in Word
    section = tuple(f"第{i}層欄目名稱很長很長很長" for i in range(25))  # 412 characters joined
    article = Article(
        id="0123456789abcdef", title=title, section_path=section, author="作者" * 200,
        blocks=(Block.paragraph("第一段。"), Block.heading("小標題", 2), Block.paragraph("二。")),
    )  # fmt: skip
    for bilingual in (False, True):
        path = tmp_path / f"long-{bilingual}.docx"
        export_article(prepare(article, ExportOptions("docx", bilingual=bilingual), None), path)
        word = Document(str(path))
        props = word.core_properties
        for value, whole in [
            (props.title, title),
            (props.subject, " / ".join(section)),
            (props.author, "作者" * 200),
        ]:
            assert utf16_units(value) <= PROPERTY_UNITS and value.endswith("…")
            assert whole.startswith(value[:-1])
        # The document itself keeps every character of the title and the path.
        texts = [p.text for p in word.paragraphs]
        if bilingual:
            texts = [c.text for row in word.tables[0].rows for c in row.cells]
        assert title in texts and " / ".join(section) in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("短標題", "短標題"),
        ("字" * 255, "字" * 255),
        ("字" * 256, "字" * 254 + "…"),
        ("𠮷" * 200, "𠮷" * 127 + "…"),  # 254 units and the mark
        ("a" * 253 + "e\u0301\u0301x", "a" * 253 + "…"),  # never cut inside a character
        ("line\none\x00", "line one"),  # one line, nothing XML cannot hold
    ],
)
def test_property_text_fits_word(text: str, expected: str) -> None:
    assert property_text(text) == expected
    assert utf16_units(property_text(text)) <= PROPERTY_UNITS


def word_seconds(tmp_path: Path, paragraphs: int) -> float:
    """Export an article of `paragraphs` paragraphs (every fourth with a note)."""
    blocks = tuple(
        Block.heading(f"第{i}節", 2) if i % 10 == 0 else Block.paragraph(f"第{i}段：調查研究。")
        for i in range(paragraphs)
    )
    article = Article(id="0123456789abcdef", title="長文", blocks=blocks)
    marks = [
        Bookmark(
            f"{i:032x}", article.id, i, blocks[i].text[:24], None, f"筆記{i}", "", STAMP, STAMP
        )
        for i in range(0, paragraphs, 4)
    ]
    options = ExportOptions("docx", notes=True)
    doc = prepare(article, options, None, [], marks)
    path = tmp_path / f"long-{paragraphs}.docx"
    start = time.perf_counter()
    export_article(doc, path, overwrite=True)
    seconds = time.perf_counter() - start
    word = Document(str(path))
    assert len(word.comments) == len(marks)
    assert [p.text for p in word.paragraphs[1:]] == [b.text for b in blocks]
    assert word.paragraphs[11].style.name == "Heading 2"
    return seconds


def test_word_export_of_ten_times_the_paragraphs_takes_about_ten_times_as_long(
    tmp_path: Path,
) -> None:
    small = min(word_seconds(tmp_path, 1_000) for _ in range(2))
    large = word_seconds(tmp_path, 10_000)
    assert large / small < 25, (small, large)  # linear: ~8; it was ~50
