"""`reader export … -o PATH`: where the file goes, and names a terminal cannot print."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from docx import Document

from reader.cli import ExitCode
from tests.cli.helpers import run

SEED_TITLE = "中聯部在主題教育期間深入開展調查研究"


def export(capsys: pytest.CaptureFixture[str], source: Path, output: str) -> tuple[int, str, str]:
    return run(capsys, "export", str(source), "--format", "md", "-o", output)


def test_a_trailing_slash_means_a_folder_and_a_missing_one_is_created(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    for given in ("missing-folder/", "new/and/nested/"):
        code, out, err = export(capsys, seed_file, f"{tmp_path}/{given}")
        assert code == ExitCode.OK, err
        folder = tmp_path / given.rstrip("/")
        assert folder.is_dir()  # a folder, not a file named like one
        assert [p.name for p in folder.iterdir()] == [f"{SEED_TITLE}.md"]
        assert out == f"{folder.resolve() / f'{SEED_TITLE}.md'}\n"
    # Again into the same folder: the file is there, never overwritten.
    code, _, err = export(capsys, seed_file, f"{tmp_path}/missing-folder/")
    assert code == ExitCode.INPUT_FAILED and "exists; not overwritten" in err


def test_an_existing_folder_without_a_slash_gets_the_file_inside(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    link = tmp_path / "link-to-exports"
    link.symlink_to(folder)
    code, out, err = export(capsys, seed_file, str(folder))
    assert code == ExitCode.OK, err
    assert out == f"{folder / f'{SEED_TITLE}.md'}\n"
    code, out, err = run(capsys, "export", str(seed_file), "--format", "txt", "-o", str(link))
    assert code == ExitCode.OK, err
    assert sorted(p.name for p in folder.iterdir()) == [f"{SEED_TITLE}.md", f"{SEED_TITLE}.txt"]
    assert link.is_symlink()


@pytest.mark.parametrize(
    ("make", "given", "message"),
    [
        ("file", "taken/", "taken/: not a folder (a file of that name exists)"),
        (None, "nowhere/out.md", "nowhere/out.md: no folder"),
        ("file", "taken/sub/", "taken/sub/: the folder cannot be created (Not a directory)"),
    ],
)
def test_a_folder_that_cannot_be_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    seed_file: Path,
    tmp_path: Path,
    make: str | None,
    given: str,
    message: str,
) -> None:
    if make == "file":
        (tmp_path / "taken").write_text("keep me", encoding="utf-8")
    code, out, err = export(capsys, seed_file, f"{tmp_path}/{given}")
    assert (code, out) == (ExitCode.INPUT_FAILED, "")
    assert err.startswith(f"reader: {tmp_path / given.rstrip('/')}") and err.count("\n") == 1
    assert message in err
    if make == "file":
        assert (tmp_path / "taken").read_text(encoding="utf-8") == "keep me"


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_a_folder_whose_name_is_not_utf8_is_printed_with_replacement_characters(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    gbk = os.fsdecode(str(tmp_path).encode() + b"/\xd6\xd0\xce\xc4/")  # 中文 in GBK
    code, out, err = export(capsys, seed_file, gbk)
    assert code == ExitCode.OK, err
    assert out == f"{tmp_path.resolve()}/\ufffd\ufffd\ufffd\ufffd/{SEED_TITLE}.md\n"
    assert (Path(gbk) / f"{SEED_TITLE}.md").is_file()


def test_word_export_of_a_title_over_255_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    title = ("長標題𠮷" * 80)[:280]
    source = tmp_path / "long.md"
    source.write_text(f'---\ntitle: "{title}"\n---\n\n第一段。\n', encoding="utf-8")
    target = tmp_path / "long.docx"
    code, out, err = run(capsys, "export", str(source), "--format", "docx", "-o", str(target))
    assert (code, out) == (ExitCode.OK, f"{target}\n"), err
    word = Document(str(target))
    assert word.paragraphs[0].text == title
    assert title.startswith(word.core_properties.title.removesuffix("…"))
