"""The Markdown importer: front matter, blocks, raw HTML kept out (traps #8), and the
exact reversal of the exporter's escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.domain import Block
from reader.export.markdown import escape_block, escape_heading
from reader.importers import FOLDER_EXTENSIONS, Importer, collect
from reader.importers.front_matter import has_front_matter, parse_front_matter
from reader.importers.markdown import parse_markdown


def test_front_matter_subset() -> None:
    data = parse_front_matter(
        [
            'title: "引號 \\"內\\" 與\\n換行"',
            "source: '旗幟網 it''s'",
            "author: 王 # a comment",
            "published: 2023-08-30T13:42",
            'section: ["中國共產黨新聞網", 黨建, "a, b"]',
            "editors:",
            "  - 王子鋒",
            '  - "王珂園"',
            "nested:",
            "  key: value",
            "empty: ~",
            "bilingual: true",
            "long: [a,",
            "  b]",
        ]
    )
    assert data["title"] == '引號 "內" 與\n換行'
    assert data["source"] == "旗幟網 it's"
    assert data["author"] == "王"
    assert data["published"] == "2023-08-30T13:42"
    assert data["section"] == ["中國共產黨新聞網", "黨建", "a, b"]
    assert data["editors"] == ["王子鋒", "王珂園"]
    assert data["nested"] == []  # a mapping is not ours: left empty, never evaluated
    assert data["empty"] is None
    assert data["bilingual"] is True
    assert data["long"] == ["a", "b"]


def test_ordinary_markdown_title_headings_paragraphs() -> None:
    parsed = parse_markdown(
        "# 《新闻联播》 (20221001)\n\n## 新闻摘要\n\n本期节目主要内容：\n\n"
        "（1）傅平均：\n做乡村振兴的“领头雁”；\n\n### 小节\n\nSoft wrapped\nEnglish line.\n"
    )
    assert parsed.title == "《新闻联播》 (20221001)"
    assert parsed.blocks == [
        Block.heading("新闻摘要", 2),
        Block.paragraph("本期节目主要内容："),
        Block.paragraph("（1）傅平均：做乡村振兴的“领头雁”；"),  # no space between Chinese
        Block.heading("小节", 3),
        Block.paragraph("Soft wrapped English line."),
    ]


def test_embedded_html_is_reduced_to_text_and_never_passed_on() -> None:
    parsed = parse_markdown(
        "# T\n\n"
        "<p><strong>央视网消息</strong>（新闻联播）：第一段。</p><p>第二段。</p>\n\n"
        '<script>alert(1)</script><img src="/dev/zero" onerror="x()">图\n\n'
        "<style>p { color: red }</style>文<!-- 注释 -->字\n\n"
        "[链接](https://tv.cctv.com/a.shtml) ![图片](/dev/zero) [x](javascript:alert(1))\n\n"
        "&lt;b&gt; &amp; &copy; &#x4E2D;\n"
    )
    texts = [b.text for b in parsed.blocks]
    assert texts == [
        "央视网消息（新闻联播）：第一段。",
        "第二段。",
        "图",
        "文字",
        "链接 图片 x",
        "<b> & © 中",  # entities are text: decoded once, never re-parsed as markup
    ]
    assert not any("script" in t or "src" in t or "http" in t for t in texts)


def test_markdown_structures_become_paragraphs() -> None:
    parsed = parse_markdown(
        "Title\n=====\n\n- 一\n- 二\n\n3. 三\n\n> 引用\n> 續\n\n---\n\n"
        "```\n<b>code</b> *kept*\n```\n\n**粗** _斜_ ~~删~~ `码`\n\n"
        "Sub\n---\n\n正文[^1]\n\n[^1]: 注\n    續\n\n[ref]: http://x\n"
    )
    assert parsed.title == "Title"
    assert parsed.blocks == [
        Block.paragraph("一"),
        Block.paragraph("二"),
        Block.paragraph("3. 三"),
        Block.paragraph("引用續"),
        Block.paragraph("<b>code</b> *kept*"),
        Block.paragraph("粗 斜 删 码"),
        Block.heading("Sub", 2),
        Block.paragraph("正文"),
    ]


def test_corpus_style_file(tmp_path: Path, converters) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "20221001.md"
    path.write_text(
        "# 《新闻联播》 (20221001)\n\n## 详细新闻\n\n### 《求是》杂志发表文章\n\n"
        "<p><strong>央视网消息</strong>（新闻联播）：10月1日出版。</p><p>文章强调。</p>\n\n"
        "[查看原文](https://tv.cctv.com/2022/10/01/VIDE.shtml)\n",
        encoding="utf-8",
    )
    article = Importer(converters).parse_file(path)
    assert article.title == "《新闻联播》 (20221001)"
    # "查看原文" link lines are furniture; the date in the title is the date.
    assert [b.text for b in article.blocks] == [
        "详细新闻", "《求是》杂志发表文章", "央视网消息（新闻联播）：10月1日出版。", "文章强调。",
    ]  # fmt: skip
    assert [b.level for b in article.blocks[:2]] == [2, 3]
    assert article.published == "2022-10-01"


def test_sniffing_front_matter_or_extension(tmp_path: Path, converters) -> None:  # type: ignore[no-untyped-def]
    importer = Importer(converters)
    by_front_matter = importer.parse_str('---\ntitle: "標題"\n---\n\n正文第一段。\n')
    assert by_front_matter.title == "標題"
    assert by_front_matter.blocks == (Block.paragraph("正文第一段。"),)
    # A text file whose first line is a rule, without keys, stays text.
    assert not has_front_matter("---\n不是\n---\n")
    named = tmp_path / "note.markdown"
    named.write_text("# 標題\n\n## 小節\n", encoding="utf-8")
    assert importer.parse_file(named).blocks == (Block.heading("小節", 2),)
    assert {".md", ".markdown"} <= FOLDER_EXTENSIONS
    (tmp_path / "a.md").write_text("# a\n", encoding="utf-8")
    found = {c.path.name for c in collect([tmp_path]) if not isinstance(c, Exception)}
    assert {"a.md", "note.markdown"} <= found


def test_markdown_without_title_falls_back_to_the_file_name(tmp_path: Path, converters) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "筆記.md"
    path.write_text("只有一段。\n", encoding="utf-8")
    assert Importer(converters).parse_file(path).title == "筆記"


# How Reader's Markdown export begins: front matter, then the title. Such a file gives
# back its blocks exactly; ordinary Markdown goes through the structural step that
# takes furniture out (a "---" line, "分享", editor lines).
EXPORT_HEAD = '---\ntitle: "t"\n---\n\n# t\n\n'

TRICKY = [
    "# not a heading",
    "> quote",
    "1. list",
    "2) list",
    "- item",
    "+ item",
    "=====",
    "---",
    "***",
    "```",
    "    indented code",
    "\u3000\u3000全角縮進",
    "trailing spaces  ",
    "a\\",
    "a\\\nb",
    "line\n\nblank inside",
    "\nleading and trailing newline\n",
    "<script>alert(1)</script>",
    '<img src="/dev/zero">',
    "[x](javascript:alert(1))",
    "![a](b)",
    "&amp; &lt; &#32; &copy;",
    "*emph* _u_ ~~s~~ `code` | cell |",
    "[^1] [^note]:",
    "http://example.com <http://example.com>",
    "tab\there",
    "\x1b[31mred\x1b[0m",
]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_comes_back_exactly(text: str) -> None:
    md = f"{EXPORT_HEAD}{escape_block(text)}\n\n## {escape_heading(text)}\n"
    assert [b.text for b in parse_markdown(md).blocks] == [text, text]


@settings(max_examples=300)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_text_survives_escaping(text: str) -> None:
    if not text.strip():
        return  # a blank block is no block
    md = f"{EXPORT_HEAD}{escape_block(text)}\n\n## {escape_heading(text)}\n"
    assert [b.text for b in parse_markdown(md).blocks] == [text, text]


@pytest.mark.parametrize(
    "unit",
    ["[", "[[", "*a ", "_a ", "`a ", "<!-- ", "<script>", "<a ", "[a](", '[a](b "', "**a** "],
)
def test_hostile_paragraphs_parse_in_linear_time(unit: str) -> None:
    import time

    body = unit * (60_000 // len(unit))
    began = time.perf_counter()
    parse_markdown(body)
    # Linear: ~0.2 s here; a scan per opener (quadratic) took over 10 s.
    assert time.perf_counter() - began < 3
