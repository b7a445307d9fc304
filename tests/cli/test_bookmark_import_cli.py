"""`reader bookmarks import` with files that clash, shout or lie: real files, a real
library, the real command in-process."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli import ExitCode
from reader.library.db import DB_NAME
from tests.cli.helpers import run
from tests.conftest import REPO

SAMPLES = REPO / "resources" / "samples"
GOOD_TIME = "2024-05-01T08:00:00.000000Z"


@pytest.fixture
def lib(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, dict[str, str]]:
    """A library holding both samples: (folder, {"trad"|"simp": article id})."""
    folder = str(tmp_path / "lib")
    code, _, err = run(capsys, "--library", folder, "import", str(SAMPLES))
    assert code == ExitCode.OK, err
    _, out, _ = run(capsys, "--library", folder, "list", "--json")
    ids = {}
    for section in json.loads(out):
        for a in section["articles"]:
            ids["trad" if a["title"].startswith("中聯部") else "simp"] = a["id"]
    assert len(ids) == 2
    return folder, ids


def blocks_of(capsys: pytest.CaptureFixture[str], folder: str, aid: str) -> list[str]:
    _, out, _ = run(capsys, "--library", folder, "show", "--json", aid)
    return [b["text"] for b in json.loads(out)["blocks"]]


def listed(capsys: pytest.CaptureFixture[str], folder: str) -> dict[str, list[dict[str, object]]]:
    """article id -> its bookmarks, as `bookmarks list --json` shows them."""
    _, out, _ = run(capsys, "--library", folder, "bookmarks", "list", "--json")
    return {g["article_id"]: g["bookmarks"] for g in json.loads(out)}


def entry(
    bid: str, aid: str, block: int | None, quote: str, note: str, **more: object
) -> dict[str, object]:
    e = {
        "id": bid, "article_id": aid, "article_title": "標題", "block": block, "quote": quote,
        "selection": None, "note": note, "colour": "", "created_at": GOOD_TIME,
        "updated_at": GOOD_TIME, "orphaned": False,
    }  # fmt: skip
    e.update(more)
    return e


def bookmarks_file(path: Path, entries: list[dict[str, object]], raw: str | None = None) -> Path:
    head = {"format": "reader-bookmarks", "version": 1, "exported_at": GOOD_TIME}
    text = json.dumps({**head, "bookmarks": entries}, ensure_ascii=False)
    if raw is not None:  # entries JSON cannot express (NaN spelled out, lone surrogates)
        text = text[: -len("]}")] + ("," if entries else "") + raw + "]}"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_id_of_another_articles_bookmark_never_replaces_it(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = lib
    code, out, _ = run(
        capsys, "--library", folder, "bookmarks", "add", ids["trad"], "--block", "2", "--note",
        "我的筆記",
    )  # fmt: skip
    assert code == ExitCode.OK
    mine = out.split()[0]
    simp = blocks_of(capsys, folder, ids["simp"])
    # Another desktop's bookmark on the other article that happens to carry the same
    # id, and is newer: before, it replaced ours, note and all.
    theirs = entry(
        mine, ids["simp"], 4, simp[4][:24], "他們的筆記", updated_at="2099-01-01T00:00:00Z"
    )
    path = bookmarks_file(tmp_path / "theirs.json", [theirs])
    code, out, err = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert code == ExitCode.OK, err
    assert out == (
        "1 added, 0 updated, 0 already in the library, 1 given a new id "
        "(theirs belongs to a bookmark on another article)\n"
    )
    marks = listed(capsys, folder)
    assert [(m["id"], m["note"], m["block"]) for m in marks[ids["trad"]]] == [(mine, "我的筆記", 2)]
    [copy] = marks[ids["simp"]]
    assert copy["note"] == "他們的筆記" and copy["block"] == 4 and copy["id"] != mine
    # Again: the new id is derived from the old one and the article, so it is found.
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert (code, out) == (ExitCode.OK, "0 added, 0 updated, 1 already in the library\n")
    # A newer edit of it on the other desktop updates that copy, not ours.
    theirs["note"], theirs["updated_at"] = "他們改過", "2099-02-01T00:00:00Z"
    bookmarks_file(path, [theirs])
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert out.startswith("0 added, 1 updated, 0 already in the library")
    marks = listed(capsys, folder)
    assert [m["note"] for m in marks[ids["trad"]]] == ["我的筆記"]
    assert [(m["id"], m["note"]) for m in marks[ids["simp"]]] == [(copy["id"], "他們改過")]


def test_ids_in_capitals_or_with_hyphens_are_the_same_bookmark(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = lib
    _, out, _ = run(capsys, "--library", folder, "bookmarks", "add", ids["trad"], "--block", "2")
    mine = out.split()[0]
    trad = blocks_of(capsys, folder, ids["trad"])
    hyphens = f"{mine[:8]}-{mine[8:12]}-{mine[12:16]}-{mine[16:20]}-{mine[20:]}".upper()
    edited = entry(hyphens, ids["trad"].upper(), 2, trad[2][:24], "在另一台電腦上寫的",
                   updated_at="2099-01-01T00:00:00Z")  # fmt: skip
    new_id = "ABCDEF0123456789ABCDEF0123456789"
    other = entry(new_id, ids["trad"], 5, trad[5][:24], "大寫的 id")
    path = bookmarks_file(tmp_path / "caps.json", [edited, other])
    code, out, err = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert code == ExitCode.OK, err
    assert out == "1 added, 1 updated, 0 already in the library\n"
    marks = listed(capsys, folder)[ids["trad"]]
    assert [(m["id"], m["note"]) for m in marks] == [
        (mine, "在另一台電腦上寫的"), (new_id.lower(), "大寫的 id"),
    ]  # fmt: skip
    # `remove` takes an id in any case, as a user may copy it from anywhere.
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "remove", "ABCDEF01")
    assert (code, out) == (ExitCode.OK, f"{new_id.lower()}  removed\n")
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "remove", hyphens[:13])
    assert (code, out) == (ExitCode.OK, f"{mine}  removed\n")


def test_remove_finds_capital_ids_an_older_import_stored(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, dict[str, str]]
) -> None:
    folder, ids = lib
    run(capsys, "--library", folder, "bookmarks", "add", ids["trad"])
    conn = sqlite3.connect(Path(folder) / DB_NAME)
    with conn:
        conn.execute("UPDATE bookmarks SET id = upper(id)")  # as the import stored them
    conn.close()
    [mark] = listed(capsys, folder)[ids["trad"]]
    code, out, err = run(capsys, "--library", folder, "bookmarks", "remove", str(mark["id"])[:8])
    assert (code, out) == (ExitCode.OK, f"{mark['id']}  removed\n"), err


# A record per line: what it holds, and what the refusal says.
BAD_RECORDS = [
    ('{"block": 1e308}', "block is not a block index"),
    ('{"block": -1}', "block is not a block index"),
    ('{"block": 1180591620717411303424}', "block is not a block index"),  # 2**70
    ('{"block": NaN}', "block is not a block index"),
    ('{"block": ' + "9" * 5000 + "}", "block is not a block index"),
    ('{"block": true}', "block is not a block index"),
    ('{"block": "3"}', "block is not a block index"),
    ('{"selection": [5, 2]}', "selection is not [start, end]"),
    ('{"selection": [0, 1180591620717411303424]}', "selection is not [start, end]"),
    ('{"selection": [0, Infinity]}', "selection is not [start, end]"),
    ('{"created_at": "99999-01-01T00:00:00Z"}', "created_at is not an ISO 8601 time"),
    ('{"created_at": "yesterday"}', "created_at is not an ISO 8601 time"),
    ('{"created_at": "0001-01-01T00:00:00+01:00"}', "created_at is not an ISO 8601 time"),
    ('{"updated_at": "9999-12-31T23:59:59-01:00"}', "updated_at is not an ISO 8601 time"),
    ('{"created_at": 1700000000}', "created_at is missing or not text"),
    ('{"note": "\\ud800"}', "note holds a lone surrogate (U+D800)"),
    ('{"quote": "\\udfff"}', "quote holds a lone surrogate (U+DFFF)"),
    ('{"article_title": "\\ud83d!"}', "article_title holds a lone surrogate"),
    ('{"note": 5}', "note is missing or not text"),
    ('{"note": ' + "[" * 500 + "]" * 500 + "}", "note is missing or not text"),
    ('{"orphaned": "yes"}', "orphaned is not true or false"),
    ('{"colour": "<img src=x>"}', "colour is not a #rrggbb colour"),
    ('{"article_id": "../../etc"}', "article_id is not an article id"),
    ('{"article_id": null}', "article_id is missing or not text"),
    ('{"id": 12}', "id is missing or not text"),
    ('{"id": " "}', "id is empty"),
]


def _bad(fields: str, n: int, aid: str) -> str:
    """A good record of the article with `fields` put over it, as raw JSON."""
    good = json.dumps(entry(f"{n:032x}", aid, None, "", f"壞的 {n}"), ensure_ascii=False)
    return good[:-1] + ", " + fields[1:]


def test_bad_records_are_each_named_and_the_good_ones_kept(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = lib
    trad = blocks_of(capsys, folder, ids["trad"])
    good = [entry(f"{900 + n:032x}", ids["trad"], n, trad[n][:24], f"好的 {n}") for n in (1, 3)]
    # Without a timezone: read as UTC. Years before 1000 keep four digits (they sort).
    good.append(entry("9" * 32, ids["trad"], None, "", "無時區", created_at="2024-05-01T08:00",
                      updated_at="0999-01-01T00:00:00Z"))  # fmt: skip
    raws = [_bad(fields, n, ids["trad"]) for n, (fields, _) in enumerate(BAD_RECORDS, 1)]
    raws += ["7", "[]", '"bookmark"']  # not objects at all
    path = bookmarks_file(tmp_path / "mixed.json", good, ",".join(raws))
    code, out, err = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert code == ExitCode.INPUT_FAILED
    bad = len(BAD_RECORDS) + 3
    assert out == f"3 added, 0 updated, 0 already in the library, {bad} not valid and left out\n"
    lines = err.splitlines()
    assert len(lines) == bad
    for n, (line, (_, reason)) in enumerate(zip(lines, BAD_RECORDS, strict=False), len(good) + 1):
        assert line.startswith(f"reader: {path}: bookmark {n}"), line
        assert reason in line and line.endswith("; left out"), line
    assert all(line.endswith(": not an object; left out") for line in lines[-3:])
    marks = listed(capsys, folder)[ids["trad"]]
    assert sorted(str(m["note"]) for m in marks) == ["好的 1", "好的 3", "無時區"]
    timeless = next(m for m in marks if m["note"] == "無時區")
    assert (timeless["created_at"], timeless["updated_at"]) == (
        "2024-05-01T08:00:00.000000Z", "0999-01-01T00:00:00.000000Z",
    )  # fmt: skip
    code, out, _ = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert out.startswith("0 added, 0 updated, 3 already in the library, ")


WHOLE_FILE = [
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
    ('{"format": "reader-bookmarks", "version": 1e308, "bookmarks": []}', "no valid version"),
    ('{"format": "reader-bookmarks", "version": NaN, "bookmarks": []}', "no valid version"),
    ('{"format": "reader-bookmarks", "version": 0, "bookmarks": []}', "no valid version"),
    (
        '{"format": "reader-bookmarks", "version": ' + "1" * 5000 + ', "bookmarks": []}',
        "no valid version",
    ),
    ('{"format": "reader-bookmarks", "version": 1, "bookmarks": {}}', "no list of bookmarks"),
    ('{"format": "reader-bookmarks", "version": 1, "bookmarks": [', "invalid JSON at line 1"),
]


@pytest.mark.parametrize(("content", "message"), WHOLE_FILE)
def test_a_file_that_is_no_bookmarks_file_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    lib: tuple[str, dict[str, str]],
    tmp_path: Path,
    content: str,
    message: str,
) -> None:
    folder, _ = lib
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--library", folder, "bookmarks", "import", str(path))
    assert (code, out) == (ExitCode.INPUT_FAILED, "")
    assert err.startswith(f"reader: {path}") and message in err and err.count("\n") == 1, err
    assert listed(capsys, folder) == {}


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_devices_fifos_and_huge_files_are_refused_without_reading_them(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, _ = lib
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:
        fh.truncate(101 * 2**20)  # sparse: 101 MB that take no disk
    for path, message in [
        (fifo, "is not a regular file"),
        (Path("/dev/zero"), "is not a regular file"),
        (huge, "is larger than 100 MB"),
    ]:
        code, out, err = run(capsys, "--library", folder, "bookmarks", "import", str(path))
        assert (code, out) == (ExitCode.INPUT_FAILED, ""), err
        assert err == f"reader: {path} {message}" + (
            "; nothing was imported\n" if "regular" in message else
            ", too large for a bookmarks file; nothing was imported\n"
        )  # fmt: skip


def test_the_bookmarks_beside_a_backup_import_back(
    capsys: pytest.CaptureFixture[str], lib: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = lib
    for aid, block, note in [
        (ids["trad"], "2", "一"),
        (ids["simp"], "4", "二"),
        (ids["trad"], "", "三"),
    ]:
        extra = ["--block", block] if block else []
        run(capsys, "--library", folder, "bookmarks", "add", aid, *extra, "--note", note)
    code, out, err = run(capsys, "--library", folder, "library", "backup")
    assert code == ExitCode.OK, err
    backup = Path(out.strip().removeprefix("backed up to "))
    beside = backup.with_name(f"bookmarks-{backup.name[len('library-') : -len('.sqlite3')]}.json")
    code, out, err = run(capsys, "--library", folder, "bookmarks", "import", str(beside))
    assert (code, out) == (ExitCode.OK, "0 added, 0 updated, 3 already in the library\n"), err
    other = str(tmp_path / "other")
    code, out, err = run(capsys, "--library", other, "bookmarks", "import", str(beside))
    assert (code, out) == (ExitCode.OK, "3 added, 0 updated, 0 already in the library\n"), err
    assert listed(capsys, other) == listed(capsys, folder)
