"""The full-text index: every article's title and blocks, folded, one token a character.

Shape, chosen for size and for short Chinese queries (traps.md #7):

- ``search_text`` is a contentless FTS5 table (the text lives in ``articles``
  only) whose tokens are single characters of the *folded* text
  (reader.chinese.folding), with positions: the title, then each block, one
  per line. ``search_titles`` holds the titles alone, the same way, so that
  title hits can rank first without reading the bodies' postings (one column
  for all costs 30% less than two columns, title and body). A query of any length is then an
  FTS5 phrase of its characters, answered exactly by the index: one character
  is one term, two are a two-term phrase, no trigram limit, no verification.
  ASCII punctuation and whitespace become tokens of their own (private-use
  characters), so a phrase never matches across them: a hit is exactly a
  substring of the folded text.
- ``search_docs`` maps the index's row ids ("docs") to article ids. A doc id is
  never reused (AUTOINCREMENT): forgetting an article deletes only its
  ``search_docs`` row, and the postings it leaves in the index point nowhere
  until the next rebuild. Forgetting therefore needs neither the old text nor
  the folding that made it, and works after the article row is gone.
- Writing an article's postings costs ~1 ms in a transaction of its own (FTS5
  writes and merges a segment at every commit), in batches ~0.3 ms. So the
  article's transaction only gives it a new doc id; docs above ``flushed`` are
  *pending*, searched by a scan of their text (reader.library.search), and are
  written to the index in one batch once PENDING_BATCH of them wait, inside the
  transaction of the article that fills the batch, and at the end of an import.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from reader.library.stored_text import unpack_blocks

if TYPE_CHECKING:
    from reader.chinese.folding import Folder

# Tables made by migration 5 (reader.library.schema): search_docs, search_state,
# search_text, search_titles.

PENDING_BATCH = 256  # docs waiting before they are written to the index in one go

# ASCII characters FTS5's ascii tokenizer would drop: each becomes a private-use
# character, a token of its own, so that phrases keep them.
_SEPARATORS = re.compile(r"([\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+)")
_PRIVATE = 0xE000


def _keep(run: re.Match[str]) -> str:
    return "".join(chr(_PRIVATE + ord(c)) for c in run.group())


def tokens(folded: str) -> list[str]:
    """The index's tokens for folded text: one per character, separators included."""
    return list(_SEPARATORS.sub(_keep, folded))


def token_text(folded: str) -> str:
    """Folded text as the ascii tokenizer should see it: one token a character."""
    return " ".join(_SEPARATORS.sub(_keep, folded))


def body_text(blocks: Sequence[str]) -> str:
    """The searchable body: blocks one per line (a newline is a token, so no
    phrase runs from one block into the next)."""
    return "\n".join(blocks)


def blocks_of(stored: object) -> list[str]:
    """The blocks' texts from the articles.blocks column (reader.library.stored_text)."""
    return [str(b.get("text", "")) for b in json.loads(unpack_blocks(stored))]


def folded_with(conn: sqlite3.Connection) -> int | None:
    """The FOLD_VERSION the index was last rebuilt with (None: never rebuilt)."""
    row = conn.execute("SELECT value FROM search_state WHERE key = 'fold'").fetchone()
    return int(row[0]) if row else None


def out_of_date(conn: sqlite3.Connection) -> bool:
    """Whether the folding rules changed since the index was built: a search may
    then miss some articles until `reader library reindex`."""
    from reader.chinese.folding import FOLD_VERSION

    found = folded_with(conn)
    return found is not None and found != FOLD_VERSION


def flushed(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM search_state WHERE key = 'flushed'").fetchone()
    return int(row[0]) if row else 0


def note(conn: sqlite3.Connection, article_id: str) -> int:
    """Give a new or changed article a new doc (pending), in the caller's
    transaction; its old postings, if any, are left pointing nowhere."""
    conn.execute("DELETE FROM search_docs WHERE article_id = ?", (article_id,))
    row = conn.execute(
        "INSERT INTO search_docs (article_id) VALUES (?) RETURNING doc", (article_id,)
    ).fetchone()
    return int(row[0])


def forget(conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """Take articles out of search, in the caller's transaction (removal, delete
    forever). Needs nothing of the article: it may already be gone."""
    conn.executemany(
        "DELETE FROM search_docs WHERE article_id = ?", ((aid,) for aid in article_ids)
    )


def pending_count(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT count(*) FROM search_docs WHERE doc > ?", (flushed(conn),))
    return int(row.fetchone()[0])


# Index texts made when their articles were stored, waiting for the flush:
# doc -> (article id, text). Kept by the store; checked against the article id,
# as a doc id may be given again after a rolled-back transaction.
Waiting = dict[int, tuple[str, str]]


def flush(conn: sqlite3.Connection, folder: Folder, waiting: Waiting | None = None) -> int:
    """Write every pending doc to the index, in the caller's transaction. Returns how many."""
    upto = flushed(conn)
    waiting = {} if waiting is None else waiting
    pending = conn.execute(
        "SELECT doc, article_id FROM search_docs WHERE doc > ? ORDER BY doc", (upto,)
    ).fetchall()
    if not pending:
        return 0
    docs: list[tuple[int, str]] = []
    for doc, article_id in pending:
        made = waiting.pop(int(doc), None)
        if made is not None and made[0] == article_id:
            docs.append((int(doc), made[1]))
            continue
        row = conn.execute(
            "SELECT title, blocks FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            docs.append((int(doc), index_text(folder, str(row[0]), blocks_of(row[1]))))
    conn.executemany("INSERT INTO search_text (rowid, text) VALUES (?, ?)", docs)
    conn.executemany(
        "INSERT INTO search_titles (rowid, title) VALUES (?, ?)",
        ((doc, text[: text.find(_NEWLINE)].rstrip()) for doc, text in docs),
    )
    top = max(int(conn.execute("SELECT max(doc) FROM search_docs").fetchone()[0] or 0), upto)
    conn.execute("INSERT OR REPLACE INTO search_state (key, value) VALUES ('flushed', ?)", (top,))
    for doc in [d for d in waiting if d <= top]:  # flushed elsewhere, or gone
        del waiting[doc]
    return len(docs)


def index_text(folder: Folder, title: str, blocks: Sequence[str]) -> str:
    """An article's text as the index takes it: the title, then the blocks, a
    line each (a title of several lines is made one, so that the title is the
    text before the first line break), folded and one token a character."""
    return token_text(folder.fold(" ".join(title.splitlines()) + "\n" + body_text(blocks)))


_NEWLINE = chr(_PRIVATE + ord("\n"))


def after_store(
    conn: sqlite3.Connection,
    article_id: str,
    text: str,
    folder: Callable[[], Folder],
    waiting: Waiting,
) -> None:
    """What ArticleStore does when it stores a new or changed article, in its
    transaction: `text` is the article's index_text, kept until the flush."""
    doc = note(conn, article_id)
    waiting[doc] = (article_id, text)
    if doc - flushed(conn) >= PENDING_BATCH:
        flush(conn, folder(), waiting)


def rebuild(
    conn: sqlite3.Connection,
    folder: Folder,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 2000,
) -> int:
    """Build the index anew from the articles, in the caller's transaction (the
    migration's data step, `reader library reindex`). `progress(done, total)`."""
    conn.execute("INSERT INTO search_text (search_text) VALUES ('delete-all')")
    conn.execute("INSERT INTO search_titles (search_titles) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_docs")
    conn.execute("DELETE FROM search_state")
    ids = [str(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY rowid")]
    total = len(ids)
    for start in range(0, total, batch):
        chunk = ids[start : start + batch]
        conn.executemany("INSERT INTO search_docs (article_id) VALUES (?)", ((i,) for i in chunk))
        flush(conn, folder)
        if progress is not None:
            progress(min(start + batch, total), total)
    conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
    conn.execute("INSERT INTO search_titles (search_titles) VALUES ('optimize')")
    from reader.chinese.folding import FOLD_VERSION

    conn.execute("INSERT INTO search_state (key, value) VALUES ('fold', ?)", (FOLD_VERSION,))
    return total


def fill(conn: sqlite3.Connection) -> None:
    """Migration 5's data step: compress the original texts an existing library
    holds (reader.library.stored_text), then index its articles."""
    from reader.chinese.folding import shared_folder
    from reader.library.stored_text import pack_all

    pack_all(conn)
    rebuild(conn, shared_folder())
