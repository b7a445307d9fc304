"""One section per site whatever its script, the Trash, moving and renaming (no Qt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.domain import Article, Block, Script
from reader.library import ArticleStore, open_library
from reader.library.backup import list_backups
from reader.library.db import DB_NAME
from reader.library.listing import list_articles, list_sections, place_in_section
from reader.library.manage import (
    empty_trash,
    move,
    rename_section,
    restore,
    set_read,
    trash,
    trashed,
    with_notes,
)
from reader.library.schema import MIGRATIONS

SIMPLIFIED_SITE = "中国共产党新闻网"
TRADITIONAL_SITE = "中國共產黨新聞網"


def _article(aid: str, title: str, path: tuple[str, ...], published: str | None = None) -> Article:
    return Article(
        id=aid,
        title=title,
        section_path=path,
        published=published,
        script=Script.SIMPLIFIED,
        blocks=(Block.paragraph(f"{title}的正文"),),
        original_text=f"{title}\n{title}的正文",
    )


def _store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(open_library(tmp_path / "lib"))


def _names(store: ArticleStore) -> list[tuple[int, str, int]]:
    return [(s.parent_id, s.name, s.count) for s in store.sections()]


def test_one_site_is_one_section_whatever_its_script(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_article("a1", "中联部调研", (SIMPLIFIED_SITE, "党建")))
    store.add(_article("a2", "中聯部調研", (TRADITIONAL_SITE, "黨建")))
    sections = store.sections()
    assert [(s.name, s.count) for s in sections] == [(SIMPLIFIED_SITE, 0), ("党建", 2)]


def _schema_4_library(folder: Path) -> None:
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for migration in MIGRATIONS[:4]:
        conn.executescript(migration)
    sections = [
        (1, 0, SIMPLIFIED_SITE),
        (2, 0, TRADITIONAL_SITE),
        (3, 1, "党建"),
        (4, 2, "黨建"),
        (5, 2, "國際"),
    ]
    conn.executemany("INSERT INTO sections (id, parent_id, name) VALUES (?, ?, ?)", sections)
    for aid, section, title in [("s1", 3, "中联部"), ("t1", 4, "中聯部"), ("t2", 5, "國際新聞")]:
        conn.execute(
            "INSERT INTO articles (id, section_id, title, section_path, editors, script, blocks, "
            "original_text) VALUES (?, ?, ?, '[]', '[]', 'simplified', '[]', ?)",
            (aid, section, title, title),
        )
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_an_old_library_is_migrated_to_one_section_per_site_after_a_backup(
    tmp_path: Path,
) -> None:
    _schema_4_library(tmp_path / "lib")
    store = _store(tmp_path)
    assert _names(store) == [(0, SIMPLIFIED_SITE, 0), (1, "党建", 2), (1, "國際", 1)]
    (backup,) = list_backups(tmp_path / "lib" / "backups")
    assert backup.reason == "pre-migration-v4"
    assert _listed(store) == _counted_afresh(store.conn)  # counted once, by schema 7
    titles = dict(store.conn.execute("SELECT id, folded_title FROM articles").fetchall())
    assert titles == {"s1": "中联部", "t1": "中联部", "t2": "国际新闻"}
    # Importing into the other script's name finds the merged section.
    store.add(_article("n1", "新文章", (TRADITIONAL_SITE, "國際")))
    assert _names(store)[-1] == (1, "國際", 2)


def test_deleted_articles_wait_in_the_trash_until_it_is_emptied(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_article("a1", "第一篇", ("站",), "2024-01-02"))
    store.add(_article("a2", "第二篇", ("站",), "2024-01-01"))
    assert trash(store.conn, ["a1"]) == ["a1"]
    assert [r.id for r in list_articles(store.conn, 1, 0, 10)] == ["a2"]
    assert [r.id for r in trashed(store.conn)] == ["a1"]
    assert store.get("a1") is not None  # nothing is lost yet
    assert restore(store.conn, ["a1"]) == ["a1"]
    assert [r.id for r in list_articles(store.conn, 1, 0, 10)] == ["a1", "a2"]
    trash(store.conn, ["a1", "a2"])
    assert empty_trash(store) == 2
    assert store.get("a1") is None and store.sections() == []


def test_articles_with_notes_are_named_before_deleting(tmp_path: Path) -> None:
    from reader.library.bookmarks import BookmarkStore

    store = _store(tmp_path)
    article = _article("a1", "第一篇", ("站",))
    store.add(article)
    store.add(_article("a2", "第二篇", ("站",)))
    BookmarkStore(store.conn).add(article, 0, note="重要")
    assert with_notes(store.conn, ["a1", "a2"]) == ["a1"]


def test_moving_and_renaming_keep_every_article(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_article("a1", "第一篇", ("甲",)))
    store.add(_article("a2", "第二篇", ("乙",)))
    move(store.conn, ["a1"], ("乙",))
    assert _names(store) == [(0, "乙", 2)]  # 甲 was left empty and went
    (section,) = store.sections()
    rename_section(store.conn, section.id, "丙")
    store.add(_article("a3", "第三篇", ("臺灣",)))
    # Renaming into a sibling's name in the other script merges the two.
    rename_section(store.conn, store.sections()[0].id, "台湾")
    assert _names(store) == [(0, "台湾", 3)]


def test_the_place_of_an_article_is_counted(tmp_path: Path) -> None:
    store = _store(tmp_path)
    dates = ["2024-01-03", "2024-01-02", "2024-01-02", None, None]
    for i, date in enumerate(dates):
        store.add(_article(f"a{i}", f"标题{i}", ("站",), date))
    rows = list_articles(store.conn, 1, 0, 10)
    for row_number, row in enumerate(rows):
        assert place_in_section(store.conn, row.id) == (1, row_number)
    assert list_sections(store.conn)[0].count == 5


def _counted_afresh(conn: sqlite3.Connection) -> dict[int, tuple[int, int]]:
    """Each section's articles out of the Trash, and of those the unread, counted
    from the articles themselves: what the schema's counts must say."""
    rows = conn.execute(
        "SELECT section_id, count(*), sum(read = 0) FROM articles "
        "WHERE trashed_at IS NULL GROUP BY section_id"
    )
    return {int(s): (int(n), int(u)) for s, n, u in rows}


def _listed(store: ArticleStore) -> dict[int, tuple[int, int]]:
    from reader.library.listing import unread_counts

    unread = unread_counts(store.conn)
    return {s.id: (s.count, unread.get(s.id, 0)) for s in store.sections() if s.count}


def test_the_sections_counts_follow_every_kind_of_write(tmp_path: Path) -> None:
    store = _store(tmp_path)
    conn = store.conn

    def agree() -> None:
        assert _listed(store) == _counted_afresh(conn)

    for i in range(6):
        store.add(_article(f"a{i}", f"第{i}篇", ("甲站", "要闻") if i < 4 else ("乙站",)))
    agree()
    store.mark_read("a0")  # the app marks an article read as it opens
    set_read(conn, ["a1", "a2"], True)
    set_read(conn, ["a2"], False)
    agree()
    trash(conn, ["a1", "a3", "a4"])  # a read one, an unread one, one from another site
    agree()
    restore(conn, ["a3"])
    agree()
    move(conn, ["a0", "a3"], ("乙站", "国际"))  # into a section made for them
    agree()
    # Imported again, filed elsewhere (its breadcrumb changed): the counts move too.
    store.add(_article("a5", "第5篇", ("丙站",)))
    agree()
    rename_section(conn, store.sections()[0].id, "乙站")  # 甲站 merges into 乙站
    agree()
    assert empty_trash(store) == 2
    agree()
    store.delete_forever(["a2"])
    agree()
    # A section removed takes its counts along: a new section given its id starts at 0.
    gone = {s.id for s in store.sections()}
    move(conn, [r[0] for r in conn.execute("SELECT id FROM articles")], ("丁站",))
    agree()
    stale = conn.execute(
        "SELECT count(*) FROM section_counts WHERE section_id NOT IN (SELECT id FROM sections)"
    ).fetchone()[0]
    assert stale == 0 and gone
