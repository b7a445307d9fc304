"""The library's schema, as the ordered migrations that build it.

Kept apart from reader.library.db, which applies them (and backs up first).
"""

from __future__ import annotations

# Ordered migrations: MIGRATIONS[n] brings user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER NOT NULL DEFAULT 0,  -- 0: top level
        name TEXT NOT NULL,
        UNIQUE (parent_id, name)
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,                   -- fingerprint of the content
        section_id INTEGER NOT NULL REFERENCES sections (id),
        title TEXT NOT NULL,
        section_path TEXT NOT NULL,            -- JSON list, as parsed
        published TEXT,
        source TEXT,
        author TEXT,
        editors TEXT NOT NULL,                 -- JSON list
        script TEXT NOT NULL,
        blocks TEXT NOT NULL,                  -- JSON list of blocks
        origin_path TEXT,
        original_text TEXT NOT NULL,
        imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        read INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_by_section ON articles (section_id, published DESC);
    """,
    # 2: the translators' glossary and accepted audit corrections.
    """
    CREATE TABLE glossary (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        modes TEXT NOT NULL DEFAULT '',        -- comma-separated script modes; '' = all
        UNIQUE (source, modes)
    );
    CREATE TABLE corrections (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        block INTEGER NOT NULL,                -- -1: the title
        start INTEGER NOT NULL,                -- offset in the original block text
        found TEXT NOT NULL,
        suggestion TEXT NOT NULL,
        PRIMARY KEY (article_id, block, start)
    );
    """,
    # 3: bookmarks and reading positions. No foreign key to articles: a bookmark
    # outlives its article (re-import, bookmarks imported before the article).
    """
    CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY,                   -- uuid hex, stable across export/import
        article_id TEXT NOT NULL,
        block INTEGER,                         -- NULL: the whole article
        quote TEXT NOT NULL DEFAULT '',        -- start of the original block (or selection)
        sel_start INTEGER,                     -- offsets in the original block's text
        sel_end INTEGER,
        note TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',        -- the article's title, shown if it is gone
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0,   -- its quote was not found after a re-import
        deleted_at TEXT                        -- soft delete, so that it can be undone
    );
    CREATE INDEX bookmarks_by_article ON bookmarks (article_id);
    CREATE TABLE reading_positions (
        article_id TEXT PRIMARY KEY,
        block INTEGER NOT NULL DEFAULT 0,
        quote TEXT NOT NULL DEFAULT '',
        fraction REAL NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX reading_positions_by_time ON reading_positions (updated_at);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
