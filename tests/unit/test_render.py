"""Article → HTML: structure, typography choices, and that article text stays inert."""

from __future__ import annotations

import html
import re

import pytest

from reader.domain import Article, Block, Script
from reader.render import (
    PALETTES,
    FontStyle,
    RenderOptions,
    Theme,
    document_lang,
    font_families,
    heading_anchor,
    meta_line,
    qt_column_margins,
    render_article,
)

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "div", "table", "tr", "td",
    "h1", "h2", "h3", "h4", "p", "a", "span", "br",
}  # fmt: skip
TAG_RE = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)([^>]*)>")


def article(**overrides: object) -> Article:
    fields: dict[str, object] = {
        "id": "a1",
        "title": "中聯部在主題教育期間深入開展調查研究",
        "blocks": (
            Block.paragraph("自學習貫徹主題教育開展以來。"),
            Block.heading("堅持科學謀劃"),
            Block.paragraph("早啟動、快推進。"),
            Block.heading("細分小節", level=3),
            Block.paragraph("第二段。"),
        ),
        "published": "2023-08-30T13:42",
        "source": "旗幟網",
        "editors": ("王子鋒", "王珂園"),
        "script": Script.TRADITIONAL,
    }
    fields.update(overrides)
    return Article(**fields)  # type: ignore[arg-type]


HOSTILE = article(
    title="<script>alert(1)</script>",
    section_path=("<iframe src=x>", "ok"),
    source='<link rel="stylesheet" href="https://x/a.css">',
    author="javascript:alert(1)",
    blocks=(
        Block.heading('"><style>@import url(http://x)</style>'),
        Block.paragraph(
            '<img src="/dev/zero"> <a href="file:///etc/passwd">x</a> http://example.com/a.png'
        ),
        Block.paragraph("<object data=x></object>\x00 background: url('file:///etc/passwd')"),
    ),
)


def options_matrix() -> list[RenderOptions]:
    return [RenderOptions(theme=t, for_qt=q) for t in Theme for q in (True, False)]


def test_title_meta_and_blocks_in_order_with_their_tags() -> None:
    out = render_article(article())
    order = [
        "<h1>中聯部在主題教育期間深入開展調查研究</h1>",
        "2023-08-30 13&#58;42 · 旗幟網 · 責編：王子鋒、王珂園",
        "自學習貫徹主題教育開展以來。</p>",
        "堅持科學謀劃</h2>",
        "早啟動、快推進。</p>",
        "細分小節</h3>",
        "第二段。</p>",
    ]
    positions = [out.index(piece) for piece in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("level", "tag"), [(1, "h2"), (2, "h2"), (3, "h3"), (4, "h4"), (9, "h4")])
def test_heading_levels_are_clamped(level: int, tag: str) -> None:
    out = render_article(article(blocks=(Block.heading("標題", level=level),)))
    assert re.search(rf"<{tag}\b[^>]*>標題</{tag}>", out)


def test_meta_line_formats_and_skips_absent_parts() -> None:
    assert meta_line(article()) == "2023-08-30 13:42 · 旗幟網 · 責編：王子鋒、王珂園"
    assert meta_line(article(published=None, editors=())) == "旗幟網"
    assert meta_line(article(source=None, author="張三")) == (
        "2023-08-30 13:42 · 作者：張三 · 責編：王子鋒、王珂園"
    )
    assert meta_line(article(published=None, source=None, editors=())) == ""
    # An "author" that is the outlet again is said once.
    assert meta_line(article(author="旗幟網", editors=())) == "2023-08-30 13:42 · 旗幟網"
    assert "责编：" in meta_line(article(script=Script.SIMPLIFIED))


def test_no_meta_paragraph_when_nothing_to_say() -> None:
    out = render_article(article(published=None, source=None, editors=()))
    assert 'class="meta"' not in out


@pytest.mark.parametrize("opts", options_matrix())
def test_every_block_has_an_anchor_in_a_page_and_none_for_qt(opts: RenderOptions) -> None:
    """Qt's HTML import is quadratic in named anchors: the view finds blocks by place."""
    a = article()
    out = render_article(a, opts)
    for i in range(len(a.blocks)):
        assert (f'<a name="{heading_anchor(i)}"></a>' in out) is not opts.for_qt
        assert (f'id="{heading_anchor(i)}"' in out) is not opts.for_qt
    assert heading_anchor(12) == "b12"


def test_paragraphs_are_justified_and_indented_for_qt() -> None:
    out = render_article(article())
    assert re.search(r'<p align="justify">自學習', out)
    assert "text-indent: 36px" in out
    assert "line-height: 32px" in out  # 1.8 × 18px: Qt's % is of the font's line height


def test_lang_and_fonts_follow_the_script() -> None:
    trad = render_article(article(script=Script.TRADITIONAL))
    simp = render_article(article(script=Script.SIMPLIFIED))
    assert '<html lang="zh-Hant"' in trad and 'lang="zh-Hant"' in trad.split("<body", 1)[1]
    assert '<html lang="zh-Hans"' in simp
    assert '"Noto Serif CJK TC"' in trad and "CJK SC" not in trad
    assert '"Noto Serif CJK SC"' in simp and "CJK TC" not in simp
    for out in (trad, simp):
        assert " JP" not in out and "Japanese" not in out


@pytest.mark.parametrize("script", list(Script))
@pytest.mark.parametrize("style", list(FontStyle))
@pytest.mark.parametrize("lang", [None, "zh-HK", "zh-TW", "zh-CN", "en"])
def test_font_families_never_japanese_and_end_generic(
    script: Script, style: FontStyle, lang: str | None
) -> None:
    families = font_families(script, style, lang)
    assert families[-1] == ("serif" if style is FontStyle.SERIF else "sans-serif")
    assert not any("JP" in f or "Japanese" in f for f in families)
    assert len(families) == len(set(families))


def test_font_families_by_variant() -> None:
    assert font_families(Script.SIMPLIFIED, FontStyle.SERIF)[0] == "Noto Serif CJK SC"
    assert font_families(Script.SIMPLIFIED, FontStyle.SANS)[0] == "Noto Sans CJK SC"
    assert font_families(Script.MIXED, FontStyle.SANS)[0] == "Noto Sans CJK SC"
    assert font_families(Script.UNKNOWN, FontStyle.SERIF)[0] == "Noto Serif CJK SC"
    trad_serif = font_families(Script.TRADITIONAL, FontStyle.SERIF)
    assert trad_serif[0] == "Noto Serif CJK TC" and "PMingLiU" in trad_serif
    trad_sans = font_families(Script.TRADITIONAL, FontStyle.SANS)
    assert trad_sans[0] == "Noto Sans CJK TC" and "Microsoft JhengHei" in trad_sans
    hk = font_families(Script.TRADITIONAL, FontStyle.SANS, "zh-HK")
    assert hk[0] == "Noto Sans CJK HK" and hk.index("Noto Sans CJK TC") > 0
    assert font_families(Script.TRADITIONAL, FontStyle.SERIF, "zh-HK")[0] == "Noto Serif CJK HK"


def test_lang_option_overrides_and_hk_fonts_come_first() -> None:
    out = render_article(article(), RenderOptions(lang="zh-HK"))
    assert '<html lang="zh-HK"' in out
    assert out.index('"Noto Serif CJK HK"') < out.index('"Noto Serif CJK TC"')


def test_malformed_lang_option_is_ignored() -> None:
    out = render_article(article(), RenderOptions(lang='zh" onload="x'))
    assert '<html lang="zh-Hant"' in out and "onload" not in out


def test_document_lang() -> None:
    assert document_lang(Script.SIMPLIFIED) == "zh-Hans"
    assert document_lang(Script.TRADITIONAL) == "zh-Hant"
    assert document_lang(Script.MIXED) == "zh"
    assert document_lang(Script.UNKNOWN) == "zh"


FORBIDDEN = ("<script", "<img", "<a href", "<iframe", "<object", "<link", "<style>@")
FORBIDDEN_ANYWHERE = ("src=", "href=", "url(", "@import", "file:", "http:", "https:", "javascript:")


@pytest.mark.parametrize("opts", options_matrix())
def test_hostile_article_comes_out_inert(opts: RenderOptions) -> None:
    out = render_article(HOSTILE, opts)
    low = out.lower()
    for needle in FORBIDDEN + FORBIDDEN_ANYWHERE:
        assert needle not in low, needle
    assert "\x00" not in out
    for m in TAG_RE.finditer(out):
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        assert name in ALLOWED_TAGS, m.group(0)
        if name == "a" and not closing:
            assert re.fullmatch(r' name="b\d+"', attrs), m.group(0)
    # Only our own stylesheet is allowed, exactly once.
    assert low.count("<style>") == 1
    # The hostile text is still there for the reader to see, as text.
    assert "&lt;script&gt;alert&#40;1)&lt;/script&gt;" in out
    assert "&lt;img src&#61;&quot;/dev/zero&quot;&gt;" in out
    assert "http&#58;//example.com/a.png" in out
    text = html.unescape(re.sub(r"<[^>]*>", "", out.split("<body", 1)[1]))
    assert '<img src="/dev/zero">' in text
    assert '"><style>@import url(http://x)</style>' in text


@pytest.mark.parametrize("opts", options_matrix())
def test_no_resource_references_in_ordinary_output(opts: RenderOptions) -> None:
    out = render_article(article(), opts).lower()
    for needle in FORBIDDEN_ANYWHERE:
        assert needle not in out


def test_themes_give_different_backgrounds() -> None:
    backgrounds = {PALETTES[t].background.lower() for t in Theme}
    assert len(backgrounds) == len(Theme)
    for theme in Theme:
        for for_qt in (True, False):
            out = render_article(article(), RenderOptions(theme=theme, for_qt=for_qt))
            assert f"background-color: {PALETTES[theme].background}" in out
    assert PALETTES[Theme.DARK].background.lower() != "#000000"


def test_zoom_scales_the_font_size_and_the_measure() -> None:
    normal = render_article(article())
    big = render_article(article(), RenderOptions(zoom=1.5))
    assert "font-size: 18px" in normal and "font-size: 27px" in big
    assert "<table" not in normal  # Qt lays out and paints a table cell whole: slow


def test_qt_column_is_centred_at_the_measure_and_never_cut_off() -> None:
    # 38 characters of 18 px = 684 px, centred in a 1,000 px view.
    assert qt_column_margins(1000, RenderOptions()) == ((1000 - 684) // 2, 36)
    # Zoomed so far that the column would not fit: a margin of one character.
    side, _top = qt_column_margins(800, RenderOptions(zoom=1.5))
    assert side == 27


def test_silly_zoom_falls_back_to_something_readable() -> None:
    for zoom in (0.0, -2.0, float("nan"), float("inf")):
        assert "font-size: 18px" in render_article(article(), RenderOptions(zoom=zoom))


def test_standalone_html_is_a_complete_document() -> None:
    out = render_article(article(), RenderOptions(for_qt=False))
    assert out.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in out
    assert "<title>中聯部在主題教育期間深入開展調查研究</title>" in out
    assert "max-width: 38em" in out and "margin: 0 auto" in out
    assert "text-indent: 2em" in out and "line-height: 1.8" in out
    assert '<div class="content" lang="zh-Hant">' in out
    assert "<table" not in out
    assert out.rstrip().endswith("</html>")


def test_newlines_inside_a_block_become_line_breaks() -> None:
    out = render_article(article(blocks=(Block.paragraph("第一行\n第二行"),)))
    assert "第一行<br>第二行" in out
