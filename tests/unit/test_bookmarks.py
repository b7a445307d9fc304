"""Bookmarks, notes and reading positions: a real library in a temp folder."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.domain import Article, Block
from reader.importers import Importer
from reader.library import ArticleStore, LibraryError, Stored, open_library
from reader.library.bookmarks import QUOTE_CHARS, BookmarkStore, MergeResult
from reader.library.db import DB_NAME

PARAS = [
    "第一段：中聯部在主題教育期間深入開展調查研究，形成了一批成果。",
    "第二段：各級黨組織要把調查研究作為基本功，堅持問題導向。",
    "第三段：推動理論學習與工作實際相結合，取得明顯實效。",
    "第四段：下一步將繼續鞏固拓展主題教育成果。",
]


def article(paras: list[str], aid: str = "a1", title: str = "調查研究") -> Article:
    return Article(id=aid, title=title, blocks=tuple(Block.paragraph(p) for p in paras))


@pytest.fixture
def lib(tmp_path: Path) -> tuple[ArticleStore, BookmarkStore]:
    conn = open_library(tmp_path / "lib")
    return ArticleStore(conn), BookmarkStore(conn)


def test_add_is_committed_when_it_returns(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore]
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    mark = marks.add(a, 1, note="要點", colour="#FFCC00")
    other = sqlite3.connect(tmp_path / "lib" / DB_NAME)  # another connection sees it at once
    assert other.execute(
        "SELECT note, colour FROM bookmarks WHERE id = ?", (mark.id,)
    ).fetchone() == (
        "要點",
        "#ffcc00",
    )
    assert mark.quote == PARAS[1][:QUOTE_CHARS]
    assert len(mark.id) == 32 and mark.created_at.endswith("Z")
    assert marks.get(mark.id) == mark


def test_quote_of_a_selection_and_of_the_whole_article(
    lib: tuple[ArticleStore, BookmarkStore],
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    sel = marks.add(a, 0, selection=(4, 9))
    assert sel.quote == PARAS[0][4:9] and sel.selection == (4, 9)
    whole = marks.add(a, None, note="整篇")
    assert whole.block is None and whole.quote == ""
    assert [m.block for m in marks.for_article("a1")] == [None, 0]  # whole-article first


@pytest.mark.parametrize(
    ("block", "selection", "colour"),
    [
        (9, None, ""),
        (-1, None, ""),
        (0, (5, 2), ""),
        (0, (0, 999), ""),
        (None, (0, 1), ""),
        (0, None, "red"),
    ],
)
def test_add_refuses_what_is_not_in_the_article(
    lib: tuple[ArticleStore, BookmarkStore],
    block: int | None,
    selection: tuple[int, int] | None,
    colour: str,
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    with pytest.raises(ValueError):
        marks.add(a, block, colour=colour, selection=selection)
    assert marks.count() == 0


def test_notes_colours_delete_undo_and_purge(lib: tuple[ArticleStore, BookmarkStore]) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    mark = marks.add(a, 2)
    marks.update_note(mark.id, "改過的筆記")
    marks.set_colour(mark.id, "#a0b0c0")
    changed = marks.get(mark.id)
    assert changed is not None and (changed.note, changed.colour) == ("改過的筆記", "#a0b0c0")
    assert changed.updated_at > mark.updated_at
    marks.delete(mark.id)
    assert marks.get(mark.id) is None and marks.all() == [] and marks.count() == 0
    marks.undelete(mark.id)
    assert marks.get(mark.id) is not None
    marks.delete(mark.id)
    assert marks.purge_deleted(older_than_days=1) == 0  # deleted just now: still undoable
    assert marks.purge_deleted(older_than_days=-1) == 1
    with pytest.raises(LibraryError, match="not in the library"):
        marks.update_note(mark.id, "x")


def test_marked_blocks_are_what_the_view_paints(lib: tuple[ArticleStore, BookmarkStore]) -> None:
    """One entry a block, the newest bookmark's colour; whole-article, deleted and
    orphaned bookmarks mark no block."""
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    marks.add(a, None, colour="#111111")
    marks.add(a, 3, colour="#222222")
    marks.add(a, 3, colour="#333333")
    marks.add(a, 1)
    gone = marks.add(a, 2, colour="#444444")
    marks.delete(gone.id)
    lost = marks.add(a, 0, colour="#555555")
    store.conn.execute("UPDATE bookmarks SET orphaned = 1 WHERE id = ?", (lost.id,))
    assert marks.marked_blocks(a.id) == [(1, ""), (3, "#333333")]


def test_resolve_count_and_groups(lib: tuple[ArticleStore, BookmarkStore]) -> None:
    store, marks = lib
    a, b = article(PARAS, "a1", "乙文"), article(PARAS[:2], "b2", "甲文")
    store.add(a)
    store.add(b)
    m1, m2 = marks.add(a, 0), marks.add(b, 1)
    absent = article(["不在文庫裏的文章"], "c3", "丙文")  # never stored: its bookmark waits
    m3 = marks.add(absent, 0)
    assert marks.count() == 3
    assert marks.resolve(m1.id[:8]) == [m1.id]
    assert marks.resolve("") == [] and marks.resolve("zz") == []
    groups = marks.grouped()
    assert [(g.title, g.present) for g in groups] == [
        ("乙文", True),
        ("甲文", True),
        ("丙文", False),
    ]
    assert [g.bookmarks for g in groups] == [(m1,), (m2,), (m3,)]


def test_reading_positions_and_continue_reading(lib: tuple[ArticleStore, BookmarkStore]) -> None:
    store, marks = lib
    a, b = article(PARAS, "a1"), article(PARAS, "b2")
    store.add(a)
    store.add(b)
    assert marks.last_position() is None
    marks.save_position("a1", 2, PARAS[2][:QUOTE_CHARS], 0.5)
    marks.save_position("b2", 1, PARAS[1][:QUOTE_CHARS], 0.25)
    marks.save_position("gone", 0, "", 0.0)  # an article not in the library is skipped
    assert marks.position("a1") is not None and marks.position("a1")[0] == 2  # type: ignore[index]
    last = marks.last_position()
    assert last is not None and (last.article_id, last.block, last.fraction) == ("b2", 1, 0.25)
    assert last[0] == "b2" and last[1] == 1  # the UI indexes it
    before = marks.last_position(before="b2")  # b2 is open: the one read before it
    assert before is not None and before.article_id == "a1"
    assert marks.position("nowhere") is None


# --- re-anchoring ------------------------------------------------------------


def test_same_blocks_change_nothing(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore]
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    before = [marks.add(a, i, note=str(i)) for i in range(4)]
    moved = Article(**{**a.__dict__, "origin_path": "/elsewhere/copy-gb18030.txt"})
    assert store.add(moved) is Stored.UPDATED  # the file moved; the blocks did not
    assert marks.all() == before


def test_bookmark_follows_its_quote_when_blocks_shift(
    lib: tuple[ArticleStore, BookmarkStore],
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    third = marks.add(a, 2, note="第三段的筆記")
    marks.save_position("a1", 3, PARAS[3][:QUOTE_CHARS], 0.9)
    shifted = article(["新加的導語。", "新聞網 2023年8月30日", *PARAS])  # a better parser
    assert store.add(shifted) is Stored.UPDATED
    got = marks.get(third.id)
    assert got is not None and got.block == 4 and not got.orphaned and got.note == "第三段的筆記"
    assert marks.position("a1") is not None and marks.position("a1")[0] == 5  # type: ignore[index]


def test_merged_split_and_respaced_blocks(lib: tuple[ArticleStore, BookmarkStore]) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    b1, b3 = marks.add(a, 1), marks.add(a, 3)
    sel = marks.add(a, 3, selection=(4, 10))
    merged = article([PARAS[0], PARAS[1] + PARAS[2], " ".join(PARAS[3])])  # merged; re-spaced
    store.add(merged)
    assert marks.get(b1.id).block == 1  # type: ignore[union-attr]
    third = marks.get(b3.id)
    assert third is not None and third.block == 2 and not third.orphaned
    moved = marks.get(sel.id)
    assert moved is not None and moved.block == 2 and moved.selection is not None
    start, end = moved.selection
    assert merged.blocks[2].text[start:end].replace(" ", "").startswith(PARAS[3][4:10][:4])


def test_vanished_block_is_orphaned_listed_and_found_again(
    lib: tuple[ArticleStore, BookmarkStore],
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    gone = marks.add(a, 3, note="會消失的段落")
    marks.delete(marks.add(a, 0).id)  # a deleted one is re-anchored too, for an undo
    store.add(article(PARAS[:3]))
    orphan = marks.get(gone.id)
    assert orphan is not None and orphan.orphaned and orphan.note == "會消失的段落"
    assert orphan in marks.all()  # kept and listed, never dropped
    store.add(a)  # the paragraph is back (the parser was fixed)
    assert marks.get(gone.id).orphaned is False  # type: ignore[union-attr]


def test_reimport_from_gb18030_keeps_every_note(
    tmp_path: Path, converters: Converters, seed_text: str
) -> None:
    importer = Importer(converters)
    utf8 = tmp_path / "seed.txt"
    utf8.write_text(seed_text, encoding="utf-8")
    gb = tmp_path / "copy" / "另一個名字.txt"
    gb.parent.mkdir()
    gb.write_bytes(seed_text.encode("gb18030"))
    conn = open_library(tmp_path / "lib")
    store, marks = ArticleStore(conn), BookmarkStore(conn)
    first = importer.parse_file(utf8)
    store.add(first)
    made = [marks.add(first, i, note=f"筆記{i}") for i in range(0, len(first.blocks), 3)]
    again = importer.parse_file(gb)
    assert again.id == first.id
    store.add(again)
    assert marks.all() == sorted(made, key=lambda m: m.block or 0)


# --- export and import -------------------------------------------------------


def test_export_import_into_a_fresh_library(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore]
) -> None:
    store, marks = lib
    a, b = article(PARAS, "a1"), article(PARAS[:2], "b2", "第二篇")
    store.add(a)
    store.add(b)
    made = [marks.add(a, 0, note="甲"), marks.add(a, 2, "乙", "#112233"), marks.add(b, None, "丙")]
    made.append(marks.add(a, 1, selection=(3, 8), note="選段"))
    marks.delete(marks.add(b, 1).id)  # deleted: not exported
    path = tmp_path / "out" / "bookmarks.json"
    path.parent.mkdir()
    assert marks.export_json(path) == 4
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("reader-bookmarks", 1)
    assert {e["article_title"] for e in data["bookmarks"]} == {"調查研究", "第二篇"}
    assert [p.name for p in path.parent.iterdir()] == ["bookmarks.json"]  # no temp file left

    fresh = open_library(tmp_path / "fresh")
    fresh_store, fresh_marks = ArticleStore(fresh), BookmarkStore(fresh)
    fresh_store.add(a)  # b is not here yet: its bookmark is imported anyway
    assert fresh_marks.import_json(path) == MergeResult(4, 0, 0)
    assert sorted(fresh_marks.all(), key=lambda m: m.id) == sorted(made, key=lambda m: m.id)
    assert fresh_marks.import_json(path) == MergeResult(0, 0, 4)  # no duplicates
    assert fresh_marks.count() == 4
    groups = fresh_marks.grouped()
    assert [(g.title, g.present) for g in groups] == [("調查研究", True), ("第二篇", False)]


def test_import_merges_by_id_newer_wins_and_by_content(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore]
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    mark = marks.add(a, 1, note="舊")
    path = tmp_path / "b.json"
    marks.export_json(path)
    marks.update_note(mark.id, "本地較新")
    assert marks.import_json(path) == MergeResult(0, 0, 1)  # the local edit is newer: kept
    data = json.loads(path.read_text(encoding="utf-8"))
    data["bookmarks"][0].update(note="遠端較新", updated_at="2099-01-01T00:00:00Z")
    twin = dict(data["bookmarks"][0], id="f" * 32)  # same content, another id
    data["bookmarks"].append(twin)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert marks.import_json(path) == MergeResult(0, 1, 1)
    got = marks.get(mark.id)
    assert (
        got is not None
        and got.note == "遠端較新"
        and got.updated_at.startswith("2099-01-01T00:00:00")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "reader-bookmarks", "version": 1, "bookmarks": [', "invalid JSON at line 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"format": "calibre"}', "not a Reader bookmarks file"),
        (b'{"format": "reader-bookmarks", "version": 7, "bookmarks": []}', "newer Reader"),
    ],
)
def test_bad_files_are_refused_in_one_line_naming_the_file(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore], content: bytes, message: str
) -> None:
    _, marks = lib
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(LibraryError, match=message) as caught:
        marks.import_json(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert marks.count() == 0


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (b'{"id": "x"}', "bookmark 1: article_id is missing or not text"),
        (
            b'{"id": "x", "article_id": "a", "created_at": "yesterday"}',
            "bookmark 1: created_at is not an ISO 8601 time in the years 1\u20139999",
        ),
    ],
)
def test_a_bad_record_is_left_out_and_named(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore], record: bytes, reason: str
) -> None:
    _, marks = lib
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "reader-bookmarks", "version": 1, "bookmarks": [%s]}' % record)
    assert marks.import_json(path) == MergeResult(0, 0, 0, 0, (reason,))
    assert marks.count() == 0


def test_failed_export_leaves_the_old_file_whole(
    tmp_path: Path, lib: tuple[ArticleStore, BookmarkStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, marks = lib
    a = article(PARAS)
    store.add(a)
    marks.add(a, 0)
    path = tmp_path / "bookmarks.json"
    path.write_text("the previous export", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(LibraryError, match="No space left on device"):
        marks.export_json(path)
    assert path.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.json", "lib"]
