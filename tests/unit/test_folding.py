"""Folding: the script-insensitive form that search, filters and section names compare."""

from __future__ import annotations

import random

import pytest

from reader.chinese.detect import Converters
from reader.chinese.folding import Folder, original_span


@pytest.fixture(scope="module")
def folder() -> Folder:
    return Folder(Converters())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("幹部", "干部"),
        ("臺灣", "台湾"),
        ("公裡", "公里"),
        ("中聯部", "中联部"),
        ("衞生", "卫生"),
        ("中國共產黨新聞網", "中国共产党新闻网"),
        ("ＡＢＣ１２３", "abc123"),
        ("Xinhua", "XINHUA"),
        ("新\u200b華", "新华"),
    ],
)
def test_what_a_reader_calls_the_same_folds_the_same(folder: Folder, a: str, b: str) -> None:
    assert folder.fold(a) == folder.fold(b)


def test_different_words_stay_different(folder: Folder) -> None:
    assert folder.fold("干部") != folder.fold("部干")
    assert folder.fold("人民") != folder.fold("人名")


def test_a_character_folds_the_same_alone_and_inside_a_phrase(folder: Folder) -> None:
    # OpenCC's phrase table keeps 著 in 著名; folding must not, or 著 would miss 著名.
    assert folder.fold("著名").startswith(folder.fold("著"))
    text = "這是著名的臺灣學者在公裡外的幹部會議上發表的著作。" * 3
    folded = folder.fold(text)
    rng = random.Random(7)
    for _ in range(200):
        i = rng.randrange(len(text))
        j = rng.randrange(i, len(text) + 1)
        assert folder.fold(text[i:j]) in folded


def test_offsets_lead_back_to_the_original_characters(folder: Folder) -> None:
    text = "前言：ＡＢ\u200b幹部㈠會議"
    folded, offsets = folder.fold_with_offsets(text)
    assert folded == folder.fold(text)
    assert len(offsets) == len(folded)
    at = folded.index("干部")
    start, end = original_span(offsets, at, at + 2)
    assert text[start:end] == "幹部"
    at = folded.index("(一)")
    start, end = original_span(offsets, at, at + 3)
    assert text[start:end] == "㈠"
    at = folded.index("ab")
    assert text[slice(*original_span(offsets, at, at + 2))] == "ＡＢ"
