"""The app and the command line on one library at once, in separate processes.

SQLite's locks belong to the process: if anything in the app closed a descriptor
of the library file, the next `reader` command would delete the -wal/-shm from
under the app and every later write of the app would be lost (traps.md #15).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("app_driver.py")
SEED = Path(__file__).resolve().parents[2] / "resources" / "samples"


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


class App:
    """The driven app process (tests/ui/app_driver.py)."""

    def __init__(self, library: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(library)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert self.answer() == "ready"

    def answer(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            assert self.proc.stderr is not None
            raise AssertionError(f"the app died: {self.proc.stderr.read()[-2000:]}")
        return line.rstrip("\n")

    def ask(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.answer()

    def bookmark(self, note: str) -> str:
        answer = self.ask(f"bookmark {note}")
        assert answer.startswith("ack "), answer
        return answer.split()[1]

    def open_files(self) -> list[str]:
        fds = Path(f"/proc/{self.proc.pid}/fd")
        found = []
        for fd in fds.iterdir():
            try:
                found.append(str(fd.readlink()))
            except OSError:
                continue
        return found

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    running = App(tmp_path / "lib")
    yield running
    if running.proc.poll() is None:
        running.kill()


def bookmark_ids(library: Path) -> set[str]:
    result = reader(library, "bookmarks", "list", "--json")
    assert result.returncode == 0, result.stderr
    return {m["id"] for group in json.loads(result.stdout) for m in group["bookmarks"]}


def library_is_whole(library: Path) -> None:
    result = reader(library, "library", "check")
    assert result.returncode == 0 and result.stdout.startswith("ok"), result.stdout + result.stderr


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to read open files")
def test_cli_beside_the_app_loses_none_of_the_apps_writes(app: App, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    acknowledged = {app.bookmark("開著應用時的第一個書籤")}

    # Every kind of command, each in a process of its own, while the app is open.
    article = json.loads(reader(library, "list", "--json").stdout)[0]["articles"][0]["id"]
    added = reader(library, "bookmarks", "add", article, "--note", "命令行的書籤")
    assert added.returncode == 0, added.stderr
    copy = tmp_path / "另一篇.txt"
    copy.write_text("標題\n\n正文第一段。\n\n正文第二段。\n", encoding="utf-8")
    for args in (
        ["list"],
        ["show", article],
        ["import", str(copy)],
        ["export", article, "--format", "md", "-o", str(tmp_path / "out.md")],
        ["bookmarks", "export", str(tmp_path / "marks.json")],
        ["library", "backup"],
        ["library", "check"],
    ):
        done = reader(library, *args)
        assert done.returncode == 0, (args, done.stderr)

    # The app still has the live -wal and -shm (not deleted from under it).
    files = app.open_files()
    for name in ("library.sqlite3-wal", "library.sqlite3-shm"):
        assert any(f.endswith(name) for f in files), files
    assert not any("(deleted)" in f and "library.sqlite3" in f for f in files), files

    # The app writes again, and imports; all of it is visible to others at once...
    acknowledged.add(app.bookmark("命令行之後的書籤"))
    second = tmp_path / "第三篇.txt"
    second.write_text("又一個標題\n\n另一段正文。\n", encoding="utf-8")
    assert app.ask(f"import {second}") == "imported 1 0"
    acknowledged.add(app.bookmark("導入之後的書籤"))
    assert acknowledged <= bookmark_ids(library)

    # ...and after the app is killed, every acknowledged write is still there.
    app.kill()
    assert acknowledged <= bookmark_ids(library)
    assert len(bookmark_ids(library)) == len(acknowledged) + 1  # and the command line's
    library_is_whole(library)
    titles = reader(library, "list").stdout
    assert "又一個標題" in titles and "標題" in titles


def until(app: App, command: str, expected: str, turns: int = 10) -> str:
    """Ask until the app answers `expected` (the app polls the library once a second)."""
    answer = app.ask(command)
    for _ in range(turns):
        if answer == expected:
            break
        assert app.ask("wait 25") == "waited"
        answer = app.ask(command)
    return answer


def test_the_open_app_follows_what_the_command_line_changes(app: App, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    sample = json.loads(reader(library, "list", "--json").stdout)[0]["articles"][0]["id"]
    assert app.ask(f"panel {sample}") == "panel no"

    folder = tmp_path / "新聞"
    folder.mkdir()
    (folder / "一.txt").write_text("第一篇\n\n正文。\n", encoding="utf-8")
    assert reader(library, "import", str(folder)).returncode == 0
    listed = {
        a["title"]: a["id"]
        for s in json.loads(reader(library, "list", "--json").stdout)
        for a in s["articles"]
    }
    first = listed["第一篇"]
    assert until(app, f"shows {first}", "shows yes") == "shows yes"
    assert until(app, f"section {first}", "section 新聞 (1)") == "section 新聞 (1)"

    (folder / "二.txt").write_text("第二篇\n\n另一段。\n", encoding="utf-8")
    assert reader(library, "import", str(folder)).returncode == 0
    assert until(app, f"section {first}", "section 新聞 (2)") == "section 新聞 (2)"

    added = reader(library, "bookmarks", "add", sample, "--note", "從命令行加的")
    assert added.returncode == 0, added.stderr
    mark = next(
        m["id"]
        for g in json.loads(reader(library, "bookmarks", "list", "--json").stdout)
        for m in g["bookmarks"]
        if m["note"] == "從命令行加的"
    )
    assert until(app, f"panel {mark}", "panel yes") == "panel yes"


def test_any_interleaving_of_app_commands_and_kills_loses_no_acknowledged_write(
    tmp_path: Path,
) -> None:
    """A random sequence of the app's writes, commands in other processes, and the
    app killed and started again; every write that was acknowledged survives."""
    import random

    library = tmp_path / "lib"
    rng = random.Random(20261202)
    app = App(library)
    article = json.loads(reader(library, "list", "--json").stdout)[0]["articles"][0]["id"]
    acknowledged: set[str] = set()
    try:
        for step in range(24):
            action = rng.choice(["app", "app", "cli-mark", "cli-import", "cli-other", "kill"])
            if action == "app":
                acknowledged.add(app.bookmark(f"應用{step}"))
            elif action == "cli-mark":
                done = reader(library, "bookmarks", "add", article, "--note", f"命令行{step}")
                assert done.returncode == 0, done.stderr
                acknowledged.add(done.stdout.split()[0])
            elif action == "cli-import":
                page = tmp_path / f"第{step}篇.txt"
                page.write_text(f"標題{step}\n\n正文{step}。\n", encoding="utf-8")
                assert reader(library, "import", str(page)).returncode == 0
            elif action == "cli-other":
                command = rng.choice([["list"], ["library", "backup"], ["library", "check"]])
                assert reader(library, *command).returncode == 0
            else:
                app.kill()
                assert acknowledged <= bookmark_ids(library)
                app = App(library)
        app.kill()
    finally:
        if app.proc.poll() is None:
            app.kill()
    assert acknowledged <= bookmark_ids(library)
    library_is_whole(library)
