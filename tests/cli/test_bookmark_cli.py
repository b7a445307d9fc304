"""`reader bookmarks …` and `reader library …`: output, JSON, exit codes."""

from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import pytest

from reader.cli import ExitCode
from reader.library.db import DB_NAME
from tests.cli.helpers import run

SEED_TITLE = "中聯部在主題教育期間深入開展調查研究"


@pytest.fixture
def lib(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_text: str) -> tuple[str, str]:
    """A library holding the seed article: (folder, article id)."""
    seed = tmp_path / "in" / "seed.txt"
    seed.parent.mkdir()
    seed.write_text(seed_text, encoding="utf-8")
    folder = str(tmp_path / "lib")
    assert run(capsys, "--library", folder, "import", str(seed))[0] == ExitCode.OK
    _, out, _ = run(capsys, "--library", folder, "list", "--json")
    return folder, json.loads(out)[0]["articles"][0]["id"]


def test_add_list_and_remove(capsys: pytest.CaptureFixture[str], lib: tuple[str, str]) -> None:
    folder, aid = lib
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "list")
    assert code == ExitCode.OK and out.startswith("No bookmarks yet")
    code, out, _ = run(
        capsys, "--library", folder, "bookmarks", "add", aid[:6], "--block", "2", "--note", "要點"
    )
    assert code == ExitCode.OK and out.endswith(f"bookmarked: {SEED_TITLE}, block 2\n")
    first = out.split()[0]
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "add", aid)
    assert code == ExitCode.OK
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "list")
    lines = out.splitlines()
    assert lines[0] == f"{SEED_TITLE}  ({aid})"
    assert lines[1].split()[2:4] == ["whole", "article"]
    assert lines[2].split()[0] == first[:8] and lines[2].split()[2:] == ["block", "2", "要點"]
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "list", "--json")
    data = json.loads(out)
    assert [(g["article_id"], g["title"], g["in_library"]) for g in data] == [
        (aid, SEED_TITLE, True)
    ]
    assert [b["block"] for b in data[0]["bookmarks"]] == [None, 2]
    keys = "id block quote selection note colour created_at updated_at orphaned"
    assert set(data[0]["bookmarks"][1]) == set(keys.split())
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "remove", first[:10])
    assert code == ExitCode.OK and out == f"{first}  removed\n"
    _, out, _ = run(capsys, "--library", folder, "bookmarks", "list", "--json")
    assert [b["block"] for b in json.loads(out)[0]["bookmarks"]] == [None]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["add", "ffff"], "ffff: no article with this id in the library"),
        (["add", "@", "--block", "0"], "no article with this id"),
        (["add", "AID", "--block", "99"], "has no block 99"),
        (["remove", "0123"], "0123: no such bookmark"),
        (["import", "MISSING"], "cannot read"),
    ],
)
def test_failures_are_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str],
    lib: tuple[str, str],
    tmp_path: Path,
    argv: list[str],
    message: str,
) -> None:
    folder, aid = lib
    argv = [a.replace("AID", aid).replace("MISSING", str(tmp_path / "none.json")) for a in argv]
    code, out, err = run(capsys, "--library", folder, "bookmarks", *argv)
    assert code == ExitCode.INPUT_FAILED and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("reader: ")


def test_export_then_import_into_another_library(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, str], tmp_path: Path
) -> None:
    folder, aid = lib
    for block in ("1", "3"):
        run(
            capsys,
            "--library",
            folder,
            "bookmarks",
            "add",
            aid,
            "--block",
            block,
            "--note",
            f"n{block}",
        )
    file = tmp_path / "marks.json"
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "export", str(file))
    assert code == ExitCode.OK and out == f"2 bookmarks written to {file}\n"
    other = str(tmp_path / "other")
    code, out, _ = run(capsys, "--library", other, "bookmarks", "import", str(file))
    assert code == ExitCode.OK and out == "2 added, 0 updated, 0 already in the library\n"
    code, out, _ = run(capsys, "--library", other, "bookmarks", "import", str(file))
    assert out == "0 added, 0 updated, 2 already in the library\n"
    _, out, _ = run(capsys, "--library", other, "bookmarks", "list")
    assert "[article not in the library]" in out.splitlines()[0]  # it waits for its article


def test_library_check_backup_and_restore(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, str], tmp_path: Path
) -> None:
    folder, aid = lib
    code, out, _ = run(capsys, "--library", folder, "library", "check")
    assert code == ExitCode.OK and out.startswith("ok: ")
    run(capsys, "--library", folder, "bookmarks", "add", aid, "--note", "備份裏的")
    code, out, _ = run(capsys, "--library", folder, "library", "backup")
    backup = Path(out.strip().removeprefix("backed up to "))
    assert code == ExitCode.OK and backup.is_file() and backup.parent == Path(folder) / "backups"
    run(capsys, "--library", folder, "bookmarks", "add", aid, "--note", "之後的")
    gc.collect()  # `import` and `list` leave their connections to the collector
    code, out, err = run(capsys, "--library", folder, "library", "restore", str(backup))
    assert code == ExitCode.OK and out.startswith("Restored ") and "kept as" in out, err
    _, out, _ = run(capsys, "--library", folder, "bookmarks", "list", "--json")
    assert [b["note"] for b in json.loads(out)[0]["bookmarks"]] == ["備份裏的"]
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"")
    code, _, err = run(capsys, "--library", folder, "library", "restore", str(bad))
    assert code == ExitCode.INPUT_FAILED and err.count("\n") == 1 and "empty" in err


def test_library_check_reports_damage_without_repairing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("CREATE INDEX t_x ON t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(2000)])
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")  # an index that no longer matches its table
    conn.execute(
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX t_x ON t (x DESC)' WHERE name = 't_x'"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, out, err = run(capsys, "--library", str(folder), "library", "check")
    assert code == ExitCode.INPUT_FAILED and out and "damaged" in err
    assert path.read_bytes() == before
    code, _, err = run(capsys, "--library", str(tmp_path / "none"), "library", "check")
    assert code == ExitCode.INPUT_FAILED and "no library here" in err
