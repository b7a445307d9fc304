"""Authors and sources as found on pages, and the bylines that name the writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.importers import Importer
from reader.importers.boilerplate import credit, default_patterns
from reader.importers.names import author_name, is_outlet, source_name


@pytest.mark.parametrize(
    ("found", "shown"),
    [
        ("王小明", "王小明"),
        ("赵 培：北京物资学院，北京", "赵培"),  # a spaced pair, an affiliation
        ("芊草凡凡 时间：2005-08-22 19:13:18", "芊草凡凡"),
        ("赵婕出自[人民文学出版社]", "赵婕"),
        ("陳亭均／綜合報導, 中國時報, 中時電子報", "陳亭均"),
        ("作者：张三", "张三"),
        ("王燕平 方云凤 柏建斌", "王燕平 方云凤 柏建斌"),
        ("zboygirl", "zboygirl"),
        ("Discuz! Team and Comsenz UI Team", None),  # the forum software
        ("大汉网络", None),  # the company that built the site
        ("L_104485", None),  # a user id
        ("https://www.facebook.com/ETtoday", None),
        ("javascript:alert(1)", None),
        ("www.yunnan.cn,云南日报报业集团,云南网", None),
        ("“西吉县已形成了四级良繁体系。”", None),  # a quotation
        ("", None),
        (None, None),
    ],
)
def test_an_author_is_a_name_or_nothing(found: str | None, shown: str | None) -> None:
    assert author_name(found) == shown


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("〔記者李欣芳／台北報導〕", "李欣芳"),
        ("記者施曉光、吳亮儀、陳慧萍／台北報導", "施曉光、吳亮儀、陳慧萍"),
        ("【陳怡妏╱綜合外電報導】", "陳怡妏"),
        ("劉屏／華盛頓4日電", "劉屏"),
        ("【聯合報╱本報記者古硯偉】", "古硯偉"),
        ("（溫蘭魁報導）", "溫蘭魁"),
        ("（姚峰 上海报道）", "姚峰"),
        ("新京报记者 彭冲 山东冠县报道", "彭冲"),
        ("（总台记者 张倩）", "张倩"),
        ("记者 刘涛", "刘涛"),
        ("记者提问", None),  # a heading in a press conference, not a byline
        ("记者获悉", None),
        ("台北／高雄報導", None),  # places, no name
        ("外国记者提问", None),
    ],
)
def test_bylines(line: str, name: str | None) -> None:
    assert credit(line, default_patterns()) == name


PARA = "仁川亞運才正式開賽兩天，南韓相關單位有意無意的小動作，已經惹得各國選手和代表團怨聲載道。"


def _page(body: str, head: str = "") -> bytes:
    return (
        f"<html><head><title>南韓小動作</title>{head}</head><body><h1>南韓小動作</h1>"
        f"{body}</body></html>"
    ).encode()


def test_a_byline_opening_or_closing_the_text_names_the_writer_and_leaves_it() -> None:
    importer = Importer(Converters())
    opening = importer.parse_bytes(
        _page(f"<p>〔記者李欣芳／台北報導〕{PARA}</p><p>{PARA}</p>"), Path("a.html")
    )
    assert opening.author == "李欣芳"
    assert opening.blocks[0].text == PARA  # the byline is not part of the text
    closing = importer.parse_bytes(
        _page(f"<p>{PARA}</p><p>{PARA}（姚峰 上海报道）</p>"), Path("b.html")
    )
    assert (closing.author, closing.blocks[-1].text) == ("姚峰", PARA)
    # A picture's credit at the end is not who wrote the article, and stays.
    for credit_line in ("（圖／翻攝畫面）", "（記者劉信德攝）"):
        pictured = importer.parse_bytes(
            _page(f"<p>{PARA}</p><p>{PARA}{credit_line}</p>"), Path("c")
        )
        assert pictured.author is None and pictured.blocks[-1].text.endswith(credit_line)


def test_a_byline_under_the_headline_wins_over_the_metadatas_author() -> None:
    importer = Importer(Converters())
    vendor = '<meta name="author" content="Discuz! Team and Comsenz UI Team">'
    assert importer.parse_bytes(_page(f"<p>{PARA}</p>" * 2, vendor), Path("a")).author is None
    # A page's metadata often names its editor (责任编辑：孔德明 below the text); the
    # byline under the headline names who wrote it.
    editor = '<meta name="author" content="孔德明">'
    assert importer.parse_bytes(_page(f"<p>{PARA}</p>" * 2, editor), Path("b")).author == "孔德明"
    byline = f"<p>【聯合報╱本報記者古硯偉】</p><p>{PARA}</p><p>{PARA}</p>"
    article = importer.parse_bytes(_page(byline, editor), Path("c.html"))
    assert article.author == "古硯偉"
    assert all("古硯偉" not in b.text for b in article.blocks)


@pytest.mark.parametrize(
    ("found", "shown"),
    [
        ("新华网", "新华网"),
        ("[ 国际金融报 ]\ue5c2", "国际金融报"),  # with an icon font's glyph
        ("太原晚报 2021-11-25 16:26:07", "太原晚报"),
        ("2024年人民日报", "2024年人民日报"),  # a date after a space only is cut
        ("转载文章", None),  # "a reprint": no outlet named
        ("转载作者:孙仲旻", None),
        ("原创", None),
        ("http://example.com/a", None),
        (None, None),
    ],
)
def test_a_source_is_an_outlet_or_nothing(found: str | None, shown: str | None) -> None:
    assert source_name(found) == shown


def test_a_pages_source_line_gives_the_outlet_alone() -> None:
    importer = Importer(Converters())
    dated = importer.parse_bytes(
        _page(f"<p>来源：太原晚报 2021-11-25 16:26:07</p><p>{PARA}</p>"), Path("a")
    )
    assert dated.source == "太原晚报"
    reprint = importer.parse_bytes(_page(f"<p>来源：转载文章</p><p>{PARA}</p>"), Path("b"))
    assert reprint.source is None


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("聯合新聞網", True),
        ("中央通訊社", True),
        ("自由時報", True),
        ("ETtoday 新聞雲", True),
        ("王小明", False),
        ("歐陽予倩", False),
        ("維基百科", False),
        ("即時", False),
    ],
)
def test_an_outlet_is_told_from_a_person(name: str, outlet: bool) -> None:
    assert is_outlet(name) is outlet


def test_the_outlet_is_the_source_not_the_author() -> None:
    importer = Importer(Converters())
    outlet = '<meta name="author" content="中央通訊社">'
    article = importer.parse_bytes(_page(f"<p>{PARA}</p>" * 2, outlet), Path("a.html"))
    assert (article.author, article.source) == (None, "中央通訊社")
    # The page's structured data names the writer: that is the author.
    person = '{"author": {"@type": "Person", "name": "陳昱光"}}'
    ld = f'<script type="application/ld+json">{person}</script>'
    article = importer.parse_bytes(_page(f"<p>{PARA}</p>" * 2, outlet + ld), Path("b.html"))
    assert (article.author, article.source) == ("陳昱光", "中央通訊社")
    # A desk's dateline names no writer, and leaves the text too.
    desk = importer.parse_bytes(
        _page(f"<p>〔即時新聞／綜合報導〕{PARA}</p><p>{PARA}</p>", outlet), Path("c.html")
    )
    assert desk.author is None and desk.blocks[0].text == PARA


def test_a_desks_line_under_the_headline_is_neither_writer_nor_source() -> None:
    importer = Importer(Converters())
    desk = "<p>〔即時新聞／綜合報導〕</p>"
    article = importer.parse_bytes(_page(f"{desk}<p>{PARA}</p><p>{PARA}</p>"), Path("a.html"))
    assert (article.author, article.source) == (None, None)
