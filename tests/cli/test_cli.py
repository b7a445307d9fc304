"""The `reader` command: exit codes, output, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import ExitCode, main
from tests.cli.helpers import run

SEED_TITLE = "中聯部在主題教育期間深入開展調查研究"


def test_show_json_of_a_file_has_the_documented_fields(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "show", "--json", str(seed_file))
    assert code == ExitCode.OK
    data = json.loads(out)
    assert list(data) == [
        "id", "title", "section", "published", "source", "author", "editors", "script", "blocks",
    ]  # fmt: skip
    assert data["title"] == SEED_TITLE
    assert data["section"][:2] == ["中國共產黨新聞網", "黨建"]
    assert data["published"] == "2023-08-30T13:42"
    assert data["source"] == "旗幟網"
    assert data["author"] is None
    assert data["editors"] == ["王子鋒", "王珂園"]
    assert data["script"] == "traditional"
    assert [b["type"] for b in data["blocks"]].count("heading") == 3
    assert all(("level" in b) == (b["type"] == "heading") for b in data["blocks"])
    # parsed, not imported
    assert not (tmp_path / "reader-home").exists()


def test_import_list_and_show_by_id(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    lib = str(tmp_path / "lib")
    code, out, _ = run(capsys, "--library", lib, "import", str(seed_file.parent))
    assert code == ExitCode.OK
    assert out.startswith("1 added")
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    listing = json.loads(out)
    assert listing[0]["section"][:2] == ["中國共產黨新聞網", "黨建"]
    article_id = listing[0]["articles"][0]["id"]
    code, out, _ = run(capsys, "--library", lib, "show", article_id[:8])
    assert code == ExitCode.OK
    assert out.splitlines()[0] == SEED_TITLE
    assert out.splitlines()[2].startswith("2023-08-30 13:42 · ")  # the date as people write it
    code, out, _ = run(capsys, "--library", lib, "list")
    assert SEED_TITLE in out and article_id in out


def test_reader_home_is_the_default_library(
    capsys: pytest.CaptureFixture[str], seed_file: Path, _isolated_home: Path
) -> None:
    run(capsys, "import", str(seed_file))
    assert (_isolated_home / "library.sqlite3").is_file()


def test_failures_are_named_on_stderr_with_exit_1(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "import", str(seed_file), str(empty), str(tmp_path / "nope.txt"))
    assert code == ExitCode.INPUT_FAILED
    assert out.startswith("1 added")
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("nope.txt" in line and "no such file" in line for line in lines)


def test_unknown_reference_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "deadbeef")
    assert code == ExitCode.INPUT_FAILED
    assert "deadbeef" in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == ExitCode.USAGE
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == ExitCode.USAGE


def test_bad_library_file_is_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "library.sqlite3").write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, "--library", str(lib), "list")
    assert code == ExitCode.INPUT_FAILED
    assert "not an SQLite file" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["import", "list", "show"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "usage: reader" in capsys.readouterr().out


def test_installed_reader_command_runs(seed_file: Path) -> None:
    """The console script itself, as a user types it."""
    exe = Path(sys.executable).with_name("reader")
    result = subprocess.run(
        [str(exe), "show", "--json", str(seed_file)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == SEED_TITLE
