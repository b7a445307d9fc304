"""Export: every format on the sample and on a hostile article, with the options
(script, bilingual, notes, metadata, BOM), and atomic writes."""

from __future__ import annotations

import dataclasses
import errno
import html
import os
import re
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from reader.chinese.convert import ScriptConverter, ScriptMode
from reader.domain import Article, Block, Bookmark, Script
from reader.export import ExportError, ExportOptions, export_article, prepare
from reader.export.atomic import write_atomic
from reader.export.html import render_html
from reader.export.markdown import escape_block, render_markdown
from reader.export.options import ExportDocument
from reader.export.sources import apply_corrections
from reader.export.text import render_text, text_bytes
from reader.importers import Importer
from reader.library.corrections import Correction

SEED = (
    Path(__file__).resolve().parents[2]
    / "resources/samples/01-zhonglianbu-research-traditional.txt"
)
HOSTILE_TITLE = ("../../CON?.md" + "標題" * 100)[:200]
HOSTILE_BLOCKS = (
    Block.paragraph("<script>alert(1)</script>"),
    Block.paragraph('<img src="/dev/zero"> 圖'),
    Block.heading("[x](javascript:alert(1))", 2),
    Block.paragraph("# not a heading"),
    Block.paragraph("> quote"),
    Block.heading("1. list", 3),
    Block.paragraph(
        '<style>@import url(http://x/a.css)</style> <a href="file:///etc/passwd">x</a>'
    ),
    Block.paragraph("*粗* _斜_ `碼` | 表 | &amp; \\ 行尾  \n第二行"),
    Block.heading("深層", 4),
    Block.paragraph("　　全角縮進開頭，後面有 onerror=alert(1) 與 http://example.com/a.png"),
)
FIELDS = ("title", "section_path", "published", "source", "author", "editors", "blocks")


@pytest.fixture(scope="module")
def sample(converters) -> Article:  # type: ignore[no-untyped-def]
    return Importer(converters).parse_file(SEED)


@pytest.fixture(scope="module")
def hostile() -> Article:
    return Article(
        id="0123456789abcdef",
        title=HOSTILE_TITLE,
        blocks=HOSTILE_BLOCKS,
        section_path=('<iframe src="x">', "欄目 / 子欄目"),
        published="2023-08-30T13:42",
        source='<link rel="stylesheet" href="https://x/a.css">',
        author="javascript:alert(1)",
        editors=("王子鋒", '"><script>'),
        script=Script.TRADITIONAL,
    )


@pytest.fixture(scope="module")
def converter(converters) -> ScriptConverter:  # type: ignore[no-untyped-def]
    return ScriptConverter(converters)


@pytest.fixture(params=["sample", "hostile"])
def article(request: pytest.FixtureRequest, sample: Article, hostile: Article) -> Article:
    return sample if request.param == "sample" else hostile


def doc_of(article: Article, converter: ScriptConverter, fmt: str, **kw: object) -> ExportDocument:
    marks = kw.pop("bookmarks", ())
    return prepare(article, ExportOptions(fmt, **kw), converter, (), marks)  # type: ignore[arg-type]


# What each mode should show of a Traditional article, worked out here with the bare
# OpenCC binding, one text at a time, not with the code under test (prepare(),
# ScriptConverter): an export is compared with this, never with the code's own output.
_BARE_CONFIG = {
    ScriptMode.SIMPLIFIED: "t2s",
    ScriptMode.TAIWAN: "t2tw",
    ScriptMode.HONG_KONG: "t2hk",
}


def expected(article: Article, mode: ScriptMode) -> Article:
    assert article.script is Script.TRADITIONAL  # both articles here are
    if mode is ScriptMode.ORIGINAL:
        return article
    import opencc

    bare = opencc.OpenCC(_BARE_CONFIG[mode])
    text = bare.convert

    def maybe(value: str | None) -> str | None:
        return None if value is None else text(value)

    return dataclasses.replace(
        article,
        script=Script.SIMPLIFIED if mode is ScriptMode.SIMPLIFIED else Script.TRADITIONAL,
        title=text(article.title),
        section_path=tuple(text(p) for p in article.section_path),
        source=maybe(article.source),
        author=maybe(article.author),
        editors=tuple(text(e) for e in article.editors),
        blocks=tuple(dataclasses.replace(b, text=text(b.text)) for b in article.blocks),
    )


def notes_for(article: Article) -> list[Bookmark]:
    return [
        Bookmark("b1", article.id, 1, article.blocks[1].text[:8], note="要點\n第二行"),
        Bookmark("b2", article.id, None, note="整篇"),
        Bookmark("b3", article.id, 0, article.blocks[0].text[:4]),
    ]


# --- Markdown ---------------------------------------------------------------------


@pytest.mark.parametrize("mode", [ScriptMode.ORIGINAL, ScriptMode.SIMPLIFIED])
def test_markdown_reimports_to_the_same_article(
    tmp_path: Path,
    article: Article,
    converter: ScriptConverter,
    converters,
    mode: ScriptMode,  # type: ignore[no-untyped-def]
) -> None:
    doc = doc_of(article, converter, "md", script=mode)
    path = export_article(doc, tmp_path / "a.md")
    back = Importer(converters).parse_file(path)
    shown = expected(article, mode)
    for field in FIELDS:
        assert getattr(back, field) == getattr(shown, field), field
    # The id is the fingerprint of the Markdown file's own content, as for any file.
    assert back.id != article.id


def test_markdown_front_matter_and_layout(sample: Article, converter: ScriptConverter) -> None:
    md = render_markdown(doc_of(sample, converter, "md", script=ScriptMode.TAIWAN))
    head = md.split("\n---\n", 1)[0]
    assert head.startswith('---\ntitle: "中聯部在主題教育期間深入開展調查研究"')
    assert 'section: ["中國共產黨新聞網", "黨建",' in head
    assert 'published: "2023-08-30T13:42"' in head
    assert 'editors: ["王子鋒", "王珂園"]' in head
    assert 'script: "taiwan"\nlang: "zh-TW"' in head
    assert "\n# 中聯部在主題教育期間深入開展調查研究\n" in md
    assert md.count("\n## ") == 3


def test_markdown_keeps_html_as_text(hostile: Article, converter: ScriptConverter) -> None:
    md = render_markdown(doc_of(hostile, converter, "md"))
    body = md.split("\n---\n", 1)[1]
    assert "<" not in body and "](" not in body.replace("\\](", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "\n\\# not a heading\n" in body
    assert "\n&gt; quote\n" in body
    assert "\n### 1\\. list\n" in body


def test_markdown_bilingual_reimports_the_original(
    tmp_path: Path,
    article: Article,
    converter: ScriptConverter,
    converters,  # type: ignore[no-untyped-def]
) -> None:
    doc = doc_of(article, converter, "md", script=ScriptMode.SIMPLIFIED, bilingual=True)
    md = render_markdown(doc)
    for right in expected(article, ScriptMode.SIMPLIFIED).blocks:
        assert "\n> " + escape_block(right.text).split("\n")[0] in md
    assert 'converted_script: "simplified"' in md and "bilingual: true" in md
    back = Importer(converters).parse_str(md, tmp_path / "b.md")
    for field in FIELDS:
        assert getattr(back, field) == getattr(article, field), field


def test_markdown_notes_are_footnotes_dropped_on_reimport(
    tmp_path: Path,
    article: Article,
    converter: ScriptConverter,
    converters,  # type: ignore[no-untyped-def]
) -> None:
    doc = doc_of(article, converter, "md", notes=True, bookmarks=notes_for(article))
    md = render_markdown(doc)
    assert [n.number for n in doc.notes] == [1, 2, 3]
    assert [n.block for n in doc.notes] == [None, 0, 1]  # reading order, article first
    assert "[^1]: 整篇" in md
    assert "[^3]: 「" in md and "要點\\\n    第二行" in md
    assert re.search(r"\[\^1\]\n", md)  # on the title line
    back = Importer(converters).parse_str(md, tmp_path / "n.md")
    assert back.blocks == article.blocks and back.title == article.title


# --- HTML -----------------------------------------------------------------------------

TAG_RE = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)([^>]*)>")
ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "div", "h1", "h2", "h3", "h4", "p",
    "a", "span", "br", "sup", "section", "ol", "li", "table", "tr", "td", "th",
}  # fmt: skip


def assert_inert(page: str) -> None:
    for _close, name, attrs in TAG_RE.findall(page):
        assert name.lower() in ALLOWED, name
        for attr, value in re.findall(r"([A-Za-z-]+)\s*=\s*\"([^\"]*)\"", attrs):
            assert attr.lower() not in {"src", "srcset", "action", "data", "background", "poster"}
            assert not attr.lower().startswith("on"), attr
            if attr.lower() == "href":
                assert re.fullmatch(r"#[nr]\d+", value), value
    lowered = page.lower()
    for token in ("<script", "src=", "url(", "@import", "javascript:", "file:", "http:", "https:"):
        assert token not in lowered, token


@pytest.mark.parametrize("bilingual", [False, True])
@pytest.mark.parametrize("notes", [False, True])
def test_html_names_no_script_and_no_resource(
    article: Article, converter: ScriptConverter, bilingual: bool, notes: bool
) -> None:
    doc = doc_of(
        article, converter, "html", script=ScriptMode.SIMPLIFIED, bilingual=bilingual,
        notes=notes, bookmarks=notes_for(article),
    )  # fmt: skip
    page = render_html(doc)
    assert page.startswith("<!DOCTYPE html>")
    assert_inert(page)
    text = html.unescape(re.sub(r"<[^>]+>", "", page.replace("<br>", "\n")))
    for block in expected(article, ScriptMode.SIMPLIFIED).blocks:
        assert block.text.strip() in text
    if bilingual:
        assert '<td class="original" lang="zh-Hant">' in page
        for block in article.blocks:
            assert block.text.strip() in text
    if notes:
        assert page.count('<li id="n') == 3
        assert '<a href="#n2" id="r2">2</a>' in page


def test_html_lang_and_typography(sample: Article, converter: ScriptConverter) -> None:
    page = render_html(doc_of(sample, converter, "html", script=ScriptMode.HONG_KONG))
    assert '<html lang="zh-HK">' in page
    assert "Noto Serif CJK HK" in page and "text-indent: 2em" in page


# --- text -----------------------------------------------------------------------------


def test_text_layout_and_bom(sample: Article, converter: ScriptConverter) -> None:
    plain = text_bytes(doc_of(sample, converter, "txt"))
    with_bom = text_bytes(doc_of(sample, converter, "txt", bom=True))
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert with_bom == b"\xef\xbb\xbf" + plain
    lines = plain.decode("utf-8").split("\n")
    assert lines[0] == sample.title
    assert lines[1].startswith("中國共產黨新聞網 / 黨建")
    assert lines[2].startswith("2023-08-30 13:42 · 旗幟網")
    assert lines[3] == ""
    assert lines[4] == "\u3000\u3000" + sample.blocks[0].text
    assert lines[6] == sample.blocks[1].text  # a heading, not indented


def test_text_without_metadata(sample: Article, converter: ScriptConverter) -> None:
    text = render_text(doc_of(sample, converter, "txt", metadata=False))
    assert "旗幟網" not in text.split("\n\n")[0] and "責編" not in text


def test_text_bilingual_alternates_and_notes_appendix(
    article: Article, converter: ScriptConverter
) -> None:
    doc = doc_of(
        article, converter, "txt", script=ScriptMode.SIMPLIFIED, bilingual=True, notes=True,
        bookmarks=notes_for(article),
    )  # fmt: skip
    text = render_text(doc)
    shown = expected(article, ScriptMode.SIMPLIFIED)
    assert text.startswith(f"{article.title}[1]\n{shown.title}\n")
    for left, right in zip(article.blocks, shown.blocks, strict=True):
        assert (
            "\u3000\u3000" if left.kind.value == "paragraph" else ""
        ) + right.text in text.split(left.text, 1)[1]
    notes = text.rsplit("\n\nNotes\n", 1)[1]
    assert notes.startswith("[1] 整篇\n[2] 「")


# --- Word -----------------------------------------------------------------------------


def east_asia(style_or_run_element: object) -> tuple[str | None, str | None]:
    rpr = style_or_run_element.find(qn("w:rPr"))  # type: ignore[attr-defined]
    fonts, lang = rpr.find(qn("w:rFonts")), rpr.find(qn("w:lang"))
    return fonts.get(qn("w:eastAsia")), lang.get(qn("w:eastAsia")) if lang is not None else None


@pytest.mark.parametrize(
    ("mode", "font", "lang"),
    [
        (ScriptMode.SIMPLIFIED, "SimSun", "zh-CN"),
        (ScriptMode.TAIWAN, "PMingLiU", "zh-TW"),
        (ScriptMode.HONG_KONG, "MingLiU_HKSCS", "zh-HK"),
    ],
)
def test_docx_styles_fonts_and_language(
    tmp_path: Path,
    article: Article,
    converter: ScriptConverter,
    mode: ScriptMode,
    font: str,
    lang: str,
) -> None:
    doc = doc_of(article, converter, "docx", script=mode)
    path = export_article(doc, tmp_path / "a.docx")
    word = Document(str(path))
    paragraphs = word.paragraphs
    shown = expected(article, mode)
    assert paragraphs[0].style.name == "Heading 1"
    assert paragraphs[0].text == shown.title
    body = [p for p in paragraphs[1:] if p.style.name != "Article Meta"]
    assert [p.text for p in body] == [b.text for b in shown.blocks]
    styles = ["Normal" if b.level is None else f"Heading {b.level}" for b in article.blocks]
    assert [p.style.name for p in body] == styles
    assert east_asia(word.styles["Normal"].element) == (font, lang)
    for level in (1, 2, 3):
        assert east_asia(word.styles[f"Heading {level}"].element)[1] == lang
        assert word.styles[f"Heading {level}"].element.rPr.rFonts.get(qn("w:eastAsiaTheme")) is None
    settings = word.settings.element.find(qn("w:themeFontLang"))
    assert settings.get(qn("w:eastAsia")) == lang  # the stock template says ja-JP
    assert word.core_properties.title == shown.title
    assert word.core_properties.language == lang
    assert word.core_properties.author != "python-docx"
    normal = word.styles["Normal"].element.pPr
    assert normal.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert word.styles["Normal"].paragraph_format.line_spacing == 1.5


def test_docx_bilingual_table_and_comments(
    tmp_path: Path, article: Article, converter: ScriptConverter
) -> None:
    doc = doc_of(
        article, converter, "docx", script=ScriptMode.SIMPLIFIED, bilingual=True, notes=True,
        bookmarks=notes_for(article),
    )  # fmt: skip
    word = Document(str(export_article(doc, tmp_path / "b.docx")))
    (table,) = word.tables
    rows = [(r.cells[0].text, r.cells[1].text) for r in table.rows]
    shown = expected(article, ScriptMode.SIMPLIFIED)
    assert rows[0] == ("Original (Traditional)", "Simplified")
    assert rows[1] == (article.title, shown.title)
    pairs = [(a.text, b.text) for a, b in zip(article.blocks, shown.blocks, strict=True)]
    assert rows[-len(article.blocks) :] == pairs
    title_row = table.rows[1]
    assert title_row.cells[0].paragraphs[0].style.name == "Heading 1"
    left_run, right_run = (c.paragraphs[0].runs[0]._r for c in title_row.cells)
    assert east_asia(left_run) == ("Microsoft JhengHei", "zh-TW")
    assert east_asia(right_run) == ("Microsoft YaHei", "zh-CN")
    comments = [c.text for c in word.comments]
    # The note on block 0 quotes its start, as shown (Simplified).
    assert comments[:2] == ["整篇", f"「{shown.blocks[0].text[:4]}」"]
    assert comments[2].startswith("「") and comments[2].endswith("要點\n第二行")


# --- prepare ---------------------------------------------------------------------


def test_prepare_corrected_then_converted(sample: Article, converter: ScriptConverter) -> None:
    index = next(i for i, b in enumerate(sample.blocks) if "干部" in b.text)
    start = sample.blocks[index].text.index("干部")
    fix = Correction(index, start, "干部", "幹部")

    class Store:
        def accepted(self, article_id: str) -> list[Correction]:
            return [fix] if article_id == sample.id else []

    by_list = prepare(sample, ExportOptions("md", corrected=True), None, [fix])
    by_store = prepare(sample, ExportOptions("md", corrected=True), None, Store())
    assert by_list.article == by_store.article == apply_corrections(sample, [fix])
    assert by_list.article.blocks[index].text[start : start + 2] == "幹部"
    assert by_list.original is sample  # the original side is never corrected
    twp = prepare(sample, ExportOptions("md", ScriptMode.TAIWAN, corrected=True), converter, [fix])
    assert twp.lang == "zh-TW" and twp.script_name == "taiwan"
    assert twp.labels.converted == "Traditional (Taiwan)"
    with pytest.raises(ValueError, match="converter"):
        prepare(sample, ExportOptions("md", ScriptMode.SIMPLIFIED), None)


def test_prepare_without_metadata(sample: Article) -> None:
    doc = prepare(sample, ExportOptions("md", metadata=False), None)
    assert (doc.article.published, doc.article.source, doc.article.editors) == (None, None, ())
    assert doc.article.section_path == sample.section_path


def test_notes_follow_their_quote_and_are_never_dropped(sample: Article) -> None:
    moved = Bookmark("m", sample.id, 0, sample.blocks[2].text[:10], note="moved")
    orphan = Bookmark("o", sample.id, 1, "no longer there", note="lost", orphaned=True)
    doc = prepare(sample, ExportOptions("txt", notes=True), None, (), [moved, orphan])
    assert [(n.block, n.text) for n in doc.notes] == [(None, "lost"), (2, "moved")]
    assert prepare(sample, ExportOptions("txt"), None, (), [moved]).notes == ()


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="format"):
        ExportOptions("rtf")
    with pytest.raises(ValueError, match="page"):
        ExportOptions("pdf", page="a3")


# --- files ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx"])
def test_export_article_refuses_to_overwrite(tmp_path: Path, sample: Article, fmt: str) -> None:
    doc = prepare(sample, ExportOptions(fmt), None)
    target = tmp_path / f"a.{fmt}"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        export_article(doc, target)
    assert target.read_bytes() == b"old"
    export_article(doc, target, overwrite=True)
    assert target.read_bytes() != b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"a.{fmt}"]


def test_pdf_unavailable_is_a_one_line_error(
    tmp_path: Path, sample: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "reader.export.pdf", None)  # as if not installed
    with pytest.raises(ExportError, match="PDF export is not available"):
        export_article(prepare(sample, ExportOptions("pdf"), None), tmp_path / "a.pdf")
    assert not list(tmp_path.iterdir())


def test_atomic_write_new_and_existing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, b"one")
    assert target.read_bytes() == b"one"
    assert target.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    with pytest.raises(FileExistsError):
        write_atomic(target, b"two")
    write_atomic(target, b"two", overwrite=True)
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("failing", ["write", "fsync"])
@pytest.mark.parametrize("existed", [False, True])
def test_disk_full_leaves_no_partial_file_and_the_old_one_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, existed: bool
) -> None:
    target = tmp_path / "報告.md"
    if existed:
        target.write_bytes(b"old contents")
    real_write = os.write

    def full(*args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def half(fd: int, data: bytes) -> int:  # some bytes land, then the disk is full
        real_write(fd, bytes(data[:10]))
        monkeypatch.setattr(os, "write", full)
        return 10

    monkeypatch.setattr(
        os, "write" if failing == "write" else "fsync", half if failing == "write" else full
    )
    with pytest.raises(ExportError) as caught:
        write_atomic(target, "新內容".encode() * 1000, overwrite=True)
    message = str(caught.value)
    assert "報告.md" in message and "No space left on device" in message
    assert "\n" not in message
    assert [p.name for p in tmp_path.iterdir()] == (["報告.md"] if existed else [])
    if existed:
        assert target.read_bytes() == b"old contents"


def test_a_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="missing"):
        write_atomic(tmp_path / "missing" / "a.md", b"x")
