"""Searching the library: exact against a brute-force scan, in both scripts, on a real file."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.chinese.folding import Folder
from reader.domain import Article, Block, BlockKind
from reader.library import ArticleStore, Stored, open_library, search_index, write
from reader.library import schema as library_schema
from reader.library.schema import SCHEMA_VERSION
from reader.library.search import Filters, Searcher, hit_spans

# Simplified and Traditional forms that must meet, some look-alikes that must not,
# Latin, digits, full-width forms and punctuation.
ALPHABET = list("干幹乾部台臺湾灣里裡发發髮中国國人民的一研究調调") + list("aBｃ1２ ,，。:-")
QUERIES_1 = sorted(set(ALPHABET) - {" "})


def _article(i: int, rng: random.Random) -> Article:
    def text(n: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(n))

    blocks = tuple(Block(BlockKind.PARAGRAPH, text(rng.randint(5, 40))) for _ in range(3))
    return Article(
        id=f"{i:016x}",
        title=f"第{i}篇" + text(6),
        blocks=blocks,
        section_path=("甲" if i % 3 else "乙", "子" if i % 2 else "丑"),
        published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
        original_text="…",
    )


@pytest.fixture(scope="module")
def folder(converters: Converters) -> Folder:
    return Folder(converters)


@pytest.fixture
def store(tmp_path: Path, folder: Folder) -> ArticleStore:
    return ArticleStore(open_library(tmp_path / "lib"), folder)


def _fill(store: ArticleStore, n: int = 120) -> list[Article]:
    rng = random.Random(11)
    articles = [_article(i, rng) for i in range(n)]
    for a in articles:
        store.add(a)
    return articles


def _brute(folder: Folder, articles: list[Article], query: str) -> set[str]:
    """Articles whose folded title or body holds every folded term: the definition."""
    terms = query.split()
    found = set()
    for a in articles:
        title = folder.fold(a.title)
        body = folder.fold("\n".join(b.text for b in a.blocks))
        if all(folder.fold(t) in title or folder.fold(t) in body for t in terms):
            found.add(a.id)
    return found


def _ids(store: ArticleStore, folder: Folder, query: str, **filters: str) -> tuple[int, set[str]]:
    result = Searcher(store.conn, folder).search(query, Filters(**filters), limit=0)
    assert result.total is not None
    return result.total, {h.article_id for h in result.hits}


@pytest.mark.parametrize("indexed", [False, True], ids=["pending", "indexed"])
def test_one_and_two_character_queries_count_exactly_in_both_scripts(
    store: ArticleStore, folder: Folder, indexed: bool
) -> None:
    articles = _fill(store)
    if indexed:
        store.flush_index()
        assert search_index.pending_count(store.conn) == 0
    else:
        assert search_index.pending_count(store.conn) == len(articles)
    rng = random.Random(5)
    pairs = {rng.choice(QUERIES_1) + rng.choice(QUERIES_1) for _ in range(150)}
    for query in [*QUERIES_1, *sorted(pairs), "幹部", "干部", "臺灣", "台湾", "裡", "里"]:
        expected = _brute(folder, articles, query)
        total, ids = _ids(store, folder, query)
        assert (total, ids) == (len(expected), expected), query


def test_traditional_query_finds_simplified_text_and_back(
    store: ArticleStore, folder: Folder
) -> None:
    store.add(_plain("a1", "幹部會議", ["臺灣的幹部"]))
    store.add(_plain("a2", "干部会议", ["台湾的干部"]))
    store.add(_plain("a3", "别的", ["乾淨"]))  # 乾 also folds to 干; 干净 is not 干部
    for query in ("干部", "幹部", "臺灣", "台湾"):
        assert _ids(store, folder, query) == (2, {"a1", "a2"}), query


def _plain(aid: str, title: str, paragraphs: list[str], **kw: object) -> Article:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Article(id=aid, title=title, blocks=blocks, original_text="…", **kw)  # type: ignore[arg-type]


def test_terms_all_match_and_a_quoted_phrase_is_one_term(
    store: ArticleStore, folder: Folder
) -> None:
    store.add(_plain("b1", "甲", ["调查 研究"]))
    store.add(_plain("b2", "乙", ["调查研究"]))
    store.add(_plain("b3", "丙", ["调查", "研究"]))
    store.add(_plain("b4", "丁", ["调查"]))
    assert _ids(store, folder, "调查 研究")[1] == {"b1", "b2", "b3"}
    assert _ids(store, folder, '"调查 研究"')[1] == {"b1"}
    assert _ids(store, folder, "调查研究")[1] == {"b2"}
    # A phrase never runs from one paragraph into the next.
    assert _ids(store, folder, "查研")[1] == {"b2"}


def test_title_hits_rank_first_then_newest(store: ArticleStore, folder: Folder) -> None:
    store.add(_plain("c1", "干部", ["正文"]))
    store.add(_plain("c2", "别的", ["干部"]))
    store.add(_plain("c3", "另外", ["幹部"]))
    store.add(_plain("c4", "幹部们", ["正文"]))
    for flush in (False, True):
        if flush:
            store.flush_index()
        result = Searcher(store.conn, folder).search("干部", limit=3)
        assert [h.article_id for h in result.hits] == ["c4", "c1", "c3"]
        assert result.total == 4


def test_section_and_date_filters(store: ArticleStore, folder: Folder) -> None:
    articles = _fill(store, 60)
    store.flush_index()

    def expect(keep: object) -> set[str]:
        return {a.id for a in articles if keep(a) and a.id in _brute(folder, articles, "的")}

    assert _ids(store, folder, "的", section="甲")[1] == expect(lambda a: a.section_path[0] == "甲")
    assert _ids(store, folder, "的", section="丑")[1] == expect(lambda a: a.section_path[1] == "丑")
    assert _ids(store, folder, "的", since="2023-06", until="2023-08-15")[1] == expect(
        lambda a: "2023-06" <= a.published <= "2023-08-15"
    )
    assert _ids(store, folder, "的", section="没有这个") == (0, set())


def test_snippet_marks_the_hits_in_the_original_script(store: ArticleStore, folder: Folder) -> None:
    store.add(_plain("d1", "標題", ["前文" * 30 + "黨員幹部作表率，幹部帶頭。" + "後文" * 60]))
    hit = Searcher(store.conn, folder).search("干部").hits[0]
    marked = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
    assert marked == ["幹部", "幹部"]
    assert hit.snippet.text.startswith("…") and hit.snippet.text.endswith("…")
    assert hit.block == 0
    text = "前文" * 30 + "黨員幹部作表率，幹部帶頭。"
    assert text[hit.span[0] : hit.span[1]] == "幹部"


def test_hit_spans_point_into_the_original_through_folding(folder: Folder) -> None:
    text = "ＡＢＣ\u200b臺灣abc"
    assert [text[s:e] for s, e in hit_spans(folder, text, ["abc"])] == ["ＡＢＣ", "abc"]
    assert [text[s:e] for s, e in hit_spans(folder, text, ["台湾"])] == ["臺灣"]


def test_reimport_and_removal_keep_the_index_right(store: ArticleStore, folder: Folder) -> None:
    store.add(_plain("e1", "旧标题", ["旧的正文"]))
    store.add(_plain("e2", "别的", ["旧的正文"]))
    store.flush_index()
    assert store.add(_plain("e1", "新标题", ["新的正文"])) is Stored.UPDATED
    assert _ids(store, folder, "旧") == (1, {"e2"})
    assert _ids(store, folder, "新") == (1, {"e1"})
    store.flush_index()
    assert _ids(store, folder, "旧") == (1, {"e2"})
    assert _ids(store, folder, "新") == (1, {"e1"})
    with write(store.conn):
        search_index.forget(store.conn, ["e2"])
        store.conn.execute("DELETE FROM articles WHERE id = 'e2'")
    assert _ids(store, folder, "旧") == (0, set())
    assert _ids(store, folder, "正文") == (1, {"e1"})


def test_a_visible_condition_leaves_articles_out(store: ArticleStore, folder: Folder) -> None:
    store.add(_plain("f1", "一", ["干部"]))
    store.add(_plain("f2", "二", ["干部"]))
    searcher = Searcher(store.conn, folder, visible="a.id <> 'f1'")
    result = searcher.search("干部")
    assert (result.total, [h.article_id for h in result.hits]) == (1, ["f2"])


HOSTILE = [
    '"',
    '""',
    '"unclosed',
    "*",
    "a*",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND OR NOT",
    "干部 AND",
    "NOT 干部",
    "\\",
    "\\\\'",
    "%_",
    "'; DROP TABLE articles; --",
    "\u200b",
    "\u200b干\u200d部\ufeff",
    "{title}: 干部",
    "title:干部",
    "^干部",
    "(干部",
    "干部)",
    "+-",
    "\x00",
    "\udcff\udc80",
    "😀",
    "𠀀",
    "　",
    "a" * 5000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_no_query_string_raises(store: ArticleStore, folder: Folder, query: str) -> None:
    store.add(_plain("g1", "干部 title", ["干部) ^干部 {title}: 干部 a*"]))
    for _ in range(2):
        result = Searcher(store.conn, folder).search(query, Filters(section=query), limit=0)
        assert isinstance(result.total, int)
        result = Searcher(store.conn, folder).search(query, limit=0)
        assert isinstance(result.total, int)
        store.flush_index()
    assert Searcher(store.conn, folder).search("\u200b干\u200d部\ufeff").total == 1


def test_existing_library_is_indexed_by_its_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Folder
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(library_schema, "MIGRATIONS", library_schema.MIGRATIONS[:4])
        patched.setattr(library_schema, "SCHEMA_VERSION", 4)
        conn = open_library(tmp_path / "lib")
        with write(conn):
            conn.execute("INSERT INTO sections (parent_id, name) VALUES (0, '旧')")
            conn.execute(
                "INSERT INTO articles (id, section_id, title, section_path, editors, script, "
                "blocks, original_text) VALUES ('h1', 1, '臺灣', '[]', '[]', 'traditional', ?, ?)",
                ('[{"type": "paragraph", "text": "幹部會議"}]', "原文"),
            )
        conn.close()
    conn = open_library(tmp_path / "lib")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list((tmp_path / "lib" / "backups").glob("*pre-migration-v4*"))
    searcher = Searcher(conn, folder)
    assert [h.article_id for h in searcher.search("干部会议").hits] == ["h1"]
    assert searcher.search("台湾").total == 1
    assert search_index.pending_count(conn) == 0
    # The original text is kept compressed now, and reads back as it was.
    kinds = conn.execute("SELECT typeof(blocks), typeof(original_text) FROM articles").fetchone()
    assert kinds == ("blob", "blob")
    article = ArticleStore(conn).get("h1")
    assert article is not None and article.original_text == "原文"
    conn.close()


def test_rebuild_gives_the_same_answers(store: ArticleStore, folder: Folder) -> None:
    articles = _fill(store, 40)
    before = {q: _ids(store, folder, q) for q in QUERIES_1}
    with write(store.conn):
        assert search_index.rebuild(store.conn, folder) == len(articles)
    assert {q: _ids(store, folder, q) for q in QUERIES_1} == before
    assert not search_index.out_of_date(store.conn)
    with write(store.conn):  # as if the folding rules had changed since
        store.conn.execute("UPDATE search_state SET value = value - 1 WHERE key = 'fold'")
    assert search_index.out_of_date(store.conn)


def test_index_tables_are_part_of_the_library_layout(tmp_path: Path) -> None:
    conn = open_library(tmp_path / "lib")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
    assert {"search_docs", "search_state", "search_text"} <= names
    conn.close()
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_large_import_prepared_by_worker_processes_is_searchable(
    tmp_path: Path, folder: Folder, converters: Converters
) -> None:
    from reader.importers import Importer
    from reader.importers.pool import POOL_MIN_FILES
    from reader.library.ingest import import_paths

    files = tmp_path / "files"
    files.mkdir()
    rng = random.Random(3)
    for i in range(POOL_MIN_FILES + 10):
        body = "".join(rng.choice(ALPHABET[:24]) for _ in range(60))
        (files / f"{i:04d}.txt").write_text(f"第{i}篇文章\n\n{body}\n", encoding="utf-8")
    store = ArticleStore(open_library(tmp_path / "lib"), folder)
    report = import_paths([files], Importer(converters), store, workers=2)
    assert report.added == POOL_MIN_FILES + 10 and not report.failures
    assert search_index.pending_count(store.conn) == 0
    articles = [a for a in (store.get(i) for i in _all_ids(store)) if a is not None]
    for query in ["幹部", "台", "湾", "發", "里裡"]:
        expected = _brute(folder, articles, query)
        assert _ids(store, folder, query) == (len(expected), expected), query
    first = articles[0]
    assert first.original_text.startswith(first.title)  # the text came back whole


def _all_ids(store: ArticleStore) -> list[str]:
    return [str(r[0]) for r in store.conn.execute("SELECT id FROM articles")]
