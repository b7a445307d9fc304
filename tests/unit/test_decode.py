"""Bytes → text: BOM, UTF-16, UTF-8, declared charset, GB18030 vs Big5, binary."""

from __future__ import annotations

import random
from codecs import BOM_UTF8, BOM_UTF16_BE, BOM_UTF16_LE, BOM_UTF32_BE, BOM_UTF32_LE
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.importers.decode import Decoded, DecodeError, decode_bytes, normalise_label

# The bundled sample: the seed article (../shared/seeds/000_4872f4ff411e05b8.txt) itself.
SEED_PATH = (
    Path(__file__).parents[2] / "resources" / "samples" / "01-zhonglianbu-research-traditional.txt"
)
# Traditional-script article (UTF-8). Its NBSPs have no Big5 code, so the Big5
# round trip uses spaces instead.
SEED = SEED_PATH.read_text(encoding="utf-8")
SEED_BIG5_SAFE = SEED.replace("\xa0", " ")

SIMPLIFIED = (
    "中央军委主席习近平签署命令，发布《军队装备试验鉴定规定》。\n"
    "规定自2023年10月1日起施行，共10章52条。\n"
    "新华社北京8月30日电 记者从国防部获悉，这是军队装备工作的一项重要法规。\n"
    "话剧《约定无期限》在河北各市巡演结束，观众反响热烈。\n"
)
# Outside GB2312: GBK-only 喆 堃 镕, and Extension B 𠀀 (a 4-byte GB18030 code).
RARE = "张喆和王堃参观了朱镕基的旧居，又查了𠀀字的来历。"

EMPTY = "empty file"
BINARY = "binary data, not text"
UNDECODABLE = "not valid text in UTF-8, GB18030, Big5 or UTF-16"

TEXTS = {"seed": SEED, "simplified": SIMPLIFIED}

# (encode, expected encoding name), by id
UNICODE_FORMS = [
    pytest.param(lambda t: t.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(lambda t: t.encode("utf-8-sig"), "utf-8-sig", id="utf-8-sig"),
    pytest.param(lambda t: BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le", id="utf-16-le-bom"),
    pytest.param(lambda t: BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be", id="utf-16-be-bom"),
    pytest.param(lambda t: t.encode("utf-16-le"), "utf-16-le", id="utf-16-le"),
    pytest.param(lambda t: t.encode("utf-16-be"), "utf-16-be", id="utf-16-be"),
    pytest.param(lambda t: BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le", id="utf-32-le-bom"),
    pytest.param(lambda t: BOM_UTF32_BE + t.encode("utf-32-be"), "utf-32-be", id="utf-32-be-bom"),
    pytest.param(lambda t: t.encode("gb18030"), "gb18030", id="gb18030"),
]


def _decoded(data: bytes, declared: str | None = None) -> Decoded:
    result = decode_bytes(data, declared)
    assert isinstance(result, Decoded)
    return result


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize(("encode", "expected"), UNICODE_FORMS)
def test_round_trip(name: str, encode: Callable[[str], bytes], expected: str) -> None:
    text = TEXTS[name]
    result = _decoded(encode(text))
    assert result.text == text
    assert result.encoding == expected
    assert not result.lossy


def test_seed_round_trips_through_big5() -> None:
    result = _decoded(SEED_BIG5_SAFE.encode("cp950"))
    assert result == Decoded(SEED_BIG5_SAFE, "big5")


def test_big5hkscs_only_characters_use_hkscs() -> None:
    text = "我哋去咗搭𨋢，佢話啲嘢好正。香港特別行政區的報導。" * 2
    result = _decoded(text.encode("big5hkscs"))
    assert (result.text, result.encoding) == (text, "big5hkscs")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "cp950", "utf-16"])
def test_newlines_normalised(codec: str) -> None:
    raw = "第一行內容\r\n第二行內容\r第三行內容\n\r\n結束\r"
    assert _decoded(raw.encode(codec)).text == "第一行內容\n第二行內容\n第三行內容\n\n結束\n"


@pytest.mark.parametrize(
    ("title", "codec", "expected"),
    [
        ("中聯部深入開展調查研究", "cp950", "big5"),
        ("中國共產黨新聞網", "cp950", "big5"),
        ("主題教育期間", "cp950", "big5"),
        ("調查研究", "cp950", "big5"),
        ("话剧约定无期限巡演结束", "gb18030", "gb18030"),
        ("军队装备试验鉴定规定", "gb18030", "gb18030"),
        ("中央军委主席", "gb18030", "gb18030"),
        ("巡演结束", "gb18030", "gb18030"),
        ("国家机关", "gb18030", "gb18030"),
    ],
)
def test_short_titles(title: str, codec: str, expected: str) -> None:
    result = _decoded(title.encode(codec))
    assert (result.text, result.encoding) == (title, expected)


@pytest.mark.parametrize("text", [RARE, "喆", "堃", "镕", "𠀀", "喆堃镕𠀀"])
def test_gb18030_beyond_gb2312(text: str) -> None:
    result = _decoded(text.encode("gb18030"))
    assert (result.text, result.encoding) == (text, "gb18030")


@pytest.mark.parametrize(
    ("text", "codec", "declared", "expected"),
    [
        (SIMPLIFIED, "gb18030", "utf-8", "gb18030"),
        (SIMPLIFIED, "gb18030", "big5", "gb18030"),
        ("话剧约定无期限巡演结束", "gb18030", "big5", "gb18030"),
        (RARE, "gb18030", "gb2312", "gb18030"),
        (RARE, "gb18030", "GBK", "gb18030"),
        (SEED_BIG5_SAFE, "cp950", "gb2312", "big5"),
        ("中聯部深入開展調查研究", "cp950", "x-big5", "big5"),
        (SIMPLIFIED, "utf-8", "gb2312", "utf-8"),
    ],
)
def test_declared_label_is_checked(text: str, codec: str, declared: str, expected: str) -> None:
    result = _decoded(text.encode(codec), declared)
    assert (result.text, result.encoding) == (text, expected)


def test_declared_label_breaks_a_tie() -> None:
    # Every character here lands on common characters in both readings.
    data = "國家機關".encode("cp950")
    assert _decoded(data, "big5").text == "國家機關"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("GB2312", "gb18030"),
        ("gbk", "gb18030"),
        ("x-gbk", "gb18030"),
        ("cp936", "gb18030"),
        ("GB_2312-80", "gb18030"),
        ("gb18030", "gb18030"),
        ('"gb2312"', "gb18030"),
        ("Big5", "big5"),
        ("cp950", "big5"),
        ("x-big5", "big5"),
        ("big5-hkscs", "big5hkscs"),
        ("UTF8", "utf-8"),
        ("utf-8", "utf-8"),
        ("utf-16le", "utf-16-le"),
        ("hz-gb-2312", None),
        ("iso-8859-1", None),
        ("nonsense", None),
    ],
)
def test_normalise_label(label: str, expected: str | None) -> None:
    assert normalise_label(label) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", EMPTY),
        (b" \t\r\n  \n", EMPTY),
        (BOM_UTF8, EMPTY),
        (BOM_UTF8 + b"\r\n", EMPTY),
        (BOM_UTF16_LE + " \n".encode("utf-16-le"), EMPTY),
        ("\u3000\n".encode("gb18030"), EMPTY),
        (b"\x00" * 100, BINARY),
        (bytes(range(256)) * 8, BINARY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01" * 40, BINARY),
        (b"GIF89a" + b"abc" * 10, BINARY),
        (b"\xff\xd8\xff\xe0" + b"\x10" * 20, BINARY),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", BINARY),
        (b"PK\x03\x04\x14\x00\x06\x00", BINARY),
        (b"\x7fELF\x02\x01\x01", BINARY),
        (b"\x1f\x8b\x08\x00", BINARY),
        (b"SQLite format 3\x00\x10\x00", BINARY),
        ("正文\x01\x02\x03\x04".encode(), BINARY),
        ("正文\x01\x02\x03\x04".encode("gb18030"), BINARY),
        ("text\x00with a NUL".encode("utf-16-le"), BINARY),
    ],
    ids=lambda v: v[:12].hex() if isinstance(v, bytes) else v,
)
def test_rejected(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value) == message


def test_bad_data_after_bom_is_rejected() -> None:
    with pytest.raises(DecodeError, match="utf-16-le"):
        decode_bytes(BOM_UTF16_LE + "正文".encode("utf-16-le") + b"\x00")
    with pytest.raises(DecodeError, match="utf-8"):
        decode_bytes(BOM_UTF8 + "正文".encode("gb18030"))


def test_escape_and_rare_controls_are_text() -> None:
    text = "\x1b[1m標題\x1b[0m\n" + "正文內容。" * 40 + "\x07\n"
    assert _decoded(text.encode("utf-8")).text == text


def test_truncated_gb18030_is_lossy() -> None:
    text = SIMPLIFIED * 5
    data = text.encode("gb18030") + "测".encode("gb18030")[:1]
    result = _decoded(data)
    assert result.encoding == "gb18030"
    assert result.lossy
    assert result.text == text + "\ufffd"


def test_one_bad_byte_in_a_long_big5_text_is_lossy() -> None:
    data = SEED_BIG5_SAFE.encode("cp950")
    middle = len(data) // 2
    while data[middle] < 0x80:  # land on a lead byte and break its pair
        middle += 1
    result = _decoded(data[:middle] + b"\xff" + data[middle + 1 :])
    assert (result.encoding, result.lossy) == ("big5", True)
    assert result.text.count("\ufffd") == 1


def test_bad_byte_in_a_short_text_is_not_guessed() -> None:
    with pytest.raises(DecodeError, match=UNDECODABLE):
        decode_bytes("话剧巡演".encode("gb18030") + b"\xff")


def test_mostly_garbage_is_rejected() -> None:
    rng = random.Random(20230830)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value) == UNDECODABLE


@given(st.binary(max_size=2000), st.sampled_from([None, "utf-8", "gb2312", "big5", "x"]))
def test_any_bytes_decode_or_raise_decode_error(data: bytes, declared: str | None) -> None:
    try:
        result = decode_bytes(data, declared)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert result.text.strip()
        assert "\r" not in result.text and "\x00" not in result.text


_TEXT_CONTROLS = "\t\n\v\f\r\x1b"


@given(st.text(max_size=500))
def test_any_utf8_text_round_trips(text: str) -> None:
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    try:
        result = decode_bytes(text.encode("utf-8"))
    except DecodeError as exc:
        if str(exc) == EMPTY:
            assert not expected.strip()
        else:
            assert str(exc) == BINARY
            assert any(c < " " and c not in _TEXT_CONTROLS for c in text) or text.startswith(
                ("%PDF-", "GIF87a", "GIF89a", "\x7fELF")
            )
        return
    if "\x00" not in text:  # NUL-laden text can pass for UTF-16; anything goes
        assert result.text == expected
