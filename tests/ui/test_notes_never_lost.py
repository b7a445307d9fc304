"""Issue 5's promise end to end: annotate, kill, switch script, re-import from a
GB18030 copy, move to a fresh library — every note is where it was."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.chinese.convert import ScriptMode
from reader.importers import Importer
from reader.library import ArticleStore, open_library
from reader.library.bookmarks import BookmarkStore
from reader.library.ingest import import_paths
from reader.ui.main_window import MainWindow
from tests.reflow import reflowed

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "resources" / "samples" / "01-zhonglianbu-research-traditional.txt"


def window_on(qtbot: QtBot, library: Path, converters: Converters) -> MainWindow:
    store = ArticleStore(open_library(library))
    settings = QSettings(str(library / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, library, converters, settings)
    qtbot.addWidget(window)
    window.resize(760, 560)
    window.restore()
    window.show()
    qtbot.waitUntil(lambda: window.reader.ready)
    return window


def notes_by_passage(
    store: BookmarkStore, importer_article_blocks: list[str]
) -> set[tuple[str, str]]:
    """(note, text of the block it points at) for every bookmark."""
    return {
        (b.note, importer_article_blocks[b.block] if b.block is not None else "")
        for b in store.all()
    }


def test_notes_survive_kill_script_switch_reimport_and_a_move(
    qtbot: QtBot, tmp_path: Path, converters: Converters
) -> None:
    library = tmp_path / "lib"
    article = Importer(converters).parse_file(SEED)
    ArticleStore(open_library(library)).add(article)
    blocks = [b.text for b in article.blocks]

    # Annotate in a separate process, then kill it with SIGKILL: nothing closes cleanly.
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        from reader.library import ArticleStore, open_library
        from reader.library.bookmarks import BookmarkStore
        conn = open_library(Path({str(library)!r}))
        article = ArticleStore(conn).get({article.id!r})
        store = BookmarkStore(conn)
        store.add(article, 2, note="調研的做法")
        store.add(article, 6, note="服務地方經濟", colour="#cfe0f3")
        store.add(article, None, note="全文值得再讀")
        print("added", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
        env={**os.environ}, check=False,
    )  # fmt: skip
    assert "added" in result.stdout and result.returncode == -9
    expected = {
        ("調研的做法", blocks[2]),
        ("服務地方經濟", blocks[6]),
        ("全文值得再讀", ""),
    }

    # The app opens the killed library; switching script keeps the marks on the passages.
    window = window_on(qtbot, library, converters)
    assert notes_by_passage(window.bookmarks.store, blocks) == expected
    window.open_article(article.id)
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    html = window.reader.document().toHtml().replace(" ", "")
    assert "background-color:#cfe0f3" in html
    window.close()

    # Re-import the same article from a GB18030 copy under another name, with CRLF
    # and its paragraphs broken differently: the same article, new blocks.
    copy = tmp_path / "另一個文件名.txt"
    text = reflowed(SEED.read_text(encoding="utf-8"), article)
    copy.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    store = ArticleStore(open_library(library))
    report = import_paths([copy], Importer(converters), store)
    assert report.failures == [] and report.added == 0 and report.updated == 1
    new_blocks = [b.text for b in Importer(converters).parse_file(copy).blocks]
    assert new_blocks != blocks
    bookmarks = BookmarkStore(store.conn)
    assert notes_by_passage(bookmarks, new_blocks) == expected
    assert {b.block for b in bookmarks.all()} == {3, 8, None}  # 2 and 6 moved down

    # Move to a fresh library with export/import; the article arrives there later.
    exported = tmp_path / "bookmarks.json"
    bookmarks.export_json(exported)
    fresh = tmp_path / "fresh"
    fresh_store = ArticleStore(open_library(fresh))
    BookmarkStore(fresh_store.conn).import_json(exported)
    BookmarkStore(fresh_store.conn).import_json(exported)  # twice: no duplicates
    import_paths([copy], Importer(converters), fresh_store)
    moved = BookmarkStore(fresh_store.conn)
    assert moved.count() == 3
    assert notes_by_passage(moved, new_blocks) == expected
    assert not any(b.orphaned for b in moved.all())
