"""The library's schema, as the ordered migrations that build it.

Kept apart from reader.library.db, which applies them (and backs up first).
"""

from __future__ import annotations

# PRAGMA application_id of every Reader library (ASCII "Rdr1"): `file` and other
# tools can tell the file apart, and Reader refuses SQLite files of other programs.
APPLICATION_ID = 0x52647231

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
    # 4: the file says it is Reader's.
    f"PRAGMA application_id = {APPLICATION_ID};",
    # 5: the full-text index (reader.library.search_index), filled by a data step.
    """
    CREATE TABLE search_docs (
        doc INTEGER PRIMARY KEY AUTOINCREMENT, -- the row id in search_text; never reused
        article_id TEXT NOT NULL UNIQUE
    );
    CREATE TABLE search_state (
        key TEXT PRIMARY KEY,                  -- 'flushed': docs up to it are in search_text
        value INTEGER NOT NULL
    );
    CREATE VIRTUAL TABLE search_text USING fts5 (
        text, content = '', columnsize = 0, tokenize = 'ascii'
    );
    CREATE VIRTUAL TABLE search_titles USING fts5 (
        title, content = '', columnsize = 0, tokenize = 'ascii'
    );
    """,
    # 6: one section per site whatever its script (sections found by their folded
    # name, reader.chinese.folding); the Trash; folded titles for the title filter
    # and the title order. DATA_STEPS[5] fills the keys and merges the sections
    # that only differed in script. The listing index gains trashed_at (articles in
    # the Trash leave their section's list and counts, read from the index alone)
    # and the rest of the sort key, so an article's place is counted, not paged to.
    """
    ALTER TABLE sections ADD COLUMN fold_key TEXT NOT NULL DEFAULT '';
    CREATE INDEX sections_by_key ON sections (parent_id, fold_key);
    ALTER TABLE articles ADD COLUMN folded_title TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN trashed_at TEXT;  -- in the Trash since (UTC); NULL: not
    DROP INDEX articles_by_section;
    CREATE INDEX articles_by_section
        ON articles (section_id, trashed_at, published DESC, title, id, read);
    CREATE INDEX articles_unread ON articles (section_id) WHERE read = 0 AND trashed_at IS NULL;
    CREATE INDEX articles_by_folded_title
        ON articles (section_id, trashed_at, folded_title, id, published, title, read);
    CREATE INDEX articles_in_trash ON articles (trashed_at) WHERE trashed_at IS NOT NULL;
    """,
    # 7: each section's counts (its articles out of the Trash, and of those the unread),
    # kept by triggers in the transaction of every write: the list reads 55 rows at
    # start instead of counting 100,000 articles in two indexes (~11 ms). A section
    # removed takes its row along (its id may be given to a new section). The index
    # of unread articles, which only those counts read, goes.
    """
    CREATE TABLE section_counts (
        section_id INTEGER PRIMARY KEY,
        listed INTEGER NOT NULL DEFAULT 0,
        unread INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO section_counts (section_id, listed, unread)
        SELECT section_id, count(*), sum(read = 0) FROM articles
        WHERE trashed_at IS NULL GROUP BY section_id;
    CREATE TRIGGER articles_counted_in AFTER INSERT ON articles
        WHEN NEW.trashed_at IS NULL
    BEGIN
        INSERT INTO section_counts (section_id, listed, unread)
            VALUES (NEW.section_id, 1, NEW.read = 0)
            ON CONFLICT (section_id)
            DO UPDATE SET listed = listed + 1, unread = unread + (NEW.read = 0);
    END;
    CREATE TRIGGER articles_counted_out AFTER DELETE ON articles
        WHEN OLD.trashed_at IS NULL
    BEGIN
        UPDATE section_counts SET listed = listed - 1, unread = unread - (OLD.read = 0)
            WHERE section_id = OLD.section_id;
    END;
    CREATE TRIGGER articles_counted_again AFTER UPDATE OF section_id, read, trashed_at
        ON articles
        WHEN OLD.section_id IS NOT NEW.section_id OR OLD.read IS NOT NEW.read
            OR (OLD.trashed_at IS NULL) IS NOT (NEW.trashed_at IS NULL)
    BEGIN
        UPDATE section_counts SET listed = listed - 1, unread = unread - (OLD.read = 0)
            WHERE section_id = OLD.section_id AND OLD.trashed_at IS NULL;
        INSERT INTO section_counts (section_id, listed, unread)
            SELECT NEW.section_id, 1, NEW.read = 0 WHERE NEW.trashed_at IS NULL
            ON CONFLICT (section_id)
            DO UPDATE SET listed = listed + 1, unread = unread + (NEW.read = 0);
    END;
    CREATE TRIGGER sections_uncounted AFTER DELETE ON sections
    BEGIN
        DELETE FROM section_counts WHERE section_id = OLD.id;
    END;
    DROP INDEX articles_unread;
    """,
    # 8: the site a page came from (its address's host, without www.): a site's
    # pages go under the section its first page was filed under, whatever name
    # each page gives the site (ETtoday新聞雲, ETtoday 東森新聞雲). Unknown (NULL)
    # for articles imported before, and for text and Markdown files.
    """
    ALTER TABLE articles ADD COLUMN site TEXT;
    CREATE INDEX articles_by_site ON articles (site) WHERE site IS NOT NULL;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# Steps in Python that some migrations need after their SQL (computing folded
# keys, filling an index): version n -> "module:function" taking the connection,
# run in the same transaction as MIGRATIONS[n]. They change rows, never the
# schema, so a library's layout is still what the SQL alone makes. Named, not
# imported, so that the modules they live in may import this one.
DATA_STEPS: dict[int, str] = {
    4: "reader.library.search_index:fill",
    5: "reader.library.sections:fill_folded_keys",
}
