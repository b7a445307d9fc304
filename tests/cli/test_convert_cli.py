"""`reader convert` and `reader show --script`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import ExitCode, main
from tests.cli.helpers import run

SIMPLIFIED_TITLE = "中联部在主题教育期间深入开展调查研究"


def test_convert_file_to_simplified(capsys: pytest.CaptureFixture[str], seed_file: Path) -> None:
    code, out, err = run(capsys, "convert", "--to", "simplified", str(seed_file))
    assert code == ExitCode.OK, err
    lines = out.splitlines()
    assert lines[0].startswith("中国共产党新闻网>>党建>>中央和国家机关创建")
    assert SIMPLIFIED_TITLE in lines
    assert "党员干部" in out
    assert err == ""


def test_convert_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = "这个软件的信息\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(capsys, "convert", "--to", "twp", "-")
    assert code == ExitCode.OK
    assert out == "這個軟體的資訊\n"


def test_convert_stdin_in_a_subprocess(tmp_path: Path) -> None:
    # Big5 bytes on a real pipe, decoded like a file; the output is UTF-8 even
    # where Python's own stdout encoding would be ASCII.
    result = subprocess.run(
        [sys.executable, "-m", "reader", "convert", "--to", "s"],
        input="中聯部在主題教育期間深入開展調查研究\n".encode("big5"),
        capture_output=True,
        check=False,
        env={"READER_HOME": str(tmp_path), "PATH": "", "LANG": "C", "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == ExitCode.OK, result.stderr.decode()
    assert result.stdout.decode("utf-8") == SIMPLIFIED_TITLE + "\n"


def test_convert_gb18030_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes("中央和国家机关创建模范机关。软件和信息。\n".encode("gb18030"))
    code, out, _ = run(capsys, "convert", "--to", "taiwan", str(path))
    assert code == ExitCode.OK
    assert out == "中央和國家機關創建模範機關。軟件和信息。\n"
    code, out, _ = run(capsys, "convert", "--to", "hongkong", str(path))
    assert out == "中央和國家機關創建模範機關。軟件和信息。\n"


def test_convert_traditional_to_taiwan_phrases(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "trad.txt"
    path.write_text("這個軟件的信息在服務器上\n", encoding="utf-8")
    code, out, _ = run(capsys, "convert", "--to", "taiwan-phrases", str(path))
    assert code == ExitCode.OK
    assert out == "這個軟體的資訊在伺服器上\n"


def test_convert_unknown_mode_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], seed_file: Path
) -> None:
    code, out, err = run(capsys, "convert", "--to", "klingon", str(seed_file))
    assert code == ExitCode.USAGE
    assert out == ""
    assert err.count("\n") == 1 and "klingon" in err and "taiwan-phrases" in err


def test_convert_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "convert", "--to", "s", str(missing))
    assert code == ExitCode.INPUT_FAILED
    assert out == ""
    assert err.count("\n") == 1 and str(missing) in err


def test_convert_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, _, err = run(capsys, "convert", "--to", "s", str(path))
    assert code == ExitCode.INPUT_FAILED
    assert err.count("\n") == 1 and str(path) in err


def test_show_script_simplified_json(capsys: pytest.CaptureFixture[str], seed_file: Path) -> None:
    code, out, _ = run(capsys, "show", "--script", "simplified", "--json", str(seed_file))
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data["title"] == SIMPLIFIED_TITLE
    assert data["script"] == "simplified"
    assert data["section"][:2] == ["中国共产党新闻网", "党建"]
    assert data["editors"] == ["王子锋", "王珂园"]
    # The id is the original's: the converted view is the same article.
    code, out, _ = run(capsys, "show", "--json", str(seed_file))
    assert json.loads(out)["id"] == data["id"]


def test_show_script_text_and_bad_mode(capsys: pytest.CaptureFixture[str], seed_file: Path) -> None:
    code, out, _ = run(capsys, "show", "--script", "twp", str(seed_file))
    assert code == ExitCode.OK
    assert out.splitlines()[0] == "中聯部在主題教育期間深入開展調查研究"
    assert "中央和國家機關建立" in out  # s2twp's phrasing, through the t2s round trip
    code, _, err = run(capsys, "show", "--script", "nope", str(seed_file))
    assert code == ExitCode.USAGE
    assert "nope" in err


def test_convert_and_show_use_the_library_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.chinese.glossary import GlossaryEntry
    from reader.library import open_library
    from reader.library.glossary_store import GlossaryStore

    library = tmp_path / "lib"
    GlossaryStore(open_library(library)).replace_all([GlossaryEntry("创建", "創建")])
    source = tmp_path / "in.txt"
    source.write_text("我们创建了一个新的模范机关。", encoding="utf-8")
    assert main(["--library", str(library), "convert", "--to", "taiwan-phrases", str(source)]) == 0
    out = capsys.readouterr().out
    assert "創建" in out and "建立" not in out
    assert main(["convert", "--to", "taiwan-phrases", str(source)]) == 0  # another library
    assert "建立" in capsys.readouterr().out
