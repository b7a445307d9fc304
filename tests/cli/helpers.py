"""Running `reader` in-process, as the command line tests do."""

from __future__ import annotations

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `reader ARGV...`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
