"""The app's start reads its options without argparse (reader.cli.app_options); what
it reads must be what the full parser gives, and everything else must reach the
parser (its help, its version, its usage errors)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.app_options import app_options
from reader.cli.parser import build_parser

APP_FIELDS = ("command", "library", "screenshot", "open", "theme", "size")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--library", "/tmp/lib"],
        ["--library=/tmp/lib"],
        ["--library", "relative/lib", "--size", "1280x800"],
        ["--theme", "dark", "--open", "4872f4ff"],
        ["--screenshot", "shot.png", "--theme=sepia", "--size=800x600"],
        ["--library", "a", "--library", "b"],  # the last one wins, as in argparse
        ["--library="],
        ["--open", "中聯部"],
    ],
)
def test_the_options_read_are_the_parsers(argv: list[str]) -> None:
    quick = app_options(argv)
    assert quick is not None
    full = build_parser().parse_args(argv)
    assert {f: getattr(quick, f) for f in APP_FIELDS} == {f: getattr(full, f) for f in APP_FIELDS}


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["list"],
        ["import", "a.txt"],
        ["--lib", "x"],  # an abbreviation: argparse's to accept
        ["--library"],  # no value: the parser's usage error
        ["--library", "--size", "800x600"],
        ["--theme", "purple"],  # not a choice
        ["--json"],
        ["--screenshot", "a.png", "extra"],
    ],
)
def test_anything_else_is_left_to_the_parser(argv: list[str]) -> None:
    assert app_options(argv) is None


def test_a_start_of_the_app_never_builds_the_parser(tmp_path: Path) -> None:
    # What `reader --library DIR` imports before it hands over to the app.
    code = (
        "import sys\n"
        "import reader.cli as cli\n"
        "seen = {}\n"
        "cli.main(['--library', sys.argv[1]], start_app=lambda a: seen.setdefault('a', a) and 0)\n"
        "print('reader.cli.parser' in sys.modules, seen['a'].library)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", str(tmp_path)]


def test_a_bad_option_still_gets_the_parsers_message(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--theme", "purple"], start_app=lambda a: 0)
    assert exit_.value.code == 2
    assert "invalid choice: 'purple'" in capsys.readouterr().err
