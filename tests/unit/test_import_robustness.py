"""The importer on every encoding and on hostile input: it raises only ImportFailure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.chinese import Converters
from reader.domain import Script
from reader.importers import Importer, ImportFailure

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5"]
NEWLINES = ["\n", "\r\n", "\r"]


@pytest.fixture(scope="module")
def importer() -> Importer:
    return Importer(Converters())


def _encodable(text: str, encoding: str) -> str:
    # Big5 has no small semicolon (U+FE54) and no NBSP; a Big5 page writes "；" and " ".
    return text.replace("﹔", "；").replace("\xa0", " ") if encoding == "big5" else text


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("newline", NEWLINES)
def test_seed_in_every_encoding_and_newline_is_the_same_article(
    importer: Importer, seed_text: str, tmp_path: Path, encoding: str, newline: str
) -> None:
    text = _encodable(seed_text, encoding)
    reference = importer.parse_str(text)
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    article = importer.parse_file(path)
    assert article.id == reference.id
    assert article.title == "中聯部在主題教育期間深入開展調查研究"
    assert article.blocks == reference.blocks
    assert article.editors == ("王子鋒", "王珂園")
    assert article.script is Script.TRADITIONAL


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_simplified_seed_in_every_encoding(
    importer: Importer, seed_text: str, converters: Converters, tmp_path: Path, encoding: str
) -> None:
    simplified = converters.convert("t2s", seed_text)
    path = tmp_path / "seed-s.txt"
    path.write_bytes(simplified.encode(encoding))
    article = importer.parse_file(path)
    assert article.title == "中联部在主题教育期间深入开展调查研究"
    assert article.published == "2023-08-30T13:42"
    assert article.script is Script.SIMPLIFIED


def test_same_content_with_other_spacing_has_the_same_id(
    importer: Importer, seed_text: str
) -> None:
    spaced = seed_text.replace("\n", "\n\u00a0 ").replace("中聯部", "中聯\u200b部")
    assert importer.parse_str(spaced).id == importer.parse_str(seed_text).id
    assert importer.parse_str(seed_text + "多一句。").id != importer.parse_str(seed_text).id


def test_rare_characters_survive(importer: Importer, tmp_path: Path) -> None:
    text = "人名用字\n\n朱镕基、王喆和李堃，还有\U00020000这个扩展B的字。\n"
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    article = importer.parse_file(path)
    assert article.blocks[0].text == "朱镕基、王喆和李堃，还有\U00020000这个扩展B的字。"


def test_folder_is_not_a_file(importer: Importer, tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="is a folder, not a file"):
        importer.parse_file(tmp_path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_bytes_raise_only_import_failure(data: bytes) -> None:
    importer = Importer(_CONVERTERS)
    try:
        article = importer.parse_bytes(data)
    except ImportFailure as exc:
        assert "\n" not in str(exc)
    else:
        assert article.title


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text_raises_only_import_failure(text: str) -> None:
    importer = Importer(_CONVERTERS)
    try:
        article = importer.parse_str(text)
    except ImportFailure:
        return
    assert article.title
    assert all(b.text for b in article.blocks)


_CONVERTERS = Converters()
