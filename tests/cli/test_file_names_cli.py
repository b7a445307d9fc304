"""File names that are not UTF-8 (GBK names from a Windows zip) import like any other."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli import ExitCode
from tests.cli.helpers import run

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes"
)

# A first line too long to be a title: the title falls back to the file name.
LONG_FIRST_LINE = "这一行很长，" * 20


def _create(path: bytes, text: str) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o644)
    os.write(fd, text.encode("utf-8"))
    os.close(fd)


@pytest.fixture
def zip_folder(tmp_path: Path) -> Path:
    """As a Windows zip unpacks: folder 国内 and files 中文.txt, 空.txt in GBK, 新聞.txt in
    Big5; and a Latin-1 name, and one in no encoding at all."""
    root = tmp_path / "unzipped"
    root.mkdir()
    base = os.fsencode(root)
    Path(os.fsdecode(base + "/国内".encode("gbk"))).mkdir()
    _create(base + "/国内/中文.txt".encode("gbk"), f"{LONG_FIRST_LINE}\n\n第一篇的正文。\n")
    _create(base + "/新聞.txt".encode("big5"), f"{LONG_FIRST_LINE}\n\n第二篇的正文。\n")
    _create(base + "/空.txt".encode("gbk"), "")  # fails: its name must still print
    _create(base + b"/\xff\xfe.txt", "短标题\n\n第三篇的正文。\n")  # no encoding at all
    # Latin-1 decodes strictly as GB18030 too ("M黮ler"): shown as it is, not guessed.
    _create(base + "/Müller.txt".encode("latin-1"), f"{LONG_FIRST_LINE}\n\n第四篇的正文。\n")
    return root


def test_names_that_are_not_utf8_import_and_the_rest_go_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, zip_folder: Path
) -> None:
    lib = str(tmp_path / "lib")
    code, out, err = run(capsys, "--library", lib, "import", str(zip_folder))
    assert code == ExitCode.INPUT_FAILED  # the empty file, and only it
    assert out.startswith("4 added, 0 updated, 0 already in the library, 1 failed")
    # The failing name is shown with U+FFFD for each byte that is not UTF-8.
    assert err == f"reader: {zip_folder}/\ufffd\ufffd.txt: empty file\n"

    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    assert code == ExitCode.OK
    listing = {tuple(s["section"]): [a["title"] for a in s["articles"]] for s in json.loads(out)}
    # Titles and sections read the GBK and Big5 names as what they say.
    assert listing == {
        ("unzipped",): sorted(["M\ufffdller", "新聞", "短标题"]),
        ("unzipped", "国内"): ["中文"],
    }

    conn = sqlite3.connect(Path(lib, "library.sqlite3"))
    origins = sorted(str(r[0]) for r in conn.execute("SELECT origin_path FROM articles"))
    conn.close()
    # The stored origin is text: every byte that is not UTF-8 is U+FFFD, never a guess.
    assert origins == sorted(
        [
            f"{zip_folder}/\ufffd\ufffd\ufffd\ufffd/\ufffd\ufffd\ufffd\ufffd.txt",
            f"{zip_folder}/\ufffds\ufffdD.txt",  # 新聞 in Big5: B7 73 BB 44
            f"{zip_folder}/\ufffd\ufffd.txt",
            f"{zip_folder}/M\ufffdller.txt",
        ]
    )


def test_show_json_of_a_file_with_a_gbk_name(
    capsys: pytest.CaptureFixture[str], zip_folder: Path
) -> None:
    path = os.fsdecode(os.fsencode(zip_folder) + "/国内/中文.txt".encode("gbk"))
    code, out, err = run(capsys, "show", "--json", path)
    assert code == ExitCode.OK, err
    assert json.loads(out)["title"] == "中文"
    code, out, err = run(capsys, "show", os.fsdecode(os.fsencode(zip_folder) + b"/\xff\xfe.txt"))
    assert code == ExitCode.OK and out.startswith("短标题\n")
