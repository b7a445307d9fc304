"""PDF export, checked as a reader of the file would: pdftotext, pdfinfo, pdffonts (traps #6).

Every exported paragraph must copy out exactly, with no Kangxi-radical look-alikes,
on the sample, its Simplified conversion, a Hong Kong export, a bilingual one with
notes, and a hostile article.
"""

from __future__ import annotations

import errno
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.chinese.convert import ScriptConverter, ScriptMode
from reader.domain import Article, Block, Bookmark, Script
from reader.export import atomic, pdf_fonts
from reader.export import pdf as pdf_module
from reader.export.options import ExportDocument, ExportOptions, prepare
from reader.export.pdf import BOTTOM_MARGIN, PAGE_SIZES, TOP_MARGIN, write_pdf
from reader.importers import Importer
from tests.conftest import require


@pytest.fixture(autouse=True)
def _pdftotext() -> None:
    """Every test here reads the PDF back as a reader would copy it out."""
    require(shutil.which("pdftotext") is not None, "pdftotext (Debian: poppler-utils)")


SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "resources/samples/01-zhonglianbu-research-traditional.txt"
)
RADICALS_RE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
# The 214 ideographs whose glyph a Kangxi radical shares (文 = ⽂ …), found by NFKC.
KANGXI_TWINS = "".join(unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6))
SIMPLIFIED = ScriptMode.SIMPLIFIED
# Glyphs other code points share in Noto CJK, characters beyond the BMP (Ext. B, HKSCS).
TRICKY = "～／–‧〈書〉——……“引”・①  𠮷𡘙𨋢𠝹"


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def compact(text: str) -> str:
    """No whitespace (line wraps) and no control characters (never drawn)."""
    return "".join(ch for ch in "".join(text.split()) if unicodedata.category(ch) != "Cc")


def body_text(path: Path, page: str) -> str:
    """The text between the running title and the page number (they sit in the margins,
    and would otherwise interrupt a paragraph that runs onto the next page)."""
    width, height = PAGE_SIZES[page]
    top, bottom = int(TOP_MARGIN) - 12, int(height - BOTTOM_MARGIN) + 12
    return run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", str(top), "-W", str(int(width)),
               "-H", str(bottom - top), str(path), "-")  # fmt: skip


Exports = dict[str, tuple[ExportDocument, Path]]


def pages(path: Path) -> int:
    found = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(path)), re.M)
    assert found
    return int(found.group(1))


def texts_of(article: Article) -> list[str]:
    from reader.render import meta_line

    return [article.title, meta_line(article), *(b.text for b in article.blocks)]


def shown_as(article: Article, mode: ScriptMode) -> Article:
    """The article as `mode` shows it, worked out with the bare OpenCC binding one
    text at a time, never with prepare() or ScriptConverter (the code under test)."""
    if mode is ScriptMode.ORIGINAL:
        return article
    import dataclasses

    import opencc

    assert article.script is Script.TRADITIONAL
    text = opencc.OpenCC({SIMPLIFIED: "t2s", ScriptMode.HONG_KONG: "t2hk"}[mode]).convert
    return dataclasses.replace(
        article,
        script=Script.SIMPLIFIED if mode is SIMPLIFIED else Script.TRADITIONAL,
        title=text(article.title),
        section_path=tuple(text(p) for p in article.section_path),
        source=None if article.source is None else text(article.source),
        editors=tuple(text(e) for e in article.editors),
        blocks=tuple(dataclasses.replace(b, text=text(b.text)) for b in article.blocks),
    )


def assert_copies_out(
    path: Path, page: str, shown: Article, original: Article | None = None
) -> None:
    full = run("pdftotext", "-enc", "UTF-8", str(path), "-")
    assert not RADICALS_RE.findall(full), "Kangxi-radical look-alikes in the copied text"
    body = compact(body_text(path, page))
    texts = texts_of(shown)
    if original is not None:  # the original side: title and blocks (one meta line serves both)
        texts += [original.title, *(b.text for b in original.blocks)]
    for text in texts:
        assert compact(text) in body, f"not copied out exactly: {text[:40]!r}"


@pytest.fixture(scope="module")
def converter() -> ScriptConverter:
    return ScriptConverter(Converters())


@pytest.fixture(scope="module")
def sample() -> Article:
    return Importer(Converters()).parse_file(SAMPLE)


def export_cases(sample: Article) -> dict[str, tuple[Article, ExportOptions, list[Bookmark]]]:
    """The articles exported, each with its options and bookmarks."""
    mark = Bookmark(id="b1", article_id=sample.id, block=2, quote=sample.blocks[2].text[:6],
                    note="值得一讀")  # fmt: skip
    tricky = Article(
        id="t", title="部首與罕用字", script=Script.TRADITIONAL,
        blocks=(Block.paragraph(KANGXI_TWINS), Block.paragraph(TRICKY)),
    )  # fmt: skip
    hostile = Article(
        id="h",
        title="../../CON?.md" + "標題" * 100,
        script=Script.SIMPLIFIED,
        source='<link href="file:///etc/passwd">',
        blocks=(
            Block.heading('<img src="/dev/zero">'),
            Block.paragraph('<img src="/dev/zero"> <script>alert(1)</script> 正文'),
            Block.paragraph("file:///etc/passwd http://example.com/a.png " + "x" * 300),
            Block.paragraph("\x00控制\x07字符\t和\n換行"),
        ),
    )
    return {
        "traditional": (sample, ExportOptions("pdf", notes=True), [mark]),
        "simplified": (sample, ExportOptions("pdf", script=SIMPLIFIED, page="letter"), []),
        "bilingual": (sample, ExportOptions("pdf", script=SIMPLIFIED, bilingual=True), []),
        "hongkong": (tricky, ExportOptions("pdf", script=ScriptMode.HONG_KONG), []),
        "hostile": (hostile, ExportOptions("pdf"), []),
    }  # fmt: skip


@pytest.fixture(scope="module")
def exported(
    sample: Article, converter: ScriptConverter, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[ExportDocument, Path]]:
    """Each export is written once (fpdf2 takes a few seconds to subset CJK fonts)."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, (article, options, marks) in export_cases(sample).items():
        doc = prepare(article, options, converter, bookmarks=marks)
        path = folder / f"{name}.pdf"
        write_pdf(doc, path)
        out[name] = (doc, path)
    return out


@pytest.fixture(scope="module")
def expected(sample: Article) -> dict[str, tuple[Article, Article | None]]:
    """What each export must show (and, bilingual, its original side), from the
    source articles and the modes asked for, independently of prepare()."""
    source = {name: case[0] for name, case in export_cases(sample).items()}
    return {
        "traditional": (source["traditional"], None),
        "simplified": (shown_as(source["simplified"], SIMPLIFIED), None),
        "bilingual": (shown_as(source["bilingual"], SIMPLIFIED), source["bilingual"]),
        "hongkong": (shown_as(source["hongkong"], ScriptMode.HONG_KONG), None),
        "hostile": (source["hostile"], None),
    }


@pytest.mark.parametrize("name", ["traditional", "simplified", "bilingual", "hongkong", "hostile"])
def test_every_paragraph_copies_out_exactly(
    name: str, exported: Exports, expected: dict[str, tuple[Article, Article | None]]
) -> None:
    doc, path = exported[name]
    shown, original = expected[name]
    assert_copies_out(path, doc.options.page, shown, original)


def test_kangxi_twins_and_characters_beyond_the_bmp_copy_out(
    exported: Exports, expected: dict[str, tuple[Article, Article | None]]
) -> None:
    _doc, path = exported["hongkong"]
    text = compact(run("pdftotext", "-enc", "UTF-8", str(path), "-"))
    twins, tricky = (b.text for b in expected["hongkong"][0].blocks)  # as converted for HK
    assert len(twins) == 214 and not RADICALS_RE.search(twins) and twins in text
    assert "𠮷𡘙𨋢𠝹" in tricky and compact(tricky) in text


def test_notes_appendix_and_marks(exported: Exports, sample: Article) -> None:
    _doc, path = exported["traditional"]
    text = compact(body_text(path, "a4"))
    assert "Notes" in text and "值得一讀" in text and "[1]" in text
    assert compact(sample.blocks[2].text) + "[1]" in text


def test_page_size_count_and_numbers(
    exported: Exports, expected: dict[str, tuple[Article, Article | None]]
) -> None:
    for name, size in (
        ("traditional", "595.28 x 841.89 pts (A4)"),
        ("simplified", "612 x 792 pts (letter)"),
    ):
        _doc, path = exported[name]
        shown = expected[name][0]
        assert size in run("pdfinfo", str(path))
        count = pages(path)
        chars = sum(len(compact(t)) for t in texts_of(shown))
        # ~38 characters a line, ~30 lines a page: right to within a factor of two.
        assert chars / 2300 <= count <= chars / 500 + 1
        for number in range(1, count + 1):
            page = run(
                "pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(path), "-"
            )
            assert f"{number}/{count}" in compact(page)
            if number > 1:  # the running title
                assert compact(shown.title)[:10] in compact(page)


def test_fonts_embedded_and_chosen_per_script(exported: Exports) -> None:
    expected = {"traditional": "TC", "simplified": "SC", "hongkong": "HK", "hostile": "SC"}
    for name, variant in expected.items():
        rows = run("pdffonts", str(exported[name][1])).splitlines()[2:]
        assert rows
        for row in rows:
            fields = row.split()
            assert fields[-5] == "yes", row  # emb
            assert f"CJK{variant}" in fields[0] and "JP" not in fields[0], row


def test_hostile_article_is_only_text(exported: Exports) -> None:
    _doc, path = exported["hostile"]
    raw = path.read_bytes()
    # No link, action, attachment or image: the markup in it is text, nothing more.
    for action in (b"/URI", b"/Launch", b"/JavaScript", b"/EmbeddedFile", b"/XObject"):
        assert action not in raw


def test_title_is_the_documents_title(exported: Exports, sample: Article) -> None:
    _doc, path = exported["traditional"]
    assert f"Title:           {sample.title}" in run("pdfinfo", str(path))


def test_existing_file_is_refused(sample: Article, tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    doc = prepare(sample, ExportOptions("pdf"), None)
    with pytest.raises(FileExistsError):
        write_pdf(doc, target)
    assert target.read_bytes() == b"old"


def test_failed_render_leaves_the_old_file(
    sample: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def broken(*_args: object) -> bytes:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf_module, "render_pdf", broken)
    with pytest.raises(atomic.ExportError, match="layout failed"):
        write_pdf(prepare(sample, ExportOptions("pdf"), None), target, overwrite=True)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_full_disk_leaves_no_partial_file(
    sample: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf_module, "render_pdf", lambda *_a: b"%PDF-1.7 new")
    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(atomic.ExportError, match="No space left"):
        write_pdf(prepare(sample, ExportOptions("pdf"), None), target, overwrite=True)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_runs_on_worker_threads(tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def export(number: int) -> None:
        article = Article(id=str(number), title=f"第{number}篇", script=Script.SIMPLIFIED,
                          blocks=(Block.paragraph("一二三，文字。" * 40),))  # fmt: skip
        try:
            write_pdf(prepare(article, ExportOptions("pdf"), None), tmp_path / f"{number}.pdf")
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=export, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for number in (1, 2):
        assert "一二三，文字。" * 3 in compact(
            run("pdftotext", "-enc", "UTF-8", str(tmp_path / f"{number}.pdf"), "-")
        )


def test_fonts_found_without_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows and macOS have no fc-match: the font folders are read instead."""
    from fontTools.ttLib import TTCollection, TTFont

    monkeypatch.setattr(pdf_fonts.shutil, "which", lambda _name: None)
    pdf_module._find_font.cache_clear()
    try:
        found = pdf_module._find_font("Noto Serif CJK SC", False)
        require(found is not None, "Noto Serif CJK (Debian: fonts-noto-cjk)")
        path, number = found
        face = TTCollection(path).fonts[number] if path.endswith(".ttc") else TTFont(path)
        assert face["name"].getDebugName(1) == "Noto Serif CJK SC"
        assert face["OS/2"].usWeightClass == 400
    finally:
        pdf_module._find_font.cache_clear()


def test_importing_the_writer_loads_neither_qt_nor_fpdf() -> None:
    code = (
        "import sys, reader.export.pdf; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'fpdf')]; "
        "sys.exit(str(bad) if bad else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
