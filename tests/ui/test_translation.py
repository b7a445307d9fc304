"""A translator's session: switch script, compare side by side, check, fix, copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.chinese.audit import FindingKind
from reader.chinese.convert import ScriptMode
from reader.chinese.glossary import GlossaryEntry
from reader.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory

SEED_TITLE = "中聯部在主題教育期間深入開展調查研究"
SIMPLIFIED_TITLE = "中联部在主题教育期间深入开展调查研究"


def list_titles(window: MainWindow) -> list[str]:
    titles = []
    index = window.model.neighbour_article(window.model.index(-1, -1), 1)
    while index.isValid():
        titles.append(index.data())
        index = window.model.neighbour_article(index, 1)
    return titles


def test_switching_script_converts_every_place_the_article_appears(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.reader.article is not None and window.reader.article.title == SEED_TITLE
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    assert window.reader.article.title == SIMPLIFIED_TITLE
    assert SIMPLIFIED_TITLE in window.reader.toPlainText()
    assert window.windowTitle().startswith(SIMPLIFIED_TITLE)
    assert window.outline.item(0).text().startswith("坚持")
    qtbot.waitUntil(lambda: SEED_TITLE not in list_titles(window))  # the list follows
    assert SIMPLIFIED_TITLE in list_titles(window)
    assert window.reader.document().defaultFont().families()[0].endswith("SC")
    window.translation.script.set_mode(ScriptMode.HONG_KONG)
    assert window.reader.document().defaultFont().families()[0].endswith("HK")
    window.translation.script.set_mode(ScriptMode.ORIGINAL)
    assert window.reader.article.title == SEED_TITLE
    qtbot.waitUntil(lambda: SEED_TITLE in list_titles(window))


def test_the_stored_original_is_never_changed(window: MainWindow, qtbot: QtBot) -> None:
    article = window.reader.article
    assert article is not None
    before = window._store.get(article.id)
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    window.translation.presenter.accept(
        article.id,
        [f for f in _findings(window, qtbot) if f.kind is FindingKind.ERROR],
    )
    assert window._store.get(article.id) == before


def _findings(window: MainWindow, qtbot: QtBot):  # type: ignore[no-untyped-def]
    open_check(window, qtbot)
    return window.translation._findings


def open_check(window: MainWindow, qtbot: QtBot) -> None:
    """View → Check Conversion, then wait for the audit (it runs off the UI thread)."""
    window.translation.check_action.trigger()
    assert window.reader.article is not None
    article_id = window.reader.article.id
    qtbot.waitUntil(lambda: window.translation._audited == article_id, timeout=20000)


def test_script_choice_is_remembered(open_window: WindowFactory, library: Path) -> None:
    first = open_window(library)
    first.translation.script.set_mode(ScriptMode.TAIWAN_PHRASES)
    first.close()
    again = open_window(library)
    assert again.translation.script.mode is ScriptMode.TAIWAN_PHRASES
    assert again.translation.script.combo is not None
    assert again.translation.script.combo.currentData() == "taiwan-phrases"


def test_side_by_side_shows_both_and_marks_the_differences(window: MainWindow) -> None:
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    window.translation.script.side_by_side.setChecked(True)
    assert window.reader.is_parallel
    text = window.reader.toPlainText()
    assert SEED_TITLE in text and SIMPLIFIED_TITLE in text
    html = window.reader.document().toHtml()
    assert "background-color:#fbe7a1" in html.replace(" ", "")
    # Both columns live in one document, so they scroll together.
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 0
    window.translation.script.side_by_side.setChecked(False)
    assert not window.reader.is_parallel


def test_conversion_check_finds_and_fixes_the_naive_errors(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_check(window, qtbot)
    panel = window.translation.panel
    findings = window.translation._findings
    errors = [f for f in findings if f.kind is FindingKind.ERROR]
    assert sum(f.suggestion.count("幹部") for f in errors) == 7
    assert any(f.kind is FindingKind.VARIANT for f in findings)
    panel.hide_variants.setChecked(True)
    assert all(f.kind is FindingKind.ERROR for f in panel.visible_findings())
    assert "干部" in window.reader.toPlainText()
    panel.accept_all_button.click()
    shown = window.reader.toPlainText()
    assert "幹部" in shown and "干部" not in shown
    assert "公裡" not in shown
    # The fixes carry into another script as well.
    window.translation.script.set_mode(ScriptMode.TAIWAN)
    assert "幹部" in window.reader.toPlainText()
    monkeypatch.setattr(
        "reader.ui.translator.audit_panel.ask", lambda *_args: True
    )  # "Yes, discard"
    panel.revert_button.click()
    assert "干部" in window.reader.toPlainText()


def test_simplified_article_gets_a_note_not_findings(window: MainWindow) -> None:
    window.on_previous_article()  # the simplified sample
    window.translation.check_action.trigger()
    assert window.translation.panel.list.count() == 0
    assert "Traditional" in window.translation.panel.summary.text()


def test_copy_a_paragraph_in_the_chosen_script(window: MainWindow, converters: Converters) -> None:
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    shown = window.reader.article
    assert shown is not None
    window.reader.scroll_to_block(2)  # the paragraph after the first heading
    top = window.reader.cursorRect(window.reader.cursorForPosition(QPoint(50, 5))).bottom()
    paragraph = window.reader.paragraph_at(QPoint(window.reader.viewport().width() // 2, top + 40))
    assert paragraph in {b.text for b in shown.blocks}
    assert converters.convert("t2s", paragraph) == paragraph  # already all Simplified
    QApplication.clipboard().setText(paragraph)
    assert QApplication.clipboard().text() == paragraph


def test_glossary_overrides_apply_in_every_view(window: MainWindow) -> None:
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    window.translation.presenter.set_glossary([GlossaryEntry("中聯部", "中联部(对外联络部)")])
    window.on_redisplay()
    window.on_titles_changed()  # as the glossary dialog's OK does
    assert window.reader.article is not None
    assert window.reader.article.title.startswith("中联部(对外联络部)")
    assert any(t.startswith("中联部(对外联络部)") for t in list_titles(window))
    assert window.translation.presenter.glossary_store.entries()[0].source == "中聯部"


def test_each_converter_is_built_once(window: MainWindow) -> None:
    """However often the user switches, OpenCC builds each configuration once."""
    converters = window.translation.presenter.converters
    for mode in ScriptMode:  # every mode once: its converters get built
        window.translation.script.set_mode(mode)
        QApplication.processEvents()
    built = converters.built
    assert built > 0
    for _ in range(3):
        for mode in ScriptMode:
            window.translation.script.set_mode(mode)
            QApplication.processEvents()
    assert converters.built == built
