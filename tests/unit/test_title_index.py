"""The title filter's index: any script finds any script, in list order (no Qt)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from reader.chinese.folding import shared_folder
from reader.domain import Article, Block
from reader.library import ArticleStore, open_library
from reader.library.manage import trash
from reader.library.title_index import TitleIndex


def matching(index: TitleIndex, query: str) -> list[int]:
    """Every row whose folded title holds `query`, in list order, section by section."""
    return [r for found in index.find(query).values() for r in found[0 : len(found)]]


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
    rows = matching(index, fold("聯部"))
    assert [index.ids[r] for r in rows] == ["b", "a"]  # newest first; the Trash left out
    assert [index.ids[r] for r in matching(index, fold("聯部會"))] == ["b"]  # narrowed
    assert (
        matching(index, fold("部"))
        and [index.ids[r] for r in matching(index, fold("部"))][-1] == "c"
    )
    assert matching(index, fold("不在")) == []


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
    assert stepped.ids == whole.ids and matching(stepped, "号") == matching(whole, "号")


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
    read.append(len(stepped.ids))
    assert len(read) >= 5  # the 23 rows came over several steps, not in one
    # … and went into the index over several too: putting a 40,000-row section in
    # at once, after its sort, was the read's longest step (66-113 ms).
    assert max(b - a for a, b in pairwise(read)) <= 5
    assert stepped.ids == whole.ids  # newest first within each section, as before
    assert [stepped.folded(r) for r in range(len(whole))] == [
        whole.folded(r) for r in range(len(whole))
    ]
    assert matching(stepped, "之1") == matching(whole, "之1")


def test_each_sections_matches_agree_with_reading_every_title(tmp_path: Path) -> None:
    # The counts come from a regular expression, the rows from str.find as they are
    # read, a row's place from counting again: all must agree with the titles.
    store = ArticleStore(open_library(tmp_path / "lib"))
    words = ["国务院", "国家", "部署", "國際", "经济", "發展", "a.b", "(1)"]
    for i in range(120):
        title = words[i % 8] + words[(i * 5) % 8] + f"第{i}期" + words[(i * 3) % 8]
        _add(store, f"t{i:03d}", title, f"栏目{i % 4}", f"2024-01-{1 + i % 28:02d}")
    index = TitleIndex(store.conn)
    fold = shared_folder().fold
    for query in ["国", "國", "国家", "部署部", "第1", "期", "a.b", "(1)", ".", "无此"]:
        q = fold(query)
        expected: dict[int, list[int]] = {}
        for row in range(len(index)):
            if q in index.folded(row):
                expected.setdefault(index.sections[row], []).append(row)
        found = index.find(q)
        assert {s: len(m) for s, m in found.items()} == {s: len(r) for s, r in expected.items()}
        for section, rows in expected.items():
            matches = index.find(q)[section]
            assert matches.position(rows[-1]) == len(rows) - 1  # before any row is read
            assert matches[0:2] == rows[:2] and matches[1:] == rows[1:]
            assert [matches.position(r) for r in rows] == list(range(len(rows)))
            others = set(range(len(index))) - set(rows)  # not matching, or elsewhere
            assert {matches.position(r) for r in others} == {-1}
        by_title = index.find(q, by_title=True)
        for section, rows in expected.items():
            key = [(index.folded(r), index.ids[r]) for r in rows]
            assert by_title[section][0 : len(rows)] == [
                r for _, r in sorted(zip(key, rows, strict=True))
            ]
        assert matching(index, q) == sorted(r for rows in expected.values() for r in rows)


def test_a_title_holding_the_query_twice_counts_once(tmp_path: Path) -> None:
    store = ArticleStore(open_library(tmp_path / "lib"))
    _add(store, "a", "部署部署再部署", "站", "2024-01-01")
    _add(store, "b", "部署", "站", "2024-01-02")
    index = TitleIndex(store.conn)
    assert [len(m) for m in index.find("部署").values()] == [2]
    assert [len(m) for m in index.find("部").values()] == [2]  # one character, three times
    assert index.find("署部") and len(next(iter(index.find("署部").values()))) == 1
    assert index.find("") == {} and index.find("部署\n部署") == {}
