"""The main window as a user meets it: samples on first run, list → reader, keys, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.library.ingest import ImportReport
from reader.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory

SEED_TITLE = "中聯部在主題教育期間深入開展調查研究"


def test_first_run_shows_the_samples_with_the_seed_open(window: MainWindow) -> None:
    assert window.reader.article is not None
    assert window.reader.article.title == SEED_TITLE
    # One site is one section, whatever the script its pages came in.
    assert window.model.rowCount() == 1
    site = window.model.index(0, 0)
    assert str(site.data()).endswith("(2)")
    assert window.windowTitle().startswith(window.reader.article.title)
    assert window.outline.count() == 3
    assert "堅持" in window.reader.toPlainText() or "坚持" in window.reader.toPlainText()


def test_selecting_another_article_shows_it_and_marks_it_read(
    window: MainWindow, qtbot: QtBot
) -> None:
    first = window.reader.article
    assert first is not None
    # The seed is the last article in the list; the simplified copy is above it.
    with qtbot.waitSignal(window.sig_article_shown) as shown:
        window.on_previous_article()
    other = window.reader.article
    assert other is not None and other.id != first.id and shown.args == [other.id]
    index = window.model.index_of_article(other.id)
    assert (
        not index.data(Qt.ItemDataRole.FontRole) or not index.data(Qt.ItemDataRole.FontRole).bold()
    )
    window.on_next_article()
    assert window.reader.article is not None and window.reader.article.id == first.id


def test_keys_n_and_p_move_between_articles(window: MainWindow, qtbot: QtBot) -> None:
    first = window.reader.article
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_P)
    assert window.reader.article != first
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert window.reader.article == first
    qtbot.keyClick(window.tree, Qt.Key.Key_K)
    assert window.reader.article != first
    qtbot.keyClick(window.tree, Qt.Key.Key_N)
    assert window.reader.article == first


def test_filter_narrows_the_list_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    # QTest cannot type non-ASCII keys; setText emits textChanged as typing does.
    window.filter_box.setText("中")
    window.filter_box.setText("中联部")
    ids = []
    index = window.model.neighbour_article(window.model.index(-1, -1), 1)
    while index.isValid():
        ids.append(window.model.article_id(index))
        index = window.model.neighbour_article(index, 1)
    assert len(ids) == 2  # 中联部 and 中聯部: the filter reads any script
    window.filter_box.setText("中联部xyz")
    assert not window.model.neighbour_article(window.model.index(-1, -1), 1).isValid()
    window.filter_box.clear()
    assert window.model.neighbour_article(window.model.index(-1, -1), 1).isValid()


def test_outline_click_scrolls_the_reader(window: MainWindow, qtbot: QtBot) -> None:
    window.reader.verticalScrollBar().setValue(0)
    window.outline.itemClicked.emit(window.outline.item(2))
    assert window.reader.verticalScrollBar().value() > 0


def test_zoom_theme_and_state_survive_a_restart(
    window: MainWindow, open_window: WindowFactory, library: Path
) -> None:
    window.on_previous_article()
    shown = window.reader.article
    assert shown is not None
    window.view_options.on_zoom_in()
    window.set_theme("sepia")
    window.reader.set_scroll_fraction(0.6)
    position = window.reader.scroll_fraction()
    window.splitter.setSizes([200, 360, 180])
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(library)
    assert again.reader.article is not None and again.reader.article.id == shown.id
    assert again.render_options().zoom > 1.0
    assert again.render_options().theme.value == "sepia"
    assert abs(again.reader.scroll_fraction() - position) < 0.05
    assert again.splitter.sizes() == sizes


def test_import_with_bad_files_mixed_in(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, seed_text: str
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "新的文章\n2024-05-01 来源：新华网\n\n" + "这是正文。" * 30, encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    with qtbot.waitSignal(window.imports.sig_finished, timeout=20000) as done:
        window.import_paths([folder])
    report: ImportReport = done.args[0]
    assert report.added == 1
    assert sorted(Path(f.path).name for f in report.failures) == ["binary.txt", "empty.txt"]
    assert window.reader.article is not None and window.reader.article.title == "新的文章"
    assert window.model.index_of_article(window.reader.article.id).isValid()


def test_dark_theme_is_dark(window: MainWindow) -> None:
    window.set_theme("dark")
    assert window.reader.palette().base().color().lightness() < 80
    window.set_theme("light")
    assert window.reader.palette().base().color().lightness() > 200


def test_about_names_the_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QLabel

    from reader.ui.dialogs.help_dialogs import AboutDialog

    seen: list[str] = []

    def fake_exec(dialog: AboutDialog) -> int:
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        return 0

    monkeypatch.setattr(AboutDialog, "exec", fake_exec)
    (about,) = [a for a in window.findChildren(QAction) if a.text() == "&About Reader"]
    about.trigger()  # Help → About Reader
    from reader import __version__

    assert any(__version__ in text for text in seen)


def test_app_has_the_standard_menus(window: MainWindow) -> None:
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Go", "Help"]
    assert QApplication.instance() is not None


def test_reopening_the_last_article_at_start_leaves_the_settings_file_alone(
    open_window: WindowFactory, library: Path, qtbot: QtBot
) -> None:
    """A start that only reopens where the user was writes nothing: rewriting the
    settings file costs a lock, a new file and two fdatasync before the first frame."""
    first = open_window(library)
    opened = first.reader.article
    assert opened is not None
    store = first._store
    others = [a.id for s in store.sections() for a in store.articles_in(s.id) if a.id != opened.id]
    first.close()
    first.settings.sync()
    path = library / "settings.ini"
    before = path.stat()
    written = path.read_bytes()

    again = open_window(library)  # reopens the same article, from the settings
    qtbot.wait(100)  # QSettings writes pending changes from the event loop
    assert again.reader.article is not None and again.reader.article.id == opened.id
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert path.read_bytes() == written

    assert again.open_article(others[0])  # another article is remembered, as before
    again.settings.sync()
    assert f"article={others[0]}".encode() in path.read_bytes()
