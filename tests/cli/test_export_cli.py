"""`reader export`: files and library articles, sections, never overwriting, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from reader.cli import ExitCode
from tests.cli.helpers import run

SEED_TITLE = "中聯部在主題教育期間深入開展調查研究"
SIMPLIFIED_TITLE = "中联部在主题教育期间深入开展调查研究"


@pytest.fixture
def library(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_text: str) -> tuple[str, str]:
    """A library holding the seed and a second article in the same section; (dir, seed id)."""
    folder = tmp_path / "to-import"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    (folder / "other.txt").write_text(
        seed_text.replace("取得良好成效", "成效顯著"), encoding="utf-8"
    )
    lib = str(tmp_path / "lib")
    code, _, err = run(capsys, "--library", lib, "import", str(folder))
    assert code == ExitCode.OK, err
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    ids = [a["id"] for s in json.loads(out) for a in s["articles"]]
    return lib, ids[0]


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx"])
def test_export_a_file_to_each_format(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "export", str(seed_file), "--format", fmt, "-o", str(target))
    assert code == ExitCode.OK, err
    assert out.strip() == str(target)
    assert target.stat().st_size > 1000
    assert not (tmp_path / "reader-home").exists()  # a file exported as it is: no library


def test_export_into_a_folder_uses_a_safe_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text("../../CON?.md\n\n<script>alert(1)</script>第一段。\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = run(capsys, "export", str(source), "--format", "html", "-o", str(folder))
    assert code == ExitCode.OK, err
    written = Path(out.strip())
    assert written.parent == folder.resolve()
    assert written.name == "_._CON_.md.html"
    assert "<script>" not in written.read_text(encoding="utf-8")


def test_default_target_is_the_current_folder(
    capsys: pytest.CaptureFixture[str],
    seed_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", str(seed_file), "--format", "md", "--script", "s")
    assert code == ExitCode.OK
    assert Path(out.strip()) == tmp_path.resolve() / f"{SIMPLIFIED_TITLE}.md"


def test_an_existing_file_is_never_overwritten(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "export", str(seed_file), "--format", "txt", "-o", str(target))
    assert code == ExitCode.INPUT_FAILED
    assert out == "" and "exists" in err and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "mine"


def test_script_bilingual_and_bom(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "bi.txt"
    code, _, err = run(
        capsys, "export", str(seed_file), "--format", "txt", "--script", "simplified",
        "--bilingual", "--bom", "-o", str(target),
    )  # fmt: skip
    assert code == ExitCode.OK, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").startswith(f"{SEED_TITLE}\n{SIMPLIFIED_TITLE}\n")


def test_a_translators_bilingual_word_file(
    capsys: pytest.CaptureFixture[str], seed_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "bi.docx"
    code, _, err = run(
        capsys, "export", str(seed_file), "--format", "docx", "--script", "simplified",
        "--bilingual", "-o", str(target),
    )  # fmt: skip
    assert code == ExitCode.OK, err
    (table,) = Document(str(target)).tables
    assert (table.rows[1].cells[0].text, table.rows[1].cells[1].text) == (
        SEED_TITLE,
        SIMPLIFIED_TITLE,
    )


def test_notes_and_corrections_come_from_the_library(
    capsys: pytest.CaptureFixture[str], library: tuple[str, str], tmp_path: Path
) -> None:
    from reader.library import ArticleStore, open_library
    from reader.library.corrections import Correction, CorrectionStore

    lib, article_id = library
    conn = open_library(Path(lib))
    article = ArticleStore(conn).get(article_id)
    assert article is not None
    index = next(i for i, b in enumerate(article.blocks) if "干部" in b.text)
    start = article.blocks[index].text.index("干部")
    CorrectionStore(conn).accept(article_id, [Correction(index, start, "干部", "幹部")])
    try:
        from reader.library.bookmarks import BookmarkStore
    except ModuleNotFoundError:
        has_bookmarks = False
    else:
        has_bookmarks = True
        BookmarkStore(conn).add(article, 1, note="譯者注意")
    conn.close()
    target = tmp_path / "c.md"
    code, _, err = run(
        capsys, "--library", lib, "export", article_id[:8], "--format", "md", "--corrected",
        "--with-notes", "-o", str(target),
    )  # fmt: skip
    assert code == ExitCode.OK, err
    text = target.read_text(encoding="utf-8")
    from reader.importers.markdown import parse_markdown

    corrected = parse_markdown(text).blocks[index].text
    assert corrected[start : start + 2] == "幹部"
    assert corrected[:start] == article.blocks[index].text[:start]
    if has_bookmarks:
        assert "[^1]: 「" in text and "譯者注意" in text


def test_export_a_section_numbers_clashing_names(
    capsys: pytest.CaptureFixture[str], library: tuple[str, str], tmp_path: Path
) -> None:
    lib, _ = library
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    (leaf,) = [s["section"] for s in json.loads(out)]
    out_dir = tmp_path / "section"
    out_dir.mkdir()
    (out_dir / f"{SEED_TITLE}.md").write_text("already here", encoding="utf-8")
    code, out, err = run(
        capsys, "--library", lib, "export", "--section", leaf[-1], "--format", "md",
        "-o", str(out_dir),
    )  # fmt: skip
    assert code == ExitCode.OK, err
    written = [Path(line) for line in out.splitlines()]
    assert sorted(p.name for p in written) == [f"{SEED_TITLE} (2).md", f"{SEED_TITLE} (3).md"]
    assert all(p.parent == out_dir.resolve() for p in written)
    assert (out_dir / f"{SEED_TITLE}.md").read_text(encoding="utf-8") == "already here"


def test_export_a_parent_section_by_path_into_sub_folders(
    capsys: pytest.CaptureFixture[str], library: tuple[str, str], tmp_path: Path
) -> None:
    lib, _ = library
    out_dir = tmp_path / "new" / "folder"
    code, out, err = run(
        capsys, "--library", lib, "export", "--section", "中國共產黨新聞網 / 黨建",
        "--format", "txt", "-o", str(out_dir),
    )  # fmt: skip
    assert code == ExitCode.OK, err
    written = sorted(Path(line) for line in out.splitlines())
    assert [p.name for p in written] == [f"{SEED_TITLE} (2).txt", f"{SEED_TITLE}.txt"]
    (sub,) = {p.parent for p in written}
    assert sub.parent == out_dir.resolve()
    assert sub.name.startswith("中央和國家機關創建")


def test_export_usage_errors(
    capsys: pytest.CaptureFixture[str], seed_file: Path, library: tuple[str, str]
) -> None:
    lib, _ = library
    code, _, err = run(capsys, "export", "--format", "md")
    assert code == ExitCode.USAGE and "REF" in err
    code, _, err = run(capsys, "export", str(seed_file), "--format", "md", "--script", "klingon")
    assert code == ExitCode.USAGE and "unknown script" in err
    code, _, err = run(capsys, "--library", lib, "export", "--section", "沒有", "--format", "md")
    assert code == ExitCode.INPUT_FAILED and "no such section" in err
    code, _, err = run(capsys, "export", "ffffffffffff", "--format", "md")
    assert code == ExitCode.INPUT_FAILED and "no such file" in err


def test_text_formats_never_load_qt(seed_file: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from reader.cli import main\n"
        "codes = [int(main([sys.argv[1], 'export', sys.argv[2], '--format', f, '--script', 's',"
        " '--bilingual', '--with-notes', '-o', sys.argv[3] + '/x.' + f]))"
        " for f in ('md', 'html', 'txt', 'docx')]\n"
        "print(codes, 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "--library=" + str(tmp_path / "lib"), str(seed_file),
         str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[0, 0, 0, 0] False"


def test_export_a_section_of_an_old_very_deep_library_is_one_line_not_memory(
    tmp_path: Path,
) -> None:
    """An older Reader stored breadcrumbs whole: a chain of 300,000 sections. Exporting
    one of them neither builds every path of the chain (memory) nor recurses; the
    first folder the system cannot make is one line. Run in a child process with a
    memory cap and a timeout, so a regression fails instead of eating the machine."""
    from tests.cli.test_reading_limits_cli import _cap_memory
    from tests.deep_library import level, write_deep_library

    lib = tmp_path / "deep"
    write_deep_library(lib, 300_000).close()

    def export(section: str, out: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(lib), "export", "--section",
             section, "--format", "txt", "-o", str(out)],
            capture_output=True, text=True, timeout=120, check=False, preexec_fn=_cap_memory,
        )  # fmt: skip

    deepest = export(level(299_990), tmp_path / "out")
    assert deepest.returncode == ExitCode.OK, deepest.stderr
    assert len(list((tmp_path / "out").rglob("*.txt"))) == 1  # the deepest article
    top = export(f"{level(5)} / {level(6)}", tmp_path / "from-the-top")
    assert top.returncode == ExitCode.INPUT_FAILED
    assert top.stderr.count("\n") == 1 and "cannot be created" in top.stderr
