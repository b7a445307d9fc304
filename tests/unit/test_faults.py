"""The faults of issue 5, each reproduced with real files and real processes.

Kills, damaged bytes, foreign files, a failing migration, a read-only folder, a
full disk, two writers, changed blocks, and a move to a fresh library.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.domain import Article, Block
from reader.library import ArticleStore, LibraryError, Stored, open_library, schema
from reader.library.backup import backup_now, check, list_backups
from reader.library.bookmarks import BookmarkStore
from reader.library.db import DB_NAME, open_library_with_report
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION
from tests.reflow import reflowed

PARAS = [f"第{i}段：調查研究要深入基層，聽取群眾意見，解決實際問題。編號{i}。" for i in range(20)]
ARTICLE = Article(
    id="0a1b2c3d4e5f6071", title="調查研究", blocks=tuple(Block.paragraph(p) for p in PARAS)
)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def ids_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM bookmarks")}
    finally:
        conn.close()


def reader_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


# A writer that prints each id once add() has returned: the parent kills it at a
# random moment (during start-up, creation, migration, a write or a re-anchoring).
WRITER = r"""
import sys
from pathlib import Path
from reader.domain import Article, Block
from reader.library import ArticleStore, open_library
from reader.library.bookmarks import BookmarkStore
paras = [f"第{i}段：調查研究要深入基層，聽取群眾意見，解決實際問題。編號{i}。" for i in range(20)]
aid = "0a1b2c3d4e5f6071"
article = Article(id=aid, title="調查研究", blocks=tuple(Block.paragraph(p) for p in paras))
shifted = Article(id=aid, title="調查研究", blocks=(Block.paragraph("導語"), *article.blocks))
conn = open_library(Path(sys.argv[1]))
store, marks = ArticleStore(conn), BookmarkStore(conn)
store.add(article)
i = 0
while True:
    mark = marks.add(article, i % 20, note=f"筆記{i}" + "很長的筆記。" * (i % 40))
    print(mark.id, flush=True)
    if i % 5 == 0:
        marks.update_note(mark.id, f"改過的筆記{i}")
    if i % 9 == 0:
        store.add(shifted if i % 2 else article)  # blocks change: bookmarks re-anchored
    i += 1
"""


def test_sigkill_while_writing_loses_no_returned_bookmark(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    rng = random.Random(5)
    returned: set[str] = set()
    for _ in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(0.02, 0.7))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        returned |= set(out.split("\n")[:-1])  # complete lines only
        assert integrity(folder / DB_NAME) == "ok"
    assert len(returned) > 100  # the kills did land among writes
    assert returned <= ids_in(folder / DB_NAME)
    # and the library opens normally afterwards (a check ran: the closes were unclean)
    conn, notes = open_library_with_report(folder)
    assert notes == [] and BookmarkStore(conn).count() >= len(returned)


def _library_with_backup(folder: Path) -> tuple[Path, set[str]]:
    conn = open_library(folder)
    store, marks = ArticleStore(conn), BookmarkStore(conn)
    for n in range(150):  # enough pages for damage in the middle to hit articles
        store.add(Article(id=f"{n:04x}", title=f"文章{n}", blocks=ARTICLE.blocks * 3))
    marks.add(ARTICLE, 0, note="備份之前")
    backup_now(conn, folder / "backups", "daily")
    marks.add(ARTICLE, 1, note="備份之後")
    notes = {m.note for m in marks.all()}
    conn.close()
    return folder / DB_NAME, notes


def _overwrite_middle(path: Path) -> bytes:
    """Random bytes over three pages in the middle of the file, as a bad disk or
    a stray program would leave them."""
    time.sleep(0.05)  # later than the clean close (mtimes are only ms-precise)
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek((size // 4096 // 2) * 4096)
        fh.write(random.Random(11).randbytes(3 * 4096))
    return path.read_bytes()


def test_overwritten_bytes_are_detected_moved_aside_and_the_backup_restored(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    path, notes_before = _library_with_backup(folder)
    damaged = _overwrite_middle(path)
    assert check(path) != ["ok"]
    said: list[str] = []
    conn, report = open_library_with_report(folder, busy=said.append)
    assert said == ["recover"]  # the app says so while it happens (reader.ui.start_notice)
    assert any("damaged" in line and "restored" in line for line in report)
    (aside,) = folder.glob("library.sqlite3.damaged-*Z")
    assert aside.read_bytes() == damaged  # kept as it was, never overwritten
    assert str(aside) in report[0]
    assert integrity(path) == "ok"
    assert ArticleStore(conn).count() == 150
    # the note written after the backup was read back from the damaged file
    assert {m.note for m in BookmarkStore(conn).all()} == notes_before
    assert any("recovered from the damaged file" in line for line in report)


def test_damage_without_a_backup_is_refused_and_left_in_place(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    path, _ = _library_with_backup(folder)
    shutil.rmtree(folder / "backups")
    damaged = _overwrite_middle(path)
    with pytest.raises(
        LibraryError, match=r"damaged .* no backup to restore; it was left untouched"
    ):
        open_library(folder)
    assert path.read_bytes() == damaged
    assert not list(folder.glob("*.damaged-*"))


@pytest.mark.parametrize("kind", ["empty", "not sqlite", "newer"])
def test_foreign_files_are_refused_with_a_message_and_left_untouched(
    tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / DB_NAME
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "not sqlite":
        path.write_bytes("這不是資料庫".encode() * 100)
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE articles (id)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="left untouched"):
        open_library(folder)
    result = reader_cli("--library", str(folder), "bookmarks", "list")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "left untouched" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]


def test_a_failing_migration_is_rolled_back_with_its_backup_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lib"
    conn = open_library(folder)
    ArticleStore(conn).add(ARTICLE)
    BookmarkStore(conn).add(ARTICLE, 2, note="升級前")
    conn.close()
    bad = "CREATE TABLE good (x INTEGER);\nINSERT INTO good VALUES (1);\nCREATE TABLE bad (;"
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, bad))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(LibraryError, match="rolled back; the backup taken before it is") as caught:
        open_library(folder)
    assert "\n" not in str(caught.value)
    raw = sqlite3.connect(folder / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("SELECT name FROM sqlite_schema WHERE name = 'good'").fetchone() is None
    raw.close()
    (backup,) = list_backups(folder / "backups")
    assert backup.reason == f"pre-migration-v{SCHEMA_VERSION}" and check(backup.path) == ["ok"]
    assert str(backup.path) in str(caught.value)
    monkeypatch.undo()
    assert [m.note for m in BookmarkStore(open_library(folder)).all()] == ["升級前"]


def _read_only_command(folder: Path) -> list[str]:
    """A command prefix that runs with `folder` read-only. Root ignores permission
    bits, so as root the folder is bind-mounted read-only in a private mount
    namespace; otherwise its permission bits suffice."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("running as root without mount namespaces: cannot make a folder read-only")
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(folder)]


def test_read_only_folder_reads_and_refuses_writes_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    conn = open_library(folder)
    ArticleStore(conn).add(ARTICLE)
    BookmarkStore(conn).add(ARTICLE, 3, note="唯讀也看得到")
    conn.close()
    before = (folder / DB_NAME).read_bytes()
    prefix = _read_only_command(folder)
    try:
        base = [*prefix, sys.executable, "-m", "reader", "--library", str(folder), "bookmarks"]
        shown = subprocess.run([*base, "list"], capture_output=True, text=True, timeout=60)
        added = subprocess.run(
            [*base, "add", "0a1b", "--note", "寫不進去"], capture_output=True, text=True, timeout=60
        )
    finally:
        folder.chmod(0o755)
    assert shown.returncode == 0 and "唯讀也看得到" in shown.stdout
    assert added.returncode == 1 and added.stderr.count("\n") == 1
    assert "nothing was saved: the library is read-only" in added.stderr
    assert (folder / DB_NAME).read_bytes() == before
    assert integrity(folder / DB_NAME) == "ok"


def test_a_missing_folder_that_cannot_be_made_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = reader_cli("--library", str(blocker / "lib"), "bookmarks", "list")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "cannot create the library folder" in result.stderr


def test_disk_full_keeps_the_database_and_the_callers_note(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    conn = open_library(folder)
    store, marks = ArticleStore(conn), BookmarkStore(conn)
    store.add(ARTICLE)
    kept = marks.add(ARTICLE, 0, note="原來的筆記")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    note = "一條很長的新筆記。" * 2000
    saved = 0
    with pytest.raises(LibraryError, match="nothing was saved: the disk is full") as caught:
        for _ in range(100):
            marks.add(ARTICLE, 1, note=note)
            saved += 1
    assert "\n" not in str(caught.value)
    with pytest.raises(LibraryError, match="disk is full"):
        marks.update_note(kept.id, note)
    assert integrity(folder / DB_NAME) == "ok"
    assert marks.get(kept.id).note == "原來的筆記"  # type: ignore[union-attr]
    assert marks.count() == 1 + saved
    conn.execute(f"PRAGMA max_page_count = {pages * 100}")  # space again: the same note saves
    assert marks.add(ARTICLE, 1, note=note).note == note


ADDER = r"""
import sys
from pathlib import Path
from reader.library import ArticleStore, open_library
from reader.library.bookmarks import BookmarkStore
conn = open_library(Path(sys.argv[1]))
article = ArticleStore(conn).get("0a1b2c3d4e5f6071")
marks = BookmarkStore(conn)
for i in range(150):
    marks.add(article, i % len(article.blocks), note=f"子程序{i}")
"""


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    conn = open_library(folder)
    ArticleStore(conn).add(ARTICLE)
    marks = BookmarkStore(conn)
    child = subprocess.Popen([sys.executable, "-c", ADDER, str(folder)], stderr=subprocess.PIPE)
    cli = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reader",
                "--library",
                str(folder),
                "bookmarks",
                "add",
                "0a1b",
                "--block",
                str(n),
                "--note",
                f"命令列{n}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(4)
    ]
    for i in range(150):
        marks.add(ARTICLE, i % 20, note=f"本程序{i}")
    _, child_err = child.communicate(timeout=60)
    assert child.returncode == 0, child_err
    for p in cli:
        _, stderr = p.communicate(timeout=60)
        assert p.returncode == 0, stderr
    assert marks.count() == 150 + 150 + 4
    assert integrity(folder / DB_NAME) == "ok"


def test_reparsed_article_bookmarks_follow_or_are_orphaned(tmp_path: Path) -> None:
    conn = open_library(tmp_path / "lib")
    store, marks = ArticleStore(conn), BookmarkStore(conn)
    store.add(ARTICLE)
    follow, merged, vanish = marks.add(ARTICLE, 5), marks.add(ARTICLE, 9), marks.add(ARTICLE, 19)
    blocks = ["新的導語。", *PARAS[:8], PARAS[8] + PARAS[9], *PARAS[10:19]]
    store.add(
        Article(
            id="0a1b2c3d4e5f6071",
            title="調查研究",
            blocks=tuple(Block.paragraph(p) for p in blocks),
        )
    )
    got = {m.id: m for m in marks.all()}
    assert (got[follow.id].block, got[follow.id].orphaned) == (6, False)
    assert (got[merged.id].block, got[merged.id].orphaned) == (9, False)
    assert got[vanish.id].orphaned and got[vanish.id].block == 19  # kept, listed, flagged


def test_done_means_every_note_where_it_was(
    tmp_path: Path, converters: object, seed_text: str
) -> None:
    """Bookmark, kill, re-import from a GB18030 copy, move to a fresh library."""
    from reader.chinese import Converters
    from reader.importers import Importer

    assert isinstance(converters, Converters)
    importer = Importer(converters)
    folder = tmp_path / "lib"
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    article = importer.parse_file(seed)
    conn = open_library(folder)
    ArticleStore(conn).add(article)
    marks = BookmarkStore(conn)
    made = {marks.add(article, b, note=f"第{b}段的筆記").id: b for b in (1, 3, 5)}
    # another process holds the library when this one is killed
    child = subprocess.Popen(
        [sys.executable, "-c", ADDER.replace("0a1b2c3d4e5f6071", article.id), str(folder)]
    )
    time.sleep(0.3)
    child.kill()
    child.wait()
    # Re-imported from a GB18030 copy whose paragraphs break differently: the same
    # article (its identity ignores whitespace), new blocks, so every mark moves.
    gb = tmp_path / "另一份.txt"
    gb.write_bytes(reflowed(seed_text, article).encode("gb18030"))
    reparsed = importer.parse_file(gb)
    assert reparsed.id == article.id and len(reparsed.blocks) == len(article.blocks) + 2
    assert ArticleStore(conn).add(reparsed) is Stored.UPDATED
    out = tmp_path / "move.json"
    marks.export_json(out)
    fresh = open_library(tmp_path / "fresh")
    ArticleStore(fresh).add(reparsed)
    BookmarkStore(fresh).import_json(out)
    BookmarkStore(fresh).import_json(out)
    moved = {m.id: m for m in BookmarkStore(fresh).all()}
    assert len(moved) == marks.count()  # no duplicates
    for bid, block in made.items():
        mark = moved[bid]
        assert mark.note == f"第{block}段的筆記" and not mark.orphaned
        assert mark.block is not None and mark.block > block  # re-anchored, not left behind
        assert reparsed.blocks[mark.block].text == article.blocks[block].text
        assert reparsed.blocks[mark.block].text.startswith(mark.quote)
