"""Breadcrumbs of any depth: bounded at import, the rest kept as text, never recursed on."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import time
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.cli import ExitCode, main
from reader.domain import MAX_SECTION_DEPTH, Article, Block
from reader.importers import Importer
from reader.importers.markdown import parse_markdown
from reader.importers.text import parse_text
from reader.library import ArticleStore, open_library
from reader.library.ingest import import_paths
from tests.deep_library import DEEP_ID, level, write_deep_library
from tests.timing import MAX_RATIO, growth


def _levels(n: int) -> list[str]:
    # One character a level, as in the 2 KB file that broke the app: 甲 > 乙 > …
    return [chr(0x4E00 + i % 20_000) for i in range(n)]


def _breadcrumb_file(path: Path, n: int) -> Path:
    path.write_text(
        "首页 > " + " > ".join(_levels(n)) + "\n一篇文章\n2024年1月2日 来源：人民网\n\n正文。\n",
        encoding="utf-8",
    )
    return path


def test_a_deep_breadcrumb_keeps_eight_levels_and_the_rest_as_text() -> None:
    names = _levels(1000)
    line = "首页 > " + " > ".join(names)
    parsed = parse_text(f"{line}\n一篇文章\n2024年1月2日 来源：人民网\n\n正文。\n")
    assert parsed.section_path == tuple(names[:MAX_SECTION_DEPTH])
    assert parsed.title == "一篇文章" and parsed.source == "人民网"
    # Nothing lost: the levels past the eighth open the article, as they were written.
    assert parsed.blocks[0] == Block.paragraph(" > ".join(names[MAX_SECTION_DEPTH:]))
    assert parsed.blocks[1] == Block.paragraph("正文。")


def test_a_breadcrumb_that_fits_is_untouched() -> None:
    parsed = parse_text("首页 > 新闻 > 国内\n一篇文章\n\n正文。\n")
    assert parsed.section_path == ("新闻", "国内")
    assert parsed.blocks == [Block.paragraph("正文。")]


def test_front_matter_sections_are_bounded_too() -> None:
    names = [f"层{i}" for i in range(20)]
    parsed = parse_markdown(f"---\ntitle: 标题\nsection: [{', '.join(names)}]\n---\n\n正文。\n")
    assert parsed.section_path == tuple(names[:MAX_SECTION_DEPTH])
    assert parsed.blocks[0] == Block.paragraph(" / ".join(names[MAX_SECTION_DEPTH:]))
    # A level too long for a section ends the section there.
    parsed = parse_markdown(f"---\nsection: [甲, {'长' * 300}, 乙]\n---\n\n正文。\n")
    assert parsed.section_path == ("甲",)
    assert parsed.blocks[0] == Block.paragraph(f"{'长' * 300} / 乙")


def test_a_deep_folder_tree_gives_a_bounded_section(tmp_path: Path, converters: Converters) -> None:
    folder = tmp_path / "articles"
    deep = folder.joinpath(*(f"d{i}" for i in range(12)))
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    store = ArticleStore(open_library(tmp_path / "lib"))
    report = import_paths([folder], Importer(converters), store)
    assert report.added == 1
    (row,) = store.conn.execute("SELECT section_id FROM articles").fetchall()
    from reader.library.listing import section_path

    path = section_path({s.id: s for s in store.sections()}, row[0])
    assert path == ("articles", *(f"d{i}" for i in range(MAX_SECTION_DEPTH - 1)))
    store.conn.close()


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


@pytest.mark.parametrize("levels", [1000, 300_000])
def test_importing_and_listing_a_file_with_a_deep_breadcrumb(tmp_path: Path, levels: int) -> None:
    path = _breadcrumb_file(tmp_path / "deep.txt", levels)
    lib = str(tmp_path / "lib")
    assert _cli("--library", lib, "import", str(path))[0] == ExitCode.OK
    code, out = _cli("--library", lib, "list", "--json")
    assert code == ExitCode.OK
    (section,) = json.loads(out)
    assert section["section"] == _levels(MAX_SECTION_DEPTH)
    (article,) = section["articles"]
    code, out = _cli("--library", lib, "show", "--json", article["id"])
    shown = json.loads(out)
    assert shown["title"] == "一篇文章"
    assert shown["blocks"][0]["text"].endswith(" > ".join(_levels(levels)[-3:]))


# -- a library that already holds a deep chain (an older version wrote it) ----------------


def test_reader_list_walks_a_deep_chain_in_linear_time(tmp_path: Path) -> None:
    for depth in (30_000, 300_000):
        write_deep_library(tmp_path / f"lib{depth}", depth).close()

    def listing(depth: int) -> None:
        code, out = _cli("--library", str(tmp_path / f"lib{depth}"), "list")
        assert code == ExitCode.OK
        assert f" / {level(depth - 1)} (1)" in out

    # The path was built by inserting at the front, level by level: about 40x here.
    ratio = growth(lambda: listing(30_000), lambda: listing(300_000))
    assert ratio < MAX_RATIO, f"10x the depth took {ratio:.0f}x the time"


def test_moving_an_article_out_of_a_deep_chain_drops_it_in_linear_time(
    tmp_path: Path,
) -> None:
    def move(depth: int, round_: int) -> float:
        conn = write_deep_library(tmp_path / f"lib{depth}-{round_}", depth)
        store = ArticleStore(conn)
        article = store.get(DEEP_ID)
        assert article is not None
        gc.collect()
        start = time.perf_counter()
        # Re-imported by this version: a bounded section, so the article moves.
        store.add(Article(id=DEEP_ID, title=article.title, blocks=article.blocks))
        elapsed = time.perf_counter() - start
        # The emptied half of the chain is gone; the half holding an article stays.
        assert len(store.sections()) == depth // 2 + 2
        conn.close()
        return elapsed

    small = min(move(2_000, r) for r in range(3))
    large = move(20_000, 0)
    ratio = large / small
    if MAX_RATIO <= ratio <= 3 * MAX_RATIO:  # near the bound: noise only adds time
        ratio = min(ratio, move(20_000, 1) / small)
    assert ratio < MAX_RATIO, f"10x the depth took {ratio:.0f}x the time"
