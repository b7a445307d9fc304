"""The app's damage check after a crash runs once its window is up: the open skips
it and says it is owed; the check on a connection of its own finds what a check at
open would have found, and a damaged library is never stamped clean, so the next
open checks it again and recovers it from the newest verified backup."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import open_library
from reader.library.db import DB_NAME, open_library_with_report
from reader.library.deferred_check import check_due, check_in_place
from reader.library.files import sidecar
from tests.unit.test_backup import HOLDER, needs_check
from tests.unit.test_library_file import CORRUPTER, big_library_with_backup


def die_with_it_open(folder: Path) -> None:
    """A Reader that held the library and was killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def damage_articles(path: Path) -> None:
    raw = sqlite3.connect(path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'articles'").fetchone()[0]
    raw.close()
    subprocess.run(
        [sys.executable, "-c", CORRUPTER, str(path), str((root - 1) * page_size)], check=True
    )


def test_a_sound_library_checked_later_is_stamped_clean(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    die_with_it_open(folder)
    path = folder / DB_NAME
    conn, notes = open_library_with_report(folder, defer_check=True)
    assert notes == [] and check_due(conn)
    assert check_in_place(path) is None
    assert not check_due(conn)
    conn.close()
    assert not needs_check(path)  # a clean close after the check: the next start skips it


@pytest.mark.parametrize("next_open", ["app", "command line"])
def test_damage_found_later_is_recovered_at_the_next_open(tmp_path: Path, next_open: str) -> None:
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    die_with_it_open(folder)
    path = folder / DB_NAME
    damage_articles(path)
    conn, notes = open_library_with_report(folder, defer_check=True)
    assert notes == [] and check_due(conn)  # the window may open at once
    problem = check_in_place(path)
    assert problem is not None
    conn.close()
    assert not sidecar(path, ".clean").exists()  # never stamped clean
    # The next start, of the app (which defers a check it merely owes) or of a
    # command: a library found damaged is checked before it is used, and recovered.
    said: list[str] = []
    conn, notes = open_library_with_report(folder, defer_check=next_open == "app", busy=said.append)
    assert any("backup" in note for note in notes), notes
    assert said == ["recover"] and not check_due(conn)
    assert not sidecar(path, ".suspect").exists()  # recovered: nothing owed any more
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


def test_the_command_line_still_checks_before_it_reads(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    big_library_with_backup(folder)
    die_with_it_open(folder)
    damage_articles(folder / DB_NAME)
    conn, notes = open_library_with_report(folder)
    conn.close()
    assert any("backup" in note for note in notes), notes
    open_library(folder).close()
