"""The reader pane and the outline, in a real widget rendered off-screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontInfo, QTextDocument
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.domain import Article, Block, Script
from reader.importers import Importer
from reader.render import RenderOptions, Theme
from reader.ui.reading.outline import OutlinePanel
from reader.ui.reading.reader_view import ReaderView


@pytest.fixture
def seed_article(seed_text: str, converters: Converters) -> Article:
    return Importer(converters).parse_str(seed_text)


@pytest.fixture
def view(qtbot: QtBot) -> ReaderView:
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def hostile(tmp_path: Path) -> Article:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    nasty = (
        '<img src="/dev/zero"> <img src="file:///dev/zero"> '
        f'<img src="{secret.as_uri()}"> <a href="http://example.com/x">link</a> '
        '<img src="http://example.com/a.png"> <script>alert(1)</script>'
    )
    return Article(
        id="hostile",
        title='<img src="/dev/zero">標題',
        blocks=(Block.heading(nasty), Block.paragraph(nasty), Block.paragraph("正文。")),
        script=Script.TRADITIONAL,
    )


def test_shows_title_and_text_of_the_article(view: ReaderView, seed_article: Article) -> None:
    view.show_article(seed_article)
    text = view.toPlainText()
    assert text.startswith("中國共產黨新聞網") or seed_article.title in text
    assert seed_article.title in text
    assert "堅持科學謀劃" in text
    assert seed_article.blocks[-1].text[-10:] in text


def test_hostile_article_loads_nothing_and_shows_the_markup_as_text(
    view: ReaderView, tmp_path: Path, qtbot: QtBot
) -> None:
    requested: list[str] = []
    original = view.loadResource

    def spy(kind: int, url: QUrl) -> object:
        requested.append(url.toString())
        return original(kind, url)

    view.loadResource = spy  # type: ignore[method-assign]
    view.show_article(hostile(tmp_path))
    qtbot.wait(50)  # a layout pass, where Qt would fetch images
    assert '<img src="/dev/zero">' in view.toPlainText()
    assert "<script>alert(1)</script>" in view.toPlainText()
    assert requested == []  # the rendered HTML names no resource at all
    html = view.document().toHtml()
    assert html.count("<img") == 0, html[html.find("<img") - 300 : html.find("<img") + 80]


def test_resources_named_by_any_document_are_refused(view: ReaderView, tmp_path: Path) -> None:
    """Even HTML that does name /dev/zero or a local file must not be read (traps #2)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    for url in ("/dev/zero", "file:///dev/zero", secret.as_uri(), "http://example.com/a.png"):
        data = view.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(url))
        assert data is not None and len(data) == 0  # type: ignore[arg-type]
    view.setHtml('<p>x<img src="/dev/zero"></p>')  # would abort with std::bad_alloc
    assert "x" in view.toPlainText()


def test_links_are_never_followed_inside_the_view(view: ReaderView, qtbot: QtBot) -> None:
    article = Article(id="a", title="標題", blocks=(Block.paragraph("正文"),))
    view.show_article(article)
    with qtbot.waitSignal(view.sig_external_link_requested) as blocker:
        view.anchorClicked.emit(QUrl("https://example.com/news"))
    assert blocker.args == [QUrl("https://example.com/news")]
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    view.setSource(QUrl("file:///etc/passwd"))
    assert "標題" in view.toPlainText()
    assert "root:" not in view.toPlainText()


def test_fonts_follow_the_script_never_japanese(view: ReaderView, seed_article: Article) -> None:
    view.show_article(seed_article)
    families = view.document().defaultFont().families()
    assert families[0].endswith("TC")
    assert not any("JP" in f for f in families)
    simplified = Article(
        id="s", title="标题", blocks=(Block.paragraph("简体正文"),), script=Script.SIMPLIFIED
    )
    view.show_article(simplified)
    assert view.document().defaultFont().families()[0].endswith("SC")
    resolved = QFontInfo(view.document().defaultFont()).family()
    assert "JP" not in resolved


def test_theme_changes_the_background_and_keeps_the_position(
    view: ReaderView, seed_article: Article
) -> None:
    view.show_article(seed_article, RenderOptions(theme=Theme.LIGHT))
    light = view.palette().base().color().name()
    view.set_scroll_fraction(0.5)
    before = view.scroll_fraction()
    view.set_options(RenderOptions(theme=Theme.DARK))
    assert view.palette().base().color().name() != light
    assert abs(view.scroll_fraction() - before) < 0.05


def test_zoom_makes_the_text_larger(view: ReaderView, seed_article: Article) -> None:
    view.show_article(seed_article, RenderOptions(zoom=1.0))
    small = view.document().size().height()
    view.set_options(RenderOptions(zoom=1.5))
    assert view.document().size().height() > small * 1.2


def test_outline_lists_headings_and_scrolls_there(
    qtbot: QtBot, view: ReaderView, seed_article: Article
) -> None:
    outline = OutlinePanel()
    qtbot.addWidget(outline)
    outline.sig_heading_activated.connect(view.scroll_to_block)
    view.show_article(seed_article)
    outline.set_article(seed_article)
    assert outline.count() == 3
    assert outline.item(0).text().startswith("堅持")
    assert view.verticalScrollBar().value() == 0
    last = outline.item(2)
    with qtbot.waitSignal(outline.sig_heading_activated) as blocker:
        outline.itemClicked.emit(last)
    assert blocker.args == [outline.block_indexes()[2]]
    assert view.verticalScrollBar().value() > 0


def test_outline_of_an_article_without_headings_says_so(qtbot: QtBot) -> None:
    outline = OutlinePanel()
    qtbot.addWidget(outline)
    outline.set_article(Article(id="a", title="t", blocks=(Block.paragraph("p"),)))
    assert outline.block_indexes() == []
    assert outline.count() == 1
