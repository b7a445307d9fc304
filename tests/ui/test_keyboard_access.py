"""Everything reachable from the keyboard, every control named for a screen reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow

_CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
)


def _buddies(root: QWidget) -> set[int]:
    named = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and field.widget() is not None:
                named.add(id(field.widget()))
    return named


def _inside_combo(widget: QWidget) -> bool:
    if widget.window().inherits("QComboBoxPrivateContainer"):
        return True
    current = widget.parent()
    while current is not None:
        if current.inherits("QComboBox"):
            return True
        current = current.parent()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name."""
    buddies = _buddies(root)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.parent() is not None and isinstance(
            widget.parent(), QAbstractSpinBox | QComboBox
        ):
            continue  # the line edit inside a spin box or combo box
        if _inside_combo(widget):
            continue  # a combo box's popup list: the combo box names it
        if widget.accessibleName() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        chain, current = [], widget.parent()
        while current is not None:
            chain.append(current.metaObject().className())
            current = current.parent()
        missing.append(f"{type(widget).__name__} in {' < '.join(chain)}")
    return missing


def test_the_main_window_and_its_panels_name_every_control(window: MainWindow) -> None:
    window.bookmarks.panel_action.setChecked(True)
    window.translation.check_action.setChecked(True)
    QApplication.processEvents()
    assert window.bookmarks.panel_visible() and window.translation.check_visible()
    missing = unnamed_controls(window)
    assert missing == [], missing


def test_the_dialogs_name_every_control(window: MainWindow, tmp_path: Path) -> None:
    from reader.ui.dialogs.export_dialog import ExportDialog
    from reader.ui.dialogs.help_dialogs import AboutDialog, GuideDialog, ShortcutsDialog
    from reader.ui.dialogs.preferences_dialog import PreferencesDialog
    from reader.ui.translator.glossary_dialog import GlossaryDialog

    assert window._current is not None
    dialogs: list[QDialog] = [
        ExportDialog(
            window, window._current, window.translation, window.bookmarks, window._settings
        ),
        GlossaryDialog([], window),
        PreferencesDialog(
            window,
            window._settings,
            window.view_options,
            window.translation.script,
            window._backup,
            window.library_dir,
            False,
        ),
        ShortcutsDialog(window),
        GuideDialog(window, "en"),
        AboutDialog(window, window.library_dir),
    ]
    for dialog in dialogs:
        missing = unnamed_controls(dialog)
        assert missing == [], (type(dialog).__name__, missing)


def test_esc_clears_the_title_filter_and_down_enters_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.filter_box.setFocus()
    window.filter_box.setText("中")
    assert window.filter_box.text() == "中"
    qtbot.keyClick(window.filter_box, Qt.Key.Key_Escape)
    assert window.filter_box.text() == ""
    qtbot.keyClick(window.filter_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.tree
    assert window.model.article_id(window.tree.currentIndex()) is not None


def test_f6_moves_between_the_panes_and_into_open_panels(window: MainWindow, qtbot: QtBot) -> None:
    window.tree.setFocus()
    seen = []
    for _ in range(3):
        window.panes.on_next()
        seen.append(QApplication.focusWidget())
    assert seen[0] is window.reader
    assert window.outline.isAncestorOf(seen[1]) or seen[1] is window.outline
    assert seen[2] is window.tree
    window.bookmarks.panel_action.setChecked(True)
    qtbot.waitUntil(lambda: window.bookmarks.panel_visible())
    window.tree.setFocus()
    reached = []
    for _ in range(4):
        window.panes.on_next()
        reached.append(QApplication.focusWidget())
    assert any(w is not None and "Bookmarks" in _ancestors(w) for w in reached)


def _ancestors(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None:
        names.append(type(current).__name__)
        current = current.parentWidget()
    return " ".join(names)
