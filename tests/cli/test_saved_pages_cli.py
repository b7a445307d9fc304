"""`reader show --json` and `reader import` for every format; progress and hostile pages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.cli.progress import Progress
from tests.cli.helpers import run
from tests.mhtml import make_mhtml
from tests.unit.test_saved_pages import PAGE


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder as staff keep it: a page, its archive, a complete page with its
    _files folder, a Markdown digest, a text file, and one hostile page."""
    folder = tmp_path / "saved"
    folder.mkdir()
    page = PAGE.encode("gb18030")
    (folder / "page.html").write_bytes(page)
    (folder / "page.mhtml").write_bytes(make_mhtml(page, "gb2312"))
    (folder / "complete.htm").write_bytes(page.replace("中联部".encode("gb18030"), b"ZLB"))
    (folder / "complete_files").mkdir()
    (folder / "complete_files" / "ad.html").write_text("<html><body>广告</body></html>")
    (folder / "digest.md").write_text("# 《新闻联播》 (20231001)\n\n正文第一段。\n", "utf-8")
    (folder / "note.txt").write_text("标题\n\n正文第一段。\n", "utf-8")
    (folder / "hostile.html").write_text("<html><body>" + "<div>" * 5000 + "</body></html>")
    return folder


def test_show_json_is_the_same_for_a_page_and_its_archive(
    capsys: pytest.CaptureFixture[str], pages: Path
) -> None:
    shown = []
    for name in ("page.html", "page.mhtml"):
        code, out, _ = run(capsys, "show", "--json", str(pages / name))
        assert code == 0
        shown.append(json.loads(out))
    assert shown[0] == shown[1]
    assert shown[0]["title"] == "中联部在主题教育期间深入开展调查研究"
    assert shown[0]["published"] == "2023-08-30T13:42"
    assert shown[0]["editors"] == ["王子锋", "王珂园"]


def test_import_of_a_folder_of_saved_pages(
    capsys: pytest.CaptureFixture[str], pages: Path, tmp_path: Path
) -> None:
    lib = str(tmp_path / "lib")
    code, out, err = run(capsys, "--library", lib, "import", str(pages))
    assert code == 1  # the hostile page, and only it
    assert err.strip().splitlines() == [
        f"reader: {pages / 'hostile.html'}: nested deeper than the limit of 100 levels"
    ]
    # page.html and page.mhtml are one article; the _files folder is not imported.
    assert out.strip().splitlines()[-1] == (
        "4 added, 1 updated, 0 already in the library, 1 failed"
    )
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    titles = sorted(a["title"] for s in json.loads(out) for a in s["articles"])
    assert titles == sorted(
        ["中联部在主题教育期间深入开展调查研究", "ZLB在主题教育期间深入开展调查研究",
         "《新闻联播》 (20231001)", "标题"]
    )  # fmt: skip
    sections = [s["section"] for s in json.loads(out)]
    assert ["人民网", "党建"] in sections  # the page's breadcrumb


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter(float(t) for t in range(0, 100, 1))
    monkeypatch.setattr("reader.cli.progress.time.monotonic", lambda: next(clock))
    stream = io.StringIO()
    bar = Progress(100, stream, terminal=True)
    bar.update(50)
    bar.clear()
    assert stream.getvalue().startswith("\r[############............] 50/100 files")
    assert "left" in stream.getvalue() and stream.getvalue().endswith("\r\x1b[K")
    plain = io.StringIO()
    lines = Progress(100, plain, terminal=False)
    for done in range(0, 100, 10):
        lines.update(done)
    written = plain.getvalue().splitlines()
    assert written and all("/100 files" in line and "\r" not in line for line in written)
    assert len(written) < 10  # a line every few seconds, not one per file
