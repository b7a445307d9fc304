"""Saved web pages, single-file archives and Markdown digests: one structural path.

Every page here is written by hand for the test (none is copied from a publisher);
the real pages of ../shared/corpus are read by tests/unit/test_saved_pages_corpus.py.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.domain import Block, BlockKind, BlockRole
from reader.importers import Importer, ImportFailure, collect
from reader.importers.html_tree import MAX_DEPTH, MAX_ELEMENTS
from tests.mhtml import make_mhtml


@pytest.fixture(scope="module")
def importer() -> Importer:
    return Importer(Converters())


PARAGRAPH = "中共中央对外联络部在主题教育期间，坚持把调查研究作为重要抓手，深入基层、深入群众，" * 2

PAGE = f"""<!-- saved from url=(0054)http://politics.people.com.cn/n1/2023/0830/c1001.html -->
<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>中联部在主题教育期间深入开展调查研究--党建-人民网</title>
<meta name="publishdate" content="2023-08-30">
<script>var tracker = "分享到微信";</script>
<style>p {{ color: red }}</style>
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">时政</a> <a href="/b">国际</a></div>
<div class="path">当前位置：<a href="/">人民网</a> &gt;&gt; <a href="/dj">党建</a>
 &gt;&gt; 正文</div>
<h1>中联部在主题教育期间深入开展调查研究</h1>
<div class="info">2023年08月30日13:42 &nbsp; 来源：<a href="x">旗帜网</a></div>
<div class="share">分享到：</div>
<div id="content">
<p>　　{PARAGRAPH}</p>
<p><img src="http://img.people.com.cn/a.jpg" onerror="alert(1)"></p>
<h2>坚持科学谋划、统筹布局</h2>
<p>　　{PARAGRAPH}</p>
<p><strong>重谋划、强机制</strong></p>
<p>　　{PARAGRAPH}</p>
<p>（责编：王子锋、王珂园）</p>
</div>
<div class="footer">人民网版权所有，未经书面授权禁止使用</div>
</body></html>
"""


def _page_file(tmp_path: Path, text: str = PAGE, encoding: str = "gb18030", name: str = "p.html"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_saved_page_becomes_a_clean_article(importer: Importer, tmp_path: Path) -> None:
    article = importer.parse_file(_page_file(tmp_path))
    assert article.title == "中联部在主题教育期间深入开展调查研究"  # no "--党建-人民网"
    assert article.published == "2023-08-30T13:42"  # the date line beats the bare meta date
    assert article.source == "旗帜网"
    assert article.editors == ("王子锋", "王珂园")
    assert article.section_path == ("人民网", "党建")
    assert article.blocks == (
        Block.paragraph(PARAGRAPH),
        Block.heading("坚持科学谋划、统筹布局", 2),
        Block.paragraph(PARAGRAPH),
        Block.heading("重谋划、强机制", 3),  # bold only: a subhead, under the <h2>
        Block.paragraph(PARAGRAPH),
    )


def test_a_page_opening_with_a_comment_or_spaces_is_not_imported_as_markup(
    importer: Importer, tmp_path: Path
) -> None:
    for name, lead in (("c.txt", "<!-- saved -->\n"), ("s.htm", "\n\n   \ufeff")):
        article = importer.parse_file(
            _page_file(tmp_path, lead + PAGE.split("\n", 1)[1], name=name)
        )
        text = "\n".join(b.text for b in article.blocks)
        assert "<" not in text and "DOCTYPE" not in text
        assert article.title == "中联部在主题教育期间深入开展调查研究"


def test_the_page_is_decoded_by_reader_whatever_it_declares(
    importer: Importer, tmp_path: Path
) -> None:
    reference = importer.parse_file(_page_file(tmp_path, name="ref.html"))
    # GBK bytes declared as UTF-8; UTF-8 bytes declared as GB2312; Big5 with a bad byte.
    lying = PAGE.replace("charset=gb2312", "charset=utf-8")
    assert importer.parse_file(_page_file(tmp_path, lying, "gbk", "a.html")).id == reference.id
    assert importer.parse_file(_page_file(tmp_path, PAGE, "utf-8", "b.html")).id == reference.id
    import opencc

    big5 = opencc.OpenCC("s2tw").convert(PAGE.replace("charset=gb2312", "charset=big5"))
    data = big5.encode("cp950")
    broken = data.replace("深入基層".encode("cp950"), "深入".encode("cp950") + b"\xff\xff", 1)
    article = importer.parse_bytes(broken, Path("big5.html"))
    assert article.title == "中聯部在主題教育期間深入開展調查研究"
    assert article.editors == ("王子鋒", "王珂園")


def test_dates_from_metadata_and_json_ld(importer: Importer, tmp_path: Path) -> None:
    body = f"<body><h1>标题在这里</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body>"
    meta = (
        "<html><head><title>标题在这里_新华网</title><meta property="
        f'"article:published_time" content="2023-08-30T13:42:05+08:00"></head>{body}</html>'
    )
    ld = (
        '<html><head><title>标题在这里 - 中時電子報</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "标题在这里", "datePublished": "2019/03/18 23:59"}'
        f"</script></head>{body}</html>"
    )
    utc = meta.replace("+08:00", "Z")
    a = importer.parse_bytes(meta.encode(), Path("m.html"))
    assert (a.title, a.published) == ("标题在这里", "2023-08-30T13:42:05")
    b = importer.parse_bytes(ld.encode(), Path("l.html"))
    assert (b.title, b.published) == ("标题在这里", "2019-03-18T23:59")
    # A time in another zone is not local time as written: the date only.
    assert importer.parse_bytes(utc.encode(), Path("u.html")).published == "2023-08-30"


def test_a_date_of_something_else_is_not_the_pages_date(importer: Importer) -> None:
    def page(under_headline: str, head: str = "") -> bytes:
        return (
            f"<html><head><title>蔡某某_百科</title>{head}</head><body><h1>蔡某某</h1>"
            f"{under_headline}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>"
        ).encode()

    modified = '<meta itemprop="dateModified" content="2020-02-14 10:47:36">'
    prose = "<p>蔡某某，1975年1月28日出生于新加坡，祖籍江苏。</p>"
    labelled = "<p>出生日期：1975年1月28日</p>"
    for under in (prose, labelled):
        # A sentence or a labelled fact under the headline: the page's own date is
        # then the one of last resort, when it was last changed.
        assert importer.parse_bytes(page(under, modified), Path("p.html")).published == (
            "2020-02-14T10:47:36"
        )
        assert importer.parse_bytes(page(under), Path("p.html")).published is None
    # A date line of its own under the headline is still the article's date.
    line = "<p>2023年08月30日13:42</p>"
    assert importer.parse_bytes(page(line, modified), Path("p.html")).published == (
        "2023-08-30T13:42"
    )


def test_a_page_without_a_breadcrumb_goes_under_its_site(importer: Importer) -> None:
    body = f"<body><h1>短缺药品保供稳价</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body>"
    titled = f"<html><head><title>短缺药品保供稳价-新闻频道-新华网</title></head>{body}</html>"
    a = importer.parse_bytes(titled.encode(), Path("a.html"))
    assert (a.title, a.section_path) == ("短缺药品保供稳价", ("新华网",))
    named = titled.replace("</title>", '</title><meta property="og:site_name" content="新華社">')
    assert importer.parse_bytes(named.encode(), Path("b.html")).section_path == ("新華社",)
    crumb = titled.replace("<body>", "<body><div>当前位置：新华网 &gt; 社会 &gt; 社会</div>")
    assert importer.parse_bytes(crumb.encode(), Path("c.html")).section_path == ("新华网", "社会")


def test_a_pages_site_is_the_host_of_its_own_address(importer: Importer) -> None:
    body = f"<body><h1>短缺药品保供稳价</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body>"

    def site(head: str, before: str = "") -> str | None:
        page = (
            f"{before}<html><head><title>短缺药品保供稳价-新华网</title>{head}</head>{body}</html>"
        )
        return importer.parse_bytes(page.encode(), Path("a.html")).site

    canonical = '<link rel="canonical" href="https://WWW.News.cn/2023/a.htm">'
    og_url = '<meta property="og:url" content="http://m.xinhuanet.com/b.htm">'
    assert site(canonical + og_url) == "news.cn"  # the canonical link first; no www.
    assert site(og_url) == "xinhuanet.com"  # else og:url; no mobile m.
    assert site("", "<!-- saved from url=(0031)http://politics.people.com.cn/ -->") == (
        "politics.people.com.cn"  # else what the browser noted when saving it
    )
    assert site('<link rel="canonical" href="/2023/a.htm">') is None  # no host in it
    assert site("") is None
    assert importer.parse_bytes(PAGE.encode("gb18030"), Path("p.html")).site == (
        "politics.people.com.cn"
    )


def test_a_title_of_the_site_and_its_column_alone_takes_the_pages_headline(
    importer: Importer,
) -> None:
    # A government CMS's page: <title> is the site and a column, the headline sits in
    # a table cell named as a title, and there is no breadcrumb.
    page = (
        "<html><head><title>北医新闻网_(新闻)</title></head><body>"
        "<table><tr><td class=bt_title>李简——新外科运动向我们走来</td></tr></table>"
        f"<div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body></html>"
    )
    a = importer.parse_bytes(page.encode(), Path("a.html"))
    assert (a.title, a.section_path) == ("李简——新外科运动向我们走来", ("北医新闻网",))
    # A headline that holds a site word (网) is still the headline, and the site the
    # <title>'s last part, when no heading on the page repeats it.
    page = (
        "<html><head><title>中国网民突破十亿-新华网</title></head><body>"
        f"<div class=title>图片新闻</div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>"
    )
    a = importer.parse_bytes(page.encode(), Path("b.html"))
    assert (a.title, a.section_path) == ("中国网民突破十亿", ("新华网",))


def test_a_location_line_and_the_title_repeated_under_it_are_not_the_article(
    importer: Importer,
) -> None:
    # A portal's page: the poster's location ("published from", shown since 2022)
    # and the headline again as the first line of the text.
    title = "视频丨李克强同志遗体在京火化"
    page = (
        f"<html><head><title>{title}_搜狐</title></head><body><h1>{title}</h1>"
        "<div class=time>2023-11-02 20:13</div>"
        f"<article><p>发布于：北京市</p><p>{title}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"
        "</article></body></html>"
    )
    a = importer.parse_bytes(page.encode(), Path("a.html"))
    assert (a.title, a.published) == (title, "2023-11-02T20:13")
    assert [b.text for b in a.blocks] == [PARAGRAPH, PARAGRAPH]
    dated = page.replace("发布于：北京市", "发布于：2023-11-02 20:13")
    assert importer.parse_bytes(dated.encode(), Path("b.html")).published == "2023-11-02T20:13"


def test_a_taiwanese_byline_and_a_picture_caption(importer: Importer) -> None:
    caption = "▲政府擬將18%調降為9%。(圖／東森新聞提供)"
    page = (
        "<html><head><title>軍公教18%調9%？ 民進黨不支持 | ETtoday新聞雲</title>"
        '<meta name="author" content="ETtoday 新聞雲">'
        '<meta property="og:site_name" content="ETtoday 新聞雲"></head><body>'
        "<h1>軍公教18%調9%？ 民進黨不支持</h1><div class=story>"
        f"<p>記者王文萱／台北報導</p><p>{PARAGRAPH}</p><p><strong>{caption}</strong></p>"
        f"<p>{PARAGRAPH}</p></div></body></html>"
    )
    a = importer.parse_bytes(page.encode(), Path("a.html"))
    # The reporter, not the outlet, is the author; the byline leaves the text.
    assert a.author == "王文萱"
    # A caption in bold is a paragraph, not a heading the outline would list.
    assert [(b.kind, b.text) for b in a.blocks] == [
        (BlockKind.PARAGRAPH, PARAGRAPH),
        (BlockKind.PARAGRAPH, caption),
        (BlockKind.PARAGRAPH, PARAGRAPH),
    ]


def test_no_network_is_ever_touched(
    importer: Importer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the importer opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    article = importer.parse_file(_page_file(tmp_path))
    text = " ".join(b.text for b in article.blocks)
    assert "http" not in text and "img" not in text and "alert" not in text


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
@pytest.mark.parametrize("charset", ["gb2312", None])
def test_a_single_file_archive_is_the_same_article_as_the_page(
    importer: Importer, tmp_path: Path, transfer: str, charset: str | None
) -> None:
    page = _page_file(tmp_path)
    archive = tmp_path / "p.mhtml"
    archive.write_bytes(make_mhtml(page.read_bytes(), charset, transfer))
    from_page, from_archive = importer.parse_file(page), importer.parse_file(archive)
    assert from_archive.to_json() == from_page.to_json()
    # Named .txt or anything else, an archive is still read as one.
    renamed = tmp_path / "archive.txt"
    renamed.write_bytes(archive.read_bytes())
    assert importer.parse_file(renamed).id == from_page.id


def test_an_archive_without_a_page_is_refused(importer: Importer, tmp_path: Path) -> None:
    archive = tmp_path / "empty.mht"
    archive.write_bytes(
        b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\n"
        b"Content-Type: image/gif\n\nGIF89a\n--b--\n"
    )
    with pytest.raises(ImportFailure, match="holds no web page"):
        importer.parse_file(archive)


def test_the_files_folder_of_a_complete_page_is_not_imported(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "p_files").mkdir()
    (tmp_path / "p_files" / "frame.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "p_files" / "notes.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "other_files").mkdir()  # no page of that name: an ordinary folder
    (tmp_path / "other_files" / "a.txt").write_text("正文", encoding="utf-8")
    found = {c.path.relative_to(tmp_path).as_posix() for c in collect([tmp_path])}
    assert found == {"p.html", "other_files/a.txt"}


@pytest.mark.parametrize(
    ("page", "limit"),
    [
        ("<html><body>" + "<div>" * (MAX_DEPTH + 50) + "字</body></html>", f"{MAX_DEPTH} levels"),
        ("<html><body>" + "<i></i>" * (MAX_ELEMENTS + 10) + "</body></html>", "elements"),
    ],
)
def test_pages_past_a_limit_are_refused_naming_it(
    importer: Importer, page: str, limit: str
) -> None:
    with pytest.raises(ImportFailure, match=limit):
        importer.parse_bytes(page.encode(), Path("deep.html"))


def test_a_page_that_takes_too_long_is_refused_naming_the_limit(tmp_path: Path) -> None:
    from reader.importers.html import parse_html
    from reader.importers.html_tree import Deadline, PageRefused

    with pytest.raises(PageRefused, match=r"longer than the 0 s limit"):
        parse_html(PAGE, deadline=Deadline(seconds=0.0))


def test_markdown_digest_through_the_same_structural_step(
    importer: Importer, tmp_path: Path
) -> None:
    path = tmp_path / "20231001.md"
    path.write_text(
        "# 《新闻联播》 (20231001)\n\n## 详细新闻\n\n### 第一条新闻\n\n"
        f"<p><strong>央视网消息</strong>（新闻联播）：{PARAGRAPH}</p>"
        "<p><strong>小标题在这里&nbsp;</strong></p>"
        f"<p>{PARAGRAPH}</p><script>alert(1)</script>\n\n"
        "[查看原文](https://tv.cctv.com/2023/10/01/a.shtml)\n\n---\n\n"
        "(更新时间戳: 1696164502110)\n",
        encoding="utf-8",
    )
    article = importer.parse_file(path)
    assert article.published == "2023-10-01"  # the date in the H1
    assert (
        [(b.kind.value, b.level, b.text[:6]) for b in article.blocks]
        == [
            ("heading", 2, "详细新闻"),
            ("heading", 3, "第一条新闻"),
            ("paragraph", None, "央视网消息（"),
            ("heading", 4, "小标题在这里"),  # bold only, under the ###
            ("paragraph", None, PARAGRAPH[:6]),
        ]
    )
    assert "alert" not in str(article.to_json())


def test_print_article_kicker_subtitle_and_credits(importer: Importer) -> None:
    text = (
        "习近平在四川考察时强调\n推动新时代治蜀兴川再上新台阶\n——奋力谱写中国式现代化四川新篇章\n"
        "本报记者 王小明\n2023年7月29日  来源：人民日报\n\n"
        f"　　{PARAGRAPH}\n　　{PARAGRAPH}\n（作者为四川大学教授）\n版式设计：张芳曼\n"
    )
    article = importer.parse_str(text)
    assert article.title == "推动新时代治蜀兴川再上新台阶"
    assert article.author == "王小明"
    assert (article.published, article.source) == ("2023-07-29", "人民日报")
    assert article.blocks == (
        Block.paragraph("习近平在四川考察时强调", role=BlockRole.KICKER),
        Block.paragraph("——奋力谱写中国式现代化四川新篇章", role=BlockRole.SUBTITLE),
        Block.paragraph(PARAGRAPH),
        Block.paragraph(PARAGRAPH),
        Block.paragraph("（作者为四川大学教授）", role=BlockRole.CREDIT),
        Block.paragraph("版式设计：张芳曼", role=BlockRole.CREDIT),
    )
    # Stored and shown with its role, in the JSON as an added key.
    assert article.to_json()["blocks"][0] == {  # type: ignore[index]
        "type": "paragraph",
        "role": "kicker",
        "text": "习近平在四川考察时强调",
    }


def test_the_source_of_a_fact_box_or_a_picture_is_not_the_articles(importer: Importer) -> None:
    page = (
        "<html><head><title>細川護熙參選東京都知事</title></head><body>"
        f"<h1>細川護熙參選東京都知事</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"
        "<p>●1993/08 就任日本首相<br>資料來源：維基百科</p><p>圖片來源：法新社</p></body></html>"
    )
    article = importer.parse_bytes(page.encode(), Path("a.html"))
    assert article.source is None
    assert "資料來源：維基百科" in "".join(b.text for b in article.blocks)  # the box keeps it
    labelled = page.replace("<h1>", "<div>來源：蘋果日報</div><h1>", 1)
    assert importer.parse_bytes(labelled.encode(), Path("b.html")).source == "蘋果日報"
