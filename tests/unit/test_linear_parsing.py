"""Every parser is linear: 10x the hostile input takes about 10x the time, never 100x.

Each case is a line a page could hold (or an attacker could write): long runs of
spaces, full-width spaces, punctuation, backticks, brackets, '>' and tags, in the
places the parsers look hardest (the header lines, editor lines, headings, front
matter, inline Markdown). The test times each at 1x and 10x and asserts the ratio.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.chinese import Converters
from reader.importers import Importer, ImportFailure
from reader.importers.markdown import parse_markdown
from reader.importers.text import parse_text
from tests.timing import MAX_RATIO, growth

N = 2000  # units in the 1x input; the 10x input has 20,000

TEXT_CASES: dict[str, Callable[[int], str]] = {
    "first line, spaces": lambda n: "首页" + " " * n + "新闻\n正文。\n",
    "first line, full-width spaces": lambda n: "首页" + "\u3000" * n + "新闻\n正文。\n",
    "first line, tabs": lambda n: "首页" + "\t" * n + "新闻\n正文。\n",
    "first line, ' >' levels": lambda n: "首页" + " >" * n + " 新闻\n正文。\n",
    "first line, '>>' and spaces": lambda n: "首页" + " >> " * n + "\n正文。\n",
    "first line, full-width colons": lambda n: "来源" + "：" * n + "\n正文。\n",
    "editor line, spaces": lambda n: "标题\n\n正文。\n（责编：王" + " " * n + "李\n",
    "editor line, wide spaces": lambda n: "标题\n\n正文。\n【责编：王" + "\u3000" * n + "李\n",
    "editor line, closed late": lambda n: "标题\n\n正文。\n（责编：王 " + "、 " * n + "李）\n",
    "meta line, spaces": lambda n: "标题\n2023年8月30日 来源：人民网" + " " * n + "x\n正文。\n",
    "one long line": lambda n: "中文，" * n,
    "many short lines": lambda n: "标题\n" + "一行字\n" * n,
    "many indented lines": lambda n: "标题\n" + "\u3000\u3000一段。\n" * n,
}

MARKDOWN_CASES: dict[str, Callable[[int], str]] = {
    "heading, spaces": lambda n: "# 标题" + " " * n + "x\n",
    "heading, tabs before closing #": lambda n: "## 标题" + "\t" * n + "x #\n",
    "front matter comment, spaces": lambda n: "---\ntitle: 标题" + " " * n + "x\n---\n正文\n",
    "front matter list, spaces": lambda n: "---\nsection: [甲" + " " * n + "乙, 丙]\n---\n正文\n",
    "front matter list, unclosed": lambda n: "---\nsection: [甲" + " " * n + "乙\n---\n正文\n",
    "front matter list, quotes": lambda n: '---\nsection: ["甲' + '",' * n + "\n---\n正文\n",
    "backticks": lambda n: "正文" + "`" * n + "\n",
    "backtick pairs": lambda n: "正文" + "``a" * n + "\n",
    "escaped brackets": lambda n: "[\\]" * n + "\n",
    "nested brackets": lambda n: "[[a]" * n + "\n",
    "brackets and emphasis": lambda n: "[*" * n + "\n",
    "link, spaces": lambda n: "[a](" + " " * n + "b\n",
    "empty tags": lambda n: "<b> " * n + "x\n",
    "unclosed tags": lambda n: "<a " * n + "\n",
    "quote marks": lambda n: "> " * n + "a\n",
    "emphasis marks": lambda n: "*a _b ~~c " * n + "\n",
    "comments": lambda n: "x<!--" * n + "\n",
    "many lines of a paragraph": lambda n: "a\n" * n,
}


# Inline constructs once looked up to 2,000 characters ahead from every backtick or
# bracket: linear past that window, with a constant of thousands (a line of 80,000
# backticks took 34 s). Below the window that cost shows as quadratic growth.
SHORT_N = 150
SHORT_CASES = ["backticks", "escaped brackets"]
# A paragraph's leading empty pieces were dropped one pop(0) at a time: quadratic with
# a small constant, which shows only on long inputs.
LONG_N = 20_000


def _check(parse: Callable[[str], object], build: Callable[[int], str], n: int = N) -> None:
    small, large = build(n), build(10 * n)
    ratio = growth(lambda: parse(small), lambda: parse(large))
    assert ratio < MAX_RATIO, f"10x the input took {ratio:.0f}x the time"


@pytest.mark.parametrize("case", TEXT_CASES)
def test_text_parser_is_linear(case: str) -> None:
    _check(parse_text, TEXT_CASES[case])


@pytest.mark.parametrize("case", MARKDOWN_CASES)
def test_markdown_parser_is_linear(case: str) -> None:
    _check(parse_markdown, MARKDOWN_CASES[case])


@pytest.mark.parametrize("case", SHORT_CASES)
def test_inline_markdown_looks_no_further_than_it_must(case: str) -> None:
    _check(parse_markdown, MARKDOWN_CASES[case], SHORT_N)


def test_thousands_of_empty_tags_are_dropped_in_linear_time() -> None:
    _check(parse_markdown, MARKDOWN_CASES["empty tags"], LONG_N)


@pytest.mark.parametrize(
    "case", ["first line, spaces", "editor line, spaces", "first line, ' >' levels"]
)
def test_whole_import_of_bytes_is_linear(converters: Converters, case: str) -> None:
    """Decoding, parsing, the fingerprint and the script detection together."""
    importer = Importer(converters)
    build = TEXT_CASES[case]
    _check(lambda text: importer.parse_bytes(text.encode("gb18030")), build)


HTML_HEAD = "<!DOCTYPE html><html><head><title>标题_人民网</title></head><body><h1>标题</h1>"
HTML_CASES: dict[str, Callable[[int], str]] = {
    # Nesting just under the depth limit, again and again: the walk never recurses.
    "deep nesting": lambda n: (
        "<div>" * 90
        + "字。" * (n // 10)
        + "</div>" * 90
        + ("<div>" * 90 + "字，" + "</div>" * 90) * (n // 200)
    ),
    "long attribute values": lambda n: f'<p title="{"x" * (50 * n)}">正文，正文。</p>',
    "many tags": lambda n: "<p>" + "<b>字</b>，" * n + "</p>",
    "many paragraphs": lambda n: "<p>正文，第一段。</p>" * n,
    "many line breaks": lambda n: "<p>" + "字，<br>" * n + "</p>",
    "many comments": lambda n: "<p>" + "<!-- x -->字" * n + "</p>",
    "unclosed tags": lambda n: "<div><p><span>" * n + "字",
    "one long line": lambda n: "<p>" + "中文，" * (10 * n) + "</p>",
    "many date lines": lambda n: "<p>2023年08月30日 来源：人民网</p>" * n,
    "breadcrumb, many levels": lambda n: "<div>当前位置：" + "栏目 &gt;&gt; " * n + "</div>",
    # Where the author, the source, the site and bylines are read (reader.importers.names).
    "author of spaces": lambda n: (
        f'<meta name="author" content="王{" " * (10 * n)}明：x"><p>正文。</p>'
    ),
    "source line of spaces": lambda n: (
        f"<p>来源：太原晚报{' ' * (10 * n)}2021-11-25</p><p>正文。</p>"
    ),
    "long canonical address": lambda n: f'<link rel="canonical" href="http://{"a." * (5 * n)}cn/">',
    "brackets closing a paragraph": lambda n: "<p>正文" + "（記者" * n + "）</p>",
}


@pytest.mark.parametrize("case", HTML_CASES)
def test_html_path_is_linear(converters: Converters, case: str) -> None:
    """Decoding, the tree, metadata, readability, the structural step, together."""
    importer = Importer(converters)

    def parse(body: str) -> object:
        try:
            return importer.parse_bytes((HTML_HEAD + body + "</body></html>").encode("utf-8"))
        except ImportFailure as refused:  # past a limit (unclosed tags nest): refused, linearly
            return refused

    _check(parse, HTML_CASES[case], n=200)
