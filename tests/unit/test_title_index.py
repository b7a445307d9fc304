"""The title filter's index: any script finds any script, in list order (no Qt)."""

from __future__ import annotations

from pathlib import Path

from reader.chinese.folding import shared_folder
from reader.domain import Article, Block
from reader.library import ArticleStore, open_library
from reader.library.manage import trash
from reader.library.title_index import TitleIndex


def _add(store: ArticleStore, aid: str, title: str, section: str, published: str | None) -> None:
    store.add(
        Article(
            id=aid,
            title=title,
            blocks=(Block.paragraph("正文"),),
            section_path=(section,),
            published=published,
        )
    )


def test_either_script_finds_both_in_list_order(tmp_path: Path) -> None:
    store = ArticleStore(open_library(tmp_path / "lib"))
    _add(store, "a", "中联部调研", "站", "2024-01-01")
    _add(store, "b", "中聯部會議", "站", "2024-03-01")
    _add(store, "c", "外交部消息", "站", None)
    _add(store, "d", "中联部旧闻", "另一站", "2020-01-01")
    trash(store.conn, ["d"])
    index = TitleIndex(store.conn)
    fold = shared_folder().fold
    rows = index.match(fold("聯部"))
    assert [index.ids[r] for r in rows] == ["b", "a"]  # newest first; the Trash left out
    assert [index.ids[r] for r in index.match(fold("聯部會"))] == ["b"]  # narrowed
    assert index.match(fold("部")) and [index.ids[r] for r in index.match(fold("部"))][-1] == "c"
    assert index.match(fold("不在")) == []


def test_reading_a_few_sections_at_a_time_gives_the_same_index(tmp_path: Path) -> None:
    store = ArticleStore(open_library(tmp_path / "lib"))
    for i in range(30):
        _add(store, f"x{i:02d}", f"标题{i:02d}号", f"栏目{i % 7}", f"2024-01-{1 + i % 28:02d}")
    whole = TitleIndex(store.conn)
    stepped = TitleIndex(store.conn, now=False)
    steps = 0
    while not stepped.step(rows=5):
        steps += 1
    assert steps > 2
    assert stepped.ids == whole.ids and stepped.match("号") == whole.match("号")


def test_a_big_section_is_read_over_several_steps(tmp_path: Path) -> None:
    # One step read a whole section: a 40,000-article section was one 103 ms pause.
    store = ArticleStore(open_library(tmp_path / "lib"))
    for i in range(23):
        _add(store, f"y{i:02d}", f"新闻{i % 5}之{i:02d}", "大栏目", f"2024-02-{1 + i % 28:02d}")
    _add(store, "z00", "小栏目的新闻", "小栏目", "2024-03-01")
    whole = TitleIndex(store.conn)
    stepped = TitleIndex(store.conn, now=False)
    read = [len(stepped.ids)]
    while not stepped.step(rows=5):
        read.append(len(stepped.ids))
    assert len(read) >= 5  # the 23 rows came over several steps, not in one
    assert stepped.ids == whole.ids  # newest first within each section, as before
    assert [stepped.folded(r) for r in range(len(whole))] == [
        whole.folded(r) for r in range(len(whole))
    ]
    assert stepped.match("之1") == whole.match("之1")
