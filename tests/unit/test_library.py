"""The SQLite library: a real file in a temp folder."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.importers import Importer
from reader.library import ArticleStore, LibraryError, Stored, connect, open_library
from reader.library.db import DB_NAME
from reader.library.ingest import import_paths
from reader.library.manage import move, rename_section
from reader.library.schema import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(open_library(tmp_path / "lib"))


@pytest.fixture
def importer(converters: Converters) -> Importer:
    return Importer(converters)


def write_seed(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_new_library_is_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    conn = open_library(tmp_path / "lib")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (tmp_path / "lib" / DB_NAME).is_file()


def test_reimport_never_duplicates(
    tmp_path: Path, store: ArticleStore, importer: Importer, seed_text: str
) -> None:
    utf8 = write_seed(tmp_path / "a", "seed.txt", seed_text)
    crlf = write_seed(tmp_path / "b", "renamed.txt", seed_text.replace("\n", "\r\n"))
    first = import_paths([utf8], importer, store)
    again = import_paths([utf8, crlf], importer, store)
    assert first.added == 1
    assert again.added == 0
    assert store.count() == 1


def test_article_round_trips_through_the_library(
    tmp_path: Path, store: ArticleStore, importer: Importer, seed_text: str
) -> None:
    path = write_seed(tmp_path, "seed.txt", seed_text)
    article = importer.parse_file(path)
    assert store.add(article) is Stored.ADDED
    path.unlink()  # the library works after the file is gone
    stored = store.get(article.id)
    assert stored == article
    assert stored is not None and stored.original_text == seed_text


def test_sections_come_from_the_section_path(
    tmp_path: Path, store: ArticleStore, importer: Importer, seed_text: str
) -> None:
    import_paths([write_seed(tmp_path, "seed.txt", seed_text)], importer, store)
    names = {s.id: s for s in store.sections()}
    leaf = next(s for s in names.values() if s.count == 1)
    path = []
    sid = leaf.id
    while sid:
        path.insert(0, names[sid].name)
        sid = names[sid].parent_id
    assert path[:2] == ["中國共產黨新聞網", "黨建"]
    assert [r.title for r in store.articles_in(leaf.id)] == ["中聯部在主題教育期間深入開展調查研究"]


def _top_sections(store: ArticleStore) -> dict[str, int]:
    """Top-level section names and the articles under each, at any depth."""
    sections = {s.id: s for s in store.sections()}
    counts: dict[str, int] = {}
    for s in sections.values():
        top = s
        while top.parent_id:
            top = sections[top.parent_id]
        counts[top.name] = counts.get(top.name, 0) + s.count
    return {name: n for name, n in counts.items() if n}


def test_one_site_is_one_section_whatever_its_pages_call_it(
    store: ArticleStore, importer: Importer
) -> None:
    para = "軍公教優存利率可望調降為9%，對此民進黨智庫執行長林萬億指出，一次調為9%看似公平。" * 2

    def page(n: int, head: str, crumb: str = "") -> bytes:
        html = (
            f"<html><head><title>第{n}則新聞</title>{head}</head><body>{crumb}"
            f"<h1>第{n}則新聞</h1><p>{para}{n}</p><p>{para}</p></body></html>"
        )
        return html.encode()

    def named(site: str, host: str) -> str:
        return (
            f'<meta property="og:site_name" content="{site}">'
            f'<link rel="canonical" href="https://{host}/news/1.htm">'
        )

    pages = [
        (page(1, named("ETtoday新聞雲", "www.ettoday.net")), ()),
        # The same site under another name, with its column: under the first name.
        (
            page(
                2,
                named("ETtoday 東森新聞雲", "www.ettoday.net"),
                "<div>當前位置：ETtoday &gt; 政治</div>",
            ),
            (),
        ),
        # A page naming no site at all, filed under its folder: under the site too.
        (page(3, '<meta property="og:url" content="https://m.ettoday.net/news/3.htm">'), ("存檔",)),
        # Another site keeps its own name.
        (page(4, named("中央社 CNA", "www.cna.com.tw")), ()),
        # A page with no address keeps the name it gives.
        (page(5, '<meta property="og:site_name" content="東森新聞雲">'), ()),
    ]
    for data, folder in pages:
        store.add(importer.parse_bytes(data, Path("a.html")), folder)
    assert _top_sections(store) == {"ETtoday新聞雲": 3, "中央社 CNA": 1, "東森新聞雲": 1}
    second = store.get(importer.parse_bytes(pages[1][0], Path("a.html")).id)
    assert second is not None and second.site == "ettoday.net"
    assert second.section_path == ("ETtoday", "政治")  # as the page gave it
    names = {s.name for s in store.sections()}
    assert "政治" in names and "ETtoday 東森新聞雲" not in names and "存檔" not in names

    # The user renames the site's section, and moves its first page elsewhere: the
    # site's next pages follow the rename, not the one page moved.
    top = next(s.id for s in store.sections() if s.name == "ETtoday新聞雲")
    rename_section(store.conn, top, "東森")
    first = importer.parse_bytes(pages[0][0], Path("a.html")).id
    move(store.conn, [first], ("我的收藏",))
    later = ArticleStore(store.conn)  # another import, as by the command line
    later.add(importer.parse_bytes(page(6, named("ETtoday新聞雲", "www.ettoday.net")), Path("a")))
    assert _top_sections(store) == {"東森": 3, "我的收藏": 1, "中央社 CNA": 1, "東森新聞雲": 1}


def test_article_without_a_section_goes_under_its_folder_or_unsorted(
    tmp_path: Path, store: ArticleStore, importer: Importer
) -> None:
    text = "一篇随笔\n\n今天天气很好，我们去公园散步，看到了很多花。\n"
    folder = tmp_path / "随笔"
    write_seed(folder / "春", "a.txt", text)
    single = write_seed(tmp_path, "b.txt", text.replace("随笔", "杂记"))
    import_paths([folder, single], importer, store)
    by_id = {s.id: s for s in store.sections()}
    paths = set()
    for s in by_id.values():
        if s.count:
            names, sid = [], s.id
            while sid:
                names.insert(0, by_id[sid].name)
                sid = by_id[sid].parent_id
            paths.add(tuple(names))
    assert paths == {("随笔", "春"), ("Unsorted",)}


def test_articles_are_listed_newest_first(
    tmp_path: Path, store: ArticleStore, importer: Importer
) -> None:
    for day in (3, 1, 2):
        write_seed(
            tmp_path / "news",
            f"{day}.txt",
            f"第{day}天的新闻\n2024-01-0{day} 08:00 来源：本报\n\n正文内容第{day}天。\n",
        )
    import_paths([tmp_path / "news"], importer, store)
    section = next(s for s in store.sections() if s.count)
    assert [r.title for r in store.articles_in(section.id)] == [
        "第3天的新闻",
        "第2天的新闻",
        "第1天的新闻",
    ]


def test_a_bad_file_is_named_and_the_rest_still_import(
    tmp_path: Path, store: ArticleStore, importer: Importer, seed_text: str
) -> None:
    folder = tmp_path / "mixed"
    write_seed(folder, "good.txt", seed_text)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nul.txt").write_bytes(b"\x00" * 100)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    report = import_paths([folder, tmp_path / "missing.txt"], importer, store)
    assert report.added == 1
    failed = sorted(Path(f.path).name for f in report.failures)
    assert failed == ["binary.txt", "empty.txt", "missing.txt", "nul.txt"]
    assert all("\n" not in str(f) for f in report.failures)
    assert store.count() == 1


def test_file_past_the_size_limit_is_refused(
    tmp_path: Path, store: ArticleStore, importer: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.importers.importer as importer_module

    monkeypatch.setattr(importer_module, "MAX_FILE_BYTES", 1000)
    big = write_seed(tmp_path, "big.txt", "标题\n\n" + "很长的正文。" * 400)
    report = import_paths([big], importer, store)
    assert [f.reason for f in report.failures] == ["file is larger than the 1,000 bytes limit"]
    assert store.count() == 0


def test_failed_write_leaves_nothing_partial(
    tmp_path: Path, store: ArticleStore, importer: Importer, seed_text: str
) -> None:
    article = importer.parse_str(seed_text)
    store.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.add(article)
    assert store.count() == 0
    assert store.sections() == []  # the section insert was rolled back with it


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer Reader"):
        connect(path)
    assert path.read_bytes() == before


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not a database at all" * 10)
    with pytest.raises(LibraryError, match="not an SQLite file"):
        connect(path)
    assert path.read_bytes() == b"this is not a database at all" * 10


def test_unwritable_library_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create the library folder"):
        open_library(blocker / "lib")


def test_two_writers_do_not_fail_with_database_locked(
    tmp_path: Path, importer: Importer, seed_text: str
) -> None:
    """Two connections (as the app and the CLI would be) writing at once."""
    folder = tmp_path / "lib"
    open_library(folder).close()
    articles = [
        importer.parse_str(f"第{i}篇\n\n{seed_text[i * 50 : i * 50 + 300]}") for i in range(40)
    ]
    errors: list[BaseException] = []

    def writer(chunk: list) -> None:  # type: ignore[type-arg]
        store = ArticleStore(open_library(folder))
        try:
            for a in chunk:
                store.add(a)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(articles[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert ArticleStore(open_library(folder)).count() == 40
