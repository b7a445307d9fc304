"""No path in the app opens the library file outside SQLite while it is connected.

An audit hook of the test's own (independent of reader.library.owner's guard)
records every open, rename or delete of the library file or its -wal/-shm made
from Python while the process has the library file open (a descriptor of it in
/proc/self/fd: SQLite keeps one for as long as a connection lives); the app is
used as a person would use it, and the record must stay empty (traps.md #15).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.chinese import Converters
from reader.chinese.convert import ScriptMode
from reader.library import owner
from reader.library.backup import backup_now, backups_dir, check
from reader.library.db import DB_NAME
from reader.ui.dialogs.export_dialog import ExportDialog
from tests.ui.conftest import WindowFactory

_watched: set[str] = set()
_seen: list[str] = []
_EVENTS = {"open", "os.rename", "os.remove", "os.truncate", "os.link", "shutil.copyfile"}


def _connected() -> bool:
    """Whether this process has a descriptor of a watched file open."""
    for fd in Path("/proc/self/fd").iterdir():
        try:
            if str(fd.readlink()) in _watched:
                return True
        except OSError:
            continue
    return False


def _record(event: str, args: tuple[object, ...]) -> None:
    if not _watched or event not in _EVENTS:
        return
    for value in args[:2]:
        if isinstance(value, (str, bytes, os.PathLike)):
            name = os.path.realpath(os.fsdecode(value))
            if name in _watched and _connected():
                _seen.append(f"{event} {name}")


@pytest.fixture(scope="session")
def _hook() -> None:
    sys.addaudithook(_record)  # cannot be removed: it records only while _watched is set


@pytest.fixture
def watch(_hook: None, tmp_path: Path) -> list[str]:
    library = os.path.realpath(tmp_path / "lib" / DB_NAME)
    _watched.update({library, library + "-wal", library + "-shm", library + "-journal"})
    _seen.clear()
    yield _seen
    _watched.clear()


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to see open files")
def test_the_app_never_opens_its_library_file_outside_sqlite(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: WindowFactory,
    converters: Converters,
    watch: list[str],
) -> None:
    library = tmp_path / "lib"
    window = open_window(library)  # first start: samples imported
    refused_before = len(owner.refused)
    assert owner.held(library / DB_NAME)

    window.start_daily_backup()
    window.wait_for_backup()
    assert list(backups_dir(library / DB_NAME).glob("library-*-daily.sqlite3"))

    article = window.reader.article
    assert article is not None
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "新文章.txt").write_text("新標題\n\n第一段。\n\n第二段。\n", encoding="utf-8")
    with qtbot.waitSignal(window.imports.sig_finished, timeout=30000):
        window.import_paths([folder])

    window.open_article(article.id)
    mark = window.bookmarks.add(1, note="筆記", colour="#cfe0f3")
    assert mark is not None
    window.bookmarks.store.update_note(mark.id, "改過的筆記")
    window.bookmarks.save_position(2, 0.3)
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)

    exported = tmp_path / "marks.json"
    window.bookmarks.store.export_json(exported)
    with qtbot.waitSignal(window.bookmarks.sig_imported, timeout=30000) as imported:
        window.bookmarks.import_file(exported)
    assert imported.args == [True]

    settings = QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(window, article, window.translation, window.bookmarks, settings)
    qtbot.addWidget(dialog)
    dialog.quiet = True
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    with qtbot.waitSignal(dialog.sig_finished, timeout=30000) as done:
        dialog.on_save()
    assert done.args[1] == ""

    # What `reader library check` and `library backup` do, from inside the app's process.
    assert check(library / DB_NAME) == ["ok"]
    backup_now(window.bookmarks.store.conn, backups_dir(library / DB_NAME), "manual")

    window.close()
    assert watch == []
    assert owner.refused[refused_before:] == []


def test_opening_the_library_file_while_connected_is_refused_not_silently_done(
    tmp_path: Path, converters: Converters
) -> None:
    """The guard itself: a new code path that reads the library file while a
    connection is open fails at once with a message, and the locks survive."""
    from reader.importers import Importer, ImportFailure
    from reader.library import open_library

    conn = open_library(tmp_path / "lib")
    path = tmp_path / "lib" / DB_NAME
    link = tmp_path / "link-to-library"
    link.symlink_to(path)
    for target in (path, link, Path(f"{path}-wal")):
        with pytest.raises(PermissionError, match="only SQLite may touch it"):
            target.read_bytes()
    with pytest.raises(PermissionError):
        (tmp_path / "link-to-library").replace(path)
    with pytest.raises(ImportFailure) as failure:
        Importer(converters).parse_file(path)
    assert str(path) in str(failure.value) and "\n" not in str(failure.value)
    conn.close()
    assert path.read_bytes()[:15] == b"SQLite format 3"  # free again once closed
