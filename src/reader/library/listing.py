"""Queries behind the article list: sections, pages of articles, filter counts. No Qt."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from reader.library.articles import ArticleRow, SectionRow

# Display order of a section's articles: newest first, undated last, ties by title and id
# so that pages never overlap or skip a row. SQLite sorts NULL below every value, so DESC
# already puts undated articles last: spelling out `published IS NULL` first would give the
# same order but stop SQLite from reading it off articles_by_section (a 40,000-article
# section took 120 ms per page that way instead of 3 ms).
_ORDER = "ORDER BY published DESC, title, id"
_ESCAPE = "\\"


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its wildcards taken literally."""
    escaped = (
        text.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    )
    return f"%{escaped}%"


def list_sections(conn: sqlite3.Connection) -> list[SectionRow]:
    """Every section with the number of articles directly in it (the Trash left
    out), by parent then name."""
    # Counted by the schema's triggers as articles are written (schema 7).
    rows = conn.execute(
        "SELECT s.id, s.parent_id, s.name, coalesce(n.listed, 0) FROM sections s "
        "LEFT JOIN section_counts n ON n.section_id = s.id ORDER BY s.parent_id, s.name, s.id"
    ).fetchall()
    return [SectionRow(int(i), int(p), str(n), int(c)) for i, p, n, c in rows]


def unread_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Section id -> its own articles not read yet (the Trash left out)."""
    rows = conn.execute("SELECT section_id, unread FROM section_counts WHERE unread > 0")
    return {int(s): int(c) for s, c in rows}


def trash_count(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute("SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL").fetchone()[0]
    )


def section_path(sections: Mapping[int, SectionRow], section_id: int) -> tuple[str, ...]:
    """A section's names, outermost first, by walking up its parents.

    A loop, never recursion, and linear in the depth: an older library may hold a
    breadcrumb of thousands of levels. A parent loop (a damaged file) ends the path.
    """
    names: list[str] = []
    seen: set[int] = set()
    while section_id in sections and section_id not in seen:
        seen.add(section_id)
        row = sections[section_id]
        names.append(row.name)
        section_id = row.parent_id
    return tuple(reversed(names))


def list_articles(
    conn: sqlite3.Connection,
    section_id: int,
    offset: int,
    limit: int,
    title_filter: str | None = None,
    *,
    after: ArticleRow | None = None,
) -> list[ArticleRow]:
    """One page of a section's articles, newest first (undated last).

    `title_filter` keeps titles containing it; like SQLite's LIKE, letters are
    compared case-insensitively only in ASCII (Chinese has no case).
    `after` starts the page just after that row instead of at `offset` (which must
    then be 0): OFFSET makes SQLite step over every skipped row, so deep pages of a big
    section get slower and slower, while a page after a known row costs the same anywhere.
    """
    if after is not None and offset:
        raise ValueError("give either an offset or the row to start after, not both")
    where = "section_id = ? AND trashed_at IS NULL"
    params: list[object] = [section_id]
    if title_filter:
        where += f" AND title LIKE ? ESCAPE '{_ESCAPE}'"
        params.append(like_pattern(title_filter))
    if after is None:
        return _articles(conn, where, params, f"{_ORDER} LIMIT ? OFFSET ?", [limit, offset])
    rows: list[ArticleRow] = []
    if after.published is not None:
        # Two ranges rather than one OR, which would make SQLite scan the section from
        # its start: the dated rows after `after`, then (below) the undated ones.
        rows = _articles(
            conn,
            where + " AND published <= ? AND NOT (published = ? AND (title, id) <= (?, ?))",
            [*params, after.published, after.published, after.title, after.id],
            f"{_ORDER} LIMIT ?",
            [limit],
        )
        if len(rows) == limit:
            return rows
        undated = where + " AND published IS NULL"
    else:
        undated = where + " AND published IS NULL AND (title, id) > (?, ?)"
        params += [after.title, after.id]
    return rows + _articles(
        conn, undated, params, "ORDER BY title, id LIMIT ?", [limit - len(rows)]
    )


def _articles(
    conn: sqlite3.Connection, where: str, params: list[object], tail: str, more: list[object]
) -> list[ArticleRow]:
    rows = conn.execute(
        "SELECT id, section_id, title, published, read FROM articles "
        f"INDEXED BY articles_by_section WHERE {where} {tail}",
        [*params, *more],
    ).fetchall()
    return [ArticleRow(str(i), int(s), str(t), p, bool(r)) for i, s, t, p, r in rows]


def listed_before(a: tuple[str | None, str, str], b: tuple[str | None, str, str]) -> bool:
    """Whether the article keyed (published, title, id) `a` is listed before `b`.

    The ORDER BY above in Python (whose str order is SQLite's BINARY order for UTF-8),
    to tell whether a page has already gone past a given article.
    """
    (a_pub, a_title, a_id), (b_pub, b_title, b_id) = a, b
    if a_pub is None or b_pub is None:
        if (a_pub is None) != (b_pub is None):
            return b_pub is None  # dated articles come first
    elif a_pub != b_pub:
        return a_pub > b_pub  # newest first
    return (a_title, a_id) < (b_title, b_id)


def matching_counts(conn: sqlite3.Connection, title_filter: str) -> dict[int, int]:
    """Section id -> number of its own articles whose title contains `title_filter`."""
    # `+section_id` keeps SQLite from walking articles_by_section and fetching every row
    # in index order; one pass over the table is several times faster (40 ms vs 280 ms
    # for 100,000 articles).
    rows = conn.execute(
        "SELECT section_id, count(*) FROM articles "
        f"WHERE trashed_at IS NULL AND title LIKE ? ESCAPE '{_ESCAPE}' "
        "GROUP BY +section_id",
        (like_pattern(title_filter),),
    ).fetchall()
    return {int(s): int(c) for s, c in rows}


def by_title(
    conn: sqlite3.Connection, section_id: int, offset: int, limit: int
) -> list[ArticleRow]:
    """A page of a section's articles in title order (folded: scripts sort together)."""
    rows = conn.execute(
        "SELECT id, section_id, title, published, read FROM articles "
        "INDEXED BY articles_by_folded_title WHERE section_id = ? AND trashed_at IS NULL "
        "ORDER BY folded_title, id LIMIT ? OFFSET ?",
        [section_id, limit, offset],
    ).fetchall()
    return [ArticleRow(str(i), int(s), str(t), p, bool(r)) for i, s, t, p, r in rows]


def by_keys(conn: sqlite3.Connection, keys: list[tuple[int, str, str]]) -> list[ArticleRow]:
    """The rows keyed (section id, folded title, id), in that order; those gone are left
    out. Read from the title index alone (it holds every column shown): a row's read
    flag is stored after its text, and the table would be read through it."""
    found: dict[str, ArticleRow] = {}
    for at in range(0, len(keys), 2000):
        chunk = keys[at : at + 2000]
        values = ", ".join(["(?, ?, ?)"] * len(chunk))
        rows = conn.execute(
            f"WITH wanted (s, f, i) AS (VALUES {values}) "
            "SELECT a.id, a.section_id, a.title, a.published, a.read FROM wanted "
            "JOIN articles a INDEXED BY articles_by_folded_title ON a.section_id = wanted.s "
            "AND a.trashed_at IS NULL AND a.folded_title = wanted.f AND a.id = wanted.i",
            [v for key in chunk for v in key],
        ).fetchall()
        found.update(
            (str(r[0]), ArticleRow(str(r[0]), int(r[1]), str(r[2]), r[3], bool(r[4]))) for r in rows
        )
    return [found[k[2]] for k in keys if k[2] in found]


def place_in_section(conn: sqlite3.Connection, article_id: str) -> tuple[int, int] | None:
    """(section id, row) of an article in its section's date order, counted in the
    index (no row read), so an old article costs what a new one does."""
    found = conn.execute(
        "SELECT section_id, published, title FROM articles WHERE id = ? AND trashed_at IS NULL",
        (article_id,),
    ).fetchone()
    if found is None:
        return None
    section, published, title = int(found[0]), found[1], str(found[2])
    base = "SELECT count(*) FROM articles INDEXED BY articles_by_section "
    base += "WHERE section_id = ? AND trashed_at IS NULL AND "
    if published is None:
        dated = conn.execute(base + "published IS NOT NULL", (section,)).fetchone()[0]
        undated = conn.execute(
            base + "published IS NULL AND (title, id) < (?, ?)", (section, title, article_id)
        ).fetchone()[0]
        return section, int(dated) + int(undated)
    newer = conn.execute(base + "published > ?", (section, published)).fetchone()[0]
    same = conn.execute(
        base + "published = ? AND (title, id) < (?, ?)", (section, published, title, article_id)
    ).fetchone()[0]
    return section, int(newer) + int(same)
