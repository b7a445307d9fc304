"""Backups, rotation, restore and the checks on open: real files in a temp folder."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.domain import Article, Block
from reader.library import ArticleStore, LibraryError, open_library
from reader.library.backup import (
    backup_now,
    backups_dir,
    check,
    list_backups,
    maybe_daily_backup,
    rotate,
)
from reader.library.bookmarks import BookmarkStore
from reader.library.db import DB_NAME, open_library_with_report
from reader.library.files import Session
from reader.library.restore import restore
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION

A = Article(
    id="a1", title="標題", blocks=(Block.paragraph("第一段。"), Block.paragraph("第二段。"))
)


def filled(folder: Path, note: str = "筆記") -> sqlite3.Connection:
    conn = open_library(folder)
    ArticleStore(conn).add(A)
    BookmarkStore(conn).add(A, 1, note=note)
    return conn


def notes_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT note FROM bookmarks ORDER BY note")]
    finally:
        conn.close()


def test_backup_is_verified_named_and_has_its_bookmarks_beside_it(tmp_path: Path) -> None:
    conn = filled(tmp_path / "lib")
    folder = backups_dir(tmp_path / "lib" / DB_NAME)
    path = backup_now(conn, folder, "manual")
    assert path.parent == tmp_path / "lib" / "backups"
    assert path.name.startswith("library-") and path.name.endswith("-manual.sqlite3")
    assert check(path) == ["ok"]
    copy = sqlite3.connect(path)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()
    (taken,) = list_backups(folder)
    data = json.loads(taken.bookmarks_json.read_text(encoding="utf-8"))
    assert [b["note"] for b in data["bookmarks"]] == ["筆記"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [path.name, taken.bookmarks_json.name]
    )


def test_two_backups_in_one_second_never_overwrite(tmp_path: Path) -> None:
    conn = filled(tmp_path / "lib")
    folder = tmp_path / "lib" / "backups"
    first, second = backup_now(conn, folder, "manual"), backup_now(conn, folder, "manual")
    assert first != second and first.exists() and second.exists()


def test_daily_backup_once_a_day(tmp_path: Path) -> None:
    conn = filled(tmp_path / "lib")
    folder = tmp_path / "lib" / "backups"
    assert maybe_daily_backup(conn, folder) is not None
    assert maybe_daily_backup(conn, folder) is None
    assert len(list_backups(folder)) == 1


def test_backup_failure_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    conn = filled(tmp_path / "lib")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot back up the library") as caught:
        backup_now(conn, blocker / "backups", "manual")
    assert "\n" not in str(caught.value)


def test_rotation_keeps_a_week_of_dailies_then_weeklies_and_the_newest(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    for day in range(120):  # one backup a day for four months, each with its JSON
        stamp = (now - timedelta(days=day)).strftime("%Y-%m-%dT%H%M%SZ")
        (folder / f"library-{stamp}-daily.sqlite3").write_bytes(b"x")
        (folder / f"bookmarks-{stamp}-daily.json").write_bytes(b"{}")
    rotate(folder, now)
    kept = list_backups(folder)
    ages = [(now - b.taken_at).days for b in kept]
    assert ages[:8] == list(range(8))  # the last week, every day
    weekly = [b.taken_at.isocalendar()[:2] for b in kept[8:]]
    assert len(weekly) == 8 and len(set(weekly)) == 8  # then one a week, eight weeks
    assert all(b.bookmarks_json.exists() for b in kept)
    assert len(list(folder.glob("bookmarks-*.json"))) == len(kept)
    # An old lone backup is never deleted: it is the newest one.
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "library-2020-01-01T000000Z-daily.sqlite3").write_bytes(b"x")
    assert rotate(lone, now) == [] and len(list_backups(lone)) == 1


def test_rotation_keeps_no_more_than_the_count_chosen_in_preferences(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    for day in range(10):
        stamp = (now - timedelta(days=day)).strftime("%Y-%m-%dT%H%M%SZ")
        (folder / f"library-{stamp}-daily.sqlite3").write_bytes(b"x")
        (folder / f"bookmarks-{stamp}-daily.json").write_bytes(b"{}")
    rotate(folder, now, most=3)
    assert [(now - b.taken_at).days for b in list_backups(folder)] == [0, 1, 2]
    assert len(list(folder.glob("bookmarks-*.json"))) == 3


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    conn = filled(folder, "備份時的筆記")
    backup = backup_now(conn, folder / "backups", "manual")
    BookmarkStore(conn).add(A, 0, note="之後的筆記")
    with pytest.raises(LibraryError, match="is open"):  # still open in this process
        restore(backup, folder / DB_NAME)
    conn.close()
    notes = restore(backup, folder / DB_NAME)
    assert len(notes) == 2 and "kept as" in notes[1]
    (aside,) = folder.glob("library.sqlite3.before-restore-*")
    assert notes_in(aside) == ["之後的筆記", "備份時的筆記"]  # nothing of the replaced file is lost
    conn, report = open_library_with_report(folder)
    assert report == []
    assert [m.note for m in BookmarkStore(conn).all()] == ["備份時的筆記"]


# A process that writes a bookmark, then dies without closing: its -wal stays.
CRASHING_WRITER = """
import os, sys
from pathlib import Path
from reader.domain import Article, Block
from reader.library import open_library
from reader.library.bookmarks import BookmarkStore
conn = open_library(Path(sys.argv[1]))
conn.execute("PRAGMA wal_autocheckpoint = 0")
paras = (Block.paragraph("第一段。"), Block.paragraph("第二段。"))
a = Article(id="a1", title="標題", blocks=paras)
BookmarkStore(conn).add(a, 0, note=sys.argv[2])
os._exit(0)
"""


def crash_after_writing(folder: Path, note: str) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(folder), note], check=True)


def test_restore_is_not_undone_by_a_stale_wal(tmp_path: Path) -> None:
    """traps.md #11: a -wal left beside the library must not be applied to the restore."""
    folder = tmp_path / "lib"
    conn = filled(folder, "備份")
    backup = backup_now(conn, folder / "backups", "manual")
    conn.close()
    crash_after_writing(folder, "只在 wal 裏")
    assert (folder / "library.sqlite3-wal").stat().st_size > 0  # as a crash leaves it
    restore(backup, folder / DB_NAME)
    assert not (folder / "library.sqlite3-wal").exists()
    assert [m.note for m in BookmarkStore(open_library(folder)).all()] == ["備份"]
    # What the -wal held is kept with the file moved aside (checkpointed into it
    # by SQLite, or still beside it), not lost and not applied to the restore.
    (aside,) = folder.glob("library.sqlite3.before-restore-*[0-9Z]")
    assert notes_in(aside) == ["備份", "只在 wal 裏"]


@pytest.mark.parametrize(
    "kind", ["empty", "not sqlite", "newer", "missing", "no library", "itself"]
)
def test_restore_refuses_unusable_backups_and_touches_nothing(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "lib"
    filled(folder).close()
    library = (folder / DB_NAME).read_bytes()
    bad = tmp_path / "bad.sqlite3"
    if kind == "empty":
        bad.write_bytes(b"")
    elif kind == "not sqlite":
        bad.write_bytes(b"PK\x03\x04 a zip file, say" * 50)
    elif kind in ("newer", "no library"):
        other = sqlite3.connect(bad)
        if kind == "newer":
            other.execute("CREATE TABLE articles (id)")
            other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            other.execute("CREATE TABLE photos (id)")
        other.close()
    if kind == "itself":
        bad = folder / DB_NAME
    before = bad.read_bytes() if bad.exists() else None
    with pytest.raises(LibraryError) as caught:
        restore(bad, folder / DB_NAME)
    assert str(bad) in str(caught.value) and "\n" not in str(caught.value)
    assert (bad.read_bytes() if bad.exists() else None) == before
    assert (folder / DB_NAME).read_bytes() == library
    assert not list(folder.glob("*.before-restore-*"))


def test_check_reports(tmp_path: Path) -> None:
    filled(tmp_path / "lib").close()
    assert check(tmp_path / "lib" / DB_NAME) == ["ok"]
    (tmp_path / "empty").write_bytes(b"")
    assert "empty" in check(tmp_path / "empty")[0]
    assert "no such file" in check(tmp_path / "missing")[0].lower()


def _schema_2_library(folder: Path) -> Path:
    folder.mkdir()
    path = folder / DB_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for migration in MIGRATIONS[:2]:
        conn.executescript(migration)
    conn.execute("INSERT INTO sections (name) VALUES ('舊')")
    conn.execute(
        "INSERT INTO articles (id, section_id, title, section_path, editors, script, blocks, "
        "original_text) VALUES ('old1', 1, '舊文章', '[]', '[]', 'traditional', "
        """'[{"type": "paragraph", "text": "舊的段落"}]', '舊的段落')"""
    )
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    return path


def test_schema_2_library_is_backed_up_then_migrated(tmp_path: Path) -> None:
    _schema_2_library(tmp_path / "lib")
    said: list[str] = []
    conn = open_library_with_report(tmp_path / "lib", busy=said.append)[0]
    assert said == ["upgrade"]  # before the backup: the app says so while it runs
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    old = ArticleStore(conn).get("old1")
    assert old is not None and old.title == "舊文章"
    assert BookmarkStore(conn).add(old, 0).quote == "舊的段落"
    (backup,) = list_backups(tmp_path / "lib" / "backups")
    assert backup.reason == "pre-migration-v2" and check(backup.path) == ["ok"]
    assert sqlite3.connect(backup.path).execute("PRAGMA user_version").fetchone()[0] == 2
    assert not backup.bookmarks_json.exists()  # schema 2 had no bookmarks


def test_a_new_library_takes_no_backup(tmp_path: Path) -> None:
    said: list[str] = []
    open_library_with_report(tmp_path / "lib", busy=said.append)
    assert said == []  # nothing long to announce
    assert not (tmp_path / "lib" / "backups").exists()
    assert sorted(p.name for p in (tmp_path / "lib").iterdir() if "sqlite3.new" in p.name) == []


def needs_check(path: Path) -> bool:
    """What an open of `path` would decide, without opening it."""
    session = Session(path)
    try:
        return session.begin()
    finally:
        session.end()


HOLDER = """
import sys
from pathlib import Path
from reader.library import open_library
conn = open_library(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.readline()
"""


def test_integrity_check_runs_only_when_the_last_close_was_not_clean(tmp_path: Path) -> None:
    """traps.md #17: the check is decided from what Reader records, not from a -wal
    that any open connection leaves: a live Reader beside us costs no check, a
    Reader that died with the library open does."""
    import signal
    import subprocess
    import sys

    path = tmp_path / "lib" / DB_NAME
    filled(tmp_path / "lib").close()
    assert needs_check(path) is False  # closed cleanly, unchanged since
    assert check(path) == ["ok"]  # a read-only client (library check) leaves an empty -wal
    assert needs_check(path) is False
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path.parent)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        assert (tmp_path / "lib" / "library.sqlite3-wal").exists()
        assert needs_check(path) is False  # open in a live Reader, which checked it
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert needs_check(path) is True  # a Reader died with it open
    open_library(tmp_path / "lib").close()  # checked, then closed cleanly
    assert needs_check(path) is False
    stamp = path.stat()
    with path.open("r+b") as fh:  # changed behind our back, even to the same size
        fh.seek(stamp.st_size - 10)
        fh.write(b"0123456789")
    assert needs_check(path) is True
