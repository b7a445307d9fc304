"""The library file and its backups against hostile files and killed processes.

Each case of issue 9's "library file and its backups": files carrying triggers,
views or a wrong schema; another program's SQLite file; a restore or a backup
killed halfway; a read-only folder; recovery choosing among backups.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.domain import Article, Block
from reader.library import ArticleStore, LibraryError, open_library
from reader.library.backup import backup_now, backups_dir, check, list_backups
from reader.library.bookmarks import BookmarkStore
from reader.library.db import DB_NAME, open_library_with_report
from reader.library.restore import restore
from tests.unit.test_faults import _read_only_command

A = Article(
    id="a1", title="標題", blocks=(Block.paragraph("第一段。"), Block.paragraph("第二段。"))
)


def library_with_backup(folder: Path, note: str = "備份裏的筆記") -> Path:
    conn = open_library(folder)
    ArticleStore(conn).add(A)
    BookmarkStore(conn).add(A, 1, note=note)
    backup = backup_now(conn, backups_dir(folder / DB_NAME), "manual")
    conn.close()
    return backup


def tamper(path: Path, *statements: str) -> None:
    """Change a file as another tool (or an attacker) would, outside Reader."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def notes(folder: Path) -> list[str]:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return sorted(r[0] for r in conn.execute("SELECT note FROM bookmarks"))
    finally:
        conn.close()


HOSTILE = {
    "trigger": [
        "CREATE TRIGGER rename_all AFTER INSERT ON bookmarks "
        "BEGIN UPDATE articles SET title = 'pwned'; DELETE FROM bookmarks; END"
    ],
    "view": ["CREATE VIEW everything AS SELECT * FROM articles"],
    "one-column articles": [
        "DROP TABLE corrections",
        "DROP TABLE articles",
        "CREATE TABLE articles (id TEXT)",
    ],
    "extra table": ["CREATE TABLE notes_elsewhere (x)"],
    "other application": ["PRAGMA application_id = 1234"],
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_restore_accepts_only_a_file_with_readers_own_schema(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "lib"
    backup = library_with_backup(folder)
    tamper(backup, *HOSTILE[kind])
    library_before = (folder / DB_NAME).read_bytes()
    with pytest.raises(LibraryError) as caught:
        restore(backup, folder / DB_NAME)
    message = str(caught.value)
    assert str(backup) in message and "\n" not in message and "not a usable backup" in message
    assert (folder / DB_NAME).read_bytes() == library_before


def test_a_triggered_library_is_refused_before_any_trigger_runs(tmp_path: Path) -> None:
    """A library changed behind Reader's back to carry a trigger is refused on open
    (a trigger is plain SQL: trusted_schema does not stop it), and left as it was."""
    folder = tmp_path / "lib"
    library_with_backup(folder, note="我的筆記")
    tamper(folder / DB_NAME, *HOSTILE["trigger"])
    before = (folder / DB_NAME).read_bytes()
    with pytest.raises(LibraryError, match="trigger rename_all"):
        open_library(folder)
    assert (folder / DB_NAME).read_bytes() == before
    assert notes(folder) == ["我的筆記"]


def test_every_connection_distrusts_the_schema(tmp_path: Path) -> None:
    conn = open_library(tmp_path / "lib")
    second = open_library(tmp_path / "lib")  # a second connection of the same process
    try:
        for c in (conn, second):
            assert c.execute("PRAGMA trusted_schema").fetchone()[0] == 0
            assert c.execute("PRAGMA cell_size_check").fetchone()[0] == 1
    finally:
        second.close()
        conn.close()


def test_another_programs_sqlite_file_is_refused_and_left_exactly_as_it_was(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / DB_NAME
    tamper(
        path,
        "CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB)",
        "INSERT INTO photos (data) VALUES (x'00')",
    )
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="another program's SQLite file"):
        open_library(folder)
    assert path.read_bytes() == before  # no tables of ours, no WAL switched on
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


RESTORER = """
import sys
from pathlib import Path
from reader.library.restore import restore
print("go", flush=True)
restore(Path(sys.argv[1]), Path(sys.argv[2]))
print("done", flush=True)
"""


def big_library_with_backup(folder: Path) -> Path:
    """Big enough that a restore takes a while (the copy is verified), so a kill
    lands inside it."""
    conn = open_library(folder)
    store = ArticleStore(conn)
    text = "調查研究要深入基層，聽取群眾意見，解決實際問題。" * 40
    for i in range(400):
        article = Article(
            id=f"{i:016x}", title=f"第{i}篇", blocks=(Block.paragraph(text + str(i)),)
        )
        store.add(article)
    backup = backup_now(conn, backups_dir(folder / DB_NAME), "manual")
    BookmarkStore(conn).add(A, 0, note="備份之後")  # the old library differs from the backup
    conn.close()
    return backup


def test_a_restore_killed_at_any_moment_leaves_the_old_library_or_the_new(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    backup = big_library_with_backup(folder)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", RESTORER, str(backup), str(folder / DB_NAME)], check=True)
    duration = time.perf_counter() - started
    rng = random.Random(9)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", RESTORER, str(backup), str(folder / DB_NAME)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline() == "go\n"
        time.sleep(rng.uniform(0, duration * 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert (folder / DB_NAME).exists()  # never neither
        conn, report = open_library_with_report(folder)
        try:
            count = ArticleStore(conn).count()
        finally:
            conn.close()
        assert count in (400, 401), report
    leftovers = [p.name for p in folder.iterdir() if ".restore-" in p.name]
    assert leftovers == []  # the next open swept what a killed restore left


def test_a_missing_library_beside_its_before_restore_copy_is_put_back(tmp_path: Path) -> None:
    """What a restore of an older Reader, killed between its two renames, left."""
    folder = tmp_path / "lib"
    library_with_backup(folder, note="只在舊庫裏")
    conn = open_library(folder)
    BookmarkStore(conn).add(A, 0, note="更新的筆記")
    conn.close()
    (folder / DB_NAME).rename(folder / f"{DB_NAME}.before-restore-2026-12-01T101010Z")
    conn, report = open_library_with_report(folder)
    try:
        assert sorted(m.note for m in BookmarkStore(conn).all()) == ["只在舊庫裏", "更新的筆記"]
    finally:
        conn.close()
    assert len(report) == 1 and "before a restore" in report[0]


def test_a_missing_library_with_only_backups_is_restored_not_started_empty(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    library_with_backup(folder, note="備份裏的筆記")
    (folder / DB_NAME).unlink()
    conn, report = open_library_with_report(folder)
    try:
        assert [m.note for m in BookmarkStore(conn).all()] == ["備份裏的筆記"]
    finally:
        conn.close()
    assert len(report) == 1 and "backup of" in report[0]


BACKER = """
import sys
from pathlib import Path
from reader.library import open_library
from reader.library.backup import backup_now, backups_dir
conn = open_library(Path(sys.argv[1]))
print("go", flush=True)
while True:
    backup_now(conn, backups_dir(Path(sys.argv[1]) / "library.sqlite3"), "manual")
"""


def test_a_backup_killed_halfway_leaves_no_temporary_file_for_long(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    backups = folder / "backups"

    def temporaries() -> list[str]:
        return [
            p.name for p in backups.iterdir() if p.name.startswith((".library-", ".bookmarks-"))
        ]

    for _attempt in range(20):  # until a kill lands while a copy is half made
        proc = subprocess.Popen(
            [sys.executable, "-c", BACKER, str(folder)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline() == "go\n"
        deadline = time.monotonic() + 20
        while not temporaries() and time.monotonic() < deadline:
            time.sleep(0.001)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if temporaries():
            break
    assert temporaries(), "no kill landed inside a backup"
    open_library(folder).close()  # the next start sweeps what the killed backup left
    assert temporaries() == []
    for b in list_backups(backups):  # every backup listed is whole, with its bookmarks
        assert check(b.path) == ["ok"] and b.bookmarks_json.exists()


def test_recovery_skips_a_backup_that_fails_verification_and_takes_the_next(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lib"
    older = library_with_backup(folder, note="較舊的備份")
    time.sleep(1.1)  # backups are named to the second
    conn = open_library(folder)
    BookmarkStore(conn).add(A, 0, note="較新的備份")
    newer = backup_now(conn, backups_dir(folder / DB_NAME), "manual")
    conn.close()
    assert list_backups(backups_dir(folder / DB_NAME))[0].path == newer
    tamper(newer, *HOSTILE["trigger"])  # the newest backup no longer verifies
    size = (folder / DB_NAME).stat().st_size
    with (folder / DB_NAME).open("r+b") as fh:  # and the library is damaged
        fh.seek(size // 2)
        fh.write(os.urandom(4096))
    conn, report = open_library_with_report(folder)
    conn.close()
    assert older.name in report[0] and newer.name not in report[0]
    assert newer.exists()  # a backup that fails verification is kept, not deleted


CORRUPTER = """
import sys
path, offset = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as fh:
    fh.seek(offset)
    fh.write(bytes(range(256)) * 16)
"""


def test_a_backup_copy_that_fails_its_check_is_never_kept(tmp_path: Path) -> None:
    """Pages damaged on disk while the library is open are copied as they are by
    the backup API; the copy then fails its integrity check and is not kept."""
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    for old in (folder / "backups").iterdir():
        old.unlink()
    raw = sqlite3.connect(folder / DB_NAME)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'articles'").fetchone()[0]
    raw.close()
    conn = open_library(folder)
    conn.execute("PRAGMA shrink_memory")  # pages not cached, as in any library of size
    # The articles table's root page is damaged by another process (a plain
    # write from this one would drop our locks).
    offset = (root - 1) * page_size
    subprocess.run(
        [sys.executable, "-c", CORRUPTER, str(folder / DB_NAME), str(offset)], check=True
    )
    try:
        with pytest.raises(LibraryError, match="failed verification"):
            backup_now(conn, backups_dir(folder / DB_NAME), "manual")
    finally:
        conn.close()
    assert list_backups(folder / "backups") == []
    assert [p.name for p in (folder / "backups").iterdir()] == []


def test_a_read_only_library_is_checked_as_sound_not_called_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    library_with_backup(folder)
    prefix = _read_only_command(folder)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "reader", "--library", str(folder), "library", "check"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
