"""The Check Conversion panel as a translator drives it: click a finding to see it
in its paragraph, Accept and move on, Accept All (errors only unless asked),
Revert only after saying so, the keyboard focus kept in the panel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.chinese import audit
from reader.chinese.audit import Finding, FindingKind
from reader.ui.main_window import MainWindow
from reader.ui.translator.audit_panel import AuditPanel
from tests.ui.test_translation import open_check


def _panel(window: MainWindow, qtbot: QtBot) -> AuditPanel:
    window.activateWindow()
    open_check(window, qtbot)
    return window.translation.panel


def _row_of(panel: AuditPanel, finding: Finding) -> int:
    for row in range(panel.list.count()):
        if panel._finding(panel.list.item(row)) == finding:
            return row
    raise AssertionError(f"{finding} is not listed")


def _click_row(panel: AuditPanel, qtbot: QtBot, row: int) -> None:
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _accepted(window: MainWindow) -> set[tuple[int, int]]:
    assert window.reader.article is not None
    return window.translation.presenter.accepted_keys(window.reader.article.id)


def _first_paragraph_error(panel: AuditPanel) -> Finding:
    return next(f for f in panel.visible_findings() if f.kind is FindingKind.ERROR and f.block >= 0)


def test_clicking_a_finding_highlights_it_in_its_paragraph(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel = _panel(window, qtbot)
    errors = [f for f in panel.visible_findings() if f.kind is FindingKind.ERROR and f.block >= 0]
    target = errors[-1]  # far down the article
    _click_row(panel, qtbot, _row_of(panel, target))
    qtbot.waitUntil(lambda: window.reader.highlighted_text() == target.found)
    top = window.reader.top_block_index()
    assert top is not None and abs(top - target.block) <= 1  # scrolled to it
    other = errors[0]
    _click_row(panel, qtbot, _row_of(panel, other))
    qtbot.waitUntil(lambda: window.reader.highlighted_text() == other.found)


def test_accept_fixes_the_finding_and_moves_to_the_next_keeping_focus(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel = _panel(window, qtbot)
    first = _first_paragraph_error(panel)
    row = _row_of(panel, first)
    _click_row(panel, qtbot, row)
    panel.list.setFocus()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert (first.block, first.start) in _accepted(window)
    assert _accepted(window) == {(first.block, first.start)}  # that one only
    following = panel._finding(panel.list.currentItem())
    assert following != first and panel.list.currentRow() > row
    qtbot.waitUntil(lambda: window.reader.highlighted_text() == following.found)
    assert QApplication.focusWidget() is panel.list
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)  # and the next
    assert (following.block, following.start) in _accepted(window)
    assert QApplication.focusWidget() is panel.list


def test_accept_all_leaves_variant_forms_unless_asked(window: MainWindow, qtbot: QtBot) -> None:
    panel = _panel(window, qtbot)
    findings = panel.visible_findings()
    errors = {(f.block, f.start) for f in findings if f.kind is FindingKind.ERROR}
    variants = {(f.block, f.start) for f in findings if f.kind is FindingKind.VARIANT}
    assert errors and variants
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert _accepted(window) == errors
    assert not panel.accept_all_button.isEnabled()  # nothing Accept All would take is left
    panel.include_variants.click()
    assert panel.accept_all_button.isEnabled()
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert _accepted(window) == errors | variants


def _answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_revert_asks_before_discarding_the_accepted_fixes(window: MainWindow, qtbot: QtBot) -> None:
    panel = _panel(window, qtbot)
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    fixed = _accepted(window)
    assert fixed and "干部" not in window.reader.toPlainText()
    seen: list[str] = []
    _answer_next_question(QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)
    assert seen and str(len(fixed)) in seen[0]  # it said how many would go
    assert _accepted(window) == fixed  # "No" kept them
    _answer_next_question(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)
    assert _accepted(window) == set()
    assert "干部" in window.reader.toPlainText()
    # The window's focus goes back to the list once the question has closed.
    qtbot.waitUntil(lambda: window.focusWidget() is panel.list)


def test_the_audit_runs_off_the_ui_thread_once_per_article(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = audit.audit_article

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(audit, "audit_article", watched)
    panel = _panel(window, qtbot)
    assert threads and all(t is not threading.main_thread() for t in threads)
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert len(threads) == 1  # accepting re-lists; the stored original is not audited again
