"""`reader FILE…`: files on the command line start the app with them; commands and
usage errors are untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import ExitCode
from reader.launch import main, split_files


def test_files_are_split_from_the_apps_options(tmp_path: Path) -> None:
    article = tmp_path / "文章.txt"
    article.write_text("x", encoding="utf-8")
    rest, files = split_files(["--library", "lib", str(article), "--theme", "dark", "b.md"])
    assert rest == ["--library", "lib", "--theme", "dark"]
    assert files == [article, Path("b.md")]
    # An option's value is never taken for a file, even abbreviated.
    assert split_files(["--lib", "my.lib", "a.txt"]) == (["--lib", "my.lib"], [Path("a.txt")])
    # After --, everything is a file, even a name like a command.
    assert split_files(["--", "import"]) == ([], [Path("import")])


def test_commands_and_unknown_words_reach_the_parser_unchanged(tmp_path: Path) -> None:
    for argv in (["import", "a.txt"], ["--library", "x", "list"], ["frobnicate"], []):
        assert split_files(argv) == (argv, [])


def test_a_file_with_a_command_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--json", "a.txt"])
    assert exc.value.code == ExitCode.USAGE


def test_files_and_screenshot_together_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--screenshot", str(tmp_path / "s.png"), str(tmp_path / "a.txt")])
    assert code == ExitCode.USAGE
    assert "--screenshot" in capsys.readouterr().err
    assert not (tmp_path / "s.png").exists()
