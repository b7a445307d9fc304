"""`reader export … -o -`: the export on standard output, as a pipe would take it."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from docx import Document

from reader.cli import ExitCode, main
from tests.cli.helpers import run


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_text_formats_go_to_standard_output_as_the_file_would_hold_them(
    capsys: pytest.CaptureFixture[str],
    seed_file: Path,
    tmp_path: Path,
    fmt: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkey_cwd = tmp_path / "cwd"
    monkey_cwd.mkdir()
    monkeypatch.chdir(monkey_cwd)
    code, out, err = run(capsys, "export", str(seed_file), "--format", fmt, "-o", "-")
    assert (code, err) == (ExitCode.OK, "")
    file = tmp_path / f"a.{fmt}"
    code, _, _ = run(capsys, "export", str(seed_file), "--format", fmt, "-o", str(file))
    assert code == ExitCode.OK
    assert out == file.read_text(encoding="utf-8")
    assert list(monkey_cwd.iterdir()) == []  # no file named "-"


def test_word_goes_to_standard_output_as_bytes(
    capsysbinary: pytest.CaptureFixture[bytes], seed_file: Path, tmp_path: Path
) -> None:
    code = main(["export", str(seed_file), "--format", "docx", "-o", "-"])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (ExitCode.OK, b"")
    document = Document(io.BytesIO(out))
    assert "中聯部" in "".join(p.text for p in document.paragraphs)


def test_pdf_goes_to_standard_output_as_bytes(
    capsysbinary: pytest.CaptureFixture[bytes], seed_file: Path
) -> None:
    code = main(["export", str(seed_file), "--format", "pdf", "-o", "-"])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (ExitCode.OK, b"")
    assert out.startswith(b"%PDF-") and out.rstrip().endswith(b"%%EOF")


def test_binary_formats_are_refused_on_a_terminal(
    capsys: pytest.CaptureFixture[str], seed_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leader, follower = os.openpty()
    terminal = io.TextIOWrapper(io.FileIO(follower, "w"), encoding="utf-8")
    try:
        monkeypatch.setattr(sys, "stdout", terminal)
        for fmt in ("pdf", "docx"):
            code = main(["export", str(seed_file), "--format", fmt, "-o", "-"])
            err = capsys.readouterr().err
            assert code == ExitCode.USAGE
            assert err.count("\n") == 1 and "terminal" in err, err
        os.set_blocking(leader, False)
        with pytest.raises(BlockingIOError):
            os.read(leader, 100)  # nothing was written to the terminal
    finally:
        terminal.close()
        os.close(leader)


def test_a_section_cannot_go_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--section", "x", "--format", "md", "-o", "-")
    assert code == ExitCode.USAGE and out == "" and err.count("\n") == 1
