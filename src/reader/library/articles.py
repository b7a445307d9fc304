"""Articles and sections in the library."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.chinese.folding import shared_folder
from reader.domain import MAX_SECTION_DEPTH, Article, Block, Script, bounded_section
from reader.library import search_index
from reader.library.bookmarks import reanchor
from reader.library.db import LibraryError, write
from reader.library.prepare import Prepared, blocks_json
from reader.library.sections import find_or_make
from reader.library.stored_text import pack, pack_blocks, unpack, unpack_blocks

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reader.chinese.folding import Folder

log = logging.getLogger(__name__)

UNSORTED = "Unsorted"


class Stored(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class SectionRow:
    id: int
    parent_id: int  # 0 for a top-level section
    name: str
    count: int  # articles directly in this section


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows: no body, no original text."""

    id: str
    section_id: int
    title: str
    published: str | None
    read: bool


# A site's pages looked at to find the section it is filed under (one indexed read).
_SITE_SAMPLE = 50

_COLUMNS = (
    "id, title, section_path, published, source, author, editors, script, blocks, "
    "origin_path, original_text, site"
)


def _article(row: sqlite3.Row | tuple[object, ...]) -> Article:
    (aid, title, path, published, source, author, editors, script, blocks, origin, text, site) = row
    blocks_json = unpack_blocks(blocks)
    return Article(
        id=str(aid),
        title=str(title),
        section_path=tuple(json.loads(str(path))),
        published=published if published is None else str(published),
        source=source if source is None else str(source),
        author=author if author is None else str(author),
        editors=tuple(json.loads(str(editors))),
        script=Script(str(script)),
        blocks=tuple(Block.from_json(b) for b in json.loads(blocks_json)),
        origin_path=origin if origin is None else str(origin),
        original_text=unpack(text, blocks_json),
        site=site if site is None else str(site),
    )


class ArticleStore:
    """Reads and writes articles through one connection."""

    def __init__(self, conn: sqlite3.Connection, folder: Folder | None = None) -> None:
        self.conn = conn
        self._folder = folder  # None: the process's shared one, built when first needed
        self._waiting: search_index.Waiting = {}  # index texts made, not yet flushed
        # Section path -> id, for sections known to be committed. Saves three
        # queries per imported article; cleared whenever sections may vanish.
        self._sections: dict[tuple[str, ...], int] = {}

    def _section_id(self, path: tuple[str, ...]) -> int:
        cached = self._sections.get(path)
        if cached is not None:
            return cached
        parent = 0
        for name in path:  # found by folded name: one section whatever the script
            parent = find_or_make(self.conn, parent, name, self._folder)
        return parent

    @property
    def folder(self) -> Folder:
        if self._folder is None:
            self._folder = shared_folder()
        return self._folder

    def _get_folder(self) -> Folder:
        return self.folder

    def add(
        self,
        article: Article,
        fallback_section: tuple[str, ...] = (),
        prepared: Prepared | None = None,
    ) -> Stored:
        """Store an article in one transaction; the same content is never stored twice.

        A re-import refreshes what the parser found and keeps the reading state.
        """
        # The importers already keep sections within bounds; an Article made elsewhere
        # must not build a chain of sections deeper either (see reader.domain).
        path = bounded_section(article.section_path or fallback_section)[0] or (UNSORTED,)
        try:
            outcome = self._add(article, path, prepared)
        except sqlite3.IntegrityError:
            if path not in self._sections:
                raise
            # Another process removed a section we had cached: look it up again.
            self._sections.clear()
            outcome = self._add(article, path, prepared)
        if outcome is Stored.UPDATED:
            self._sections.clear()
        return outcome

    def _site_path(self, article: Article, path: tuple[str, ...]) -> tuple[str, ...]:
        """One site, one section, whatever each page calls the site: a page goes
        under the top section that holds most of its site's pages (of the first
        _SITE_SAMPLE, out of the Trash) and one that named a section, by the name
        it has now, keeping its own columns below. So a rename is followed, and
        one page moved elsewhere does not take the site along. A page that names
        no section (filed under its folder's name) goes there too; a page of a
        site not seen before keeps its path."""
        if article.site is None:
            return path
        rows = self.conn.execute(
            "SELECT section_id, section_path != '[]' FROM articles WHERE site = ? "
            "AND id != ? AND trashed_at IS NULL ORDER BY rowid LIMIT ?",
            (article.site, article.id, _SITE_SAMPLE),
        ).fetchall()
        # Each top section counts every page of the site in it; only one holding a
        # page that named a section is the site's (never a folder's name alone).
        tops: Counter[int] = Counter()
        named: list[int] = []
        top_of: dict[int, int] = {}
        for section, gave_name in rows:
            if section not in top_of:
                top_of[section] = self._top_section(int(section))
            tops[top_of[section]] += 1
            if gave_name and top_of[section] not in named:
                named.append(top_of[section])
        if not named:
            return path
        top = max(named, key=lambda t: tops[t])  # on a tie, the earlier page's
        row = self.conn.execute("SELECT name FROM sections WHERE id = ?", (top,)).fetchone()
        if row is None:
            return path
        if not article.section_path:
            return (str(row[0]),)
        return bounded_section((str(row[0]), *path[1:]))[0]

    def _top_section(self, section: int) -> int:
        """The top-level section above (or at) `section`."""
        for _ in range(MAX_SECTION_DEPTH + 1):
            row = self.conn.execute(
                "SELECT parent_id FROM sections WHERE id = ?", (section,)
            ).fetchone()
            if row is None or not row[0]:
                return section
            section = int(row[0])
        return section

    def _add(self, article: Article, path: tuple[str, ...], prepared: Prepared | None) -> Stored:
        if prepared is None or prepared.article is not article:
            text = blocks_json(article)
            packed_blocks, packed_original = pack_blocks(text), pack(article.original_text, text)
        else:  # done by an import's worker process (reader.library.prepare)
            packed_blocks, packed_original = prepared.blocks, prepared.original

        def index_text() -> str:
            if prepared is not None and prepared.article is article:
                return prepared.index_text
            blocks = [b.text for b in article.blocks]
            return search_index.index_text(self.folder, article.title, blocks)

        values = (
            article.title,
            json.dumps(list(article.section_path), ensure_ascii=False),
            article.published,
            article.source,
            article.author,
            json.dumps(list(article.editors), ensure_ascii=False),
            article.script.value,
            packed_blocks,
            article.origin_path,
            packed_original,
            article.site,
        )
        folded = self.folder.fold(article.title)
        with write(self.conn):
            section = self._section_id(self._site_path(article, path))
            old = self.conn.execute(
                f"SELECT section_id, {_COLUMNS}, trashed_at FROM articles WHERE id = ?",
                (article.id,),
            ).fetchone()
            if old is None:
                self.conn.execute(
                    f"INSERT INTO articles (id, section_id, {_COLUMNS.split(', ', 1)[1]}, "
                    "folded_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, section, *values, folded),
                )
                # Bookmarks imported before their article (moved from another
                # desktop) find their passages now. One cheap look first: a new
                # article almost never has any, and imports must stay fast.
                if self.conn.execute(
                    "SELECT EXISTS (SELECT 1 FROM bookmarks WHERE article_id = ?) "
                    "OR EXISTS (SELECT 1 FROM reading_positions WHERE article_id = ?)",
                    (article.id, article.id),
                ).fetchone()[0]:
                    reanchor(self.conn, article)
                search_index.after_store(
                    self.conn, article.id, index_text(), self._get_folder, self._waiting
                )
                outcome = Stored.ADDED
            elif (old[0], *old[2:-1], old[-1]) == (section, *values, None):
                outcome = Stored.UNCHANGED
            else:
                self.conn.execute(
                    "UPDATE articles SET section_id = ?, title = ?, section_path = ?, "
                    "published = ?, source = ?, author = ?, editors = ?, script = ?, blocks = ?, "
                    "origin_path = ?, original_text = ?, site = ?, folded_title = ?, "
                    "trashed_at = NULL WHERE id = ?",
                    (section, *values, folded, article.id),  # out of the Trash if it was
                )
                # Bookmarks follow the new blocks in the same transaction: they
                # can never point into blocks that were not committed.
                reanchor(self.conn, article)
                search_index.after_store(
                    self.conn, article.id, index_text(), self._get_folder, self._waiting
                )
                if old[0] != section:
                    self._drop_if_empty(int(old[0]))
                outcome = Stored.UPDATED
        self._sections[path] = section  # committed now
        return outcome

    def flush_index(self) -> int:
        """Write the articles still pending in the search index (end of an import)."""
        if self.read_only:
            return 0
        with write(self.conn):
            return search_index.flush(self.conn, self.folder, self._waiting)

    def _drop_if_empty(self, section_id: int) -> None:
        drop_if_empty(self.conn, section_id)

    def delete_forever(self, ids: Iterable[str]) -> int:
        """The one place articles leave the library for good (emptying the Trash).

        Their bookmarks are marked deleted (kept in the file, as a deleted bookmark
        is) and their reading positions go; sections left empty go too. Anything
        that keeps data about articles (an index) hooks in here. Returns how many.
        """
        ids = list(ids)
        gone = 0
        with write(self.conn):
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"DELETE FROM articles WHERE id IN ({marks}) RETURNING section_id", chunk
                ).fetchall()
                gone += len(rows)
                self.conn.execute(
                    "UPDATE bookmarks SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                    f"WHERE deleted_at IS NULL AND article_id IN ({marks})",
                    chunk,
                )
                self.conn.execute(
                    f"DELETE FROM reading_positions WHERE article_id IN ({marks})", chunk
                )
                search_index.forget(self.conn, chunk)
                for section in {int(r[0]) for r in rows}:
                    drop_if_empty(self.conn, section)
        self._sections.clear()
        return gone

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article(row) if row else None

    def resolve(self, ref: str) -> list[str]:
        """Article ids that `ref` names: the whole id or an unambiguous prefix."""
        if not ref or not all(c in "0123456789abcdef" for c in ref.lower()):
            return []
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (ref.lower(), ref.lower() + "g"),
        ).fetchall()
        return [r[0] for r in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def is_empty(self) -> bool:
        """No article at all (one row read; count() reads every one)."""
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def sections(self) -> list[SectionRow]:
        """Every section with its own article count (the Trash left out), parents first."""
        rows = self.conn.execute(  # the counts the schema keeps (section_counts)
            "SELECT s.id, s.parent_id, s.name, coalesce(n.listed, 0) FROM sections s "
            "LEFT JOIN section_counts n ON n.section_id = s.id ORDER BY s.id"
        ).fetchall()
        return [SectionRow(int(i), int(p), str(n), int(c)) for i, p, n, c in rows]

    def articles_in(self, section_id: int) -> list[ArticleRow]:
        """A section's articles, newest first (undated last), then by title."""
        rows = self.conn.execute(
            "SELECT id, section_id, title, published, read FROM articles WHERE section_id = ? "
            "AND trashed_at IS NULL "
            "ORDER BY published IS NULL, published DESC, title",
            (section_id,),
        ).fetchall()
        return [ArticleRow(str(i), int(s), str(t), p, bool(r)) for i, s, t, p, r in rows]

    @property
    def read_only(self) -> bool:
        """Whether the library could only be opened for reading (said once, on open)."""
        return bool(getattr(self.conn, "readonly", False))

    def mark_read(self, article_id: str, read: bool = True) -> bool:
        """Record that an article was read. Bookkeeping, not the user's work: a
        library that cannot take it (read-only, busy, a full disk) goes on being
        read, and the reason is logged. Returns whether it was saved."""
        if self.read_only:
            return False
        try:
            with write(self.conn):
                self.conn.execute(
                    "UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id)
                )
        except LibraryError as exc:
            log.warning("read flag not saved: %s", exc)
            return False
        return True


def drop_if_empty(conn: sqlite3.Connection, section_id: int) -> None:
    """Remove a section left empty by a move, then each parent it leaves empty.

    Sections exist for their articles. Walking up from the one left, rather than
    sweeping every empty section until none is left, keeps a deep chain (an old
    library's 300,000-level breadcrumb) linear.
    """
    seen: set[int] = set()
    while section_id and section_id not in seen:  # a cycle in a damaged file ends too
        seen.add(section_id)
        row = conn.execute(
            "DELETE FROM sections WHERE id = ? "
            "AND NOT EXISTS (SELECT 1 FROM articles WHERE section_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM sections WHERE parent_id = ?) "
            "RETURNING parent_id",
            (section_id, section_id, section_id),
        ).fetchone()
        if row is None:
            return
        section_id = int(row[0])
